import Foundation
import Testing

@testable import Gongwen

@Suite("Batch: parsing and converting many files")
struct BatchConverterTests {
  static let minutes = "市政府第9次常务会议纪要\n\n会议议定：\n一、原则同意。\n"

  /// Good files in two folders plus an empty, a binary and an undecodable one.
  func archive() throws -> TemporaryFolder {
    let folder = try TemporaryFolder()
    try folder.write("in/2020/a.txt", text: Self.minutes)
    try folder.write("in/2021/b.txt", text: Self.minutes)
    try folder.write("in/2021/c.txt", Array("会议纪要".utf8).dropLast())
    try folder.write("in/bad/empty.txt", [])
    try folder.write("in/bad/binary.txt", (0..<512).map { UInt8($0 % 7 == 0 ? 0 : $0 % 256) })
    try folder.write("in/bad/high.txt", (0..<512).map { UInt8(0x80 + ($0 * 37) % 128) } + [0xFF, 0x80])
    return folder
  }

  @Test func everyInputHasOneResultAndFailuresAreTyped() async throws {
    let folder = try archive()
    var outcomes: [String: Result<Document, InputError>] = [:]
    for await result in BatchParser(jobs: 2).results(forPaths: [folder.path + "/in"]) {
      #expect(outcomes[result.file.relativePath] == nil)
      outcomes[result.file.relativePath] = result.outcome
    }
    #expect(outcomes.count == 6)
    #expect(outcomes["2020/a.txt"].flatMap { try? $0.get() }?.source?.encoding == "UTF-8")
    let codes = outcomes.compactMapValues { outcome -> InputError.Code? in
      if case .failure(let error) = outcome { return error.code }
      return nil
    }
    #expect(codes == ["bad/empty.txt": .empty, "bad/binary.txt": .binary, "bad/high.txt": .undecodable])
  }

  @Test func aTruncatedLastCharacterIsReadWithADiagnostic() throws {
    let folder = try archive()
    let result = BatchParser().parse(InputFile(path: folder.path + "/in/2021/c.txt"))
    #expect(result.document != nil)
    #expect(result.inputDiagnostics.map(\.code) == ["truncated-input"])
    #expect(result.byteCount == 11)
  }

  @Test func inputsAboveTheSizeLimitFailClearly() throws {
    let folder = try archive()
    let parser = DocumentParser(configuration: .init(decoding: .init(maximumByteCount: 10)))
    let result = BatchParser(parser: parser).parse(InputFile(path: folder.path + "/in/2020/a.txt"))
    #expect(result.error?.code == .tooLarge)
    #expect(result.error?.message.contains("more than the limit of 10") == true)
  }

  @Test func outputsMirrorTheInputTree() throws {
    let converter = BatchConverter(outputDirectory: URL(fileURLWithPath: "/out"))
    let file = InputFile(
      location: .file(URL(fileURLWithPath: "/in/2021/minutes.v2.txt")), path: "/in/2021/minutes.v2.txt",
      relativePath: "2021/minutes.v2.txt")
    #expect(converter.outputURL(for: file).path == "/out/2021/minutes.v2.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/.profile")).path == "/out/.profile.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/README")).path == "/out/README.json")
    // Other formats keep their extension, so a.txt and a.pdf beside it do not share an output.
    #expect(converter.outputURL(for: InputFile(path: "/in/a.pdf")).path == "/out/a.pdf.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/a.docx")).path == "/out/a.docx.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/a.TXT")).path == "/out/a.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/会议纪要.Text")).path == "/out/会议纪要.json")
    #expect(converter.outputURL(for: InputFile(path: "/in/a.texts")).path == "/out/a.texts.json")
    let nested = InputFile(location: .file(URL(fileURLWithPath: "/in/v1.5/a")), path: "/in/v1.5/a", relativePath: "v1.5/a")
    #expect(converter.outputURL(for: nested).path == "/out/v1.5/a.json")
  }

