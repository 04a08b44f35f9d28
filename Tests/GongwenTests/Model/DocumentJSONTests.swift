import Foundation
import Testing

@testable import Gongwen

@Suite("Model: the JSON contract")
struct DocumentJSONTests {
  let sample = Document(
    kind: .minutes,
    meeting: Meeting(
      type: "常务会议", session: 126, date: "2021-01-23", timeOfDay: "上午",
      chair: .init(name: "李亚平", title: "市长", range: SourceRange(start: 12, end: 15))),
    sections: [
      Section(
        marker: "一、", level: 1, title: "审议《方案》", text: "审议《方案》",
        children: [Section(marker: "（一）", level: 2, title: "原则同意。", text: "原则同意。")], ordinal: 1)
    ],
    attendance: Attendance(
      present: [Person(name: "王翔")], attending: [Person(name: "凌鸣", organization: "市发改委")],
      representedOrganizations: ["市检察院"], recorders: [Person(name: "栗涛")]),
    distribution: ["各市、区人民政府"],
    issuer: DatedOrgan(organ: "苏州市人民政府办公室", date: "2021-02-03"),
    note: "此件公开发布", publication: .public)

  @Test func keysComeInTheContractOrderAndAreAlwaysPresent() throws {
    let json = try OrderedJSONEncoder().encodeToValue(Document())
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "schemaVersion", "kind", "title", "docNumber", "recipients", "meeting", "sections", "attendance",
        "distribution", "signature", "issuer", "note", "publication", "diagnostics", "docNumberParts",
        "preamble", "compiler", "organizations", "references", "decisions", "tasks", "source",
      ])
    #expect(json["title"] == .null)
    #expect(json["recipients"] == .array([]))
    #expect(json["kind"] == .string("unknown"))
  }

  @Test func chineseIsWrittenAsUTF8AndPersonsLeaveOutAbsentKeys() {
    let text = sample.jsonString(prettyPrinted: false)
    #expect(text.contains(#""present":[{"name":"王翔"}]"#))
    #expect(text.contains(#"{"name":"凌鸣","organization":"市发改委"}"#))
    #expect(text.contains(#""chair":{"name":"李亚平","title":"市长","range":{"start":12,"end":15}}"#))
    #expect(!text.contains("\\u"))
  }

  @Test func aDocumentDecodesBackFromItsJSON() throws {
    let data = Data(sample.jsonString().utf8)
    let decoded = try JSONDecoder().decode(Document.self, from: data)
    #expect(decoded == sample)
  }

  @Test func foundationsEncoderAlsoWritesExplicitNulls() throws {
    let data = try JSONEncoder().encode(Document())
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object.keys.contains("title"))
    #expect(object["title"] is NSNull)
  }

  @Test func stringsAreEscapedOnlyWhereJSONRequires() {
    let value = JSONValue.string("a\"b\\c\nd/e\u{1}《》")
    #expect(value.serialized() == #""a\"b\\c\nd/e\u0001《》""#)
  }
}
