import ArgumentParser
import HindsightCore
import HindsightStore

/// `hindsight sla change`: changes fields of a stored SLA.
struct SLAChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change",
        abstract: "Change fields of a service's SLA; fields not given stay as they are.",
        discussion: """
            The SLA is picked by --effective-from (its first day, or 'always'); it may be left out \
            when the service has only one SLA. The first day itself cannot change: add a new SLA \
            instead. --objective replaces an allowed downtime and the other way round; --credit \
            replaces all tiers; --no-credits removes them; --until open removes the end.

            Examples:
              hindsight sla change checkout --objective 99.99
              hindsight sla change checkout --effective-from 2025-01-01 --until open \\
                --no-credits
            """)

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var pick: SLAPickOptions

    @OptionGroup var fields: SLAFieldOptions

    @Flag(name: .customLong("no-credits"), help: "Remove every credit tier.")
    var noCredits = false

    /// `sla add`'s first day, which `sla change` cannot move: taken only to say what to do instead
    /// of a bare "unknown option", since the README gives `sla change` the options of `sla add`.
    @Option(name: .long, help: .hidden)
    var from: String?

    func validate() throws {
        if from != nil {
            throw ValidationError("--from: an SLA's first day cannot change, since the SLA is known by it; pick the SLA "
                + "with --effective-from DATE, or end it with --until DATE and start the next one with "
                + "'hindsight sla add \(pick.service) --from DATE'")
        }
        // As `maintenance change` and `action update`: a change that names no field is a slip,
        // not a request to confirm the SLA.
        let givesAField = fields.objective != nil || fields.allowedDowntime != nil || fields.window != nil || fields.tz != nil
            || fields.until != nil || fields.partial != nil || !fields.credit.isEmpty || noCredits
        guard givesAField else {
            throw ValidationError("nothing to change: give --objective, --allowed-downtime, --window, --tz, --until, --partial, "
                + "--credit or --no-credits")
        }
        if noCredits && !fields.credit.isEmpty { throw ValidationError("give --credit or --no-credits, not both") }
        if fields.objective != nil && fields.allowedDowntime != nil {
            throw ValidationError("give exactly one of --allowed-downtime and --objective, not both")
        }
        _ = try fields.creditFields()
    }

    func run() throws {
        let service = pick.service
        let knowledgeBase = try database.openExisting()
        guard try knowledgeBase.serviceExists(service) else {
            throw CLIError(.dataError, "error: no service with id '\(service)'; 'hindsight services' lists them")
        }
        // Read, changed and written in one transaction: a concurrent change of another field is
        // kept, not overwritten with the value read before it.
        let result: (current: ServiceLevelAgreement, changed: ServiceLevelAgreement)
        do {
            result = try knowledgeBase.changeSLA(serviceID: service, actor: LoginName.current, now: Clock.now) { stored in
                let current = try pick.choice(whenNone: "add one with 'hindsight sla add \(service)'").pick(from: stored)
                return (current, try merged(current))
            }
        } catch let problems as InterchangeProblems {
            throw SLAWriting.error(for: problems, serviceID: service)
        }
        guard result.changed != result.current else {
            try Output.write("Nothing to change: the SLA of \(service) is already \(SLAText.describeWithCredits(result.current)).\n")
            return
        }
        try Output.confirm("Changed the SLA of \(service): \(SLAText.describeWithCredits(result.changed)).\n")
    }

    /// The stored SLA's fields with the given options laid over them, decoded as an import would.
    private func merged(_ sla: ServiceLevelAgreement) throws -> ServiceLevelAgreement {
        var record: [String: CommandLineValue] = ["service": .word(sla.serviceID), "window": .word(sla.window.rawValue),
                                                  "timezone": .word(sla.timeZone), "partial": .word(sla.partial.rawValue)]
        switch sla.allowance {
        case .objective(let percent): record["objective"] = .word(JSONWriter.formatNumber(percent))
        case .fixed(let span): record["allowed_downtime"] = .word("\(span.seconds)s")
        }
        if let from = sla.effectiveFrom { record["effective_from"] = .word(from.description) }
        if let until = sla.effectiveUntil { record["effective_until"] = .word(until.description) }
        if !sla.credits.isEmpty {
            record["credits"] = .list(sla.credits.map {
                [CommandLineField("below", .word(JSONWriter.formatNumber($0.belowPercent))),
                 CommandLineField("credit_percent", .word(JSONWriter.formatNumber($0.creditPercent)))]
            })
        }
        if let objective = fields.objective {
            record["objective"] = .word(objective)
            record["allowed_downtime"] = nil
        }
        if let allowed = fields.allowedDowntime {
            record["allowed_downtime"] = .word(allowed)
            record["objective"] = nil
        }
        if let window = fields.window { record["window"] = .word(window) }
        if let tz = fields.tz { record["timezone"] = .word(tz) }
        if let until = fields.until { record["effective_until"] = until == "open" ? nil : .word(until) }
        if let partial = fields.partial { record["partial"] = .word(partial) }
        if noCredits { record["credits"] = nil }
        if !fields.credit.isEmpty { record["credits"] = .list(try fields.creditFields()) }
        let order = ["service", "objective", "allowed_downtime", "window", "timezone", "effective_from", "effective_until",
                     "partial", "credits"]
        func ordered(_ record: [String: CommandLineValue]) -> [CommandLineField] {
            order.compactMap { key in record[key].map { CommandLineField(key, $0) } }
        }
        do {
            return try CommandLineRecord.sla(ordered(record))
        } catch var problems as InterchangeProblems {
            // The allowance kept from the stored SLA does not fit the windows the other options
            // make: the decoder's message would blame --allowed-downtime, which was not given.
            if fields.allowedDowntime == nil && fields.objective == nil,
               let index = problems.problems.firstIndex(where: { $0.excessAllowance != nil }),
               let excess = problems.problems[index].excessAllowance {
                if let message = keptAllowanceProblem(excess) {
                    problems.problems[index].message = message
                } else {
                    // Held against the calendar's days because --tz was refused: once the zone is
                    // given right, the allowance is checked against that zone's windows.
                    problems.problems.remove(at: index)
                }
            }
            // The first day is the stored SLA's: `sla change` takes no --from to name it by.
            throw CommandLineProblems.error(problems, options: SLAFieldOptions.optionNames
                                                .merging(["effective_from": "the SLA's first day"]) { $1 })
        }
    }

    /// Why the stored allowance in `excess` does not fit the windows the changed SLA judges,
    /// named after the options that changed those windows, and what would be accepted; nil when
    /// the SLA's zone could not be read, so that the windows are not known.
    private func keptAllowanceProblem(_ excess: ExcessAllowance) -> String? {
        guard let shortest = excess.shortest else { return nil }
        let allowed = excess.allowed.seconds
        let seconds = excess.shortestSeconds
        let why = "the SLA's allowed downtime of \(DurationText.exact(seconds: allowed)) (\(allowed)s) is not "
            + "shorter than every \(excess.window.rawValue) window: the shortest, \(shortest.label) in \(shortest.timeZoneName), "
            + "lasts \(DurationText.exact(seconds: seconds)) (\(seconds)s)"
        let accepted = "an --allowed-downtime shorter than \(seconds)s, or an --objective instead"
        // The options that change which windows the SLA judges, as given.
        let given = [("--window", fields.window), ("--tz", fields.tz), ("--until", fields.until)]
            .compactMap { option, value in value.map { "\(option) \($0)" } }
        guard !given.isEmpty else { return "\(why); give \(accepted)" }
        return "\(given.joined(separator: " ")): \(why); give with \(given.count == 1 ? "it" : "them") \(accepted)"
    }
}
