import Foundation
import Testing

@testable import Gongwen

/// The scalars of `text` as the lexical layer folds them (`區` reads `区`), which lexicon queries take.
private func scalars(_ text: String) -> [Unicode.Scalar] { Lexicon.builtIn.folded(text) }

private func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
  String(String.UnicodeScalarView(scalars[range]))
}

@Suite("Tokens: the lexicon")
struct LexiconTests {
  let lexicon = Lexicon.builtIn

  @Test func allMatchesLongestFirstAndTheLongestMatch() throws {
    let text = scalars("人民政府办公室")
    let all = lexicon.matches(in: text, at: 0, categories: .organization).map { string(text, $0.range) }
    #expect(all == ["人民政府办公室", "人民政府"])
    #expect(lexicon.longestMatch(in: text, at: 0)?.entry.text == "人民政府办公室")
    #expect(lexicon.longestMatch(in: text, at: 0, limit: 5, categories: .organization)?.entry.text == "人民政府")
    #expect(lexicon.longestMatch(in: text, at: 4, categories: .organizationSuffix)?.entry.text == "办公室")
  }

  @Test func matchesEndingAtAnOffset() {
    let text = scalars("副市长张伟")
    #expect(lexicon.matches(in: text, endingAt: 3, categories: .title).map(\.entry.text) == ["副市长", "市长"])
    #expect(lexicon.titleLength(in: text, endingAt: 3) == 3)
    #expect(lexicon.titleLength(in: scalars("李亚平市长主持"), startingAt: 3) == 2)
    #expect(lexicon.titleLength(in: text, endingAt: 5) == 0)
  }

  @Test(arguments: [
    ("发改委", "发展和改革委员会"), ("市发改委", "市发展和改革委员会"), ("区发改委", "区发展和改革委员会"),
    ("县人社局", "县人力资源和社会保障局"), ("市资源规划局", "市自然资源和规划局"), ("市文广旅局", "市文化广电和旅游局"),
    ("市委网信办", "市委网络安全和信息化委员会办公室"), ("苏州市卫健委", "苏州市卫生健康委员会"),
    ("人行苏州中支", "中国人民银行苏州市中心支行"), ("团市委", "共青团市委员会"), ("苏州", "苏州市"),
    ("區發改委", "区发展和改革委员会"),
  ])
  func abbreviationsStandForFullNames(abbreviation: String, fullName: String) {
    #expect(lexicon.fullName(of: abbreviation) == fullName)
  }

  @Test(arguments: ["发展和改革委员会", "市教育局", "苏州工业园区", "会议"])
  func fullNamesHaveNoLongerForm(text: String) {
    #expect(lexicon.fullName(of: text) == nil)
  }

  @Test(arguments: [
    ("王翔", 1), ("欧阳晓峰", 2), ("司马骏", 2), ("诸葛辉", 2), ("上官敏", 2), ("尉迟峰", 2), ("澹台明", 2),
    ("都锗邑", 1), ("卜鉴民", 1), ("阙明清", 1), ("栗涛", 1), ("翟克强", 1), ("訾萌", 1), ("逄静", 1),
    ("亓晓明", 1), ("仝建国", 1), ("佘志远", 1), ("歐陽慧", 2), ("陳軍", 1), ("会议", 0), ("的", 0),
    ("文俊", 1), ("漆立春", 1), ("谌立平", 1), ("諶立平", 1), ("和平", 1), ("海涛", 1), ("国庆", 1), ("第五伦", 2),
  ])
  func surnameLengths(text: String, length: Int) {
    #expect(lexicon.surnameLength(in: scalars(text), at: 0) == length)
  }

  @Test func surnameRanksFollowFrequency() throws {
    let wang = try #require(lexicon.surnameRank(of: "王"))
    let chen = try #require(lexicon.surnameRank(of: "陈"))
    let chenTraditional = try #require(lexicon.surnameRank(of: "陳"))
    let zi = try #require(lexicon.surnameRank(of: "訾"))
    #expect(wang == 0)
    #expect(chen < 140 && chenTraditional < 140)
    #expect(zi > 140)
    #expect(lexicon.surnameRank(of: "会") == nil)
  }

