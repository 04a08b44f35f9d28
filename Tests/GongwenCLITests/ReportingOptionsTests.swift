import Foundation
import Testing

/// `-q/--quiet` and `-v/--verbose`, taken by every command.
@Suite("CLI: --quiet and --verbose")
struct ReportingOptionsTests {
  static let sample = "Corpus/minutes/beilun-2022-05-26.txt"

  @Test(arguments: ["parse", "normalize", "sections"])
  func verboseCountsTheDiagnostics(_ command: String) throws {
    let run = try CLITests.run([command, "--verbose", Self.sample])
    #expect(run.status == 0)
    #expect(run.stderr == "gongwen: \(Self.sample): 0 diagnostics (0 warnings)\n")
  }

  @Test func verboseCountsTokensStreamRequestsAndGoldFiles() throws {
    #expect(try CLITests.run(["tokens", "-v", Self.sample]).stderr == "gongwen: \(Self.sample): 262 tokens\n")
    let stream = try CLITests.run(["stream", "-v"], stdin: Data(#"{"text": "会议纪要"}"#.utf8 + [0x0A]))
    #expect(stream.stderr == "gongwen: <stdin>: 1 requests answered\n")
    #expect(try CLITests.run(["eval", "-v", "Corpus/minutes"]).stderr.hasPrefix("gongwen: Corpus/minutes: 20 gold files\n"))
  }

  @Test func quietDropsTheWarningsOfSections() throws {
    let input = Data("会议议定以下意见：\n一、关于整改\n三、关于储备\n".utf8)
    #expect(try CLITests.run(["sections", "-"], stdin: input).stderr.contains("section-number-skipped"))
    let quiet = try CLITests.run(["sections", "-q", "-"], stdin: input)
    #expect(quiet.status == 0)
    #expect(quiet.stderr == "")
  }

  @Test(arguments: ["parse", "batch", "stream", "eval", "normalize", "tokens", "sections"])
  func everyCommandDocumentsBoth(_ command: String) throws {
    let help = try CLITests.run([command, "--help"]).stdout
    #expect(help.contains("-q, --quiet"))
    #expect(help.contains("-v, --verbose"))
    #expect(try CLITests.run([command, "-q", "-v", "x"]).status == 64)
  }
}
