import Foundation
import GongwenModel

/// The input stage: bytes of any supported format → the text the pipeline reads, with where
/// each page's text lies.
///
/// Text (and saved web pages) goes through ``TextDecoder``; PDF through poppler's `pdftotext`
/// run as a program; DOCX and OFD are read from their ZIP packages. The format is told from
/// the content (see ``SourceFormat``).
public struct DocumentReader: Sendable {
  /// How text is decoded and how large an input may be.
  public var options: TextDecoder.Options

  /// Creates a reader with the decoding `options`.
  public init(options: TextDecoder.Options = .init()) {
    self.options = options
  }

  /// Reads a file, refusing files above the size limit before reading them.
  public func read(contentsOf url: URL) throws(InputError) -> DecodedText {
    try read(TextDecoder.readBytes(of: url, limit: options.maximumByteCount))
  }

  /// Extracts the text of `bytes`, whatever their format.
  public func read(_ bytes: Data) throws(InputError) -> DecodedText {
    if bytes.isEmpty { return try TextDecoder(options: options).decode(bytes) }
    let page: PagedText
    let format = try SourceFormat.detect(bytes)
    switch format {
    case .text, .html:
      var decoded = try TextDecoder(options: options).decode(bytes)
      if HTMLPage.isPage(decoded.text) {
        decoded.pageTitle = HTMLPage.title(of: decoded.text)
        decoded.text = HTMLPage.body(of: decoded.text)
        decoded.format = .html
      }
      return decoded
    case .pdf: page = try PDFExtractor.extract(bytes)
    case .docx: page = try DOCXExtractor.extract(bytes)
    case .ofd: page = try OFDExtractor.extract(bytes)
    }
    var decoded = DecodedText(text: page.text, encoding: .utf8)
    decoded.format = format
    decoded.pages = page.pages
    return decoded
  }
}

/// Extracted text with its pages (none for unpaged sources).
struct PagedText {
  var text = ""
  var pages: [Document.SourceInfo.Page] = []
  private var scalarCount = 0

  /// Appends one page's lines as a page of its own.
  mutating func appendPage(_ lines: [String]) {
    if !text.isEmpty { append("\n") }
    let start = scalarCount
    append(lines.joined(separator: "\n"))
    pages.append(Document.SourceInfo.Page(number: pages.count + 1, start: start, length: scalarCount - start))
  }

  mutating func append(_ string: String) {
    text += string
    scalarCount += string.unicodeScalars.count
  }
}
