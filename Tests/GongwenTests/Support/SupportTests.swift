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
