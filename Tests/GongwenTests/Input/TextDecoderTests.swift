import Foundation
import Testing

@testable import Gongwen

@Suite("Input: decoding bytes into text")
struct TextDecoderTests {
  let decoder = TextDecoder()
  let sample = "2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议。会议议定以下意见：一、原则同意。"

  @Test func utf8WithoutBOM() throws {
    let decoded = try decoder.decode(Array(sample.utf8))
    #expect(decoded.text == sample)
    #expect(decoded.encoding == .utf8)
    #expect(!decoded.hadByteOrderMark)
  }

  @Test func utf8WithBOM() throws {
    let decoded = try decoder.decode([0xEF, 0xBB, 0xBF] + Array(sample.utf8))
    #expect(decoded.text == sample)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.hadByteOrderMark)
  }

  @Test(arguments: [false, true])
  func utf16WithBOM(bigEndian: Bool) throws {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in sample.utf16 {
      bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    let decoded = try decoder.decode(bytes)
    #expect(decoded.text == sample)
    #expect(decoded.encoding == (bigEndian ? .utf16BigEndian : .utf16LittleEndian))
  }

  @Test func utf16WithoutBOMIsRecognisedByItsZeroBytes() throws {
    let text = "Minutes 纪要 of the 126th meeting, 2021-01-23."
    let bytes = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let decoded = try decoder.decode(bytes)
    #expect(decoded.text == text)
    #expect(decoded.encoding == .utf16LittleEndian)
  }

  @Test func gb18030IsDetected() throws {
    let bytes = try #require(CharsetConverter.encode(sample, to: "GB18030"))
    #expect(bytes != Array(sample.utf8))
    let decoded = try decoder.decode(bytes)
    #expect(decoded.text == sample)
    #expect(decoded.encoding == .gb18030)
  }

  @Test func gbkBytesFromAKnownTable() throws {
    // 会议纪要 in GBK, as an old archive stores it.
    let decoded = try decoder.decode([0xBB, 0xE1, 0xD2, 0xE9, 0xBC, 0xCD, 0xD2, 0xAA])
    #expect(decoded.text == "会议纪要")
    #expect(decoded.encoding == .gb18030)
  }

  @Test func big5IsDetected() throws {
    let traditional = """
      國務院關於同意吉林省設立扶餘縣的批覆。吉林省人民政府：你省《關於恢復扶餘縣的請示》收悉。現批覆如下：\
      一、同意設立扶餘縣。縣人民政府駐三岔河鎮。二、同意松原市扶餘區更名為寧江區。中華人民共和國國務院
      """
    let bytes = try #require(CharsetConverter.encode(traditional, to: "Big5"))
    let decoded = try decoder.decode(bytes)
    #expect(decoded.text == traditional)
    #expect(decoded.encoding == .big5)
  }

  @Test func explicitEncodingOverridesDetection() throws {
    let bytes = try #require(CharsetConverter.encode(sample, to: "GB18030"))
    let decoded = try TextDecoder(options: .init(encoding: TextEncoding(name: "gbk"))).decode(bytes)
    #expect(decoded.text == sample)
    #expect(decoded.encoding == .gb18030)
  }

  @Test func unknownExplicitEncodingIsATypedError() {
    #expect(throws: InputError.self) {
      try TextDecoder(options: .init(encoding: TextEncoding(name: "klingon-8"))).decode(Array(sample.utf8))
    }
    do {
      _ = try TextDecoder(options: .init(encoding: TextEncoding(name: "klingon-8"))).decode(Array(sample.utf8))
    } catch {
      #expect(error.code == .unknownEncoding)
    }
  }

  @Test func emptyInput() {
    do {
      _ = try decoder.decode([UInt8]())
      Issue.record("empty input decoded")
    } catch {
      #expect(error.code == .empty)
    }
  }

