import ArgumentParser
import Foundation
import HindsightCore

/// `hindsight generate`: a synthetic history as one interchange JSON document on standard output.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic incident history as one interchange JSON document to standard output.",
        discussion: """
            The history has services with SLAs of every window kind in several time zones, \
            maintenance windows, and resolved incidents with skewed durations, partial and full \
            impacts, contributing factors, remediation actions in every status and timelines, \
            spread over whole calendar years ending with 2025. The same arguments always give the \
            same bytes. Records are written as they are made, so memory use does not grow with \
            --incidents.

            Examples:
              hindsight generate --incidents 10000 --seed 7 > history.json
              hindsight generate --incidents 500 | hindsight import --db load-test.sqlite -
            """)

    @Option(name: .long, help: ArgumentHelp("How many incidents (\(SyntheticHistory.incidentRange.lowerBound) to \(SyntheticHistory.incidentRange.upperBound)).",
                                            valueName: "count"))
    var incidents: Int

    @Option(name: .long, help: ArgumentHelp("How many services (\(SyntheticHistory.serviceRange.lowerBound) to \(SyntheticHistory.serviceRange.upperBound)).",
                                            valueName: "count"))
    var services = 12

    @Option(name: .long, help: ArgumentHelp("How many calendar years, ending with 2025 (\(SyntheticHistory.yearRange.lowerBound) to \(SyntheticHistory.yearRange.upperBound)).",
                                            valueName: "count"))
    var years = 3

    @Option(name: .long, help: ArgumentHelp("The seed: a whole number from 0 to \(UInt64.max); the same seed gives the same history.",
                                            valueName: "number"))
    var seed: UInt64 = 1

    func validate() throws {
        for (option, value, range) in [("--incidents", incidents, SyntheticHistory.incidentRange),
                                       ("--services", services, SyntheticHistory.serviceRange),
                                       ("--years", years, SyntheticHistory.yearRange)]
        where !range.contains(value) {
            throw ValidationError("\(option) \(value) is out of range; expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
    }

    func run() throws {
        let history = try SyntheticHistory(incidents: incidents, services: services, years: years, seed: seed)
        var output = BufferedStandardOutput()
        // A reader that has gone (`| head`) or a full disk ends the history there, rather than
        // after making the rest of it for nothing.
        try history.writeJSON(to: &output) { try $0.checkWritten() }
        try output.finish()
    }
}
