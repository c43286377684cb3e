import Foundation
import Testing

/// An import of a file that is read whole (a flow-style list, several YAML documents, JSON with
/// its keys out of the usual order) lists the problems across records with those within records
/// in one run, as a file read record by record does: its valid records are checked across
/// records even when others are refused, and a refused record causes no further problem.
struct WholeFileImportTests {
    /// What the knowledge base holds before each import: service `api` and incident `x`.
    static let stored = """
        version: 1
        services:
          - id: api
            name: API
        incidents:
          - id: x
            title: X
            started_at: 2024-03-01T10:00:00Z

        """

    static let incidentKeys = "id, title, severity, near_miss, detection, started_at, detected_at, mitigated_at, "
        + "resolved_at, summary, source, tags, impacts, factors, actions, timeline"
    static let monthThirteen = "'2024-13-01T10:00:00Z' is not an instant: month 13 does not exist; expected 01–12; "
        + "expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00"
    static let unknownService = "; define it under 'services:' in this import or import it first"

    /// Imports `text` as `name` into a knowledge base holding ``stored``, expects the refusal
    /// (exit 65, nothing on standard output, the knowledge base unchanged to the byte), and returns
    /// standard error with the sandbox's folder taken out of the paths.
    func refusal(_ name: String, _ text: String) throws -> String {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let seeded = try sandbox.run("import", "--db", db, try sandbox.write("stored.yaml", Self.stored))
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let exportBefore = try sandbox.run("export", "--db", db).quietOutput()
        let bytesBefore = sandbox.bytes("kb.sqlite")
        let result = try sandbox.run("import", "--db", db, try sandbox.write(name, text))
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(sandbox.bytes("kb.sqlite") == bytesBefore)
        #expect(try sandbox.run("export", "--db", db).quietOutput() == exportBefore)
        return result.stderr.replacingOccurrences(of: sandbox.path + "/", with: "")
    }

