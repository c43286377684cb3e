/// Writes one interchange document record by record, in YAML or JSON, so that a document far
/// larger than memory can be written as its records are read or made.
///
/// The bytes are exactly those of `YAMLWriter.string` or `JSONWriter.string` of
/// `InterchangeEncoder.document(...)` for the same records: a list's key is written only once its
/// first record is known, as the encoder leaves empty lists out. Call ``begin(to:)``, then
/// ``add(_:in:to:)`` for each record, the sections in the order of ``InterchangeSection``, then
/// ``finish(to:)``.
public struct InterchangeStreamWriter {
    /// The two forms a document can be written in.
    public enum Format: Sendable {
        /// Block YAML, as ``YAMLWriter`` writes it.
        case yaml
        /// JSON, as ``JSONWriter`` writes it.
        case json
    }

    /// The section whose key has been written, nil before the first record.
    private var open: InterchangeSection?
    /// The YAML document's emitter, fed the events of the whole document one record at a time;
    /// nil for JSON, which this module writes itself.
    private let emitter: YAMLEventEmitter?

    /// A writer of a document in `format`.
    /// - Throws: when the YAML emitter cannot start (it cannot allocate its buffers).
    public init(format: Format) throws {
        emitter = format == .yaml ? try YAMLEventEmitter() : nil
    }

    private init(emitter: YAMLEventEmitter?) {
        self.emitter = emitter
    }

    /// Writes the document with these records, in this order, to `output` in JSON.
    public static func write<Services: Sequence, SLAs: Sequence, Windows: Sequence, Incidents: Sequence,
                             Output: TextOutputStream>(
        services: Services, slas: SLAs, maintenance: Windows, incidents: Incidents, to output: inout Output
    ) where Services.Element == Service, SLAs.Element == ServiceLevelAgreement,
            Windows.Element == MaintenanceWindow, Incidents.Element == Incident {
        write(services: services, slas: slas, maintenance: maintenance, incidents: incidents, to: &output,
              afterEachRecord: { _ in })
    }

    /// Writes the document with these records, in this order, to `output` in JSON, calling
    /// `afterEachRecord` with `output` after each record; what it throws ends the writing there, so
    /// that records made as they are read are not all made for an output that has failed.
    public static func write<Services: Sequence, SLAs: Sequence, Windows: Sequence, Incidents: Sequence,
                             Output: TextOutputStream>(
        services: Services, slas: SLAs, maintenance: Windows, incidents: Incidents, to output: inout Output,
        afterEachRecord: (inout Output) throws -> Void
    ) rethrows where Services.Element == Service, SLAs.Element == ServiceLevelAgreement,
            Windows.Element == MaintenanceWindow, Incidents.Element == Incident {
        // JSON is written by this module's own writer, which cannot fail.
        var writer = InterchangeStreamWriter(emitter: nil)
        writer.beginJSON(to: &output)
        for service in services {
            writer.addJSON(InterchangeEncoder.encode(service), in: .services, to: &output)
            try afterEachRecord(&output)
        }
        for sla in slas {
            writer.addJSON(InterchangeEncoder.encode(sla), in: .slas, to: &output)
            try afterEachRecord(&output)
        }
        for window in maintenance {
            writer.addJSON(InterchangeEncoder.encode(window), in: .maintenance, to: &output)
            try afterEachRecord(&output)
        }
        for incident in incidents {
            writer.addJSON(InterchangeEncoder.encode(incident), in: .incidents, to: &output)
            try afterEachRecord(&output)
        }
        writer.finishJSON(to: &output)
    }

    /// Writes what comes before the first record: the format's version.
    /// - Throws: when the YAML emitter refuses it (it does not).
    public func begin<Output: TextOutputStream>(to output: inout Output) throws {
        guard let emitter else { return beginJSON(to: &output) }
        try emitter.startDocument()
        try emitter.startMapping()
        try YAMLWriter.write(.text("version"), to: emitter)
        try YAMLWriter.write(.integer(Int64(InterchangeDecoder.version)), to: emitter)
        output.write(emitter.takeText())
    }

    private func beginJSON<Output: TextOutputStream>(to output: inout Output) {
        output.write("{\n  \"version\": \(InterchangeDecoder.version)")
    }

    /// Writes `record`, an item of `section`, after the records written so far; the section's key
    /// comes first when this is its first record. Sections must come in their order.
    /// - Throws: when the YAML emitter refuses the record (it does not for valid UTF-8 text).
    public mutating func add<Output: TextOutputStream>(_ record: StructuredValue, in section: InterchangeSection,
                                                       to output: inout Output) throws {
        guard let emitter else { return addJSON(record, in: section, to: &output) }
        if open != section {
            if open != nil { try emitter.endList() }
            try YAMLWriter.write(.text(section.rawValue), to: emitter)
            try emitter.startList()
            open = section
        }
        try YAMLWriter.write(record, to: emitter)
        output.write(emitter.takeText())
    }

    private mutating func addJSON<Output: TextOutputStream>(_ record: StructuredValue, in section: InterchangeSection,
                                                            to output: inout Output) {
        if open == section {
            output.write(",\n    ")
        } else {
            if open != nil { output.write("\n  ]") }
            output.write(",\n  \"\(section.rawValue)\": [\n    ")
            open = section
        }
        output.write(JSONWriter.fragment(record, depth: 2))
    }

    /// Writes what comes after the last record.
    /// - Throws: when the YAML emitter refuses it (it does not).
    public func finish<Output: TextOutputStream>(to output: inout Output) throws {
        guard let emitter else { return finishJSON(to: &output) }
        if open != nil { try emitter.endList() }
        try emitter.endMapping()
        try emitter.endDocument()
        output.write(emitter.takeText())
    }

    private func finishJSON<Output: TextOutputStream>(to output: inout Output) {
        if open != nil { output.write("\n  ]") }
        output.write("\n}\n")
    }
}
