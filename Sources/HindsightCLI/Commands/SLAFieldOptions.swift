import ArgumentParser
import HindsightCore

/// The SLA fields shared by `sla add` and `sla change`.
struct SLAFieldOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The availability objective in percent, above 0 and below 100, e.g. 99.9.",
                                            valueName: "percent"))
    var objective: String?

    @Option(name: .customLong("allowed-downtime"), help: ArgumentHelp(
        "Instead of an objective, a fixed downtime allowed per window, e.g. 15m or 2h30m.", valueName: "duration"))
    var allowedDowntime: String?

    @Option(name: .long, help: ArgumentHelp("The window: year, quarter, month or week.", valueName: "kind"),
            completion: .keyword(WindowKind.self))
    var window: String?

    @Option(name: .long, help: ArgumentHelp("The IANA time zone whose midnights bound the windows (default UTC).",
                                            valueName: "zone"))
    var tz: String?

    @Option(name: .long, help: ArgumentHelp("The last day the SLA applies, inclusive; 'open' for no end.", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("How partial impact counts: weighted (by its fraction) or full.", valueName: "policy"),
            completion: .keyword(PartialImpactPolicy.self))
    var partial: String?

    @Option(name: .long, help: ArgumentHelp(
        "A service-credit tier, e.g. 99.9:10 (10 % credit below 99.9 % availability); repeatable.", valueName: "below:percent"))
    var credit: [String] = []

    /// The interchange key each option fills, for messages.
    static let optionNames: [String: String] = [
        "service": "SERVICE", "objective": "--objective", "allowed_downtime": "--allowed-downtime", "window": "--window",
        "timezone": "--tz", "effective_from": "--from", "effective_until": "--until", "partial": "--partial",
    ]

    /// The credit tiers as interchange fields.
    func creditFields() throws -> [[CommandLineField]] {
        try credit.enumerated().map { index, text in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw ValidationError("--credit #\(index + 1) \(QuotedValue.quote(text)) is not BELOW:PERCENT, e.g. 99.9:10")
            }
            return [CommandLineField("below", .word(String(parts[0]))), CommandLineField("credit_percent", .word(String(parts[1])))]
        }
    }
}
