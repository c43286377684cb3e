import Foundation
import Testing

/// Two people changing one maintenance window at once, one its end and the other its note: the
/// window is read and written in one transaction, so a change that reports success is stored, and
/// one that finds the window already moved says so.
struct MaintenanceConcurrencyTests {
    @Test func aChangeThatReportsSuccessIsNeverLost() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        try sandbox.write("service.yaml", "version: 1\nservices: [{id: api, name: API}]\n")
        #expect(try sandbox.run("import", "--db", db, sandbox.file("service.yaml")).status == 0)
        let rounds = LongTests.size(short: 20, long: 60)
        var problems: [String] = []
        for round in 1...rounds {
            // A window of its own each round, one day after another (28 to a month, so that the
            // long run's 60 rounds stay on real dates), from 22:00 to 23:00.
            let day = String(format: "2024-%02d-%02d", (round - 1) / 28 + 1, (round - 1) % 28 + 1)
            let start = "\(day)T22:00:00Z", end = "\(day)T23:00:00Z", newEnd = "\(day)T23:30:00Z"
            let added = try sandbox.run("maintenance", "add", "api", "--db", db, "--start", start, "--end", end, "--note", "planned")
            #expect(added.status == 0, "\(added.stderr)")
            let changes = [["--new-end", newEnd], ["--note", "moved to round \(round)"]]
            let statuses = Slots<Int32>(count: changes.count, initial: -1)
            let errors = Slots(count: changes.count, initial: "")
            Simultaneously.run(changes.count) { index in
                let result = try? Hindsight.run(["maintenance", "change", "api", "--db", db, "--start", start, "--end", end]
                                                + changes[index], home: sandbox.path)
                statuses.set(index, result?.status ?? -1)
                errors.set(index, result?.stderr ?? "did not run")
            }
            let startMilliseconds = Int(try #require(ISO8601DateFormatter().date(from: start)).timeIntervalSince1970) * 1000
            let stored = try SQLiteShell.query(db, """
                SELECT strftime('%H:%M', end_at / 1000, 'unixepoch') || ' ' || note FROM maintenance
                WHERE start_at = \(startMilliseconds)
                """)
            for index in changes.indices {
                switch statuses.values[index] {
                case 0:
                    let kept = index == 0 ? stored.hasPrefix("23:30 ") : stored.hasSuffix(" moved to round \(round)")
                    if !kept { problems.append("round \(round): \(changes[index]) reported success, stored: \(stored)") }
                case 65:
                    // The other change moved the window first, and this one says so.
                    if !errors.values[index].contains("no maintenance of api") {
                        problems.append("round \(round): \(errors.values[index])")
                    }
                default:
                    problems.append("round \(round): \(changes[index]) exited \(statuses.values[index]): \(errors.values[index])")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "; "))")
    }
}
