import Gongwen

/// Compares one document's contract JSON with its gold JSON, field by field.
///
/// Only keys present in the gold are scored (a gold file leaves out what its writer could not
/// know). Text is compared with all white space removed; `range` keys are ignored everywhere.
struct GoldComparison {
  let document: String
  private var scores: [EvaluatedField: FieldScore] = [:]
  private var misses: [Miss] = []

  init(document: String) { self.document = document }

  /// The keys a section node is compared on (children are compared by the tree).
  static let nodeKeys = ["marker", "level", "title", "text"]
  /// The keys a person is compared on; an absent key equals null.
  static let personKeys = ["name", "title", "organization", "reason"]
  /// The attendance lists that hold persons.
  static let personLists: [(key: String, field: EvaluatedField)] = [
    ("present", .present), ("attending", .attending), ("absent", .absent), ("recorders", .recorders),
  ]

  var evaluation: Evaluation {
    func rank(_ field: EvaluatedField) -> Int { EvaluatedField.all.firstIndex(of: field) ?? .max }
    let ordered = misses.enumerated().sorted {
      (rank($0.element.field), $0.offset) < (rank($1.element.field), $1.offset)
    }
    return Evaluation(
      documents: [document], fields: FieldScore.ordered(Array(scores.values)),
      misses: ordered.map(\.element))
  }

  mutating func compare(output: JSONValue, gold: JSONValue) {
    guard case .object(let members) = gold else { return }
    for (key, expected) in members {
      let got = output[key] ?? .null
      switch key {
      case "kind", "title", "docNumber", "signature", "issuer", "note", "publication":
        exact(EvaluatedField(rawValue: key), expected: expected, got: got, equal: Self.agrees(expected, got))
      case "recipients", "distribution":
        list(EvaluatedField(rawValue: key), expected: expected.items, got: got.items, matching: Self.agrees)
      case "meeting":
        compareMeeting(expected: expected, got: got)
      case "sections":
        compareSections(expected: expected, got: got)
      case "attendance":
        compareAttendance(expected: expected, got: got)
      default:
        break  // keys no field scores
      }
    }
  }

  // MARK: Fields

  private mutating func compareMeeting(expected: JSONValue, got: JSONValue) {
    exact(.meeting, expected: expected, got: got, equal: (expected == .null) == (got == .null))
    guard case .object(let members) = expected else { return }
    for (key, value) in members {
      let actual = got[key] ?? .null
      switch key {
      case "type": exact(.meetingType, expected: value, got: actual, equal: Self.agrees(value, actual))
      case "session": exact(.meetingSession, expected: value, got: actual, equal: Self.agrees(value, actual))
      case "date": exact(.meetingDate, expected: value, got: actual, equal: Self.agrees(value, actual))
      case "timeOfDay": exact(.meetingTimeOfDay, expected: value, got: actual, equal: Self.agrees(value, actual))
      case "chair":
        let keys = ["name", "title"]
        let equal =
          value == .null || actual == .null
          ? value == actual : Self.agrees(value, actual, on: keys)
        exact(
          .meetingChair, expected: Self.selection(value, keys: keys),
          got: Self.selection(actual, keys: keys), equal: equal)
      default: break
      }
    }
  }

  private mutating func compareSections(expected: JSONValue, got: JSONValue) {
    let goldNodes = Self.flattened(expected.items)
    let outputNodes = Self.flattened(got.items)
    list(
      .sections, expected: goldNodes.map { Self.selection($0, keys: Self.nodeKeys) },
      got: outputNodes.map { Self.selection($0, keys: Self.nodeKeys) },
      matching: { gold, output in
        gold.members.allSatisfy { Self.agrees($0.value, output[$0.key] ?? .null) }
      })
    let parting = Self.firstParting(expected.items, got.items, path: [])
    exact(
      .sectionTree, expected: parting?.expected ?? .null, got: parting?.got ?? .null,
      equal: parting == nil)
  }

  private mutating func compareAttendance(expected: JSONValue, got: JSONValue) {
    guard case .object = expected else { return }
    var goldPersons: [JSONValue] = []
    var outputPersons: [JSONValue] = []
    var assertsPersons = false
    for (key, field) in Self.personLists {
      guard let goldList = expected[key] else { continue }
      assertsPersons = true
      let gold = goldList.items.map(Self.person)
      let output = (got[key] ?? .null).items.map(Self.person)
      list(field, expected: gold, got: output) { Self.agrees($0, $1, on: Self.personKeys) }
      goldPersons += gold
      outputPersons += output
    }
    if let organizations = expected["representedOrganizations"] {
      list(
        .representedOrganizations, expected: organizations.items,
        got: (got["representedOrganizations"] ?? .null).items, matching: Self.agrees)
    }
    guard assertsPersons else { return }
    list(.persons, expected: goldPersons.map(Self.name), got: outputPersons.map(Self.name), matching: Self.agrees)
    list(
      .organizationPersons, expected: goldPersons.compactMap(Self.organizationPerson),
      got: outputPersons.compactMap(Self.organizationPerson), matching: Self.agrees)
  }

  // MARK: Scoring

  private mutating func exact(_ field: EvaluatedField, expected: JSONValue, got: JSONValue, equal: Bool) {
    var score = scores[field, default: FieldScore(field: field)]
    score.documents += 1
    if equal {
      score.matches += 1
    } else {
      misses.append(Miss(document: document, field: field, expected: Self.shown(expected), got: Self.shown(got)))
    }
    scores[field] = score
  }

