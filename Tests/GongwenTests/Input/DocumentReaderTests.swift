import Foundation
import Testing

@testable import Gongwen

/// The fixtures in Corpus/formats, made by its make-fixtures.sh from one Corpus text.
@Suite("Input: PDF, DOCX, OFD and saved pages read as their text twin")
struct DocumentReaderTests {
  static let formats = Corpus.project.appendingPathComponent("formats")
  static let twinName = "beilun-2022-05-26"
  let parser = DocumentParser()

  static func fixture(_ name: String) -> URL { formats.appendingPathComponent(name) }

  /// A document's JSON as objects, without what differs by construction between formats:
  /// ranges (offsets into each format's own text), and the source description.
  static func comparable(_ document: Document) throws -> [String: Any] {
    func strip(_ value: Any) -> Any {
      if let object = value as? [String: Any] {
        return object.filter { !["range", "mentions"].contains($0.key) }.mapValues(strip)
      }
      if let array = value as? [Any] { return array.map(strip) }
      return value
    }
    let object = try JSONSerialization.jsonObject(with: Data(document.jsonString().utf8)) as? [String: Any] ?? [:]
    return (strip(object) as? [String: Any] ?? [:]).filter { !["sourceRanges", "source"].contains($0.key) }
  }

  static func text(_ value: Any?) -> String {
    guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
    else { return "null" }
    return String(decoding: data, as: UTF8.self)
  }

  /// Each fixture with the Corpus text it was made from: beilun's straight from the text,
  /// quanzhou's laid out as a printed 公文 (make-fodt.py: a centred two-line title, section
  /// numbers in the paragraph styles only).
  static let fixtures = [
    (twinName, "pdf"), (twinName, "docx"), (twinName, "ofd"), (twinName, "html"), (laidOutName, "pdf"),
    (laidOutName, "docx"),
  ]
  static let laidOutName = "quanzhou-2022-09-06"

  /// Every field is the text's; the preamble of a PDF keeps a break where a wrapped line ended
  /// at a sentence's end (see `pdfPreambleKeepsTheBreakAtAWrappedSentenceEnd`), so it is the
  /// text's with white space removed, as the output contract compares text.
  @Test(arguments: fixtures)
  func sameFieldsAsTheTextTwin(name: String, format: String) throws {
    let twin = try Self.comparable(parser.parse(contentsOf: Corpus.project.appendingPathComponent("minutes/\(name).txt")))
    let document = try parser.parse(contentsOf: Self.fixture("\(name).\(format)"))
    let read = try Self.comparable(document)
    #expect(Set(read.keys) == Set(twin.keys))
    for key in twin.keys.sorted() {
      if format == "pdf" && key == "preamble" {
        let unspaced = { (value: Any?) in (value as? String)?.filter { !$0.isWhitespace } }
        #expect(unspaced(read[key]) == unspaced(twin[key]), "\(name).\(format): \(key)")
        #expect(unspaced(read[key]) != nil)
      } else {
        #expect(Self.text(read[key]) == Self.text(twin[key]), "\(name).\(format): \(key)")
      }
    }
    #expect(document.source?.format == format)
  }

  @Test(arguments: fixtures)
  func outputConformsToTheSchema(name: String, format: String) throws {
    let validator = try SchemaValidator(
      contentsOf: Corpus.packageRoot.appendingPathComponent("Docs/document.schema.json"))
    let document = try parser.parse(contentsOf: Self.fixture("\(name).\(format)"))
    let object = try JSONSerialization.jsonObject(with: Data(document.jsonString().utf8))
    #expect(validator.violations(of: object) == [])
  }

  @Test func thePDFHeaderIsFoundInTheFirstKilobyteOnly() throws {
    #expect(try SourceFormat.detect(Data("%PDF-1.7\n".utf8)) == .pdf)
    #expect(try SourceFormat.detect(Data(("junk\n" + "%PDF-1.4").utf8)) == .pdf)
    #expect(try SourceFormat.detect(Data((String(repeating: "x", count: 1100) + "%PDF-1.4").utf8)) == .text)
    #expect(try SourceFormat.detect(Data("会议纪要 %PDF".utf8)) == .text)
  }

