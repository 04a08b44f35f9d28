import Testing

@testable import Gongwen

@Suite("Entities: 发文字号, kind, title, recipients, references")
struct FrontMatterTests {
  /// `text` folded as one paragraph, as the readers see it.
  func folded(_ text: String) -> LexicalText { Lines([text]).lexical }

  @Test(arguments: [
    ("苏府〔2021〕12号", "苏府〔2021〕12号", "苏府", 2021, 12),
    ("东府办函[2003]248号", "东府办函[2003]248号", "东府办函", 2003, 248),
    ("(国函[20O0]31号)", "国函[20O0]31号", "国函", 2000, 31),
    ("宜政„2009‟62号", "宜政„2009‟62号", "宜政", 2009, 62),
    ("文号 :晋政发〔2018〕13号", "晋政发〔2018〕13号", "晋政发", 2018, 13),
    ("發(fā)文字號(hào)國(guó)辦發(fā)〔1986〕53號(hào)", "國(guó)辦發(fā)〔1986〕53號(hào)", "國(guó)辦發(fā)", 1986, 53),
    ("…检查情况的通报潭政办通〔2019〕3号", "潭政办通〔2019〕3号", "潭政办通", 2019, 3),
    ("南政办函(2018)31号福建省林业厅:", "南政办函(2018)31号", "南政办函", 2018, 31),
    ("临政〔2022〕第15号", "临政〔2022〕第15号", "临政", 2022, 15),
  ])
  func documentNumbers(text: String, printed: String, code: String, year: Int, number: Int) throws {
    let t = folded(text)
    let match = try #require(DocumentNumberReader(lexicon: .builtIn).matches(in: t.scalars, 0..<t.scalars.count).first)
    #expect(t.string(match.range) == printed)
    #expect(t.string(match.code) == code)
    #expect(match.parts.year == year && match.parts.number == number)
  }

  @Test(arguments: ["岳政发〔200916号文件", "2015年3月3日", "(2013-2030)", "第126次"])
  func notDocumentNumbers(text: String) {
    let s = folded(text).scalars
    #expect(DocumentNumberReader(lexicon: .builtIn).matches(in: s, 0..<s.count).isEmpty)
  }

  @Test(arguments: [
    ("苏州市人民政府第126次常务会议纪要", DocumentKind.minutes), ("国务院关于同意福建省设立泉州市泉港区的批复", .reply),
    ("國務院關於同意吉林省設立扶餘縣的批覆", .reply), ("山西省人民政府关于印发实施方案的通知", .notice),
    ("宿迁市人民政府关于加快推进农村生活污水治理的指 导 意 见", .opinion), ("太湖县人民政府工作规则", .rules), ("校长办公会会议制度", .rules), ("关于印发会议制度的通知", .notice),
    ("关于商请支持的函", .letter), ("區政府第5次常務會議紀錄", .minutes), ("《成都市人民政府辦公廳關(guān)于建立制度的通知》", .notice),
  ])
  func kindsFromTitles(title: String, kind: DocumentKind) {
    let s = folded(title).scalars
    #expect(KindWords(lexicon: .builtIn).kind(ofTitle: s, 0..<s.count) == kind)
  }

  @Test(arguments: [
    ("经研究，现批复如下：一、同意。", DocumentKind.reply), ("现将《办法》印发给你们，请认真执行。", .notice),
    ("为规范会议程序，结合实际，特制定本规则。", .rules), ("为提高会议效率，制定本议事规则。", .rules),
    ("2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议。", .minutes), ("妥否，请批示。", .request),
  ])
  func kindsFromFormulas(text: String, kind: DocumentKind) {
    #expect(KindWords(lexicon: .builtIn).kind(fromFormulasIn: folded(text).scalars) == kind)
  }

  func frontMatter(_ lines: [String]) -> (FrontMatterReader.FrontMatter, LexicalText) {
    let text = Lines(lines).lexical
    let ranges = text.paragraphs.map(\.range)
    let labelled = ranges.map { BlockLabel.read(text.scalars, at: $0.lowerBound, limit: $0.upperBound, lexicon: .builtIn) != nil }
    return (FrontMatterReader(lexicon: .builtIn).read(text.scalars, ranges, labelled: labelled), text)
  }

