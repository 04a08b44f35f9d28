internal import CICU

/// Facts about the system ICU the package is linked with.
public enum ICU {
  /// ICU's version, e.g. `72.1.0.0`. Break rules and dictionaries differ between versions, so
  /// benchmarks record it.
  public static var version: String {
    var v: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    withUnsafeMutableBytes(of: &v) { cicu_version($0.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
    return "\(v.0).\(v.1).\(v.2).\(v.3)"
  }
}

/// An error code returned by ICU, with ICU's name for it (`U_ILLEGAL_CHAR_FOUND`…).
struct ICUStatus: Error, Hashable, CustomStringConvertible {
  let rawValue: Int32

  var isFailure: Bool { cicu_failed(rawValue) != 0 }
  var isBufferOverflow: Bool { rawValue == 15 }  // U_BUFFER_OVERFLOW_ERROR
  var description: String { String(cString: cicu_error_name(rawValue)) }
}
