import Foundation
import Testing

/// Table output shows every id (of a service, an incident, a factor or an action) and every cause
/// path whole, however long: it is what the reader types into the next command (`action done`,
/// `incident show`, `--service`, `--cause`), and two ids cut to the same prefix could not be told
/// apart. Only free text such as titles is shortened.
struct WholeIdentifierTests {
    // Ids well past the widths the tables used to cut at (44 and 60 characters for incident and
    // action ids, 20 for a service in `budget`, 30 for a factor or cause in `gaps`).
    static let service = "payments-gateway-for-the-european-card-schemes"
    static let first = "2024-01-10-payments-gateway-for-the-european-card-schemes-certificate-expiry-17"
    static let second = "2024-06-01-payments-gateway-for-the-european-card-schemes-certificate-expiry-42"
    static let action = "renew-every-certificate-ninety-days-ahead-of-expiry"
    static let unaddressed = "no-alert-on-certificates-that-expire-within-thirty-days"
    static let cause = "network/tls/certificate-expiry/intermediate-chain"

    static let history = """
        version: 1
        services: [{id: \(service), name: Payments}]
        slas: [{service: \(service), objective: 99.9, window: quarter, timezone: UTC}]
        incidents:
          - id: \(first)
            title: Card payments failed when the certificate expired
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            impacts: [{service: \(service)}]
            factors:
              - {id: expired, title: The certificate expired, cause: \(cause)}
              - {id: \(unaddressed), title: Nobody was warned, cause: monitoring/missing-alert}
            actions:
              - {id: \(action), title: Renew certificates early, kind: prevent, addresses: [expired], status: done, completed_at: 2024-02-01T12:00:00Z}
          - id: \(second)
            title: Card payments failed when the certificate expired again
            started_at: 2024-06-01T10:00:00Z
            resolved_at: 2024-06-01T10:30:00Z
            impacts: [{service: \(service)}]
            factors: [{id: expired-again, title: The certificate expired again, cause: \(cause)}]
        """

    @Test func everyTableShowsIdsAndCausePathsWhole() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        try sandbox.write("history.yaml", Self.history)
        let imported = try sandbox.run("import", "--db", db, sandbox.file("history.yaml"))
        #expect(imported.status == 0, "\(imported.stderr)")
        let actionID = Self.first + "/" + Self.action

        /// Runs one table command and checks that each of `expected` appears in its output whole.
        func check(_ arguments: [String], shows expected: [String]) throws {
            let result = try Hindsight.run(arguments + ["--db", db], home: sandbox.path)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            for text in expected {
                #expect(result.stdout.contains(text), "\(arguments) cuts \(text):\n\(result.stdout)")
            }
        }

        try check(["incidents"], shows: [Self.first, Self.second])
        try check(["actions"], shows: [actionID])
        try check(["gaps", "--as-of", "2024-07-01"], shows: [Self.first, Self.second, Self.unaddressed])
        try check(["search", "certificate"], shows: [Self.first, Self.second])
        try check(["similar", Self.second], shows: [Self.first])
        try check(["budget", "--as-of", "2024-06-15T00:00:00Z"], shows: [Self.service])
        // The second incident repeats the first one's cause after its action was done.
        try check(["followup", "--since", "2024-04-01", "--until", "2024-06-30"], shows: [actionID, Self.second + "/expired-again"])
        try check(["report", "--quarter", "2024Q2"], shows: [Self.service, Self.second, Self.cause, actionID])
    }
}
