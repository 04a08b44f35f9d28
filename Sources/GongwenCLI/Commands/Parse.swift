import ArgumentParser
import Foundation
import Gongwen

struct Parse: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Parse documents and print their JSON.",
    discussion: """
      One file prints its document as JSON. Several files (or, with --recursive, a folder walked \
      for .txt files) \
      print JSON Lines: one line per document, {"path": FILE, "document": {…}}, in the order \
      the files were given; with --format json they print one JSON array of those objects \
      instead. A file that cannot be read is named on standard error with the reason, the \
      others are still printed, and the exit status is 1.

      Examples:
        gongwen parse --pretty Corpus/minutes/luoyang-2022-03-15-42.txt
        gongwen parse --format jsonl Corpus/minutes/*.txt > minutes.jsonl
        gongwen parse --recursive Corpus/gongwen > gongwen.jsonl
        iconv -f utf-8 -t gbk Corpus/minutes/beilun-2022-05-26.txt | gongwen parse --encoding gbk --simplified -
        pdftotext -layout Corpus/formats/beilun-2022-05-26.pdf - | gongwen parse -
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl
  }

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Option(help: "json or jsonl (default: json for one file or with --pretty, jsonl for several).")
  var format: Format?

  @Flag(help: "Indent JSON output (not with jsonl).")
  var pretty = false

  @Option(name: [.short, .long], help: "How many documents to parse at once.")
  var jobs: Int = BatchParser.defaultJobs

  @Option(name: [.short, .long], help: ArgumentHelp("Write the JSON to this file instead of standard output.", valueName: "file"))
  var output: String?

  @Flag(name: [.short, .long], help: "Read the .txt files under the folders given, at every depth.")
  var recursive = false

  @Argument(help: ArgumentHelp("The documents to read; - reads standard input.", valueName: "file"))
  var files: [String]

  func validate() throws {
    guard !files.isEmpty else { throw ValidationError("Name at least one file (- for standard input).") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    guard !(pretty && format == .jsonl) else { throw ValidationError("--pretty does not go with --format jsonl.") }
    if let output, let input = files.first(where: { FileKindProbe.isSameFile($0, output) }) {
      throw ValidationError("-o \(output) is the input \(input); it would be emptied before it is read.")
    }
    if !recursive, let folder = files.first(where: { !FileKindProbe.isFile($0) }) {
      throw ValidationError("\(folder) is a folder; give --recursive to parse the .txt files under it.")
    }
  }

  func run() async throws {
    if let output {
      let descriptor = open(output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
      guard descriptor >= 0, dup2(descriptor, STDOUT_FILENO) >= 0 else {
        Terminal.error("\(output): unwritable-output: \(String(cString: strerror(errno)))")
        throw ExitCode(74)
      }
      close(descriptor)
      Terminal.outputName = output
    }
    let single = files.count == 1 && FileKindProbe.isFile(files[0])
    var output = DocumentOutput(format: format ?? (single || pretty ? .json : .jsonl), pretty: pretty, single: single)
    let batch = BatchParser(parser: input.parser, jobs: jobs, order: .input)
    var failed = false
    var count = 0
    for await result in batch.results(for: FileWalker(paths: files)) {
      count += 1
      switch result.outcome {
      case .success(let document):
        output.write(document, path: result.file.path)
        reporting.noteDiagnostics(document.diagnostics, of: result.file.path)
      case .failure(let error):
        failed = true
        Terminal.error("\(result.file.path == "-" ? "<stdin>" : result.file.path): \(error)")
      }
    }
    output.finish()
    if count == 0 {
      Terminal.error("\(files.joined(separator: ", ")): no-input: no .txt file found")
      failed = true
    }
    if failed { throw ExitCode.failure }
  }
}

/// Whether a command-line path names one document (a file or standard input), not a folder.
enum FileKindProbe {
  /// Whether two paths name one existing file (device and inode), so that `-o` never truncates
  /// an input.
  static func isSameFile(_ first: String, _ second: String) -> Bool {
    var a = stat()
    var b = stat()
    guard first != "-", stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
    return a.st_dev == b.st_dev && a.st_ino == b.st_ino
  }

  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return path == "-" || !(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
  }
}

/// Writes parsed documents in the chosen format as they come.
struct DocumentOutput {
  let format: Parse.Format
  let pretty: Bool
  /// One document: printed bare, not wrapped with its path.
  let single: Bool
  private var count = 0

  init(format: Parse.Format, pretty: Bool, single: Bool) {
    self.format = format
    self.pretty = pretty
    self.single = single
  }

  mutating func write(_ document: Document, path: String) {
    defer { count += 1 }
    if single {
      Terminal.write(document.jsonString(prettyPrinted: pretty && format == .json) + "\n")
      return
    }
    let envelope = DocumentEnvelope([("path", .string(path))], document: document)
    switch format {
    case .jsonl:
      Terminal.write(String(decoding: envelope.jsonBytes(prettyPrinted: false), as: UTF8.self) + "\n")
    case .json:
      let item = String(decoding: envelope.jsonBytes(prettyPrinted: pretty), as: UTF8.self)
      let indented = pretty ? "  " + item.replacingOccurrences(of: "\n", with: "\n  ") : item
      Terminal.write((count == 0 ? "[" : ",") + (pretty ? "\n" : "") + indented)
    }
  }

  func finish() {
    guard !single, format == .json else { return }
    Terminal.write(count == 0 ? "[]\n" : (pretty ? "\n]\n" : "]\n"))
  }
}
