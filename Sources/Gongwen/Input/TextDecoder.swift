import GongwenModel

/// Turns the bytes of a document into text: byte-order marks, UTF-8, and the legacy Chinese
/// encodings (GB18030 with its subsets GBK and GB2312, Big5) through ICU's charset detection
/// and converters.
///
/// Decoding is strict by default: bytes that are not valid in any candidate encoding throw an
/// ``InputError`` naming the first bad byte, rather than turning silently into U+FFFD. With
/// ``Options/replacingInvalidBytes`` they are replaced, and the result carries a diagnostic.
public struct TextDecoder: Sendable {
  /// How bytes are decoded.
  public struct Options: Sendable, Hashable {
    /// Decode with this encoding instead of detecting one.
    public var encoding: TextEncoding?
    /// Replace invalid byte sequences with U+FFFD (reported in a diagnostic) instead of failing.
    public var replacingInvalidBytes: Bool
    /// Inputs larger than this many bytes fail with ``InputError/Code/tooLarge``.
    public var maximumByteCount: Int

    /// Creates options; each argument sets the property of the same name.
    public init(encoding: TextEncoding? = nil, replacingInvalidBytes: Bool = false, maximumByteCount: Int = 64_000_000) {
      self.encoding = encoding
      self.replacingInvalidBytes = replacingInvalidBytes
      self.maximumByteCount = maximumByteCount
    }
  }

  /// The options every decode uses.
  public var options: Options

  /// Creates a decoder; by default it detects the encoding and fails on invalid bytes.
  public init(options: Options = Options()) { self.options = options }

  /// Decodes `bytes`, detecting the encoding unless one is given in ``options``.
  public func decode(_ bytes: some Collection<UInt8>) throws(InputError) -> DecodedText {
    let result: Result<DecodedText, InputError> = bytes.withContiguousStorageIfAvailable {
      decode(buffer: UnsafeRawBufferPointer($0))
    } ?? Array(bytes).withUnsafeBytes { decode(buffer: $0) }
    return try result.get()
  }

  private func decode(buffer: UnsafeRawBufferPointer) -> Result<DecodedText, InputError> {
    if buffer.isEmpty {
      return .failure(InputError(code: .empty, message: "the input is empty"))
    }
    if buffer.count > options.maximumByteCount {
      return .failure(
        InputError(
          code: .tooLarge,
          message: "the input has \(buffer.count) bytes, more than the limit of \(options.maximumByteCount)"))
    }
    let decoded: Result<DecodedText, InputError>
    if let encoding = options.encoding {
      decoded = decode(buffer, as: encoding, byteOrderMark: false)
    } else if let (encoding, length) = Self.byteOrderMark(in: buffer) {
      decoded = decode(UnsafeRawBufferPointer(rebasing: buffer[length...]), as: encoding, byteOrderMark: true)
        .mapError { error in
          var shifted = error
          shifted.byteOffset = error.byteOffset.map { $0 + length }
          return shifted
        }
    } else {
      decoded = detectAndDecode(buffer)
    }
    return decoded.flatMap { text in
      if let offset = Self.binaryEvidence(in: text.text) {
        return .failure(
          InputError(
            code: .binary, byteOffset: nil, encoding: text.encoding,
            message: "the input holds control characters (first at character \(offset)), so it is not text"))
      }
      return .success(text)
    }
  }

  // MARK: Detection

