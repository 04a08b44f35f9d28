import Testing

@testable import Gongwen

@Suite("Entities: dates and closing elements")
struct ClosingTests {
  @Test(arguments: [
    ("2021年1月23日上午", "2021-01-23"), ("二〇二一年一月二十三日", "2021-01-23"), ("二○一二年八月十四日", "2012-08-14"),
    ("2021年 2月 3日印发", "2021-02-03"), ("2018年03月27", "2018-03-27"), ("2015-4-17", "2015-04-17"),
    ("2019.01.23", "2019-01-23"), ("一九九五年七月二十日", "1995-07-20"), ("二OO七年六月五日", "2007-06-05"),
  ])
  func completeDates(text: String, iso: String) throws {
    let s = text.scalars
    let match = try #require(DateReader.dates(in: s, 0..<s.count).first)
    #expect(match.value.iso == iso)
  }

  @Test func partialAndMangledDates() {
    let s = "9月23日下午，会议于2021年5月召开；814日，第126次".scalars
    let dates = DateReader.dates(in: s, 0..<s.count)
    #expect(dates.map(\.value) == [DateValue(year: nil, month: 9, day: 23), DateValue(year: 2021, month: 5, day: nil)])
    #expect(dates.allSatisfy { $0.value.iso == nil })
    #expect(DateReader.dates(in: "2021年2月30日".scalars, 0..<10).first?.value.iso == nil)
  }

  /// The closing elements of a short document whose body is followed by `lines`, read from the
  /// blocks the section recognizer finds, as the parser does.
  func read(_ lines: [String]) -> (ClosingReader.Closing, [Unicode.Scalar]) {
    let body = ["关于做好防汛工作的会议纪要", "一、关于防汛准备", "会议要求，各部门做好准备。"]
    let text = Normalizer().normalize((body + lines).joined(separator: "\n"))
    let blocks = SectionRecognizer().recognize(text).blocks
    return (ClosingReader.read(text.scalars, blocks), text.scalars)
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
    let s = "此件公開發(fā)布".scalars
    #expect(ClosingReader.publication(s, 0..<s.count) == .public)
  }
}
