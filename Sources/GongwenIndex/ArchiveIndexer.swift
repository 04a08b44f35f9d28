import Foundation
import Synchronization
import Gongwen
import GongwenModel

/// Reads documents into an ``Archive``: each file is hashed, skipped when the archive already
/// holds it from the same bytes and parser version, and otherwise parsed and stored in place of
/// its old rows.
public struct ArchiveIndexer: Sendable {
  /// What was done with one input.
  public enum Outcome: Hashable, Sendable {
    /// Parsed and stored (new, or replacing older rows).
    case indexed
    /// Already in the archive from the same bytes and parser version.
    case skipped
    /// Not readable or not storable: the error code (`unreadable-file`, `database-error`…) and why.
    case failed(code: String, reason: String)
  }

  /// The version recorded with every document by a default parser (see ``parserVersion(of:)``).
  public static let defaultParserVersion = parserVersion(of: DocumentParser())

  /// The version recorded with every document `parser` reads: a new release of the parser
  /// (`DocumentParser.version`) or of the JSON schema, another lexicon or an option that changes
  /// the output (`--simplified`, `--encoding`…, through `DocumentParser.outputDigest`) makes
  /// every file count as changed.
  public static func parserVersion(of parser: DocumentParser) -> String {
    "gongwen-\(DocumentParser.version)+schema-\(Document.currentSchemaVersion)+output-\(parser.outputDigest)"
  }

  /// The archive written to.
  public var archive: Archive
  /// The parser that reads each input.
  public var parser: DocumentParser
  /// The version stored with each document and compared when deciding to skip it (set from
  /// ``parser`` when the indexer is made: give a new one when changing the parser's options).
  public var parserVersion: String

  /// Creates an indexer writing to `archive` with `parser`, recording `parserVersion` with each
  /// document (by default ``parserVersion(of:)`` of `parser`).
  public init(archive: Archive, parser: DocumentParser = DocumentParser(), parserVersion: String? = nil) {
    self.archive = archive
    self.parser = parser
    self.parserVersion = parserVersion ?? Self.parserVersion(of: parser)
  }

  /// How long a transaction stays open gathering documents before it commits: readers see
  /// the new documents, and a killed run loses, at most about this much work.
  public static let transactionSeconds = 0.5
  /// The most documents written in one transaction.
  public static let transactionDocuments = 500

  /// Indexes one file, stored under `path` as given.
  public func index(path: String) -> Outcome {
    let stored: StoredVersion?
    do {
      stored = try archive.storedVersion(path: path)
    } catch {
      return .failed(code: "database-error", reason: "\(error)")
    }
    switch prepare(IndexRequest(path: path, json: nil), stored: stored) {
    case .success(nil): return .skipped
    case .failure(let failure): return failure.outcome
    case .success(let entry?):
      do {
        if let error = try archive.store([entry]).first ?? nil { return .failed(code: "database-error", reason: "\(error)") }
      } catch {
        return .failed(code: "database-error", reason: "\(error)")
      }
      return .indexed
    }
  }

  /// Indexes `paths`: `jobs` threads read, hash and parse them while one writer stores the
  /// parsed documents, many to a transaction (each in its own savepoint, so still whole or
  /// absent). `report` is called with each path and its outcome, one call at a time: a skip
  /// or a failure to read as soon as it is known, a document indexed once its transaction has
  /// committed.
  public func index(paths: [String], jobs: Int, report: @escaping @Sendable (String, Outcome) -> Void) {
    index(paths.map { IndexRequest(path: $0, json: nil) }, jobs: jobs, report: report)
  }

  /// Indexes the inputs of a batch: each input path with the JSON the batch wrote for it, which
  /// is decoded instead of parsing the input again (the input is still read, for its hash).
  public func index(batchOutputs: [(path: String, json: URL)], jobs: Int, report: @escaping @Sendable (String, Outcome) -> Void) {
    index(batchOutputs.map { IndexRequest(path: $0.path, json: $0.json) }, jobs: jobs, report: report)
  }

