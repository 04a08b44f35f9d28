import Foundation
import Testing

@testable import Gongwen

@Suite("Normalisation: extraction artefacts, folding, offsets")
struct NormalizerTests {
  let normalizer = Normalizer()

  func paragraphs(_ text: String, _ options: Normalizer.Options = .init()) -> [String] {
    let normalized = Normalizer(options: options).normalize(text)
    return normalized.paragraphs.map { normalized.string(of: $0) }
  }

  /// A PDF extraction: lines wrapped at a fixed width, a blank line after every line, a
  /// trailing space on each paragraph's last line.
  let extraction = """
    会议议定以下意见： \n\n\
    一、审议落实《<政府工作报告>2021年主要目标任务分工方\n\
     案》 \n\n\
    （一）原则同意《<政府工作报告>2021年主要目标任务分工\n\n\
    方案》。由市发改委根据本次会议讨论意见作进一步修改完善后\n\n\
    按程序发文，各地各部门按照分工方案，抓好任务落实。 \n\n\
    （二）市人代会审议通过的《政府工作报告》，是市政府对\n\n\
    全市人民的庄严承诺，是“任务书”和“军令状”，是政府系统\n\n\
    做好全年工作的总“施工图”。今年，是“十四五”规划的开局\n\n\
    之年，也是建党 100周年，各地各部门要进一步提高思想认识，\n\n\
    不折不扣完成各项工作任务，确保按时保质向人民兑现承诺。 \n\n
    """

