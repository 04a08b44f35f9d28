import Foundation
import Gongwen

/// A document to evaluate: its gold file and its text.
public struct GoldCase: Hashable, Sendable {
  /// The gold file's name without `.gold.json`.
  public var name: String
  /// The gold file (`NAME.gold.json`).
  public var gold: URL
  /// The document's text (`NAME.txt`).
  public var text: URL
  /// The group the document is reported in (``Evaluation/groups``): for a name of the form
  /// `PREFIX-NNN` (`report-003`, `minutes-101`) its prefix, else the folder holding the gold
  /// file (`minutes` for `minutes/beilun-2022-05-26`), else the empty group.
  public var group: String

  /// Creates a case; without a `group`, the group is read from the name (``group(ofName:)``).
  public init(name: String, gold: URL, text: URL, group: String? = nil) {
    self.name = name
    self.gold = gold
    self.text = text
    self.group = group ?? Self.group(ofName: name)
  }

  /// `shared-gold/report-003` → `report`; `minutes/beilun-2022-05-26` → `minutes`.
  public static func group(ofName name: String) -> String {
    let components = name.split(separator: "/")
    let file = components.last.map(String.init) ?? name
    if let dash = file.lastIndex(of: "-"), dash != file.startIndex {
      let prefix = file[..<dash]
      let number = file[file.index(after: dash)...]
      if !number.isEmpty, number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber), prefix.allSatisfy({ $0.isLetter }) {
        return String(prefix)
      }
    }
    return components.count > 1 ? String(components[components.count - 2]) : ""
  }

  /// The gold files `NAME.gold.json` in `goldDirectory`, sorted by name, each paired with
  /// `NAME.txt` in `textDirectory` — by default the gold directory itself. A separate text
  /// directory is how `Corpus/shared-gold` pairs with `../shared/corpus/dev`.
  public static func cases(inGoldDirectory goldDirectory: URL, textDirectory: URL? = nil) throws(EvaluationError)
    -> [GoldCase]
  {
    let suffix = ".gold.json"
    guard let walker = FileManager.default.enumerator(atPath: goldDirectory.path) else {
      throw EvaluationError("cannot read the gold directory \(goldDirectory.path)")
    }
    // Gold files in subfolders too, so the corpus root evaluates every collection in it; a
    // case is named by its path below the gold directory.
    var files: [String] = []
    while let relative = walker.nextObject() as? String {
      if relative.hasSuffix(suffix) { files.append(relative) }
    }
    let cases = files.sorted().map { relative in
      let name = String(relative.dropLast(suffix.count))
      let gold = goldDirectory.appendingPathComponent(relative)
      // The text next to the gold file, else the one of that name in the text directory.
      let beside = goldDirectory.appendingPathComponent(name + ".txt")
      let text =
        FileManager.default.fileExists(atPath: beside.path)
        ? beside : textDirectory.map { $0.appendingPathComponent((name as NSString).lastPathComponent + ".txt") } ?? beside
      return GoldCase(name: name, gold: gold, text: text)
    }
    guard !cases.isEmpty else { throw EvaluationError("no *\(suffix) files in \(goldDirectory.path)") }
    return cases
  }

}

/// Why an evaluation could not start (as opposed to one document failing, which is an
/// ``EvaluationFailure`` in the result).
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What went wrong, naming the folder or file.
  public var description: String
  /// Creates an error with its message.
  public init(_ description: String) { self.description = description }
}

/// Measures a parser against gold files: parses each document, encodes it as contract JSON and
/// compares that with the gold, field by field.
///
/// ```swift
/// let evaluation = try Evaluator().evaluate(goldDirectory: URL(fileURLWithPath: "Corpus/minutes"))
/// print(evaluation.report())
/// print(evaluation[.persons]?.f1 ?? 0)
/// ```
///
/// What is compared: only keys present in the gold; text with all white space removed; persons
/// on name, title, organization and reason (an absent key equals null; `range` and other keys
/// ignored); section nodes on marker, level, title and text wherever they sit in the tree, and
/// the tree as a whole. See ``EvaluatedField`` for every field and ``FieldScore`` for the
/// arithmetic.
public struct Evaluator: Sendable {
  /// The parser whose output is scored.
  public var parser: DocumentParser

  /// Creates an evaluator of `parser`, by default one with the built-in lexicon.
  public init(parser: DocumentParser = DocumentParser()) {
    self.parser = parser
  }

  /// Compares one document's contract JSON (`OrderedJSONEncoder().encodeToValue(document)`)
  /// with its gold JSON.
  public static func compare(output: JSONValue, gold: JSONValue, document: String) -> Evaluation {
    var comparison = GoldComparison(document: document)
    comparison.compare(output: output, gold: gold)
    return comparison.evaluation
  }

  /// Compares a parsed document with its gold JSON.
  public func evaluate(_ document: Document, gold: JSONValue, name: String) -> Evaluation {
    do {
      return Self.compare(output: try OrderedJSONEncoder().encodeToValue(document), gold: gold, document: name)
    } catch {
      return Evaluation(failures: [EvaluationFailure(document: name, reason: "cannot encode the output: \(error)")])
    }
  }

  /// Parses and compares every case; a case whose gold or text cannot be read is a failure in
  /// the result, not an error.
  public func evaluate(_ cases: [GoldCase]) -> Evaluation {
    Evaluation(combining: cases.map(evaluate))
  }

  /// Parses and compares every case once, and returns the evaluation of all of them with one
  /// evaluation per ``GoldCase/group``, in the order the groups first appear.
  public func evaluateByGroup(_ cases: [GoldCase]) -> (all: Evaluation, groups: [(group: String, evaluation: Evaluation)]) {
    let each = cases.map(evaluate)
    var order: [String] = []
    var members: [String: [Evaluation]] = [:]
    for (goldCase, evaluation) in zip(cases, each) {
      if members[goldCase.group] == nil { order.append(goldCase.group) }
      members[goldCase.group, default: []].append(evaluation)
    }
    return (Evaluation(combining: each), order.map { ($0, Evaluation(combining: members[$0]!)) })
  }

  /// Evaluates every `NAME.gold.json` in `goldDirectory` against `NAME.txt` in `textDirectory`
  /// (by default next to the gold file).
  public func evaluate(goldDirectory: URL, textDirectory: URL? = nil) throws(EvaluationError) -> Evaluation {
    evaluate(try GoldCase.cases(inGoldDirectory: goldDirectory, textDirectory: textDirectory))
  }

  private func evaluate(_ goldCase: GoldCase) -> Evaluation {
    func failure(_ reason: String) -> Evaluation {
      Evaluation(failures: [EvaluationFailure(document: goldCase.name, reason: reason)])
    }
    let gold: JSONValue
    do {
      gold = try JSONValue(parsing: try Data(contentsOf: goldCase.gold))
    } catch let error as JSONParseError {
      return failure("\(goldCase.gold.lastPathComponent): \(error)")
    } catch {
      return failure("cannot read \(goldCase.gold.path)")
    }
    guard FileManager.default.fileExists(atPath: goldCase.text.path) else {
      return failure("no text file \(goldCase.text.path)")
    }
    do {
      return evaluate(try parser.parse(contentsOf: goldCase.text), gold: gold, name: goldCase.name)
    } catch {
      return failure("\(goldCase.text.lastPathComponent): \(error)")
    }
  }
}
