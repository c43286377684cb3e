import Foundation
import Testing

/// A service's SLAs must never be in force at the same instant, and each SLA's dates are days of
/// its own time zone: dates that do not overlap can still share hours when the zones differ.
///
/// Worked by hand: an SLA in UTC until 2025-10-31 is in force until 2025-11-01T00:00Z. One in
/// Pacific/Kiritimati (UTC+14 all year) from 2025-11-01 starts at that day's local midnight,
/// 2025-10-31T10:00Z: both would be in force for 14 h. From 2025-11-02 it starts at
/// 2025-11-01T10:00Z, after the first has ended. One in America/New_York (UTC−4 on 1 November
/// 2025, daylight saving time ending the day after) from 2025-11-01 starts at 2025-11-01T04:00Z,
/// also after.
struct SLAZoneOverlapTests {
    let sandbox: Sandbox
    let db: String

    init() throws {
        sandbox = try Sandbox()
        db = sandbox.file("kb.sqlite")
    }

    func document(secondZone: String, from: String) -> String {
        """
        version: 1
        services:
          - {id: k, name: K}
        slas:
          - {service: k, objective: 99, window: month, timezone: UTC, effective_until: 2025-10-31}
          - {service: k, objective: 99.9, window: month, timezone: \(secondZone), effective_from: \(from)}
        """
    }

    @Test func datesThatMeetAreRefusedWhenTheSecondZoneIsAheadOfTheFirst() throws {
        let file = try sandbox.write("slas.yaml", document(secondZone: "Pacific/Kiritimati", from: "2025-11-01"))
        let refused = try sandbox.run("import", "--db", db, file)
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stdout == "")
        #expect(refused.stderr.contains("""
            slas.yaml:6:5: slas[1]: SLA of 'k' effective from 2025-11-01 in Pacific/Kiritimati overlaps its SLA effective \
            always to 2025-10-31 in UTC; a service's SLAs must cover disjoint periods
            """), "\(refused.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    @Test func theNextDayOrAZoneBehindIsAccepted() throws {
        for (index, (zone, from)) in [("Pacific/Kiritimati", "2025-11-02"), ("America/New_York", "2025-11-01")].enumerated() {
            let file = try sandbox.write("slas\(index).yaml", document(secondZone: zone, from: from))
            let database = sandbox.file("kb\(index).sqlite")
            let imported = try sandbox.run("import", "--db", database, file)
            #expect(imported.status == 0, "\(zone): \(imported)")
            #expect(imported.stdout.contains("SLAs: 2 added, 0 replaced, 0 unchanged"), "\(zone): \(imported.stdout)")
            let stored = try SQLiteShell.query(database, """
                SELECT timezone, coalesce(effective_from, '-'), coalesce(effective_until, '-') FROM sla ORDER BY pk
                """)
            #expect(stored == "UTC|-|2025-10-31\n\(zone)|\(from)|-", "\(zone): \(stored)")
        }
    }

    @Test func slaAddIsRefusedLikeAnImport() throws {
        let file = try sandbox.write("first.yaml", """
            version: 1
            services:
              - {id: k, name: K}
            slas:
              - {service: k, objective: 99, window: month, timezone: UTC, effective_until: 2025-10-31}
            """)
        _ = try sandbox.run("import", "--db", db, file).quietOutput()
        let before = sandbox.bytes("kb.sqlite")
        let refused = try sandbox.run("sla", "add", "k", "--db", db, "--from", "2025-11-01", "--objective", "99.9",
                                      "--window", "month", "--tz", "Pacific/Kiritimati")
        #expect(refused.status == 65, "\(refused)")
        #expect(refused.stderr.contains("effective from 2025-11-01 in Pacific/Kiritimati overlaps its SLA effective always to 2025-10-31 in UTC"),
                "\(refused.stderr)")
        #expect(sandbox.bytes("kb.sqlite") == before)
        let added = try sandbox.run("sla", "add", "k", "--db", db, "--from", "2025-11-02", "--objective", "99.9",
                                    "--window", "month", "--tz", "Pacific/Kiritimati")
        #expect(added.status == 0, "\(added)")
    }
}
