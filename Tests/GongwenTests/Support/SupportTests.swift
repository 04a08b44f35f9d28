import Testing

@testable import Gongwen

@Suite("Support: scalar arrays and strings")
struct SupportTests {
  @Test(arguments: ["", "abc", "会议纪要", "𠀀𪚥 mixed 混合 é", "2021年1月23日\u{FFFD}"])
  func scalarsDecodeAsTheScalarViewDoes(text: String) {
    #expect(Array(unicodeScalarsOf: text) == Array(text.unicodeScalars))
    #expect(String(scalars: Array(text.unicodeScalars)) == text)
  }
}

@Suite("Support: strings of scalar ranges and byte keys")
struct ScalarStringTests {
  /// One-, two-, three- and four-byte scalars, spaces of both widths and a line break.
  static let text = Array("a é 会议\u{3000}纪要\n𠀀 z".unicodeScalars)

  @Test func stringOfARangeIsItsScalars() {
    #expect(Self.text.string(0..<Self.text.count) == "a é 会议\u{3000}纪要\n𠀀 z")
    #expect(Self.text.string(4..<6) == "会议")
    #expect(Self.text.string(3..<3) == "")
  }

  @Test func compactStringDropsSpacesAndLineBreaks() {
    #expect(Self.text.compactString(0..<Self.text.count) == "aé会议纪要𠀀z")
    #expect(Self.text.compactString(1..<2) == "")
  }

  @Test func joinedRangesFollowEachOther() {
    #expect(Self.text.string(joining: [4..<6, 7..<9, 10..<11]) == "会议纪要𠀀")
    #expect(Self.text.string(joining: []) == "")
  }

  @Test func textKeysCompareByBytes() {
    #expect(TextKey("市发改委") == TextKey("市" + "发改委"))
    #expect(TextKey("市发改委") != TextKey("市发改"))
    #expect(Set([TextKey("王翔"), TextKey("王翔"), TextKey("蒋来清")]).count == 2)
    // Canonically equivalent but not the same bytes: the pipeline's names come from one
    // normalised text, so they never meet like this.
    #expect(TextKey("\u{E9}") != TextKey("e\u{301}"))
  }
}
