import Foundation

/// The account of a conversion run: how many inputs were converted, skipped and failed, why
/// each failure failed, and how fast the run went. It is what `gongwen batch` prints and writes
/// as `gongwen-report.json`.
///
/// It keeps counters plus one entry per failed or damaged input, never the documents.
public struct BatchReport: Sendable, Hashable, Codable {
  /// One input that failed, or was converted from damaged bytes.
  public struct Entry: Sendable, Hashable, Codable {
    /// The input's path as shown to people.
    public var path: String
    /// An ``InputError/Code`` raw value, a diagnostic code, ``BatchFailure/unwritable``,
    /// ``BatchFailure/ioError``, ``BatchPlan/renamedCode``, or a code of ``FileWalker``.
    public var code: String
    /// A sentence for people.
    public var reason: String

    /// Creates an Entry from its parts; each argument sets the property of the same name.
    public init(path: String, code: String, reason: String) {
      self.path = path
      self.code = code
      self.reason = reason
    }

    private enum CodingKeys: String, CodingKey { case path, code, reason }
  }

  /// The version of the report's JSON shape.
  public var schemaVersion = 1
  /// The inputs as given.
  public var inputs: [String]
  /// The output folder as given.
  public var outputDirectory: String
  /// How many inputs were converted at once.
  public var jobs: Int
  /// When the run started, ISO 8601 in UTC.
  public var startedAt: String
  /// How long the run took, in seconds.
  public var seconds: Double = 0
  /// Inputs seen: converted + skipped + failed.
  public var total = 0
  /// Inputs written as JSON.
  public var converted = 0
  /// Inputs skipped because their output was up to date (with resume).
  public var skipped = 0
  /// Inputs without an output (see ``failures``).
  public var failed = 0
  /// Bytes read from inputs.
  public var bytesRead = 0
  /// Converted documents per second of the run.
  public var documentsPerSecond: Double = 0
  /// Megabytes (10⁶ bytes) read per second of the run.
  public var megabytesPerSecond: Double = 0
  /// Every input that has no output, with the reason.
  public var failures: [Entry] = []
  /// Inputs converted although decoding found damage (a last character cut in half, invalid
  /// bytes replaced), with what it found.
  public var damaged: [Entry] = []
  /// Inputs whose output name was taken (``BatchPlan``), with where they were written instead.
  public var renamed: [Entry] = []
  /// Folder entries passed over that are not inputs: FIFOs, dangling links, link loops, links
  /// out of the input tree, links to folders, the output folder (codes of ``FileWalker``).
  public var ignored = 0
  /// Each entry counted in ``ignored``, with its code and reason.
  public var ignoredEntries: [Entry] = []

  private let start: Date

  /// Creates a BatchReport from its parts; each argument sets the property of the same name.
  public init(inputs: [String], outputDirectory: String, jobs: Int, startedAt: Date = Date()) {
    self.inputs = inputs
    self.outputDirectory = outputDirectory
    self.jobs = jobs
    self.start = startedAt
    self.startedAt = Self.timestamp(startedAt)
  }

