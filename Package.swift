// swift-tools-version: 6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "Referat",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "referat", targets: ["referat"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Thin, exception-safe extern "C" wrappers over libxapian (Debian's libxapian-dev).
        .target(
            name: "CXapian",
            path: "shim",
            publicHeadersPath: "include",
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // Swift types owning the shim's handles; the only module that imports CXapian.
        .target(name: "Xapian", dependencies: ["CXapian"], swiftSettings: swiftSettings),
        // Danish text: normalisation, de-hyphenation, tokenising, stop words, compounds. Pure Swift.
        .target(name: "DanishText", swiftSettings: swiftSettings),
        // libxml2's HTML parser (Debian's libxml2-dev); only DocumentText imports it.
        .systemLibrary(
            name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // A file's bytes as lines of text: format detected by content; PDF (pdftotext), DOCX, HTML, text.
        .target(
            name: "DocumentText",
            dependencies: ["DanishText", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: swiftSettings
        ),
        // A referat file parsed into a meeting with agenda items and metadata.
        .target(name: "Minutes", dependencies: ["DanishText"], swiftSettings: swiftSettings),
        // Indexer and searcher: the only place that knows both the minutes model and Xapian.
        .target(
            name: "ReferatCore",
            dependencies: [
                "Xapian", "DanishText", "Minutes", "DocumentText",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // The HTTP API and the search page, on Hummingbird; `referat serve` runs it.
        .target(
            name: "ReferatServer",
            dependencies: [
                "ReferatCore", "Minutes",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Files shipped beside the binary (Bundle.module): templates, stylesheet, OpenAPI document.
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "referat",
            dependencies: [
                "ReferatCore", "DocumentText",
                "ReferatServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Fixtures shared by the test targets: the repository's paths, temporary directories,
        // the sample corpus indexed once.
        .target(
            name: "ReferatTestSupport", dependencies: ["ReferatCore", "Xapian"], path: "Tests/ReferatTestSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "XapianTests", dependencies: ["Xapian"], swiftSettings: swiftSettings),
        .testTarget(name: "DanishTextTests", dependencies: ["DanishText"], swiftSettings: swiftSettings),
        .testTarget(name: "MinutesTests", dependencies: ["Minutes"], swiftSettings: swiftSettings),
        .testTarget(
            name: "DocumentTextTests",
            dependencies: [
                "DocumentText", "Minutes", "ReferatCore", "ReferatTestSupport",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReferatCoreTests",
            dependencies: ["ReferatCore", "Xapian", "Minutes", "ReferatTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ReferatServerTests",
            dependencies: [
                "ReferatServer", "ReferatCore", "ReferatTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    cxxLanguageStandard: .cxx17
)
