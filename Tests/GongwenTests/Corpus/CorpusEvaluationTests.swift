import Foundation
import Gongwen
import GongwenEvaluation
import Testing

/// A folder of gold files the corpus tests evaluate, named as in `Corpus/baseline.json`.
enum GoldCorpus: String, CaseIterable, Sendable, CustomTestStringConvertible {
  /// `Corpus/minutes`: minutes written for the project.
  case minutes
  /// `Corpus/gongwen`: other 公文 written for the project.
  case gongwen
  /// `Corpus/shared-gold`, paired with the texts in `../shared/corpus/dev`.
  case sharedGold = "shared-gold"
  /// The reference document and its gold, both in `../shared/corpus/dev`.
  case seed

  var testDescription: String { rawValue }

  static let project: [GoldCorpus] = [.minutes, .gongwen]
  static let shared: [GoldCorpus] = [.sharedGold, .seed]

  func cases() throws -> [GoldCase] {
    switch self {
    case .minutes, .gongwen:
      return try GoldCase.cases(inGoldDirectory: Corpus.project.appendingPathComponent(rawValue))
    case .sharedGold:
      return try GoldCase.cases(
        inGoldDirectory: Corpus.project.appendingPathComponent(rawValue), textDirectory: Corpus.sharedDev)
    case .seed:
      return [
        GoldCase(
          name: Corpus.seedName, gold: Corpus.sharedDev.appendingPathComponent(Corpus.seedName + ".gold.json"),
          text: Corpus.sharedDev.appendingPathComponent(Corpus.seedName + ".txt"))
      ]
    }
  }
}

/// The parser against every gold corpus, with a ratchet: each field's figure (F1 for lists,
/// exact rate for single values and trees) may not drop below the one recorded in
/// `Corpus/baseline.json`, and fields listed there as strict must score 1.
///
/// When figures rise the test passes with a warning; record them with
/// `GONGWEN_UPDATE_BASELINE=1 swift test --filter CorpusEvaluationTests` (the suite is
/// serialised because every corpus rewrites its own entry of the one file).
@Suite("Corpus: evaluation against the gold files, with a ratchet", .serialized)
struct CorpusEvaluationTests {
  @Test(arguments: GoldCorpus.project)
  func projectCorpus(_ corpus: GoldCorpus) throws {
    try check(corpus)
  }

  @Test(.enabled(if: Corpus.sharedIsAvailable, "needs ../shared/corpus/dev"), arguments: GoldCorpus.shared)
  func sharedCorpus(_ corpus: GoldCorpus) throws {
    try check(corpus)
  }

  private func check(_ corpus: GoldCorpus) throws {
    let cases = try corpus.cases()
    let evaluation = Evaluator().evaluate(cases)
    #expect(evaluation.failures.isEmpty, "documents that could not be evaluated: \(evaluation.failures)")
    #expect(evaluation.documents.count == cases.count)

    var baseline = try Baseline.load()
    let check = RatchetCheck(evaluation, against: baseline[corpus.rawValue])
    for error in check.errors {
      Issue.record(
        """
        \(corpus.rawValue): \(error)
        A drop is a regression: fix it. Only when it is meant (a gold value corrected, say) lower the
        figure in Corpus/baseline.json by hand and say why in the commit.
        \(evaluation.report())
        """)
    }
    if !Baseline.isUpdating {
      for error in check.outOfDate {
        Issue.record("\(corpus.rawValue): \(error). Bring Corpus/baseline.json up to date: \(Baseline.updateCommand)")
      }
    }
    if Baseline.isUpdating {
      baseline[corpus.rawValue] = check.updated
      try baseline.write()
    } else if !check.rises.isEmpty {
      Issue.record(
        "\(corpus.rawValue): \(check.rises.joined(separator: "; ")). Record them: \(Baseline.updateCommand)",
        severity: .warning)
    }
  }
}