  /// `2021-01-23T08:30:00Z`, as `ISO8601DateFormatter` writes a date by default (seconds
  /// truncated), without making one: the formatter cost more to make than the report.
  static func timestamp(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func digits(_ value: Int32, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return digits(parts.tm_year + 1900, 4) + "-" + digits(parts.tm_mon + 1, 2) + "-" + digits(parts.tm_mday, 2) + "T"
      + digits(parts.tm_hour, 2) + ":" + digits(parts.tm_min, 2) + ":" + digits(parts.tm_sec, 2) + "Z"
  }

  /// Counts one outcome.
  public mutating func record(_ conversion: BatchConversion) {
    if case .ignored(let reason) = conversion.outcome {
      ignored += 1
      ignoredEntries.append(Entry(path: conversion.file.path, code: reason.code, reason: reason.reason))
      return
    }
    total += 1
    bytesRead += conversion.byteCount
    switch conversion.outcome {
    case .converted:
      converted += 1
      for diagnostic in conversion.inputDiagnostics {
        damaged.append(Entry(path: conversion.file.path, code: diagnostic.code.rawValue, reason: diagnostic.message))
      }
    case .skipped:
      skipped += 1
    case .failed(let failure):
      failed += 1
      failures.append(Entry(path: conversion.file.path, code: failure.code, reason: failure.reason))
    case .ignored:
      break
    }
  }

  /// Sets the duration and the rates, as of `date`.
  public mutating func finish(at date: Date = Date()) {
    let elapsed = max(date.timeIntervalSince(start), 1e-6)
    seconds = Self.rounded(elapsed, places: 3)
    documentsPerSecond = Self.rounded(Double(converted) / elapsed, places: 1)
    megabytesPerSecond = Self.rounded(Double(bytesRead) / 1_000_000 / elapsed, places: 2)
  }

  /// The summary for people: one line of counts and rates, then one line per failure.
  public var summary: String {
    var lines = [
      "\(total) inputs: \(converted) converted, \(skipped) skipped, \(failed) failed in \(String(format: "%.2f", seconds)) s "
        + "(\(String(format: "%.1f", documentsPerSecond)) documents/s, \(String(format: "%.2f", megabytesPerSecond)) MB/s)"
    ]
    func list(_ heading: String, _ entries: [Entry], withCodes: Bool = true) {
      guard !entries.isEmpty else { return }
      lines.append(heading)
      lines += entries.map { withCodes ? "  \($0.path): \($0.code): \($0.reason)" : "  \($0.path): \($0.reason)" }
    }
    list("renamed (output name taken):", renamed, withCodes: false)
    list("\(ignored) folder entries ignored:", ignoredEntries)
    list("converted from damaged input:", damaged)
    list("failed:", failures)
    return lines.joined(separator: "\n")
  }

  /// The report as JSON, keys in a fixed order.
  public func jsonString(prettyPrinted: Bool = true) -> String {
    (try? OrderedJSONEncoder(prettyPrinted: prettyPrinted).encodeToString(self)) ?? "{}"
  }

  private static func rounded(_ value: Double, places: Int) -> Double {
    let scale = pow(10, Double(places))
    return (value * scale).rounded() / scale
  }

  private enum CodingKeys: String, CodingKey {
    case schemaVersion, inputs, outputDirectory, jobs, startedAt, seconds, total, converted, skipped, failed
    case bytesRead, documentsPerSecond, megabytesPerSecond, failures, damaged, renamed, ignored, ignoredEntries
  }

  /// Decodes a report from `gongwen-report.json`; keys added in later versions may be absent.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
    inputs = try c.decode([String].self, forKey: .inputs)
    outputDirectory = try c.decode(String.self, forKey: .outputDirectory)
    jobs = try c.decode(Int.self, forKey: .jobs)
    startedAt = try c.decode(String.self, forKey: .startedAt)
    seconds = try c.decode(Double.self, forKey: .seconds)
    total = try c.decode(Int.self, forKey: .total)
    converted = try c.decode(Int.self, forKey: .converted)
    skipped = try c.decode(Int.self, forKey: .skipped)
    failed = try c.decode(Int.self, forKey: .failed)
    bytesRead = try c.decode(Int.self, forKey: .bytesRead)
    documentsPerSecond = try c.decode(Double.self, forKey: .documentsPerSecond)
    megabytesPerSecond = try c.decode(Double.self, forKey: .megabytesPerSecond)
    failures = try c.decode([Entry].self, forKey: .failures)
    damaged = try c.decode([Entry].self, forKey: .damaged)
    renamed = try c.decodeIfPresent([Entry].self, forKey: .renamed) ?? []
    ignored = try c.decodeIfPresent(Int.self, forKey: .ignored) ?? 0
    ignoredEntries = try c.decodeIfPresent([Entry].self, forKey: .ignoredEntries) ?? []
    start = ISO8601DateFormatter().date(from: startedAt) ?? Date()
  }

  /// Encodes the report as `gongwen-report.json` writes it, keys in their documented order.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(schemaVersion, forKey: .schemaVersion)
    try c.encode(inputs, forKey: .inputs)
    try c.encode(outputDirectory, forKey: .outputDirectory)
    try c.encode(jobs, forKey: .jobs)
    try c.encode(startedAt, forKey: .startedAt)
    try c.encode(seconds, forKey: .seconds)
    try c.encode(total, forKey: .total)
    try c.encode(converted, forKey: .converted)
    try c.encode(skipped, forKey: .skipped)
    try c.encode(failed, forKey: .failed)
    try c.encode(bytesRead, forKey: .bytesRead)
    try c.encode(documentsPerSecond, forKey: .documentsPerSecond)
    try c.encode(megabytesPerSecond, forKey: .megabytesPerSecond)
    try c.encode(failures, forKey: .failures)
    try c.encode(damaged, forKey: .damaged)
    try c.encode(renamed, forKey: .renamed)
    try c.encode(ignored, forKey: .ignored)
    try c.encode(ignoredEntries, forKey: .ignoredEntries)
  }
}