  @Test func pdfPreambleKeepsTheBreakAtAWrappedSentenceEnd() throws {
    let document = try parser.parse(contentsOf: Self.fixture("\(Self.twinName).pdf"))
    #expect(document.preamble?.hasSuffix("等单位负责人参加了会议。\n现将会议议定事项纪要如下：") == true)
  }

  /// pdftotext gives the two title lines as two lines; the centred-title rule joins them.
  @Test func pdfTitleCentredOverTwoLinesIsOneLine() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(Self.laidOutName).pdf"))
    #expect(decoded.text.hasPrefix("泉州市金融支持实体经济专题会议纪要\n2022年9月6日上午，"))
    #expect(parser.parse(decoded).sourceRanges.title.map(\.start) == [0])
  }

  /// The section numbers of the DOCX are in no paragraph: only in styles.xml's `w:numPr` of
  /// the paragraph styles, and numbering.xml's levels.
  @Test func docxSectionNumbersComeFromTheParagraphStyles() throws {
    let bytes = try Data(contentsOf: Self.fixture("\(Self.laidOutName).docx"))
    let package = try ZIPDocument(bytes)
    let document = String(decoding: try #require(try package.part("word/document.xml")), as: UTF8.self)
    #expect(!document.contains("numPr"))
    #expect(!document.contains("一、") && !document.contains("（一）"))
    let styles = String(decoding: try #require(try package.part("word/styles.xml")), as: UTF8.self)
    #expect(styles.contains("<w:numPr>"))
    let markers = ["一、", "二、", "三、", "（一）", "（二）", "1.", "2.", "（1）", "（2）"]
    let numbered = try DocumentReader().read(bytes).text.split(separator: "\n").filter { line in
      markers.contains { line.hasPrefix($0) }
    }
    #expect(
      numbered.map { String($0.prefix(4)) } == [
        "一、关于", "（一）人", "1.用好", "（1）年", "（2）对", "2.加强", "（二）泉", "二、关于", "（一）泉", "（二）国", "1.支持",
        "2.对开", "三、关于",
      ])
  }

  @Test func pagedSourcesListTheirPages() throws {
    for format in ["pdf", "ofd"] {
      let document = try parser.parse(contentsOf: Self.fixture("\(Self.twinName).\(format)"))
      let source = try #require(document.source)
      #expect(source.pages.map(\.number) == [1], "\(format)")
      #expect(source.pages.first?.start == 0)
      #expect(source.pages.first?.length == source.length)
      #expect(source.page(at: 10) == 1)
    }
    let docx = try parser.parse(contentsOf: Self.fixture("\(Self.twinName).docx"))
    #expect(docx.source?.pages == [])
  }

  /// Two pages with their folio (`— 1 —`) in the footer: the folios are dropped, and values on
  /// the second page say so.
  @Test func secondPageValuesCarryTheirPage() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(Self.laidOutName).pdf"))
    #expect(!decoded.text.contains("—"))
    let document = parser.parse(decoded)
    let pages = try #require(document.source?.pages)
    #expect(pages.map(\.number) == [1, 2])
    #expect(pages[1].start == pages[0].start + pages[0].length + 1)
    #expect(document.meeting?.chair?.range?.page == 1)
    #expect(document.attendance.present.map(\.range?.page) == [2, 2])
    #expect(document.issuer?.range?.page == 2)
  }

  @Test func rangesOfPagedSourcesCarryTheirPage() throws {
    let document = try parser.parse(contentsOf: Self.fixture("\(Self.twinName).pdf"))
    #expect(document.meeting?.chair?.range?.page == 1)
    #expect(document.sections.first?.range?.page == 1)
    #expect(document.sourceRanges.title.map(\.page) == [1])
    let docx = try parser.parse(contentsOf: Self.fixture("\(Self.twinName).docx"))
    #expect(docx.meeting?.chair?.range?.page == nil)
  }

  /// Every range in the JSON of a paged source carries its page: the walk that sets them
  /// reaches every value that holds a range (ranges of `source`'s regions have their own).
  @Test(arguments: [(twinName, "pdf"), (twinName, "ofd"), (laidOutName, "pdf")])
  func everyRangeOfAPagedSourceHasItsPage(name: String, format: String) throws {
    let document = try parser.parse(contentsOf: Self.fixture("\(name).\(format)"))
    var ranges = 0
    var unpaged: [String] = []
    func walk(_ value: Any, path: String) {
      if let object = value as? [String: Any] {
        if object["start"] is Int, object["end"] is Int {
          ranges += 1
          if !(object["page"] is Int) { unpaged.append(path) }
          return
        }
        for (key, member) in object where key != "source" { walk(member, path: path + "." + key) }
      } else if let array = value as? [Any] {
        for (index, member) in array.enumerated() { walk(member, path: path + "[\(index)]") }
      }
    }
    walk(try JSONSerialization.jsonObject(with: Data(document.jsonBytes())), path: "")
    #expect(ranges > 20)
    #expect(unpaged == [])
  }

  /// A document read back from its JSON is the same document.
  @Test func everyCorpusDocumentSurvivesADecodingRoundTrip() throws {
    for folder in ["minutes", "gongwen"] {
      let directory = Corpus.project.appendingPathComponent(folder)
      for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".txt") {
        let document = try parser.parse(contentsOf: directory.appendingPathComponent(name))
        let bytes = document.jsonBytes(prettyPrinted: false)
        let decoded = try JSONDecoder().decode(Document.self, from: Data(bytes))
        #expect(decoded.jsonBytes(prettyPrinted: false) == bytes, "\(name)")
      }
    }
  }

  @Test func ofdFooterPageNumberIsDropped() throws {
    let decoded = try DocumentReader().read(contentsOf: Self.fixture("\(Self.twinName).ofd"))
    #expect(decoded.format == .ofd)
    #expect(!decoded.text.contains("- 1 -"))
    #expect(decoded.text.hasPrefix("北仑区梅山湾滨海新城建设现场办公会纪要\n"))
  }

  @Test func textStaysText() throws {
    let decoded = try DocumentReader().read(Data("会议纪要\n".utf8))
    #expect(decoded.format == .text)
    #expect(decoded.pages == [])
    #expect(parser.parse(decoded).source?.format == nil)
  }

  @Test(arguments: [
    ("scan-without-text.pdf", InputError.Code.noTextLayer),
    ("truncated.docx", InputError.Code.corrupt),
    ("truncated.ofd", InputError.Code.corrupt),
  ])
  func brokenFilesGiveTypedErrors(name: String, code: InputError.Code) {
    #expect(throws: InputError.self) { try DocumentReader().read(contentsOf: Self.fixture(name)) }
    do {
      _ = try DocumentReader().read(contentsOf: Self.fixture(name))
    } catch {
      #expect(error.code == code, "\(name)")
    }
  }

  @Test func damagedPDFIsCorrupt() throws {
    let truncated = try Data(contentsOf: Self.fixture("\(Self.twinName).pdf")).prefix(3000)
    for bytes in [Data("%PDF-1.4\ngarbage\n".utf8), Data(truncated)] {
      do {
        _ = try DocumentReader().read(bytes)
        Issue.record("no error")
      } catch {
        #expect(error.code == .corrupt)
      }
    }
  }

  @Test func legacyWordFileSaysHowToConvert() {
    let rtf = Data(#"{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 \'cb\'ce\'cc\'e5;}}\f0 \'bb\'e1\'d2\'e9\'bc\'cd\'d2\'aa}"#.utf8)
    for bytes in [Data(SourceFormat.compoundFileMagic + [UInt8](repeating: 0, count: 100)), rtf] {
      do {
        _ = try DocumentReader().read(bytes)
        Issue.record("no error")
      } catch {
        #expect(error.code == .legacyFormat)
        #expect(error.message.contains("soffice --headless --convert-to docx"))
      }
    }
  }

  @Test func zipThatIsNeitherFormat() {
    // An empty ZIP: only the end-of-central-directory record.
    let empty = Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18))
    do {
      _ = try DocumentReader().read(empty)
      Issue.record("no error")
    } catch {
      #expect(error.code == .corrupt)
    }
  }

  @Test func missingPopplerNamesThePackage() throws {
    let pdf = try Data(contentsOf: Self.fixture("\(Self.twinName).pdf"))
    do {
      _ = try PDFExtractor.extract(pdf, searchPath: "/nonexistent")
      Issue.record("no error")
    } catch {
      #expect(error.code == .extractorMissing)
      #expect(error.message.contains("poppler-utils"))
    }
  }

  @Test func savedPageLosesItsChrome() throws {
    let page = """
      <!DOCTYPE html><html><head><title>标题</title><script>var a = "<p>x</p>";</script></head>
      <body><nav><a href="/">首页</a></nav><div class="b1">分享到：<a href="#" title="微信"></a><a href="#"></a></div>
      <div class="b2"><img src="qr.png"><p>扫一扫在手机打开当前页</p></div>
      <p>关于印发办法的通知</p><footer>版权所有</footer></body></html>
      """
    let decoded = try DocumentReader().read(Data(page.utf8))
    #expect(decoded.format == .html)
    #expect(decoded.text == "<p>关于印发办法的通知</p>")
  }

  @Test(arguments: [
    ("<!DOCTYPE html><HTML><HEAD><!-- </head> --><TITLE>t</TITLE></HEAD><BODY><P>通知</P></BODY></HTML>", "<P>通知</P>"),
    ("<html><body><script type=\"x\">if (a<b) {}</script><p>通知</p><style>p{}</style></body>", "<p>通知</p>"),
    ("<html><headline>标题</headline><p>通知</p>", "<headline>标题</headline><p>通知</p>"),
    ("<html><p>通知</p><script>never closed", "<p>通知</p><script>never closed"),
    ("<html><metadata x=1><p>通知</p><!-- open", "<p>通知</p><!-- open"),
  ])
  func theHeadScriptsAndTheirCommentsAreCut(page: String, body: String) {
    #expect(HTMLPage.withoutHead(page) == body)
  }

  @Test(arguments: [
    ("<!DOCTYPE html><p>通知</p>", true), ("\u{FEFF}\r\n  <HTML lang=\"zh\">", true), ("\u{3000}<html>", true),
    ("<!doctype htm", false), ("通知<html>", false), ("<head></head>", false), ("", false),
  ])
  func pagesAreToldByTheirOpening(text: String, isPage: Bool) {
    #expect(HTMLPage.isPage(text) == isPage)
  }
}

