import Foundation
import Testing

/// A required key written with no value is reported at the key, not as missing from its mapping.
struct RequiredKeyWithoutValueTests {
    @Test func yamlAndJSONPointAtTheKey() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("bad.yaml", """
            version: 1
            services:
              - id: api
                name:
              - {id: web, name: null}
            """)
        let json = try sandbox.write("bad.json", """
            {"version": 1,
             "services": [{"id": "api",
                           "name": null}]}
            """)
        let message = "has no value (null or nothing after the colon), but it is required\n"
        let fromYAML = try sandbox.run("import", "--db", db, yaml)
        #expect(fromYAML.status == 65)
        #expect(fromYAML.stderr == yaml + ":4:5: services[0].name: " + message + yaml + ":5:15: services[1].name: " + message)
        let fromJSON = try sandbox.run("import", "--db", db, json)
        #expect(fromJSON.status == 65)
        #expect(fromJSON.stderr == json + ":3:16: services[0].name: " + message)
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }

    /// An SLA needs one of `allowed_downtime` and `objective`; one written with no value is
    /// pointed at (lines 8 and 12, column 5, where the keys begin; in JSON line 3, column 12),
    /// not reported as missing from the SLA's mapping (which begins on line 14 for the third).
    /// Written with a value, the other stands alone, as if the null were left out; neither written
    /// at all is still missing from the mapping.
    @Test func theAllowanceWrittenWithNoValueIsPointedAt() throws {
        let sandbox = try Sandbox()
        let db = sandbox.file("kb.sqlite")
        let yaml = try sandbox.write("sla.yaml", """
            version: 1
            services:
              - id: api
                name: API
            slas:
              - service: api
                window: month
                allowed_downtime: ~
              - service: api
                window: week
                timezone: UTC
                allowed_downtime: null
                objective:
              - service: api
                window: year
              - service: api
                window: quarter
                objective: null
                allowed_downtime: 15m
            """)
        let result = try sandbox.run("import", "--db", db, yaml)
        #expect(result.status == 65)
        #expect(result.stderr == yaml + ":8:5: slas[0].allowed_downtime: has no value (null or nothing after the colon); "
            + "expected a duration such as 15m, or leave it out and give objective\n"
            + yaml + ":12:5: slas[1].allowed_downtime: has no value (null or nothing after the colon); "
            + "expected a duration such as 15m, or leave it out and give objective\n"
            + yaml + ":14:5: slas[2]: missing allowed_downtime or objective (exactly one is required)\n")
        #expect(sandbox.bytes("kb.sqlite") == nil)

        let json = try sandbox.write("sla.json", """
            {"version": 1, "services": [{"id": "api", "name": "API"}],
             "slas": [{"service": "api", "window": "month",
                       "objective": null}]}
            """)
        let fromJSON = try sandbox.run("import", "--db", db, json)
        #expect(fromJSON.status == 65)
        #expect(fromJSON.stderr == json + ":3:12: slas[0].objective: has no value (null or nothing after the colon); "
            + "expected a percent such as 99.9, or leave it out and give allowed_downtime\n")
        #expect(sandbox.bytes("kb.sqlite") == nil)
    }
}
