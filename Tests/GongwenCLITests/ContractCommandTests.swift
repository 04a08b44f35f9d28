import Foundation
import Gongwen
import GongwenEvaluation
import Testing

/// `gongwen parse` output against gold files, key by key: the must-shows of the model issue
/// (the seed minutes) and of the 公文 issue (a 通知 with its 版记).
@Suite("CLI: gongwen parse against gold files")
struct ContractCommandTests {
  static let sharedDev = CLITests.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")

  /// Parses `text` with the binary and compares the JSON with `gold`; returns the output.
  func parseMatchesGold(text: URL, gold: URL) throws -> JSONValue {
    let run = try CLITests.run(["parse", text.path])
    #expect(run.status == 0, "\(run.stderr)")
    let output = try JSONValue(parsing: run.stdout)
    let expected = try JSONValue(parsing: String(decoding: try Data(contentsOf: gold), as: UTF8.self))
    let evaluation = Evaluator.compare(output: output, gold: expected, document: text.lastPathComponent)
    #expect(evaluation.misses.isEmpty, "\(evaluation.misses.map { "\($0.field): expected \($0.expected.map { $0.serialized() } ?? "-"), got \($0.got.map { $0.serialized() } ?? "-")" })")
    guard case .object(let goldKeys) = expected else { return output }
    for key in goldKeys.map(\.key) { #expect(output[key] != nil, "no \(key)") }
    return output
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedDev.path)))
  func theSeedMatchesEveryKeyOfItsGold() throws {
    let output = try parseMatchesGold(
      text: Self.sharedDev.appendingPathComponent("suzhou-2021-01-23-126.txt"),
      gold: Self.sharedDev.appendingPathComponent("suzhou-2021-01-23-126.gold.json"))
    let data = Data(output.serialized().utf8)
    let document = try JSONDecoder().decode(Document.self, from: data)
    let attendance = document.attendance
    #expect(attendance.present.count == 11)
    #expect(attendance.attending.count == 87)
    #expect(attendance.attending.filter { $0.organization != nil }.count == 77)
    #expect(attendance.recorders.map(\.name) == ["栗涛"])
    #expect(Set(attendance.everyone.map(\.name)).count == 99)
    #expect(attendance.representedOrganizations == ["市检察院", "联通苏州分公司"])
    #expect(document.meeting?.chair == Meeting.Chair(name: "李亚平", title: "市长", range: document.meeting?.chair?.range))
    #expect(document.sections.map { $0.children.count } == [4, 3, 3])
  }

  @Test func aNoticePrintsItsElementsAsTheGoldSays() throws {
    let folder = CLITests.packageRoot.appendingPathComponent("Corpus/gongwen")
    let output = try parseMatchesGold(
      text: folder.appendingPathComponent("notice-wuhu-2021-06.txt"),
      gold: folder.appendingPathComponent("notice-wuhu-2021-06.gold.json"))
    #expect(output["kind"] == .string("notice"))
    #expect(output["docNumber"] == .string("芜政〔2021〕18号"))
    for key in ["title", "recipients", "sections", "signature", "note", "distribution", "issuer"] {
      #expect(output[key] != .null && output[key] != .array([]), "\(key) is empty")
    }
  }

  @Test func textThatIsNoGongwenIsKindUnknownWithADiagnostic() throws {
    let run = try CLITests.run(["parse", "-"], stdin: Data("The quick brown fox jumps over the lazy dog.\n".utf8))
    #expect(run.status == 0)
    let output = try JSONValue(parsing: run.stdout)
    #expect(output["kind"] == .string("unknown"))
    guard case .array(let diagnostics) = output["diagnostics"] else {
      Issue.record("no diagnostics")
      return
    }
    #expect(diagnostics.contains { $0["code"] == .string("unknown-kind") })
  }
}
