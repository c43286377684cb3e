import Foundation

/// A small made-up history for the end-to-end tests of search, causes, similar and repeats,
/// with figures simple enough to work out by hand.
enum CauseHistory {
    static let document = """
        version: 1
        services:
          - {id: api, name: API}
          - {id: web, name: Web}
        incidents:
          - id: i1-keys
            title: Cache keys collided after a deploy
            started_at: 2024-01-10T10:00:00Z
            resolved_at: 2024-01-10T11:00:00Z
            detection: monitoring
            impacts: [{service: api}]
            factors:
              - {id: key, title: Keys ignored the tenant, cause: cache/key, role: latent, introduced_at: 2023-01}
              - {id: push, title: Deployed to every host at once, cause: deploy, role: trigger, introduced_at: 2024-01-10}
          - id: i2-ttl
            title: Cache TTL keys expired together
            started_at: 2024-02-01T10:00:00Z
            resolved_at: 2024-02-01T10:30:00Z
            detection: customer
            impacts: [{service: api, fraction: 0.5}]
            factors:
              - {id: ttl, title: Every key had the same TTL, cause: cache/key/ttl, role: latent, introduced_at: 2023-11}
          - id: i3-flags
            title: "A flag flipped in staging \\u001b[31mred\\u001b[0m"
            started_at: 2024-03-01T10:00:00Z
            near_miss: true
            detection: staff
            factors:
              - {id: flag, title: Flag defaults differ per environment, cause: configuration/flags}
        """

    /// A sandbox whose knowledge base `kb.sqlite` holds the history.
    static func sandbox() throws -> (sandbox: Sandbox, db: String) {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let file = try sandbox.write("history.yaml", document)
        let result = try sandbox.run("import", "--db", db, file)
        guard result.status == 0 else { throw Sandbox.DemoFailed(stderr: result.stderr) }
        return (sandbox, db)
    }
}
