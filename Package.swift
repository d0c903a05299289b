// swift-tools-version: 6.1
// SegGraph: an embedded, graph-backed knowledge store for video segments.
// Dependencies point one way: CLMDB → LMDB → SegGraph → seggraph.
// SegGraphModel is plain value types; importers depend on it, not on storage.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "SegGraph",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "seggraph", targets: ["seggraph"]),
        .library(name: "SegGraph", targets: ["SegGraph"]),
        .library(name: "VectorIndex", targets: ["VectorIndex"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb",
                       providers: [.apt(["liblmdb-dev"])]),
        // FFmpeg's headers only: the libraries are loaded on first use by CFFmpegLoader, so
        // commands that never read video do not load FFmpeg's ~130 shared libraries.
        .systemLibrary(name: "CFFmpeg", providers: [.apt(["libavformat-dev", "libavcodec-dev", "libswscale-dev"])]),
        .target(name: "CFFmpegLoader", dependencies: ["CFFmpeg"]),
        .target(name: "LMDB", dependencies: ["CLMDB"], swiftSettings: strict),
        .target(name: "SegGraphModel", swiftSettings: strict),
        .target(name: "Importers", dependencies: ["SegGraphModel"], path: "importers",
                exclude: ["README.md"], swiftSettings: strict),
        // Distance kernels compiled for SSE2, AVX2 and AVX-512, picked at run time.
        .target(name: "CVectorKernels"),
        .target(name: "VectorIndex", dependencies: ["CVectorKernels"], swiftSettings: strict),
        .target(name: "SiteSimulator", swiftSettings: strict),
        .target(name: "MediaProbe", dependencies: ["CFFmpeg", "CFFmpegLoader"], swiftSettings: strict),
        .target(name: "SegGraph", dependencies: [
            "LMDB", "SegGraphModel", "Importers", "VectorIndex",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Collections", package: "swift-collections"),
        ], swiftSettings: strict),
        .target(name: "SegGraphServer", dependencies: [
            "SegGraph", .product(name: "Hummingbird", package: "hummingbird"),
        ], swiftSettings: strict),
        .executableTarget(name: "seggraph", dependencies: [
            "SegGraph", "SegGraphServer", "SiteSimulator", "MediaProbe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], resources: [.embedInCode("openapi.yaml")], swiftSettings: strict),
        .executableTarget(name: "seggraph-bench", dependencies: ["SegGraph"],
                          path: "benchmarks/Sources/seggraph-bench", swiftSettings: strict),
        // The in-memory VectorIndex against hnswlib (benchmarks/peers/run_vector_bench.sh).
        .executableTarget(name: "vector-bench", dependencies: ["VectorIndex"],
                          path: "benchmarks/vector/Sources/vector-bench", swiftSettings: strict),
        // libFuzzer target over every importer; only `make fuzz` builds it (with
        // -sanitize=fuzzer,address, which supplies `main`), in its own scratch path.
        .executableTarget(name: "seggraph-fuzz", dependencies: ["Importers", "SegGraphModel"],
                          path: "Tests/Fuzz/seggraph-fuzz", swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]),
        .executableTarget(name: "seggraph-fuzz-queries", dependencies: ["SegGraph"],
                          path: "Tests/Fuzz/seggraph-fuzz-queries", swiftSettings: strict + [.unsafeFlags(["-parse-as-library"])]),
        .target(name: "TestSupport", path: "Tests/TestSupport",
                swiftSettings: strict),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ImportersTests", dependencies: ["Importers", "TestSupport"],
                    exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "SegGraphTests", dependencies: ["SegGraph", "TestSupport", "SiteSimulator", "VectorIndex"],
                    swiftSettings: strict),
        .testTarget(name: "SiteSimulatorTests", dependencies: ["SiteSimulator"], swiftSettings: strict),
        .testTarget(name: "VectorIndexTests", dependencies: ["VectorIndex", "CVectorKernels"], swiftSettings: strict),
        .testTarget(name: "MediaProbeTests", dependencies: ["MediaProbe"], exclude: ["Fixtures"], swiftSettings: strict),
        .testTarget(name: "SegGraphServerTests", dependencies: [
            "SegGraphServer", "SegGraph", "TestSupport", "SiteSimulator",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ], swiftSettings: strict),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"], exclude: ["Goldens", "BadCommandLines"], swiftSettings: strict),
    ]
)
