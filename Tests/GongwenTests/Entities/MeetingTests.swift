import Testing

@testable import Gongwen

@Suite("Entities: the meeting from the opening sentence")
struct MeetingTests {
  let reader = MeetingReader(lexicon: .builtIn)

  func meeting(_ text: String) -> Meeting? {
    let folded = lexical(text)
    return reader.read(folded, [StructureBlock(role: .front, range: 0..<folded.scalars.count, paragraph: 0)])?.meeting
  }

  @Test func theSeedsOpening() throws {
    let m = try #require(meeting("2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议，审议落实《<政府工作报告>2021年主要目标任务分工方案》。"))
    #expect(m.date == "2021-01-23")
    #expect(m.timeOfDay == "上午")
    #expect(m.chair == Meeting.Chair(name: "李亚平", title: "市长"))
    #expect(m.session == 126)
    #expect(m.type == "常务会议")
    #expect(m.organ == "市政府")
  }

  @Test(arguments: [
    ("3月5日上午，市长李亚平主持召开市政府第12次常务会议。", "李亚平", "市长"),
    ("3月5日，市委副书记、市长李亚平主持召开市政府常务会议。", "李亚平", "市长"),
    ("3月5日，副市长张伟主持召开专题会议，研究有关工作。", "张伟", "副市长"),
    ("9月23日下午,庄天慧主持召开十一届党委常委会第167次会议。", "庄天慧", nil),
    ("9 2 ,区人大党组副书记贺景福主持召开会议,就有关事项进行了专题研究。", "贺景福", "党组副书记"),
    ("2022年3月9日上午,区政府代理区长周明远在区应急管理局二楼会议室主持召开区十一届政府第12次常务会议。", "周明远", "代理区长"),
    ("3月2日,平安县委书记李文华主持召开县委常委会议。", "李文华", "书记"),
    ("20xx年11月14日上午在区建委由张主任主持召开重点工程项目建设协调会。", "张", "主任"),
    ("3月14日,中共中央政治局常委、全国政协十三届一次会议主席团会议主持人王明主持会议。", "王明", "主席团会议主持人"),
    ("5月2日,主席团常务主席、大会执行主席张启明主持召开会议。", "张启明", "大会执行主席"),
    ("2022年3月1日上午,区长周明在区政府817会议室,主持召开区政府第2次常务会议,研究有关事项。", "周明", "区长"),
    ("2月4日下午,清水县政府县长马越垠主持召开十六届县人民政府第52次常务会议。", "马越垠", "县长"),
    ("2023年10月26日上午,區(qū)長韓云同志在區(qū)機關大院2號樓二樓會議室主持召開五屆68次區(qū)政府常務會議。", "韓云", "區(qū)長"),
    ("11月4日,受花建慧副省长委托,韩军副秘书长主持召开协调会议。", "韩军", "副秘书长"),
    ("9 月 1 日下午,市长别必雄到隆中实地察看文化园项目建设情况,并召开现场办公会。", "别必雄", "市长"),
    ("2022年5月26日上午，欧阳晓峰区长率区有关部门负责人赴现场察看，并主持召开现场办公会。", "欧阳晓峰", "区长"),
  ] as [(String, String, String?)])
  func chairs(text: String, name: String, title: String?) throws {
    let m = try #require(meeting(text))
    #expect(m.chair?.name == name)
    #expect(m.chair?.title == title)
  }

  @Test func aChairNamedInASentenceOfItsOwnAndAMeetingThatIsTheSubject() throws {
    let convened = try #require(meeting("9月20日上午,市政协召开十一届八次主席会议。市政协主席吴桂林主持会议。"))
    #expect(convened.chair == Meeting.Chair(name: "吴桂林", title: "主席"))
    #expect(convened.type == "主席会议")
    #expect(convened.session == 8)
    let held = try #require(meeting("6月21日,十三届全国人大常委会第六次委员长会议在北京人民大会堂举行,栗战书委员长主持会议。"))
    #expect(held.chair == Meeting.Chair(name: "栗战书", title: "委员长"))
    #expect(held.type == "委员长会议")
    #expect(held.session == 6)
  }

  @Test func aDelegateChairs() throws {
    let m = try #require(meeting("4月2日，受市长委托，副市长张伟主持召开市长办公会议。"))
    #expect(m.chair == Meeting.Chair(name: "张伟", title: "副市长", delegatedBy: "市长"))
    #expect(m.type == "市长办公会议")
  }

