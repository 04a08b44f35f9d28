import Foundation
import Testing

@testable import Gongwen
@testable import GongwenEvaluation

/// The evaluator on small hand-written gold / output pairs.
@Suite("Evaluation: comparing output with gold files")
struct EvaluatorTests {
  private func json(_ text: String) throws -> JSONValue { try JSONValue(parsing: text) }

  private func compare(_ output: String, _ gold: String, document: String = "doc") throws -> Evaluation {
    Evaluator.compare(output: try json(output), gold: try json(gold), document: document)
  }

  @Test(arguments: [
    ("shared-gold/report-003", "report"), ("minutes-101", "minutes"), ("gongwen/notice-fujian-2012-05", "gongwen"),
    ("minutes/beilun-2022-05-26", "minutes"), ("suzhou-2021-01-23-126", ""), ("beilun-2022-05-26", ""),
  ])
  func documentsAreGroupedByPrefixElseFolder(name: String, group: String) {
    #expect(GoldCase.group(ofName: name) == group)
  }

  @Test func textIsComparedWithoutWhiteSpace() throws {
    let evaluation = try compare(
      #"{"title": "苏州市人民政府\n第126次　常务会议纪要 ", "distribution": ["各市、区 人民政府"]}"#,
      #"{"title": "苏州市人民政府第126次常务会议纪要", "distribution": ["各市、区人民政府"]}"#)
    #expect(evaluation[.title]?.exactRate == 1)
    #expect(evaluation[.distribution]?.f1 == 1)
    #expect(evaluation.misses.isEmpty)
  }

  @Test func onlyKeysInTheGoldAreScored() throws {
    let document = Document(
      kind: .minutes, title: "不在金标准中",
      meeting: Meeting(type: "专题会议", date: "2021-01-23"),
      attendance: Attendance(present: [Person(name: "王翔")], attending: [Person(name: "凌鸣")]))
    let evaluation = Evaluator.compare(
      output: try OrderedJSONEncoder().encodeToValue(document),
      gold: try json(#"{"kind": "minutes", "meeting": {"date": "2021-01-23"}, "attendance": {"present": [{"name": "王翔"}]}}"#),
      document: "doc")
    #expect(
      evaluation.fields.map(\.field) == [
        .kind, .meeting, .meetingDate, .present, .persons, .organizationPersons,
      ])
    #expect(evaluation.fields.allSatisfy { $0.value == 1 })
    #expect(evaluation.misses.isEmpty)
  }

  @Test func personsCompareNameTitleOrganizationAndReasonButNotRange() throws {
    let evaluation = try compare(
      #"""
      {"attendance": {"present": [
        {"name": "王 翔", "range": {"start": 10, "end": 13}},
        {"name": "张伟"}],
       "absent": [{"name": "李强", "reason": "出差", "range": {"start": 40, "end": 42}}]}}
      """#,
      #"""
      {"attendance": {"present": [{"name": "王翔"}, {"name": "张伟", "title": "副市长"}],
       "absent": [{"name": "李强", "reason": "出差"}]}}
      """#)
    let present = try #require(evaluation[.present])
    #expect((present.truePositives, present.falsePositives, present.falseNegatives) == (1, 1, 1))
    #expect(evaluation[.absent]?.f1 == 1)
    // By name alone every person is right.
    let persons = try #require(evaluation[.persons])
    #expect((persons.truePositives, persons.falsePositives, persons.falseNegatives) == (3, 0, 0))
    #expect(
      evaluation.misses == [
        Miss(document: "doc", field: .present, expected: try json(#"{"name": "张伟", "title": "副市长"}"#), got: nil),
        Miss(document: "doc", field: .present, expected: nil, got: try json(#"{"name": "张伟"}"#)),
      ])
  }

  @Test func organisationPersonPairsComeFromEntriesWithAUnit() throws {
    let evaluation = try compare(
      #"""
      {"attendance": {"attending": [{"name": "凌鸣", "organization": "市发改委"},
                                    {"name": "吴琦", "organization": "市财政局"}]}}
      """#,
      #"{"attendance": {"attending": [{"name": "凌鸣", "organization": "市发改委"}, {"name": "吴琦"}]}}"#)
    let pairs = try #require(evaluation[.organizationPersons])
    #expect((pairs.truePositives, pairs.falsePositives, pairs.falseNegatives) == (1, 1, 0))
    #expect(evaluation.misses(of: .organizationPersons).map(\.got) == [try json(#"{"organization": "市财政局", "name": "吴琦"}"#)])
  }

  @Test func precisionRecallAndF1AreMicroAveragedOverDocuments() throws {
    let first = try compare(#"{"distribution": ["甲", "乙", "丙"]}"#, #"{"distribution": ["甲", "乙", "丁", "戊"]}"#)
    let second = try compare(#"{"distribution": ["己"]}"#, #"{"distribution": ["己"]}"#)
    let firstScore = try #require(first[.distribution])
    #expect(firstScore.precision == 2.0 / 3.0)
    #expect(firstScore.recall == 0.5)
    #expect(firstScore.f1 == 4.0 / 7.0)

    let both = Evaluation(combining: [first, second])
    let score = try #require(both[.distribution])
    #expect(score.documents == 2)
    #expect((score.truePositives, score.falsePositives, score.falseNegatives) == (3, 1, 2))
    #expect(score.precision == 0.75)
    #expect(score.recall == 0.6)
    #expect(score.f1 == 2.0 / 3.0)
    #expect(score.value == score.f1)
    #expect(both.documents == ["doc", "doc"])
  }

  @Test func emptyListsOnBothSidesArePerfect() throws {
    let evaluation = try compare(#"{"recipients": [], "distribution": ["多余"]}"#, #"{"recipients": [], "distribution": []}"#)
    #expect(evaluation[.recipients]?.f1 == 1)
    let distribution = try #require(evaluation[.distribution])
    #expect((distribution.precision, distribution.recall, distribution.f1) == (0, 1, 0))
  }

  @Test func scalarsAreExactMatchRates() throws {
    let right = try compare(
      #"{"kind": "minutes", "meeting": {"session": 126, "chair": {"name": "李亚平", "title": "市长", "range": {"start": 1, "end": 4}}}}"#,
      #"{"kind": "minutes", "meeting": {"session": 126, "chair": {"name": "李亚平", "title": "市长"}}}"#)
    let wrong = try compare(
      #"{"kind": "notice", "meeting": {"session": 12, "chair": {"name": "李亚平", "title": null}}}"#,
      #"{"kind": "minutes", "meeting": {"session": 126, "chair": {"name": "李亚平", "title": "市长"}}}"#)
    let both = Evaluation(combining: [right, wrong])
    for field in [EvaluatedField.kind, .meeting, .meetingSession, .meetingChair] {
      #expect(both[field]?.measure == .exact)
    }
    #expect(both[.kind]?.exactRate == 0.5)
    #expect(both[.meeting]?.exactRate == 1)
    #expect(both[.meetingSession]?.exactRate == 0.5)
    #expect(both[.meetingChair]?.exactRate == 0.5)
  }

  @Test func aMeetingWhereTheGoldHasNoneIsAMiss() throws {
    let evaluation = try compare(#"{"meeting": {"type": "常务会议", "range": {"start": 0, "end": 9}}}"#, #"{"meeting": null}"#)
    #expect(evaluation.fields.map(\.field) == [.meeting])
    #expect(evaluation.misses == [Miss(document: "doc", field: .meeting, expected: .null, got: try json(#"{"type": "常务会议"}"#))])
  }

  static let goldTree = #"""
    {"sections": [
      {"marker": "一、", "level": 1, "title": "审议《方案》", "text": "审议《方案》", "children": [
        {"marker": "（一）", "level": 2, "title": "原则同意。", "text": "原则同意。", "children": []}]},
      {"marker": "二、", "level": 1, "title": "其他", "text": "其他", "children": []}]}
    """#

  @Test func anEqualTreeIsExactWhateverExtraKeysAndSpacesItHas() throws {
    let evaluation = try compare(
      #"""
      {"sections": [
        {"marker": "一、", "level": 1, "title": "审议 《方案》", "text": "审议《方案》", "ordinal": 1,
         "range": {"start": 0, "end": 20}, "children": [
          {"marker": "（一）", "level": 2, "title": "原则同意。", "text": "原则\n同意。", "children": []}]},
        {"marker": "二、", "level": 1, "title": "其他", "text": "其他", "children": []}]}
      """#, Self.goldTree)
    #expect(evaluation[.sections]?.f1 == 1)
    #expect(evaluation[.sectionTree]?.exactRate == 1)
  }

  @Test func nodesMatchWherePathsDifferButTheTreeDoesNot() throws {
    // （一） hangs under 二、 instead of 一、: every node is right, the tree is not.
    let moved = try compare(
      #"""
      {"sections": [
        {"marker": "一、", "level": 1, "title": "审议《方案》", "text": "审议《方案》", "children": []},
        {"marker": "二、", "level": 1, "title": "其他", "text": "其他", "children": [
          {"marker": "（一）", "level": 2, "title": "原则同意。", "text": "原则同意。", "children": []}]}]}
      """#, Self.goldTree, document: "moved")
    #expect(moved[.sections]?.f1 == 1)
    #expect(moved[.sectionTree]?.exactRate == 0)
    #expect(
      moved.misses == [
        Miss(
          document: "moved", field: .sectionTree,
          expected: try json(#"{"path": "一、 （一）", "marker": "（一）", "level": 2, "title": "原则同意。", "text": "原则同意。"}"#),
          got: .null)
      ])

    // A level wrong: that node is a miss both ways.
    let flat = try compare(
      #"""
      {"sections": [
        {"marker": "一、", "level": 1, "title": "审议《方案》", "text": "审议《方案》", "children": [
          {"marker": "（一）", "level": 1, "title": "原则同意。", "text": "原则同意。", "children": []}]},
        {"marker": "二、", "level": 1, "title": "其他", "text": "其他", "children": []}]}
      """#, Self.goldTree, document: "flat")
    let nodes = try #require(flat[.sections])
    #expect((nodes.truePositives, nodes.falsePositives, nodes.falseNegatives) == (2, 1, 1))

    let both = Evaluation(combining: [moved, flat, try compare(Self.goldTree, Self.goldTree)])
    #expect(both[.sectionTree]?.exactRate == 1.0 / 3.0)
    #expect(both[.sectionTree]?.documents == 3)
  }

  @Test func missesNameTheDocumentTheFieldAndBothValues() throws {
    let evaluation = try compare(
      #"{"kind": "notice", "meeting": {"date": null}, "distribution": ["甲", "丙"]}"#,
      #"{"kind": "minutes", "meeting": {"date": "2021-01-23"}, "distribution": ["甲", "乙"]}"#,
      document: "suzhou")
    #expect(
      evaluation.misses == [
        Miss(document: "suzhou", field: .kind, expected: .string("minutes"), got: .string("notice")),
        Miss(document: "suzhou", field: .meetingDate, expected: .string("2021-01-23"), got: .null),
        Miss(document: "suzhou", field: .distribution, expected: .string("乙"), got: nil),
        Miss(document: "suzhou", field: .distribution, expected: nil, got: .string("丙")),
      ])
    #expect(
      evaluation.misses.map(\.description) == [
        #"suzhou  kind: expected "minutes", got "notice""#,
        #"suzhou  meeting.date: expected "2021-01-23", got null"#,
        #"suzhou  distribution: missing "乙""#,
        #"suzhou  distribution: spurious "丙""#,
      ])
  }

  @Test func anEvaluationRoundTripsThroughJSON() throws {
    let evaluation = try compare(#"{"kind": "notice", "distribution": ["甲"]}"#, #"{"kind": "minutes", "distribution": []}"#)
    let text = try OrderedJSONEncoder().encodeToString(evaluation)
    #expect(text.contains(#"{"document":"doc","field":"distribution","got":"甲"}"#))
    #expect(text.contains(#""precision":0,"recall":1,"f1":0"#))
    let decoded = try JSONDecoder().decode(Evaluation.self, from: Data(text.utf8))
    #expect(decoded == evaluation)
  }

  @Test func theReportIsATablePerField() throws {
    let evaluation = try compare(#"{"kind": "notice", "distribution": ["甲"]}"#, #"{"kind": "minutes", "distribution": ["甲", "乙"]}"#)
    #expect(
      evaluation.report() == """
        1 document, 0 failed

        field                                 docs      P      R     F1  exact  counts
        kind                                     1                       0.000  0/1
        distribution                             1  1.000  0.500  0.667         tp 1 fp 0 fn 1
        """)
    #expect(evaluation.report(showingMisses: true).hasSuffix("misses: 2\ndoc  kind: expected \"minutes\", got \"notice\"\ndoc  distribution: missing \"乙\""))
  }

  @Test func aFolderPairsGoldFilesWithTexts() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-eval-\(UUID().uuidString)")
    let texts = folder.appendingPathComponent("texts")
    try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(#"{"kind": "unknown", "title": null}"#.utf8).write(to: folder.appendingPathComponent("a.gold.json"))
    try Data(#"{"kind": "#.utf8).write(to: folder.appendingPathComponent("b.gold.json"))
    try Data(#"{"kind": "unknown"}"#.utf8).write(to: folder.appendingPathComponent("c.gold.json"))
    try Data("hello\n".utf8).write(to: texts.appendingPathComponent("a.txt"))
    try Data("hello\n".utf8).write(to: texts.appendingPathComponent("b.txt"))

    let cases = try GoldCase.cases(inGoldDirectory: folder, textDirectory: texts)
    #expect(cases.map(\.name) == ["a", "b", "c"])
    #expect(cases[0].text == texts.appendingPathComponent("a.txt"))

    let evaluation = Evaluator().evaluate(cases)
    #expect(evaluation.documents == ["a"])
    #expect(evaluation[.kind]?.exactRate == 1)
    #expect(evaluation.failures.map(\.document) == ["b", "c"])
    #expect(evaluation.failures[0].reason.hasPrefix("b.gold.json: invalid JSON"))
    #expect(evaluation.failures[1].reason.hasPrefix("no text file"))

    #expect(throws: EvaluationError.self) { try GoldCase.cases(inGoldDirectory: texts) }
  }

  @Test func subfoldersAreEvaluatedAndTextsFoundBesideOrInTheTextFolder() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-eval-\(UUID().uuidString)")
    let nested = folder.appendingPathComponent("own")
    let shared = folder.appendingPathComponent("shared-gold")
    let texts = folder.appendingPathComponent("texts")
    for directory in [nested, shared, texts] {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data(#"{"kind": "unknown"}"#.utf8).write(to: nested.appendingPathComponent("a.gold.json"))
    try Data("hello\n".utf8).write(to: nested.appendingPathComponent("a.txt"))
    try Data(#"{"kind": "unknown"}"#.utf8).write(to: shared.appendingPathComponent("b.gold.json"))
    try Data("hello\n".utf8).write(to: texts.appendingPathComponent("b.txt"))

    let cases = try GoldCase.cases(inGoldDirectory: folder, textDirectory: texts)
    #expect(cases.map(\.name) == ["own/a", "shared-gold/b"])
    #expect(cases.map(\.text) == [nested.appendingPathComponent("a.txt"), texts.appendingPathComponent("b.txt")])
    let evaluation = Evaluator().evaluate(cases)
    #expect(evaluation.failures.isEmpty)
    #expect(evaluation[.kind]?.exactRate == 1)
  }
}
