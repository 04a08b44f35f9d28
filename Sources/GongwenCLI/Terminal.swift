import Foundation
import Gongwen

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Unbuffered writes to standard output and standard error: each call is written whole before
/// the next, so a line of JSON Lines leaves as soon as it is ready.
enum Terminal {
  /// Writes to standard output; the first failure (a full disk, a closed file) is kept in
  /// ``outputError`` so the command can end with exit status 74 instead of 0.
  static func write(_ text: String) {
    let failure = writeAll(text, to: STDOUT_FILENO)
    if let failure, failure != EPIPE { outputFailure.record(failure) }
  }

  /// Why a write to standard output failed (`strerror`), or nil when every write succeeded.
  static var outputError: String? { outputFailure.code.map { String(cString: strerror($0)) } }

  /// The name of what standard output writes to, for messages: `-`, or the file of `parse -o`.
  static var outputName: String {
    get { outputFailure.name }
    set { outputFailure.name = newValue }
  }

  private static let outputFailure = FirstFailure()

  /// A message on standard error, prefixed with the command's name.
  static func error(_ text: String) { writeAll("gongwen: " + text + "\n", to: STDERR_FILENO) }

  static func writeError(_ text: String) { writeAll(text, to: STDERR_FILENO) }

  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// The first `errno` of a failed write; written from whichever task prints.
private final class FirstFailure: @unchecked Sendable {
  private let lock = NSLock()
  private var first: Int32?
  private var outputName = "-"

  var code: Int32? { lock.withLock { first } }

  var name: String {
    get { lock.withLock { outputName } }
    set { lock.withLock { outputName = newValue } }
  }

  func record(_ code: Int32) { lock.withLock { if first == nil { first = code } } }
}

/// Writes all of `text`, retrying after signals; returns the `errno` of a write that failed
/// (EPIPE when the reader has gone), nil when everything was written.
@discardableResult
private func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
  var text = text
  return text.withUTF8 { bytes -> Int32? in
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return errno
      }
      offset += written
    }
    return nil
  }
}

/// A one-line progress bar on standard error: done/total, percentage, rate and time left,
/// redrawn at most ten times a second.
final class ProgressBar {
  private let total: Int
  private let start = Date()
  private var lastDraw = Date.distantPast

  init(total: Int) { self.total = total }

  func update(done: Int) {
    let now = Date()
    guard now.timeIntervalSince(lastDraw) >= 0.1 || done == total else { return }
    lastDraw = now
    let elapsed = max(now.timeIntervalSince(start), 1e-3)
    let rate = Double(done) / elapsed
    let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let left = rate > 0 ? Double(total - done) / rate : 0
    let eta = String(format: "%d:%02d", Int(left) / 60, Int(left) % 60)
    Terminal.writeError(
      String(format: "\r\u{1B}[K[%@] %d/%d %3.0f%% %.1f docs/s ETA %@", bar, done, total, fraction * 100, rate, eta))
  }

  /// Clears the bar's line.
  func finish() { Terminal.writeError("\r\u{1B}[K") }
}
