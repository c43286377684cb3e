import Foundation
import Testing

/// Two people changing different fields of one SLA at once: each change reads the SLA and writes
/// it in one transaction, so the second builds on the first instead of putting back the value it
/// had read before the first was written.
struct SLAConcurrencyTests {
    @Test func twoProcessesChangingDifferentFieldsOfOneSLABothLand() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        try sandbox.write("sla.yaml", """
            version: 1
            services: [{id: api, name: API}]
            slas: [{service: api, objective: 99.0, window: month, timezone: UTC}]
            """)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("sla.yaml")).status == 0)
        let rounds = LongTests.size(short: 20, long: 60)
        var lost: [String] = []
        for round in 1...rounds {
            let objective = String(format: "99.%02d", round)
            let until = String(format: "2030-01-%02d", round % 28 + 1)
            let changes = [["--objective", objective], ["--until", until]]
            let statuses = Slots(count: changes.count, initial: "")
            Simultaneously.run(changes.count) { index in
                let result = try? Hindsight.run(["sla", "change", "api", "--db", db] + changes[index], home: sandbox.path)
                statuses.set(index, result.map { $0.status == 0 ? "" : "\($0.status) \($0.stderr)" } ?? "did not run")
            }
            #expect(statuses.values == ["", ""], "round \(round)")
            let storedObjective = try SQLiteShell.query(db, "SELECT objective_percent FROM sla")
            let storedUntil = try SQLiteShell.query(db, "SELECT effective_until FROM sla")
            if Double(storedObjective) != Double(objective) || storedUntil != until {
                lost.append("round \(round): \(storedObjective) until \(storedUntil)")
            }
        }
        #expect(lost.isEmpty, "changes lost: \(lost.joined(separator: "; "))")
    }
}
