import Foundation
import Testing

@testable import Gongwen

@Suite("Batch: the JSON Lines stream protocol")
struct DocumentStreamTests {
  let stream = DocumentStream(jobs: 2)

  /// The answer to `line` as a JSON value.
  func answer(_ line: String) throws -> [String: Any] {
    let text = stream.respond(to: line)
    #expect(!text.contains("\n"))
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func aTextRequestGetsItsDocumentWithItsID() throws {
    let text = stream.respond(to: #"{"id": "a-1", "text": "会议纪要"}"#)
    #expect(text.hasPrefix(#"{"id":"a-1","document":{"schemaVersion":1,"#))
    let document = try JSONDecoder().decode(Document.self, from: Data(try #require(answerDocument(text)).utf8))
    #expect(document.source?.length == 4)
  }

  func answerDocument(_ text: String) -> String? {
    guard let start = text.range(of: #""document":"#) else { return nil }
    return String(text[start.upperBound...].dropLast())
  }

  @Test func idsAreEchoedAsGiven() throws {
    #expect(stream.respond(to: #"{"id": 7, "text": "x"}"#).hasPrefix(#"{"id":7,"document""#))
    #expect(stream.respond(to: #"{"id": [1, true], "text": "x"}"#).hasPrefix(#"{"id":[1,true],"document""#))
    #expect(stream.respond(to: #"{"text": "x"}"#).hasPrefix(#"{"id":null,"document""#))
  }

  @Test func aPathRequestReadsTheFile() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("a.txt", text: "会议纪要\n")
    let line = stream.respond(to: #"{"id": 1, "path": "\#(path)"}"#)
    #expect(line.hasPrefix(#"{"id":1,"path":"\#(path)","document":{"#))
    let missing = try answer(#"{"path": "\#(folder.path)/none.txt"}"#)
    #expect((missing["error"] as? [String: String])?["code"] == "unreadable-file")
    #expect(missing["path"] as? String == folder.path + "/none.txt")
  }

  @Test func aPathRequestReadsAPDF() throws {
    let path = Corpus.project.appendingPathComponent("formats/beilun-2022-05-26.pdf").path
    let document = try #require(try answer(#"{"id": 2, "path": "\#(path)"}"#)["document"] as? [String: Any])
    #expect((document["source"] as? [String: Any])?["format"] as? String == "pdf")
    #expect(document["title"] as? String == "北仑区梅山湾滨海新城建设现场办公会纪要")
  }

  @Test(arguments: [
    ("", "the line is blank"),
    ("{not json", "the line is not valid JSON"),
    ("[1, 2]", "the line is not a JSON object"),
    (#"{"id": 1, "text": 5}"#, "\"text\" must be a string"),
    (#"{"id": 1}"#, "a request needs \"text\" or \"path\""),
    (#"{"text": "a", "path": "b"}"#, "a request has either \"text\" or \"path\", not both"),
  ])
  func badLinesGetAnErrorLine(line: String, message: String) throws {
    let answer = try answer(line)
    let error = try #require(answer["error"] as? [String: String])
    #expect(error["code"] == "invalid-request")
    #expect(error["message"] == message)
    #expect(answer.keys.contains("id"))
  }

  @Test func textAboveTheSizeLimitIsRefused() throws {
    let small = DocumentStream(parser: DocumentParser(configuration: .init(decoding: .init(maximumByteCount: 5))))
    let line = small.respond(to: #"{"id": 1, "text": "会议纪要"}"#)
    #expect(line.hasPrefix(#"{"id":1,"error":{"code":"input-too-large""#))
  }

  @Test func everyLineIsAnsweredInOrder() async {
    let lines = (0..<200).map { index in
      index % 10 == 3 ? "garbage \(index)" : #"{"id": \#(index), "text": "\#(String(repeating: "会议", count: index))"}"#
    }
    var answers: [String] = []
    for await answer in stream.responses(to: SynchronousInputs(base: lines)) { answers.append(answer) }
    #expect(answers.count == 200)
    for (index, answer) in answers.enumerated() {
      #expect(answer.hasPrefix(index % 10 == 3 ? #"{"id":null,"error""# : #"{"id":\#(index),"document""#))
    }
  }

  @Test func theLineReaderSplitsLinesAcrossReads() async throws {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    let writer = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
    let reader = LineReader(fileDescriptor: descriptors[0])
    writer.write(Data("one\r\ntw".utf8))
    let task = Task {
      var lines: [String] = []
      for await line in reader { lines.append(line) }
      return lines
    }
    try await Task.sleep(for: .milliseconds(20))
    writer.write(Data("o\n\nthree".utf8))
    try writer.close()
    #expect(await task.value == ["one", "two", "", "three"])
    close(descriptors[0])
  }
}
