import Foundation

/// Parses documents sent as JSON Lines and answers each line with one line, in input order:
/// the protocol of `gongwen stream`, for running the parser as a stage under Spark's
/// `RDD.pipe`, Hadoop Streaming or GNU parallel.
///
/// A request is one JSON object per line, either
/// `{"id": 7, "text": "…"}` (the document's text) or `{"path": "minutes/126.txt"}` (a file to
/// read, relative to the working directory); `id` is optional with `path`, may be any JSON
/// value, and is echoed back.
///
/// The answer to each line is one JSON object on one line:
/// `{"id": 7, "document": {…}}`, or `{"id": 7, "error": {"code": "…", "message": "…"}}`;
/// `"id"` comes first and is `null` when the request had none (or could not be read), and a
/// request with a `path` gets `"path"` right after it. Blank and malformed lines get an error
/// line too (code `invalid-request`), so output line N always answers input line N.
public struct DocumentStream: Sendable {
  public var parser: DocumentParser
  /// How many documents are parsed at once.
  public var jobs: Int

  /// The error code of a line that is not a request.
  public static let invalidRequest = "invalid-request"

  public init(parser: DocumentParser = DocumentParser(), jobs: Int = BatchParser.defaultJobs) {
    self.parser = parser
    self.jobs = max(1, jobs)
  }

  /// The answers to `lines` (without their line ends), one per line, in input order.
  public func responses<Lines: AsyncSequence & Sendable>(to lines: Lines) -> BatchSequence<String>
  where Lines.Element == String {
    let stream = self
    return BatchSequence(lines, jobs: jobs, order: .input) { line in stream.respond(to: line) }
  }

  /// The answer to one line, without a line end.
  public func respond(to line: String) -> String {
    var members: [(key: String, value: JSONValue)] = []
    let request: Request
    do {
      request = try JSONDecoder().decode(Request.self, from: Data(line.utf8))
    } catch {
      return Self.error(members: [("id", .null)], code: Self.invalidRequest, message: Self.describe(error, line: line))
    }
    members.append(("id", request.id?.value ?? .null))
    if let path = request.path { members.append(("path", .string(path))) }
    let document: Document
    switch (request.text, request.path) {
    case (let text?, nil):
      let limit = parser.configuration.decoding.maximumByteCount
      guard text.utf8.count <= limit else {
        return Self.error(
          members: members, code: InputError.Code.tooLarge.rawValue,
          message: "the text has \(text.utf8.count) bytes, more than the limit of \(limit)")
      }
      document = parser.parse(text)
    case (nil, let path?):
      do {
        document = try parser.parse(contentsOf: URL(fileURLWithPath: path))
      } catch {
        return Self.error(members: members, code: error.code.rawValue, message: error.message)
      }
    case (.some, .some):
      return Self.error(members: members, code: Self.invalidRequest, message: "a request has either \"text\" or \"path\", not both")
    case (nil, nil):
      return Self.error(members: members, code: Self.invalidRequest, message: "a request needs \"text\" or \"path\"")
    }
    return String(decoding: DocumentEnvelope(members, document: document).jsonBytes(prettyPrinted: false), as: UTF8.self)
  }

  private static func error(members: [(key: String, value: JSONValue)], code: String, message: String) -> String {
    JSONValue.object(members + [("error", .object([("code", .string(code)), ("message", .string(message))]))])
      .serialized()
  }

  private static func describe(_ error: any Error, line: String) -> String {
    if line.allSatisfy(\.isWhitespace) { return "the line is blank" }
    if case DecodingError.typeMismatch(_, let context) = error, context.codingPath.isEmpty {
      return "the line is not a JSON object"
    }
    if case DecodingError.typeMismatch(_, let context) = error {
      return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" must be a string"
    }
    return "the line is not valid JSON"
  }

  /// `{"id": any, "text": string}` or `{"path": string}`.
  private struct Request: Decodable {
    var id: AnyJSON?
    var text: String?
    var path: String?
  }
}

/// Any JSON value, decoded so that an `id` can be echoed as it came.
private struct AnyJSON: Decodable {
  var value: JSONValue

  init(from decoder: any Decoder) throws {
    if let container = try? decoder.singleValueContainer() {
      if container.decodeNil() {
        value = .null
        return
      }
      if let bool = try? container.decode(Bool.self) {
        value = .bool(bool)
        return
      }
      if let int = try? container.decode(Int.self) {
        value = .int(int)
        return
      }
      if let double = try? container.decode(Double.self) {
        value = .double(double)
        return
      }
      if let string = try? container.decode(String.self) {
        value = .string(string)
        return
      }
    }
    if var array = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !array.isAtEnd { items.append(try array.decode(AnyJSON.self).value) }
      value = .array(items)
      return
    }
    let object = try decoder.container(keyedBy: AnyKey.self)
    value = .object(try object.allKeys.sorted { $0.stringValue < $1.stringValue }.map { ($0.stringValue, try object.decode(AnyJSON.self, forKey: $0).value) })
  }

  private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }
}
