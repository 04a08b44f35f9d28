import ArgumentParser
import Gongwen

/// `gongwen`: the command-line face of the Gongwen library.
@main
struct GongwenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gongwen",
    abstract: "Read Chinese government documents (公文), meeting minutes first, into JSON.",
    discussion: """
      Exit status: 0 when every input was read, 1 when any input failed (printed on standard \
      error as `gongwen: PATH: code: message`), 64 for a usage error (an unknown --encoding \
      included), 74 for an I/O error on output (`parse -o FILE` cannot be opened, standard output \
      cannot be written: a full disk; batch's outputs on a full or failing disk).

      Every command takes -q/--quiet (no warnings, progress or summary on standard error; \
      errors are still printed) and -v/--verbose (a line per document on standard error: its \
      path and how many diagnostics it has, or what was done with it).

      Examples:
        gongwen parse --pretty Corpus/minutes/luoyang-2022-03-15-42.txt
        gongwen batch Corpus/minutes --output json --jobs 4
        echo '{"path": "Corpus/minutes/beilun-2022-05-26.txt"}' | gongwen stream > documents.jsonl
      """,
    version: DocumentParser.version,
    subcommands: [Parse.self, Batch.self, StreamCommand.self, Eval.self, Normalize.self, Tokens.self, Sections.self, Index.self, Query.self]
  )

  /// Runs the command; an input that fails prints `gongwen: PATH: reason` in every subcommand,
  /// the way parse and batch report their files, instead of argument-parser's `Error:`.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
      if let reason = Terminal.outputError {
        Terminal.error("\(Terminal.outputName): io-error: \(reason)")
        exit(withError: ExitCode(74))
      }
    } catch {
      // Usage errors (64) keep argument-parser's message and usage line.
      let message = message(for: error)
      if exitCode(for: error) == .failure, !message.isEmpty {
        Terminal.error(message)
        exit(withError: ExitCode.failure)
      }
      exit(withError: error)
    }
  }
}