/// Saved pages whose structure, not their ids and classes, tells the body and the lines.
@Suite("Input: saved page blocks")
struct HTMLBlocksTests {
  let parser = DocumentParser()

  static func page(number: String) -> String {
    """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>国务院关于同意设立某某经济开发区的批复</title></head>
    <body>
    <div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zc">政策</a> &gt; <a href="/zc/wj">文件</a></div>
    <div class="wrap">
    <div class="t"><p>国务院关于同意设立</p><p>某某经济开发区的批复</p></div>
    <div class="c">
    \(number)
    <p>某某省人民政府：</p>
    <p>你省关于设立某某经济开发区的请示收悉。现批复如下：</p>
    <p>一、同意设立某某经济开发区。</p>
    <p style="text-align:right">国务院</p>
    <p style="text-align:right">二〇〇六年三月十日</p>
    </div></div>
    <div class="s"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="f">分享到：<a href="#"><img src="wx.png"></a><a href="#"><img src="wb.png"></a></div>
    <div class="e"><img src="qr.png"><p>扫一扫在手机打开当前页</p></div>
    </body></html>
    """
  }

  @Test(arguments: [
    "<p><span>国函〔</span><span>2006</span><span>〕38号</span></p>",
    "<div><p>国函〔</p>\n<p>2006</p>\n<p>〕38号</p></div>",
    "<table><tr><td>国函〔</td><td>2006</td><td>〕38号</td></tr></table>",
    "<p>国函〔2006<br/>〕38号</p>",
  ])
  func numberSplitAcrossElementsReadsWhole(number: String) throws {
    let document = parser.parse(try DocumentReader().read(Data(Self.page(number: number).utf8)))
    #expect(document.docNumber == "国函〔2006〕38号")
    #expect(document.title == "国务院关于同意设立某某经济开发区的批复")
    #expect(document.recipients == ["某某省人民政府"])
  }