  /// Matches gold items to output items one to one, each gold item taking the first unused
  /// output item that agrees with it.
  private mutating func list(
    _ field: EvaluatedField, expected: [JSONValue], got: [JSONValue],
    matching agree: (JSONValue, JSONValue) -> Bool
  ) {
    var score = scores[field, default: FieldScore(field: field)]
    score.documents += 1
    var used = [Bool](repeating: false, count: got.count)
    for item in expected {
      if let index = got.indices.first(where: { !used[$0] && agree(item, got[$0]) }) {
        used[index] = true
        score.truePositives += 1
      } else {
        score.falseNegatives += 1
        misses.append(Miss(document: document, field: field, expected: Self.shown(item), got: nil))
      }
    }
    for (index, item) in got.enumerated() where !used[index] {
      score.falsePositives += 1
      misses.append(Miss(document: document, field: field, expected: nil, got: Self.shown(item)))
    }
    scores[field] = score
  }

  // MARK: Values

  /// Whether `output` agrees with `gold` on every key the gold has (at any depth): text without
  /// white space, numbers by value, arrays item by item; `range` keys are ignored.
  static func agrees(_ gold: JSONValue, _ output: JSONValue) -> Bool {
    switch (gold, output) {
    case (.object(let members), .object):
      return members.allSatisfy { $0.key == "range" || agrees($0.value, output[$0.key] ?? .null) }
    case (.array(let items), .array(let outputItems)):
      return items.count == outputItems.count && zip(items, outputItems).allSatisfy(agrees)
    case (.string(let a), .string(let b)):
      return a.removingWhiteSpace == b.removingWhiteSpace
    case (.int(let a), .double(let b)), (.double(let b), .int(let a)):
      return Double(a) == b
    default:
      return gold == output
    }
  }

  /// Whether two objects agree on `keys`, an absent key counting as null.
  static func agrees(_ a: JSONValue, _ b: JSONValue, on keys: [String]) -> Bool {
    keys.allSatisfy { agrees(a[$0] ?? .null, b[$0] ?? .null) }
  }

  /// The object reduced to `keys`, leaving out absent and null ones; null stays null.
  static func projection(_ value: JSONValue, on keys: [String]) -> JSONValue {
    guard case .object = value else { return value }
    return .object(keys.compactMap { key in value[key].flatMap { $0 == .null ? nil : (key, $0) } })
  }

  /// A person entry as compared: name, title, organization, reason. A bare string is a name.
  static func person(_ value: JSONValue) -> JSONValue {
    if case .string = value { return .object([("name", value)]) }
    return projection(value, on: personKeys)
  }

  static func name(_ person: JSONValue) -> JSONValue { person["name"] ?? .null }

  /// `{"organization", "name"}` for a person printed with a unit, else nil.
  static func organizationPerson(_ person: JSONValue) -> JSONValue? {
    guard case .string(let organization) = person["organization"] ?? .null,
      !organization.removingWhiteSpace.isEmpty
    else { return nil }
    return .object([("organization", .string(organization)), ("name", name(person))])
  }

  /// The object reduced to those of `keys` it has (null ones included), in that order: a
  /// section node without its children, a chair without its range.
  static func selection(_ node: JSONValue, keys: [String]) -> JSONValue {
    guard case .object = node else { return node }
    return .object(keys.compactMap { key in node[key].map { (key, $0) } })
  }

  /// Every node of a section forest, depth first.
  static func flattened(_ nodes: [JSONValue]) -> [JSONValue] {
    nodes.flatMap { [$0] + flattened(($0["children"] ?? .null).items) }
  }

  /// Where two section trees first part, depth first: the gold node and the output node at that
  /// place (null for a side that has no node there), each with its `path` of markers; nil when
  /// the trees agree.
  static func firstParting(
    _ gold: [JSONValue], _ output: [JSONValue], path: [String]
  ) -> (expected: JSONValue, got: JSONValue)? {
    for index in 0..<max(gold.count, output.count) {
      let g = index < gold.count ? gold[index] : nil
      let o = index < output.count ? output[index] : nil
      func located(_ node: JSONValue?) -> JSONValue {
        guard let node else { return .null }
        let marker = (node["marker"] ?? .null).stringValue ?? "?"
        let place: [(key: String, value: JSONValue)] = [("path", .string((path + [marker]).joined(separator: " ")))]
        return .object(place + selection(node, keys: nodeKeys).members)
      }
      guard let g, let o else { return (located(g), located(o)) }
      let nodeAgrees = g.members.allSatisfy {
        $0.key == "range" || $0.key == "children" || agrees($0.value, o[$0.key] ?? .null)
      }
      guard nodeAgrees else { return (located(g), located(o)) }
      guard let goldChildren = g["children"] else { continue }
      let marker = (g["marker"] ?? .null).stringValue ?? "?"
      if let parting = firstParting(goldChildren.items, (o["children"] ?? .null).items, path: path + [marker]) {
        return parting
      }
    }
    return nil
  }

  /// The value as a miss shows it: `range` keys left out at every depth.
  static func shown(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): return .object(members.filter { $0.key != "range" }.map { ($0.key, shown($0.value)) })
    case .array(let items): return .array(items.map(shown))
    default: return value
    }
  }
}

extension JSONValue {
  /// The items of an array; no items for anything else (null, a missing list).
  fileprivate var items: [JSONValue] {
    if case .array(let items) = self { return items }
    return []
  }

  /// The members of an object; none for anything else.
  fileprivate var members: [(key: String, value: JSONValue)] {
    if case .object(let members) = self { return members }
    return []
  }

  fileprivate var stringValue: String? {
    if case .string(let string) = self { return string }
    return nil
  }
}

extension String {
  /// The string without any white space (Unicode White_Space: spaces, the ideographic space
  /// U+3000, no-break spaces, line breaks), as the contract compares text.
  var removingWhiteSpace: String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: unicodeScalars.lazy.filter { !$0.properties.isWhitespace })
    return String(result)
  }
}
