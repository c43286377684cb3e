/// The part a contributing factor played in an incident; `contributing` when not said.
public enum FactorRole: String, Keyword {
    /// `trigger`.
    case trigger
    /// `latent`.
    case latent
    /// `amplifier`.
    case amplifier
    /// `detection-gap`.
    case detectionGap = "detection-gap"
    /// `recovery-impediment`.
    case recoveryImpediment = "recovery-impediment"
    /// `contributing`.
    case contributing
}
