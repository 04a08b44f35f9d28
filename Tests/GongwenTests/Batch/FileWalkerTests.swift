import Foundation
import Testing

@testable import Gongwen

@Suite("Batch: walking files and folders")
struct FileWalkerTests {
  @Test func foldersAreWalkedDepthFirstInNameOrderByExtension() throws {
    let folder = try TemporaryFolder()
    try folder.write("b.txt", text: "b")
    try folder.write("a/2.TXT", text: "2")
    try folder.write("a/1.text", text: "1")
    try folder.write("a/z/deep.txt", text: "d")
    try folder.write("a/notes.md", text: "m")
    try folder.write(".hidden.txt", text: "h")
    try folder.write(".git/x.txt", text: "x")
    try folder.write("noextension", text: "n")
    let walker = FileWalker(paths: [folder.path], extensions: ["txt", ".text"])
    #expect(walker.map(\.relativePath) == ["a/1.text", "a/2.TXT", "a/z/deep.txt", "b.txt"])
    #expect(walker.map(\.path) == ["a/1.text", "a/2.TXT", "a/z/deep.txt", "b.txt"].map { folder.path + "/" + $0 })
    #expect(walker.count() == 4)
    #expect(walker.allSatisfy { $0.problem == nil })
  }

  @Test func filesNamedDirectlyAreTakenWhateverTheirExtension() throws {
    let folder = try TemporaryFolder()
    let notes = try folder.write("sub/notes.md", text: "m")
    let files = Array(FileWalker(paths: [notes, "-"]))
    #expect(files.map(\.relativePath) == ["notes.md", "-"])
    #expect(files[0].location == .file(URL(fileURLWithPath: notes)))
    #expect(files[1].location == .standardInput)
  }

  @Test func aMissingPathIsYieldedWithItsProblem() throws {
    let folder = try TemporaryFolder()
    let missing = folder.path + "/missing.txt"
    let files = Array(FileWalker(paths: [missing]))
    #expect(files.count == 1)
    #expect(files[0].problem?.code == .unreadable)
    #expect(files[0].problem?.message.contains("missing.txt") == true)
  }

  @Test func linksToFoldersAreNotFollowedLinksToFilesAre() throws {
    let folder = try TemporaryFolder()
    let target = try folder.write("real/a.txt", text: "a")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/real/loop", withDestinationPath: folder.path + "/real")
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/real/b.txt", withDestinationPath: target)
    #expect(FileWalker(paths: [folder.path]).map(\.relativePath) == ["real/a.txt", "real/b.txt"])
  }

  @Test func theWalkHoldsOneListingPerFolderOnItsPath() throws {
    let folder = try TemporaryFolder()
    for index in 0..<50 { try folder.write("many/\(index).txt", text: "x") }
    try folder.write("z/last.txt", text: "x")
    var iterator = FileWalker(paths: [folder.path]).makeIterator()
    _ = iterator.next()
    // The root and `many` are open; `z` has not been listed yet.
    #expect(iterator.stack.map(\.relativeDirectory) == ["", "many"])
  }
}
