import Testing

@testable import Gongwen

@Suite("Batch: the JSON Lines file and the CSV summary")
struct BatchExportTests {
  @Test(arguments: [
    ("市发改委", "市发改委"),
    ("关于A、B,C的纪要", "\"关于A、B,C的纪要\""),
    ("《\"十四五\"规划》", "\"《\"\"十四五\"\"规划》\""),
    ("第一行\n第二行", "\"第一行\n第二行\""),
  ])
  func csvFieldsAreQuotedOnlyWhenTheyMustBe(text: String, field: String) {
    #expect(BatchExport.csvField(text) == field)
  }

  @Test func aSummaryRowCountsAttendeesAndWarnings() throws {
    let document = try JSONValue(
      parsing: """
        {"kind":"minutes","title":"第3次常务会议纪要","meeting":{"date":"2024-05-06","session":3,"chair":{"name":"王一明"}},
        "attendance":{"present":[{"name":"李二华"},{"name":"张三"}],"attending":[{"name":"赵四"}],"absent":[],"recorders":[{"name":"钱五"}]},
        "diagnostics":[{"severity":"warning","code":"x"},{"severity":"note","code":"y"}]}
        """)
    #expect(
      BatchExport.summaryRow(path: "a/b.txt", document: document)
        == "a/b.txt,minutes,第3次常务会议纪要,2024-05-06,3,王一明,4,1\r\n")
  }

  @Test func aDocumentWithoutMeetingLeavesItsCellsEmpty() throws {
    let document = try JSONValue(parsing: #"{"kind":"notice","title":null,"meeting":null,"attendance":{},"diagnostics":[]}"#)
    #expect(BatchExport.summaryRow(path: "n.txt", document: document) == "n.txt,notice,,,,,0,0\r\n")
  }
}
