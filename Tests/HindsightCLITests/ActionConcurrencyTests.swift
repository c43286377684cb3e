import Foundation
import Testing

/// Several processes changing one action at once: each change reads the action and writes it
/// with its history record in one transaction, so none is lost and the history chains.
struct ActionConcurrencyTests {
    @Test func eightProcessesUpdatingOneActionAllLandInTheHistoryInOrder() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        try sandbox.write("incident.yaml", """
            version: 1
            services: [{id: api, name: API}]
            incidents:
              - id: outage
                title: Outage
                started_at: 2024-03-01T10:00:00Z
                impacts: [{service: api}]
                actions: [{id: fix, title: Fix it, kind: prevent, owner: start}]
            """)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("incident.yaml")).status == 0)
        let processes = 8, updatesEach = LongTests.size(short: 5, long: 25)
        let statuses = Slots(count: processes, initial: "")
        // Real threads, one per process: a dispatch pool on 2 cores would run only 2 at a time.
        Simultaneously.run(processes) { index in
            var outcome = ""
            for update in 0..<updatesEach {
                let result = try? Hindsight.run(["action", "update", "outage/fix", "--db", db, "--owner", "p\(index)-\(update)",
                                                 "--status", update % 2 == 0 ? "in-progress" : "open", "--by", "p\(index)"],
                                                home: sandbox.path)
                if result?.status != 0 { outcome += "update \(update): \(result.map { "\($0.status) \($0.stderr)" } ?? "did not run"); " }
            }
            statuses.set(index, outcome)
        }
        #expect(statuses.values == Array(repeating: "", count: processes))

        let shown = try sandbox.run("action", "show", "outage/fix", "--db", db, "--format", "json")
        #expect(shown.succeededQuietly, "\(shown)")
        let action = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let history = try #require(action["history"] as? [[String: Any]])
        let owners = history.filter { $0["field"] as? String == "owner" }
        // Every one of the 8 × 5 owner changes is there, once.
        #expect(owners.count == processes * updatesEach)
        #expect(Set(owners.compactMap { $0["new_value"] as? String }).count == processes * updatesEach)
        // Each change saw the one before it: the old value of every record is the new value of
        // the previous one, starting from the imported owner.
        let olds = owners.map { $0["old_value"] as? String ?? "" }
        let news = owners.map { $0["new_value"] as? String ?? "" }
        #expect(olds == ["start"] + news.dropLast())
        #expect(action["owner"] as? String == news.last)
        // Status changes chain the same way, from the imported "open".
        let statusRecords = history.filter { $0["field"] as? String == "status" }
        #expect(statusRecords.map { $0["old_value"] as? String ?? "" }
                == ["open"] + statusRecords.dropLast().map { $0["new_value"] as? String ?? "" })
        // And each process's own changes appear in the order it made them.
        for index in 0..<processes {
            let own = news.filter { $0.hasPrefix("p\(index)-") }
            #expect(own == (0..<updatesEach).map { "p\(index)-\($0)" })
        }
        print("action updates: \(processes) processes × \(updatesEach) = \(owners.count) of \(processes * updatesEach) owner changes in the history")
    }

    /// Cron jobs or CI runs adding an action of the same title to one incident at once: without
    /// --id each gets an id of its own from the title, where the id used to be chosen before the
    /// transaction that adds the action, so all but one of those that chose at once were refused
    /// (exit 65) and told to choose another --id, which they had not given.
    @Test func processesAddingActionsOfOneTitleAtOnceEachGetAnID() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        try sandbox.write("incident.yaml", """
            version: 1
            incidents:
              - id: outage
                title: Outage
                started_at: 2024-03-01T10:00:00Z
            """)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("incident.yaml")).status == 0)
        let processes = 8
        let outcomes = Slots(count: processes, initial: "")
        Simultaneously.run(processes) { index in
            let result = try? Hindsight.run(["action", "add", "outage", "--db", db, "--title", "Load-test the API",
                                             "--kind", "prevent", "--by", "p\(index)"], home: sandbox.path)
            outcomes.set(index, result.map { $0.status == 0 ? "" : "\($0.status) \($0.stderr)" } ?? "did not run")
        }
        #expect(outcomes.values == Array(repeating: "", count: processes))
        let listed = try sandbox.run("actions", "--db", db, "--incident", "outage", "--format", "json")
        #expect(listed.succeededQuietly, "\(listed)")
        let actions = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        // The title made lower case with its spaces as '-', then -2 … -8 for the seven later ones.
        #expect(Set(actions.compactMap { $0["action"] as? String })
                == Set(["load-test-the-api"] + (2...processes).map { "load-test-the-api-\($0)" }))
    }
}
