import Foundation

/// A temporary folder for one test, removed when the test is done with it.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-batch-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  var path: String { url.path }

  /// Writes `bytes` at `relative` (creating folders) and returns the file's path.
  @discardableResult
  func write(_ relative: String, _ bytes: some Sequence<UInt8>) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return file.path
  }

  @discardableResult
  func write(_ relative: String, text: String) throws -> String {
    try write(relative, Array(text.utf8))
  }

  /// Every regular file below the folder, as paths relative to it, sorted.
  func files() -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: path)
    var found: [String] = []
    while let relative = enumerator?.nextObject() as? String {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.appendingPathComponent(relative).path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        found.append(relative)
      }
    }
    return found.sorted()
  }
}

/// A counter shared between concurrent tasks, remembering the highest value it reached.
final class ConcurrencyGauge: @unchecked Sendable {
  private let lock = NSLock()
  private var current = 0
  private var highest = 0
  private var total = 0

  func enter() {
    lock.lock()
    current += 1
    total += 1
    highest = max(highest, current)
    lock.unlock()
  }

  func leave() {
    lock.lock()
    current -= 1
    lock.unlock()
  }

  var peak: Int {
    lock.lock()
    defer { lock.unlock() }
    return highest
  }

  var count: Int {
    lock.lock()
    defer { lock.unlock() }
    return total
  }
}

/// A lazy sequence of integers that counts how many were pulled.
struct CountingInputs: Sequence, Sendable {
  let count: Int
  let gauge: ConcurrencyGauge

  func makeIterator() -> AnyIterator<Int> {
    var next = 0
    return AnyIterator {
      guard next < count else { return nil }
      defer { next += 1 }
      gauge.enter()
      return next
    }
  }
}