  @Test func hardWrappedLinesAreJoinedAtTrailingSpaces() {
    #expect(
      paragraphs(extraction) == [
        "会议议定以下意见：",
        "一、审议落实《<政府工作报告>2021年主要目标任务分工方案》",
        "（一）原则同意《<政府工作报告>2021年主要目标任务分工方案》。由市发改委根据本次会议讨论意见作进一步修改完善后按程序发文，各地各部门按照分工方案，抓好任务落实。",
        "（二）市人代会审议通过的《政府工作报告》，是市政府对全市人民的庄严承诺，是“任务书”和“军令状”，是政府系统做好全年工作的总“施工图”。今年，是“十四五”规划的开局之年，也是建党100周年，各地各部门要进一步提高思想认识，不折不扣完成各项工作任务，确保按时保质向人民兑现承诺。",
      ])
  }

  @Test func wrappedTextWithoutTrailingSpacesEndsParagraphsAtShortLinesAndClauseEnds() {
    let text = """
      各地各部门要围绕全年经济社会发展的主要目标任务、重大改革举措
      、重点工程和实事项目，严格对照任务分解表，结合各自工作实际，
      进一步细化量化节点化，尽快拿出具体的任务书。
      各责任部门要认真对照方案，全力履职尽责。涉及多个部门共同完
      成的任务，牵头部门要负好责、牵好头，其他部门要密切配合、通
      力协作
      会议要求：
      """
    #expect(
      paragraphs(text) == [
        "各地各部门要围绕全年经济社会发展的主要目标任务、重大改革举措、重点工程和实事项目，严格对照任务分解表，结合各自工作实际，进一步细化量化节点化，尽快拿出具体的任务书。",
        "各责任部门要认真对照方案，全力履职尽责。涉及多个部门共同完成的任务，牵头部门要负好责、牵好头，其他部门要密切配合、通力协作",
        "会议要求：",
      ])
  }

  @Test func aLineStartingWithAMarkerOrALabelBeginsAParagraph() {
    let text = """
      三、审议《2021 年市政府挂牌督办 94 项重大安全生产事故隐患项目》
      （一）原则同意《2021年市政府挂牌督办94项重大安全生产事故隐患项
      目》。由市应急局根据本次会议讨论意见按程序发文，并抓好落实。这
      是一个很长的句子要继续写下去才能占满一整行的宽度而不至于变短
      出席：李亚平  王  翔  蒋来清  江  海  吴晓东  曹后灵  杨知评王
      """
    #expect(
      paragraphs(text) == [
        "三、审议《2021年市政府挂牌督办94项重大安全生产事故隐患项目》",
        "（一）原则同意《2021年市政府挂牌督办94项重大安全生产事故隐患项目》。由市应急局根据本次会议讨论意见按程序发文，并抓好落实。这是一个很长的句子要继续写下去才能占满一整行的宽度而不至于变短",
        "出席：李亚平 王 翔 蒋来清 江 海 吴晓东 曹后灵 杨知评王",
      ])
  }

  @Test func webCopiesKeepOneParagraphPerLine() {
    let text = "弋府字〔2015〕23号\n清湖乡人民政府:\n你乡呈送的请示收悉,现批复如下:\n一、同意批准实施。\n弋阳县人民政府\n2015年3月3日"
    #expect(
      paragraphs(text) == [
        "弋府字〔2015〕23号", "清湖乡人民政府:", "你乡呈送的请示收悉,现批复如下:", "一、同意批准实施。", "弋阳县人民政府",
        "2015年3月3日",
      ])
  }

  @Test func blankLinesSeparateParagraphsWhenTheTextIsNotDoubleSpaced() {
    #expect(paragraphs("第一段。\n\n第二段\n第三段") == ["第一段。", "第二段", "第三段"])
  }

  @Test(arguments: [
    ("2021 年 1 月 23 日上午", "2021年1月23日上午"),
    ("市政府第 126 次常务会议", "市政府第126次常务会议"),
    ("挂牌督办 94 项", "挂牌督办94项"),
    ("也是建党 100周年", "也是建党100周年"),
    ("2021年 2月 3日", "2021年2月3日"),
    ("《2021 年市政府挂牌督办》", "《2021年市政府挂牌督办》"),
    ("【一】 9 月 1 日下午", "【一】 9月1日下午"),
  ])
  func spacesExtractionPutAroundNumbersGo(input: String, expected: String) {
    #expect(paragraphs(input) == [expected])
  }

  @Test(arguments: [
    ("出席：李亚平  王  翔  蒋来清", "出席：李亚平 王 翔 蒋来清"),
    ("1 总 则", "1 总 则"),
    ("1.1 编制目的 为主动预防", "1.1 编制目的 为主动预防"),
    ("确保如期建成。 隆中风景区", "确保如期建成。 隆中风景区"),
    ("鹤岗市人民政府 鹤岗市中级人民法院", "鹤岗市人民政府 鹤岗市中级人民法院"),
    ("邮箱:snsfb@163.com 1 总 则", "邮箱:snsfb@163.com 1 总 则"),
    ("苏州市人民政府办公室        2021年 2月 3日印发", "苏州市人民政府办公室 2021年2月3日印发"),
    ("王　翔", "王 翔"),
  ])
  func spacesThatSeparateThingsStayAsOne(input: String, expected: String) {
    #expect(paragraphs(input) == [expected])
  }

  @Test func numberSplitAcrossALineBreakIsJoined() {
    let text = """
       2021 年 1 月 23 日上午，李亚平市长主持召开市政府第 126\n\n\
      次常务会议，审议落实《<政府工作报告>2021年主要目标任务分\n\n\
      工方案》，传达全国岁末年初安全防范工作紧急视频会议、全省\n\n\
      深化安全生产三年专项整治暨 2021 年安全生产工作推进会会议\n\n\
      精神。 \n\n
      """
    #expect(
      paragraphs(text) == [
        "2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议，审议落实《<政府工作报告>2021年主要目标任务分工方案》，传达全国岁末年初安全防范工作紧急视频会议、全省深化安全生产三年专项整治暨2021年安全生产工作推进会会议精神。"
      ])
  }

  @Test func rosterEntriesSplitByALineBreakAreJoinedAndTheJoinIsRecorded() {
    let text = """
      列席：市纪委监委王虎  市委组织部翟克强  市委宣传部刘纯  \n\n\
      市委统战部苏进奇  市委政法委朱耀明  市委网信办\n\n\
      陈雪嵘  市委编办徐威  市委台办沈晶  市档案馆\n\n\
      卜鉴民  市发改委凌鸣  市教育局张曙  市总\n\
       工会都锗邑  团市委方芳  市妇联王燕红 \n\n
      """
    let normalized = normalizer.normalize(text)
    #expect(
      normalized.paragraphs.map { normalized.string(of: $0) } == [
        "列席：市纪委监委王虎 市委组织部翟克强 市委宣传部刘纯",
        "市委统战部苏进奇 市委政法委朱耀明 市委网信办陈雪嵘 市委编办徐威 市委台办沈晶 市档案馆卜鉴民 市发改委凌鸣 市教育局张曙 市总工会都锗邑 团市委方芳 市妇联王燕红",
      ])
    let second = normalized.paragraphs[1]
    let joinedAt = second.lineJoins.map { normalized.string($0..<$0 + 1) }
    #expect(joinedAt == ["陈", "卜", "工"])
    #expect(second.lineCount == 4)
  }

  @Test func pageNumbersAndPageBreakSpacesGo() {
    let text = """
      对各地各部门各单位任务落实和工作进展情况要定期进行通报，对工\n\n\
      — 3 —\n\n\
       作抓得不紧、落实不力、任务欠账大的单位要进行约谈问责、追\n\n\
      -4-\n\n\
      踪问效。这是又一句话要写得足够长才能让这一行占满整个页面宽度 \n\n\
      二、传达全国岁末年初安全防范工作紧急视频会议精神的有关情况 \n\n
      """
    #expect(
      paragraphs(text) == [
        "对各地各部门各单位任务落实和工作进展情况要定期进行通报，对工作抓得不紧、落实不力、任务欠账大的单位要进行约谈问责、追踪问效。这是又一句话要写得足够长才能让这一行占满整个页面宽度",
        "二、传达全国岁末年初安全防范工作紧急视频会议精神的有关情况",
      ])
  }

  @Test(arguments: [
    ("２０２１年ＡＢＣ", "2021年ABC"),
    ("(一)总体要求", "（一）总体要求"),
    ("(1)加强领导", "（1）加强领导"),
    ("㈠总体要求", "（一）总体要求"),
    ("⑴加强领导", "（1）加强领导"),
    ("⒉落实责任", "2.落实责任"),
    ("１．落实责任", "1.落实责任"),
    ("会议要求:(一)加强领导;(二)落实责任", "会议要求:（一）加强领导;（二）落实责任"),
    ("编制规划(2013-2030)的请示", "编制规划(2013-2030)的请示"),
    ("各县(区)人民政府", "各县(区)人民政府"),
    ("“十四五”规划，《通知》，（此件公开发布）", "“十四五”规划，《通知》，（此件公开发布）"),
  ])
  func widthFoldingFoldsOnlyWhatTheContractFolds(input: String, expected: String) {
    #expect(paragraphs(input) == [expected])
  }

  @Test func traditionalToSimplifiedIsAnOptionOffByDefault() {
    #expect(paragraphs("國務院關於會議紀要的通知") == ["國務院關於會議紀要的通知"])
    let simplified = paragraphs("國務院關於會議紀要的通知", .init(convertsTraditionalToSimplified: true))
    #expect(simplified == ["国务院关于会议纪要的通知"])
  }

  @Test func invisibleCharactersGo() {
    #expect(paragraphs("\u{FEFF}会议\u{200B}纪要") == ["会议纪要"])
  }

  @Test func offsetsPointBackToTheInput() {
    let text = " 2021 年 1 月 23 日上午，李亚平市长主持召开市政府第 126\n\n次常务会议。 \n\n"
    let normalized = normalizer.normalize(text)
    let scalars = Array(text.unicodeScalars)
    let joined = normalized.text
    let start = joined.unicodeScalars.firstIndex(of: "李")!
    let offset = joined.unicodeScalars.distance(from: joined.unicodeScalars.startIndex, to: start)
    let range = normalized.sourceRange(of: offset..<offset + 3)
    #expect(String(String.UnicodeScalarView(scalars[range.range])) == "李亚平")
    // `第126次` spans a line break and a space in the input.
    let session = joined.range(of: "第126次")!
    let lower = joined.unicodeScalars.distance(from: joined.unicodeScalars.startIndex, to: session.lowerBound)
    let sessionRange = normalized.sourceRange(of: lower..<lower + 5)
    #expect(String(String.UnicodeScalarView(scalars[sessionRange.range])) == "第 126\n\n次")
  }

  @Test func emptyAndWhitespaceOnlyInputsHaveNoParagraphs() {
    #expect(normalizer.normalize("").paragraphs.isEmpty)
    #expect(normalizer.normalize(" \n\u{3000}\n\n").paragraphs.isEmpty)
  }
}

