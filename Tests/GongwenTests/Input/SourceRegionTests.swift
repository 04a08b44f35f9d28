import Foundation
import Testing

@testable import Gongwen

/// The map from text offsets back to where they came from in each format.
@Suite("Input: regions of the source")
struct SourceRegionTests {
  let parser = DocumentParser()

  static func fixture(_ name: String) -> URL { DocumentReaderTests.fixture(name) }

  /// The region holding a value's range, and the text it spans.
  static func region(of range: SourceRange?, in document: Document, text: String) throws -> (
    Document.SourceInfo.Region, String
  ) {
    let range = try #require(range)
    let region = try #require(document.source?.region(at: range.start))
    let scalars = Array(text.unicodeScalars)
    #expect(region.start <= range.start && range.end <= region.end)
    return (region, String(String.UnicodeScalarView(scalars[region.start..<region.end])))
  }

  @Test(arguments: ["pdf", "ofd"])
  func aLineOfAPagedSourceHasItsPageAndBox(format: String) throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(DocumentReaderTests.twinName).\(format)"))
    let document = parser.parse(decoded)
    let (title, titleText) = try Self.region(of: document.sourceRanges.title.first, in: document, text: decoded.text)
    #expect(titleText == "北仑区梅山湾滨海新城建设现场办公会纪要")
    #expect(title.page == 1)
    let box = try #require(title.box)
    #expect(box.width > 0 && box.height > 0)
    #expect(title.paragraph == nil && title.element == nil)
    let chair = try Self.region(of: document.meeting?.chair?.range, in: document, text: decoded.text).0
    #expect(chair.page == 1)
    #expect(try #require(chair.box).y > box.y)
    // Regions are lines in text order, each on its page.
    let regions = try #require(document.source?.regions)
    #expect(zip(regions, regions.dropFirst()).allSatisfy { $0.end < $1.start })
    #expect(regions.allSatisfy { $0.page == document.source?.page(at: $0.start) })
  }

  /// The title of the laid-out PDF is centred over two lines, joined into one: its box spans both.
  @Test func aJoinedTitleHasTheBoxOfBothLines() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(DocumentReaderTests.laidOutName).pdf"))
    let document = parser.parse(decoded)
    let (title, text) = try Self.region(of: document.sourceRanges.title.first, in: document, text: decoded.text)
    #expect(text == "泉州市金融支持实体经济专题会议纪要")
    let box = try #require(title.box)
    let body = try #require(document.source?.regions.dropFirst().first?.box)
    #expect(box.height > body.height * 1.5)
    let present = try Self.region(of: document.attendance.present.first?.range, in: document, text: decoded.text).0
    #expect(present.page == 2)
    #expect(present.box != nil)
  }

  @Test func aDOCXParagraphHasItsIndex() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(DocumentReaderTests.twinName).docx"))
    let document = parser.parse(decoded)
    let (title, text) = try Self.region(of: document.sourceRanges.title.first, in: document, text: decoded.text)
    #expect(text == "北仑区梅山湾滨海新城建设现场办公会纪要")
    #expect(title.paragraph == 0)
    #expect(title.page == nil && title.box == nil && title.table == nil)
    let present = try Self.region(of: document.attendance.present.first?.range, in: document, text: decoded.text).0
    #expect(present.paragraph == 2)
  }

  /// A roster kept as a table: each cell with text is a region of its row's line.
  @Test func aDOCXTableCellHasItsTableRowAndCell() throws {
    let documentXML = """
      <w:document xmlns:w="w"><w:body><w:p><w:r><w:t>纪要</w:t></w:r></w:p><w:p/>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>主持</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>王翔</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>张三</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:p><w:r><w:t>散会。</w:t></w:r></w:p></w:body></w:document>
      """
    var numbering = ListNumbering(nil)
    let text = try DOCXExtractor.text(
      of: PartElement.parse(Data(documentXML.utf8), name: "document.xml"), numbering: &numbering)
    #expect(text.text == "纪要\n\n主持  王翔\n张三\n散会。")
    typealias Region = Document.SourceInfo.Region
    #expect(
      text.regions == [
        Region(start: 0, end: 2, paragraph: 0), Region(start: 4, end: 6, table: 0, row: 0, cell: 0),
        Region(start: 8, end: 10, table: 0, row: 0, cell: 1), Region(start: 11, end: 13, table: 0, row: 1, cell: 1),
        Region(start: 14, end: 17, paragraph: 2),
      ])
  }

  @Test func aSavedPageElementHasItsNameAndIndex() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(DocumentReaderTests.twinName).html"))
    let document = parser.parse(decoded)
    let (title, text) = try Self.region(of: document.sourceRanges.title.first, in: document, text: decoded.text)
    #expect(text == "北仑区梅山湾滨海新城建设现场办公会纪要")
    #expect(title.element == "p")
    #expect(title.block != nil)
    #expect(title.page == nil && title.box == nil && title.paragraph == nil)
  }

  @Test func pageRegionsFollowTheInnermostBlock() {
    let body = "<div>\n<p>关于<span>印发</span>办法</p> 尾<table><tr><td>王翔</td><td> 张三 </td></tr></table>\n</div>文末"
    typealias Region = Document.SourceInfo.Region
    let scalars = Array(body.unicodeScalars)
    let regions = HTMLRegions.regions(of: body)
    #expect(
      regions.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) } == [
        "关于<span>印发</span>办法", "尾", "王翔", "张三", "文末",
      ])
    #expect(regions.map(\.element) == ["p", "div", "td", "td", "body"])
    #expect(regions.map(\.block) == [1, 0, 4, 5, nil])
  }

  @Test func plainTextHasNoRegions() throws {
    let document = try parser.parse(bytes: Data("关于印发办法的通知\n各区人民政府：\n".utf8))
    #expect(document.source?.regions == [])
    #expect(!document.jsonString().contains("\"regions\""))
  }

  @Test func regionsSurviveADecodingRoundTrip() throws {
    for format in ["pdf", "docx", "ofd", "html"] {
      let document = try parser.parse(contentsOf: Self.fixture("\(DocumentReaderTests.twinName).\(format)"))
      let bytes = document.jsonBytes(prettyPrinted: false)
      let decoded = try JSONDecoder().decode(Document.self, from: Data(bytes))
      #expect(decoded == document, "\(format)")
      #expect(decoded.jsonBytes(prettyPrinted: false) == bytes, "\(format)")
    }
  }
}
