import Foundation
import Testing

@testable import Gongwen

@Suite("Model: reading JSON text into a JSONValue")
struct JSONParsingTests {
  @Test func objectsKeepTheirKeyOrder() throws {
    let value = try JSONValue(parsing: #"{"z": 1, "a": [true, false, null], "m": {"y": "乙", "b": "甲"}}"#)
    #expect(
      value
        == .object([
          ("z", .int(1)), ("a", .array([.bool(true), .bool(false), .null])),
          ("m", .object([("y", .string("乙")), ("b", .string("甲"))])),
        ]))
  }

  @Test(arguments: [
    ("0", JSONValue.int(0)), ("-12", .int(-12)), ("126", .int(126)), ("0.5", .double(0.5)),
    ("-1.25e2", .double(-125)), ("1E-3", .double(0.001)), ("12345678901234567890", .double(12345678901234567168)),
  ])
  func numbers(_ text: String, _ expected: JSONValue) throws {
    #expect(try JSONValue(parsing: text) == expected)
  }

  @Test func stringEscapesIncludingSurrogatePairs() throws {
    let value = try JSONValue(parsing: #""a\"b\\c\/d\n\t\u4e2d\ud83d\ude00""#)
    #expect(value == .string("a\"b\\c/d\n\t中😀"))
  }

  @Test func aByteOrderMarkAndSurroundingWhiteSpaceAreSkipped() throws {
    #expect(try JSONValue(parsing: [0xEF, 0xBB, 0xBF] + Array(" \n{ }\r\n".utf8)) == .object([]))
  }

  @Test(arguments: [
    (#"{"a": 1,}"#, 8), (#"["a" "b"]"#, 5), (#""abc"#, 4), ("[1] 2", 4), ("tru", 0), ("-", 1),
    (#""\ud800x""#, 7), ("{\"a\n\": 1}", 3), ("", 0),
  ])
  func invalidTextNamesTheOffset(_ text: String, _ offset: Int) {
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
    do {
      _ = try JSONValue(parsing: text)
    } catch {
      #expect(error.offset == offset, "\(error)")
    }
  }

  @Test func deepNestingIsRefused() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONParseError.self) { try JSONValue(parsing: text) }
  }

  @Test func aDocumentsJSONReadsBackToTheSameValue() throws {
    let document = Document(
      kind: .minutes, title: "纪要", meeting: Meeting(session: 126, chair: .init(name: "李亚平", title: "市长")),
      attendance: Attendance(present: [Person(name: "王翔", range: SourceRange(start: 3, end: 5))]))
    let value = try OrderedJSONEncoder().encodeToValue(document)
    #expect(try JSONValue(parsing: value.serialized(prettyPrinted: true)) == value)
    #expect(try JSONValue(parsing: document.jsonString(prettyPrinted: false)) == value)
  }

  @Test func aJSONValueEncodesAsTheJSONItHolds() throws {
    let value = try JSONValue(parsing: #"{"b": [1, 2.5, "三", null, false], "a": {}}"#)
    #expect(try OrderedJSONEncoder().encodeToValue(value) == value)
    let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(value.serialized().utf8))
    #expect(decoded["b"] == value["b"])
  }
}
