import Testing

@testable import Gongwen

@Suite("Entities: decisions, tasks, organisations")
struct DecisionTaskTests {
  let lexicon = Lexicon.builtIn

  func decisions(_ text: String) -> [Decision] {
    let normalized = lexical(text)
    return DecisionReader.decisions(in: normalized, normalized.paragraphs.map(\.range))
  }

  func tasks(_ text: String) -> [(lead: [String], responsible: [String], action: String)] {
    let s = text.scalars
    return TaskReader(lexicon: lexicon).tasks(in: s, [0..<s.count]).map {
      ($0.lead.map { s.string($0) }, $0.responsible.map { s.string($0) }, s.string($0.action))
    }
  }

  @Test func decisionVerbsOpenClauses() {
    let found = decisions(
      "（一）原则同意《<政府工作报告>2021年主要目标任务分工方案》。市人代会审议通过的《政府工作报告》是庄严承诺。会议审议通过了《建设项目施工招标定标办法》。近年来，通过督办整治，消除了隐患。会议同意市发改委的意见。经研究，同意设立扶余县。")
    #expect(found.map(\.kind) == [.approvedInPrinciple, .adopted, .approved, .approved])
    #expect(found.map(\.subject) == ["《<政府工作报告>2021年主要目标任务分工方案》", "《建设项目施工招标定标办法》", "市发改委的意见", "设立扶余县"])
    #expect(found[0].references == ["<政府工作报告>2021年主要目标任务分工方案"])
  }

  @Test func tasksLedAndShared() {
    let found = tasks(
      "由市应急局根据本次会议讨论意见按程序发文。（四）市政府办公室牵头，市发改委具体负责要做好督查督办工作。市林业局牵头，市公安局、市气象局配合，加强火情监测。市安委办要牵头继续细化完善指标。保持缴费成本预期稳定。（市人社局、市医保局负责）")
    #expect(found.map(\.lead) == [["市应急局"], ["市政府办公室"], ["市林业局"], ["市安委办"], []])
    #expect(found.map(\.responsible) == [[], ["市发改委"], ["市公安局", "市气象局"], [], ["市人社局", "市医保局"]])
    #expect(
      found.map(\.action) == ["根据本次会议讨论意见按程序发文", "要做好督查督办工作", "加强火情监测", "继续细化完善指标", "保持缴费成本预期稳定。"])
  }

  @Test func organisationsOnceEachWithTheirFullNames() {
    var collector = OrganizationCollector(lexicon: lexicon)
    collector.add("市发改委", SourceRange(start: 30, end: 34))
    collector.add("市人社局", SourceRange(start: 10, end: 14))
    collector.add("市发改委", SourceRange(start: 5, end: 9))
    collector.add("隆中文化园公司", nil)
    let organizations = collector.organizations
    #expect(organizations.map(\.name) == ["市发改委", "市人社局", "隆中文化园公司"])
    #expect(organizations.map(\.fullName) == ["市发展和改革委员会", "市人力资源和社会保障局", nil])
    #expect(organizations[0].mentions == [SourceRange(start: 5, end: 9), SourceRange(start: 30, end: 34)])
  }
}
