import Foundation
import Testing

/// `gongwen query` on the identities `gongwen index` resolves, end to end.
@Suite("CLI: identity questions")
struct IdentityCommandTests {
  @Test func organizationPeopleAndConflictsQuestions() throws {
    let folder = try IndexCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let archive = folder.appendingPathComponent("a.sqlite").path
    #expect(try CLITests.run(["index", "-q", archive, "Corpus/minutes"]).status == 0)
    // Six city minutes print 市发改委 (赣州, 哈尔滨, 洛阳, 绵阳, 日照, 宜宾): one entity per city.
    let organization = try CLITests.run(["query", archive, "organization", "市发改委", "--json"])
    #expect(organization.status == 0)
    let objects = try #require(try JSONSerialization.jsonObject(with: Data(organization.stdout.utf8)) as? [[String: Any]])
    #expect(Set(objects.compactMap { $0["scope"] as? String }) == ["赣州市", "哈尔滨市", "洛阳市", "绵阳市", "日照市", "宜宾市"])
    #expect(Set(objects.compactMap { $0["name"] as? String }).count == 6)
    let people = try CLITests.run(["query", archive, "people", "无此人"])
    #expect(people.stdout == "person  date  path  role  personTitle  organization  evidence  detail\n")
    let conflicts = try CLITests.run(["query", archive, "conflicts", "--csv"])
    #expect(conflicts.status == 0)
    #expect(conflicts.stdout.hasPrefix("kind,name,scope,person,otherPerson,overlapping,message\r\n"))
    #expect(try CLITests.run(["query", archive, "conflicts", "王芳"]).status == 64)
    #expect(try CLITests.run(["query", archive, "organization"]).status == 64)
  }
}
