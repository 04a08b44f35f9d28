import Gongwen

/// How well the parser's output agrees with gold files: one ``FieldScore`` per field, the
/// ``Miss``es behind every imperfect score, and the documents that could not be evaluated.
///
/// Scores are micro-averaged: the counts of all documents are added up before the rates are
/// taken, so a document with forty attendees weighs more in `attendance.persons` than one with
/// four. Evaluations of separate document sets combine with ``init(combining:)``.
public struct Evaluation: Hashable, Sendable, Codable {
  /// The documents compared, by name (the gold file's name without `.gold.json`).
  public var documents: [String]
  /// One score per field that at least one gold file asserts, in ``EvaluatedField/all`` order.
  public var fields: [FieldScore]
  /// Every disagreement, by document, then field.
  public var misses: [Miss]
  /// Documents that could not be compared (no text, undecodable text, invalid gold JSON).
  public var failures: [EvaluationFailure]

  /// Creates an Evaluation from its parts; each argument sets the property of the same name.
  public init(
    documents: [String] = [], fields: [FieldScore] = [], misses: [Miss] = [],
    failures: [EvaluationFailure] = []
  ) {
    self.documents = documents
    self.fields = fields
    self.misses = misses
    self.failures = failures
  }

  /// The evaluations of several document sets as one: counts added field by field.
  public init(combining evaluations: some Sequence<Evaluation>) {
    var documents: [String] = []
    var scores: [EvaluatedField: FieldScore] = [:]
    var misses: [Miss] = []
    var failures: [EvaluationFailure] = []
    for evaluation in evaluations {
      documents += evaluation.documents
      misses += evaluation.misses
      failures += evaluation.failures
      for score in evaluation.fields {
        scores[score.field, default: FieldScore(field: score.field)].add(score)
      }
    }
    self.init(
      documents: documents, fields: FieldScore.ordered(Array(scores.values)), misses: misses,
      failures: failures)
  }

  /// The score of `field`, or nil when no gold file asserts it.
  public subscript(field: EvaluatedField) -> FieldScore? {
    fields.first { $0.field == field }
  }

  /// The misses of one field.
  public func misses(of field: EvaluatedField) -> [Miss] {
    misses.filter { $0.field == field }
  }
}

/// The score of one field over a set of documents, from the counts it keeps.
///
/// List fields (``EvaluatedField/Measure/list``) count matched, spurious and missed items;
/// exact fields count documents where the value is exactly right. An empty count scores as
/// perfect: precision is 1 when nothing was output, recall is 1 when the gold lists nothing,
/// F1 is 1 when both are empty (so a document that rightly has no distribution counts as right).
public struct FieldScore: Hashable, Sendable, Codable {
  /// The field scored.
  public var field: EvaluatedField
  /// Documents whose gold file asserts the field.
  public var documents: Int
  /// Items of a list field found in both the output and the gold.
  public var truePositives: Int
  /// Items output but not in the gold.
  public var falsePositives: Int
  /// Items in the gold but not output.
  public var falseNegatives: Int
  /// For an exact field: documents where the value is exactly right.
  public var matches: Int

  /// Creates a FieldScore from its parts; each argument sets the property of the same name.
  public init(
    field: EvaluatedField, documents: Int = 0, truePositives: Int = 0, falsePositives: Int = 0,
    falseNegatives: Int = 0, matches: Int = 0
  ) {
    self.field = field
    self.documents = documents
    self.truePositives = truePositives
    self.falsePositives = falsePositives
    self.falseNegatives = falseNegatives
    self.matches = matches
  }

  /// How the field is scored.
  public var measure: EvaluatedField.Measure { field.measure }

  /// Matched items over output items (1 when nothing was output).
  public var precision: Double {
    Self.ratio(truePositives, truePositives + falsePositives)
  }

  /// Matched items over gold items (1 when the gold lists nothing).
  public var recall: Double {
    Self.ratio(truePositives, truePositives + falseNegatives)
  }

  /// The harmonic mean of precision and recall, `2·TP / (2·TP + FP + FN)` (1 when both lists
  /// are empty everywhere).
  public var f1: Double {
    Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
  }

  /// For an exact field: documents exactly right over documents asserting it.
  public var exactRate: Double { Self.ratio(matches, documents) }

  /// The headline figure: F1 for a list field, the exact rate for an exact field. This is the
  /// figure the corpus ratchet records.
  public var value: Double { measure == .list ? f1 : exactRate }