@Suite("Normalisation of the seed document", .enabled(if: Corpus.sharedIsAvailable))
struct SeedNormalizationTests {
  @Test func theSeedNormalisesToItsParagraphs() throws {
    let text = try Corpus.sharedText(Corpus.seedName)
    let normalized = Normalizer().normalize(text)
    let paragraphs = normalized.paragraphs.map { normalized.string(of: $0) }
    let opening = try #require(paragraphs.first)
    #expect(opening.hasPrefix("2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议，审议落实《<政府工作报告>2021年主要目标任务分工方案》"))
    #expect(opening.hasSuffix("全生产事故隐患项目》。"))
    #expect(paragraphs[1] == "会议议定以下意见：")
    #expect(paragraphs[2] == "一、审议落实《<政府工作报告>2021年主要目标任务分工方案》")
    for (index, marker) in ["（一）", "（二）", "（三）", "（四）"].enumerated() {
      #expect(paragraphs[3 + index].hasPrefix(marker))
    }
    #expect(paragraphs[3].hasSuffix("抓好任务落实。"))
    #expect(paragraphs[6].hasSuffix("追踪问效。"))
    #expect(paragraphs[7].hasPrefix("二、"))
    #expect(paragraphs.contains("记录：栗涛"))
    #expect(paragraphs.contains("苏州市人民政府办公室 2021年2月3日印发"))
  }

