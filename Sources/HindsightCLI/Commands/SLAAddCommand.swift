import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight sla add`: a new SLA for a service.
struct SLAAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add an SLA to a service.",
        discussion: """
            Give exactly one of --objective and --allowed-downtime, and --window. An SLA whose period \
            overlaps another of the same service is refused: end the earlier one first with \
            'hindsight sla change SERVICE --until DATE'.

            Examples:
              hindsight sla add checkout --objective 99.95 --window month \\
                --tz Europe/Prague --credit 99.95:10
              hindsight sla add status-page --allowed-downtime 15m --window year \\
                --from 2025-01-01
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The service's id.", valueName: "service"), completion: .knowledgeBase(.services))
    var service: String

    @Option(name: .long, help: ArgumentHelp("The first day the SLA applies (default: since always).", valueName: "date"))
    var from: String?

    @OptionGroup var fields: SLAFieldOptions

    /// The SLA the options describe, checked as an imported one is.
    /// - Throws: ``OptionProblems`` listing every option refused.
    func sla() throws -> ServiceLevelAgreement {
        var record = [CommandLineField("service", .word(service))]
        if let objective = fields.objective { record.append(CommandLineField("objective", .word(objective))) }
        if let allowed = fields.allowedDowntime { record.append(CommandLineField("allowed_downtime", .word(allowed))) }
        if let window = fields.window { record.append(CommandLineField("window", .word(window))) }
        if let tz = fields.tz { record.append(CommandLineField("timezone", .word(tz))) }
        if let from { record.append(CommandLineField("effective_from", .word(from))) }
        if let until = fields.until, until != "open" { record.append(CommandLineField("effective_until", .word(until))) }
        if let partial = fields.partial { record.append(CommandLineField("partial", .word(partial))) }
        let credits = try fields.creditFields()
        if !credits.isEmpty { record.append(CommandLineField("credits", .list(credits))) }
        do {
            return try CommandLineRecord.sla(record)
        } catch let problems as InterchangeProblems {
            throw CommandLineProblems.error(problems, options: SLAFieldOptions.optionNames)
        }
    }

    func run() throws {
        let sla = try sla()
        let knowledgeBase = try database.openExisting()
        try SLAWriting.store(sla, in: knowledgeBase)
        try Output.confirm("Added the SLA of \(service): \(SLAText.describeWithCredits(sla)).\n")
    }
}
