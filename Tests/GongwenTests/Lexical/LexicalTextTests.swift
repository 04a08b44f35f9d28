import Testing

@testable import Gongwen

@Suite("Lexical: the folded view and the recognisers on it")
struct LexicalTextTests {
  @Test func traditionalWidthsAndGlossesFoldOneForOne() {
    let text = lexical("區(qū)長韓云主持召開(kāi)會議,聽取匯報(一)")
    #expect(String(scalars: text.scalars) == "区长韩云主持召开会议，听取汇报（一）")
    #expect(text.string(0..<2) == "區(qū)長")
    #expect(text.string(6..<8) == "召開(kāi)")
    #expect(text.compactString(0..<text.scalars.count) == "區(qū)長韓云主持召開(kāi)會議,聽取匯報(一)")
    let source = text.sourceRange(of: 2..<4)
    #expect(source.start == 6 && source.end == 8)
  }

  @Test func textWithoutGlossesKeepsItsOffsets() {
    let text = lexical("會議紀要：出席")
    #expect(String(scalars: text.scalars) == "会议纪要：出席")
    #expect(text.originalRange(1..<3) == 1..<3)
    #expect(text.foldedOffset(of: 4) == 4)
  }

  @Test func userVariantsFoldToo() throws {
    let lexicon = Lexicon.builtIn.adding(LexiconEntry(text: "峯", category: .variant, fullName: "峰"))
    let text = LexicalText(Normalizer(lexicon: lexicon).normalize("王峯"), lexicon: lexicon)
    #expect(String(scalars: text.scalars) == "王峰")
    #expect(text.string(0..<2) == "王峯")
  }

  @Test(arguments: [
    ("出席：李亚平", BlockLabel.present, 3), ("出  席：", .present, 5), ("列席人员:", .attending, 5),
    ("记录人：栗涛", .recorder, 4), ("分送：各市", .distribution, 3), ("抄送: 省委", .copyTo, 4),
    ("請假：", .absent, 3),
  ])
  func blockLabels(text: String, label: BlockLabel, length: Int) throws {
    let read = try #require(BlockLabel.read(Lexicon.builtIn.folded(text), at: 0, lexicon: .builtIn))
    #expect(read.label == label)
    #expect(read.length == length)
  }

  @Test(arguments: ["出席会议", "记录在案", "分送各单位"])
  func notBlockLabels(text: String) {
    #expect(BlockLabel.read(Lexicon.builtIn.folded(text), at: 0, lexicon: .builtIn) == nil)
  }

}