  @Test func encodingsAndLineEndsDoNotChangeTheResult() throws {
    let bytes = try Corpus.sharedBytes(Corpus.seedName)
    let text = try #require(String(data: bytes, encoding: .utf8))
    let reference = try DocumentParser().normalize(TextDecoder().decode(bytes).text).text

    let gb18030 = try #require(CharsetConverter.encode(text, to: "GB18030"))
    let fromGB = try TextDecoder().decode(gb18030)
    #expect(fromGB.encoding == .gb18030)

    var utf16: [UInt8] = [0xFF, 0xFE]
    for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
    let fromUTF16 = try TextDecoder().decode(utf16)
    #expect(fromUTF16.encoding == .utf16LittleEndian)

    let crlf = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    let fromCRLF = try TextDecoder().decode(crlf)

    for variant in [fromGB, fromUTF16, fromCRLF] {
      #expect(Normalizer().normalize(variant.text).text == reference)
    }
  }
}

@Suite("Normalisation of web copies")
struct WebCopyNormalizationTests {
  @Test func htmlTagsGoButNestedTitlesStay() {
    let text = #"<p style="text-align: center;"><strong>遵府函[2015]76号</strong></p><p>汇川区人民政府:</p><p>　　你区《关于审批<汇川区高坪片区控制性详细规划>的请示》收悉。<br/>现批复如下:</p>"#
    let normalized = Normalizer().normalize(text)
    #expect(
      normalized.paragraphs.map { normalized.string(of: $0) } == [
        "遵府函[2015]76号", "汇川区人民政府:", "你区《关于审批<汇川区高坪片区控制性详细规划>的请示》收悉。", "现批复如下:",
      ])
  }

  @Test func characterReferencesBecomeTheirCharacters() {
    let normalized = Normalizer().normalize("会议&nbsp;纪要&lt;一&gt;&#12298;方案&#x300B;")
    #expect(normalized.text == "会议 纪要<一>《方案》")
  }

  @Test func tableCellsAreSeparated() {
    let normalized = Normalizer().normalize("<table><tr><td>发文机关</td><td>国务院办公厅</td></tr></table>")
    #expect(normalized.paragraphs.map { normalized.string(of: $0) } == ["发文机关 国务院办公厅"])
  }
}
