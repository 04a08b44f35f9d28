import Foundation
import Testing

@testable import Gongwen

/// The tokens of `text` after normalisation, with their texts.
private func tokens(_ text: String, tokenizer: Tokenizer = Tokenizer()) -> [(text: String, token: Token)] {
  let normalized = Normalizer().normalize(text)
  return tokenizer.tokenize(normalized).map { (normalized.string($0.range), $0) }
}

private func kinds(_ text: String) -> [String] {
  tokens(text).filter { $0.token.kind != .space }.map { "\($0.token.kind.name):\($0.text)" }
}

@Suite("Tokens: the tokenizer")
struct TokenizerTests {
  @Test func theBuiltInLexiconIsFound() {
    #expect(Lexicon.builtInStatus.problem == nil)
    #expect(Lexicon.builtIn.entries.count > 2000)
  }

  @Test func anOpeningSentence() {
    #expect(
      kinds("2021年1月23日上午，李亚平市长主持召开市政府第126次常务会议。") == [
        "date:2021年1月23日", "word:上午", "punctuation:，", "personName:李亚平", "title:市长", "meetingTerm:主持召开",
        "organization:市政府", "number:第126次", "meetingTerm:常务会议", "punctuation:。",
      ])
  }

  @Test func titlesBeforeNamesAndRareSurnames() {
    #expect(
      kinds("副市长卜文杰、皇甫丽出席会议。") == [
        "title:副市长", "personName:卜文杰", "punctuation:、", "personName:皇甫丽", "meetingTerm:出席", "meetingTerm:会议",
        "punctuation:。",
      ])
  }

  @Test func surnamesThatAreWordsStartNamesOnlyInLists() {
    let names = { (text: String) in
      tokens(text).filter { $0.token.kind.name == "personName" }.map { $0.text.filter { !$0.isWhitespace } }
    }
    #expect(!names("会议决定，和张伟、李强一起抓好落实。").contains("和张伟"))
    #expect(names("关于促进民营经济发展的意见（国发〔2016〕56号）") == [])
    #expect(names("出席：和小平、海　涛") == ["和小平", "海涛"])
  }

  @Test func anOrganisationDoesNotCutATitle() {
    #expect(
      kinds("市发改委党组书记凌鸣主持") == [
        "organization:市发改委", "title:党组书记", "personName:凌鸣", "meetingTerm:主持",
      ])
  }

  @Test func rostersWithPaddedNamesAndOrganisations() {
    #expect(
      kinds("列席：吴  琦  张梁生  市委网信办陈雪嵘  张家港市陈卫兵") == [
        "meetingTerm:列席", "punctuation:：", "personName:吴 琦", "personName:张梁生", "organization:市委网信办",
        "personName:陈雪嵘", "place:张家港市", "personName:陈卫兵",
      ])
  }

  @Test func sectionMarkersOnlyWhereASentenceStarts() throws {
    let found = tokens("一、审议方案\n（二）市发改委牵头。（三）落实")
    let markers = found.compactMap { item -> String? in
      if case .sectionMarker(let marker) = item.token.kind { return marker.canonical }
      return nil
    }
    #expect(markers == ["一、", "（二）", "（三）"])
    #expect(kinds("落实人、财、物").allSatisfy { !$0.hasPrefix("sectionMarker") })
  }

  @Test func numbersWithTheirValues() throws {
    let values = tokens("建党100周年，安排1.5亿元，第二十一次会议，共二十一项").compactMap { item -> Double? in
      if case .number(let number) = item.token.kind { return number.value }
      return nil
    }
    #expect(values == [100, 150_000_000, 21, 21])
  }

  @Test func asciiPunctuationOfWebCopiesPlaysTheChineseRoles() {
    let roles = tokens("分送:各市,区政府;市各部门.").compactMap { item -> Punctuation.Role? in
      if case .punctuation(let mark) = item.token.kind { return mark.role }
      return nil
    }
    #expect(roles == [.colon, .comma, .semicolon, .fullStop])
  }

  @Test func documentTitlesKeepTheirNestedTitles() throws {
    let found = tokens("原则同意《关于〈苏州市若干规定〉的修改意见》和《<条例>实施细则》。")
    let titles = found.compactMap { item -> (String, [Range<Int>])? in
      if case .documentTitle(let title) = item.token.kind { return (item.text, title.nested) }
      return nil
    }
    #expect(titles.map(\.0) == ["《关于〈苏州市若干规定〉的修改意见》", "《<条例>实施细则》"])
    #expect(titles.map(\.1.count) == [1, 1])
  }

  @Test func aTitleThatDoesNotCloseIsABracket() {
    #expect(kinds("《未完").first == "punctuation:《")
  }

  @Test func traditionalDocumentsWithoutConversion() {
    #expect(
      kinds("區發改委、市衛生健康委負責，會議紀要") == [
        "organization:區發改委", "punctuation:、", "organization:市衛生健康委", "meetingTerm:負責", "punctuation:，",
        "meetingTerm:會議紀要",
      ])
  }

  @Test func pinyinGlossesOfWebCopiesAreReadPast() throws {
    #expect(
      kinds("區(qū)長司徒嘉文同志主持召開區(qū)政府第十九次常務會議,由區(qū)發(fā)展和改革局負責") == [
        "title:區(qū)長", "personName:司徒嘉文", "word:同志", "meetingTerm:主持召開", "organization:區(qū)政府",
        "number:第十九次", "meetingTerm:常務會議", "punctuation:,", "word:由", "organization:區(qū)發(fā)展和改革局",
        "meetingTerm:負責",
      ])
    let found = tokens("區(qū)(一)")
    #expect(found.map(\.token.range) == [0..<5, 5..<6, 6..<7, 7..<8])
  }

  @Test func usersPeopleAndDepartments() throws {
    let lexicon = Lexicon.builtIn.adding([
      LexiconEntry(text: "石之轩", category: .person),
      LexiconEntry(text: "数创中心", category: .organization),
    ])
    let found = tokens("由市数创中心牵头，石之轩负责", tokenizer: Tokenizer(lexicon: lexicon))
    #expect(found.map(\.text).contains("市数创中心"))
    let person = try #require(found.first { $0.text == "石之轩" })
    #expect(person.token.kind == .personName(PersonNameCandidate(range: person.token.range, surnameLength: 0, score: 1)))
  }

  @Test func offsetsPointIntoTheNormalisedTextAndTheInput() throws {
    let input = "　　2021 年 1 月 23 日上午，市发改委"
    let normalized = Normalizer().normalize(input)
    let found = Tokenizer().tokenize(normalized)
    let date = try #require(found.first)
    #expect(normalized.string(date.range) == "2021年1月23日")
    let source = Array(input.unicodeScalars)
    #expect(String(String.UnicodeScalarView(source[date.sourceRange.start..<date.sourceRange.end])) == "2021 年 1 月 23 日")
    let organization = try #require(found.last)
    #expect(String(String.UnicodeScalarView(source[organization.sourceRange.start..<organization.sourceRange.end])) == "市发改委")
  }

  @Test func aRangeOfTheText() {
    let normalized = Normalizer().normalize("会议纪要\n市发改委凌鸣")
    let range = normalized.paragraphs[1].range
    let found = Tokenizer().tokenize(normalized, in: range)
    #expect(found.map { normalized.string($0.range) } == ["市发改委", "凌鸣"])
  }

  @Test func oneTokenizerSharedByManyTasks() async throws {
    let text = try Corpus.sharedIsAvailable ? Corpus.sharedText(Corpus.seedName) : "李亚平市长主持召开市政府第126次常务会议"
    let normalized = Normalizer().normalize(text)
    let tokenizer = Tokenizer()
    let expected = tokenizer.tokenize(normalized)
    let results = await withTaskGroup(of: [Token].self) { group in
      for _ in 0..<16 {
        group.addTask { tokenizer.tokenize(normalized) }
      }
      var all: [[Token]] = []
      for await result in group { all.append(result) }
      return all
    }
    #expect(results.count == 16)
    #expect(results.allSatisfy { $0 == expected })
  }
}

