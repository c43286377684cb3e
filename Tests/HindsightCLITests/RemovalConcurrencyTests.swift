import Foundation
import Testing

/// Incidents removed while their actions are being updated, all at once: each removal is one
/// transaction, so an update lands before it (and its record goes with the incident) or finds
/// the action gone, and no history record or index row outlives its incident.
struct RemovalConcurrencyTests {
    @Test func noRecordOutlivesARemovedIncident() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        let count = LongTests.size(short: 4, long: 12)
        let incidents = (1...count).map { number in
            """
              - id: inc-\(number)
                title: Outage number \(number)
                started_at: 2024-01-\(String(format: "%02d", number))T10:00:00Z
                impacts: [{service: api}]
                timeline: [{at: 2024-01-\(String(format: "%02d", number))T10:05:00Z, text: Paged the on-call}]
                actions: [{id: fix, title: Fix it, kind: prevent}]
            """
        }
        let history = "version: 1\nservices: [{id: api, name: API}]\nincidents:\n" + incidents.joined(separator: "\n") + "\n"
        let imported = try sandbox.run("import", "--db", db, try sandbox.write("history.yaml", history))
        try #require(imported.succeededQuietly, "\(imported)")
        // Even slots remove incident n, odd ones close its action.
        let statuses = Slots<Int32>(count: 2 * count, initial: -1)
        let errors = Slots(count: 2 * count, initial: "")
        Simultaneously.run(2 * count) { slot in
            let number = slot / 2 + 1
            let arguments = slot % 2 == 0 ? ["incident", "remove", "inc-\(number)"]
                : ["action", "update", "inc-\(number)/fix", "--status", "done"]
            let result = try? Hindsight.run(arguments + ["--db", db], home: sandbox.path)
            statuses.set(slot, result?.status ?? -1)
            errors.set(slot, result?.stderr ?? "did not run")
        }
        for slot in 0..<(2 * count) {
            if slot % 2 == 0 {
                #expect(statuses.values[slot] == 0, "\(errors.values[slot])")
            } else {
                // Done before the removal, or refused after it.
                #expect(statuses.values[slot] == 0 || errors.values[slot].contains("no action with id"), "\(errors.values[slot])")
            }
        }
        for table in ["incident", "impact", "action", "timeline_event", "action_history", "search_index"] {
            #expect(try SQLiteShell.count(db, table) == 0, "\(table)")
        }
        #expect(try SQLiteShell.health(db) == "ok")
        let doctor = try sandbox.run("doctor", "--db", db)
        #expect(doctor.succeededQuietly, "\(doctor)")
    }
}
