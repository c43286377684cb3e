import FuzzSupport
import HindsightCore

/// Feeds arbitrary bytes to the record-by-record decoder and to the whole-file decoder. They must
/// agree: the same records at the same positions when the file is valid, the same problems when it
/// is not, in the same order (file order). A JSON file's records go through the streaming decoder's own JSON reader,
/// the whole file through YAML, so this checks that reader against YAML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStreamDecoder(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let whole: (records: String, problems: [String])
    do {
        whole = (rendered(try InterchangeDecoder.decode(bytes, file: "f")), [])
    } catch let error as InterchangeProblems {
        whole = ("", error.problems.map(\.description))
    } catch {
        fatalError("the whole-file decoder threw \(error)")
    }
    var document = InterchangeDocument()
    let problems: [String]
    do {
        var position = 0
        problems = try InterchangeStreamDecoder.decode(file: "f", open: {
            position = 0
            return {
                guard position < bytes.count else { return nil }
                let chunk = Array(bytes[position..<min(position + 7, bytes.count)])
                position += chunk.count
                return chunk
            }
        }, each: { document.append($0) }).map(\.description)
    } catch {
        fatalError("the streaming decoder threw \(error)")
    }
    // Yams places a duplicate key that is a list or a mapping at whichever duplicate it sorts first,
    // and its sort can change from run to run for such keys.
    let unstable = whole.problems.contains { $0.contains(InterchangeDecoder.nonTextKey) }
    if problems != whole.problems && !unstable {
        fatalError("the decoders report different problems:\nstreamed: \(problems)\nwhole: \(whole.problems)")
    }
    if problems.isEmpty && rendered(document) != whole.records {
        fatalError("the decoders read different records:\nstreamed: \(rendered(document))\nwhole: \(whole.records)")
    }
    return 0
}

/// The records as JSON, then where each one and its located fields were written.
private func rendered(_ document: InterchangeDocument) -> String {
    func places<Value>(_ items: [Located<Value>]) -> [String] {
        items.map { item in
            "\(item.location) " + item.fieldLocations.sorted { $0.key < $1.key }.map { "\($0.key)@\($0.value)" }.joined(separator: " ")
        }
    }
    let records = InterchangeEncoder.document(services: document.services.map(\.value), slas: document.slas.map(\.value),
                                              maintenance: document.maintenance.map(\.value),
                                              incidents: document.incidents.map(\.value))
    return ([JSONWriter.string(records)] + places(document.services) + places(document.slas)
            + places(document.maintenance) + places(document.incidents)).joined(separator: "\n")
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, testing with the function above.
@_cdecl("FuzzStreamDecoder_main")
public func fuzzStreamDecoderMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { FuzzDriver.run(argc, argv, fuzzStreamDecoder) }
