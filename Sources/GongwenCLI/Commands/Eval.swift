import ArgumentParser
import Foundation
import Gongwen
import GongwenEvaluation

struct Eval: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Compare the parser's output with gold files and print per-field scores.",
    discussion: """
      Pairs every NAME.gold.json in GOLD_DIR and its subfolders with NAME.txt (next to it, \
      else in --texts DIR), \
      parses the text and compares the result with the gold, field by field. Only keys the \
      gold has are scored; text is compared without white space. Lists (persons, sections, \
      distribution…) get precision, recall and F1 over their items; single values (kind, \
      meeting date, chair, issuer…) and whole section trees get the rate of documents exactly \
      right. Figures are micro-averaged over the documents. When the documents fall into \
      several groups (a name PREFIX-NNN is in group PREFIX, any other in its folder's), a \
      table per group follows the overall one.

      Exit status 1 when a document could not be evaluated (no text, undecodable text, \
      invalid gold JSON); low scores are not an error.

      Examples:
        gongwen eval Corpus --texts ../shared/corpus/dev
        gongwen eval Corpus/minutes
        gongwen eval Corpus/shared-gold --texts ../shared/corpus/dev --misses
        gongwen eval Corpus/gongwen --json > scores.json
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Argument(help: ArgumentHelp("The folder of NAME.gold.json files (subfolders included).", valueName: "gold-dir"))
  var goldDirectory: String

  @Option(name: .customLong("texts"), help: ArgumentHelp("Read NAME.txt from this folder when it is not next to its gold file.", valueName: "dir"))
  var textDirectory: String?

  @Flag(name: .long, help: "List every miss: document, field, expected and actual value.")
  var misses = false

  @Flag(name: .long, help: "Print the evaluation as JSON (scores, misses and failures).")
  var json = false

  func run() throws {
    let evaluator = Evaluator(parser: DocumentParser(configuration: input.configuration))
    let cases: [GoldCase]
    do {
      cases = try GoldCase.cases(
        inGoldDirectory: URL(fileURLWithPath: goldDirectory),
        textDirectory: textDirectory.map { URL(fileURLWithPath: $0) })
    } catch {
      throw CommandFailure(path: goldDirectory, reason: error.description)
    }
    reporting.note("\(goldDirectory): \(cases.count) gold files")
    let (evaluation, groups) = evaluator.evaluateByGroup(cases)
    if json {
      Terminal.write(try OrderedJSONEncoder(prettyPrinted: true).encodeToString(evaluation) + "\n")
    } else {
      Terminal.write(evaluation.report(showingMisses: misses, groups: groups) + "\n")
    }
    for failure in evaluation.failures {
      FileHandle.standardError.write(Data("gongwen: \(failure)\n".utf8))
    }
    if !evaluation.failures.isEmpty { throw ExitCode(1) }
  }
}