  @Test(arguments: [
    ("主持召开市政府第126次常务会议。", 126, "常务会议"),
    ("主持召开五届104次区政府常务会议。", 104, "常务会议"),
    ("主持召开县政府四届五十一次常务会议。", 51, "常务会议"),
    ("主持召开市國動辦黨組2024年第27次(擴大)會議。", 27, "黨組會議"),
    ("主持召开十一届党委常委会第167次会议。", 167, "常委会"),
    ("主持召开市政府第二十一次常务会议。", 21, "常务会议"),
    ("主持召开2023年第9次市长办公会议。", 9, "市长办公会议"),
  ] as [(String, Int, String)])
  func sessionsAndTypes(clause: String, session: Int, type: String) throws {
    let m = try #require(meeting("3月5日，张伟" + clause))
    #expect(m.session == session)
    #expect(m.type == type)
  }

  @Test func anOfficeWithoutANameIsNoChair() throws {
    let m = try #require(meeting("xx年xx月xx日,代县长主持召开了县政府第xx次常务会议,现将会议确定事项纪要如下:"))
    #expect(m.chair == nil)
    #expect(m.type == "常务会议")
    #expect(m.session == nil)
    #expect(m.date == nil)
  }

  @Test func theNumberNearestTheKindAndABodyThatMeetsUnderItsName() throws {
    let presidium = try #require(meeting("6日,区政协七届一次会议召开主席团第一次会议。"))
    #expect(presidium.type == "主席团")
    #expect(presidium.session == 1)
    let standing = try #require(meeting("3月14日,政协第十三届全国委员会第一次会议主席团常务主席会议第二次会议在北京举行,主席团会议主持人王明主持会议。"))
    #expect(standing.type == "常务主席会议")
    #expect(standing.session == 2)
    let congress = try #require(meeting("本报讯昨日上午,平安县第十五届人民代表大会第二次会议隆重开幕。"))
    #expect(congress.type == "人民代表大会")
    #expect(congress.session == 2)
    #expect(congress.timeOfDay == "上午")
    #expect(congress.date == nil)
  }

  @Test func theMeetingAsTheObjectOfItsBodysVerb() throws {
    let m = try #require(meeting("3月1日,市政府召开第十二次常务会议,市长张华主持会议。"))
    #expect(m.type == "常务会议")
    #expect(m.session == 12)
    #expect(m.chair == Meeting.Chair(name: "张华", title: "市长"))
  }

  @Test func theMeetingAsSubjectWithItsDateAfterIt() throws {
    let m = try #require(meeting("市政府第126次常务会议于2021年1月23日召开，李亚平市长主持。"))
    #expect(m.type == "常务会议")
    #expect(m.session == 126)
    #expect(m.date == "2021-01-23")
    #expect(m.chair == Meeting.Chair(name: "李亚平", title: "市长"))
  }

  @Test(arguments: [
    ("2022年3月15日上午，市长张华主持召开市政府第5次常务会议暨党组会议。", "常务会议", 5, "市政府"),
    ("2022年3月15日下午，区长张华主持召开区政府2022年第5次常务会议（扩大）。", "常务会议", 5, "区政府"),
    ("2022年3月15日下午，区长张华主持召开区政府党组（扩大）会议。", "党组会议", nil, "区政府党组"),
    ("2022年3月5日，市长张华主持召开市政府党组会议暨市政府第10次常务会议。", "常务会议", 10, "市政府"),
    ("2022年3月5日，县委书记张华主持召开十四届县委第52次常委会会议。", "常委会会议", 52, "十四届县委"),
  ] as [(String, String, Int?, String)])
  func jointEnlargedAndPartyGroupMeetings(text: String, type: String, session: Int?, organ: String) throws {
    let m = try #require(meeting(text))
    #expect(m.type == type)
    #expect(m.session == session)
    #expect(m.organ == organ)
  }

  @Test func questionMarksThatMaskCharactersDoNotEndTheSentence() throws {
    let m = try #require(meeting("2011年12月13日???镇政府镇长李文华主持召开政府后坡治理专题办公会议,现纪要如下:"))
    #expect(m.date == "2011-12-13")
    #expect(m.chair == Meeting.Chair(name: "李文华", title: "镇长"))
    #expect(m.type == "专题办公会议")
  }

  /// The opening paragraphs, one block each.
  func meeting(paragraphs: [String]) -> Meeting? {
    let folded = lexical(paragraphs.joined(separator: "\n"))
    let blocks = folded.paragraphs.enumerated().map { StructureBlock(role: .front, range: $1.range, paragraph: $0) }
    return reader.read(folded, blocks)?.meeting
  }

