import Foundation
import Testing

@testable import Gongwen

/// Nothing of the text is lost: every character of the normalised text that is not white space
/// lies in some block of the structure (front matter, a section's heading or text, a closing
/// element, an artifact of the copy), and every block but the artifacts reaches the document's
/// JSON, over every document of the corpora.
@Suite("Structure: every character of the text lands in a block")
struct TextCoverageTests {
  static let documents: [URL] = {
    let fileManager = FileManager.default
    var folders = ((try? fileManager.contentsOfDirectory(atPath: Corpus.project.path)) ?? []).sorted().map {
      Corpus.project.appendingPathComponent($0)
    }
    if Corpus.sharedIsAvailable { folders.append(Corpus.sharedDev) }
    return folders.flatMap { folder in
      ((try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map {
        folder.appendingPathComponent($0)
      }
    }
  }()

  /// The stretches of the normalised text that no block covers and that hold more than white
  /// space, each with its offset.
  static func uncovered(_ text: String) -> [String] {
    let folded = LexicalText(Normalizer().normalize(text), lexicon: .builtIn)
    let structure = SectionRecognizer().recognize(folded)
    let scalars = folded.normalized.scalars
    var covered = [Bool](repeating: false, count: scalars.count)
    for block in structure.blocks {
      for i in folded.originalRange(block.range) { covered[i] = true }
    }
    var pieces: [String] = []
    var i = 0
    while i < scalars.count {
      guard !covered[i], !scalars[i].properties.isWhitespace else {
        i += 1
        continue
      }
      var end = i
      while end < scalars.count, !covered[end] { end += 1 }
      pieces.append("\(i): «\(String(String.UnicodeScalarView(scalars[i..<end])))»")
      i = end
    }
    return pieces
  }

  /// The blocks whose text reaches no value of the document's JSON: no range there overlaps
  /// theirs, and no text value holds them (the preamble and the 版头 carry no ranges). Artifacts
  /// of the copy are not the document's text.
  static func unreached(_ text: String) -> [String] {
    let parser = DocumentParser()
    let document = parser.parse(text)
    let folded = LexicalText(Normalizer().normalize(text), lexicon: .builtIn)
    let structure = SectionRecognizer().recognize(folded)
    var ranges: [Range<Int>] = []
    var strings: [String] = []
    func collect(_ value: Any) {
      if let object = value as? [String: Any] {
        if let start = object["start"] as? Int, let end = object["end"] as? Int { ranges.append(start..<end) }
        for (key, member) in object where key != "diagnostics" { collect(member) }
      } else if let array = value as? [Any] {
        for member in array { collect(member) }
      } else if let string = value as? String {
        strings.append(squeezed(string))
      }
    }
    if let json = try? JSONSerialization.jsonObject(with: Data(document.jsonString(prettyPrinted: false).utf8)) { collect(json) }
    let names = document.attendance.everyone.map(\.name)
    return structure.blocks.compactMap { block in
      // A label alone on its line has its list on the lines after it, which are checked.
      guard block.role != .artifact, block.label?.content.isEmpty != true else { return nil }
      let source = folded.sourceRange(of: block.range)
      if ranges.contains(where: { $0.overlaps(source.start..<source.end) }) { return nil }
      let own = squeezed(block.text(in: folded))
      if own.isEmpty || strings.contains(where: { $0.contains(own) }) { return nil }
      // A roster line whose people were listed before: each person attends once, at the first
      // mention's range.
      if let label = block.label, label.label.isAttendance, names.contains(where: own.contains) { return nil }
      return "\(block.role): «\(own)»"
    }
  }

  static func squeezed(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }

  @Test(arguments: documents)
  func everyBlockReachesTheJSON(_ url: URL) throws {
    let text = try TextDecoder().decode(Data(contentsOf: url)).text
    let lost = Self.unreached(text)
    #expect(lost.isEmpty, "\(url.lastPathComponent): \(lost.joined(separator: "; "))")
  }

  @Test func aRosterUnderTheTitleReachesTheAttendance() {
    let text = "会议纪要\n出席：王一明、李二华"
    let (structure, folded) = (SectionRecognizer().recognize(lexical(text)), lexical(text))
    #expect(structure.blocks.map { $0.text(in: folded) } == ["会议纪要", "出席：王一明、李二华"])
    #expect(structure.blocks[1].label.map { folded.string($0.content) } == "王一明、李二华")
    let document = DocumentParser().parse(text)
    #expect(document.attendance.present.map(\.name) == ["王一明", "李二华"])
    #expect(document.preamble == "出席：王一明、李二华")
    // A label alone on its line, its list on the lines under it, then the opening.
    let listed = DocumentParser().parse("会议纪要\n列席：\n王一明、李二华\n张三丰\n2022年3月15日，市长主持召开会议。\n一、会议同意。")
    #expect(listed.attendance.attending.map(\.name) == ["王一明", "李二华", "张三丰"])
    #expect(listed.meeting?.date == "2022-03-15")
  }

  @Test func textNoOtherKeyHoldsIsOtherText() {
    let text = """
      发布时间：2021-06-09
      关于同意设立某某中心的批复
      某区人民政府：
      你区关于设立某某中心的请示收悉。经研究，同意设立。
      此复。
      某市人民政府
      2021年6月8日
      """
    let document = DocumentParser().parse(text)
    #expect(
      document.otherText.map { "\($0.role.rawValue): \($0.text)" } == [
        "page-metadata: 发布时间：2021-06-09", "unnumbered-body: 你区关于设立某某中心的请示收悉。经研究，同意设立。", "closing-formula: 此复。",
      ])
    let scalars = Array(text.unicodeScalars)
    #expect(document.otherText.compactMap(\.range).map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == document.otherText.map(\.text))
    #expect(Self.unreached(text).isEmpty)
  }

  @Test func theCorporaAreThere() {
    #expect(Self.documents.count >= 30)
  }

  @Test(arguments: documents)
  func everyCharacterIsInABlock(_ url: URL) throws {
    let text = try TextDecoder().decode(Data(contentsOf: url)).text
    let lost = Self.uncovered(text)
    #expect(lost.isEmpty, "\(url.lastPathComponent): \(lost.prefix(5).joined(separator: "; "))")
  }

  @Test(arguments: [
    "会议纪要\n出席：王一明、李二华",
    "关于某事的通知\n各单位：\n现将有关事项通知如下。\n一、总体要求\n坚持统筹推进。\n特此通知。\n某市人民政府\n2021年2月3日",
    "（九）有关福利的重大问题；\n(十一",
    "一、总体要求 1 / 3 坚持统筹推进，...",
  ])
  func madeUpDocumentsLoseNothing(_ text: String) {
    #expect(Self.uncovered(text).isEmpty)
  }
}
