/// One of the top-level lists of an interchange document, named by its key, in the order the
/// writers put them.
public enum InterchangeSection: String, CaseIterable, Sendable {
    /// `services:`
    case services
    /// `slas:`
    case slas
    /// `maintenance:`
    case maintenance
    /// `incidents:`
    case incidents
}
