import Foundation
import Testing

@testable import Gongwen

/// A short fuzz run inside `swift test` (the long one is `Fuzz/run.sh`): corpus documents
/// mutated at random — bytes flipped, cut, repeated, markers and labels spliced in, invalid
/// UTF-8 — must parse without a crash into JSON that decodes, with every range inside the
/// text; and any line sent to the stream gets one line of JSON with an `id`.
@Suite("Batch: random mutations")
struct RandomMutationTests {
  /// SplitMix64: the same mutants on every run.
  struct Random {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
  }

  static let splices: [[UInt8]] = ["一、", "（一）", "1.", "第一条", "出席：", "列席：", "\n", "\r\n", "、", "〔2021〕", "《", "》", "会议纪要", "　", "\u{FEFF}", "{\"id\":", "\\u", "\""]
    .map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0xC0, 0x80], [0x00], [0xED, 0xA0, 0x80]]

  static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<(1 + random.below(8)) {
      let at = random.below(bytes.count + 1)
      switch random.below(5) {
      case 0 where !bytes.isEmpty: bytes[min(at, bytes.count - 1)] ^= UInt8(1 << random.below(8))
      case 1: bytes.insert(contentsOf: splices[random.below(splices.count)], at: at)
      case 2: bytes.removeSubrange(at..<min(bytes.count, at + random.below(64)))
      case 3:
        let end = min(bytes.count, at + random.below(200))
        bytes.insert(contentsOf: bytes[at..<end], at: random.below(bytes.count + 1))
      default: bytes.removeSubrange(min(at, bytes.count)...)
      }
    }
    return bytes
  }

  /// Every `{start, end}` below `value` lies in `0...length`.
  static func checkRanges(_ value: Any, length: Int) -> Bool {
    if let object = value as? [String: Any] {
      if let start = object["start"] as? Int, let end = object["end"] as? Int, !(0 <= start && start <= end && end <= length) {
        return false
      }
      return object.values.allSatisfy { checkRanges($0, length: length) }
    }
    if let array = value as? [Any] { return array.allSatisfy { checkRanges($0, length: length) } }
    return true
  }

  @Test func mutatedDocumentsParseIntoValidJSON() throws {
    let texts = try FileManager.default.contentsOfDirectory(atPath: Corpus.project.appendingPathComponent("minutes").path)
      .filter { $0.hasSuffix(".txt") }.sorted().prefix(6)
      .map { try Array(Data(contentsOf: Corpus.project.appendingPathComponent("minutes/" + $0)).prefix(3_000)) }
    let parser = DocumentParser(configuration: .init(decoding: .init(replacingInvalidBytes: true)))
    var random = Random(state: 17)
    var parsed = 0
    for round in 0..<240 {
      let mutant = Self.mutate(texts[round % texts.count], &random)
      guard let document = try? parser.parse(bytes: mutant) else { continue }
      parsed += 1
      let json = document.jsonBytes(prettyPrinted: false)
      #expect((try? JSONDecoder().decode(Document.self, from: Data(json))) != nil, "round \(round)")
      let object = try JSONSerialization.jsonObject(with: Data(json))
      #expect(Self.checkRanges(object, length: document.source?.length ?? 0), "round \(round)")
    }
    #expect(parsed > 200)
  }

  @Test func anyLineGetsOneJSONLineWithAnID() throws {
    let stream = DocumentStream(jobs: 1, root: "/nonexistent-gongwen-root")
    let seeds = [#"{"id": 12345678901234567890, "text": "会议纪要\n出席：王一明"}"#, #"{"id": ["a", {"b": 1}], "path": "x.txt"}"#, #"{"text": "一、总则", "id": "\u0041"}"#]
      .map { Array($0.utf8) }
    var random = Random(state: 29)
    for round in 0..<400 {
      let line = Self.mutate(seeds[round % seeds.count], &random).filter { $0 != 0x0A }
      let answer = stream.respond(to: LineReader.Line(bytes: line))
      #expect(!answer.contains("\n"), "round \(round)")
      let object = try? JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any]
      #expect(object?.keys.contains("id") == true, "round \(round): \(answer.prefix(200))")
      #expect(object?["document"] != nil || object?["error"] != nil, "round \(round)")
    }
  }
}
