import Foundation
import Testing

/// A write to standard output that fails (here /dev/full, a disk that is always full) is an I/O
/// error: `gongwen: -: io-error: …` on standard error and exit status 74, in every command that prints.
@Suite("CLI: I/O errors on standard output", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
struct OutputErrorTests {
  static let sample = "Corpus/minutes/luoyang-2022-03-15-42.txt"

  /// Runs `gongwen` with standard output on /dev/full; returns the exit status and standard error.
  static func runIntoFullDisk(_ arguments: [String], stdin: Data? = nil) throws -> (status: Int32, stderr: String) {
    let run = try CLITests.run(arguments, stdin: stdin, standardOutput: FileHandle(forWritingAtPath: "/dev/full"))
    return (run.status, run.stderr)
  }

  @Test(arguments: [
    ["parse", sample], ["parse", "--pretty", sample], ["parse", "--format", "jsonl", sample, sample],
    ["normalize", sample], ["tokens", sample], ["sections", sample], ["sections", "--blocks", sample],
  ])
  func aFullDiskIsExit74(_ arguments: [String]) throws {
    let run = try Self.runIntoFullDisk(arguments)
    #expect(run.status == 74)
    #expect(run.stderr == "gongwen: -: io-error: No space left on device\n")
  }

  @Test func streamIntoAFullDiskIsExit74() throws {
    let run = try Self.runIntoFullDisk(["stream"], stdin: Data(#"{"id": 1, "text": "会议纪要"}"#.utf8 + [0x0A]))
    #expect(run.status == 74)
    #expect(run.stderr == "gongwen: -: io-error: No space left on device\n")
  }

  @Test func parseNeverTruncatesItsInput() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-same-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("a.txt")
    try Data("会议纪要\n".utf8).write(to: input)
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.json", withDestinationPath: input.path)
    let run = try CLITests.run(["parse", input.path, "-o", folder.path + "/link.json"])
    #expect(run.status == 64)
    #expect(run.stderr.contains("is the input " + input.path))
    #expect(try Data(contentsOf: input) == Data("会议纪要\n".utf8))
  }

  @Test func parseIntoAFullFileNamesTheFile() throws {
    let run = try CLITests.run(["parse", Self.sample, "-o", "/dev/full"])
    #expect(run.status == 74)
    #expect(run.stderr == "gongwen: /dev/full: io-error: No space left on device\n")
  }

  /// A batch into a disk that fills up stops at the first output that does not fit, names it,
  /// prints its summary and exits with 74. Needs a small tmpfs, so root (skipped otherwise).
  @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
  func aBatchIntoAFullDiskStopsWithExit74() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-full-\(UUID().uuidString)")
    let disk = root.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let mount = try CLITests.run(
      ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path], executable: URL(fileURLWithPath: "/bin/mount"))
    guard mount.status == 0 else { return }  // a container without the right to mount
    defer { _ = try? CLITests.run([disk.path], executable: URL(fileURLWithPath: "/bin/umount")) }
    let input = root.appendingPathComponent("in")
    try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
    let text = try Data(contentsOf: CLITests.packageRoot.appendingPathComponent(Self.sample))
    for index in 0..<40 { try text.write(to: input.appendingPathComponent(String(format: "%02d.txt", index))) }
    let run = try CLITests.run(["batch", input.path, "--output", disk.path + "/out", "--jobs", "1", "--pretty"])
    #expect(run.status == 74)
    #expect(run.stderr.contains(" inputs: "))
    #expect(run.stderr.contains(": io-error: cannot write " + disk.path + "/out/"))
    #expect(run.stderr.contains("No space left on device; the batch stopped there"))
  }
}