  @Test func aWrappedTitleUnderTheBannerWithItsNumberAndRecipients() {
    let (front, s) = frontMatter([
      "发布机构：宿迁市人民政府办公室", "文号：宿政发〔2020〕88号", "宿迁市人民政府文件", "宿政发〔2020〕88号", "宿迁市人民政府",
      "关于加快推进农村生活污水治理的", "指 导 意 见", "各县、区人民政府，市各开发区、新区管委会，市各委、办、局，市各直属单位：",
    ])
    #expect(front.title.map { s.compactString($0) }.joined() == "宿迁市人民政府关于加快推进农村生活污水治理的指导意见")
    #expect(front.docNumber.map { s.string($0.range) } == "宿政发〔2020〕88号")
    #expect(
      front.recipients.map { s.string($0) } == ["各县、区人民政府", "市各开发区、新区管委会", "市各委、办、局", "市各直属单位"])
  }

  @Test func aGluedWebCopy() {
    let (front, s) = frontMatter(["南平市人民政府办公室关于商请支持生态移民安置工作的函 南政办函(2018)31号福建省林业厅:武夷山国家公园体制试点工作开展以来。"])
    #expect(front.title.map { s.string($0) } == ["南平市人民政府办公室关于商请支持生态移民安置工作的函"])
    #expect(front.docNumber.map { s.string($0.range) } == "南政办函(2018)31号")
    #expect(front.recipients.map { s.string($0) } == ["福建省林业厅"])
  }

  @Test func citedNumbersAndSentencesAreNotTheDocumentsOwn() {
    let (front, _) = frontMatter(["你省《关于恢复扶余县的请示》(吉政文〔1995〕5号)收悉。现批复如下:"])
    #expect(front.docNumber == nil)
    #expect(front.recipients.isEmpty)
    #expect(front.title.isEmpty)
  }

  @Test(arguments: [
    "2021年11月21日上午,区长周明在区政府会议室主持召开区政府第6次常务会议,会议研究了以下事项:",
    "xx年xx月xx日,代县长主持召开了县政府第xx次常务会议,现将会议确定事项纪要如下:",
    "7月2日上午,常务副市长刘建华在市政府第七会议室主持召开协调会,参加会议的有:市政府副秘书长叶明。",
  ])
  func anOpeningEndingWithAColonIsNoListOfRecipients(line: String) {
    let (front, _) = frontMatter([line])
    #expect(front.recipients.isEmpty)
  }

  @Test func recipientsWithoutOrganEndings() {
    let (front, s) = frontMatter(["各部门,各社区,平台公司,驻区有关单位:", "现将有关事项通知如下。"])
    #expect(front.recipients.map { s.string($0) } == ["各部门", "各社区", "平台公司", "驻区有关单位"])
  }

  @Test func theTitleAfterAPagesHeadIsTheDocuments() {
    let (front, s) = frontMatter([
      "《某公司会务工作管理规范》的通知", "神宁办〔2011〕161号", "关于印发《某集团有限责任公司", "会议管理规范》的通知", "集团公司各单位,机关各部门:",
    ])
    #expect(front.title.map { s.string($0) }.joined() == "关于印发《某集团有限责任公司会议管理规范》的通知")
    let (marked, m) = frontMatter(["title=''/", "校长办公会议制度", "2016年10月12日", "校长办公会会议制度", "1、校长办公会议是学校行政领导的决策会议。"])
    #expect(marked.title.map { m.string($0) } == ["校长办公会会议制度"])
    let (labelled, l) = frontMatter([
      "某开发区管委会关于印发议事规则的通知", "文章属性", "【公布日期】2018.03.08", "【时效性】现行有效", "正文", "关于印发议事规则的通知", "合新管〔2018〕24号", "各部门:",
    ])
    #expect(labelled.title.map { l.string($0) } == ["关于印发议事规则的通知"])
    let (levelled, _) = frontMatter(["某开发区管委会关于印发议事规则的通知", "【效力等级】地方规范性文件", "【公布日期】2018.03.08", "关于印发议事规则的通知"])
    #expect(levelled.organMark == nil)
  }

  @Test func aTableOfContentsLineIsNoTitle() {
    let (front, s) = frontMatter(["某市重大行政决策程序实施办法", "（2020年9月18日某市人民政府第62次常务会议通过）", "目  录", "第一章  总则", "第三章  合法性审查和集体讨论决定"])
    #expect(front.title.map { s.string($0) } == ["某市重大行政决策程序实施办法"])
  }

  @Test func aQualifierUnderTheTitleIsPartOfIt() {
    let document = DocumentParser().parse(["某大学校长办公会议组织办法", "(试行)", "第一章 总则", "第一条 校长办公会议是学校的行政会议。"].joined(separator: "\n"))
    #expect(document.title == "某大学校长办公会议组织办法(试行)")
    #expect(document.kind == .rules)
  }

  @Test func anOrderHasItsNumberAndNoTitleOfItsOwn() {
    let document = DocumentParser().parse(
      ["某省《地方志工作条例》实施办法", "某省人民政府", "某省人民政府令第103号", "《某省〈地方志工作条例〉实施办法》已经省人民政府常务会议通过,现予公布,自2008年1月1日起施行。"]
        .joined(separator: "\n"))
    #expect(document.kind == .order)
    #expect(document.docNumber == "某省人民政府令第103号")
    #expect(document.docNumberParts?.number == 103)
    #expect(document.title == nil)
  }

  @Test func newsHeadlinesOfMeetings() {
    let decks = DocumentParser().parse(
      ["市政协召开十一届八次主席会议", "吴林主持", "9月20日上午,市政协召开十一届八次主席会议。市政协主席吴林主持会议。"].joined(separator: "\n"))
    #expect(decks.title == "市政协召开十一届八次主席会议吴林主持")
    #expect(decks.kind == .minutes)
    #expect(decks.meeting?.chair?.name == "吴林")
    // The last deck's `作政府工作报告` is what was done there, not the kind of the page.
    let glued = DocumentParser().parse(
      ["稳中求进谋转型 平安县第十五届人民代表大会第二次会议隆重开幕 李文华主持 王强作政府工作报告 作者: 时间:2012-04-13", "本报讯昨日上午,平安县第十五届人民代表大会第二次会议隆重开幕。"]
        .joined(separator: "\n"))
    #expect(glued.kind == .minutes)
    #expect(glued.meeting?.type == "人民代表大会")
    // A notice about a meeting is a notice.
    let notice = DocumentParser().parse(["平安市人民政府办公室 关于召开全市安全生产工作会议的通知", "各县(区)人民政府:", "经研究,定于3月5日召开全市安全生产工作会议。特此通知。"].joined(separator: "\n"))
    #expect(notice.kind == .notice)
  }

  @Test func recipientsKeepBracketsAndEnumerationCommas() {
    let s = folded("各县（市、区）人民政府，市人民政府各部门；各有关单位。").scalars
    #expect(
      ListSplitter.entries(in: s, 0..<s.count).map { s.string($0) } == ["各县（市、区）人民政府", "市人民政府各部门", "各有关单位"])
  }

  @Test(arguments: [("（", "）"), ("〔", "〕"), ("[", "]"), ("【", "】"), ("《", "》")])
  func separatorsInsideBracketsBelongToTheEntry(open: String, close: String) {
    let s = folded("各县\(open)市，区；镇。乡\(close)人民政府，市各委办局：").scalars
    let entries = ListSplitter.entries(in: s, 0..<s.count).map { s.string($0) }
    #expect(entries.count == 2)
    #expect(entries.last == "市各委办局")
    #expect(entries.first?.hasSuffix("人民政府") == true)
  }

  @Test func referencesKeepNestingAndTheirNumbers() {
    let text = "审议落实《<政府工作报告>2021年主要目标任务分工方案》，根据《国务院关于激发重点群体活力的实施意见》(国发〔2016〕56号)精神，推动《湖南省人民政府办公厅印发<关于若干政策措施>的通知》《懷化市貫徹落實〈關于打好經濟增長主動仗〉實施方案》。"
    let normalized = lexical(text)
    let references = ReferenceReader(lexicon: .builtIn).references(in: normalized, normalized.paragraphs.map(\.range))
    #expect(
      references.map(\.title) == [
        "<政府工作报告>2021年主要目标任务分工方案", "国务院关于激发重点群体活力的实施意见", "湖南省人民政府办公厅印发<关于若干政策措施>的通知",
        "懷化市貫徹落實〈關于打好經濟增長主動仗〉實施方案",
      ])
    #expect(references.map(\.nested) == [["政府工作报告"], [], ["关于若干政策措施"], ["關于打好經濟增長主動仗"]])
    #expect(references.map(\.docNumber) == [nil, "国发〔2016〕56号", nil, nil])
    let first = references[0].range!
    #expect(String(String.UnicodeScalarView(Array(text.unicodeScalars)[first.range])) == "《<政府工作报告>2021年主要目标任务分工方案》")
  }
}