  @Test func blockOfShortLinksIsChrome() {
    let body = HTMLBlocks.rejoin(
      "<ul><li><a>首页</a></li><li><a>要闻</a></li></ul><p>正文<a>一个链接</a>。</p><div>附件：<a>1.某某项目实施方案</a></div>")
    #expect(body == "<p>正文<a>一个链接</a>。</p><div>附件：<a>1.某某项目实施方案</a></div>")
    let inline = "<p>详见<span><a>附件1</a>、<a>附件2</a></span>。</p>"
    #expect(HTMLBlocks.rejoin(inline) == inline)
  }

  @Test func shareAndQRCodeBoxesAreChrome() {
    let body = ##"<p>正文。</p><div>分享到：<a href="#"></a><a href="#"></a></div>"##
      + #"<div><img src="qr.png"><p>扫一扫在手机打开当前页</p></div><p><img src="banner.png"></p>"#
      + #"<div><img src="wx.png"><p>扫码关注“北仑发布”微信公众号</p></div>"#
    #expect(HTMLBlocks.rejoin(body) == "<p>正文。</p>")
  }

  /// Lines beside an image stay when they are longer than a caption, or hold a link with text
  /// (an attachment), and a bookmark `<a name>` is no icon.
  @Test func documentLinesBesideImagesStay() {
    for body in [
      #"<p><img src="doc.gif"><a href="a.pdf">附件：实施方案</a></p>"#, #"<p><a name="_Toc1"></a>国务院</p>"#,
      #"<div><img src="map.png"><p>某某市人民政府关于某某工作的情况说明</p></div>"#,
    ] {
      #expect(HTMLBlocks.rejoin(body) == body)
    }
  }

