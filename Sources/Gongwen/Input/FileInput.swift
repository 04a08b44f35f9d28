import Foundation

extension TextDecoder {
  /// Reads and decodes a file, refusing files above ``Options/maximumByteCount`` before
  /// reading them.
  public func decode(contentsOf url: URL) throws(InputError) -> DecodedText {
    try decode(Self.readBytes(of: url, limit: options.maximumByteCount))
  }

  /// The bytes of a file, or an ``InputError`` saying why they cannot be read.
  static func readBytes(of url: URL, limit: Int) throws(InputError) -> Data {
    let path = url.path
    guard let status = FileStatus(path: path) else {
      throw InputError(code: .unreadable, message: "no such file: \(path)")
    }
    guard status.kind != .directory else {
      throw InputError(code: .unreadable, message: "\(path) is a directory")
    }
    if status.size > limit {
      throw InputError(
        code: .tooLarge,
        message: "\(path) has \(status.size) bytes, more than the limit of \(limit)")
    }
    do {
      guard status.kind == .file else { return try readStream(at: url, limit: limit) }
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch let error as InputError {
      throw error
    } catch {
      throw InputError(code: .unreadable, message: "cannot read \(path): \(error.localizedDescription)")
    }
  }

  /// A FIFO, a character device (`/dev/null`, `/dev/stdin`) or a process substitution has no
  /// size to map: it is read to its end, up to one byte past the limit.
  private static func readStream(at url: URL, limit: Int) throws -> Data {
    let handle = try FileHandle(forReadingFrom: url)
    defer { try? handle.close() }
    var data = Data()
    while let chunk = try handle.read(upToCount: 1 << 16), !chunk.isEmpty {
      data += chunk
      if data.count > limit {
        throw InputError(code: .tooLarge, message: "\(url.path) has more than the limit of \(limit) bytes")
      }
    }
    return data
  }
}
