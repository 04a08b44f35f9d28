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
/// counts. Lines are delivered as bytes, undecoded, so that invalid UTF-8 can be reported. A
/// line longer than ``maximumLineLength`` is not kept: its first ``overlongPrefixLength`` bytes
/// are, the rest is read and dropped, and the line comes with its length in
/// ``Line/overlongByteCount`` — memory stays bounded by the limit however long the line.
public struct LineReader: AsyncSequence, Sendable {
  /// Each line, as bytes.
  public typealias Element = Line

  /// One line, without its line end.
  public struct Line: Sendable, Hashable {
    /// The line's bytes; for an overlong line, only its first bytes.
    public var bytes: [UInt8]
    /// How many bytes the line had, when it had more than the limit; nil otherwise.
    public var overlongByteCount: Int?

    /// Creates a line of `bytes`; `overlongByteCount` for an overlong one.
    public init(bytes: [UInt8], overlongByteCount: Int? = nil) {
      self.bytes = bytes
      self.overlongByteCount = overlongByteCount
    }
  }

  /// How many bytes of an overlong line are kept (enough for an `id` at its start).
  public static let overlongPrefixLength = 1 << 16

  private let fileDescriptor: Int32
  /// The longest line kept whole, in bytes.
  public let maximumLineLength: Int

  /// Creates a reader of `fileDescriptor` keeping lines of up to `maximumLineLength` bytes whole.
  public init(fileDescriptor: Int32 = STDIN_FILENO, maximumLineLength: Int = .max) {
    self.fileDescriptor = fileDescriptor
    self.maximumLineLength = Swift.max(1, maximumLineLength)
  }

  /// Starts reading; the descriptor is read from where it stands.
  public func makeAsyncIterator() -> Iterator { Iterator(fileDescriptor: fileDescriptor, limit: maximumLineLength) }

  /// Reads the descriptor in chunks and cuts them into lines.
  public struct Iterator: AsyncIteratorProtocol {
    private let fileDescriptor: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    /// Where the next line starts in `buffer`.
    private var start = 0
    /// Up to where `buffer` is known to hold no line end.
    private var scanned = 0
    private var atEnd = false
    /// The first bytes of an overlong line being dropped, and how many bytes it has had so far.
    private var overlong: (prefix: [UInt8], count: Int)?

    init(fileDescriptor: Int32, limit: Int) {
      self.fileDescriptor = fileDescriptor
      self.limit = limit
    }

    /// The next line, or nil at the end of the input (or on a read error).
    public mutating func next() async -> Line? {
      while true {
        if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
          let line = finish(buffer[start..<newline])
          start = newline + 1
          scanned = start
          return line
        }
        scanned = buffer.count
        if atEnd {
          guard start < buffer.count || overlong != nil else { return nil }
          let line = finish(buffer[start...])
          start = buffer.count
          return line
        }
        if overlong != nil || buffer.count - start > limit {
          // Too long already: keep its start, drop the rest as it comes.
          let pending = buffer[start...]
          var dropped = overlong ?? ([], 0)
          dropped.prefix += pending.prefix(LineReader.overlongPrefixLength - dropped.prefix.count)
          dropped.count += pending.count
          overlong = dropped
          buffer.removeAll(keepingCapacity: true)
          start = 0
          scanned = 0
        } else {
          // Drop the lines already delivered before appending, once per read: linear overall.
          buffer.removeSubrange(..<start)
          scanned -= start
          start = 0
        }
        let chunk = await Self.readChunk(fileDescriptor)
        if chunk.isEmpty { atEnd = true } else { buffer.append(contentsOf: chunk) }
      }
    }

    /// The line whose last bytes are `tail` (all of it, unless it was overlong).
    private mutating func finish(_ tail: ArraySlice<UInt8>) -> Line {
      let trimmed = tail.last == UInt8(ascii: "\r") ? tail.dropLast() : tail
      if let (start, count) = overlong {
        overlong = nil
        let prefix = start + trimmed.prefix(LineReader.overlongPrefixLength - start.count)
        return Line(bytes: prefix, overlongByteCount: count + trimmed.count)
      }
      guard trimmed.count <= limit else {
        return Line(bytes: Array(trimmed.prefix(LineReader.overlongPrefixLength)), overlongByteCount: trimmed.count)
      }
      return Line(bytes: Array(trimmed))
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
