import Testing

@testable import Gongwen

@Suite("Normalisation: the scalars width folding copies as they are")
struct WidthFoldingTests {
  /// The scalars `WidthFolding` changes or reads with their neighbours: line terminators,
  /// invisible noise, the starts of markup, and the forms it folds.
  func needsALook(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    let folded: [ClosedRange<UInt32>] = [0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0xFF0E...0xFF0E, 0x3220...0x3229, 0x2474...0x249B]
    return scalar.isLineTerminator || scalar.isInvisibleNoise || scalar == "<" || scalar == "&"
      || folded.contains { $0.contains(v) }
  }

  @Test func noScalarCopiedAtOnceNeedsALook() {
    var wrong: [UInt32] = []
    for v in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(v), WidthFolding.isKept(v), needsALook(scalar) else { continue }
      wrong.append(v)
    }
    #expect(wrong.isEmpty)
  }

  @Test func runsAndFoldsKeepTheirOffsets() {
    let source = Array("第１２６次会议\r\n　出席：王翔㈠⑴\u{200B}ab".unicodeScalars)
    let folded = WidthFolding(source, simplifying: nil)
    #expect(String(String.UnicodeScalarView(folded.scalars)) == "第126次会议　出席：王翔（一）（1）ab")
    #expect(folded.sources == [0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 15, 15, 16, 16, 16, 18, 19])
    #expect(folded.lines == [0..<7, 7..<21])
    #expect(folded.terminators == [7, 20])
  }
}
