import Foundation
import Testing

/// Every line of every `Examples:` block in `--help` runs from the package root and exits 0, so
/// the help never shows a command that does not work. Outputs (`> file`, `--output folder`) go
/// to a temporary folder; a line that needs a program not installed here (jq, parallel,
/// pdftotext) or the shared corpus when it is absent is skipped.
@Suite("CLI: the examples in --help")
struct HelpExampleTests {
  static let commands = [
    [], ["parse"], ["batch"], ["stream"], ["eval"], ["normalize"], ["tokens"], ["sections"], ["index"], ["query"],
  ]

  /// The example lines of `gongwen COMMAND --help`: the indented lines after `Examples:`, each
  /// joined with the unindented lines the help's wrapping at 80 columns cut from it.
  static func examples(of command: [String]) throws -> [String] {
    let help = try CLITests.run(command + ["--help"]).stdout
    let lines = help.components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Examples:" }) else { return [] }
    var examples: [String] = []
    for line in lines[(start + 1)...].prefix(while: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
      if line.hasPrefix(" ") || examples.isEmpty {
        examples.append(line.trimmingCharacters(in: .whitespaces))
      } else {
        examples[examples.count - 1] += " " + line
      }
    }
    return examples
  }

  /// `line` with the files it writes (an archive `NAME.sqlite` too) moved into `folder`.
  static func redirected(_ line: String, into folder: String) -> String {
    line.replacingOccurrences(of: #"> (\S+)"#, with: "> \(folder)/$1", options: .regularExpression)
      .replacingOccurrences(of: #"(^| )([^ /]+\.sqlite)( |$)"#, with: "$1\(folder)/$2$3", options: .regularExpression)
      .replacingOccurrences(
        of: #"--(output|jsonl|summary) (\S+)"#, with: "--$1 \(folder)/$2", options: .regularExpression)
  }

  static func isInstalled(_ program: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
  }

  static func isRunnable(_ line: String) -> Bool {
    let programs = line.split(separator: "|").compactMap { $0.split(separator: " ").first.map(String.init) }
    let sharedCorpus = CLITests.packageRoot.appendingPathComponent("../shared/corpus/dev").path
    return programs.allSatisfy { $0 == "gongwen" || $0 == "echo" || $0 == "ls" || $0 == "cat" || isInstalled($0) }
      && (!line.contains("../shared") || FileManager.default.fileExists(atPath: sharedCorpus))
  }

  /// The query examples find what they say: after the index line, every question has rows.
  @Test func queryExamplesAnswer() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let lines = try Self.examples(of: ["query"]).map { Self.redirected($0, into: folder.path) }
    #expect(lines.first?.hasPrefix("gongwen index ") == true)
    for line in lines {
      let arguments = Array(line.split(separator: " ").map(String.init).dropFirst())
      let run = try CLITests.run(arguments.first == "query" && !arguments.contains("--json") && !arguments.contains("--csv") ? arguments + ["--csv"] : arguments)
      #expect(run.status == 0, "\(line): \(run.stderr)")
      if arguments.first == "query" {
        let rows = run.stdout.split(whereSeparator: \.isNewline).filter { $0 != "[" && $0 != "]" }
        #expect(rows.count > 1, "\(line)")
      }
    }
  }

  @Test func everyCommandHasExamples() throws {
    for command in Self.commands {
      #expect(try !Self.examples(of: command).isEmpty, "\(command)")
    }
  }

  @Test(arguments: commands)
  func everyExampleRuns(_ command: [String]) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-examples-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = CLITests.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    for line in try Self.examples(of: command) where Self.isRunnable(line) {
      let run = try CLITests.run(
        ["-c", "set -e; export PATH='\(path)'; " + Self.redirected(line, into: folder.path)],
        executable: URL(fileURLWithPath: "/bin/sh"))
      #expect(run.status == 0, "\(line): \(run.stderr)")
    }
  }
}