  @Test func theDefaultWalkTakesEveryFormat() throws {
    let folder = Corpus.project.appendingPathComponent("formats").path
    let names = FileWalker(paths: [folder], extensions: SourceFormat.defaultExtensions).map { $0.relativePath }.sorted()
    #expect(names == [
      "beilun-2022-05-26.docx", "beilun-2022-05-26.html", "beilun-2022-05-26.ofd", "beilun-2022-05-26.pdf",
      "quanzhou-2022-09-06.docx", "quanzhou-2022-09-06.pdf", "scan-without-text.pdf", "truncated.docx", "truncated.ofd",
    ])
    let results = names.map { BatchParser().parse(InputFile(path: folder + "/" + $0)) }
    let failures = results.compactMap { result -> String? in
      if case .failure(let error) = result.outcome { return error.code.rawValue } else { return nil }
    }
    #expect(failures == ["no-text-layer", "corrupt-document", "corrupt-document"])
  }

  func convert(_ folder: TemporaryFolder, resume: Bool) async -> BatchReport {
    let converter = BatchConverter(outputDirectory: folder.url.appendingPathComponent("out"), jobs: 2, resume: resume)
    var report = BatchReport(inputs: ["in"], outputDirectory: "out", jobs: 2)
    for await conversion in converter.conversions(for: FileWalker(paths: [folder.path + "/in"])) {
      report.record(conversion)
    }
    report.finish()
    return report
  }

  @Test func aConversionWritesValidJSONAndReportsEveryFailure() async throws {
    let folder = try archive()
    let report = await convert(folder, resume: false)
    #expect(report.total == 6)
    #expect(report.converted == 3)
    #expect(report.failed == 3)
    #expect(Set(report.failures.map(\.code)) == ["empty-input", "binary-content", "undecodable"])
    #expect(report.failures.allSatisfy { $0.path.hasPrefix(folder.path + "/in/bad/") && !$0.reason.isEmpty })
    #expect(report.damaged.map(\.code) == ["truncated-input"])
    #expect(folder.files().filter { $0.hasPrefix("out/") } == ["out/2020/a.json", "out/2021/b.json", "out/2021/c.json", "out/gongwen-manifest.jsonl"])
    let json = try Data(contentsOf: folder.url.appendingPathComponent("out/2020/a.json"))
    let document = try JSONDecoder().decode(Document.self, from: json)
    #expect(document.source?.length == Self.minutes.unicodeScalars.count)
  }

  @Test func resumingSkipsUpToDateOutputsAndRedoesChangedInputs() async throws {
    let folder = try archive()
    _ = await convert(folder, resume: false)
    let again = await convert(folder, resume: true)
    #expect(again.converted == 0)
    #expect(again.skipped == 3)
    #expect(again.failed == 3)
    // The input changed after its output was written.
    let stale = folder.url.appendingPathComponent("out/2020/a.json")
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-3600)], ofItemAtPath: stale.path)
    let third = await convert(folder, resume: true)
    #expect(third.converted == 1)
    #expect(third.skipped == 2)
    // An empty output (what a power cut can leave of an unsynchronised one) counts as missing.
    try Data().write(to: folder.url.appendingPathComponent("out/2021/b.json"))
    let fourth = await convert(folder, resume: true)
    #expect(fourth.converted == 1)
    #expect(fourth.skipped == 2)
  }

  @Test func staleTemporaryFilesAreSweptFreshOnesKept() throws {
    let folder = try TemporaryFolder()
    let stale = try folder.write("out/2021/.a.json.gongwen-tmp.1.2", text: "{")
    let fresh = try folder.write("out/.b.json.gongwen-tmp.3.4", text: "{")
    try folder.write("out/c.json", text: "{}")
    try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-600)], ofItemAtPath: stale)
    let converter = BatchConverter(outputDirectory: folder.url.appendingPathComponent("out"))
    #expect(converter.removeStaleTemporaryFiles(olderThan: Date().addingTimeInterval(-60)) == 1)
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(FileManager.default.fileExists(atPath: fresh))
  }

  @Test func atomicWritesLeaveNoTemporaryFile() throws {
    let folder = try TemporaryFolder()
    let target = folder.url.appendingPathComponent("deep/er/x.json")
    try AtomicFile.write(Array("{\"a\":1}".utf8), to: target)
    try AtomicFile.write(Array("{\"a\":2}".utf8), to: target)
    #expect(folder.files() == ["deep/er/x.json"])
    #expect(try String(contentsOf: target, encoding: .utf8) == "{\"a\":2}")
  }

  @Test func theReportWritesItsStartAsTheISO8601FormatterDoes() {
    let formatter = ISO8601DateFormatter()
    for seconds in [0, 59.999, 1_611_390_600.5, 1_796_400_000, 4_102_444_799] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(BatchReport.timestamp(date) == formatter.string(from: date))
    }
  }

  @Test func theReportRoundTripsAndSummarises() throws {
    var report = BatchReport(inputs: ["in"], outputDirectory: "out", jobs: 2, startedAt: Date(timeIntervalSince1970: 0))
    let file = InputFile(path: "in/x.txt")
    report.record(BatchConversion(file: file, outcome: .converted(output: URL(fileURLWithPath: "out/x.json")), byteCount: 2_000_000))
    report.record(BatchConversion(file: file, outcome: .skipped(output: URL(fileURLWithPath: "out/x.json")), byteCount: 0))
    report.record(
      BatchConversion(file: InputFile(path: "in/y.txt"), outcome: .failed(BatchFailure(code: "empty-input", reason: "the input is empty")), byteCount: 0))
    report.finish(at: Date(timeIntervalSince1970: 2))
    #expect(report.startedAt == "1970-01-01T00:00:00Z")
    #expect(report.documentsPerSecond == 0.5)
    #expect(report.megabytesPerSecond == 1)
    #expect(report.summary == """
      3 inputs: 1 converted, 1 skipped, 1 failed in 2.00 s (0.5 documents/s, 1.00 MB/s)
      failed:
        in/y.txt: empty-input: the input is empty
      """)
    let decoded = try JSONDecoder().decode(BatchReport.self, from: Data(report.jsonString().utf8))
    #expect(decoded == report)
    #expect(report.jsonString().hasPrefix("{\n  \"schemaVersion\": 1,\n  \"inputs\": ["))
  }
}
