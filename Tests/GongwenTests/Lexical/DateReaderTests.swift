import Testing

@testable import Gongwen

@Suite("Tokens: dates")
struct DateReaderTests {
  @Test(arguments: [
    ("2021年1月23日", DateValue(year: 2021, month: 1, day: 23), "2021-01-23"),
    ("二〇二一年一月二十三日", DateValue(year: 2021, month: 1, day: 23), "2021-01-23"),
    ("二○一二年八月十四日", DateValue(year: 2012, month: 8, day: 14), "2012-08-14"),
    ("二〇一一年三月八日", DateValue(year: 2011, month: 3, day: 8), "2011-03-08"),
    ("二OO九年十二月三十一日", DateValue(year: 2009, month: 12, day: 31), "2009-12-31"),
    ("20O0年5月1日", DateValue(year: 2000, month: 5, day: 1), "2000-05-01"),
    ("2015-4-17", DateValue(year: 2015, month: 4, day: 17), "2015-04-17"),
    ("2015/04/17", DateValue(year: 2015, month: 4, day: 17), "2015-04-17"),
    ("2015.4.17", DateValue(year: 2015, month: 4, day: 17), "2015-04-17"),
    ("2018年03月27", DateValue(year: 2018, month: 3, day: 27), "2018-03-27"),
    ("2021年2月3日", DateValue(year: 2021, month: 2, day: 3), "2021-02-03"),
    ("2021年 2月 3日", DateValue(year: 2021, month: 2, day: 3), "2021-02-03"),
    ("2024年2月29日", DateValue(year: 2024, month: 2, day: 29), "2024-02-29"),
    ("一九九五年七月二十日", DateValue(year: 1995, month: 7, day: 20), "1995-07-20"),
    ("2019.01.23", DateValue(year: 2019, month: 1, day: 23), "2019-01-23"),
  ])
  func completeDates(text: String, value: DateValue, iso: String) {
    #expect(DateReader.read(text) == value)
    #expect(DateReader.read(text)?.iso == iso)
  }

  @Test(arguments: [
    ("9月23日", DateValue(month: 9, day: 23)), ("十一月四日", DateValue(month: 11, day: 4)),
    ("2021年", DateValue(year: 2021)), ("2022年11月", DateValue(year: 2022, month: 11)), ("15日", DateValue(day: 15)),
  ])
  func partialDatesHaveNoISOForm(text: String, value: DateValue) {
    #expect(DateReader.read(text) == value)
    #expect(DateReader.read(text)?.iso == nil)
  }

  @Test(arguments: [
    ("9 2", DateValue(month: 9, day: 2)), ("3-24", DateValue(month: 3, day: 24)), ("814日", DateValue(month: 8, day: 14)), ("1213", DateValue(month: 12, day: 13)),
    ("2018813日", DateValue(year: 2018, month: 8, day: 13)), ("201992", DateValue(year: 2019, month: 9, day: 2)),
  ])
  func digitsWhoseMarksACopyLostReadOneWayOnly(text: String, value: DateValue) throws {
    let scalars = Array(text.unicodeScalars)
    let match = try #require(DateReader.withLostMarks(scalars, 0..<scalars.count))
    #expect(match.value == value)
    #expect(match.range == 0..<scalars.count)
  }

  /// `111` is 1月11日 or 11月1日; `105` is 1月05日 or 10月5日; a clock time or a word is no date.
  @Test(arguments: ["111", "105", "2019123", "12 45", "9 2 3", "2021", "9月2", "17:30", "2016-4-13", "3-"])
  func digitsWithMoreThanOneReadingOrNoneAreNoDate(text: String) {
    let scalars = Array(text.unicodeScalars)
    #expect(DateReader.withLostMarks(scalars, 0..<scalars.count) == nil)
  }

  @Test(arguments: ["814日", "13月5日", "2023年2月29日", "三年", "126次", "2015-13-01", "1.5亿", "2021", "二十一"])
  func notDatesOrNotGuessed(text: String) {
    #expect(DateReader.read(text)?.iso == nil)
    if text != "2023年2月29日" { #expect(DateReader.read(text) == nil) }
  }

  @Test func theRangeADateCovers() throws {
    let text = Array("会议于2021年1月23日上午召开，3月5项".unicodeScalars)
    let match = try #require(DateReader.read(text, at: 3))
    #expect(match.range == 3..<13)
    #expect(match.value.iso == "2021-01-23")
    let month = try #require(DateReader.read(text, at: 18))
    #expect(month.value == DateValue(month: 3))
    #expect(month.range == 18..<20)
    #expect(DateReader.read(text, at: 0) == nil)
  }

  @Test func aDateInsideANumberIsNotRead() {
    let text = Array("12021年".unicodeScalars)
    #expect(DateReader.read(text, at: 1) == nil)
  }

  @Test func theDatesOfASentence() {
    let text = Array("2021年 2月 3日印发；9月23日下午，会议于2021年5月召开；814日，第126次".unicodeScalars)
    #expect(
      DateReader.dates(in: text, 0..<text.count).map(\.value) == [
        DateValue(year: 2021, month: 2, day: 3), DateValue(month: 9, day: 23), DateValue(year: 2021, month: 5),
      ])
  }
}
