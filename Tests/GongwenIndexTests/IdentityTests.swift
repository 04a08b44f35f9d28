import Foundation
import GongwenIndex
import Testing

/// Made-up minutes of two cities, read by hand: 开封市 and 洛阳市 each have a 市发改委; 李建国
/// of 开封 is 市发改委副主任, then 主任 (under the full name), then 副市长; 王芳 of 开封 is in
/// 市教育局 and, between two of those meetings, in 市卫健委; 洛阳 has a 李建国 of its own.
enum IdentitySample {
  static let kaifeng1 = """
    开封市人民政府常务会议纪要

    2021年3月2日，市长赵新民主持召开市政府第5次常务会议，研究城市更新工作。现将会议议定事项纪要如下：

    一、关于城市更新工作
    会议要求，市发改委牵头，市财政局配合，于6月底前完成项目储备。

    出席：赵新民　孙立平
    列席：市发改委副主任李建国，市教育局局长王芳
    记录：周小燕

    """

  static let kaifeng2 = """
    开封市人民政府常务会议纪要

    2022年1月10日，市长赵新民主持召开市政府第9次常务会议，研究医疗卫生工作。现将会议议定事项纪要如下：

    一、关于医疗卫生工作
    会议要求，市卫健委牵头，于3月底前完成社区医院建设方案。

    出席：赵新民　孙立平
    列席：市发展和改革委员会主任李建国，市卫健委主任王芳
    记录：周小燕

    """

  static let kaifeng3 = """
    开封市人民政府常务会议纪要

    2023年2月15日，市长赵新民主持召开市政府第14次常务会议，研究教育工作。副市长李建国出席会议。现将会议议定事项纪要如下：

    一、关于教育工作
    会议要求，市教育局牵头，市发展和改革委员会配合，于9月底前完成学校布局规划。

    列席：市教育局局长王芳
    记录：周小燕

    """

  static let luoyang = """
    洛阳市人民政府常务会议纪要

    2021年5月6日，市长钱立新主持召开市政府第7次常务会议，研究项目建设工作。现将会议议定事项纪要如下：

    一、关于项目建设工作
    会议要求，市发改委牵头，于7月底前完成重点项目清单。

    出席：钱立新
    列席：市发改委主任李建国

    """

  /// A fifth 开封 meeting where 王芳 is printed without organisation or title.
  static let kaifeng4 = """
    开封市人民政府常务会议纪要

    2023年6月1日，市长赵新民主持召开市政府第18次常务会议，研究民生工作。现将会议议定事项纪要如下：

    一、关于民生工作
    会议要求，市发改委牵头，于12月底前完成民生实事清单。

    出席：赵新民　王芳

    """

  /// Minutes that name no place: no issuer, no organ with a place, a title without one.
  static let placeless = """
    关于城市更新项目的会议纪要

    2022年8月3日，市长刘明主持召开专题会议，研究城市更新项目。现将会议议定事项纪要如下：

    一、关于城市更新项目
    会议要求，市发改委牵头，于10月底前完成项目清单。

    """

  /// An archive in `folder` holding the four documents, identities resolved.
  static func archive(in folder: URL) throws -> (Archive, [String]) {
    let archive = try Archive(path: folder.appendingPathComponent("archive.sqlite").path)
    let indexer = ArchiveIndexer(archive: archive)
    var paths: [String] = []
    for (name, text) in [("kaifeng-1", kaifeng1), ("kaifeng-2", kaifeng2), ("kaifeng-3", kaifeng3), ("luoyang", luoyang)] {
      let path = folder.appendingPathComponent("\(name).txt").path
      try Data(text.utf8).write(to: URL(fileURLWithPath: path))
      #expect(indexer.index(path: path) == .indexed)
      paths.append(path)
    }
    return (archive, paths)
  }
}

