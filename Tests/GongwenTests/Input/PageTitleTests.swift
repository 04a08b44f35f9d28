import Foundation
import Testing

@testable import Gongwen

/// A saved page's `<title>`: read from the head, used only when the body shows no title.
@Suite("Input: a saved page's <title> as the fallback title")
struct PageTitleTests {
  let parser = DocumentParser()

  static func page(title: String, body: String) -> String {
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>\(title)</title></head>\n<body>\(body)</body></html>\n"
  }

  static let noticeBody =
    "<p>各区人民政府，市各委办局：</p><p>为做好春节期间安全生产工作，现将有关事项通知如下。</p>"
    + "<p>一、压实安全责任。</p><p>二、加强值班值守。</p>"

  @Test(arguments: [
    ("关于做好春节期间安全生产工作的通知_中国政府网", "关于做好春节期间安全生产工作的通知"),
    ("关于做好春节期间安全生产工作的通知 - 信息公开 - 某市人民政府", "关于做好春节期间安全生产工作的通知"),
    ("关于做好春节期间  安全生产工作的\n  通知|某市政府", "关于做好春节期间 安全生产工作的 通知"),
    ("关于印发《某某办法》的通知&nbsp;&#x5F20;&amp;", "关于印发《某某办法》的通知 张&"),
    ("中国政府网", "中国政府网"),
    ("通知_某市人民政府门户网站", "通知_某市人民政府门户网站"),
    ("   ", nil),
  ] as [(String, String?)])
  func titleTextIsDecodedFoldedAndLosesTheSiteSuffix(title: String, expected: String?) {
    #expect(HTMLPage.title(of: Self.page(title: title, body: "<p>正文</p>")) == expected)
  }

  @Test func aPageWithoutTitleElementHasNone() {
    #expect(HTMLPage.title(of: "<html><head><titles>x</titles></head><body><p>正文</p></body></html>") == nil)
    #expect(HTMLPage.title(of: "<html><body><p>正文</p></body></html>") == nil)
  }

  @Test func theTitleElementIsReadInEitherCaseWithAttributes() {
    #expect(HTMLPage.title(of: "<HTML><HEAD><TITLE lang=\"zh\">某市会议纪要</TITLE></HEAD></HTML>") == "某市会议纪要")
  }

  /// The body opens with its recipients: no title there, so the page's `<title>` is the title.
  @Test func aBodyWithoutTitleTakesThePageTitle() throws {
    let page = Self.page(title: "关于做好春节期间安全生产工作的通知_某市人民政府", body: Self.noticeBody)
    let decoded = try DocumentReader().read(Data(page.utf8))
    #expect(decoded.format == .html)
    #expect(decoded.pageTitle == "关于做好春节期间安全生产工作的通知")
    #expect(!decoded.text.contains("春节期间安全生产工作的通知"))
    let document = parser.parse(decoded)
    #expect(document.title == "关于做好春节期间安全生产工作的通知")
    #expect(document.sourceRanges.title == [])
    #expect(document.diagnostics.filter { $0.code == .titleFromPageTitle }.map(\.severity) == [.note])
  }

  /// The body's own title line wins over a `<title>` that only names the site's section.
  @Test func aBodyTitleWinsOverThePageTitle() throws {
    let page = Self.page(
      title: "政策文件 - 某市人民政府",
      body: "<p>某市人民政府关于做好春节期间安全生产工作的通知</p>" + Self.noticeBody)
    let document = try parser.parse(bytes: Data(page.utf8))
    #expect(document.title == "某市人民政府关于做好春节期间安全生产工作的通知")
    #expect(document.sourceRanges.title.count == 1)
    #expect(!document.diagnostics.contains { $0.code == .titleFromPageTitle })
  }

  @Test func plainTextHasNoPageTitle() throws {
    let decoded = try DocumentReader().read(Data("<title>不是网页</title>\n会议纪要\n".utf8))
    #expect(decoded.format == .text)
    #expect(decoded.pageTitle == nil)
  }
}
