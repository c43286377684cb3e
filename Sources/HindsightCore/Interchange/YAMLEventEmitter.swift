import CYaml
import Yams

/// libyaml's emitter fed one event at a time, so that one YAML document can be written in parts:
/// the document's opening, then each record as it comes, then its end, with the text written so
/// far taken out between parts.
///
/// Why not Yams's `serialize`: it writes a whole tree as a document of its own. Written record by
/// record as documents of their own, the text differs from the whole document's wherever libyaml
/// carries state from one record to the next (a block that keeps its final line breaks makes it
/// end the document with `...`), and building a tree per record cost most of an export's time.
/// Fed the events of the whole document, the emitter writes exactly its text.
final class YAMLEventEmitter {
    /// Where libyaml writes; a class so that the C callback can reach it through a pointer.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let sink = Sink()

    /// An emitter set as Yams sets its own for `YAMLWriter`: two-space indentation, no line width,
    /// Unicode written as is, `\n` line breaks.
    /// - Throws: when libyaml cannot start (it cannot allocate its buffers).
    init() throws {
        emitter = .allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) == 1 else {
            emitter.deallocate()
            throw YamlError.emitter(problem: "the YAML emitter could not start")
        }
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(sink).toOpaque())
        yaml_emitter_set_encoding(emitter, YAML_UTF8_ENCODING)
        yaml_emitter_set_canonical(emitter, 0)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// The text written since the last call: libyaml writes out what it holds at the end of the
    /// document and whenever its own buffer fills. A character cut by the end of what was written
    /// is kept for the next call.
    func takeText() -> String {
        let bytes = sink.bytes
        var end = bytes.count
        // Back to the start of the last character, if it is not whole.
        if let lead = (max(0, end - 4)..<end).last(where: { bytes[$0] & 0xC0 != 0x80 }) {
            let length = bytes[lead] < 0x80 ? 1 : bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : 2
            if lead + length > end { end = lead }
        }
        sink.bytes.removeFirst(end)
        return String(decoding: bytes[..<end], as: UTF8.self)
    }

    /// Starts the stream and a document whose start is not written (`---`).
    func startDocument() throws {
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
    }

    /// Ends the document (writing `...` only where libyaml must) and the stream, and writes out
    /// what libyaml holds.
    func endDocument() throws {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
        guard yaml_emitter_flush(emitter) == 1 else { throw YamlError.emitter(problem: problem()) }
    }

    /// Starts a block mapping; its keys and values follow as values, then ``endMapping()``.
    func startMapping() throws {
        var event = yaml_event_t()
        yaml_mapping_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE)
        try emit(&event)
    }

    /// Ends the mapping started last.
    func endMapping() throws {
        var event = yaml_event_t()
        yaml_mapping_end_event_initialize(&event)
        try emit(&event)
    }

    /// Starts a block list; its items follow as values, then ``endList()``.
    func startList() throws {
        var event = yaml_event_t()
        yaml_sequence_start_event_initialize(&event, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE)
        try emit(&event)
    }

    /// Ends the list started last.
    func endList() throws {
        var event = yaml_event_t()
        yaml_sequence_end_event_initialize(&event)
        try emit(&event)
    }

    /// Writes `text` as a scalar in `style`, libyaml choosing another where that one cannot hold
    /// the text. No tag is written: a reader tells the kind from the text and its quoting.
    func scalar(_ text: String, style: yaml_scalar_style_t) throws {
        var event = yaml_event_t()
        // libyaml copies the value; with its final NUL, even the empty text has a byte to point at.
        let value = text.utf8CString
        let initialized = value.withUnsafeBytes { bytes in
            yaml_scalar_event_initialize(&event, nil, nil, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                         Int32(bytes.count - 1), 1, 1, style)
        }
        guard initialized == 1 else { throw YamlError.emitter(problem: "the YAML emitter could not take a value") }
        try emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) throws {
        // libyaml takes the event over, and frees it even when it refuses it.
        guard yaml_emitter_emit(emitter, &event) == 1 else { throw YamlError.emitter(problem: problem()) }
    }

    private func problem() -> String {
        emitter.pointee.problem.map { String(cString: $0) } ?? "the YAML emitter failed"
    }
}
