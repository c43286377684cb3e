import HindsightCore

/// One-line descriptions of SLAs.
enum SLAText {
    /// E.g. `99.9% per month (Europe/Prague)` or `15m down per year (UTC) from 2020-01-01`; a fixed
    /// allowance is spelled out to the second (`1h 30m 45s`), never shortened.
    static func describe(_ sla: ServiceLevelAgreement) -> String {
        var text: String
        switch sla.allowance {
        case .objective(let percent): text = "\(JSONWriter.formatNumber(percent))% per \(sla.window.rawValue)"
        case .fixed(let span): text = "\(DurationText.exact(seconds: span.seconds)) down per \(sla.window.rawValue)"
        }
        text += " (\(sla.timeZone))"
        if sla.partial == .full { text += ", partial counts as full" }
        if let from = sla.effectiveFrom { text += " from \(from)" }
        if let until = sla.effectiveUntil { text += " until \(until)" }
        return text
    }

    /// ``describe(_:)`` and the SLA's credit tiers, e.g. `99.9% per month (UTC); credits 10% below
    /// 99.9%, 25% below 99%` or `…; no credits`: what `sla add` and `sla change` confirm, since
    /// `--credit` replaces every tier and `--no-credits` removes them.
    static func describeWithCredits(_ sla: ServiceLevelAgreement) -> String {
        let tiers = sla.credits.map {
            "\(JSONWriter.formatNumber($0.creditPercent))% below \(JSONWriter.formatNumber($0.belowPercent))%"
        }
        return describe(sla) + (tiers.isEmpty ? "; no credits" : "; credits " + tiers.joined(separator: ", "))
    }
}
