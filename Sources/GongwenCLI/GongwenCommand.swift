import ArgumentParser
import Gongwen

/// `gongwen`: the command-line face of the Gongwen library.
@main
struct GongwenCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gongwen",
    abstract: "Read Chinese government documents (公文), meeting minutes first, into JSON.",
    discussion: """
      Exit status: 0 when every input was read, 1 when any input failed (the reason is \
      printed on standard error), 64 for a usage error.

      Examples:
        gongwen parse --pretty minutes.txt
        gongwen batch archive --output json --jobs 4
        gongwen stream < requests.jsonl > documents.jsonl
      """,
    version: "0.1.0",
    subcommands: [Parse.self, Batch.self, StreamCommand.self, Eval.self, Normalize.self, Tokens.self, Sections.self]
  )
}