  private static func byteOrderMark(in bytes: UnsafeRawBufferPointer) -> (TextEncoding, Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
    if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
    if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return (.gb18030, 4) }
    return nil
  }

  private func detectAndDecode(_ bytes: UnsafeRawBufferPointer) -> Result<DecodedText, InputError> {
    // Most input is valid UTF-8: the standard library's validation is the fast path, the
    // byte-by-byte one below only says where and how it is not.
    if let text = String(validating: bytes, as: UTF8.self) {
      return .success(DecodedText(text: text, encoding: .utf8))
    }
    let utf8 = UTF8Validation(bytes)
    switch utf8.outcome {
    case .valid:
      return decode(bytes, as: .utf8, byteOrderMark: false)
    case .truncated(let offset):
      // A document cut off inside its last character: keep what is there and say so.
      var text = decodeUTF8(UnsafeRawBufferPointer(rebasing: bytes[..<offset]))
      text.diagnostics.append(
        Diagnostic(
          severity: .warning, code: .truncatedInput,
          message: "the input ends inside a UTF-8 character at byte \(offset); the incomplete character was dropped"))
      return .success(text)
    case .invalid(let offset) where utf8.looksLikeUTF8:
      return options.replacingInvalidBytes
        ? .success(decodeUTF8Replacing(bytes, firstInvalid: offset))
        : .failure(
          InputError(
            code: .undecodable, byteOffset: offset, encoding: .utf8,
            message: "the input is UTF-8 with an invalid byte sequence at byte \(offset)"))
    case .invalid:
      break
    }
    if let nul = bytes.firstIndex(of: 0) {
      if let utf16 = Self.unmarkedUTF16(bytes) {
        return decode(bytes, as: utf16, byteOrderMark: false)
      }
      return .failure(
        InputError(
          code: .binary, byteOffset: nul,
          message: "the input holds a NUL byte at byte \(nul), so it is not text"))
    }
    // GB18030 or Big5: when only one of them reads the bytes, that is the answer; ICU's
    // statistics (slow, so on a prefix) decide only when both do.
    // A reading that lands in the Private Use Area (each converter maps the other's byte
    // ranges to its user-defined characters) counts as no reading.
    let gb = decodeLegacy(bytes, as: .gb18030, substituting: false)
    let big5 = decodeLegacy(bytes, as: .big5, substituting: false)
    var candidates: [TextEncoding] = [.gb18030, .big5]
    switch (Self.plausible(gb), Self.plausible(big5)) {
    case (.some(let text), nil): return .success(text)
    case (nil, .some(let text)): return .success(text)
    case (.some(let gbText), .some(let big5Text)):
      return .success(Self.legacyCandidates(for: bytes).first == .big5 ? big5Text : gbText)
    case (nil, nil):
      if case .success(let text) = gb { return .success(text) }
      if case .success(let text) = big5 { return .success(text) }
      candidates = Self.legacyCandidates(for: bytes)
    }
    var firstFailure: InputError? = nil
    if case .failure(let error) = candidates.first == .big5 ? big5 : gb { firstFailure = error }
    if options.replacingInvalidBytes, let best = candidates.first {
      return decodeLegacy(bytes, as: best, substituting: true)
    }
    let tried = candidates.map(\.rawValue).joined(separator: ", ")
    return .failure(
      InputError(
        code: .undecodable, byteOffset: firstFailure?.byteOffset, encoding: candidates.first,
        message: "the input is not valid in any of UTF-8, \(tried); the first invalid byte for \(candidates.first?.rawValue ?? "GB18030") is at byte \(firstFailure?.byteOffset ?? 0)"))
  }

  /// The text of a successful reading with no private-use characters, or nil.
  private static func plausible(_ reading: Result<DecodedText, InputError>) -> DecodedText? {
    guard case .success(let decoded) = reading else { return nil }
    let privateUse = decoded.text.unicodeScalars.contains { (0xE000...0xF8FF).contains($0.value) }
    return privateUse ? nil : decoded
  }

  /// GB18030 and Big5 in the order ICU's statistics favour (GB18030 first when undecided).
  private static func legacyCandidates(for bytes: UnsafeRawBufferPointer) -> [TextEncoding] {
    var gb = -1
    var big5 = -1
    for match in CharsetDetector.matches(in: bytes) {
      switch match.name.lowercased() {
      case "gb18030": gb = max(gb, match.confidence)
      case "big5": big5 = max(big5, match.confidence)
      default: break
      }
    }
    return big5 > gb ? [.big5, .gb18030] : [.gb18030, .big5]
  }

  /// UTF-16 without a byte-order mark, recognised by its zero bytes: text in any script has a
  /// zero high byte for ASCII, so many zeros on one parity and almost none on the other tell
  /// the byte order.
  private static func unmarkedUTF16(_ bytes: UnsafeRawBufferPointer) -> TextEncoding? {
    guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    let limit = min(bytes.count, 1 << 16)
    for index in 0..<limit where bytes[index] == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = limit / 2
    if oddZeros * 5 >= pairs && evenZeros * 20 < max(oddZeros, 1) { return .utf16LittleEndian }
    if evenZeros * 5 >= pairs && oddZeros * 20 < max(evenZeros, 1) { return .utf16BigEndian }
    return nil
  }

  /// A character offset of control characters, when they are too many for text: text has
  /// tabs, line ends and form feeds, and at most a stray control character or two.
  private static func binaryEvidence(in text: String) -> Int? {
    // Control characters are single bytes in UTF-8, so the bytes tell; a scalar's offset is
    // its byte offset less the continuation bytes before it. Eight bytes are read at once, only
    // a word with a byte below 0x20 is looked at byte by byte, and scalars are counted only when
    // the control characters are many.
    var text = text
    return text.withUTF8 { utf8 in
      let end = min(utf8.count, 1 << 16)
      guard let start = utf8.baseAddress else { return nil }
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      var count = 0
      var first: Int? = nil
      var index = 0
      while index < end {
        if index + 8 <= end {
          let word = UnsafeRawPointer(start + index).loadUnaligned(as: UInt64.self)
          if (word &- ones &* 0x20) & ~word & highs == 0 {
            index += 8
            continue
          }
        }
        for offset in index..<min(index + 8, end) {
          let byte = start[offset]
          if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0B && byte != 0x0C && byte != 0x0D {
            count += 1
            if first == nil { first = offset }
          }
        }
        index += 8
      }
      guard count > 8, let first else { return nil }
      func scalars(before offset: Int) -> Int { utf8[..<offset].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
      return count * 100 > scalars(before: end) ? scalars(before: first) : nil
    }
  }


  // MARK: Decoding

  private func decode(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding, byteOrderMark: Bool)
    -> Result<DecodedText, InputError>
  {
    var result: Result<DecodedText, InputError>
    switch encoding {
    case .utf8:
      if let text = String(validating: bytes, as: UTF8.self) {
        result = .success(DecodedText(text: text, encoding: .utf8))
        break
      }
      switch UTF8Validation(bytes).outcome {
      case .valid:
        result = .success(decodeUTF8(bytes))
      case .invalid(let offset), .truncated(let offset):
        result =
          options.replacingInvalidBytes
          ? .success(decodeUTF8Replacing(bytes, firstInvalid: offset))
          : .failure(
            InputError(
              code: .undecodable, byteOffset: offset, encoding: .utf8,
              message: "invalid UTF-8 byte sequence at byte \(offset)"))
      }
    case .utf16LittleEndian, .utf16BigEndian:
      result = decodeUTF16(bytes, bigEndian: encoding == .utf16BigEndian)
    default:
      guard CharsetConverter.exists(encoding.rawValue) else {
        return .failure(
          InputError(
            code: .unknownEncoding, encoding: encoding,
            message: "ICU knows no encoding named \(encoding.rawValue)"))
      }
      result = decodeLegacy(bytes, as: encoding, substituting: options.replacingInvalidBytes)
    }
    if byteOrderMark { result = result.map { var t = $0; t.hadByteOrderMark = true; return t } }
    return result
  }

  private func decodeUTF8(_ bytes: UnsafeRawBufferPointer) -> DecodedText {
    DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8)
  }

  private func decodeUTF8Replacing(_ bytes: UnsafeRawBufferPointer, firstInvalid: Int) -> DecodedText {
    let text = String(decoding: bytes, as: UTF8.self)
    let replaced = text.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
    var decoded = DecodedText(text: text, encoding: .utf8)
    decoded.diagnostics.append(Self.replacementDiagnostic(count: replaced, firstByte: firstInvalid, encoding: .utf8))
    return decoded
  }

  private func decodeUTF16(_ bytes: UnsafeRawBufferPointer, bigEndian: Bool) -> Result<DecodedText, InputError> {
    let encoding: TextEncoding = bigEndian ? .utf16BigEndian : .utf16LittleEndian
    var units = [UInt16]()
    units.reserveCapacity(bytes.count / 2)
    var index = 0
    while index + 1 < bytes.count {
      let a = UInt16(bytes[index])
      let b = UInt16(bytes[index + 1])
      units.append(bigEndian ? a << 8 | b : b << 8 | a)
      index += 2
    }
    var firstInvalid: Int? = bytes.count % 2 == 1 ? bytes.count - 1 : nil
    var replaced = firstInvalid == nil ? 0 : 1
    var scalars = String.UnicodeScalarView()
    var iterator = units.makeIterator()
    var decoder = UTF16()
    var unitOffset = 0
    loop: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        scalars.append(scalar)
        unitOffset += scalar.value > 0xFFFF ? 2 : 1
      case .emptyInput:
        break loop
      case .error:
        if firstInvalid == nil { firstInvalid = unitOffset * 2 }
        replaced += 1
        scalars.append("\u{FFFD}")
        unitOffset += 1
      }
    }
    if let firstInvalid {
      guard options.replacingInvalidBytes else {
        return .failure(
          InputError(
            code: .undecodable, byteOffset: firstInvalid, encoding: encoding,
            message: "invalid \(encoding.rawValue) sequence at byte \(firstInvalid)"))
      }
      var text = DecodedText(text: String(scalars), encoding: encoding)
      text.diagnostics.append(Self.replacementDiagnostic(count: replaced, firstByte: firstInvalid, encoding: encoding))
      return .success(text)
    }
    return .success(DecodedText(text: String(scalars), encoding: encoding))
  }

  private func decodeLegacy(_ bytes: UnsafeRawBufferPointer, as encoding: TextEncoding, substituting: Bool)
    -> Result<DecodedText, InputError>
  {
    switch CharsetConverter.convert(bytes, from: encoding.rawValue, substituting: substituting) {
    case .success(let output):
      var text = DecodedText(text: String(decoding: output.utf16, as: UTF16.self), encoding: encoding)
      if let first = output.firstReplacedByte {
        text.diagnostics.append(Self.replacementDiagnostic(count: output.replacedCount, firstByte: first, encoding: encoding))
      }
      return .success(text)
    case .failure(.invalidSequence(let offset)):
      return .failure(
        InputError(
          code: .undecodable, byteOffset: offset, encoding: encoding,
          message: "invalid \(encoding.rawValue) byte sequence at byte \(offset)"))
    case .failure(.icu(let status)):
      return .failure(
        InputError(
          code: .undecodable, encoding: encoding,
          message: "ICU could not convert from \(encoding.rawValue): \(status)"))
    }
  }

  private static func replacementDiagnostic(count: Int, firstByte: Int, encoding: TextEncoding) -> Diagnostic {
    Diagnostic(
      severity: .error, code: .replacedInvalidBytes,
      message: "\(count) invalid \(encoding.rawValue) sequence(s) replaced by U+FFFD; the first at byte \(firstByte)")
  }
}