  @Test func theChairNamedInALaterParagraph() throws {
    let m = try #require(
      meeting(paragraphs: [
        "本报讯昨日上午,平安县第十五届人民代表大会第二次会议隆重开幕。", "大会应到代表175人,实到代表172人,符合法定人数。",
        "会议由主席团常务主席、大会执行主席李文华主持。",
      ]))
    #expect(m.chair == Meeting.Chair(name: "李文华", title: "大会执行主席"))
    #expect(m.type == "人民代表大会")
  }

  @Test func aSecondTellingOfTheMeetingGivesWhatTheFirstLeftOut() throws {
    let m = try #require(
      meeting(paragraphs: [
        "6月21日,十三届全国人大常委会第六次委员长会议在北京举行,王明委员长主持会议。", "十三届全国人大常委会举行第六次委员长会议", "王明主持",
        "新华社北京6月21日电 十三届全国人大常委会第六次委员长会议21日下午在北京举行,王明委员长主持会议。",
      ]))
    #expect(m.timeOfDay == "下午")
    #expect(m.type == "委员长会议")
    #expect(m.session == 6)
    #expect(m.chair == Meeting.Chair(name: "王明", title: "委员长"))
  }

  @Test func aLaterMeetingOfAnotherNameLendsNothing() throws {
    let m = try #require(
      meeting(paragraphs: [
        "8月14日上午,副区长李青松主持召开会议,就征收拆迁有关问题进行了专题研究。", "会议要求,下周召开专题会议研究补偿方案。",
      ]))
    #expect(m.type == nil)
    #expect(m.timeOfDay == "上午")
  }

  @Test func aChairNamedAloneTakesTheOfficePrintedWithTheSameName() throws {
    let m = try #require(meeting("8月21日,县十六届人大常委会第五次会议召开,县人大常务副主任周明,副主任李强出席会议。周明主持会议。"))
    #expect(m.chair == Meeting.Chair(name: "周明", title: "常务副主任"))
    #expect(m.session == 5)
  }

  @Test func noKindNamed() throws {
    let m = try #require(meeting("8月14日,副区长李青松主持召开会议,就征收拆迁有关问题进行了专题研究。"))
    #expect(m.type == nil)
    #expect(m.session == nil)
    #expect(m.chair == Meeting.Chair(name: "李青松", title: "副区长"))
  }
}

@Suite("Entities: completing the meeting date from the rest of the document")
struct MeetingDateTests {
  func parse(_ lines: [String]) -> Document { DocumentParser().parse(lines.joined(separator: "\n")) }

  @Test func aBracketedDateUnderTheTitleStandsInForAMangledOpeningDate() {
    let document = parse([
      "汝城县第15次县长办公会议纪要", "（二○二二年八月十四日）",
      "814日上午，县长主持召开会议，研究开学准备工作。现纪要如下：", "一、关于开学准备工作", "会议听取了汇报。",
    ])
    #expect(document.meeting?.date == "2022-08-14")
    #expect(!document.diagnostics.contains { $0.code == "meeting-date-unreadable" })
  }

  @Test func anUnbracketedDateIsNotTakenForAnUnreadableOpeningDate() throws {
    // A page's own date line says when the minutes were issued, not when the meeting met.
    let document = parse([
      "区人大常委会主任会议纪要", "2011年9月26日",
      "近日,区人大党组副书记贺景福主持召开会议,就有关事项进行了专题研究。现纪要如下:", "一、关于代表建议办理", "会议听取了汇报。",
    ])
    #expect(document.meeting?.date == nil)
    let diagnostic = try #require(document.diagnostics.first { $0.code == "meeting-date-unreadable" })
    #expect(diagnostic.range != nil)
  }

  @Test func anOpeningDateWithoutItsMarksTakesTheYearOfTheDocumentAndSaysSo() throws {
    // `9 2`: the copy dropped 月 and 日; the only reading is 9月2日, and the minutes' own date
    // (26 September 2011) settles the year.
    let document = parse([
      "区人大常委会主任会议纪要", "2011年9月26日",
      "9 2 ,区人大党组副书记贺景福主持召开会议,就有关事项进行了专题研究。现纪要如下:", "一、关于代表建议办理", "会议听取了汇报。",
    ])
    #expect(document.meeting?.date == "2011-09-02")
    let note = try #require(document.diagnostics.first { $0.code == "date-marks-inferred" })
    #expect(note.severity == .note)
    #expect(!document.diagnostics.contains { $0.code == "meeting-date-unreadable" })
  }

