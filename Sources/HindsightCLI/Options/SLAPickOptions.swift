import ArgumentParser
import HindsightCore

/// The service and `--effective-from DATE|always` that name one stored SLA, shared by the
/// commands that change or remove an SLA so that both pick it alike.
struct SLAPickOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The service's id.", valueName: "service"), completion: .knowledgeBase(.services))
    var service: String

    @Option(name: .customLong("effective-from"), help: ArgumentHelp(
        "Which SLA: the first day it applies, or 'always' for the one without a start.", valueName: "date"))
    var effectiveFrom: String?

    func validate() throws {
        // An id no service could have is a bad value (64), not a missing service (65).
        _ = try OptionParsing.value("SERVICE", service) { try Identifier.validate($0); return $0 }
        if let effectiveFrom, effectiveFrom != "always" {
            _ = try OptionParsing.value("--effective-from", effectiveFrom, CalendarDate.init(parsing:))
        }
    }

    /// The choice these options make, with `whenNone` said when the service has no SLA at all.
    func choice(whenNone: String) -> SLAChoice {
        SLAChoice(service: service, effectiveFrom: effectiveFrom, whenNone: whenNone)
    }
}