@Suite("Entities: 版头 and 附件说明")
struct HeaderTests {
  @Test func theHeadAboveTheTitle() throws {
    let document = DocumentParser().parse(
      """
      000123
      秘密★1年 特急
      杭州市临安区人民政府文件
      临政〔2022〕15号　　　　签发人：王建平　李明
      杭州市临安区人民政府关于将路网工程列入市级重点建设项目的请示
      杭州市人民政府：
      现就有关事项请示如下：妥否，请批示。
      杭州市临安区人民政府
      2022年3月8日
      """)
    #expect(document.kind == .request)
    #expect(
      document.header
        == Header(copyNumber: "000123", classification: "秘密★1年", urgency: "特急", organMark: "杭州市临安区人民政府文件", signers: ["王建平", "李明"]))
    #expect(document.docNumber == "临政〔2022〕15号")
    #expect(document.title == "杭州市临安区人民政府关于将路网工程列入市级重点建设项目的请示")
    #expect(document.recipients == ["杭州市人民政府"])
  }

  @Test func attachmentsListedAfterTheBody() {
    let document = DocumentParser().parse(
      """
      舟山市人民政府办公室关于做好海洋渔业安全生产工作的通知
      各县（区）人民政府：
      现将有关事项通知如下，请认真贯彻执行。
      附件：1．2022年舟山市渔业安全生产重点任务
      　　　分解表
      　　　2．舟山市渔船隐患排查整治情况统计表
      舟山市人民政府办公室
      2022年4月2日
      """)
    #expect(document.attachments == ["2022年舟山市渔业安全生产重点任务分解表", "舟山市渔船隐患排查整治情况统计表"])
    #expect(document.header == nil)
  }
}

