import Foundation

/// Where the test documents are: the project's own `Corpus/` and the shared corpus of real
/// published documents in `../shared/corpus` (present in CI; tests that need it are skipped
/// where it is missing).
enum Corpus {
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // GongwenTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

  static let project = packageRoot.appendingPathComponent("Corpus")
  static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
  static let sharedDev = shared.appendingPathComponent("dev")

  static var sharedIsAvailable: Bool { FileManager.default.fileExists(atPath: sharedDev.path) }

  static let seedName = "suzhou-2021-01-23-126"

  static func sharedText(_ name: String) throws -> String {
    try String(contentsOf: sharedDev.appendingPathComponent(name + ".txt"), encoding: .utf8)
  }

  static func sharedBytes(_ name: String) throws -> Data {
    try Data(contentsOf: sharedDev.appendingPathComponent(name + ".txt"))
  }
}
