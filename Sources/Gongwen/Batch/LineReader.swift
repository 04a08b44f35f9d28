import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of a file descriptor (standard input by default) as an asynchronous sequence,
/// read off the cooperative thread pool so that a reader waiting for input never holds a
/// thread the parsing jobs need.
///
/// Each read takes what the descriptor has (up to 64 KiB), so a line is delivered as soon as it
/// arrives. Lines end at `\n`; a `\r` before it is dropped, and a last line without a line end
/// counts. Bytes that are not UTF-8 become U+FFFD.
public struct LineReader: AsyncSequence, Sendable {
  public typealias Element = String

  private let fileDescriptor: Int32

  public init(fileDescriptor: Int32 = STDIN_FILENO) {
    self.fileDescriptor = fileDescriptor
  }

  public func makeAsyncIterator() -> Iterator { Iterator(fileDescriptor: fileDescriptor) }

  public struct Iterator: AsyncIteratorProtocol {
    private let fileDescriptor: Int32
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    /// Up to where `buffer` is known to hold no line end.
    private var scanned = 0
    private var atEnd = false

    init(fileDescriptor: Int32) { self.fileDescriptor = fileDescriptor }

    public mutating func next() async -> String? {
      while true {
        if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
          let line = Self.text(buffer[start..<newline])
          start = newline + 1
          scanned = start
          return line
        }
        scanned = buffer.count
        if atEnd {
          guard start < buffer.count else { return nil }
          let line = Self.text(buffer[start...])
          start = buffer.count
          return line
        }
        // Drop the lines already delivered before appending, once per read: linear overall.
        buffer.removeSubrange(..<start)
        scanned -= start
        start = 0
        let chunk = await Self.readChunk(fileDescriptor)
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
      }
    }

    private static func text(_ bytes: ArraySlice<UInt8>) -> String {
      String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes, as: UTF8.self)
    }

    /// What the descriptor has (waiting until it has something); empty at the end or on error.
    private static func readChunk(_ fileDescriptor: Int32) async -> [UInt8] {
      await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
          var chunk = [UInt8](repeating: 0, count: 1 << 16)
          var count: Int
          repeat {
            count = chunk.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
          } while count < 0 && errno == EINTR
          chunk.removeSubrange(Swift.max(count, 0)...)
          continuation.resume(returning: chunk)
        }
      }
    }
  }
}
