import ArgumentParser
import Foundation
import Gongwen

struct Tokens: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a document's tokens with their kinds (a debugging aid).",
    discussion: """
      One token per line: its range in the normalised text (Unicode scalars, end exclusive), \
      its kind, its text, and what the tokenizer knows about it (a full name, a value, a role, \
      a score). Spaces and paragraph breaks are left out unless --all is given. --verbose counts the \
      tokens printed on standard error.

      Examples:
        gongwen tokens Corpus/minutes/luoyang-2022-03-15-42.txt
        gongwen tokens --only organization,personName Corpus/minutes/beilun-2022-05-26.txt
        gongwen tokens --lexicon Examples/departments.txt Corpus/minutes/beilun-2022-05-26.txt
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Flag(name: .long, help: "Print spaces and paragraph breaks too.")
  var all = false

  @Option(name: .long, help: ArgumentHelp("Print only tokens of these kinds (comma-separated: organization, personName, date…).", valueName: "kinds"))
  var only: String?

  @Argument(help: ArgumentHelp("The document to read; - reads standard input.", valueName: "file"))
  var file: String

  func run() throws {
    if let problem = Lexicon.builtInStatus.problem {
      reporting.warn(problem)
    }
    let words = input.configuration.lexicon
    let decoded = try input.decode(file)
    let text = Normalizer(options: input.configuration.normalization, lexicon: input.configuration.lexicon).normalize(decoded.text)
    let kinds = only.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) }
    var output = ""
    var count = 0
    for token in Tokenizer(lexicon: words).tokenize(text) {
      if let kinds, !kinds.contains(token.kind.name) { continue }
      if kinds == nil && !all {
        if case .space = token.kind { continue }
        if case .paragraphBreak = token.kind { continue }
      }
      let shown = token.text(in: text).replacingOccurrences(of: "\n", with: "\\n")
      var line = "\(token.range.lowerBound)..\(token.range.upperBound)\t\(token.kind.name)\t\(shown)"
      if let details = details(of: token, in: text) { line += "\t" + details }
      output += line + "\n"
      count += 1
    }
    Terminal.write(output)
    reporting.note("\(file == "-" ? "<stdin>" : file): \(count) tokens")
  }

  private func details(of token: Token, in text: NormalizedText) -> String? {
    switch token.kind {
    case .organization(let fullName), .place(let fullName):
      return fullName.map { "= \($0)" }
    case .number(let number):
      let value = number.integer.map(String.init) ?? String(number.value)
      return number.isOrdinal ? "ordinal \(value)" : value
    case .date(let date):
      return date.iso ?? [("year", date.year), ("month", date.month), ("day", date.day)]
        .compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: " ")
    case .sectionMarker(let marker):
      return "\(marker.style.rawValue) \(marker.ordinal) \(marker.canonical)"
    case .punctuation(let mark):
      return mark.role.rawValue
    case .documentTitle(let title):
      let nested = title.nested.map { text.string($0) }
      return nested.isEmpty ? nil : "nested " + nested.joined(separator: " ")
    case .personName(let name):
      return "score " + String(Double(Int(name.score * 100)) / 100)
    default:
      return nil
    }
  }
}
