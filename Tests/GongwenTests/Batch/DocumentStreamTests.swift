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
    #expect(stream.respond(to: #"{"id": [1, true], "text": "x"}"#).hasPrefix(#"{"id":[1, true],"document""#))
    #expect(stream.respond(to: #"{"text": "x"}"#).hasPrefix(#"{"id":null,"document""#))
  }

  @Test func aPathRequestReadsTheFile() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write("a.txt", text: "会议纪要\n")
    let stream = DocumentStream(root: folder.path)
    let line = stream.respond(to: #"{"id": 1, "path": "\#(path)"}"#)
    #expect(line.hasPrefix(#"{"id":1,"path":"\#(path)","document":{"#))
    let missing = try #require(
      JSONSerialization.jsonObject(with: Data(stream.respond(to: #"{"path": "\#(folder.path)/none.txt"}"#).utf8)) as? [String: Any])
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
      for await line in reader { lines.append(String(decoding: line.bytes, as: UTF8.self)) }
      return lines
    }
    try await Task.sleep(for: .milliseconds(20))
    writer.write(Data("o\n\nthree".utf8))
    try writer.close()
    #expect(await task.value == ["one", "two", "", "three"])
    close(descriptors[0])
  }

  @Test func idsAreEchoedExactlyAsWrittenWhateverElseIsWrong() {
    #expect(stream.respond(to: #"{"id": 12345678901234567890, "text": "x"}"#).hasPrefix(#"{"id":12345678901234567890,"document""#))
    #expect(stream.respond(to: #"{"id": "a\u0031", "text": "x"}"#).hasPrefix(#"{"id":"a\u0031","document""#))
    #expect(stream.respond(to: #"{"id": -1.5e300, "text": "x"}"#).hasPrefix(#"{"id":-1.5e300,"document""#))
    #expect(stream.respond(to: #"{"id":3,"text":42}"#) == #"{"id":3,"error":{"code":"invalid-request","message":"\"text\" must be a string"}}"#)
    #expect(stream.respond(to: #"{"text": "x", "\u0069d": {"a": [1, "]"]}}"#).hasPrefix(#"{"id":{"a": [1, "]"]},"document""#))
    // A line cut short keeps the id it got as far as; a malformed id is not echoed.
    #expect(stream.respond(to: #"{"id": 5, "text": "会议"#).hasPrefix(#"{"id":5,"error":{"code":"invalid-request""#))
    // Foundation reads `01` as 1; echoing it would make the answer invalid JSON.
    #expect(stream.respond(to: #"{"id": 01, "text": "x"}"#).hasPrefix(#"{"id":null,"document""#))
    #expect(stream.respond(to: #"{"id": tru, "text": "x"}"#).hasPrefix(#"{"id":null,"error""#))
    #expect(stream.respond(to: #"{"id": "x"#).hasPrefix(#"{"id":null,"error""#))
  }

  @Test func numbersFollowJSONsGrammar() {
    for valid in ["0", "-0", "12345678901234567890123", "1.5", "1e9", "-2.25E-7"] { #expect(RequestID.isNumber(Array(valid.utf8)), "\(valid)") }
    for invalid in ["01", "-", "1.", ".5", "1e", "+1", "1.2.3", "0x10"] { #expect(!RequestID.isNumber(Array(invalid.utf8)), "\(invalid)") }
  }

  @Test func invalidUTF8IsAnErrorOrWithReplacementADiagnostic() throws {
    let bytes = Array(#"{"id": 9, "text": "会议纪要"#.utf8) + [0xFF, 0xFE] + Array("出席\"}".utf8)
    let refused = stream.respond(to: LineReader.Line(bytes: bytes))
    #expect(refused.hasPrefix(#"{"id":9,"error":{"code":"undecodable","message":"the request line is not valid UTF-8 (first invalid byte at offset 31)"#))
    let replacing = DocumentStream(parser: DocumentParser(configuration: .init(decoding: .init(replacingInvalidBytes: true))))
    let answer = replacing.respond(to: LineReader.Line(bytes: bytes))
    #expect(answer.hasPrefix(#"{"id":9,"document":"#))
    #expect(answer.contains(#"{"severity":"error","code":"replaced-invalid-bytes","message":"2 invalid UTF-8 sequences of the request line were replaced by U+FFFD (the first at byte 31)""#))
  }

  @Test func anOverlongLineIsRefusedWithItsID() {
    let small = DocumentStream(parser: DocumentParser(configuration: .init(decoding: .init(maximumByteCount: 10))))
    #expect(small.maximumLineLength == 65_556)
    let answer = small.respond(to: LineReader.Line(bytes: Array(#"{"id": 4, "text": "#.utf8), overlongByteCount: 100_000))
    #expect(answer == #"{"id":4,"error":{"code":"input-too-large","message":"the request line has 100000 bytes, more than the limit of 65556 (twice the size limit)"}}"#)
  }

  @Test func theLineReaderKeepsOnlyTheStartOfAnOverlongLine() async throws {
    var descriptors: [Int32] = [0, 0]
    #expect(pipe(&descriptors) == 0)
    let writer = FileHandle(fileDescriptor: descriptors[1], closeOnDealloc: true)
    let reader = LineReader(fileDescriptor: descriptors[0], maximumLineLength: 100)
    let task = Task {
      var lines: [LineReader.Line] = []
      for await line in reader { lines.append(line) }
      return lines
    }
    let long = String(repeating: "x", count: 300_000)
    writer.write(Data(("short\n" + long + "\r\n" + String(repeating: "y", count: 101) + "\nlast " + long).utf8))
    try writer.close()
    let lines = await task.value
    #expect(lines.map(\.overlongByteCount) == [nil, 300_000, 101, 300_005])
    #expect(lines.map(\.bytes.count) == [5, LineReader.overlongPrefixLength, 101, LineReader.overlongPrefixLength])
    #expect(lines[0].bytes == Array("short".utf8))
    #expect(lines[3].bytes.starts(with: Array("last x".utf8)))
    close(descriptors[0])
  }

  @Test func pathRequestsStayBelowTheRoot() throws {
    let folder = try TemporaryFolder()
    try folder.write("root/a.txt", text: "会议纪要\n")
    try folder.write("root/sub/b.txt", text: "会议纪要\n")
    try folder.write("secret.txt", text: "会议纪要\n")
    let root = folder.path + "/root"
    try FileManager.default.createSymbolicLink(atPath: root + "/out.txt", withDestinationPath: folder.path + "/secret.txt")
    try FileManager.default.createSymbolicLink(atPath: root + "/in.txt", withDestinationPath: root + "/sub/b.txt")
    #expect(mkfifo(root + "/fifo.txt", 0o644) == 0)
    let confined = DocumentStream(root: root)
    func code(_ path: String) -> String? {
      let answer = confined.respond(to: #"{"id": 1, "path": "\#(path)"}"#)
      guard let object = try? JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any] else { return "?" }
      return (object["error"] as? [String: String])?["code"]
    }
    for inside in ["a.txt", "sub/b.txt", "sub/../a.txt", "./in.txt", root + "/a.txt"] { #expect(code(inside) == nil, "\(inside)") }
    for outside in ["../secret.txt", "sub/../../secret.txt", folder.path + "/secret.txt", "/etc/hostname", "out.txt", "../nothing.txt", "/no/such/file"] {
      #expect(code(outside) == "path-outside-root", "\(outside)")
    }
    #expect(code("none.txt") == "unreadable-file")
    #expect(code("fifo.txt") == "unreadable-file")
    #expect(code("sub") == "unreadable-file")
    #expect(confined.respond(to: #"{"path": "../secret.txt"}"#).contains(#""message":"../secret.txt leads out of the root folder "#))
  }
}