  @Test func bracketClosedOnItsLineKeepsTheBoundary() {
    #expect(HTMLBlocks.rejoin("<p>（一）加快施工</p>\n<p>（二）保障资金</p>") == "<p>（一）加快施工</p>\n<p>（二）保障资金</p>")
    #expect(HTMLBlocks.rejoin("<p>（一）</p><p>加快施工</p>") == "<p>（一）</p><p>加快施工</p>")
  }
}

@Suite("Input: page geometry")
struct PageLayoutTests {
  func word(_ text: String, _ minX: Double, _ maxX: Double, y: Double = 100) -> PlacedWord {
    PlacedWord(text: text, minX: minX, minY: y, maxX: maxX, maxY: y + 10)
  }

  @Test func paddedNameKeepsItsGap() {
    let lines = PageLayout.lines(of: [word("王", 0, 10), word("翔", 30, 40)])
    #expect(lines.map(\.text) == ["王  翔"])
  }

  /// Two typed spaces in a proportional font are half an em: between Chinese glyphs, which sit
  /// edge to edge, that is a gap; a third of one is not.
  @Test func halfAnEmBetweenChineseIsAGap() {
    #expect(PageLayout.lines(of: [word("荣光耀", 0, 30), word("钮", 35, 45), word("远", 50, 60)]).map(\.text) == ["荣光耀 钮 远"])
    #expect(PageLayout.lines(of: [word("甲", 0, 10), word("乙", 13, 23)]).map(\.text) == ["甲乙"])
  }

  @Test func digitsBesideChineseJoinWithoutSpace() {
    let lines = PageLayout.lines(of: [word("剩余", 0, 20), word("12", 22.5, 32.5), word("处", 35, 45)])
    #expect(lines.map(\.text) == ["剩余12处"])
  }

  @Test func latinWordsKeepOneSpace() {
    let lines = PageLayout.lines(of: [word("Gongwen", 0, 35), word("reads", 37.5, 62.5)])
    #expect(lines.map(\.text) == ["Gongwen reads"])
  }

