/// What the refused factors of an incident would have defined, so that the actions addressing them
/// are checked against the factors written, not only against those valid.
struct RefusedFactors {
    /// The valid ids of the factors refused for their other fields.
    var ids: Set<String> = []
    /// Whether a factor was refused without a valid id (or the factors are not a list): any
    /// address may then name it once it is fixed, so none is reported as unknown.
    var mayHaveUnread = false
}
