import Foundation
import Testing

/// The report's follow-through counts the actions there by the end of the report's own period.
struct ReportFollowThroughZoneTests {
    /// march/fix was done inside the first quarter; april/check came with an incident that began at
    /// 2024-03-31T22:30Z, 00:30 on 1 April in Prague (summer time, UTC+2, from 01:00Z that day).
    static let history = """
        version: 1
        services: [{id: api, name: API}]
        incidents:
          - id: march
            title: API down in March
            started_at: 2024-03-10T10:00:00Z
            resolved_at: 2024-03-10T11:00:00Z
            impacts: [{service: api}]
            actions: [{id: fix, title: Fix it, kind: prevent, status: done, completed_at: 2024-03-12T10:00:00Z}]
          - id: april
            title: API down on the first of April
            started_at: 2024-03-31T22:30:00Z
            resolved_at: 2024-03-31T23:00:00Z
            impacts: [{service: api}]
            actions: [{id: check, title: Check it, kind: detect}]
        """

    /// The first quarter in Prague ends at 2024-03-31T22:00Z, before april/check was created: it is
    /// neither created nor open in that quarter, though it was created on the quarter's last UTC day.
    @Test func anActionCreatedAfterAReportsPeriodIsNotOpenInIt() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        try sandbox.write("history.yaml", Self.history)
        #expect(try sandbox.run("import", "--db", db, sandbox.file("history.yaml")).status == 0)

        let report = try sandbox.run("report", "--db", db, "--quarter", "2024Q1", "--tz", "Europe/Prague", "--format", "json")
        #expect(report.succeededQuietly, "\(report)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let section = try #require(document["follow_through"] as? [String: Any])
        #expect(section["end"] as? String == "2024-03-31T22:00:00Z")
        let total = try #require(section["total"] as? [String: Any])
        #expect(total["created"] as? Int == 1)        // march/fix
        #expect(total["completed"] as? Int == 1)
        #expect(total["open"] as? Int == 0, "\(total)")

        // Over the UTC quarter, which ends at 2024-04-01T00:00Z, april/check was created and is open.
        let utc = try sandbox.run("followup", "--db", db, "--quarter", "2024Q1", "--format", "json")
        #expect(utc.succeededQuietly, "\(utc)")
        let figures = try #require(try JSONSerialization.jsonObject(with: Data(utc.stdout.utf8)) as? [String: Any])
        #expect((figures["total"] as? [String: Any])?["created"] as? Int == 2)
        #expect((figures["total"] as? [String: Any])?["open"] as? Int == 1)
    }
}
