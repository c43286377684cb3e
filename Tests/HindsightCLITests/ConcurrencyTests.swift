import Foundation
import Testing

/// Several `hindsight` processes on one file at once, as cron jobs and CI pipelines do.
struct ConcurrencyTests {
    @Test func writersOnAFreshFileWaitForEachOtherAndAllCommit() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("shared.sqlite")
        let processes = 8
        for index in 0..<processes {
            try sandbox.write("incident-\(index).yaml", """
                version: 1
                services: [{id: api, name: API}]
                incidents:
                  - {id: outage-\(index), title: Outage \(index), started_at: 2024-03-01T10:00:00Z, impacts: [{service: api}]}
                """)
        }
        let statuses = Statuses(count: processes)
        // Every process starts on a file that does not exist yet: they race to create and migrate it.
        DispatchQueue.concurrentPerform(iterations: processes) { index in
            let result = try? Hindsight.run(["import", "--db", db, sandbox.file("incident-\(index).yaml")], home: sandbox.path)
            statuses.set(index, result.map { "\($0.status) \($0.stderr)" } ?? "did not run")
        }
        #expect(statuses.values == Array(repeating: "0 ", count: processes))
        let listed = try sandbox.run("incidents", "--db", db, "--format", "json")
        let json = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(json.count == processes)
    }

    /// Results written from several threads, each to its own slot.
    final class Statuses: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [String]

        init(count: Int) { slots = Array(repeating: "", count: count) }

        func set(_ index: Int, _ value: String) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [String] {
            lock.lock()
            defer { lock.unlock() }
            return slots
        }
    }
}
