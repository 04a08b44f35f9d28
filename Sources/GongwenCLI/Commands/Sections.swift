import ArgumentParser
import Foundation
import Gongwen

struct Sections: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a document's numbered sections as an indented outline.",
    discussion: """
      Each line shows a section's marker and title, indented two spaces per level. Skipped, \
      repeated or out-of-order numbers are reported on standard error (not with --quiet). With --blocks, prints \
      instead how the text was cut: each block's role and text, one block per line.

      Examples:
        gongwen sections Corpus/minutes/quanzhou-2022-09-06.txt
        gongwen sections --text Corpus/gongwen/notice-wuhu-2021-06.txt
        gongwen sections --blocks Corpus/minutes/beilun-2022-05-26.txt
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Flag(name: .long, help: "Print each section's text under its heading.")
  var text = false

  @Flag(name: .long, help: "Print the blocks (front matter, headings, texts, closing elements) instead of the outline.")
  var blocks = false

  @Argument(help: ArgumentHelp("The document to read; - reads standard input.", valueName: "file"))
  var file: String

  func run() throws {
    let decoded = try input.decode(file)
    let normalized = Normalizer(options: input.configuration.normalization, lexicon: input.configuration.lexicon).normalize(decoded.text)
    let lexical = LexicalText(normalized, lexicon: input.configuration.lexicon)
    let structure = SectionRecognizer(lexicon: input.configuration.lexicon).recognize(lexical)
    if blocks {
      for block in structure.blocks {
        Terminal.write("\(Self.name(of: block.role))\t\(block.text(in: lexical))\n")
      }
    } else {
      for section in structure.sections { printOutline(section) }
    }
    reporting.noteDiagnostics(structure.diagnostics, of: file)
    for diagnostic in structure.diagnostics where !reporting.quiet {
      var standardError = StandardError()
      print("\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code)]", to: &standardError)
    }
  }

  private func printOutline(_ section: Section) {
    let indent = String(repeating: "  ", count: section.level - 1)
    Terminal.write("\(indent)\(section.marker) \(section.title)\n")
    if text && section.text != section.title {
      Terminal.write("\(indent)  | \(section.text)\n")
    }
    for child in section.children { printOutline(child) }
  }

  static func name(of role: StructureBlock.Role) -> String {
    switch role {
    case .front: return "front"
    case .tableOfContents: return "contents"
    case .heading(let path): return "heading " + path.map(String.init).joined(separator: ".")
    case .body(let path): return "body " + path.map(String.init).joined(separator: ".")
    case .unnumberedBody: return "unnumbered-body"
    case .attachmentTitle: return "attachment-title"
    case .attachmentPreamble: return "attachment-preamble"
    case .label(let label): return "label " + label.rawValue
    case .closingFormula: return "closing-formula"
    case .organLine: return "organ-line"
    case .compilerLine: return "compiler-line"
    case .dateLine: return "date-line"
    case .note: return "note"
    case .issuance: return "issuance"
    case .artifact: return "artifact"
    }
  }
}

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
