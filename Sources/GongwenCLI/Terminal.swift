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
  static func write(_ text: String) { writeAll(text, to: STDOUT_FILENO) }

  /// A message on standard error, prefixed with the command's name.
  static func error(_ text: String) { writeAll("gongwen: " + text + "\n", to: STDERR_FILENO) }

  static func writeError(_ text: String) { writeAll(text, to: STDERR_FILENO) }

  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// Writes all of `text`, retrying after signals; gives up quietly when the reader has gone.
private func writeAll(_ text: String, to descriptor: Int32) {
  var text = text
  text.withUTF8 { bytes in
    var offset = 0
    while offset < bytes.count {
      let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return
      }
      offset += written
    }
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
