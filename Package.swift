// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "Gongwen",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Gongwen", targets: ["Gongwen"]),
    .library(name: "GongwenModel", targets: ["GongwenModel"]),
    .library(name: "GongwenEvaluation", targets: ["GongwenEvaluation"]),
    .library(name: "GongwenIndex", targets: ["GongwenIndex"]),
    .executable(name: "gongwen", targets: ["GongwenCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    // The archive database (GongwenIndex) on the system SQLite (libsqlite3-dev).
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    // `swift package generate-documentation` (see README).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // The system ICU behind a C shim: ICU headers stay in the .c file, the public header
    // exposes only opaque handles and plain C types (Foundation bundles its own ICU, and the
    // two header sets clash in any Swift module that sees both).
    .target(
      name: "CICU",
      linkerSettings: [
        .linkedLibrary("icui18n"),
        .linkedLibrary("icuuc"),
        .linkedLibrary("icudata"),
      ]
    ),
    // The typed document model and its JSON form; no ICU, for tools that only read the JSON.
    .target(name: "GongwenModel"),
    .target(
      name: "Gongwen",
      dependencies: ["CICU", "GongwenModel", "ZIPFoundation"],
      // The lexicon's data files are compiled into the library (EmbedLexicon), so a binary
      // copied anywhere and a package that depends on Gongwen carry them.
      exclude: ["Resources/Lexicon"],
      plugins: ["EmbedLexicon"]
    ),
    .executableTarget(name: "LexiconEmbedder", path: "Plugins/LexiconEmbedder"),
    .plugin(name: "EmbedLexicon", capability: .buildTool(), dependencies: ["LexiconEmbedder"]),
    // Scoring the parser against gold annotations, for `gongwen eval` and the corpus tests.
    .target(name: "GongwenEvaluation", dependencies: ["Gongwen"]),
    // Parsed documents in a SQLite archive with a Chinese full-text index, for `gongwen index`/`query`.
    .target(
      name: "GongwenIndex",
      dependencies: [
        "Gongwen", "GongwenModel", .product(name: "GRDB", package: "GRDB.swift"),
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
      ]
    ),
    .executableTarget(
      name: "GongwenCLI",
      dependencies: [
        "Gongwen",
        "GongwenEvaluation",
        "GongwenIndex",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Throughput of the pipeline's stages: `swift run -c release GongwenBenchmark`.
    .executableTarget(
      name: "GongwenBenchmark",
      dependencies: ["Gongwen", "CICU", "GongwenIndex"],
      path: "Benchmarks/GongwenBenchmark"
    ),
    .testTarget(name: "GongwenTests", dependencies: ["Gongwen", "GongwenEvaluation"]),
    .testTarget(name: "GongwenIndexTests", dependencies: ["GongwenIndex", "Gongwen", "GongwenModel"]),
    .testTarget(name: "GongwenCLITests", dependencies: ["GongwenCLI", "GongwenModel", "GongwenEvaluation", "GongwenIndex"]),
  ]
)
