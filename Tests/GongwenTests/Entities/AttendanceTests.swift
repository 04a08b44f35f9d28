import Foundation
import Testing

@testable import Gongwen

@Suite("Entities: attendance in rosters and in prose")
struct AttendanceTests {
  let reader = AttendanceReader(lexicon: .builtIn)

  func prose(_ text: String) -> Attendance {
    let normalized = lexical(text)
    return reader.read(normalized, blocks: [], prose: normalized.paragraphs.map(\.range)).attendance
  }

  /// The rosters of `text` read as the section recognizer leaves them after a body: each
  /// paragraph opening with a label starts a list, the others continue it.
  func rosterBlocks(_ text: LexicalText) -> [AttendanceReader.Block] {
    var blocks: [StructureBlock] = []
    var current: BlockLabel? = nil
    for (index, paragraph) in text.paragraphs.enumerated() {
      let range = paragraph.range
      if let read = BlockLabel.read(text.scalars, at: range.lowerBound, limit: range.upperBound, lexicon: .builtIn) {
        current = read.label
        let content = text.scalars.trimmingSpaces((range.lowerBound + read.length)..<range.upperBound)
        blocks.append(
          StructureBlock(
            role: .label(read.label), range: range, paragraph: index,
            label: LabelledContent(label: read.label, content: content, opensBlock: true)))
      } else if let current {
        blocks.append(
          StructureBlock(
            role: .label(current), range: range, paragraph: index,
            label: LabelledContent(label: current, content: range, opensBlock: false)))
      }
    }
    return AttendanceReader.blocks(blocks)
  }

  func roster(_ text: String) -> AttendanceReader.Reading {
    let normalized = lexical(text)
    return reader.read(normalized, blocks: rosterBlocks(normalized), prose: [])
  }

  func plain(_ persons: [Person]) -> [Person] {
    persons.map { Person(name: $0.name, title: $0.title, organization: $0.organization, reason: $0.reason) }
  }

  @Test func officesAndUnitsInProse() {
    let a = prose("副市长张伟、李强出席会议。市人大常委会副主任王芳列席会议。李明洲、王际睿请假。区纪委、区财政局等单位负责人参加了会议。")
    #expect(plain(a.present) == [Person(name: "张伟", title: "副市长"), Person(name: "李强", title: "副市长")])
    #expect(plain(a.attending) == [Person(name: "王芳", title: "副主任", organization: "市人大常委会")])
    #expect(plain(a.absent) == [Person(name: "李明洲"), Person(name: "王际睿")])
    #expect(a.representedOrganizations == ["区纪委", "区财政局"])
  }

