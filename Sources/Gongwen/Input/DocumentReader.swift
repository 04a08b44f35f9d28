import Foundation
import GongwenModel

/// The input stage: bytes of any supported format → the text the pipeline reads, with where
/// each page's text lies and where each stretch of it came from (a line's box, a paragraph or
/// table cell, a page's element).
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
        decoded.regions = HTMLRegions.regions(of: decoded.text)
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
    decoded.regions = page.regions
    return decoded
  }
}

/// Extracted text with its pages (none for unpaged sources) and where each stretch came from.
struct PagedText {
  var text = ""
  var pages: [Document.SourceInfo.Page] = []
  var regions: [Document.SourceInfo.Region] = []
  private var scalarCount = 0

  /// Appends one page's lines as a page of its own, one region with its box per line.
  mutating func appendPage(_ lines: [PageLayout.Line]) {
    if !text.isEmpty { append("\n") }
    let start = scalarCount
    let number = pages.count + 1
    for (index, line) in lines.enumerated() {
      if index > 0 { append("\n") }
      let lineStart = scalarCount
      append(line.text)
      regions.append(
        Document.SourceInfo.Region(
          start: lineStart, end: scalarCount, page: number,
          box: Document.SourceInfo.Region.Box(
            x: Self.rounded(line.minX), y: Self.rounded(line.minY), width: Self.rounded(line.maxX - line.minX),
            height: Self.rounded(line.maxY - line.minY))))
    }
    pages.append(Document.SourceInfo.Page(number: number, start: start, length: scalarCount - start))
  }

  /// Appends `string`, and a region for it when `region` is given (its offsets are set here).
  mutating func append(_ string: String, region: Document.SourceInfo.Region? = nil) {
    let start = scalarCount
    text += string
    scalarCount += string.unicodeScalars.count
    if var region {
      region.start = start
      region.end = scalarCount
      regions.append(region)
    }
  }

  /// Coordinates to a hundredth of the unit: finer than any glyph, and short in the JSON.
  private static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
