import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files so that a reader, or a run killed midway, never sees half of one: the bytes go
/// to a temporary file in the same folder (same file system, so `rename` is atomic), which is
/// then renamed over the destination. With `durable`, the bytes are also flushed to the disk
/// before the rename, so that a power cut cannot leave a renamed but empty file, and the folder
/// after it, so that the rename itself survives; that costs two disk round trips per file (a
/// batch groups them instead: ``BatchConversions``).
///
/// Temporary files are hidden and named `.NAME.gongwen-tmp.PID.RANDOM`; a killed process leaves
/// them behind, and ``removeStaleTemporaryFiles(in:olderThan:)`` sweeps them.
enum AtomicFile {
  static let temporaryMarker = ".gongwen-tmp."

  static func write(_ bytes: some Collection<UInt8>, to url: URL, durable: Bool = false) throws {
    try write(bytes, toPath: url.path, durable: durable)
  }

  /// ``write(_:to:durable:)`` to a path. The work is done on path strings: `URL.path` costs
  /// more than a small file's `open`, `write` and `rename` together.
  static func write(_ bytes: some Collection<UInt8>, toPath path: String, durable: Bool = false) throws {
    let temporary = try stage(bytes, forPath: path, durable: durable)
    guard rename(temporary, path) == 0 else {
      let failure = posixError(path)
      unlink(temporary)
      throw failure
    }
    // The rename is durable once the folder is.
    if durable, let failure = synchronize(folder(of: path)) { throw failure }
  }

  /// Writes `bytes` to a new temporary file beside `url` (flushed to the disk when `durable`)
  /// and returns it, for the caller to rename over `url`.
  static func stage(_ bytes: some Collection<UInt8>, for url: URL, durable: Bool = false) throws -> URL {
    URL(fileURLWithPath: try stage(bytes, forPath: url.path, durable: durable), isDirectory: false)
  }

  /// ``stage(_:for:durable:)`` beside a path; returns the temporary file's path.
  static func stage(_ bytes: some Collection<UInt8>, forPath path: String, durable: Bool = false) throws -> String {
    let directory = folder(of: path)
    let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
    let temporary =
      (directory == "/" ? "/" : directory + "/") + "." + name + temporaryMarker
      + "\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    let bytes = Array(bytes)
    do {
      do {
        try create(temporary, with: bytes, durable: durable)
      } catch let error as FileWriteError where error.number == ENOENT {
        // The folder is made when the first file in it is written, not asked after for every file.
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try create(temporary, with: bytes, durable: durable)
      }
    } catch {
      unlink(temporary)
      throw error
    }
    return temporary
  }

  /// The folder part of an absolute path (`/out/2021/a.json` → `/out/2021`, `/a.json` → `/`).
  static func folder(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
    return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
  }

  /// Removes the temporary files below `directory` last modified before `date`: those of runs
  /// that were killed (a run still writing has only fresh ones). Returns how many it removed.
  @discardableResult
  static func removeStaleTemporaryFiles(in directory: URL, olderThan date: Date) -> Int {
    guard
      let enumerator = FileManager.default.enumerator(
        at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])
    else { return 0 }
    var removed = 0
    for case let url as URL in enumerator where url.lastPathComponent.contains(temporaryMarker) {
      let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
      guard values?.isRegularFile == true, let modified = values?.contentModificationDate, modified < date else {
        continue
      }
      if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
    }
    return removed
  }
}

/// A file too large to hold in memory (a batch's JSON Lines), written piece by piece to a
/// temporary file beside `url` and renamed over it by ``finish()``, so that no reader sees half
/// of it; ``abandon()`` removes the temporary file instead.
struct AtomicFileWriter {
  let url: URL
  private let temporary: URL
  private let descriptor: Int32

  init(url: URL) throws {
    self.url = url
    temporary = url.deletingLastPathComponent().appendingPathComponent(
      "." + url.lastPathComponent + AtomicFile.temporaryMarker + "\(getpid()).\(UInt32.random(in: 0...UInt32.max))",
      isDirectory: false)
    descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw posixError(url.path) }
  }

  func append(_ bytes: [UInt8]) throws {
    try writeAll(bytes, to: descriptor, path: url.path)
  }

  func finish() throws {
    guard close(descriptor) == 0 else {
      let failure = posixError(url.path)
      unlink(temporary.path)
      throw failure
    }
    guard rename(temporary.path, url.path) == 0 else {
      let failure = posixError(url.path)
      unlink(temporary.path)
      throw failure
    }
  }

  func abandon() {
    close(descriptor)
    unlink(temporary.path)
  }
}

/// Writes all of `bytes` to `descriptor`, going on after interrupted writes.
private func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
    if written < 0 {
      if errno == EINTR { continue }
      throw posixError(path)
    }
    offset += written
  }
}

/// Creates `path` (which must not exist) and writes `bytes`, flushed to the disk when `durable`.
private func create(_ path: String, with bytes: [UInt8], durable: Bool) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
  guard descriptor >= 0 else { throw posixError(path) }
  do {
    try writeAll(bytes, to: descriptor, path: path)
  } catch {
    close(descriptor)
    throw error
  }
  if durable && fsync(descriptor) != 0 {
    let failure = posixError(path)
    close(descriptor)
    throw failure
  }
  // A network file system may report a failed write only when the file is closed.
  guard close(descriptor) == 0 else { throw posixError(path) }
}

/// A write that failed, with its `errno`, so that a full disk can be told from a folder without
/// permission.
struct FileWriteError: Error, CustomStringConvertible {
  var path: String
  var number: Int32
  /// `strerror`: "No space left on device".
  var reason: String { String(cString: strerror(number)) }
  var description: String { "\(path): \(reason)" }
}

private func posixError(_ path: String) -> FileWriteError {
  FileWriteError(path: path, number: errno)
}