  @Test func wordsOnOneBaselineMakeOneLineInXOrder() {
    let lines = PageLayout.lines(of: [word("二", 20, 30, y: 120), word("乙", 10, 20, y: 101), word("甲", 0, 10, y: 100)])
    #expect(lines.map(\.text) == ["甲乙", "二"])
  }

  /// `pdftotext -bbox-layout` output of an A4 page: each line one word, at `x`, `y`, `size`.
  static func bboxPage(_ lines: [(text: String, x: Double, y: Double, size: Double)]) -> String {
    let words = lines.map { line in
      let width = line.size * Double(line.text.unicodeScalars.count)
      return "<word xMin=\"\(line.x)\" yMin=\"\(line.y)\" xMax=\"\(line.x + width)\" yMax=\"\(line.y + line.size)\">\(line.text)</word>"
    }
    return "<doc>\n<page width=\"595.0\" height=\"842.0\">\n" + words.joined(separator: "\n") + "\n</page>\n</doc>\n"
  }

  /// A title centred in 22 pt over two lines, under a 16 pt 发文机关标志 and a 12 pt 发文字号,
  /// above a 12 pt body.
  @Test func centredTitleAboveTheBodyIsOneLine() {
    func centred(_ text: String, y: Double, size: Double) -> (String, Double, Double, Double) {
      (text, (595 - size * Double(text.unicodeScalars.count)) / 2, y, size)
    }
    let output = Self.bboxPage([
      centred("某某县人民政府办公室", y: 80, size: 16), centred("某政办〔2023〕7号", y: 110, size: 12),
      centred("关于做好二〇二三年度春季", y: 150, size: 22), centred("森林防火工作的通知", y: 178, size: 22),
      ("各乡镇人民政府，县直各有关单位：", 72, 220, 12),
      ("为切实做好今年春季森林防火工作，保护森林资源，现将有关事项通知如下：", 96, 240, 12),
      ("一、压实防火责任。", 96, 260, 12), centred("二、加强火源管控", y: 280, size: 22),
      centred("和野外用火管理", y: 305, size: 22),
    ])
    let pages = PDFExtractor.parse(output)
    #expect(PDFExtractor.firstPageWidth(Data(output.utf8)) == 595)
    #expect(
      PageLayout.lines(of: pages, firstPageWidth: 595).map { $0.map(\.text) } == [
        [
          "某某县人民政府办公室", "某政办〔2023〕7号", "关于做好二〇二三年度春季森林防火工作的通知", "各乡镇人民政府，县直各有关单位：",
          "为切实做好今年春季森林防火工作，保护森林资源，现将有关事项通知如下：", "一、压实防火责任。", "二、加强火源管控", "和野外用火管理",
        ]
      ])
    // Without the page's width nothing is told centred.
    #expect(PageLayout.lines(of: pages)[0][2].text == "关于做好二〇二三年度春季")
  }

  @Test(arguments: [("- 3 -", true), ("— 12 —", true), ("第 3 页 共 9 页", true), ("3/9", true), ("第三次会议", false), ("2022年", false)])
  func pageNumbers(text: String, isPageNumber: Bool) {
    #expect(PageLayout.isPageNumber(text) == isPageNumber)
  }

  @Test func runningHeaderRepeatedOnPagesIsDropped() {
    let page = { (n: Int) in
      (words: [self.word("某市人民政府文件", 0, 80, y: 10), self.word("正文\(n)", 0, 30, y: 400), self.word("- \(n) -", 40, 60, y: 800)], height: 842.0)
    }
    #expect(PageLayout.lines(of: [page(1), page(2)]).map { $0.map(\.text) } == [["正文1"], ["正文2"]])
  }
}

@Suite("Input: DOCX numbering and OFD advances")
struct PackageFormatTests {
  @Test func listNumbersRenderTheirMarkers() throws {
    let xml = """
      <w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num></w:numbering>
      """
    var numbering = ListNumbering(try PartElement.parse(Data(xml.utf8), name: "numbering.xml"))
    let markers = [0, 1, 1, 2, 0, 1].map { numbering.marker(numID: "5", level: $0) }
    #expect(markers == ["一、", "（一）", "（二）", "1.", "二、", "（一）"])
    #expect(numbering.marker(numID: "9", level: 0) == "")
  }

