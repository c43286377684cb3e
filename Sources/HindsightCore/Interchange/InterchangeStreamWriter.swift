/// Writes one interchange document in JSON record by record, so that a document far larger than
/// memory can be produced from lazy sequences.
///
/// The bytes are exactly those of `JSONWriter.string(InterchangeEncoder.document(...))` for the
/// same records: a list's key is written only once its first record is known, as the encoder
/// leaves empty lists out.
public enum InterchangeStreamWriter {
    /// Writes the document with these records, in this order, to `output`.
    public static func write<Services: Sequence, SLAs: Sequence, Windows: Sequence, Incidents: Sequence,
                             Output: TextOutputStream>(
        services: Services, slas: SLAs, maintenance: Windows, incidents: Incidents, to output: inout Output
    ) where Services.Element == Service, SLAs.Element == ServiceLevelAgreement,
            Windows.Element == MaintenanceWindow, Incidents.Element == Incident {
        output.write("{\n  \"version\": \(InterchangeDecoder.version)")
        section("services", services.lazy.map(InterchangeEncoder.encode), to: &output)
        section("slas", slas.lazy.map(InterchangeEncoder.encode), to: &output)
        section("maintenance", maintenance.lazy.map(InterchangeEncoder.encode), to: &output)
        section("incidents", incidents.lazy.map(InterchangeEncoder.encode), to: &output)
        output.write("\n}\n")
    }

    private static func section<Records: Sequence, Output: TextOutputStream>(
        _ key: String, _ records: Records, to output: inout Output
    ) where Records.Element == StructuredValue {
        var first = true
        for record in records {
            output.write(first ? ",\n  \"\(key)\": [\n    " : ",\n    ")
            output.write(JSONWriter.fragment(record, depth: 2))
            first = false
        }
        if !first { output.write("\n  ]") }
    }
}
