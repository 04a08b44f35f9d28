import Foundation
import Gongwen
import GongwenEvaluation

/// The corpus ratchet's record, `Corpus/baseline.json`: per corpus, the headline figure of every
/// field (F1 for lists, the exact rate for single values and trees) and the fields held
/// to perfection.
///
/// ```json
/// { "minutes": { "strict": ["kind"], "figures": { "kind": 1, "title": 0.875, … } }, … }
/// ```
///
/// Figures are recorded rounded down to four decimals, so a recorded figure never exceeds the
/// one it was taken from.
struct Baseline {
  struct Entry {
    /// Fields that must score 1.
    var strict: [String] = []
    /// Field → recorded figure, in report order.
    var figures: [(field: String, value: Double)] = []

    func figure(_ field: String) -> Double? { figures.first { $0.field == field }?.value }
  }

  static let url = Corpus.project.appendingPathComponent("baseline.json")
  /// Set to 1 to record risen figures and new fields (drops are never recorded).
  static let updateVariable = "GONGWEN_UPDATE_BASELINE"
  static var isUpdating: Bool { ProcessInfo.processInfo.environment[updateVariable] == "1" }
  static let updateCommand = "\(updateVariable)=1 swift test --filter CorpusEvaluationTests"

  var corpora: [(name: String, entry: Entry)] = []

  subscript(corpus: String) -> Entry? {
    get { corpora.first { $0.name == corpus }?.entry }
    set {
      guard let newValue else { return }
      if let index = corpora.firstIndex(where: { $0.name == corpus }) {
        corpora[index].entry = newValue
      } else {
        corpora.append((corpus, newValue))
      }
    }
  }

  /// A figure as recorded: rounded down to four decimals (the small addend absorbs binary noise
  /// such as 0.3 × 10⁴ = 2999.9999…).
  static func recorded(_ value: Double) -> Double {
    (value * 10_000 + 1e-6).rounded(.down) / 10_000
  }

  static func load() throws -> Baseline {
    guard FileManager.default.fileExists(atPath: url.path) else { return Baseline() }
    let json = try JSONValue(parsing: try Data(contentsOf: url))
    guard case .object(let corpora) = json else { return Baseline() }
    var baseline = Baseline()
    for (name, value) in corpora {
      var entry = Entry()
      if case .array(let strict) = value["strict"] ?? .null {
        entry.strict = strict.compactMap { if case .string(let s) = $0 { s } else { nil } }
      }
      if case .object(let figures) = value["figures"] ?? .null {
        entry.figures = figures.compactMap { field, figure in
          switch figure {
          case .int(let i): (field, Double(i))
          case .double(let d): (field, d)
          default: nil
          }
        }
      }
      baseline.corpora.append((name, entry))
    }
    return baseline
  }

  func write() throws {
    let json = JSONValue.object(
      corpora.map { name, entry in
        (
          name,
          .object([
            ("strict", .array(entry.strict.map(JSONValue.string))),
            ("figures", .object(entry.figures.map { ($0.field, JSONValue.double($0.value)) })),
          ])
        )
      })
    try Data((json.serialized(prettyPrinted: true) + "\n").utf8).write(to: Self.url)
  }
}

/// What the ratchet found for one corpus.
struct RatchetCheck {
  /// Failures: drops and strict fields below 1.
  var errors: [String] = []
  /// Fields evaluated but not recorded, or recorded but no longer evaluated: failures unless
  /// the baseline is being updated, which settles them.
  var outOfDate: [String] = []
  /// Figures above their record (not failures).
  var rises: [String] = []
  /// The entry with rises and new fields recorded (drops keep their recorded figure).
  var updated: Baseline.Entry

  /// Compares an evaluation with its recorded entry.
  init(_ evaluation: Evaluation, against entry: Baseline.Entry?) {
    let entry = entry ?? Baseline.Entry()
    updated = Baseline.Entry(strict: entry.strict)
    let tolerance = 1e-9
    for score in evaluation.fields {
      let field = score.field.rawValue
      let value = score.value
      let shown = Self.format(value)
      if entry.strict.contains(field), value < 1 - tolerance {
        errors.append("\(field) is strict but scores \(shown)\(Self.missList(evaluation, score.field))")
      }
      guard let recorded = entry.figure(field) else {
        outOfDate.append("\(field) (\(shown)) is not recorded")
        updated.figures.append((field, Baseline.recorded(value)))
        continue
      }
      if value < recorded - tolerance {
        errors.append(
          "\(field) dropped from \(Self.format(recorded)) to \(shown)\(Self.missList(evaluation, score.field))")
        updated.figures.append((field, recorded))
      } else if Baseline.recorded(value) > recorded + tolerance {
        rises.append("\(field) rose from \(Self.format(recorded)) to \(shown)")
        updated.figures.append((field, Baseline.recorded(value)))
      } else {
        updated.figures.append((field, recorded))
      }
    }
    for (field, _) in entry.figures where evaluation[EvaluatedField(rawValue: field)] == nil {
      outOfDate.append("\(field) is recorded but no longer evaluated")
    }
    for field in entry.strict where evaluation[EvaluatedField(rawValue: field)] == nil {
      errors.append("\(field) is strict but not evaluated")
    }
  }

  static func format(_ value: Double) -> String {
    String(Baseline.recorded(value))
  }

  /// The first misses of a field, for a failure message.
  private static func missList(_ evaluation: Evaluation, _ field: EvaluatedField) -> String {
    let misses = evaluation.misses(of: field)
    let shown = misses.prefix(10).map { "\n    \($0)" }.joined()
    let more = misses.count > 10 ? "\n    … \(misses.count - 10) more" : ""
    return shown + more
  }
}
