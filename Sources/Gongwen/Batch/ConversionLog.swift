import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// `gongwen-manifest.jsonl` in a batch's output folder: one line per output written, saying
/// which input made it and with what (``BatchConverter/madeBy``: the parser's version and build,
/// its lexicon, the options), so that resuming re-converts an output made differently.
///
/// Lines are appended as outputs are renamed into place, each in one `write`, so a killed run
/// leaves whole lines: an output whose line is missing is converted again. Each run first writes
/// a line `{"madeBy": DIGEST, "options": TEXT}` giving the digest's meaning in words; output lines
/// are `{"output": "2021/a.json", "input": "archive/2021/a.txt", "madeBy": DIGEST}`, and the last
/// line for an output wins. A run without resume starts the manifest anew.
final class ConversionLog: @unchecked Sendable {
  struct Record: Codable, Hashable {
    var output: String?
    var input: String?
    var madeBy: String
    var options: String?
  }

  /// What the log held when the run started, by output path relative to the output folder.
  let previous: [String: Record]
  let digest: String
  private let lock = NSLock()
  private var descriptor: Int32

  /// Opens (and with `resume`, first reads) the manifest of `directory`.
  init(directory: URL, madeBy: String, resume: Bool) {
    let url = directory.appendingPathComponent(BatchConverter.manifestName)
    var previous: [String: Record] = [:]
    if resume, let data = try? Data(contentsOf: url) {
      let decoder = JSONDecoder()
      for line in data.split(separator: UInt8(ascii: "\n")) {
        if let record = try? decoder.decode(Record.self, from: line), let output = record.output {
          previous[output] = record
        }
      }
    }
    self.previous = previous
    digest = Self.digest(madeBy)
    try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC | (resume ? 0 : O_TRUNC), 0o644)
    append(Record(madeBy: digest, options: madeBy))
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Whether `output` was made from `input` the way this run makes it.
  func madeAlike(output: String, input: String) -> Bool {
    guard let record = previous[output] else { return false }
    return record.input == input && record.madeBy == digest
  }

  /// Records that `output` was written from `input`.
  func recordWritten(output: String, input: String) {
    append(Record(output: output, input: input, madeBy: digest))
  }

  /// Flushes the manifest to the disk.
  func synchronize() {
    lock.withLock { _ = descriptor >= 0 ? fsync(descriptor) : 0 }
  }

  private func append(_ record: Record) {
    var members: [(key: String, value: JSONValue)] = []
    if let output = record.output { members.append(("output", .string(output))) }
    if let input = record.input { members.append(("input", .string(input))) }
    members.append(("madeBy", .string(record.madeBy)))
    if let options = record.options { members.append(("options", .string(options))) }
    let line = Array((JSONValue.object(members).serialized() + "\n").utf8)
    lock.withLock {
      guard descriptor >= 0 else { return }
      // One write per line: appends of whole lines do not interleave.
      _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }
  }

  /// 64-bit FNV-1a, in hex: short enough to repeat on every line.
  static func digest(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

extension BatchConverter {
  /// The name of the manifest in the output folder (see ``resume``).
  public static let manifestName = "gongwen-manifest.jsonl"

  /// What makes an output what it is, in words: the parser's output description (version,
  /// schema, lexicon, every option that changes the JSON), its build (the running executable's
  /// size and modification time, so that a rebuilt parser counts as another), and whether the
  /// JSON is indented. Resuming re-converts outputs made with anything else.
  public var madeBy: String {
    let executable = (Bundle.main.executablePath).flatMap { FileStatus(path: $0) }
    let build = executable.map { "\($0.size)-\($0.modified)" } ?? "unknown"
    return [parser.outputDescription, "build \(build)", "pretty \(prettyPrinted)"].joined(separator: "; ")
  }
}

extension DocumentParser {
  /// What, besides its build, makes this parser's output what it is, in words: the version, the
  /// JSON schema, the lexicon's digest and every configuration option that changes the JSON.
  /// Two parsers with the same description read the same bytes to the same document, so a
  /// batch's manifest and an archive record it to tell an output made differently.
  public var outputDescription: String {
    var lexicon = ""
    for entry in configuration.lexicon.entries {
      lexicon += entry.text + "\t" + entry.category.rawValue + "\t" + (entry.fullName ?? "") + "\n"
    }
    return [
      "gongwen \(DocumentParser.version)", "schema \(Document.currentSchemaVersion)",
      "lexicon \(ConversionLog.digest(lexicon))",
      "encoding \(configuration.decoding.encoding?.rawValue ?? "detected")",
      "replace-invalid \(configuration.decoding.replacingInvalidBytes)",
      "max-bytes \(configuration.decoding.maximumByteCount)",
      "simplified \(configuration.normalization.convertsTraditionalToSimplified)",
    ].joined(separator: "; ")
  }

  /// ``outputDescription`` as 16 hex digits (64-bit FNV-1a), short enough to store with every
  /// document.
  public var outputDigest: String { ConversionLog.digest(outputDescription) }
}