@Suite("Index: identity across documents")
struct IdentityTests {
  @Test func abbreviationsResolveWithinTheirCityOnly() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, paths) = try IdentitySample.archive(in: folder)
    let summary = try archive.resolveIdentities()
    #expect(summary == IdentitySummary(organizations: 5, people: 8, conflicts: 1))
    #expect(try archive.rows(sql: "SELECT id, name, scope, scopeDocumentId FROM organizationEntities ORDER BY id").textRows == [
      ["1", "开封市发展和改革委员会", "开封市", nil], ["2", "开封市财政局", "开封市", nil],
      ["3", "开封市教育局", "开封市", nil], ["4", "开封市卫生健康委员会", "开封市", nil],
      ["5", "洛阳市发展和改革委员会", "洛阳市", nil],
    ])
    let result = try archive.answer(.organization("市发改委"))
    #expect(try archive.answer(.organization("市發改委")) == result)
    #expect(result.columns == ["entity", "name", "scope", "alias", "documents", "first", "last"])
    #expect(result.textRows == [
      ["1", "开封市发展和改革委员会", "开封市", "市发展和改革委员会", "3", "2021-03-02", "2023-02-15"],
      ["1", "开封市发展和改革委员会", "开封市", "市发改委", "1", "2021-03-02", "2021-03-02"],
      ["5", "洛阳市发展和改革委员会", "洛阳市", "市发展和改革委员会", "1", "2021-05-06", "2021-05-06"],
      ["5", "洛阳市发展和改革委员会", "洛阳市", "市发改委", "1", "2021-05-06", "2021-05-06"],
    ])
    // The task units of both spellings point to the one entity of 开封.
    #expect(try archive.rows(sql: """
      SELECT d.path, u.name, e.name FROM taskUnits u JOIN taskUnitIdentity i ON i.taskUnitId = u.id
      JOIN organizationEntities e ON e.id = i.entityId JOIN documents d ON d.id = u.documentId
      WHERE e.name LIKE '%发展和改革委员会' ORDER BY d.path
      """).textRows == [
      [paths[0], "市发改委", "开封市发展和改革委员会"], [paths[2], "市发展和改革委员会", "开封市发展和改革委员会"],
      [paths[3], "市发改委", "洛阳市发展和改革委员会"],
    ])
    #expect(try archive.rows(sql: "SELECT count(*) FROM organizations o LEFT JOIN organizationIdentity i ON i.organizationId = o.id WHERE i.entityId IS NULL").textRows == [["0"]])
  }

  @Test func onePersonAcrossThreeMeetingsWithChangingTitles() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, paths) = try IdentitySample.archive(in: folder)
    try archive.resolveIdentities()
    let result = try archive.answer(.people("李建国"))
    #expect(result.columns == ["person", "date", "path", "role", "personTitle", "organization", "evidence", "detail"])
    #expect(result.textRows == [
      ["3", "2021-03-02", paths[0], "attending", "副主任", "开封市发展和改革委员会", "first", nil],
      ["3", "2022-01-10", paths[1], "attending", "主任", "开封市发展和改革委员会", "organization", "市发改委 = 市发展和改革委员会; 副主任 → 主任"],
      ["3", "2023-02-15", paths[2], "present", "副市长", nil, "title-history", "主任 → 副市长"],
      ["8", "2021-05-06", paths[3], "attending", "主任", "洛阳市发展和改革委员会", "first", nil],
    ])
    #expect(try archive.answer(.people("李建國")) == result)
    #expect(try archive.rows(sql: "SELECT name, scope, organizationEntityId, firstDate, lastDate, mentions FROM people WHERE name = '李建国' ORDER BY id").textRows == [
      ["李建国", "开封市", "1", "2021-03-02", "2023-02-15", "3"], ["李建国", "洛阳市", "5", "2021-05-06", "2021-05-06", "1"],
    ])
    // Present members without organisation or title are one person within the city.
    #expect(try archive.answer(.people("赵新民")).textRows.map { [$0[0], $0[1], $0[6]] } == [
      ["1", "2021-03-02", "first"], ["1", "2022-01-10", "place"],
    ])
  }

  @Test func sameNameInConflictingOrganizationsIsNotMerged() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, paths) = try IdentitySample.archive(in: folder)
    try archive.resolveIdentities()
    #expect(try archive.answer(.people("王芳")).textRows == [
      ["4", "2021-03-02", paths[0], "attending", "局长", "开封市教育局", "first", nil],
      ["4", "2023-02-15", paths[2], "attending", "局长", "开封市教育局", "organization", nil],
      ["5", "2022-01-10", paths[1], "attending", "主任", "开封市卫生健康委员会", "first", nil],
    ])
    let conflicts = try archive.answer(.conflicts)
    #expect(conflicts.columns == ["kind", "name", "scope", "person", "otherPerson", "overlapping", "message"])
    #expect(conflicts.textRows == [[
      "organizations", "王芳", "开封市", "4", "5", "1",
      "王芳: 开封市教育局 (2021-03-02…2023-02-15) and 开封市卫生健康委员会 (2022-01-10), at overlapping times: two people, not merged",
    ]])
  }

  @Test func aNameWithoutOrganizationBetweenTwoNamesakesStaysApart() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _) = try IdentitySample.archive(in: folder)
    let path = folder.appendingPathComponent("kaifeng-4.txt").path
    try Data(IdentitySample.kaifeng4.utf8).write(to: URL(fileURLWithPath: path))
    #expect(ArchiveIndexer(archive: archive).index(path: path) == .indexed)
    try archive.resolveIdentities()
    #expect(try archive.answer(.people("王芳")).textRows.map { [$0[0], $0[1], $0[5], $0[6]] } == [
      ["4", "2021-03-02", "开封市教育局", "first"], ["4", "2023-02-15", "开封市教育局", "organization"],
      ["5", "2022-01-10", "开封市卫生健康委员会", "first"], ["6", "2023-06-01", nil, "first"],
    ])
    #expect(try archive.answer(.conflicts).textRows.map { Array($0.prefix(6)) } == [
      ["organizations", "王芳", "开封市", "4", "5", "1"], ["ambiguous", "王芳", "开封市", "6", "4", nil],
      ["ambiguous", "王芳", "开封市", "6", "5", nil],
    ])
    #expect(try archive.answer(.conflicts).textRows[1][6] == "王芳 without an organisation could be the one of 开封市教育局 (2021-03-02…2023-02-15) or another: not merged")
    // 赵新民 of the same meetings, printed alike, is still one person.
    #expect(try archive.rows(sql: "SELECT mentions FROM people WHERE name = '赵新民'").textRows == [["3"]])
  }

  @Test func aDocumentWithoutPlaceIsItsOwnScope() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, _) = try IdentitySample.archive(in: folder)
    let path = folder.appendingPathComponent("placeless.txt").path
    try Data(IdentitySample.placeless.utf8).write(to: URL(fileURLWithPath: path))
    #expect(ArchiveIndexer(archive: archive).index(path: path) == .indexed)
    try archive.resolveIdentities()
    let documentId = try #require(try archive.rows(sql: "SELECT id FROM documents WHERE path = ?", arguments: [path]).textRows.first?[0])
    #expect(try archive.answer(.organization("市发改委")).textRows.map { Array($0.prefix(4)) } == [
      ["1", "开封市发展和改革委员会", "开封市", "市发展和改革委员会"], ["1", "开封市发展和改革委员会", "开封市", "市发改委"],
      ["5", "洛阳市发展和改革委员会", "洛阳市", "市发展和改革委员会"], ["5", "洛阳市发展和改革委员会", "洛阳市", "市发改委"],
      ["6", "市发展和改革委员会", "", "市发展和改革委员会"], ["6", "市发展和改革委员会", "", "市发改委"],
    ])
    #expect(try archive.rows(sql: "SELECT scopeDocumentId FROM organizationEntities WHERE id = 6").textRows == [[documentId]])
  }

  @Test func resolvingAgainGivesTheSameRowsAndReindexingKeepsTheDatabaseSound() throws {
    let folder = try Sample.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (archive, paths) = try IdentitySample.archive(in: folder)
    try archive.resolveIdentities()
    let tables = ["organizationEntities", "organizationAliases", "people", "personMentions", "identityConflicts"]
    let before = try tables.map { try archive.rows(sql: "SELECT * FROM \($0)") }
    // Nothing changed: the tables are left alone; forced, they are rebuilt the same.
    #expect(try archive.resolveIdentities() == IdentitySummary(organizations: 5, people: 8, conflicts: 1))
    #expect(try tables.map { try archive.rows(sql: "SELECT * FROM \($0)") } == before)
    try archive.resolveIdentities(force: true)
    #expect(try tables.map { try archive.rows(sql: "SELECT * FROM \($0)") } == before)
    #expect(try archive.rows(sql: "SELECT stale FROM identityState").textRows == [["0"]])
    // A changed document replaces its rows under the identity tables' references.
    try Data(IdentitySample.kaifeng2.replacingOccurrences(of: "市卫健委主任王芳", with: "市教育局局长王芳").utf8)
      .write(to: URL(fileURLWithPath: paths[1]))
    #expect(ArchiveIndexer(archive: archive).index(path: paths[1]) == .indexed)
    #expect(try archive.rows(sql: "SELECT stale FROM identityState").textRows == [["1"]])
    #expect(try archive.integrityCheck() == ["ok"])
    #expect(try archive.rows(sql: "PRAGMA foreign_key_check").rows.isEmpty)
    #expect(try archive.resolveIdentities() == IdentitySummary(organizations: 5, people: 7, conflicts: 0))
    #expect(try archive.answer(.people("王芳")).textRows.map { [$0[0], $0[1], $0[6]] } == [
      ["4", "2021-03-02", "first"], ["4", "2022-01-10", "organization"], ["4", "2023-02-15", "organization"],
    ])
  }
}
