import Foundation
import GongwenModel
import Testing

/// `gongwen parse` and `gongwen stream` end to end.
@Suite("CLI: gongwen parse and stream")
struct ParseCommandTests {
  static let sample = "Corpus/gongwen/notice-wuhu-2021-06.txt"
  static let other = "Corpus/gongwen/reply-zunyi-2015-08.txt"

  @Test func oneFileIsOneJSONDocument() throws {
    let run = try CLITests.run(["parse", Self.sample])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("{\"schemaVersion\":1,"))
    #expect(run.stdout.filter { $0 == "\n" }.count == 1)
    _ = try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8))

    let pretty = try CLITests.run(["parse", "--pretty", Self.sample])
    #expect(pretty.stdout.hasPrefix("{\n  \"schemaVersion\": 1,\n"))
    #expect(try JSONDecoder().decode(Document.self, from: Data(pretty.stdout.utf8))
      == JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8)))
  }

  struct Wrapped: Decodable {
    var path: String
    var document: Document
  }

  @Test func severalFilesAreJSONLinesInOrderAndFailuresGoToStandardError() throws {
    let run = try CLITests.run(["parse", Self.sample, "no-such.txt", Self.other, "-"], stdin: Data("会议纪要\n".utf8))
    #expect(run.status == 1)
    let lines = run.stdout.split(separator: "\n").map { try? JSONDecoder().decode(Wrapped.self, from: Data($0.utf8)) }
    #expect(lines.map { $0?.path } == [Self.sample, Self.other, "-"])
    #expect(lines.last??.document.source?.length == 5)
    #expect(run.stderr == "gongwen: no-such.txt: unreadable-file: no such file or folder: no-such.txt\n")
  }

  @Test func formatJSONWithSeveralFilesIsOneArray() throws {
    for pretty in [false, true] {
      let run = try CLITests.run(["parse", "--format", "json", Self.sample, Self.other] + (pretty ? ["--pretty"] : []))
      #expect(run.status == 0)
      let array = try JSONDecoder().decode([Wrapped].self, from: Data(run.stdout.utf8))
      #expect(array.map(\.path) == [Self.sample, Self.other])
    }
  }

  @Test func standardInputIsReadWithTheSharedInputOptions() throws {
    let big5: [UInt8] = [0xB7, 0x7C, 0xC4, 0xB3, 0xAC, 0xF6, 0xAD, 0x6E]  // 會議紀要 in Big5
    let run = try CLITests.run(["parse", "--encoding", "big5", "-"], stdin: Data(big5))
    #expect(run.status == 0)
    let document = try JSONDecoder().decode(Document.self, from: Data(run.stdout.utf8))
    #expect(document.source?.encoding == "Big5")
    let tooLarge = try CLITests.run(["parse", "--max-size", "0", "-"], stdin: Data("会议".utf8))
    #expect(tooLarge.status == 1)
    #expect(tooLarge.stderr.contains("<stdin>: input-too-large"))
  }

  @Test func streamAnswersEveryLineInOrder() throws {
    var input = ""
    for index in 0..<300 {
      switch index % 4 {
      case 0: input += #"{"id": \#(index), "text": "会议纪要 \#(index)"}"# + "\n"
      case 1: input += #"{"id": "p\#(index)", "path": "\#(Self.sample)"}"# + "\n"
      case 2: input += "not json \(index)\n"
      default: input += "\n"
      }
    }
    let run = try CLITests.run(["stream", "--jobs", "2"], stdin: Data(input.utf8))
    #expect(run.status == 0)
    let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 300)
    for (index, line) in lines.enumerated() {
      let object = try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      switch index % 4 {
      case 0:
        #expect(object["id"] as? Int == index)
        #expect(object["document"] != nil)
      case 1:
        #expect(object["id"] as? String == "p\(index)")
        #expect(object["path"] as? String == Self.sample)
        #expect(object["document"] != nil)
      default:
        #expect(object["id"] is NSNull)
        #expect((object["error"] as? [String: String])?["code"] == "invalid-request")
      }
    }
  }
}
