import Foundation
import Testing

/// Every public declaration of the library targets carries a `///` doc comment, so the DocC
/// catalog documents the whole API. DocC's own coverage counts synthesised members (`!=`,
/// `hashValue`) too, so the check reads the sources: a line declaring something `public` or
/// `open` must follow a doc comment, attributes between them allowed. Enum cases carry no
/// modifier of their own, so a line scan cannot tell a public enum's cases from others'; they
/// are left to review.
@Suite("Documentation: every public declaration has a doc comment")
struct DocumentationCoverageTests {
  static let libraryTargets = ["GongwenModel", "Gongwen", "GongwenEvaluation", "GongwenIndex"]

  @Test(arguments: libraryTargets)
  func publicDeclarationsAreDocumented(target: String) throws {
    let folder = Corpus.packageRoot.appendingPathComponent("Sources/\(target)")
    let files = try #require(FileManager.default.enumerator(atPath: folder.path))
      .compactMap { $0 as? String }
      .filter { $0.hasSuffix(".swift") }
      .sorted()
    #expect(!files.isEmpty)
    var undocumented: [String] = []
    for file in files {
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.drop { $0 == " " }
      }
      for (number, line) in lines.enumerated() where Self.declaresPublicSymbol(line) {
        var previous = number - 1
        while previous >= 0, lines[previous].hasPrefix("@") { previous -= 1 }
        let documented = previous >= 0 && (lines[previous].hasPrefix("///") || lines[previous].hasSuffix("*/"))
        if !documented { undocumented.append("\(target)/\(file):\(number + 1): \(line.prefix(80))") }
      }
    }
    #expect(undocumented.isEmpty, "undocumented public declarations:\n\(undocumented.joined(separator: "\n"))")
  }

  /// `public var x`, `@inlinable public func f`, `open class C`; not `public import` nor
  /// `public extension` (an extension documents nothing by itself; its members do).
  static func declaresPublicSymbol(_ line: Substring) -> Bool {
    var rest = line
    while rest.hasPrefix("@") {
      guard let space = rest.firstIndex(of: " ") else { return false }
      rest = rest[rest.index(after: space)...]
    }
    for keyword in ["public ", "open "] where rest.hasPrefix(keyword) {
      let declaration = rest.dropFirst(keyword.count)
      return declarationWords.contains { word in
        guard declaration.hasPrefix(word) else { return false }
        let after = declaration.dropFirst(word.count).first
        return after.map { !($0.isLetter || $0.isNumber || $0 == "_") } ?? true
      }
    }
    return false
  }

  /// What may follow `public` in a declaration (so `open = await …`, a variable, is none).
  static let declarationWords = [
    "struct", "enum", "class", "actor", "protocol", "func", "var", "let", "init", "subscript", "typealias",
    "static", "final", "mutating", "nonmutating", "nonisolated", "convenience", "required", "override",
    "indirect", "lazy", "private(set)", "internal(set)", "fileprivate(set)", "associatedtype",
  ]
}
