// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for Hindsight's parsers, kept apart from the main package because they only
// build with `-sanitize=fuzzer` (libFuzzer supplies the driver). Build and run with scripts/fuzz.
//
// Sources/HindsightCore is a link to the main package's HindsightCore, compiled here with
// libFuzzer's coverage instrumentation, so that the fuzzer is guided by the parsers' branches.
// (Instrumenting through `swift build -Xswiftc` would also reach the main package's build tool
// plugin, which cannot link with libFuzzer.) The targets have no top-level code: their entry
// point is the `<Target>_main` function each defines.
let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-parse-as-library"])]
let linkLibFuzzer: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]

let package = Package(
    name: "HindsightFuzz",
    dependencies: [.package(url: "https://github.com/jpsim/Yams", exact: "6.2.2")],
    targets: [
        .target(name: "HindsightCore", dependencies: [.product(name: "Yams", package: "Yams")], swiftSettings: instrumented),
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzInterchange", dependencies: ["FuzzSupport", "HindsightCore"],
                          swiftSettings: fuzzTarget, linkerSettings: linkLibFuzzer),
        .executableTarget(name: "FuzzStreamDecoder", dependencies: ["FuzzSupport", "HindsightCore"],
                          swiftSettings: fuzzTarget, linkerSettings: linkLibFuzzer),
        .executableTarget(name: "FuzzInstant", dependencies: ["FuzzSupport", "HindsightCore"],
                          swiftSettings: fuzzTarget, linkerSettings: linkLibFuzzer),
        .executableTarget(name: "FuzzCalendarDate", dependencies: ["FuzzSupport", "HindsightCore"],
                          swiftSettings: fuzzTarget, linkerSettings: linkLibFuzzer),
        .executableTarget(name: "FuzzTimeSpan", dependencies: ["FuzzSupport", "HindsightCore"],
                          swiftSettings: fuzzTarget, linkerSettings: linkLibFuzzer),
    ],
    swiftLanguageModes: [.v5]
)