/// Text decoded from bytes, with the encoding it was read in.
public struct DecodedText: Sendable, Hashable {
  /// The decoded text, without a byte-order mark.
  public var text: String
  /// The encoding the bytes were read in, detected or as asked.
  public var encoding: TextEncoding
  /// Whether the input began with a byte-order mark (not part of ``text``).
  public var hadByteOrderMark: Bool = false
  /// What decoding noticed: replaced bytes, a truncated last character.
  public var diagnostics: [Diagnostic] = []
  /// The format the text was extracted from; `.text` when the bytes were the text.
  public var format: SourceFormat = .text
  /// For paged sources (PDF, OFD), where each page's text lies in ``text``.
  public var pages: [Document.SourceInfo.Page] = []
  /// For extracted sources, where each stretch of ``text`` came from (a line's box, a DOCX
  /// paragraph or table cell, a page's element); empty for plain text.
  public var regions: [Document.SourceInfo.Region] = []
  /// For a saved web page, the text of its `<title>` (references decoded, white space folded,
  /// a site suffix such as `_中国政府网` cut); the parser uses it only when the body shows no
  /// title.
  public var pageTitle: String?

  /// Creates decoded text read in `encoding`, from plain text, without diagnostics or pages.
  public init(text: String, encoding: TextEncoding) {
    self.text = text
    self.encoding = encoding
  }
}
