import Foundation
import Testing

/// `gongwen stream` end to end: memory bounded by --max-size however long a line, invalid
/// UTF-8 reported, ids echoed as written, path requests confined to --root.
@Suite("CLI: stream safety")
struct StreamSafetyTests {
  /// The peak resident memory of a running process, in kB (Linux).
  static func peakResidentKilobytes(_ pid: Int32) -> Int? {
    guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
    let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
    return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
  }

  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
  func aHundredMegabyteLineIsRefusedWithoutBeingKept() throws {
    let process = Process()
    process.executableURL = CLITests.binary
    process.arguments = ["stream", "--max-size", "1", "--jobs", "1"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
    input.fileHandleForWriting.write(Data(#"{"id": 12345678901234567890, "text": ""#.utf8))
    for _ in 0..<100 { input.fileHandleForWriting.write(chunk) }
    input.fileHandleForWriting.write(Data("\"}\n".utf8))
    // Read the answer while the process still runs, then its peak memory.
    var answer = Data()
    while !answer.contains(0x0A) {
      let more = output.fileHandleForReading.availableData
      if more.isEmpty { break }
      answer.append(more)
    }
    let peak = Self.peakResidentKilobytes(process.processIdentifier)
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(
      String(decoding: answer, as: UTF8.self)
        == #"{"id":12345678901234567890,"error":{"code":"input-too-large","message":"the request line has 104857640 bytes, more than the limit of 2065536 (twice the size limit)"}}"# + "\n")
    #expect((peak ?? .max) < 80_000, "peak resident memory \(peak ?? -1) kB")
  }

  @Test func pathRequestsAreConfinedToTheRoot() throws {
    let requests = [
      #"{"id": 1, "path": "Corpus/minutes/luoyang-2022-03-15-42.txt"}"#, #"{"id": 2, "path": "/etc/hostname"}"#,
      #"{"id": 3, "path": "../../../../root/.bashrc"}"#, #"{"id": "4", "path": "minutes/luoyang-2022-03-15-42.txt"}"#,
    ]
    let stdin = Data((requests.joined(separator: "\n") + "\n").utf8)
    let here = try CLITests.run(["stream"], stdin: stdin)
    let answers = here.stdout.split(separator: "\n").map(String.init)
    #expect(answers.count == 4)
    #expect(answers[0].hasPrefix(#"{"id":1,"path":"Corpus/minutes/luoyang-2022-03-15-42.txt","document":"#))
    #expect(answers[1].hasPrefix(#"{"id":2,"path":"/etc/hostname","error":{"code":"path-outside-root""#))
    #expect(answers[2].hasPrefix(#"{"id":3,"path":"../../../../root/.bashrc","error":{"code":"path-outside-root""#))
    #expect(answers[3].hasPrefix(#"{"id":"4","path":"minutes/luoyang-2022-03-15-42.txt","error":{"code":"unreadable-file""#))
    let below = try CLITests.run(["stream", "--root", "Corpus"], stdin: stdin)
    let confined = below.stdout.split(separator: "\n").map(String.init)
    #expect(confined[0].contains(#""error":{"code":"unreadable-file""#))
    #expect(confined[3].hasPrefix(#"{"id":"4","path":"minutes/luoyang-2022-03-15-42.txt","document":"#))
    #expect(try CLITests.run(["stream", "--root", "no-such-folder"]).status == 64)
  }

  @Test func invalidUTF8IsReported() throws {
    let line = Data(#"{"id": 1, "text": "会议"#.utf8) + Data([0xC3, 0x28]) + Data("\"}\n".utf8)
    let refused = try CLITests.run(["stream"], stdin: line)
    #expect(refused.stdout.hasPrefix(#"{"id":1,"error":{"code":"undecodable""#))
    let replaced = try CLITests.run(["stream", "--replace-invalid"], stdin: line)
    #expect(replaced.stdout.hasPrefix(#"{"id":1,"document":"#))
    #expect(replaced.stdout.contains(#""code":"replaced-invalid-bytes""#))
  }
}
