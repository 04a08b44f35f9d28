import ArgumentParser
import Gongwen

struct Normalize: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a document's normalised text, one paragraph per line.",
    discussion: """
      Shows what the parser reads after decoding and reflow: wrapped lines joined, page-break \
      artefacts removed, extraction spaces inside words and numbers dropped. --verbose counts \
      the decoding diagnostics on standard error.

      Examples:
        gongwen normalize Corpus/minutes/luoyang-2022-03-15-42.txt
        iconv -f utf-8 -t gbk Corpus/minutes/beilun-2022-05-26.txt | gongwen normalize --encoding gbk -
        cat Corpus/minutes/beilun-2022-05-26.txt | gongwen normalize -
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Argument(help: ArgumentHelp("The document to read; - reads standard input.", valueName: "file"))
  var file: String

  func run() throws {
    let decoded = try input.decode(file)
    let normalized = Normalizer(options: input.configuration.normalization, lexicon: input.configuration.lexicon).normalize(decoded.text)
    Terminal.write(normalized.text + "\n")
    reporting.noteDiagnostics(decoded.diagnostics, of: file)
  }
}
