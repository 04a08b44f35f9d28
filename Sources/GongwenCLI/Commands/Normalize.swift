import ArgumentParser
import Gongwen

struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a document's normalised text, one paragraph per line.",
    discussion: """
      Shows what the parser reads after decoding and reflow: wrapped lines joined, page-break \
      artefacts removed, extraction spaces inside words and numbers dropped.

      Examples:
        gongwen normalize Corpus/minutes/sample.txt
        gongwen normalize --encoding gbk old-minutes.txt
        cat minutes.txt | gongwen normalize -
      """)

  @OptionGroup var input: InputOptions

  @Argument(help: ArgumentHelp("The document to read; - reads standard input.", valueName: "file"))
  var file: String

  func run() throws {
    let decoded = try input.decode(file)
    let normalized = Normalizer(options: input.configuration.normalization, lexicon: input.configuration.lexicon).normalize(decoded.text)
    Terminal.write(normalized.text + "\n")
  }
}