  /// Adds another score's counts of the same field.
  public mutating func add(_ other: FieldScore) {
    documents += other.documents
    truePositives += other.truePositives
    falsePositives += other.falsePositives
    falseNegatives += other.falseNegatives
    matches += other.matches
  }

  private static func ratio(_ numerator: Int, _ denominator: Int) -> Double {
    denominator == 0 ? 1 : Double(numerator) / Double(denominator)
  }

  static func ordered(_ scores: [FieldScore]) -> [FieldScore] {
    func rank(_ field: EvaluatedField) -> Int { EvaluatedField.all.firstIndex(of: field) ?? .max }
    return scores.sorted { (rank($0.field), $0.field.rawValue) < (rank($1.field), $1.field.rawValue) }
  }

  private enum CodingKeys: String, CodingKey {
    case field, measure, documents, truePositives, falsePositives, falseNegatives, matches
    case precision, recall, f1, exactRate, value
  }

  /// Writes the counts of the field's measure and the rates derived from them.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(field, forKey: .field)
    try c.encode(measure, forKey: .measure)
    try c.encode(documents, forKey: .documents)
    switch measure {
    case .list:
      try c.encode(truePositives, forKey: .truePositives)
      try c.encode(falsePositives, forKey: .falsePositives)
      try c.encode(falseNegatives, forKey: .falseNegatives)
      try c.encode(precision, forKey: .precision)
      try c.encode(recall, forKey: .recall)
      try c.encode(f1, forKey: .f1)
    case .exact:
      try c.encode(matches, forKey: .matches)
      try c.encode(exactRate, forKey: .exactRate)
    }
    try c.encode(value, forKey: .value)
  }

  /// Reads the counts back; the rates are derived from them.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      field: try c.decode(EvaluatedField.self, forKey: .field),
      documents: try c.decode(Int.self, forKey: .documents),
      truePositives: try c.decodeIfPresent(Int.self, forKey: .truePositives) ?? 0,
      falsePositives: try c.decodeIfPresent(Int.self, forKey: .falsePositives) ?? 0,
      falseNegatives: try c.decodeIfPresent(Int.self, forKey: .falseNegatives) ?? 0,
      matches: try c.decodeIfPresent(Int.self, forKey: .matches) ?? 0)
  }
}

/// One disagreement between the output and the gold.
///
/// For an exact field both values are given (null when a side has none). For a list field a
/// miss is one item: a gold item the output lacks has only `expected`, an output item the gold
/// lacks only `got`. Values are shown as written (white space kept, `range` left out), though
/// they were compared without white space.
public struct Miss: Hashable, Sendable, Codable {
  /// The document's name.
  public var document: String
  /// The field that disagrees.
  public var field: EvaluatedField
  /// The gold value, or nil for an output item the gold does not have.
  public var expected: JSONValue?
  /// The output value, or nil for a gold item the output does not have.
  public var got: JSONValue?

  /// Creates a Miss from its parts; each argument sets the property of the same name.
  public init(document: String, field: EvaluatedField, expected: JSONValue?, got: JSONValue?) {
    self.document = document
    self.field = field
    self.expected = expected
    self.got = got
  }

  private enum CodingKeys: String, CodingKey { case document, field, expected, got }

  /// Encodes the miss as an object; `expected` or `got` is left out when that side has no item.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(document, forKey: .document)
    try c.encode(field, forKey: .field)
    try c.encodeIfPresent(expected, forKey: .expected)
    try c.encodeIfPresent(got, forKey: .got)
  }

  /// Decodes a miss; a present `null` is a value, an absent key is no item.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    document = try c.decode(String.self, forKey: .document)
    field = try c.decode(EvaluatedField.self, forKey: .field)
    // A present `null` is a value (the gold says null); only an absent key is "no item".
    expected = c.contains(.expected) ? try c.decode(JSONValue.self, forKey: .expected) : nil
    got = c.contains(.got) ? try c.decode(JSONValue.self, forKey: .got) : nil
  }
}

/// A document that could not be evaluated, and why.
public struct EvaluationFailure: Hashable, Sendable, Codable, CustomStringConvertible {
  /// The document's name.
  public var document: String
  /// Why it could not be evaluated, for people.
  public var reason: String

  /// Creates an EvaluationFailure from its parts; each argument sets the property of the same name.
  public init(document: String, reason: String) {
    self.document = document
    self.reason = reason
  }

  /// The document and the reason, as `gongwen eval` prints them.
  public var description: String { "\(document): \(reason)" }
}
