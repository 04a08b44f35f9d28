import Foundation
import Testing

/// Runs the built `gongwen` binary end to end.
@Suite("CLI: the gongwen command")
struct CLITests {
  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static var binary: URL {
    // The test bundle sits next to the products it was built with.
    let products = Bundle.allBundles.map(\.bundleURL).first { $0.pathExtension == "xctest" }?
      .deletingLastPathComponent() ?? packageRoot.appendingPathComponent(".build/debug")
    return products.appendingPathComponent("gongwen")
  }

  struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  /// Runs `gongwen` from the package root; with `standardOutput`, its output goes to that file
  /// (`/dev/full`) and `stdout` is empty.
  static func run(
    _ arguments: [String], stdin: Data? = nil, executable: URL? = nil, standardOutput: FileHandle? = nil
  ) throws -> Run {
    let process = Process()
    process.executableURL = executable ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = standardOutput ?? out
    process.standardError = err
    let input = Pipe()
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(stdin)
      try input.fileHandleForWriting.close()
    }
    if standardOutput != nil { try out.fileHandleForWriting.close() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  @Test func normalizeReadsStandardInput() throws {
    let run = try Self.run(["normalize", "-"], stdin: Data("2021 年 1 月 23 日上午\n".utf8))
    #expect(run.status == 0)
    #expect(run.stdout == "2021年1月23日上午\n")
  }

  @Test func sectionsPrintsAnIndentedOutline() throws {
    let input = "会议议定以下意见：\n一、关于整改\n（一）原则同意。\n三、关于储备\n出席：李亚平\n"
    let run = try Self.run(["sections", "-"], stdin: Data(input.utf8))
    #expect(run.status == 0)
    #expect(run.stdout == "一、 关于整改\n  （一） 原则同意。\n三、 关于储备\n")
    #expect(run.stderr.contains("section-number-skipped"))
  }

  @Test func sectionsPrintsTheBlocks() throws {
    let input = "会议议定以下意见：\n一、关于整改\n出席：李亚平\n"
    let run = try Self.run(["sections", "--blocks", "-"], stdin: Data(input.utf8))
    #expect(run.stdout == "front\t会议议定以下意见：\nheading 0\t一、关于整改\nlabel present\t出席：李亚平\n")
  }

  @Test func aMissingFileNamesTheFileAndFails() throws {
    let run = try Self.run(["normalize", "no-such-file.txt"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no-such-file.txt"))
  }

  @Test func tokensPrintsKindsAndDetails() throws {
    let run = try Self.run(["tokens", "-"], stdin: Data("李亚平市长主持召开市政府第126次常务会议\n市发改委凌鸣\n".utf8))
    #expect(run.status == 0)
    #expect(run.stderr == "")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "0..3\tpersonName\t李亚平\tscore 0.95")
    #expect(lines.contains("9..12\torganization\t市政府"))
    #expect(lines.contains("12..17\tnumber\t第126次\tordinal 126"))
    #expect(lines.contains("22..26\torganization\t市发改委\t= 市发展和改革委员会"))
  }

  @Test func tokensCanShowOnlySomeKinds() throws {
    let run = try Self.run(["tokens", "--only", "organization", "-"], stdin: Data("由市应急局牵头，市财政局配合\n".utf8))
    #expect(run.stdout == "1..5\torganization\t市应急局\t= 市应急管理局\n8..12\torganization\t市财政局\n")
  }

  @Test func aBinaryCopiedAwayFromItsBuildFolderParsesTheSame() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("gongwen")
    try FileManager.default.copyItem(at: Self.binary, to: copy)
    let text = Data("市发改委\n".utf8)
    let here = try Self.run(["tokens", "-"], stdin: text)
    let away = try Self.run(["tokens", "-"], stdin: text, executable: copy)
    #expect(away.status == 0)
    #expect(away.stderr.isEmpty)
    #expect(away.stdout == here.stdout)
    #expect(away.stdout.contains("= 市发展和改革委员会"))

    // Every corpus document (the shared corpus too, when present) gives the same bytes.
    var inputs = ["Corpus"]
    let shared = Self.packageRoot.appendingPathComponent("../shared/corpus/dev")
    if FileManager.default.fileExists(atPath: shared.path) { inputs.append(shared.path) }
    let builtOutput = folder.appendingPathComponent("built")
    let copiedOutput = folder.appendingPathComponent("copied")
    _ = try Self.run(["batch"] + inputs + ["--output", builtOutput.path, "--quiet"])
    _ = try Self.run(["batch"] + inputs + ["--output", copiedOutput.path, "--quiet"], executable: copy)
    let outputs = try #require(FileManager.default.enumerator(atPath: builtOutput.path)).compactMap { $0 as? String }
      .filter { $0.hasSuffix(".json") && !$0.hasSuffix("gongwen-report.json") }
    #expect(outputs.count > 100)
    for output in outputs {
      let built = try Data(contentsOf: builtOutput.appendingPathComponent(output))
      let copied = try? Data(contentsOf: copiedOutput.appendingPathComponent(output))
      #expect(copied == built, "\(output)")
    }
  }

  @Test(arguments: ["parse", "normalize", "tokens", "sections"])
  func anUnknownEncodingIsAUsageError(subcommand: String) throws {
    let run = try Self.run([subcommand, "--encoding", "foo", "-"], stdin: Data("通知\n".utf8))
    #expect(run.status == 64)
    #expect(run.stderr.contains("--encoding foo: no such encoding"))
  }

  @Test(arguments: ["parse", "normalize", "tokens", "sections"])
  func everySubcommandReportsAFailedInputTheSameWay(subcommand: String) throws {
    let run = try Self.run([subcommand, "/nonexistent/minutes.txt"])
    #expect(run.status == 1)
    #expect(run.stderr.hasPrefix("gongwen: /nonexistent/minutes.txt: unreadable-file: no such file"))
    #expect(run.stderr.filter { $0 == "\n" }.count == 1)
  }

  @Test func pipesAndDevicesAreRead() throws {
    // The test's stdin pipe is a FIFO: /dev/stdin names it.
    let piped = try Self.run(["normalize", "/dev/stdin"], stdin: Data("2021 年 1 月 23 日\n".utf8))
    #expect(piped.status == 0)
    #expect(piped.stdout == "2021年1月23日\n")
    let empty = try Self.run(["parse", "/dev/null"])
    #expect(empty.status == 1)
    #expect(empty.stderr == "gongwen: /dev/null: empty-input: the input is empty\n")
  }

  @Test func aFolderIsParsedOnlyWithRecursive() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = try Self.run(["parse", folder.path])
    #expect(plain.status == 64)
    #expect(plain.stderr.contains("is a folder; give --recursive"))
    let empty = try Self.run(["parse", "--recursive", folder.path])
    #expect(empty.status == 1)
    #expect(empty.stderr == "gongwen: \(folder.path): no-input: no .txt file found\n")
    try Data("关于做好防汛工作的通知\n".utf8).write(to: folder.appendingPathComponent("a.txt"))
    let one = try Self.run(["parse", "-r", folder.path])
    #expect(one.status == 0)
    #expect(one.stdout.hasPrefix("{\"path\":"))
  }

  @Test func aLexiconFileAsTheReadmeDescribesItLoadsInEverySubcommand() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("mine.txt")
    try Data("[organization]\n市大数据局 = 市大数据管理局\n[person]\n仝建国\n[label]\n与会领导 = present\n".utf8).write(to: file)
    let tokens = try Self.run(["tokens", "--lexicon", file.path, "-"], stdin: Data("市大数据局\n".utf8))
    #expect(tokens.stdout == "0..5\torganization\t市大数据局\t= 市大数据管理局\n")
    for subcommand in ["parse", "normalize", "sections"] {
      #expect(try Self.run([subcommand, "--lexicon", file.path, "-"], stdin: Data("通知\n".utf8)).status == 0)
    }
    let empty = folder.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let run = try Self.run(["parse", "--lexicon", empty.path, "-"], stdin: Data("通知\n".utf8))
    #expect(run.status == 1)
    #expect(run.stderr == "gongwen: \(empty.path): invalid-lexicon: the file holds no entries\n")
  }

  @Test func parseWritesToTheFileOfOutput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("out.json")
    let written = try Self.run(["parse", "-o", file.path, "-"], stdin: Data("关于做好防汛工作的通知\n".utf8))
    let printed = try Self.run(["parse", "-"], stdin: Data("关于做好防汛工作的通知\n".utf8))
    #expect(written.status == 0)
    #expect(written.stdout.isEmpty)
    #expect(try String(contentsOf: file, encoding: .utf8) == printed.stdout)
    let unwritable = try Self.run(["parse", "-o", folder.appendingPathComponent("no/out.json").path, "-"], stdin: Data("通知\n".utf8))
    #expect(unwritable.status == 74)
  }
}
