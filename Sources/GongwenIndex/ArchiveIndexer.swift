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

  /// The version recorded with every document: a new release of the parser
  /// (`DocumentParser.version`) or of the JSON schema makes every file count as changed.
  public static let defaultParserVersion = "gongwen-\(DocumentParser.version)+schema-\(Document.currentSchemaVersion)"

  /// The archive written to.
  public var archive: Archive
  /// The parser that reads each input.
  public var parser: DocumentParser
  /// The version stored with each document and compared when deciding to skip it.
  public var parserVersion: String

  /// Creates an indexer writing to `archive` with `parser`.
  public init(archive: Archive, parser: DocumentParser = DocumentParser(), parserVersion: String = Self.defaultParserVersion) {
    self.archive = archive
    self.parser = parser
    self.parserVersion = parserVersion
  }

  /// Indexes one file, stored under `path` as given.
  public func index(path: String) -> Outcome {
    let bytes: Data
    do {
      bytes = try Self.readBytes(path: path, limit: parser.configuration.decoding.maximumByteCount)
    } catch {
      return .failed(code: error.code.rawValue, reason: error.message)
    }
    let hash = ContentHash.of(bytes)
    do {
      if try archive.isCurrent(path: path, contentHash: hash, parserVersion: parserVersion) { return .skipped }
    } catch {
      return .failed(code: "database-error", reason: "\(error)")
    }
    let document: Document
    do {
      document = parser.parse(try DocumentReader(options: parser.configuration.decoding).read(bytes))
    } catch {
      return .failed(code: error.code.rawValue, reason: error.message)
    }
    do {
      try archive.store(document, path: path, contentHash: hash, parserVersion: parserVersion, byteCount: bytes.count)
    } catch {
      return .failed(code: "database-error", reason: "\(error)")
    }
    return .indexed
  }

  /// Indexes `paths` with `jobs` of them read and parsed at once (the archive's writes are
  /// serialised, one document per transaction), calling `report` with each path and its outcome
  /// as it completes, one call at a time.
  public func index(paths: [String], jobs: Int, report: @escaping @Sendable (String, Outcome) -> Void) {
    let next = Mutex(0)
    let reporting = Mutex(())
    DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, paths.count))) { _ in
      while true {
        let position: Int = next.withLock { next in
          defer { next += 1 }
          return next
        }
        guard position < paths.count else { return }
        let outcome = index(path: paths[position])
        reporting.withLock { _ in report(paths[position], outcome) }
      }
    }
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
