import Gongwen

/// libFuzzer's entry point: every input goes through the whole reader (format detection,
/// decoding, parsing) and the JSON encoder, and as a request line through the stream protocol
/// (the raw `id` scanner, UTF-8 checks, the request decoder). A crash, a sanitizer report or a
/// hang is a finding; inputs the reader refuses are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  if let document = try? parser.parse(bytes: bytes) {
    _ = document.jsonBytes(prettyPrinted: false)
  }
  _ = stream.respond(to: LineReader.Line(bytes: bytes))
  return 0
}

private let parser = DocumentParser(configuration: .init(decoding: .init(replacingInvalidBytes: true, maximumByteCount: 1 << 20)))
// No path request reads anything outside a folder that does not exist.
private let stream = DocumentStream(parser: parser, jobs: 1, root: "/nonexistent-gongwen-fuzz-root")
