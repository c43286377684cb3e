import FuzzSupport
import HindsightCore

/// Feeds arbitrary bytes to the record-by-record decoder and to the whole-file decoder. They must
/// agree: the same problems, in the same order (file order), the same records that are valid on
/// their own at the same positions, whether or not others are refused, and the same account of
/// what the refused ones would have defined. A JSON file's records go through the streaming
/// decoder's own JSON reader, the whole file through YAML, so this checks that reader against YAML.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStreamDecoder(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let whole: (document: InterchangeDocument, findings: DecodingFindings)
    do {
        whole = try InterchangeDecoder.decodeFindings(bytes, file: "f")
    } catch {
        fatalError("the whole-file decoder threw \(error)")
    }
    let wholeProblems = whole.findings.problems.map(\.description)
    var document = InterchangeDocument()
    let streamed: DecodingFindings
    do {
        var position = 0
        streamed = try InterchangeStreamDecoder.decodeFindings(file: "f", open: {
            position = 0
            return {
                guard position < bytes.count else { return nil }
                let chunk = Array(bytes[position..<min(position + 7, bytes.count)])
                position += chunk.count
                return chunk
            }
        }, each: { document.append($0) })
    } catch {
        fatalError("the streaming decoder threw \(error)")
    }
    let problems = streamed.problems.map(\.description)
    // Yams places a duplicate key that is a list or a mapping at whichever duplicate it sorts first,
    // and its sort can change from run to run for such keys.
    let unstable = wholeProblems.contains { $0.contains(InterchangeDecoder.nonTextKey) }
    if problems != wholeProblems && !unstable {
        fatalError("the decoders report different problems:\nstreamed: \(problems)\nwhole: \(wholeProblems)")
    }
    if unstable { return 0 }
    if streamed.refusedServices != whole.findings.refusedServices
        || streamed.refusedIncidents != whole.findings.refusedIncidents
        || streamed.mayDefineUnreadServices != whole.findings.mayDefineUnreadServices {
        fatalError("""
            the decoders tell different refused records:
            streamed: \(streamed.refusedServices) \(streamed.refusedIncidents) \(streamed.mayDefineUnreadServices)
            whole: \(whole.findings.refusedServices) \(whole.findings.refusedIncidents) \(whole.findings.mayDefineUnreadServices)
            """)
    }
    // A file that cannot be read through (a bad byte, aliases that stand for too much, a syntax
    // error) gives no records read whole, where the streaming decoder has handed out those before.
    let wholeStopped = whole.document.records.isEmpty && whole.findings.mayDefineUnreadServices
    if !(wholeStopped && !problems.isEmpty) && rendered(document) != rendered(whole.document) {
        fatalError("the decoders read different records:\nstreamed: \(rendered(document))\nwhole: \(rendered(whole.document))")
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
