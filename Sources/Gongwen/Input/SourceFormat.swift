import Foundation

/// The file formats the input layer reads, told from the bytes, not from the file name.
/// Pages of text offsets map back to their source through `Document.SourceInfo.Page`.
public enum SourceFormat: String, Sendable, Hashable, Codable, CaseIterable {
  /// Plain text in any encoding the decoder detects.
  case text
  /// A saved web page (decoded text opening with `<!DOCTYPE html` or `<html`).
  case html
  case pdf
  case docx
  /// GB/T 33190 fixed-layout documents.
  case ofd

  /// The file extensions batch walks take by default: one or more per format, and the legacy
  /// word-processor files (`.doc`, `.wps`, `.rtf`), so that a batch reports each of them with how
  /// to convert it (`legacy-format`) instead of passing over it.
  public static let defaultExtensions = ["txt", "text", "html", "htm", "pdf", "docx", "ofd", "doc", "wps", "rtf"]

  /// Legacy binary word-processor files (`.doc`, `.wps`): an OLE compound file.
  static let compoundFileMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

  /// The format of `bytes`: `%PDF-` near the start, a ZIP holding `word/document.xml` or
  /// `OFD.xml`, else text. Throws for legacy Office files (`.doc`, `.wps`, RTF), which need
  /// converting first.
  static func detect(_ bytes: Data) throws(InputError) -> SourceFormat {
    let head = [UInt8](bytes.prefix(1024))
    if head.starts(with: compoundFileMagic) {
      throw InputError(
        code: .legacyFormat,
        message: "a legacy .doc or .wps file; convert it first: soffice --headless --convert-to docx FILE")
    }
    // Word's RTF, which sites often serve as `.doc`: its text is escapes (`\'c9\'cf`), not characters.
    if head.starts(with: Array("{\\rtf".utf8)) {
      throw InputError(
        code: .legacyFormat, message: "an RTF file; convert it first: soffice --headless --convert-to docx FILE")
    }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      return try ZIPDocument.format(of: bytes)
    }
    // PDF allows junk before the header; readers look in the first kilobyte.
    if containsPDFHeader(head) { return .pdf }
    return .text
  }

  /// Whether `%PDF-` occurs in `head`: a byte loop, since the generic `firstRange(of:)` on bytes
  /// (through DataProtocol) costs more than decoding the whole document.
  private static func containsPDFHeader(_ head: [UInt8]) -> Bool {
    let header: [UInt8] = [0x25, 0x50, 0x44, 0x46, 0x2D]
    guard head.count >= header.count else { return false }
    for start in 0...(head.count - header.count) where head[start] == 0x25 {
      if head[(start + 1)..<(start + header.count)].elementsEqual(header[1...]) { return true }
    }
    return false
  }
}
