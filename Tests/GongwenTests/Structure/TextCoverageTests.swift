import Foundation
import Testing

@testable import Gongwen

/// Nothing of the text is lost: every character of the normalised text that is not white space
/// lies in some block of the structure (front matter, a section's heading or text, a closing
/// element, an artifact of the copy), over every document of the corpora.
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

  @Test func aRosterUnderTheTitleReachesTheAttendance() {
    let text = "会议纪要\n出席：王一明、李二华"
    let (structure, folded) = (SectionRecognizer().recognize(lexical(text)), lexical(text))
    #expect(structure.blocks.map { $0.text(in: folded) } == ["会议纪要", "出席：王一明、李二华"])
    #expect(structure.blocks[1].label.map { folded.string($0.content) } == "王一明、李二华")
    let document = DocumentParser().parse(text)
    #expect(document.attendance.present.map(\.name) == ["王一明", "李二华"])
    #expect(document.preamble == "出席：王一明、李二华")
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