  @Test func inputAboveTheLimit() {
    do {
      _ = try TextDecoder(options: .init(maximumByteCount: 10)).decode(Array(sample.utf8))
      Issue.record("large input decoded")
    } catch {
      #expect(error.code == .tooLarge)
    }
  }

  @Test func nulBytesAreBinary() {
    var bytes = Array("会议纪要".utf8)
    bytes += [0x00, 0x13, 0xFF, 0x00, 0x88, 0x00, 0x9A, 0x00, 0x00]
    do {
      _ = try decoder.decode(bytes)
      Issue.record("binary decoded")
    } catch {
      #expect(error.code == .binary)
      #expect(error.byteOffset == 12)
    }
  }

  @Test func manyControlCharactersAreBinaryAndAStrayOneIsNot() throws {
    let binary = "会议纪要：" + String(repeating: "\u{1}x\u{7}", count: 20)
    do {
      _ = try decoder.decode(Array(binary.utf8))
      Issue.record("binary decoded")
    } catch {
      #expect(error.code == .binary)
      #expect(error.message == "the input holds control characters (first at character 5), so it is not text")
    }
    let text = "会议纪要\u{1}：" + String(repeating: "市政府常务会议\n", count: 20) + "\u{2}\t\u{C}"
    #expect(try decoder.decode(Array(text.utf8)).text == text)
  }

  @Test func randomBytesFailWithTheFirstBadByte() {
    var generator = SeededGenerator(seed: 42)
    let bytes = (0..<4096).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }
    do {
      _ = try decoder.decode(bytes)
      Issue.record("random bytes decoded")
    } catch {
      #expect(error.code == .undecodable)
      #expect(error.byteOffset != nil)
      #expect(error.message.contains("byte"))
    }
  }

  @Test func damagedUTF8NamesTheOffset() {
    var bytes = Array(String(repeating: sample, count: 3).utf8)
    bytes[40] = 0xFF
    do {
      _ = try decoder.decode(bytes)
      Issue.record("damaged UTF-8 decoded")
    } catch {
      #expect(error.code == .undecodable)
      #expect(error.encoding == .utf8)
      #expect(error.byteOffset == 40)
    }
  }

  @Test func damagedUTF8CanBeReplacedWithADiagnostic() throws {
    var bytes = Array(String(repeating: sample, count: 3).utf8)
    bytes[40] = 0xFF
    let decoded = try TextDecoder(options: .init(replacingInvalidBytes: true)).decode(bytes)
    #expect(decoded.encoding == .utf8)
    #expect(decoded.text.contains("\u{FFFD}"))
    #expect(decoded.diagnostics.map(\.code) == ["replaced-invalid-bytes"])
  }

  @Test func aDocumentCutInsideItsLastCharacterKeepsTheRest() throws {
    let bytes = Array(sample.utf8)
    let cut = Array(bytes.dropLast(2))  // the final `。` loses two of its three bytes
    let decoded = try decoder.decode(cut)
    #expect(decoded.text == String(sample.dropLast()))
    #expect(decoded.diagnostics.map(\.code) == ["truncated-input"])
  }

  @Test func invalidUTF16IsATypedError() {
    // A lone high surrogate.
    let bytes: [UInt8] = [0xFF, 0xFE, 0x1A, 0x4F, 0x00, 0xD8, 0xAE, 0x8B]
    do {
      _ = try decoder.decode(bytes)
      Issue.record("invalid UTF-16 decoded")
    } catch {
      #expect(error.code == .undecodable)
      #expect(error.byteOffset == 4)
    }
  }

  @Test func missingFileIsUnreadable() {
    do {
      _ = try decoder.decode(contentsOf: URL(fileURLWithPath: "/nonexistent/minutes.txt"))
      Issue.record("missing file decoded")
    } catch {
      #expect(error.code == .unreadable)
    }
  }
}

/// A small deterministic generator so the random-bytes test is the same every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state = state &* 6364136223846793005 &+ 1442695040888963407
    return state
  }
}
