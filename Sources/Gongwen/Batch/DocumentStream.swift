import Foundation

/// Parses documents sent as JSON Lines and answers each line with one line, in input order:
/// the protocol of `gongwen stream`, for running the parser as a stage under Spark's
/// `RDD.pipe`, Hadoop Streaming or GNU parallel.
///
/// A request is one JSON object per line, either
/// `{"id": 7, "text": "…"}` (the document's text) or `{"path": "minutes/126.txt"}` (a file to
/// read, below ``root``); `id` is optional, may be any JSON value, and is echoed back exactly as
/// written (`12345678901234567890` stays that, `"a\u0031"` keeps its escape), whatever else is
/// wrong with the request, as long as the line gets as far as a well-formed `id` member.
///
/// The answer to each line is one JSON object on one line:
/// `{"id": 7, "document": {…}}`, or `{"id": 7, "error": {"code": "…", "message": "…"}}`;
/// `"id"` comes first and is `null` when the request had none (or could not be read), and a
/// request with a `path` gets `"path"` right after it. Blank and malformed lines get an error
/// line too (code `invalid-request`), so output line N always answers input line N.
///
/// Limits: a line longer than ``maximumLineLength`` (twice the decoder's size limit, room for
/// `\u` escapes) is answered `input-too-large` without being kept; a `text` above the size limit
/// likewise. A line that is not UTF-8 is answered `undecodable`, or, when the decoder replaces
/// invalid bytes, parsed with U+FFFD in their place and a `replaced-invalid-bytes` diagnostic. A
/// `path` is resolved below ``root`` — links and `..` resolved first — and one that leads out of
/// it, by `..`, an absolute path or a symbolic link, is answered ``pathOutsideRoot``.
public struct DocumentStream: Sendable {
  /// The parser every request goes through.
  public var parser: DocumentParser
  /// How many documents are parsed at once.
  public var jobs: Int
  /// The folder `path` requests are confined to (and relative to), links resolved; nil reads
  /// any path, relative to the working folder.
  public var root: String?

  /// The error code of a line that is not a request.
  public static let invalidRequest = "invalid-request"
  /// The error code of a `path` that leads out of ``root``.
  public static let pathOutsideRoot = "path-outside-root"

  /// `root` defaults to the working folder.
  public init(
    parser: DocumentParser = DocumentParser(), jobs: Int = BatchParser.defaultJobs,
    root: String? = FileManager.default.currentDirectoryPath
  ) {
    self.parser = parser
    self.jobs = max(1, jobs)
    self.root = root.map { resolvedPath($0) ?? $0 }
  }

  /// The longest request line read whole: twice the size limit (a `text` written with `\u`
  /// escapes takes two bytes of line per byte of UTF-8), plus room for the other members.
  public var maximumLineLength: Int {
    let limit = parser.configuration.decoding.maximumByteCount
    return limit > Int.max / 4 ? Int.max : 2 * limit + 65_536
  }

  /// The answers to `lines` (from a ``LineReader``), one per line, in input order.
  public func responses<Lines: AsyncSequence & Sendable>(to lines: Lines) -> BatchSequence<String>
  where Lines.Element == LineReader.Line {
    let stream = self
    return BatchSequence(lines, jobs: jobs, order: .input) { line in stream.respond(to: line) }
  }

  /// The answers to `lines` (without their line ends), one per line, in input order.
  public func responses<Lines: AsyncSequence & Sendable>(to lines: Lines) -> BatchSequence<String>
  where Lines.Element == String {
    let stream = self
    return BatchSequence(lines, jobs: jobs, order: .input) { line in stream.respond(to: line) }
  }

  /// The answer to one line, without a line end.
  public func respond(to line: String) -> String {
    respond(to: LineReader.Line(bytes: Array(line.utf8)))
  }