  private func index(_ requests: [IndexRequest], jobs: Int, report: @escaping @Sendable (String, Outcome) -> Void) {
    let report = SerialReport(report)
    let stored: [String: StoredVersion]
    do {
      stored = try archive.storedVersions()
    } catch {
      for request in requests { report(request.path, .failed(code: "database-error", reason: "\(error)")) }
      return
    }
    let handoff = Handoff<ArchiveEntry>(capacity: max(8, 4 * jobs))
    let writer = DispatchGroup()
    DispatchQueue.global().async(group: writer) {
      write(from: handoff, report: report.callAsFunction)
    }
    let next = Mutex(0)
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, requests.count))) { _ in
      while true {
        let position: Int = next.withLock { next in
          defer { next += 1 }
          return next
        }
        guard position < requests.count else { return }
        let request = requests[position]
        switch prepare(request, stored: stored[request.path]) {
        case .success(let entry?): handoff.put(entry)
        case .success(nil): report(request.path, .skipped)
        case .failure(let failure): report(request.path, failure.outcome)
        }
      }
    }
    handoff.finish()
    writer.wait()
  }

  /// Reads, hashes and parses (or decodes) one input; nil when the archive already holds it
  /// from the same bytes and parser version.
  private func prepare(_ request: IndexRequest, stored: StoredVersion?) -> Result<ArchiveEntry?, IndexFailure> {
    let bytes: Data
    do {
      bytes = try Self.readBytes(path: request.path, limit: parser.configuration.decoding.maximumByteCount)
    } catch {
      return .failure(IndexFailure(code: error.code.rawValue, reason: error.message))
    }
    let hash = ContentHash.of(bytes)
    if stored == StoredVersion(contentHash: hash, parserVersion: parserVersion) { return .success(nil) }
    let document: Document
    if let json = request.json {
      do {
        document = try JSONDecoder().decode(Document.self, from: Data(contentsOf: json))
      } catch {
        return .failure(IndexFailure(code: "unreadable-json", reason: "cannot read \(json.path): \(error)"))
      }
    } else {
      do {
        document = parser.parse(try DocumentReader(options: parser.configuration.decoding).read(bytes))
      } catch {
        return .failure(IndexFailure(code: error.code.rawValue, reason: error.message))
      }
    }
    return .success(
      ArchiveEntry(path: request.path, contentHash: hash, parserVersion: parserVersion, byteCount: bytes.count, document: document))
  }

  /// The writer: takes parsed documents as they come and stores them, a transaction at a time,
  /// committing after ``transactionSeconds`` or ``transactionDocuments``.
  private func write(from handoff: Handoff<ArchiveEntry>, report: (String, Outcome) -> Void) {
    var finished = false
    while !finished {
      guard let first = handoff.take(until: .distantFuture) else { return }
      var entries = [first]
      let deadline = DispatchTime.now() + Self.transactionSeconds
      while entries.count < Self.transactionDocuments {
        guard let entry = handoff.take(until: deadline) else {
          finished = handoff.isFinished
          break
        }
        entries.append(entry)
      }
      do {
        let errors = try archive.store(entries)
        for (entry, error) in zip(entries, errors) {
          report(entry.path, error.map { .failed(code: "database-error", reason: "\($0)") } ?? .indexed)
        }
      } catch {
        for entry in entries { report(entry.path, .failed(code: "database-error", reason: "\(error)")) }
      }
    }
  }

  /// Removes the documents stored under the folders among `inputs` whose files are no longer
  /// on disk (neither walked in this run, `walked`, nor present), in one transaction; the
  /// paths removed. Files named directly and folders not walked are left alone.
  public func removeVanished(under inputs: [String], walked: Set<String>) throws -> [String] {
    var isFolder: ObjCBool = false
    let prefixes = inputs.filter { FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && isFolder.boolValue }
      .map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    guard !prefixes.isEmpty else { return [] }
    let vanished = try archive.paths().filter { path in
      !walked.contains(path) && prefixes.contains { path.hasPrefix($0) } && !FileManager.default.fileExists(atPath: path)
    }
    try archive.remove(paths: vanished)
    return vanished
  }

  /// Reads a file whole, refusing one above `limit` bytes before reading it.
  static func readBytes(path: String, limit: Int) throws(InputError) -> Data {
    let attributes: [FileAttributeKey: Any]
    do {
      attributes = try FileManager.default.attributesOfItem(atPath: path)
    } catch {
      throw InputError(code: .unreadable, message: "cannot read the file: \(error.localizedDescription)")
    }
    if let size = attributes[.size] as? Int, size > limit {
      throw InputError(code: .tooLarge, message: "the file has \(size) bytes, more than the limit of \(limit)")
    }
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw InputError(code: .unreadable, message: "cannot read the file: \(error.localizedDescription)")
    }
  }
}

/// One input to index: its path, and the JSON a batch wrote for it when there is one.
private struct IndexRequest: Sendable {
  var path: String
  var json: URL?
}

/// A report callback called one call at a time, from whichever thread has an outcome.
private final class SerialReport: Sendable {
  private let lock = Mutex(())
  private let report: @Sendable (String, ArchiveIndexer.Outcome) -> Void

  init(_ report: @escaping @Sendable (String, ArchiveIndexer.Outcome) -> Void) {
    self.report = report
  }

  func callAsFunction(_ path: String, _ outcome: ArchiveIndexer.Outcome) {
    lock.withLock { _ in report(path, outcome) }
  }
}

/// Why an input was not indexed.
private struct IndexFailure: Error {
  var code: String
  var reason: String
  var outcome: ArchiveIndexer.Outcome { .failed(code: code, reason: reason) }
}

/// Parsed documents handed from the parsing threads to the one writer (a single taker): `put`
/// waits while `capacity` are waiting to be written, so memory stays flat when the writer is
/// the slower.
final class Handoff<Element: Sendable>: Sendable {
  private let state = Mutex(State())
  private let available = DispatchSemaphore(value: 0)
  private let space: DispatchSemaphore

  private struct State {
    var items: [Element] = []
    var finished = false
  }

  init(capacity: Int) {
    space = DispatchSemaphore(value: capacity)
  }

  /// Whether ``finish()`` was called and every element taken.
  var isFinished: Bool { state.withLock { $0.finished && $0.items.isEmpty } }

  /// Adds an element, waiting for room.
  func put(_ element: Element) {
    space.wait()
    state.withLock { $0.items.append(element) }
    available.signal()
  }

  /// No more elements will come: ``take(until:)`` returns nil once the rest are taken.
  func finish() {
    state.withLock { $0.finished = true }
    available.signal()
  }

  /// The next element, waiting for one until `deadline`; nil at the deadline or when finished
  /// and empty.
  func take(until deadline: DispatchTime) -> Element? {
    guard available.wait(timeout: deadline) == .success else { return nil }
    let element: Element? = state.withLock { state in
      state.items.isEmpty ? nil : state.items.removeFirst()
    }
    if element != nil {
      space.signal()
    } else {
      // The finishing signal: leave it for the next take too.
      available.signal()
    }
    return element
  }
}

/// The content hash stored with each document: 64-bit FNV-1a of the bytes, as 16 hex digits,
/// followed by the byte count. It tells a changed file from an unchanged one; it is no defence
/// against a file made to collide.
enum ContentHash {
  static func of(_ bytes: Data) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { buffer in
      for byte in buffer {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(bytes.count)
  }
}