  @Test func entriesFromAFileAndFromCode() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-lexicon-\(UUID().uuidString).txt")
    try """
      # our own departments and people
      [organization]
      数创中心 = 数字创新中心   # an abbreviation
      [person]
      石之轩
      """.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    let own = try Lexicon(contentsOf: file)
    #expect(own.entries == [
      LexiconEntry(text: "数创中心", category: .organization, fullName: "数字创新中心"),
      LexiconEntry(text: "石之轩", category: .person),
    ])
    let merged = lexicon.merging(own)
    #expect(merged.fullName(of: "市数创中心") == "市数字创新中心")
    #expect(merged.contains("石之轩", as: .person))
    #expect(!lexicon.contains("石之轩", as: .person))
    let added = lexicon.adding(LexiconEntry(text: "发改委", category: .organization, fullName: "发展改革委员会"))
    #expect(added.entries.count == lexicon.entries.count)
    #expect(added.fullName(of: "发改委") == "发展改革委员会")
  }

  @Test func linesEndingInCarriageReturnsReadLikeOthers() throws {
    let text = "# own\r\n[organization]\r\n数创中心 = 数字创新中心\u{3000}\r\n\r\n[person]\r\n石之轩 \r\n"
    #expect(try Lexicon(parsing: text).entries == Lexicon(parsing: text.replacingOccurrences(of: "\r", with: "")).entries)
    #expect(try Lexicon(parsing: text).entries == [
      LexiconEntry(text: "数创中心", category: .organization, fullName: "数字创新中心"),
      LexiconEntry(text: "石之轩", category: .person),
    ])
  }

  @Test(arguments: [
    ("[organization]\n市 发改委", 2), ("发改委", 1), ("[department]\n发改委", 1), ("[title]\n市长 =", 2),
  ])
  func fileErrorsNameTheLine(text: String, line: Int) {
    #expect(throws: LexiconFileError.self) { try Lexicon(parsing: text) }
    do {
      _ = try Lexicon(parsing: text, path: "own.txt")
    } catch {
      #expect(error.line == line)
      #expect(error.description.hasPrefix("own.txt:\(line): "))
    }
  }
}

@Suite("Tokens: organisations and names")
struct OrganizationAndNameTests {
  let matcher = OrganizationMatcher()
  let names = PersonNameProposer()

  @Test(arguments: [
    ("市纪委监委王虎", "市纪委监委"), ("市委网信办陈雪嵘", "市委网信办"), ("苏州城投公司金铭", "苏州城投公司"),
    ("苏州银保监分局葛步明", "苏州银保监分局"), ("市公积金中心周俊", "市公积金中心"), ("吴中区荣德明", "吴中区"),
    ("苏州工业园区陈东安", "苏州工业园区"), ("武警苏州支队俞小良", "武警苏州支队"), ("张家港市陈卫兵", "张家港市"),
    ("市统计局张会", "市统计局"), ("国家外汇管理局泉州市中心支局晋强", "国家外汇管理局泉州市中心支局"),
    ("滨湖世纪社区管委会郑晓波", "滨湖世纪社区管委会"), ("日照港集团隋振江", "日照港集团"), ("县城投集团翁国强", "县城投集团"),
    ("区住建局申屠明", "区住建局"), ("翠屏区政府邹建", "翠屏区政府"), ("区政府办公室贾　峰", "区政府办公室"),
    ("市政府办公室苗  伟", "市政府办公室"),
  ])
  func rosterEntriesSplitIntoOrganisationAndPerson(entry: String, organization: String) throws {
    let text = scalars(entry)
    let split = try #require(matcher.splitRosterEntry(in: text, range: 0..<text.count))
    #expect(string(text, split.organization.range) == organization)
    #expect(split.person.range == organization.unicodeScalars.count..<text.count)
  }

