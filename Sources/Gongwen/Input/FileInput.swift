import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension TextDecoder {
  /// Reads and decodes a file, refusing files above ``Options/maximumByteCount`` before
  /// reading them.
  public func decode(contentsOf url: URL) throws(InputError) -> DecodedText {
    try decode(Self.readBytes(of: url, limit: options.maximumByteCount))
  }

  /// The bytes of a file, or an ``InputError`` saying why they cannot be read.
  ///
  /// One `stat` answers existence, kind and size: `FileManager.attributesOfItem` would also
  /// look the owner up in the user and group databases, a cost batches pay on every file.
  static func readBytes(of url: URL, limit: Int) throws(InputError) -> Data {
    let path = url.path
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw InputError(code: .unreadable, message: "no such file: \(path)")
    }
    guard info.st_mode & S_IFMT != S_IFDIR else {
      throw InputError(code: .unreadable, message: "\(path) is a directory")
    }
    if Int(info.st_size) > limit {
      throw InputError(
        code: .tooLarge,
        message: "\(path) has \(info.st_size) bytes, more than the limit of \(limit)")
    }
    do {
      return try Data(contentsOf: url, options: .mappedIfSafe)
    } catch {
      throw InputError(code: .unreadable, message: "cannot read \(path): \(error.localizedDescription)")
    }
  }
}
