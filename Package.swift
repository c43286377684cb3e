// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Hindsight",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "hindsight", targets: ["hindsight"]),
        .library(name: "HindsightCore", targets: ["HindsightCore"]),
        .library(name: "HindsightStore", targets: ["HindsightStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
    ],
    targets: [
        // The domain: model types, strict parsers, interchange decoding. No SQLite, no I/O.
        .target(
            name: "HindsightCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        // The schema migrations, embedded into the binary by the EmbedFilesPlugin.
        .target(
            name: "HindsightMigrations",
            path: "Migrations",
            exclude: [],
            plugins: ["EmbedFilesPlugin"]
        ),
        // The seed postmortems as interchange YAML, embedded the same way.
        .target(
            name: "HindsightSeeds",
            path: "Seeds",
            plugins: ["EmbedFilesPlugin"]
        ),
        // SQLite settings made before the first connection opens, in C because sqlite3_config is
        // variadic.
        .target(name: "CSQLiteSettings", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The knowledge base on SQLite through GRDB.
        .target(
            name: "HindsightStore",
            dependencies: [
                "HindsightCore",
                "HindsightMigrations",
                "CSQLiteSettings",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C interface, as GRDB links it, for BulkInsert.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The command tree and output renderers, a library so tests can drive it in process.
        .target(
            name: "HindsightCLI",
            dependencies: [
                "HindsightCore",
                "HindsightStore",
                "HindsightSeeds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "hindsight", dependencies: ["HindsightCLI"]),
        .executableTarget(name: "EmbedFiles", path: "Plugins/EmbedFiles"),
        .plugin(
            name: "EmbedFilesPlugin",
            capability: .buildTool(),
            dependencies: ["EmbedFiles"]
        ),
        .testTarget(
            name: "HindsightCoreTests",
            dependencies: ["HindsightCore", .product(name: "PropertyBased", package: "swift-property-based"),
                           .product(name: "Yams", package: "Yams")]
        ),
        .testTarget(
            name: "HindsightStoreTests",
            dependencies: ["HindsightStore", "HindsightSeeds", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "HindsightCLITests",
            dependencies: ["HindsightCLI", "hindsight"]
        ),
    ],
    swiftLanguageModes: [.v5]
)
