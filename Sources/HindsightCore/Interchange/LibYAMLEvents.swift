import CYaml

/// The events libyaml reads from a YAML text, walked without building a document, for the checks
/// that must see what the text stands for before Yams builds it (and before Yams's own handling
/// of a value could hide or multiply it).
enum LibYAMLEvents {
    /// Calls `body` with each event of `text` in order, until `body` returns false or the text
    /// ends. A syntax error ends the walk quietly: the parse that follows reports it, with Yams's
    /// words and position.
    static func forEach(in text: String, _ body: (yaml_event_t) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            // libyaml asserts that it is given an input; an empty text has no events worth a walk.
            guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return }
            defer { yaml_parser_delete(&parser) }
            // Yams sets the encoding the same way: without it, libyaml would detect it from a
            // byte order mark and read the text differently from the parse that follows.
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, start, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                let ended = event.type == YAML_STREAM_END_EVENT
                let goOn = body(event)
                yaml_event_delete(&event)
                if ended || !goOn { return }
            }
        }
    }

    /// Where an event starts, as Yams counts it (line and column from 1, columns in Unicode scalars).
    static func position(_ event: yaml_event_t) -> TextPosition {
        TextPosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
    }

    /// The text of a libyaml string (an anchor's name), nil for none.
    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