    /// A flow-style list: an incident with a bad date, then one naming a service nobody defines.
    @Test func aFlowStyleListListsAnUnknownServiceWithAProblemWithinARecord() throws {
        let stderr = try refusal("a.yaml", """
            version: 1
            incidents: [
              {id: one, title: One, started_at: "2024-13-01T10:00:00Z"},
              {id: two, title: Two, started_at: "2024-03-01T10:00:00Z", impacts: [{service: nowhere}]}
            ]

            """)
        // Line 3: the date's opening quote after `  {id: one, title: One, started_at: ` (36
        // characters). Line 4: `nowhere` after `  {id: two, title: Two, started_at: ` (36), the
        // quoted date (22), `, impacts: [{service: ` (22).
        #expect(stderr == """
            a.yaml:3:37: incidents[0].started_at: \(Self.monthThirteen)
            a.yaml:4:81: incidents[1].impacts[0].service: unknown service 'nowhere'\(Self.unknownService)

            """)
    }

    /// Two YAML documents: an incident with a key the format does not know in the first, and in
    /// the second a stored incident given with a different title.
    @Test func twoDocumentsListARecordThatDiffersFromTheStoredOneWithAProblemWithinARecord() throws {
        let stderr = try refusal("a.yaml", """
            version: 1
            incidents:
              - id: y
                title: Y
                bogus: 1
                started_at: 2024-03-01T10:00:00Z
            ---
            version: 1
            incidents:
              - id: x
                title: Changed
                started_at: 2024-03-01T10:00:00Z

            """)
        #expect(stderr == """
            a.yaml:5:5: incidents[0]: unknown key 'bogus'; expected one of: \(Self.incidentKeys)
            a.yaml:10:5: incidents[0]: incident 'x' differs from the stored one (at title); pass --replace to overwrite it

            """)
    }

    /// JSON whose `version` does not come first: a bad date, then a stored incident that differs.
    @Test func jsonReadWholeListsARecordThatDiffersFromTheStoredOneWithAProblemWithinARecord() throws {
        let stderr = try refusal("a.json", """
            {"incidents": [
              {"id": "one", "title": "One", "started_at": "2024-13-01T10:00:00Z"},
              {"id": "x", "title": "Changed", "started_at": "2024-03-01T10:00:00Z"}],
             "version": 1}
            """)
        // Line 2: the date's opening quote after `  {"id": "one", "title": "One", "started_at": `
        // (46 characters). Line 3: the record's brace after two spaces.
        #expect(stderr == """
            a.json:2:47: incidents[0].started_at: \(Self.monthThirteen)
            a.json:3:3: incidents[1]: incident 'x' differs from the stored one (at title); pass --replace to overwrite it

            """)
    }

    /// A refused service and a refused incident cause nothing further: a reference to the service
    /// is not called unknown, and a valid incident with the refused one's id is not a duplicate
    /// of it; a reference to a service written nowhere still is, and a third copy that differs
    /// points at the refused one as the first place the id appears.
    @Test func refusedRecordsOfAFileReadWholeCauseNoFurtherProblems() throws {
        let stderr = try refusal("a.yaml", """
            version: 1
            services: [{id: db, name: DB, tier: 0}]
            incidents: [
              {id: two, title: Two, started_at: "2024-13-01T10:00:00Z"},
              {id: two, title: Two, started_at: "2024-03-01T10:00:00Z", impacts: [{service: db}, {service: nowhere}]},
              {id: two, title: Other, started_at: "2024-03-01T10:00:00Z"}
            ]

            """)
        // Line 2: `0` after `services: [{id: db, name: DB, tier: ` (36 characters). Line 5:
        // `nowhere` after the 80 characters before `db` (as in the flow-style test), `db}, {service: `.
        // Each incident starts at its brace, after two spaces.
        #expect(stderr == """
            a.yaml:2:37: services[0].tier: 0 is out of range; expected a whole number of at least 1
            a.yaml:4:37: incidents[0].started_at: \(Self.monthThirteen)
            a.yaml:5:96: incidents[1].impacts[1].service: unknown service 'nowhere'\(Self.unknownService)
            a.yaml:6:3: incidents[2]: duplicate incident 'two' with different content from its copy at a.yaml:5:3 \
            (first defined at a.yaml:4:3, refused for its own problems)

            """)
    }

    /// A part of a file read whole that is not read as records (here a misspelt `services`) may
    /// define the services that the valid records name, so none of them is called unknown.
    @Test(arguments: ["service: [{id: db, name: DB}]", "services: {id: db, name: DB}"])
    func aPartNotReadAsRecordsMayDefineTheServicesNamed(services: String) throws {
        let stderr = try refusal("a.yaml", """
            version: 1
            \(services)
            incidents: [{id: one, title: One, started_at: "2024-03-01T10:00:00Z", impacts: [{service: db}]}]

            """)
        let expected = services.hasPrefix("service:")
            ? "a.yaml:2:1: document: unknown key 'service'; expected one of: version, services, slas, maintenance, incidents\n"
            : "a.yaml:2:11: document.services: expected a list, found a mapping\n"
        #expect(stderr == expected)
    }

    /// A trailing `---`, as tools that join YAML files write, was refused as "document: expected
    /// a mapping, found a scalar" on a line past the end of the file; the empty document it opens
    /// is passed over. A file of nothing but `---` is still refused as holding no document.
    @Test func aTrailingDocumentMarkerIsPassedOverAndOneAloneIsRefused() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let trailing = try sandbox.write("trail.yaml", "version: 1\nservices:\n  - id: q\n    name: Q\n---\n")
        let imported = try sandbox.run("import", "--db", db, trailing)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout == "Imported into \(db):\n  services: 1 added, 0 replaced, 0 unchanged\n")

        let alone = try sandbox.write("alone.yaml", "---\n")
        let refused = try sandbox.run("import", "--db", db, alone)
        #expect(refused.status == 65)
        #expect(refused.stderr == "\(alone):1:1: the file holds no document; expected a mapping that starts with 'version: 1'\n")
    }
}
