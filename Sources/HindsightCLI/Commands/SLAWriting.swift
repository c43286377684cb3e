import HindsightCore
import HindsightStore

/// Stores a new SLA given on the command line through the import, so that every rule that spans
/// records (the service exists, periods do not overlap) is checked the same way. (`sla change`
/// goes through ``KnowledgeBase/changeSLA(serviceID:actor:now:_:)``, which reads and writes in
/// one transaction.)
enum SLAWriting {
    static func store(_ sla: ServiceLevelAgreement, in knowledgeBase: KnowledgeBase) throws {
        guard try knowledgeBase.serviceExists(sla.serviceID) else {
            throw CLIError(.dataError, "error: no service with id '\(sla.serviceID)'; 'hindsight services' lists them, 'hindsight import' adds one")
        }
        let from = sla.effectiveFrom?.description ?? "always"
        if try knowledgeBase.slas(serviceID: sla.serviceID).contains(where: { $0.effectiveFrom == sla.effectiveFrom }) {
            throw CLIError(.dataError, "error: \(sla.serviceID) already has an SLA effective from \(from); change it with 'hindsight sla change \(sla.serviceID)\(sla.effectiveFrom.map { " --effective-from \($0)" } ?? "")'")
        }
        var document = InterchangeDocument()
        document.slas = [Located(sla, at: SourceLocation(file: "command line", line: 1, column: 1))]
        do {
            _ = try knowledgeBase.importRecords(document, replace: false, actor: LoginName.current, now: Clock.now)
        } catch let problems as InterchangeProblems {
            throw error(for: problems, serviceID: sla.serviceID)
        }
    }

    /// The message for the rules an SLA of `serviceID` breaks, with a hint when it overlaps another.
    static func error(for problems: InterchangeProblems, serviceID: String) -> CLIError {
        var lines = problems.problems.map { "error: " + $0.message }
        if problems.problems.contains(where: { $0.message.contains("overlaps") }) {
            lines.append("hint: end the other SLA first, e.g. 'hindsight sla change \(serviceID) --until DATE', or give this one --from/--until that do not overlap it")
        }
        return CLIError(.dataError, lines)
    }
}
