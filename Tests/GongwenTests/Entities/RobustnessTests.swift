import Foundation
import Testing

@testable import Gongwen

/// Random documents built from the pieces every reader keys on — markers, labels, brackets,
/// dates, names, organisations, glosses, HTML, spaces and line breaks in any order — must parse
/// without a crash or a hang.
@Suite("Robustness: random documents")
struct RobustnessTests {
  static let pieces: [String] = [
    "一、", "（一）", "(二)", "1.", "（1）", "①", "第一章", "第十二条", "1.1 ", "出席：", "列席：", "请假：", "记录：", "分送：", "抄送：",
    "附件：", "签发人：", "主持人：", "时间：", "《", "》", "<", ">", "〈", "〉", "（", "）", "(", ")", "〔", "〕", "[", "]", "„", "‟",
    "2021年", "1月", "23日", "二〇二一年", "上午", "第126次", "五届104次", "常务会议", "主持召开", "主持", "召开", "受", "委托",
    "李亚平", "王", "翔", "欧阳", "市长", "副市长", "市发改委", "市委网信办", "人行苏州中支", "苏州海关", "张家港市", "的代表",
    "等单位负责人", "参加了会议", "出席会议", "列席", "同志", "等同志", "由", "牵头", "具体负责", "配合", "原则同意", "会议同意",
    "苏府〔2021〕12号", "(qū)", "區", "此件公开发布", "印发", "整理", "人民政府", "办公室", "文件", "特急", "秘密★1年", "关于",
    "的通知", "纪要", "现批复如下", "特此通知", "<p>", "</p>", "<br/>", "&nbsp;", "&#12298;", "，", "。", "；", "：", ",", ":",
    "、", " ", "  ", "\u{3000}", "\n", "\n\n", "\r\n", "\u{C}", "— 3 —", "0", "9", "O", "〇", "a", "\u{FFFD}", "\u{200B}",
  ]

  @Test func randomDocumentsParse() {
    var generator = SeededGenerator(seed: 2026)
    let parser = DocumentParser()
    for round in 0..<1500 {
      let length = Int.random(in: 0...(round % 10 == 0 ? 600 : 60), using: &generator)
      var text = ""
      for _ in 0..<length { text += Self.pieces.randomElement(using: &generator)! }
      let document = parser.parse(text)
      #expect(document.schemaVersion == Document.currentSchemaVersion)
      for range in document.sections.flatMap(\.flattened).compactMap(\.range) {
        #expect(range.start <= range.end && range.end <= text.unicodeScalars.count)
      }
    }
  }

  @Test func randomBytesNeverCrashTheDecoderOrTheParser() {
    var generator = SeededGenerator(seed: 7)
    let parser = DocumentParser(configuration: .init(decoding: .init(replacingInvalidBytes: true)))
    for _ in 0..<300 {
      let bytes = (0..<Int.random(in: 0...400, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
      _ = try? parser.parse(bytes: bytes)
    }
  }
}
