import Gongwen

extension Evaluation {
  /// The evaluation as text: a summary line, the per-field table and, when asked, the misses.
  ///
  /// ```text
  /// 16 documents, 0 failed
  ///
  /// field                                 docs      P      R     F1  exact  counts
  /// kind                                    16                     0.000  0/16
  /// attendance.present                      16  1.000  0.000  0.000         tp 0 fp 0 fn 154
  /// ```
  ///
  /// List fields show precision, recall and F1 with their counts (matched, spurious, missed);
  /// exact fields the rate of documents exactly right. Misses read
  /// `DOCUMENT  FIELD: expected …, got …` for a value, `missing …` for a gold item the output
  /// lacks, `spurious …` for an output item the gold lacks.
  public func report(showingMisses: Bool = false) -> String {
    report(showingMisses: showingMisses, groups: [])
  }

  /// The report of ``report(showingMisses:)`` followed, when there are two groups or more, by
  /// the table of each group (`== report: 20 documents`), so that a regression in one kind of
  /// document is not averaged away by the others.
  public func report(showingMisses: Bool, groups: [(group: String, evaluation: Evaluation)]) -> String {
    var lines = ["\(documents.count) document\(documents.count == 1 ? "" : "s"), \(failures.count) failed"]
    for failure in failures { lines.append("failed: \(failure)") }
    lines.append("")
    lines += table()
    if groups.count > 1 {
      for (group, evaluation) in groups {
        let count = evaluation.documents.count
        lines.append("")
        lines.append("== \(group): \(count) document\(count == 1 ? "" : "s")")
        lines += evaluation.table()
      }
    }
    if showingMisses {
      lines.append("")
      lines.append("misses: \(misses.count)")
      for miss in misses { lines.append(miss.description) }
    }
    return lines.joined(separator: "\n")
  }

  private func table() -> [String] {
    var lines: [String] = []
    lines.append(Self.row("field", "docs", "P", "R", "F1", "exact", "counts"))
    for score in fields {
      func rate(_ value: Double) -> String { String(format3: value) }
      switch score.measure {
      case .list:
        lines.append(
          Self.row(
            score.field.rawValue, String(score.documents), rate(score.precision), rate(score.recall),
            rate(score.f1), "",
            "tp \(score.truePositives) fp \(score.falsePositives) fn \(score.falseNegatives)"))
      case .exact:
        lines.append(
          Self.row(
            score.field.rawValue, String(score.documents), "", "", "", rate(score.exactRate),
            "\(score.matches)/\(score.documents)"))
      }
    }
    return lines
  }

  private static func row(
    _ field: String, _ documents: String, _ precision: String, _ recall: String, _ f1: String,
    _ exact: String, _ counts: String
  ) -> String {
    let cells = [
      field.padding(38, left: true), documents.padding(4), precision.padding(7), recall.padding(7),
      f1.padding(7), exact.padding(7), "  " + counts,
    ]
    var line = cells.joined()
    while line.last == " " { line.removeLast() }
    return line
  }
}

extension Miss: CustomStringConvertible {
  /// The miss on one line: `DOCUMENT  FIELD: expected X, got Y` / `missing X` / `spurious Y`.
  public var description: String {
    let head = "\(document)  \(field): "
    switch (expected, got) {
    case (let expected?, let got?):
      return head + "expected \(expected.serialized()), got \(got.serialized())"
    case (let expected?, nil):
      return head + "missing \(expected.serialized())"
    case (nil, let got?):
      return head + "spurious \(got.serialized())"
    case (nil, nil):
      return head + "?"
    }
  }
}

extension String {
  /// The value with three decimals (`0.857`), without Foundation's locale-dependent formatting.
  fileprivate init(format3 value: Double) {
    let thousandths = Int((value * 1000).rounded())
    let fraction = String(thousandths % 1000)
    self = "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
  }

  /// Padded with spaces to `width` characters: on the right for left-aligned cells, else on
  /// the left.
  fileprivate func padding(_ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - count))
    return left ? self + fill : fill + self
  }
}
