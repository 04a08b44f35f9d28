import Testing

@testable import Gongwen

@Suite("Entities: closing elements")
struct ClosingTests {
  /// The closing elements of a short document whose body is followed by `lines`, read from the
  /// blocks the section recognizer finds, as the parser does.
  func read(_ lines: [String]) -> (ClosingReader.Closing, [Unicode.Scalar]) {
    let body = ["关于做好防汛工作的会议纪要", "一、关于防汛准备", "会议要求，各部门做好准备。"]
    let text = lexical((body + lines).joined(separator: "\n"))
    let blocks = SectionRecognizer().recognize(text).blocks
    return (ClosingReader.read(text.scalars, blocks, lexicon: .builtIn), text.scalars)
  }

  @Test func minutesClosedByTheirCompilerAndA印发Line() {
    let (closing, s) = read([
      "记录：栗涛", "苏州市人民政府办公室整理", "2021年2月3日", "（此件公开发布）",
      "分送：各市、区人民政府，苏州工业园区、苏州高新区管委会；市", "各有关部门和单位。", "苏州市人民政府办公室 2021年2月3日印发",
    ])
    #expect(closing.compiler.map { s.string($0.organ) } == "苏州市人民政府办公室")
    #expect(closing.compiler?.date?.value.iso == "2021-02-03")
    #expect(closing.signature == nil)
    #expect(closing.note.map { s.string($0) } == "此件公开发布")
    #expect(closing.publication == .public)
    #expect(closing.distribution.map { s.compactString($0) } == ["各市、区人民政府", "苏州工业园区、苏州高新区管委会", "市各有关部门和单位"])
    #expect(closing.issuer.map { s.string($0.organ) } == "苏州市人民政府办公室")
    #expect(closing.issuer?.date?.value.iso == "2021-02-03")
  }

  @Test func aSignatureDateWhoseMarksTheCopyLost() throws {
    let document = DocumentParser().parse(
      ["关于校长办公会议有关事项的通知", "各单位:", "请各单位遵照执行,特此通知。", "校长办公室", "201992"].joined(separator: "\n"))
    #expect(document.signature?.organs == ["校长办公室"])
    #expect(document.signature?.date == "2019-09-02")
    #expect(document.issuer?.organ == "校长办公室")
    #expect(document.issuer?.date == "2019-09-02")
    let note = try #require(document.diagnostics.first { $0.code == "date-marks-inferred" })
    #expect(note.severity == .note)
  }

  @Test func anOrderSignedByItsHead() {
    let document = DocumentParser().parse(
      ["某省人民政府令第103号", "《某省地方志工作实施办法》已经省人民政府常务会议通过,现予公布,自2008年1月1日起施行。", "省长 李文华", "二○○七年十一月九日"]
        .joined(separator: "\n"))
    #expect(document.signature?.organs == ["省长李文华"])
    #expect(document.signature?.date == "2007-11-09")
  }

  @Test func minutesWithoutA印发LineIssuedFromTheirHead() {
    let document = DocumentParser().parse(
      [
        "第47次", "平江市人民政府办公室 2025年8月18日", "2025年7月30日，市长林某华主持召开平江市人民政府第47次常务会议。", "一、关于城市工作",
        "会议传达学习了有关精神。",
      ].joined(separator: "\n"))
    #expect(document.issuer?.organ == "平江市人民政府办公室")
    #expect(document.issuer?.date == "2025-08-18")
    #expect(document.signature == nil)
  }

  @Test func aJointSignatureWithChineseNumeralsAndARestrictedNote() {
    let (closing, s) = read(["鹤岗市人民政府 鹤岗市中级人民法院", "二〇二五年四月三十日", "（此件不公开）", "抄送：市委办公室，市人大常委会办公室。"])
    #expect(closing.signature?.organs.map { s.string($0) } == ["鹤岗市人民政府", "鹤岗市中级人民法院"])
    #expect(closing.signature?.date?.value.iso == "2025-04-30")
    #expect(closing.publication == .restricted)
    #expect(closing.distribution.map { s.string($0) } == ["市委办公室", "市人大常委会办公室"])
  }

  @Test func aDateWithoutAnOrganAndABareFormula() {
    let (closing, s) = read(["二○○一年四月四日", "主动公开"])
    #expect(closing.signature.map { $0.organs.isEmpty } == true)
    #expect(closing.signature?.date?.value.iso == "2001-04-04")
    #expect(closing.note.map { s.string($0) } == "主动公开")
    #expect(closing.publication == .public)
  }

  @Test func glossesDoNotHideThePublicationNote() {
    let s = Lines(["此件公開發(fā)布"]).lexical.scalars
    #expect(ClosingReader.publication(s, 0..<s.count, lexicon: .builtIn) == .public)
  }
}
