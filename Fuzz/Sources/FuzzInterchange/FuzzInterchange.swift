import FuzzSupport
import HindsightCore

/// Feeds arbitrary bytes to the interchange decoder. It must never crash; and whatever it
/// accepts must survive the export round trip: written as JSON and as YAML, decoded again and
/// written again, the text is the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterchange(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    guard let document = try? InterchangeDecoder.decode(bytes, file: "fuzz") else { return 0 }
    let first = encoded(document)
    let json = JSONWriter.string(first)
    guard let fromJSON = try? InterchangeDecoder.decode(Array(json.utf8), file: "again.json") else {
        fatalError("the decoder refused its own JSON output:\n\(json)")
    }
    if JSONWriter.string(encoded(fromJSON)) != json { fatalError("the JSON round trip changed the records:\n\(json)") }
    guard let yaml = try? YAMLWriter.string(first),
          let fromYAML = try? InterchangeDecoder.decode(Array(yaml.utf8), file: "again.yaml") else {
        fatalError("the YAML round trip failed for:\n\(json)")
    }
    if JSONWriter.string(encoded(fromYAML)) != json { fatalError("the YAML round trip changed the records:\n\(json)") }
    return 0
}

private func encoded(_ document: InterchangeDocument) -> StructuredValue {
    InterchangeEncoder.document(services: document.services.map(\.value), slas: document.slas.map(\.value),
                                maintenance: document.maintenance.map(\.value), incidents: document.incidents.map(\.value))
}

/// The entry point SwiftPM links as `main`: libFuzzer's driver, testing with the function above.
@_cdecl("FuzzInterchange_main")
public func fuzzInterchangeMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt { FuzzDriver.run(argc, argv, fuzzInterchange) }
