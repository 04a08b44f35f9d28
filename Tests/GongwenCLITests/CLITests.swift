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

  static func run(_ arguments: [String], stdin: Data? = nil, executable: URL? = nil) throws -> Run {
    let process = Process()
    process.executableURL = executable ?? binary
    process.arguments = arguments
    process.currentDirectoryURL = packageRoot
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    if stdin != nil { process.standardInput = input }
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(stdin)
      try input.fileHandleForWriting.close()
    }
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

  @Test func aMissingFileNamesTheFileAndFails() throws {
    let run = try Self.run(["normalize", "no-such-file.txt"])
    #expect(run.status == 1)
    #expect(run.stderr.contains("no-such-file.txt"))
  }
}