@Suite("Tokens of the seed document", .enabled(if: Corpus.sharedIsAvailable))
struct SeedTokenTests {
  let text: NormalizedText
  let found: [Token]

  init() throws {
    text = Normalizer().normalize(try Corpus.sharedText(Corpus.seedName))
    found = Tokenizer().tokenize(text)
  }

  func tokens(_ printed: String) -> [Token] { found.filter { text.string($0.range) == printed } }

  @Test(arguments: ["市发改委", "市委网信办", "市卫生健康委", "苏州工业园区", "人行苏州中支"])
  func organisations(printed: String) throws {
    let matches = tokens(printed)
    #expect(!matches.isEmpty)
    for token in matches {
      guard case .organization = token.kind else {
        Issue.record("\(printed) is a \(token.kind.name)")
        continue
      }
    }
  }

  @Test func fullNamesOfTheAbbreviations() throws {
    let organization = try #require(tokens("市发改委").first)
    #expect(organization.kind == .organization(fullName: "市发展和改革委员会"))
    let bank = try #require(tokens("人行苏州中支").first)
    #expect(bank.kind == .organization(fullName: "中国人民银行苏州市中心支行"))
  }

  @Test func theMeetingDate() throws {
    let date = try #require(tokens("2021年1月23日").first)
    #expect(date.kind == .date(DateValue(year: 2021, month: 1, day: 23)))
    guard case .date(let value) = date.kind else { return }
    #expect(value.iso == "2021-01-23")
    #expect(date.range == 0..<10)
  }

  @Test func theSession() throws {
    let session = try #require(tokens("第126次").first)
    #expect(session.kind == .number(NumberValue(value: 126, isOrdinal: true)))
  }

  @Test func theNestedDocumentTitle() throws {
    let printed = "《<政府工作报告>2021年主要目标任务分工方案》"
    let titles = tokens(printed)
    #expect(titles.count == 3)
    let title = try #require(titles.first)
    guard case .documentTitle(let value) = title.kind else {
      Issue.record("not a document title: \(title.kind.name)")
      return
    }
    #expect(text.string(value.inner) == "<政府工作报告>2021年主要目标任务分工方案")
    #expect(value.nested.map { text.string($0) } == ["政府工作报告"])
  }

  @Test func theChair() throws {
    let chair = try #require(tokens("李亚平").first)
    guard case .personName(let name) = chair.kind else {
      Issue.record("李亚平 is a \(chair.kind.name)")
      return
    }
    #expect(name.surnameLength == 1)
    #expect(name.score >= 0.75)
  }
}
