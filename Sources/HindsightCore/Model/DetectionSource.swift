/// Who or what noticed an incident first.
public enum DetectionSource: String, Keyword {
    /// `monitoring`.
    case monitoring
    /// `customer`.
    case customer
    /// `staff`.
    case staff
    /// `third-party`.
    case thirdParty = "third-party"
    /// `unknown`.
    case unknown
}
