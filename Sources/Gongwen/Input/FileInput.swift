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
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw InputError(code: .unreadable, message: "cannot read \(path): \(error.localizedDescription)")
    }
  }
}