  @Test func paragraphsRunsTablesAndNumbers() throws {
    let numberingXML = """
      <w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/>
      <w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num></w:numbering>
      """
    let documentXML = """
      <w:document xmlns:w="w"><w:body>
      <w:p><w:r><w:t>市政府</w:t></w:r><w:r><w:t>常务会议纪要</w:t></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>关于项目</w:t></w:r></w:p>
      <w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>关于资金</w:t></w:r></w:p>
      <w:p><w:r><w:t>出席：</w:t><w:tab/><w:t>王翔</w:t><w:br/><w:t>李明</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
      <w:tbl><w:tr><w:tc><w:p><w:r><w:t>主持</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>王翔</w:t></w:r></w:p></w:tc></w:tr>
      <w:tr><w:tc><w:p><w:r><w:t>记录</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>张三</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
      <w:sectPr/></w:body></w:document>
      """
    var numbering = ListNumbering(try PartElement.parse(Data(numberingXML.utf8), name: "numbering.xml"))
    let lines = try DOCXExtractor.lines(
      of: PartElement.parse(Data(documentXML.utf8), name: "document.xml"), numbering: &numbering)
    #expect(lines == ["市政府常务会议纪要", "一、关于项目", "二、关于资金", "出席：\t王翔\n李明", "主持  王翔", "记录  张三"])
  }

  /// A text box, as Word writes it: once for new readers, once in VML for old ones.
  @Test func aTextBoxIsReadOnceAsLinesOfItsOwn() throws {
    let box = { (text: String) in
      "<w:txbxContent><w:p><w:r><w:t>\(text)</w:t></w:r></w:p><w:p><w:r><w:t>2022年9月8日</w:t></w:r></w:p></w:txbxContent>"
    }
    let documentXML = """
      <w:document xmlns:w="w" xmlns:mc="mc"><w:body><w:p><w:r><w:t>散会。</w:t></w:r><w:r><mc:AlternateContent>
      <mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="wps">\(box("泉州市人民政府办公室"))</wps:txbx></w:drawing></mc:Choice>
      <mc:Fallback><w:pict><v:textbox xmlns:v="v">\(box("泉州市人民政府办公室"))</v:textbox></w:pict></mc:Fallback>
      </mc:AlternateContent></w:r></w:p></w:body></w:document>
      """
    var numbering = ListNumbering(nil)
    let lines = try DOCXExtractor.lines(of: PartElement.parse(Data(documentXML.utf8), name: "document.xml"), numbering: &numbering)
    #expect(lines == ["散会。\n泉州市人民政府办公室\n2022年9月8日"])
  }

  @Test(arguments: [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (99, "九十九")])
  func chineseCounting(value: Int, text: String) {
    #expect(ListNumbering.chinese(value) == text)
  }

  @Test(arguments: [
    ("chineseLegalSimplified", 12, "拾贰"), ("chineseLegalSimplified", 3, "叁"), ("ideographTraditional", 3, "丙"),
    ("ideographZodiac", 1, "子"), ("ideographDigital", 10, "一〇"), ("decimalEnclosedCircle", 2, "②"),
    ("decimalEnclosedCircle", 21, "21"), ("decimalEnclosedParen", 1, "⑴"), ("decimalEnclosedFullstop", 3, "⒊"),
    ("decimalZero", 7, "07"), ("upperRoman", 14, "XIV"), ("lowerRoman", 9, "ix"), ("lowerLetter", 2, "b"),
    ("taiwaneseCountingThousand", 2, "二"), ("decimal", 12, "12"), ("bullet", 1, ""),
  ])
  func numberFormats(format: String, value: Int, text: String) {
    #expect(ListNumbering.render(value, format: format) == text)
  }

  @Test func ofdDeltaRunsExpand() {
    #expect(OFDExtractor.expandDeltas("3.5 g 3 7 1.75") == [3.5, 7, 7, 7, 1.75])
  }
}

@Suite("Input: DOCX list numbering")
struct DOCXNumberingTests {
  static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

