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
}
