import Testing

@testable import Gongwen

@Suite("Lexical: Chinese numerals and section markers")
struct NumeralAndMarkerTests {
  @Test(arguments: [
    ("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21), ("一百零五", 105), ("一百二十六", 126),
    ("二〇二一", 2021), ("二○一二", 2012), ("两千零九", 2009), ("五十一", 51), ("壹佰", 100),
  ])
  func chineseNumerals(text: String, value: Int) {
    #expect(ChineseNumeral.value(of: Array(text.unicodeScalars)) == value)
  }

  @Test(arguments: ["", "第", "一二三四五六七八九十一二三四五六七八九十"])
  func notNumerals(text: String) {
    #expect(ChineseNumeral.value(of: Array(text.unicodeScalars)) == nil)
  }

  @Test(arguments: [
    ("一、审议", SectionMarker.Style.chineseComma, 1, "一、"),
    ("十二、", .chineseComma, 12, "十二、"),
    ("（一）原则同意", .parenthesizedChinese, 1, "（一）"),
    ("(三)", .parenthesizedChinese, 3, "（三）"),
    ("（12）", .parenthesizedArabic, 12, "（12）"),
    ("1.会议", .arabicStop, 1, "1."),
    ("3．会议", .arabicStop, 3, "3."),
    ("1、同意", .arabicComma, 1, "1、"),
    ("①", .circled, 1, "①"),
    ("第一章 总则", .chapter, 1, "第一章"),
    ("第十二条为", .article, 12, "第十二条"),
    ("第二节", .division, 2, "第二节"),
    ("第三部分", .part, 3, "第三部分"),
    ("1 总 则", .decimal, 1, "1"),
    ("1.5.1 预警", .decimal, 1, "1.5.1"),
    ("1.1编制目的", .decimal, 1, "1.1"),
    ("1.4月底前，完成检查", .arabicStop, 1, "1."),
    ("1.2022年舟山市重点任务分解表", .arabicStop, 1, "1."),
    ("2 组织体系", .decimal, 2, "2"),
    ("1.1 《预案》的编制", .decimal, 1, "1.1"),
  ])
  func markers(text: String, style: SectionMarker.Style, ordinal: Int, canonical: String) throws {
    let marker = try #require(SectionMarker.read(Lexicon.builtIn.folded(text), at: 0))
    #expect(marker.style == style)
    #expect(marker.ordinal == ordinal)
    #expect(marker.canonical == canonical)
  }

  @Test(arguments: [
    "2021年", "1.5亿元", "一是", "（绩效管理）", "(2013-2030)", "第126次", "100周年", "一批", "3.5万亩", "1.13亿元",
    "01 14:58", "1 | | |", "9 2 ,区人大", "58: 15", "1.15日",
  ])
  func notMarkers(text: String) {
    #expect(SectionMarker.read(Lexicon.builtIn.folded(text), at: 0) == nil)
  }

}
