import ArgumentParser
import Foundation
import Gongwen

struct StreamCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stream",
    abstract: "Parse JSON Lines requests from standard input, answer each on standard output.",
    discussion: """
      Each input line is a request: {"id": ID, "text": "…"} with the document's text, or \
      {"path": "file.txt"} (with an optional "id") naming a file to read below --root (the \
      working folder by default; a path that leads out of it through .., an absolute path or \
      a symbolic link is answered path-outside-root). Each request gets exactly one output \
      line, in input order, even a blank or malformed one:

        {"id": ID, "document": {…}}                         the parsed document
        {"id": ID, "path": "file.txt", "document": {…}}     for a path request
        {"id": ID, "error": {"code": "…", "message": "…"}}  when it cannot be parsed

      "id" is echoed exactly as written (any JSON value: big integers are not rounded), even \
      when the rest of the request is wrong, and is null when the request had none. A line \
      longer than twice --max-size is answered input-too-large without being kept in memory; \
      a line that is not UTF-8 is answered undecodable, or with --replace-invalid parsed with \
      U+FFFD and a replaced-invalid-bytes diagnostic. Line N \
      of the output answers line N of the input, so the command works as a stage under \
      Spark's RDD.pipe, Hadoop Streaming or GNU parallel --pipe. Errors are answered in-band; \
      the exit status is 0 unless the command is misused (64) or standard output cannot be \
      written (74). --verbose ends with the number of requests answered, on standard error.

      Examples:
        echo '{"id": 1, "text": "会议纪要……"}' | gongwen stream
        ls Corpus/minutes/*.txt | jq -R -c '{id: ., path: .}' | gongwen stream > docs.jsonl
        ls Corpus/minutes/*.txt | jq -R -c '{path: .}' | parallel --pipe --keep-order gongwen stream -j 1 > out.jsonl
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Option(name: [.short, .long], help: "How many documents to parse at once (default: the number of cores).")
  var jobs: Int = BatchParser.defaultJobs

  @Option(help: ArgumentHelp("The folder \"path\" requests are read from and confined to (default: the working folder).", valueName: "dir"))
  var root: String?

  func validate() throws {
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    if let root, FileManager.default.fileExists(atPath: root + "/.") == false {
      throw ValidationError("--root \(root): no such folder.")
    }
  }

  func run() async throws {
    let stream = DocumentStream(parser: input.parser, jobs: jobs, root: root ?? FileManager.default.currentDirectoryPath)
    var answered = 0
    for await line in stream.responses(to: LineReader(maximumLineLength: stream.maximumLineLength)) {
      Terminal.write(line + "\n")
      answered += 1
    }
    reporting.note("<stdin>: \(answered) requests answered")
  }
}