  static func part(_ xml: String) throws -> PartElement {
    try PartElement.parse(Data(xml.utf8), name: "test.xml")
  }

  /// One abstract list of two levels (一、 and （一）), linked to two heading styles; the second
  /// level's style is based on a style that carries the list, as Word's outline headings do.
  static let numbering = """
    <w:numbering \(w)><w:abstractNum w:abstractNumId="3">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/><w:lvlText w:val="%1、"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H2"/><w:lvlText w:val="（%2）"/></w:lvl>
    </w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>
    """
  static let styles = """
    <w:styles \(w)>
    <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Outline"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H2"><w:basedOn w:val="Outline"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="Plain"><w:basedOn w:val="H1"/><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
    </w:styles>
    """

  static func paragraph(_ style: String?, _ text: String, direct: String = "") -> String {
    let properties = (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "") + direct
    return "<w:p><w:pPr>\(properties)</w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
  }

  static func numbered(_ numID: String, _ text: String) -> String {
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"\(numID)\"/></w:numPr></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
  }

  static func lines(_ paragraphs: [String], numbering: String, styles: String? = nil) throws -> [String] {
    let document = try part("<w:document \(w)><w:body>\(paragraphs.joined())</w:body></w:document>")
    var numbering = ListNumbering(try part(numbering), styles: try styles.map { xml throws in try part(xml) })
    return try DOCXExtractor.lines(of: document, numbering: &numbering)
  }

  /// Word's "restart numbering": a second list on the same abstract list, whose level 0 starts
  /// again at 1; the first list, used again, goes on from its abstract list's count.
  @Test func aRestartedListStartsAgain() throws {
    let numbering = """
      <w:numbering \(Self.w)><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>
      <w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
      </w:numbering>
      """
    let paragraphs = [("1", "甲"), ("1", "乙"), ("2", "丙"), ("2", "丁"), ("1", "戊")].map { Self.numbered($0, $1) }
    #expect(try Self.lines(paragraphs, numbering: numbering) == ["一、甲", "二、乙", "一、丙", "二、丁", "三、戊"])
  }

  /// A list style: the paragraph's list names an abstract list that is only a
  /// `w:numStyleLink` to a numbering style, whose own list holds the levels.
  @Test func aListStyleNumbersThroughItsStyle() throws {
    let numbering = """
      <w:numbering \(Self.w)><w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="Sections"/></w:abstractNum>
      <w:abstractNum w:abstractNumId="6"><w:styleLink w:val="Sections"/><w:lvl w:ilvl="0"><w:start w:val="1"/>
      <w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="6"/></w:num>
      </w:numbering>
      """
    let styles = """
      <w:styles \(Self.w)><w:style w:type="numbering" w:styleId="Sections"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>
      """
    #expect(
      try Self.lines([Self.numbered("1", "关于项目"), Self.numbered("1", "关于资金")], numbering: numbering, styles: styles)
        == ["一、关于项目", "二、关于资金"])
  }

  @Test func numbersFromTheParagraphStyleAreWrittenOut() throws {
    let body = [
      Self.paragraph("H1", "关于项目建设"), Self.paragraph("H2", "加快施工"), Self.paragraph("H2", "保障资金"),
      Self.paragraph("Plain", "会议强调。"), Self.paragraph("H1", "关于用地保障"), Self.paragraph("H2", "加快报批"),
      Self.paragraph("H1", "其他事项", direct: "<w:numPr><w:ilvl w:val=\"1\"/></w:numPr>"),
      Self.paragraph(nil, "散会。"),
    ].joined()
    let document = try Self.part("<w:document \(Self.w)><w:body>\(body)</w:body></w:document>")
    var numbering = ListNumbering(try Self.part(Self.numbering), styles: try Self.part(Self.styles))
    #expect(
      try DOCXExtractor.lines(of: document, numbering: &numbering) == [
        "一、关于项目建设", "（一）加快施工", "（二）保障资金", "会议强调。", "二、关于用地保障", "（一）加快报批",
        "（二）其他事项", "散会。",
      ])
  }
}