  /// The answer to one line as read, without a line end.
  public func respond(to line: LineReader.Line) -> String {
    let id = RequestID.raw(in: line.bytes)
    if let count = line.overlongByteCount {
      return Self.answer(
        id: id, [], error: InputError.Code.tooLarge.rawValue,
        "the request line has \(count) bytes, more than the limit of \(maximumLineLength) (twice the size limit)")
    }
    // Checked in place, and decoded from the line's own bytes: a long line is not copied.
    let invalid = Self.invalidBytes(in: line.bytes)
    if invalid.count > 0 && !parser.configuration.decoding.replacingInvalidBytes {
      return Self.answer(
        id: id, [], error: InputError.Code.undecodable.rawValue,
        "the request line is not valid UTF-8 (first invalid byte at offset \(invalid.first)); --replace-invalid replaces such bytes")
    }
    let request: Request
    do {
      request = try Self.decode(invalid.count > 0 ? Array(String(decoding: line.bytes, as: UTF8.self).utf8) : line.bytes)
    } catch {
      return Self.answer(id: id, [], error: Self.invalidRequest, Self.describe(error, line: line.bytes))
    }
    var members: [(key: String, value: JSONValue)] = []
    if let path = request.path { members.append(("path", .string(path))) }
    var document: Document
    switch (request.text, request.path) {
    case (let text?, nil):
      let limit = parser.configuration.decoding.maximumByteCount
      guard text.utf8.count <= limit else {
        return Self.answer(
          id: id, members, error: InputError.Code.tooLarge.rawValue,
          "the text has \(text.utf8.count) bytes, more than the limit of \(limit)")
      }
      document = parser.parse(text)
    case (nil, let path?):
      switch resolve(path) {
      case .success(let url):
        do {
          document = try parser.parse(contentsOf: url)
        } catch {
          return Self.answer(id: id, members, error: error.code.rawValue, error.message)
        }
      case .failure(let refusal):
        return Self.answer(id: id, members, error: refusal.code, refusal.reason)
      }
    case (.some, .some):
      return Self.answer(id: id, members, error: Self.invalidRequest, "a request has either \"text\" or \"path\", not both")
    case (nil, nil):
      return Self.answer(id: id, members, error: Self.invalidRequest, "a request needs \"text\" or \"path\"")
    }
    if invalid.count > 0 {
      document.diagnostics.insert(
        Diagnostic(
          severity: .error, code: .replacedInvalidBytes,
          message: "\(invalid.count) invalid UTF-8 sequences of the request line were replaced by U+FFFD (the first at byte \(invalid.first))"),
        at: 0)
    }
    return Self.answer(id: id, String(decoding: DocumentEnvelope(members, document: document).jsonBytes(prettyPrinted: false), as: UTF8.self))
  }

  /// Where a `path` request reads: below ``root``, links and `..` resolved, a regular file.
  func resolve(_ path: String) -> Result<URL, BatchFailure> {
    guard let root else { return .success(URL(fileURLWithPath: path)) }
    let joined = path.hasPrefix("/") ? path : (root.hasSuffix("/") ? root : root + "/") + path
    let outside = BatchFailure(code: Self.pathOutsideRoot, reason: "\(path) leads out of the root folder \(root)")
    guard let resolved = resolvedPath(joined) else {
      // Nothing there: refused all the same if the path itself leaves the root.
      let lexical = URL(fileURLWithPath: joined).standardizedFileURL.path
      return isPath(lexical, inside: root) ? .success(URL(fileURLWithPath: joined)) : .failure(outside)
    }
    guard isPath(resolved, inside: root), resolved != root else { return .failure(outside) }
    guard FileStatus(path: resolved)?.kind == .file else {
      return .failure(BatchFailure(code: InputError.Code.unreadable.rawValue, reason: "\(path) is not a regular file"))
    }
    return .success(URL(fileURLWithPath: resolved))
  }

  /// How many invalid sequences `bytes` holds (each becomes one U+FFFD), and the byte offset of
  /// the first.
  static func invalidBytes(in bytes: [UInt8]) -> (count: Int, first: Int) {
    var count = 0
    var first: Int?
    var iterator = bytes.makeIterator()
    var decoder = UTF8()
    var offset = 0
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
      case .error:
        if first == nil { first = offset }
        count += 1
        offset += 1
      case .emptyInput:
        return (count, first ?? 0)
      }
    }
  }

  /// `{"id": ID, …rest}` for `rest` a serialised object (`{…}`); ID raw as written, or null.
  private static func answer(id: [UInt8]?, _ rest: String) -> String {
    "{\"id\":" + (id.map { String(decoding: $0, as: UTF8.self) } ?? "null") + "," + rest.dropFirst()
  }

  private static func answer(
    id: [UInt8]?, _ members: [(key: String, value: JSONValue)], error code: String, _ message: String
  ) -> String {
    answer(
      id: id,
      JSONValue.object(members + [("error", .object([("code", .string(code)), ("message", .string(message))]))]).serialized())
  }

  private static func decode(_ bytes: [UInt8]) throws -> Request {
    try bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress, buffer.count > 0 else {
        return try JSONDecoder().decode(Request.self, from: Data())
      }
      let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none)
      return try JSONDecoder().decode(Request.self, from: data)
    }
  }

  private static func describe(_ error: any Error, line: [UInt8]) -> String {
    if line.allSatisfy({ [0x20, 0x09, 0x0D, 0x0A, 0x0B, 0x0C].contains($0) }) { return "the line is blank" }
    if case DecodingError.typeMismatch(_, let context) = error, context.codingPath.isEmpty {
      return "the line is not a JSON object"
    }
    if case DecodingError.typeMismatch(_, let context) = error {
      return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" must be a string"
    }
    return "the line is not valid JSON"
  }

  /// `{"text": string}` or `{"path": string}`; the `id` is read raw (``RequestID``).
  private struct Request: Decodable {
    var text: String?
    var path: String?
  }
}
