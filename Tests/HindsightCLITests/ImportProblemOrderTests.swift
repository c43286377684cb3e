import Foundation
import Testing

/// The list of problems a refused import prints: every problem of the run in file order (by line,
/// then column), whichever way the file was read, and each pointing at the place a reader of the
/// file would look for.
struct ImportProblemOrderTests {
    /// Imports `files` (name, text) into a database that does not exist yet, expects the refusal
    /// (exit 65, nothing on standard output, no database made), and returns standard error with
    /// the sandbox's folder taken out of the paths.
    func refusal(_ files: [(String, String)]) throws -> String {
        let sandbox = try Sandbox()
        for (name, text) in files { try sandbox.write(name, text) }
        let result = try Hindsight.run(["import", "--db", sandbox.file("kb.sqlite")] + files.map { sandbox.file($0.0) },
                                       home: sandbox.path)
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(sandbox.bytes("kb.sqlite") == nil)
        return result.stderr.replacingOccurrences(of: sandbox.path + "/", with: "")
    }

    static let incidentKeys = "id, title, severity, near_miss, detection, started_at, detected_at, mitigated_at, "
        + "resolved_at, summary, source, tags, impacts, factors, actions, timeline"
    static let documentKeys = "version, services, slas, maintenance, incidents"
    static let serviceKeys = "id, name, team, tier, description"
    static let unknownService = "; define it under 'services:' in this import or import it first"

    /// A YAML file read whole (a flow-style list, a key the format does not know): the decoder goes
    /// section by section, services before incidents, and checks a document's own keys first.
    @Test func aYAMLFileReadWholeListsItsProblemsByLine() throws {
        let stderr = try refusal([("a.yaml", """
            version: 1
            incidents:
              - id: one
                title: One
                bogus: x
                started_at: 2024-03-01T10:00:00Z
            services: [{id: api, name: API, tier: "1"}]
            wrong: 1

            """)])
        #expect(stderr == """
            a.yaml:5:5: incidents[0]: unknown key 'bogus'; expected one of: \(Self.incidentKeys)
            a.yaml:7:39: services[0].tier: expected a whole number of at least 1, found the quoted text '1'
            a.yaml:8:1: document: unknown key 'wrong'; expected one of: \(Self.documentKeys)

            """)
    }

    /// The same in JSON, where a key the format does not know also sends the file to a whole read.
    @Test func aJSONFileReadWholeListsItsProblemsByLine() throws {
        let stderr = try refusal([("a.json", """
            {"version": 1,
             "incidents": [{"id": "one", "title": "One", "bogus": 1,
               "started_at": "2024-03-01T10:00:00Z"}],
             "services": [{"id": "api", "name": "API", "bogus": 2}],
             "wrong": 3}
            """)])
        // Columns: `"bogus"` after ` "incidents": [{"id": "one", "title": "One", ` (45 characters),
        // after ` "services": [{"id": "api", "name": "API", ` (43), `"wrong"` after one space.
        #expect(stderr == """
            a.json:2:46: incidents[0]: unknown key 'bogus'; expected one of: \(Self.incidentKeys)
            a.json:4:44: services[0]: unknown key 'bogus'; expected one of: \(Self.serviceKeys)
            a.json:5:2: document: unknown key 'wrong'; expected one of: \(Self.documentKeys)

            """)
    }

    /// A file read record by record, with problems of several kinds: within one record the
    /// decoder checks the fields in its own order (a service's team before its tier, unknown keys
    /// before missing ones), and a problem across records comes at its own line.
    @Test func problemsOfEveryKindComeInLineOrder() throws {
        let stderr = try refusal([("a.yaml", """
            version: 1
            incidents:
              - id: two
                title: Two
                started_at: 2024-03-01T10:00:00Z
                impacts:
                  - {service: nowhere}
            services:
              - id: api
                name: API
                tier: 0
                team: [x]
              - id: db
                titel: DB

            """)])
        #expect(stderr == """
            a.yaml:7:19: incidents[0].impacts[0].service: unknown service 'nowhere'\(Self.unknownService)
            a.yaml:11:11: services[0].tier: 0 is out of range; expected a whole number of at least 1
            a.yaml:12:11: services[0].team: expected text, found a list
            a.yaml:13:5: services[1]: missing required key 'name'
            a.yaml:14:5: services[1]: unknown key 'titel'; expected one of: \(Self.serviceKeys)

            """)
    }

    /// An incident refused for its own problems, then two valid copies of its id that differ: the
    /// duplicate points at the first place the id appears, where a reader looks first, and names
    /// the copy it was found to differ from, since the refused one's content is not known.
    @Test func aDuplicateAfterARefusedRecordPointsAtTheFirstPlaceItsIDAppears() throws {
        let stderr = try refusal([("a.yaml", """
            version: 1
            incidents:
              - id: x
                title: Refused
                started_at: 2024-13-01T10:00:00Z
              - id: x
                title: Second
                started_at: 2024-03-01T10:00:00Z
              - id: x
                title: Third
                started_at: 2024-03-01T10:00:00Z

            """)])
        #expect(stderr == """
            a.yaml:5:17: incidents[0].started_at: '2024-13-01T10:00:00Z' is not an instant: month 13 does not exist; \
            expected 01–12; expected RFC 3339 with an offset, e.g. 2019-10-30T17:00:00Z or 2021-02-01T14:23:00-08:00
            a.yaml:9:5: incidents[2]: duplicate incident 'x' with different content from its copy at a.yaml:6:5 \
            (first defined at a.yaml:3:5, refused for its own problems)

            """)
    }

    /// The same for a service, the refused one in an earlier file of the run.
    @Test func aDuplicateServiceAfterOneRefusedInAnEarlierFilePointsAtThatFile() throws {
        let stderr = try refusal([
            ("a.yaml", "version: 1\nservices:\n  - {id: api, name: API, tier: 0}\n"),
            ("b.yaml", "version: 1\nservices:\n  - {id: api, name: API}\n  - {id: api, name: Api}\n"),
        ])
        #expect(stderr == """
            a.yaml:3:32: services[0].tier: 0 is out of range; expected a whole number of at least 1
            b.yaml:4:5: services[1]: duplicate service 'api' with different content from its copy at b.yaml:3:5 \
            (first defined at a.yaml:3:5, refused for its own problems)

            """)
    }

    /// A refused record after the two copies changes nothing: the first copy is the first place.
    @Test func aRefusedRecordAfterTheCopiesLeavesThePointerAtTheFirstCopy() throws {
        let stderr = try refusal([("a.yaml", """
            version: 1
            services:
              - {id: api, name: API}
              - {id: api, name: Api}
              - {id: api, name: API, tier: 0}

            """)])
        #expect(stderr == """
            a.yaml:4:5: services[1]: duplicate service 'api' with different content (first defined at a.yaml:3:5)
            a.yaml:5:32: services[2].tier: 0 is out of range; expected a whole number of at least 1

            """)
    }
}