  @Test func anOfficeBeforeAListHoldsForEachName() {
    let a = prose("县政府副县长蔡俊杰、安智辉、孙洁出席会议。县人大常委会副主任刘志伟,县政协副主席曹凤娥列席会议。")
    #expect(
      plain(a.present) == ["蔡俊杰", "安智辉", "孙洁"].map { Person(name: $0, title: "副县长", organization: "县政府") })
    #expect(
      plain(a.attending) == [
        Person(name: "刘志伟", title: "副主任", organization: "县人大常委会"),
        Person(name: "曹凤娥", title: "副主席", organization: "县政协"),
      ])
    // The name's own range: the office is printed once, before the first.
    let text = "副县长蔡俊杰、安智辉出席会议。"
    #expect(prose(text).present.last?.range == SourceRange(start: 7, end: 10))
  }

  @Test func chainsGuestsGroupsAndPeopleBeforeUnits() {
    // A chain of offices: the last counts; 应邀参加 is present; a group joined to the list
    // (`和各委员`) is no entry; people before `及…负责人` stay people.
    let a = prose(
      "县委常委、副县长王永涛,副县长任婷、葛益参加会议。县政协副主席沈志华应邀参加会议。副主任沈传斌、曾宪权和各委员出席会议。县政协副主席李育新及县发改局负责人列席会议。")
    #expect(
      plain(a.present) == [
        Person(name: "王永涛", title: "副县长"), Person(name: "任婷", title: "副县长"), Person(name: "葛益", title: "副县长"),
        Person(name: "沈志华", title: "副主席", organization: "县政协"),
        Person(name: "沈传斌", title: "副主任"), Person(name: "曾宪权", title: "副主任"),
      ])
    #expect(plain(a.attending) == [Person(name: "李育新", title: "副主席", organization: "县政协")])
    #expect(a.representedOrganizations == ["县发改局"])
  }

  @Test func eachUnitMayCarryItsOwnEnding() {
    let a = prose("县人大、县政协相关领导、县财政局负责人列席会议。")
    #expect(a.representedOrganizations == ["县人大", "县政协", "县财政局"])
  }

  @Test func namesJoinedByAMiddleDot() {
    let a = prose("全国人大常委会副委员长王晨、艾力更·依明巴海、万鄂湘出席会议。")
    #expect(a.present.map(\.name) == ["王晨", "艾力更·依明巴海", "万鄂湘"])
    #expect(a.present.allSatisfy { $0.title == "副委员长" && $0.organization == "全国人大常委会" })
  }

  @Test func aRosterDividedIntoNumberedSubLists() {
    // Minutes-107's layout: 列 席 over （一）（二）（三）, a qualified label, a unit heading a
    // list, units the lexicon does not know glued to their names.
    let document = DocumentParser().parse(
      [
        "关于有关事项的会议纪要", "一、关于社会救助工作。", "会议同意。", "出 席：林恒求、杨盛", "列 席：",
        "（一）邀请列席：李尚兵、吴侃", "（二）政府办：卢飞跃、陈敬林", "（三）商务粮食局王哲，楚之晟集团周建高", "记 录：杨余梦",
      ].joined(separator: "\n"))
    #expect(document.sections.count == 1)
    #expect(!document.diagnostics.contains { $0.code.rawValue == "section-marker-out-of-order" })
    #expect(
      plain(document.attendance.attending) == [
        Person(name: "李尚兵"), Person(name: "吴侃"),
        Person(name: "卢飞跃", organization: "政府办"), Person(name: "陈敬林", organization: "政府办"),
        Person(name: "王哲", organization: "商务粮食局"), Person(name: "周建高", organization: "楚之晟集团"),
      ])
    #expect(document.attendance.recorders.map(\.name) == ["杨余梦"])
  }

  @Test func listsPerAgendaItemUnderAQualifiedLabel() {
    // Minutes-108's layout: an office before a 、 list in a roster, 固定列席, lists per agenda
    // item naming a person twice.
    let document = DocumentParser().parse(
      [
        "关于有关事项的会议纪要", "一、关于社会救助工作。", "会议同意。", "出 席：政府副区长孙艳红、王淑燕。",
        "固定列席：区政府办公室包峰、区发改委张忠军。", "第一至五议题：千里山镇李磊、区委政法委张春萍。",
        "第九议题：区委政法委张春萍、区信访局甘志涛。",
      ].joined(separator: "\n"))
    #expect(
      plain(document.attendance.present) == [
        Person(name: "孙艳红", title: "副区长", organization: "政府"), Person(name: "王淑燕", title: "副区长", organization: "政府"),
      ])
    #expect(
      document.attendance.attending.map(\.name) == ["包峰", "张忠军", "李磊", "张春萍", "甘志涛"])
    #expect(document.attendance.attending.last?.organization == "区信访局")
  }

  @Test func severalListsInOneSentence() {
    let a = prose("9月23日下午,庄天慧主持召开十一届党委常委会第167次会议。张强、刘鹏、卢艳丽参加会议,李明洲、王际睿请假,吴德列席会议。")
    #expect(a.present.map(\.name) == ["张强", "刘鹏", "卢艳丽"])
    #expect(a.absent.map(\.name) == ["李明洲", "王际睿"])
    #expect(a.attending.map(\.name) == ["吴德"])
  }

  @Test func traditionalNamesAndWordsOfRespect() {
    let a = prose("會議由管成密同志主持召開,劉德義、趙承橋同志出席會議,薛玉東、左福來、吳建云、張可宗、梁怡、王翔陽、周連杰、李權等同志列席了議題。")
    #expect(a.present.map(\.name) == ["劉德義", "趙承橋"])
    #expect(a.attending.map(\.name) == ["薛玉東", "左福來", "吳建云", "張可宗", "梁怡", "王翔陽", "周連杰", "李權"])
  }

  @Test func unitsAndOfficesBeforeNamesAcrossClauses() {
    let a = prose("区人大常委会主任贺景福,市交通运输局党组成员刘强国,以及市交建投、区国土资源分局、郭镇乡政府等单位负责人参加了会议。")
    #expect(
      plain(a.present) == [
        Person(name: "贺景福", title: "主任", organization: "区人大常委会"),
        Person(name: "刘强国", title: "党组成员", organization: "市交通运输局"),
      ])
    #expect(a.representedOrganizations == ["市交建投", "区国土资源分局", "郭镇乡政府"])
  }

  @Test func aRosterClosedByAFullStop() {
    let reading = roster("参加人员：上官婉清，市政府办公厅倪亮，观山湖区邢晓东，花溪区幸丽。")
    #expect(
      plain(reading.attendance.present) == [
        Person(name: "上官婉清"), Person(name: "倪亮", organization: "市政府办公厅"),
        Person(name: "邢晓东", organization: "观山湖区"), Person(name: "幸丽", organization: "花溪区"),
      ])
    #expect(reading.unread.isEmpty)
  }

  @Test func surnamesThatAreWordsAndBodiesThatAreNoNames() {
    let reading = roster(
      """
      列席：县消防救援大队文俊  鹅湖镇漆立春  岳塘经开区管委会谌立平  司法局  和平
      区政府办公室贾　峰  海关
      """)
    #expect(
      plain(reading.attendance.attending) == [
        Person(name: "文俊", organization: "县消防救援大队"), Person(name: "漆立春", organization: "鹅湖镇"),
        Person(name: "谌立平", organization: "岳塘经开区管委会"), Person(name: "和平", organization: "司法局"),
        Person(name: "贾峰", organization: "区政府办公室"),
      ])
    #expect(reading.attendance.representedOrganizations == ["海关"])
  }

  @Test func aTypesetRoster() {
    let reading = roster(
      """
      出席：李亚平  王  翔  蒋来清  江  海
      列席：吴  琦  张梁生  市纪委监委王虎  市委网信办陈雪嵘  张家港市陈卫兵  人行苏州中支陈军
      市总工会都锗邑  苏州城投公司金铭  武警苏州支队俞小良
      市检察院、联通苏州分公司的代表
      请假：冯  坤（出差）  亓晓明（参加省委党校学习）
      记录：栗涛
      """)
    let a = reading.attendance
    #expect(a.present.map(\.name) == ["李亚平", "王翔", "蒋来清", "江海"])
    #expect(
      plain(a.attending) == [
        Person(name: "吴琦"), Person(name: "张梁生"), Person(name: "王虎", organization: "市纪委监委"),
        Person(name: "陈雪嵘", organization: "市委网信办"), Person(name: "陈卫兵", organization: "张家港市"),
        Person(name: "陈军", organization: "人行苏州中支"), Person(name: "都锗邑", organization: "市总工会"),
        Person(name: "金铭", organization: "苏州城投公司"), Person(name: "俞小良", organization: "武警苏州支队"),
      ])
    #expect(a.representedOrganizations == ["市检察院", "联通苏州分公司"])
    #expect(plain(a.absent) == [Person(name: "冯坤", reason: "出差"), Person(name: "亓晓明", reason: "参加省委党校学习")])
    #expect(a.recorders.map(\.name) == ["栗涛"])
    #expect(reading.unread.isEmpty)
  }

  @Test func rangesPointAtTheEntries() throws {
    let text = "列席：市发改委凌鸣  王  翔"
    let normalized = lexical(text)
    let reading = reader.read(normalized, blocks: rosterBlocks(normalized), prose: [])
    let source = Array(text.unicodeScalars)
    let ranges = reading.attendance.attending.compactMap(\.range)
    #expect(ranges.map { String(String.UnicodeScalarView(source[$0.range])) } == ["市发改委凌鸣", "王  翔"])
  }

  // MARK: Prose attendance in news reports and minutes

  @Test func aListAfterTheVerb() {
    // `参加会议的有：` puts the list after the verb; a unit before a 、 list of names holds for each
    // when the list separates units by ，; `等` closes it.
    let document = DocumentParser().parse(
      "7月2日上午，市委常委、副市长高立新在市政府第三会议室主持召开项目协调会，参加会议的有：市政府副秘书长罗明和，"
        + "区政府区长方茂林，市规划局唐远，市旅游集团孔伟、秦友才等。")
    #expect(document.recipients.isEmpty)
    #expect(
      plain(document.attendance.present) == [
        Person(name: "罗明和", title: "副秘书长", organization: "市政府"), Person(name: "方茂林", title: "区长", organization: "区政府"),
        Person(name: "唐远", organization: "市规划局"), Person(name: "孔伟", organization: "市旅游集团"),
        Person(name: "秦友才", organization: "市旅游集团"),
      ])
  }

  @Test func groupWordsAreNeitherUnitsNorNames() {
    let a = prose("县政府党组成员，县人大、县政协相关领导，县直有关部门、各镇负责人列席会议。市领导曹光明、涂高远参加会议。")
    #expect(a.representedOrganizations == ["县人大", "县政协"])
    #expect(!a.attending.contains { $0.name == "成员" })
    #expect(plain(a.present) == [Person(name: "曹光明"), Person(name: "涂高远")])
  }

  @Test func partyGroupOfficesAndUnitsTheLexiconDoesNotKnow() {
    let a = prose(
      "区人大常委会党组书记季明春，党组副书记陈玉群列席会议。兴隆镇党委书记王朗参加会议。"
        + "省政协十二届三次会议主席团常务主席张庆林、刘奇山出席会议。")
    #expect(
      plain(a.attending) == [
        Person(name: "季明春", title: "党组书记", organization: "区人大常委会"), Person(name: "陈玉群", title: "党组副书记"),
      ])
    #expect(
      plain(a.present) == [
        Person(name: "王朗", title: "党委书记", organization: "兴隆镇"),
        Person(name: "张庆林", title: "常务主席", organization: "省政协十二届三次会议主席团"),
        Person(name: "刘奇山", title: "常务主席", organization: "省政协十二届三次会议主席团"),
      ])
  }

  @Test func unitsJoinedByAConjunction() {
    let a = prose("县政府办、天河石油公司项目部和兴华、西岭镇政府负责人参加了会议。县文旅局、澧源实业公司和指挥部办公室相关负责人参会。")
    #expect(a.representedOrganizations == ["县政府办", "天河石油公司项目部", "兴华", "西岭镇政府", "县文旅局", "澧源实业公司", "指挥部办公室"])
  }

  @Test func fourCharactersAmongNamesWithADiagnostic() {
    let document = DocumentParser().parse("6月21日下午，委员长主持召开会议。全国人大常委会副委员长王东、白玛多吉、丁明出席会议。")
    #expect(document.attendance.present.map(\.name) == ["王东", "白玛多吉", "丁明"])
    #expect(document.diagnostics.filter { $0.code == .attendanceNameUncertain }.count == 1)
  }

  @Test func unitsNamedByTheirHeadsOfficeInASentenceWithoutAVerb() {
    // The sentence after the attendance sentence goes on with its list; a unit named by the
    // office of its head is represented, a level's leading organs (县委, 县政府, 市政协) are not.
    let a = prose(
      "县委常委、县政府常务副县长，县政府副县长出席会议。县政府办主任黄明、副主任，县委督查室主任，县国土局局长、纪检组长，"
        + "规划设计院院长，县城投公司董事长。会议指出，要加快推进。市政协副秘书长，委办室负责人列席会议。")
    #expect(plain(a.present) == [Person(name: "黄明", title: "主任", organization: "县政府办")])
    #expect(a.representedOrganizations == ["县委督查室", "县国土局", "规划设计院", "县城投公司", "委办室"])
  }

  @Test func etcClosesAListOfNames() {
    let a = prose("市领导马骐、宋科、陶方等出席会议。")
    #expect(a.present.map(\.name) == ["马骐", "宋科", "陶方"])
  }

  @Test func titleChainsWithConjunctionsGuestsAndAbsenceWithReasons() {
    // Issue 11's prose: 和/及 between an office and the next office or a group, 应邀参加, reasons
    // before the verb and in brackets with spaces inside.
    let a = prose(
      "县人大常委会党组书记、主任钱立和副主任孙涛、何平及委员共20人参加会议。区政协主席谢文，副主席方正、石磊，秘书长于海及各位常委参加了会议。"
        + "市交通局副局长万成应邀参加会议。因公务请假的包括常青、任远；因故请假的是白露（ 赴兰州参加 会议 ）。")
    #expect(
      plain(a.present) == [
        Person(name: "钱立", title: "主任"), Person(name: "孙涛", title: "副主任"), Person(name: "何平", title: "副主任"),
        Person(name: "谢文", title: "主席", organization: "区政协"), Person(name: "方正", title: "副主席"),
        Person(name: "石磊", title: "副主席"), Person(name: "于海", title: "秘书长"),
        Person(name: "万成", title: "副局长", organization: "市交通局"),
      ])
    #expect(
      plain(a.absent) == [
        Person(name: "常青", reason: "公务"), Person(name: "任远", reason: "公务"), Person(name: "白露", reason: "赴兰州参加会议"),
      ])
  }

  // MARK: Roster layouts

  @Test func aLabelWithoutAColonAndAGrid() {
    // `出席` parted from its names by spaces; `列 席` alone above a grid of one unit per line
    // with its people, a name padded to three characters' width among them.
    let document = DocumentParser().parse(
      [
        "某县人民政府常务会议纪要", "2025年3月5日上午，县长王建国主持召开县政府第12次常务会议。", "一、会议原则同意《某方案》。",
        "出席  王建国  李 靖  薛江峰", "列 席", "县人大  杨贵明", "县政府办  徐云山  刘小平  赵 龑", "记 录：周  敏",
      ].joined(separator: "\n"))
    #expect(plain(document.attendance.present) == ["王建国", "李靖", "薛江峰"].map { Person(name: $0) })
    #expect(
      plain(document.attendance.attending) == [
        Person(name: "杨贵明", organization: "县人大"), Person(name: "徐云山", organization: "县政府办"),
        Person(name: "刘小平", organization: "县政府办"), Person(name: "赵龑", organization: "县政府办"),
      ])
    #expect(document.attendance.recorders.map(\.name) == ["周敏"])
    #expect(document.diagnostics.isEmpty)
  }

  @Test func aGridPrintedOneCharacterPerLine() {
    // PDF extraction put every character of `县人大 杨贵明` / `县政府办 徐云波 刘小鹏 赵 龑` on a
    // line of its own: units where the matcher finds them, names between; a stretch of several
    // names is cut the only way that gives names, with a note.
    let column = Array("县人大杨贵明县政府办徐云波刘小鹏赵龑").map(String.init)
    let document = DocumentParser().parse(
      (["某县人民政府常务会议纪要", "一、会议原则同意《某方案》。", "列 席："] + column + ["记 录：周敏"]).joined(separator: "\n"))
    #expect(
      plain(document.attendance.attending) == [
        Person(name: "杨贵明", organization: "县人大"), Person(name: "徐云波", organization: "县政府办"),
        Person(name: "刘小鹏", organization: "县政府办"), Person(name: "赵龑", organization: "县政府办"),
      ])
    #expect(document.attendance.recorders.map(\.name) == ["周敏"])
    #expect(document.diagnostics.filter { $0.code == .attendanceNameUncertain }.count == 1)
    // `徐云山刘小平赵龑` cuts several ways (`刘小` + `平赵龑`: 平 is a surname too): unread, with a warning.
    let ambiguous = DocumentParser().parse(
      (["某县人民政府常务会议纪要", "一、会议原则同意《某方案》。", "列 席："] + Array("县政府办徐云山刘小平赵龑").map(String.init)).joined(separator: "\n"))
    #expect(ambiguous.attendance.attending.isEmpty)
    #expect(ambiguous.diagnostics.contains { $0.code == .attendanceEntryUnread })
  }

  @Test func aSplitNameTheRosterDoesNotSettle() {
    let document = DocumentParser().parse(
      ["某县人民政府常务会议纪要", "一、会议原则同意《某方案》。", "列 席", "县发改局  何振 明  李 靖"].joined(separator: "\n"))
    #expect(document.attendance.attending.map(\.name) == ["何振明", "李靖"])
    let doubts = document.diagnostics.filter { $0.code == .attendanceNameUncertain }
    #expect(doubts.count == 1)
  }

  @Test func unitsSharedAcrossEnumerationCommasInATwoLevelRoster() {
    let document = DocumentParser().parse(
      ["关于有关事项的会议纪要", "一、会议同意。", "列 席：", "（三）市场监管局李望、姜山，信访局徐博，高新区翁伟"].joined(separator: "\n"))
    #expect(
      plain(document.attendance.attending) == [
        Person(name: "李望", organization: "市场监管局"), Person(name: "姜山", organization: "市场监管局"),
        Person(name: "徐博", organization: "信访局"), Person(name: "翁伟", organization: "高新区"),
      ])
  }

  @Test func aPersonListedAgainUnderLaterAgendaItems() {
    // The same name with a unit printed longer is one person; a name twice in one line is one
    // person holding two posts; the same name with another unit in another line is another.
    let document = DocumentParser().parse(
      [
        "关于有关事项的会议纪要", "一、会议同意。", "出 席：政府副区长孙明。", "固定列席：区审计局刘卫。", "第一至五议题：区教育局刘卫、市生态环境局海湾区分局路远、区民委魏荣。",
        "第六议题：区委统战部魏荣、乌海市生态环境局海湾区分局路远、区民委魏荣。",
      ].joined(separator: "\n"))
    #expect(
      plain(document.attendance.attending) == [
        Person(name: "刘卫", organization: "区审计局"), Person(name: "刘卫", organization: "区教育局"),
        Person(name: "路远", organization: "市生态环境局海湾区分局"), Person(name: "魏荣", organization: "区民委"),
      ])
  }

  /// The Corpus/minutes document written in each roster layout, with what it shows.
  static let layoutDocuments: [(name: String, layout: String)] = [
    ("xinfeng-2025-04-10-8", "a label without a colon, 列 / 席： split over a line, a grid of one unit per line"),
    ("xiangyin-2025-08-20-31", "列 席 divided into numbered sub-lists, units separated by ， and names by 、"),
    ("qingshan-2026-01-22-2", "an office before a 、 list, 固定列席, lists per agenda item naming people again"),
    ("longgang-2025-06-12-15", "prose: 区领导, 和 between two offices, 应邀参加, units without persons, absence with reasons"),
  ]

  @Test(arguments: layoutDocuments.map(\.name))
  func eachRosterLayoutReadsAsItsGold(_ name: String) throws {
    let folder = Corpus.project.appendingPathComponent("minutes")
    let document = try DocumentParser().parse(contentsOf: folder.appendingPathComponent(name + ".txt"))
    let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(name + ".gold.json"))) as? [String: Any]
    let attendance = try #require(gold?["attendance"] as? [String: Any])
    func people(_ key: String) -> [Person] {
      ((attendance[key] as? [[String: String]]) ?? []).map {
        Person(name: $0["name"] ?? "", title: $0["title"], organization: $0["organization"], reason: $0["reason"])
      }
    }
    #expect(plain(document.attendance.present) == people("present"))
    #expect(plain(document.attendance.attending) == people("attending"))
    #expect(plain(document.attendance.absent) == people("absent"))
    #expect(plain(document.attendance.recorders) == people("recorders"))
    #expect(document.attendance.representedOrganizations == (attendance["representedOrganizations"] as? [String] ?? []))
    #expect(!document.diagnostics.contains { $0.code == .attendanceEntryUnread || $0.code.rawValue == "section-marker-out-of-order" })
  }

  // MARK: No word of the text reported as a person

  /// Every document of the project's corpora and of the shared dev set.
  static var corpusFiles: [URL] {
    var files: [URL] = []
    let manager = FileManager.default
    var folders = ["minutes", "gongwen"].map { Corpus.project.appendingPathComponent($0) }
    if Corpus.sharedIsAvailable { folders.append(Corpus.sharedDev) }
    for folder in folders {
      let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
      files += names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
    }
    return files
  }

  @Test func everyReportedNameStartsWithASurnameOrCarriesADiagnostic() throws {
    let files = Self.corpusFiles
    #expect(files.count > 30)
    var checked = 0
    for file in files {
      let document = try DocumentParser().parse(contentsOf: file)
      let attendance = document.attendance
      let doubts = document.diagnostics.filter { $0.code == .attendanceNameUncertain }.compactMap(\.range)
      for person in attendance.present + attendance.attending + attendance.absent + attendance.recorders {
        checked += 1
        let folded = lexical(person.name).scalars
        if Lexicon.builtIn.surnameLength(in: folded, at: 0) > 0 { continue }
        let flagged = person.range.map { range in doubts.contains { $0.start < range.end && range.start < $0.end } } ?? false
        #expect(flagged, "\(file.lastPathComponent): \(person.name) starts with no surname and carries no diagnostic")
      }
    }
    #expect(checked > 400)
  }
}
