import ArgumentParser
import Foundation
import HindsightCore
import HindsightSeeds
import HindsightStore

/// `hindsight demo`: a knowledge base built from the seed postmortems compiled into the binary.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demo knowledge base from the seed postmortems and show what it holds.",
        discussion: """
            The seeds are five real outages, retold in Hindsight's interchange format. They are \
            compiled into hindsight, so this works from a copied binary. Running it again brings \
            the demo file back to the seeds.

            Examples:
              hindsight demo
              hindsight demo --db /tmp/demo.sqlite
            """)

    @Option(name: .long, help: ArgumentHelp(
        "Where to build the demo (default: $XDG_DATA_HOME/hindsight/demo.sqlite, or ~/.local/share/hindsight/demo.sqlite).",
        valueName: "path"), completion: .file())
    var db: String?

    func validate() throws {
        if let db, db.isEmpty { throw ValidationError("--db needs a file path") }
    }

    func run() throws {
        let path = db ?? DatabaseOptions.dataDirectory(ProcessInfo.processInfo.environment) + "/demo.sqlite"
        var document = InterchangeDocument()
        for file in EmbeddedFiles.all where file.name.hasSuffix(".yaml") {
            document.append(contentsOf: try InterchangeDecoder.decode(Array(file.text.utf8), file: "Seeds/\(file.name)"))
        }
        let knowledgeBase = try KnowledgeBase.open(at: path, access: .readWrite)
        _ = try knowledgeBase.importRecords(document, replace: true, actor: "hindsight demo", now: Clock.now)
        let counts = try knowledgeBase.counts()
        var out = """
            Hindsight demo knowledge base: \(path)
            Built from the seed postmortems: \(counts.incidents) incidents, \(counts.factors) contributing factors, \
            \(counts.actions) actions (\(counts.openActions) still open), \(counts.services) services with \(counts.slas) SLAs.


            """
        out += "Services\n"
        for overview in try knowledgeBase.serviceOverviews() {
            let sla = overview.slas.map(SLAText.describe).joined(separator: "; ")
            out += "  \(overview.service.id.padding(16))\(sla.isEmpty ? "no SLA" : sla)\n"
        }
        out += "\nIncidents\n"
        let incidents = try knowledgeBase.incidentSummaries(matching: IncidentFilter())
        for incident in incidents {
            let seconds = IncidentFacts.secondsToMitigate(startedAt: incident.startedAt, mitigatedAt: incident.mitigatedAt,
                                                          resolvedAt: incident.resolvedAt)
            let length = seconds.map(DurationText.short(seconds:)) ?? "ongoing"
            let kind = incident.nearMiss ? "near miss" : (incident.severity?.rawValue ?? "")
            out += "  \(incident.startedAt.utcDate)  \(kind.padding(10))\(length.padding(9))\(TerminalText.neutralised(incident.title))\n"
        }
        let quoted = path.contains(" ") ? "'\(path)'" : path
        let example = incidents.last?.id ?? "ID"
        out += """

            Try next:
              hindsight incidents --db \(quoted) --cause cache
              hindsight incident show --db \(quoted) \(example)
              hindsight search --db \(quoted) health check
              hindsight causes --db \(quoted)
              hindsight report --db \(quoted) --quarter 2019Q4 --tz Europe/Prague
              hindsight actions --db \(quoted) --overdue
              hindsight export --db \(quoted) > knowledge-base.yaml

            """
        try Output.write(out)
    }
}