  @Test func minutesHeadedByLabelsTakeTheKindFromTheirTitle() {
    let document = parse([
      "某市政府第5次常务会议纪要", "会议时间：2022年3月15日上午", "会议地点：市政府三楼会议室", "主持人：市长张华", "一、关于某事", "会议同意。",
    ])
    #expect(document.meeting?.type == "常务会议")
    #expect(document.meeting?.session == 5)
    #expect(document.meeting?.date == "2022-03-15")
    #expect(document.meeting?.timeOfDay == "上午")
    #expect(document.meeting?.chair?.name == "张华")
  }

  @Test func theYearTheMeetingsNamePrints() {
    let document = parse(["7月2日下午,县长张华主持召开县政府2022年第9次常务会议。现纪要如下:", "一、关于防汛工作", "会议听取了汇报。"])
    #expect(document.meeting?.date == "2022-07-02")
    #expect(document.meeting?.session == 9)
    #expect(document.diagnostics.map(\.code.rawValue).contains("meeting-date-year-from-name"))
  }

  @Test func aPublicationDateCutOffItsLabel() {
    // The layout puts `2022-03-06` in a block of its own after `发布时间：`.
    let document = parse(["县政府召开第10次常务会议", "发布时间：2022-03-06", "3月5日上午，县长张华主持召开县政府第10次常务会议。"])
    #expect(document.meeting?.date == "2022-03-05")
    #expect(document.diagnostics.map(\.code.rawValue).contains("meeting-date-year-inferred"))
  }

  @Test func theHeadlineNamesTheChairTheTextLeavesOut() throws {
    let document = parse([
      "张华主持召开县政府第10次常务会议", "来源：县政府办 时间：2022-03-06", "3月5日，县政府召开第10次常务会议，研究部署近期重点工作。县长张华出席会议并讲话。",
    ])
    #expect(document.meeting?.chair?.name == "张华")
    #expect(document.meeting?.chair?.title == "县长")
    #expect(document.meeting?.session == 10)
    // The range is the name's: the office was printed elsewhere.
    let range = try #require(document.meeting?.chair?.range)
    #expect(range.end - range.start == 2)
  }

  @Test func aMonthAndDayWithADashUnderAFullDate() {
    let document = parse(["2016-4-13", "3-24,县长张华主持召开县政府第5次常务会议。现纪要如下:", "一、关于春耕工作", "会议听取了汇报。"])
    #expect(document.meeting?.date == "2016-03-24")
    #expect(document.diagnostics.map(\.code.rawValue).contains("date-marks-inferred"))
  }

  @Test func aReportsOpeningEndingWithAColonIsNoListOfRecipients() {
    let document = parse([
      "市政府召开某项目协调会", "发布日期: [2015-07-14] 作者:管委会",
      "7月2日上午,市委常委、常务副市长刘建华在市政府第七会议室主持召开某项目协调会,参加会议的有:市政府副秘书长叶明,区政府区长梅发。",
    ])
    #expect(document.recipients.isEmpty)
    #expect(document.title == "市政府召开某项目协调会")
    #expect(document.kind == .minutes)
    #expect(document.meeting?.date == "2015-07-02")
    #expect(document.meeting?.timeOfDay == "上午")
    #expect(document.meeting?.chair?.name == "刘建华")
    #expect(document.meeting?.chair?.title == "常务副市长")
    #expect(document.meeting?.type == "协调会")
  }

  @Test func aDecemberMeetingMinutedInJanuaryBelongsToTheYearBefore() {
    let document = parse([
      "市政府常务会议纪要", "12月28日上午，市长张伟主持召开市政府第30次常务会议。现纪要如下：",
      "一、关于年终工作", "会议听取了汇报。", "市人民政府办公室", "2023年1月5日",
    ])
    #expect(document.meeting?.date == "2022-12-28")
  }

  @Test func aReportTakesTheYearOfItsPublicationDateAndSaysSo() {
    // The headline convenes the meeting too; the dated opening after the page metadata is read.
    let document = parse([
      "郭海磊主持召开县政府第49次常务会议", "字体:大 中 小 发布时间:2020-08-25 08:13:16 稿源:",
      "8月24日，县长郭海磊主持召开县政府第49次常务会议。",
    ])
    #expect(document.meeting?.date == "2020-08-24")
    #expect(document.meeting?.chair?.name == "郭海磊")
    #expect(document.meeting?.chair?.title == "县长")
    #expect(document.diagnostics.map(\.code.rawValue).contains("meeting-date-year-inferred"))
    // A day after the publication date is of the year before.
    let december = parse([
      "张伟主持召开市政府常务会议", "发布日期: [2015-01-14] 作者:市政府办", "12月30日上午，市长张伟主持召开市政府常务会议。",
    ])
    #expect(december.meeting?.date == "2014-12-30")
  }
}
