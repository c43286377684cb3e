import Foundation
import Testing

/// The time zone database's offset names (`Etc/GMT+5`) count hours west of Greenwich as positive,
/// so they mean the opposite of what they seem to say: they are refused wherever a zone is given,
/// and an SLA a knowledge base already holds in one is still reported on.
struct FixedOffsetZoneTests {
    static let history = """
        version: 1
        services:
          - {id: api, name: API}
        slas:
          - {service: api, objective: 99, window: month, timezone: UTC}
        incidents:
          - id: 2024-03-01-api
            title: API down
            started_at: 2024-03-01T02:00:00Z
            resolved_at: 2024-03-01T03:00:00Z
            impacts: [{service: api}]
        """

    @Test func anOffsetNameIsRefusedAsATimeZoneOfAReportOrAnSLA() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        _ = try sandbox.run("import", "--db", db, try sandbox.write("kb.yaml", Self.history)).quietOutput()
        let advice = "is a fixed offset, not a place: the database writes it with the sign turned round, so it means UTC-5, "
            + "and no daylight saving; expected an Area/Location name such as Europe/Prague or America/Los_Angeles, or UTC\n"
        let report = try sandbox.run("report", "--db", db, "--month", "2024-03", "--tz", "Etc/GMT+5")
        #expect(report.status == 64)
        #expect(report.stdout == "")
        #expect(report.stderr.hasPrefix("error: --tz: 'Etc/GMT+5' " + advice), "\(report.stderr)")
        let before = sandbox.bytes("kb.sqlite")
        let added = try sandbox.run("sla", "add", "--db", db, "api", "--objective", "99.9", "--window", "month",
                                    "--tz", "Etc/GMT+5", "--from", "2025-01-01")
        #expect(added.status == 64)
        #expect(added.stderr.hasPrefix("error: --tz: 'Etc/GMT+5' " + advice), "\(added.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == before)
    }

    /// Written past the checks, as an older version stored it: Etc/GMT-3 is UTC+3, so March's
    /// window runs from 21:00 UTC on 29 February to 21:00 UTC on 31 March, 31 days (2 678 400 s),
    /// of which 1 % (26 784 s) may be down; the hour down is 3 600 s.
    @Test func anSLAStoredWithAnOffsetNameIsStillReported() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        _ = try sandbox.run("import", "--db", db, try sandbox.write("kb.yaml", Self.history)).quietOutput()
        #expect(try SQLiteShell.query(db, "UPDATE sla SET timezone = 'Etc/GMT-3'; SELECT timezone FROM sla") == "Etc/GMT-3")
        let csv = try sandbox.run("report", "--db", db, "--month", "2024-03", "--format", "csv").quietOutput()
        let march = try #require(csv.components(separatedBy: "\r\n").first { $0.contains(",month,2024-03,") }, "\(csv)")
        let fields = march.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        // timezone, start, end, evaluated_until, window_seconds, allowed_downtime_seconds, downtime_seconds
        #expect(Array(fields[5...11]) == ["Etc/GMT-3", "2024-02-29T21:00:00Z", "2024-03-31T21:00:00Z", "2024-03-31T21:00:00Z",
                                          "2678400", "26784", "3600"], "\(march)")
    }
}
