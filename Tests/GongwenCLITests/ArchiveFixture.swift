import Foundation

/// A generated archive for end-to-end batch tests: copies of the corpus documents (the
/// project's `Corpus/` and, when present, `../shared/corpus/dev`) in numbered folders, plus
/// corrupted files of every kind, in a temporary folder.
final class ArchiveFixture {
  let root: URL
  var input: URL { root.appendingPathComponent("in") }
  var output: URL { root.appendingPathComponent("out") }
  /// Relative paths (below `input`) of the files that convert cleanly.
  private(set) var valid: [String] = []
  /// Relative paths of the files that convert with a `truncated-input` diagnostic.
  private(set) var damaged: [String] = []
  /// Relative paths of the files that must fail, with the error code each must fail with.
  private(set) var bad: [String: String] = [:]

  /// The corpus documents' texts, found below `Corpus/` and `../shared/corpus/dev`.
  static func corpusDocuments() -> [URL] {
    let roots = [
      CLITests.packageRoot.appendingPathComponent("Corpus"),
      CLITests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev"),
    ]
    var found: [URL] = []
    for root in roots {
      guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
      for case let url as URL in enumerator where url.pathExtension == "txt" { found.append(url) }
    }
    return found.sorted { $0.path < $1.path }
  }

  /// At least `validCount` good copies spread over folders of up to 100 files, plus 60
  /// corrupted files.
  init(validCount: Int) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-archive-\(UUID().uuidString)")
    let documents = Self.corpusDocuments()
    precondition(!documents.isEmpty, "no corpus documents found")
    var random = SeededRandom(seed: 20_210_123)
    for index in 0..<validCount {
      let source = documents[index % documents.count]
      let relative = String(format: "set-%02d/%04d-%@", index / 100, index, source.lastPathComponent)
      try write(relative, try Data(contentsOf: source))
      valid.append(relative)
    }
    for index in 0..<15 {
      // Binary junk: random bytes with a NUL every 16 bytes.
      let relative = "broken/binary-\(index).txt"
      let bytes = (0..<(200 + index * 50)).map { $0 % 16 == 5 ? 0 : UInt8.random(in: 0...255, using: &random) }
      try write(relative, Data(bytes))
      bad[relative] = "binary-content"
    }
    for index in 0..<10 {
      let relative = "broken/empty-\(index).txt"
      try write(relative, Data())
      bad[relative] = "empty-input"
    }
    for index in 0..<15 {
      // Random high bytes: not UTF-8, and 0x80 / 0xFF lead bytes are invalid in GB18030 and Big5.
      let relative = "broken/high-bytes-\(index).txt"
      let bytes = [0xFF, 0x80] + (0..<(100 + index * 30)).map { _ in UInt8.random(in: 0x80...0xFF, using: &random) }
      try write(relative, Data(bytes))
      bad[relative] = "undecodable"
    }
    // "会议纪要" in GB18030, cut inside its last character.
    let gb18030: [UInt8] = [0xBB, 0xE1, 0xD2, 0xE9, 0xBC, 0xCD, 0xD2, 0xAA]
    for index in 0..<10 {
      let relative = "broken/gb18030-truncated-\(index).txt"
      try write(relative, Data(Array(repeating: gb18030, count: index + 1).joined() + [0xD2]))
      bad[relative] = "undecodable"
    }
    // Only a UTF-8 document becomes damaged UTF-8 with a half character appended (the same two
    // bytes complete a character in GB18030 or UTF-16).
    let utf8Documents = try documents.filter { String(data: try Data(contentsOf: $0), encoding: .utf8) != nil }
    for index in 0..<10 {
      // A UTF-8 document cut inside its last character: read, with a diagnostic.
      let relative = "broken/utf8-truncated-\(index).txt"
      let bytes = try Data(contentsOf: utf8Documents[index % utf8Documents.count])
      try write(relative, bytes + Data("会".utf8).prefix(2))
      damaged.append(relative)
    }
  }

  deinit { try? FileManager.default.removeItem(at: root) }

  private func write(_ relative: String, _ data: Data) throws {
    let url = input.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: url)
  }

  /// Where the JSON of an input goes.
  func outputURL(for relative: String) -> URL {
    output.appendingPathComponent((relative as NSString).deletingPathExtension + ".json")
  }
}

/// A small deterministic generator (SplitMix64), so that generated junk is the same every run.
struct SeededRandom: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
