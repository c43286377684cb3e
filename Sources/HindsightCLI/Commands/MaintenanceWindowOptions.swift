import ArgumentParser
import HindsightCore

/// The service, start and end that name a maintenance window.
struct MaintenanceWindowOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The service's id.", valueName: "service"), completion: .knowledgeBase(.services))
    var service: String

    @Option(name: .long, help: ArgumentHelp("When the maintenance begins (RFC 3339, e.g. 2024-03-02T22:00:00Z).",
                                            valueName: "instant"))
    var start: String

    @Option(name: .long, help: ArgumentHelp("When it ends (RFC 3339).", valueName: "instant"))
    var end: String

    /// The interchange key each option fills, for messages.
    static let optionNames = ["service": "SERVICE", "start": "--start", "end": "--end", "note": "--note"]

    /// The window the options describe, checked as an imported one is.
    func window(start: String? = nil, end: String? = nil, note: String?) throws -> MaintenanceWindow {
        var fields = [CommandLineField("service", .word(service)), CommandLineField("start", .word(start ?? self.start)),
                      CommandLineField("end", .word(end ?? self.end))]
        if let note { fields.append(CommandLineField("note", .text(note))) }
        do {
            return try CommandLineRecord.maintenance(fields)
        } catch var problems as InterchangeProblems {
            var names = Self.optionNames
            if start != nil { names["start"] = "--new-start" }
            if end != nil { names["end"] = "--new-end" }
            // A --new-start at or after the window's kept end: the decoder blames the end, which
            // the user did not change (it would read "--end: … is not after start …").
            if let start, end == nil, let newStart = try? Instant(parsing: start), let kept = try? Instant(parsing: self.end),
               kept <= newStart, let index = problems.problems.firstIndex(where: { $0.message.hasPrefix(".end:") }) {
                problems.problems[index].message = "start: \(newStart) is not before the window's end \(kept); "
                    + "give a --new-end after it too"
            }
            throw CommandLineProblems.error(problems, options: names)
        }
    }

    /// How the window is named in messages.
    static func describe(_ window: MaintenanceWindow) -> String {
        "\(window.serviceID) \(window.start) to \(window.end)"
    }
}
