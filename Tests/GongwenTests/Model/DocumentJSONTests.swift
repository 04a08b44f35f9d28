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

  @Test(arguments: [0, 7, 10, 99, 100, 1_234_567, -1, -10, Int.max, Int.min])
  func integersAreWrittenInDecimal(value: Int) {
    let json = DocumentEnvelope([(key: "id", value: .int(value))], document: Document()).jsonBytes(prettyPrinted: false)
    #expect(String(decoding: json, as: UTF8.self).hasPrefix("{\"id\":\(value),\"document\":{"))
  }

  @Test func keysComeInTheContractOrderAndAreAlwaysPresent() throws {
    let json = try OrderedJSONEncoder().encodeToValue(Document())
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    #expect(
      members.map(\.key) == [
        "schemaVersion", "kind", "title", "docNumber", "recipients", "meeting", "sections", "attendance",
        "distribution", "signature", "issuer", "note", "publication", "diagnostics", "docNumberParts", "header",
        "preamble", "compiler", "attachments", "organizations", "references", "decisions", "tasks", "otherText", "sourceRanges", "source",
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

@Suite("Model: the JSON Schema in Docs/")
struct DocumentSchemaTests {
  let validator = try! SchemaValidator(contentsOf: Corpus.packageRoot.appendingPathComponent("Docs/document.schema.json"))

  func violations(_ document: Document) throws -> [String] {
    let object = try JSONSerialization.jsonObject(with: Data(document.jsonString().utf8))
    return validator.violations(of: object)
  }

  @Test func anEmptyDocumentConforms() throws {
    #expect(try violations(Document()) == [])
  }

  @Test func aFullDocumentConforms() throws {
    var document = DocumentJSONTests().sample
    document.signature = Signature(organs: ["苏州市人民政府"], date: "2021-02-03")
    document.organizations = [Organization(name: "市发改委", fullName: "市发展和改革委员会", mentions: [SourceRange(start: 1, end: 5)])]
    document.references = [DocumentReference(title: "政府工作报告", docNumber: "苏府〔2021〕1号")]
    document.decisions = [Decision(kind: .approvedInPrinciple, subject: "《方案》", references: ["方案"])]
    document.tasks = [Assignment(lead: ["市应急局"], action: "按程序发文")]
    document.diagnostics = [Diagnostic(severity: .warning, code: "no-year", message: "…")]
    document.source = .init(encoding: "UTF-8", length: 10)
    #expect(try violations(document) == [])
  }

  @Test func theValidatorCatchesViolations() throws {
    var object = try #require(
      try JSONSerialization.jsonObject(with: Data(Document().jsonString().utf8)) as? [String: Any])
    object["kind"] = "memo"
    object.removeValue(forKey: "title")
    object["extra"] = 1
    #expect(validator.violations(of: object).sorted() == [
      "$.kind: memo is not one of the allowed values", "$: missing title", "$: unexpected key extra",
    ])
  }

  @Test(.enabled(if: Corpus.sharedIsAvailable))
  func parsedRealDocumentsConform() throws {
    let parser = DocumentParser()
    let files = try FileManager.default.contentsOfDirectory(at: Corpus.sharedDev, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "txt" }
    #expect(files.count > 20)
    for file in files {
      let document = try parser.parse(contentsOf: file)
      #expect(try violations(document) == [], "\(file.lastPathComponent)")
    }
  }
}

@Suite("Model: the member writer and the Encoder path agree")
struct EncoderAgreementTests {
  @Test(arguments: [false, true])
  func bothPathsWriteTheSameText(pretty: Bool) throws {
    var document = DocumentJSONTests().sample
    document.title = "关于\"引号\"\\和\n换行\u{1}与\u{2028}的纪要/通知"
    document.diagnostics = [Diagnostic(severity: .note, code: "x", message: "…", range: SourceRange(start: 0, end: 3))]
    document.header = Header(urgency: "特急", signers: ["王建平"])
    // An array is not a member list, so its elements go through `encode(to:)` and the encoder.
    let viaEncoder = try OrderedJSONEncoder(prettyPrinted: false).encodeToString([document])
    #expect(viaEncoder == "[" + document.jsonString(prettyPrinted: false) + "]")
    let direct = document.jsonString(prettyPrinted: pretty)
    #expect(try JSONValue(parsing: direct).serialized(prettyPrinted: pretty) == direct)
    #expect(try JSONDecoder().decode(Document.self, from: Data(direct.utf8)) == document)
    let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? NSDictionary
    let ours = try JSONSerialization.jsonObject(with: Data(direct.utf8)) as? NSDictionary
    #expect(foundation == ours)
  }

  @Test func envelopesWriteTheirMembersBeforeTheDocument() throws {
    let line = DocumentEnvelope([("id", .int(7)), ("path", .string("a.txt"))], document: Document(kind: .notice))
    let text = String(decoding: line.jsonBytes(prettyPrinted: false), as: UTF8.self)
    #expect(text.hasPrefix(#"{"id":7,"path":"a.txt","document":{"schemaVersion":1,"kind":"notice","#))
  }

  @Test func nestedContainersAreClosedInOrder() throws {
    struct Nested: Encodable {
      func encode(to encoder: any Encoder) throws {
        enum K: String, CodingKey { case a, b, c }
        var outer = encoder.container(keyedBy: K.self)
        var inner = outer.nestedContainer(keyedBy: K.self, forKey: .a)
        try inner.encode(1, forKey: .b)
        var list = outer.nestedUnkeyedContainer(forKey: .b)
        try list.encode("x")
        try list.encodeNil()
        try outer.encode(true, forKey: .c)
      }
    }
    #expect(try OrderedJSONEncoder().encodeToString(Nested()) == #"{"a":{"b":1},"b":["x",null],"c":true}"#)
    #expect(try OrderedJSONEncoder(prettyPrinted: true).encodeToValue(Nested()).serialized() == #"{"a":{"b":1},"b":["x",null],"c":true}"#)
  }

  @Test func aKindThisVersionDoesNotKnowDecodesAsUnknown() throws {
    let kinds = try JSONDecoder().decode([DocumentKind].self, from: Data(#"["minutes","memorandum"]"#.utf8))
    #expect(kinds == [.minutes, .unknown])
  }

  @Test func anEmptyLexiconIsReportedAndTheBuiltInOneIsNot() {
    let text = "关于做好防汛工作的通知\n各区人民政府：\n现将有关事项通知如下。"
    let withBuiltIn = DocumentParser().parse(text)
    #expect(!withBuiltIn.diagnostics.contains { $0.code == .lexiconUnavailable })
    let withEmpty = DocumentParser(configuration: .init(lexicon: .empty)).parse(text)
    #expect(withEmpty.diagnostics.contains { $0.code == .lexiconUnavailable })
  }
}