@Suite("Entities: source ranges of the plain values")
struct SourceRangeTests {
  @Test func everyPlainValuePointsBackToItsText() throws {
    let text = """
      苏州市人民政府文件
      苏府〔2021〕12号
      苏州市人民政府关于做好
      安全生产工作的通知
      各市、区人民政府，市各委办局：
      现将有关事项通知如下。
      苏州市人民政府
      2021年2月3日
      （此件公开发布）
      抄送：市委办公室，市人大常委会办公室。
      """
    let document = DocumentParser().parse(text)
    let source = Array(text.unicodeScalars)
    func quoted(_ range: SourceRange?) -> String? { range.map { String(String.UnicodeScalarView(source[$0.range])) } }
    #expect(document.sourceRanges.title.map(quoted) == ["苏州市人民政府关于做好", "安全生产工作的通知"])
    #expect(quoted(document.sourceRanges.docNumber) == "苏府〔2021〕12号")
    #expect(document.sourceRanges.recipients.map(quoted) == ["各市、区人民政府", "市各委办局"])
    #expect(quoted(document.sourceRanges.note) == "此件公开发布")
    #expect(document.sourceRanges.distribution.map(quoted) == ["市委办公室", "市人大常委会办公室"])
    #expect(quoted(document.signature?.range) == "苏州市人民政府\n2021年2月3日")
  }
}
