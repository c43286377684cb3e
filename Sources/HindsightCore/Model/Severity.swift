/// How bad an incident was, from `SEV1` (worst) to `SEV5`.
public enum Severity: String, Keyword {
    /// `SEV1`.
    case sev1 = "SEV1"
    /// `SEV2`.
    case sev2 = "SEV2"
    /// `SEV3`.
    case sev3 = "SEV3"
    /// `SEV4`.
    case sev4 = "SEV4"
    /// `SEV5`.
    case sev5 = "SEV5"
}