  @Test(.enabled(if: Corpus.sharedIsAvailable))
  func everyOrganisationAndPersonOfTheSeedRoster() throws {
    let gold = Corpus.sharedDev.appendingPathComponent(Corpus.seedName + ".gold.json")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: gold)) as? [String: Any])
    let attendance = try #require(json["attendance"] as? [String: Any])
    let attending = try #require(attendance["attending"] as? [[String: String]])
    let pairs = attending.compactMap { person in person["organization"].map { ($0, person["name"]!) } }
    #expect(pairs.count == 77)
    for (organization, name) in pairs {
      let text = scalars(organization + name)
      let split = matcher.splitRosterEntry(in: text, range: 0..<text.count)
      #expect(split.map { string(text, $0.organization.range) } == organization, "\(organization)\(name)")
      #expect(split.map { string(text, $0.person.range) } == name, "\(organization)\(name)")
    }
  }

  @Test func evidenceAndTheLongestOrganisation() throws {
    let text = scalars("由市发改委根据本次会议讨论意见")
    let found = try #require(matcher.match(in: text, at: 1))
    #expect(string(text, found.range) == "市发改委")
    #expect(found.evidence == .lexicon)
    let pattern = scalars("苏州创元集团邹剑春")
    #expect(matcher.match(in: pattern, at: 0)?.evidence == .pattern)
    #expect(matcher.candidates(in: scalars("吴中区"), at: 0).first?.evidence == .place)
    #expect(matcher.match(in: scalars("全市人民"), at: 1) == nil)
  }

  @Test(arguments: [
    ("陈雪嵘", 1), ("欧阳晓峰", 2), ("司马骏", 2), ("都锗邑", 1), ("栗涛", 1), ("阙明清", 1), ("亓晓明", 1),
    ("诸葛辉", 2), ("申屠明", 2), ("巫马青", 2), ("钟离洁", 2), ("慕容雪", 2),
  ])
  func namesWithRareAndCompoundSurnames(name: String, surnameLength: Int) throws {
    let text = scalars(name)
    let candidate = try #require(names.candidate(spanning: 0..<text.count, in: text))
    #expect(candidate.surnameLength == surnameLength)
    #expect(candidate.score >= 0.7)
  }

  @Test func paddedNamesSpanTheirSpaces() throws {
    let text = scalars("王　翔")
    let name = try #require(names.candidate(spanning: 0..<3, in: text))
    #expect(name.range == 0..<3)
    #expect(name.surnameLength == 1)
    #expect(names.candidate(spanning: 0..<3, in: scalars("王　 ")) == nil)
  }

  @Test(arguments: ["会议纪要", "的工作", "市发改委", "李", "王小明明明"])
  func notNames(text: String) {
    let text = scalars(text)
    #expect((names.candidate(spanning: 0..<text.count, in: text)?.score ?? 0) < 0.7)
  }

  @Test func candidatesInsideASpanBestFirst() throws {
    let text = scalars("李亚平市长主持")
    let found = names.candidates(in: text, range: 0..<text.count)
    let best = try #require(found.first)
    #expect(string(text, best.range) == "李亚平")
    #expect(found.contains { string(text, $0.range) == "李亚" })
  }

  @Test func commonSurnamesScoreAboveRareOnes() throws {
    let common = try #require(names.candidate(spanning: 0..<2, in: scalars("王虎")))
    let rare = try #require(names.candidate(spanning: 0..<2, in: scalars("訾萌")))
    #expect(common.score > rare.score)
  }

  @Test(arguments: [
    "赣州经济技术开发区", "市经济技术开发区", "经济技术开发区", "赣州经济开发区", "赣州经济技术开发区管委会", "贛州經濟技術開發區",
    "市就业服务中心", "市无线电管理局", "市对外友好协会", "区经发局", "区农业农村和水利局", "县交通运输和物流局",
  ])
  func functionWordsRunPastParticlesThatBeginWordsOfNames(text: String) {
    let text = scalars(text)
    #expect(matcher.candidates(in: text, at: 0).first?.range == 0..<text.count)
  }

  @Test(arguments: [("市经研究决定", 0), ("市和区两级", 0), ("全市对各地", 0), ("郭镇乡广播电视网络和郭镇村", 3)])
  func particlesStillEndFunctionWords(text: String, longest: Int) {
    let text = scalars(text)
    #expect((matcher.candidates(in: text, at: 0).first?.range.count ?? 0) == longest)
  }

  @Test(arguments: [
    ("县消防救援大队文俊", "县消防救援大队"), ("鹅湖镇漆立春", "鹅湖镇"), ("岳塘经开区管委会谌立平", "岳塘经开区管委会"),
    ("赣州经济技术开发区侯勇", "赣州经济技术开发区"), ("市商务局和平", "市商务局"), ("市公安局海涛", "市公安局"),
    ("区财政局国庆", "区财政局"), ("县政府办第五伦", "县政府办"), ("琼海市符英", "琼海市"), ("五家渠市高峰", "五家渠市"),
    ("科技城新区管委会计敏", "科技城新区管委会"),
  ])
  func rosterEntriesWithSurnamesThatAreAlsoWords(entry: String, organization: String) throws {
    let text = scalars(entry)
    let split = try #require(matcher.splitRosterEntry(in: text, range: 0..<text.count))
    #expect(string(text, split.organization.range) == organization)
    #expect(split.person.range == organization.unicodeScalars.count..<text.count)
  }

  @Test(arguments: [
    "管委会", "海关", "公安局", "公司", "党校", "党委", "高新区", "文化局", "司法局", "商务局", "国资委", "法院", "区政府",
    "海事局", "管理局", "國務院",
  ])
  func theWordsOfABodyAreNeverAName(text: String) {
    let text = scalars(text)
    #expect(names.namesABody(in: text, range: 0..<text.count))
    #expect(names.candidate(spanning: 0..<text.count, in: text) == nil)
    #expect(!names.candidates(in: text, range: 0..<text.count).contains { $0.range == 0..<text.count })
  }

  @Test(arguments: ["张会", "刘镇", "计敏", "海涛", "文俊", "管建国", "公孙明"])
  func namesEndingInOrdinaryCharactersStayNames(text: String) {
    let text = scalars(text)
    #expect(!names.namesABody(in: text, range: 0..<text.count))
    #expect(names.candidate(spanning: 0..<text.count, in: text) != nil)
  }

  @Test(arguments: ["岳塘经开区管委会", "赣州开发区管委会", "市政府办公室", "区政府办公室贾", "县城投集团公司"])
  func aSplitNeverTakesASuffixAsTheName(entry: String) {
    let text = scalars(entry)
    #expect(matcher.splitRosterEntry(in: text, range: 0..<text.count) == nil)
  }

  @Test(arguments: ["五指山市", "琼海市", "文昌市", "万宁市", "东方市", "阿拉尔市", "图木舒克市", "五家渠市", "北屯市", "那曲市"])
  func placesUnderAProvinceOrRegionItself(place: String) {
    #expect(Lexicon.builtIn.contains(place, as: .place))
  }
}
