import Foundation
import GongwenModel

/// The government lexicon (词库) the tokenizer and the entity extractors match against:
/// organisations and their abbreviations, organisation suffixes, titles, places, meeting
/// vocabulary, surnames and users' own people.
///
/// A lexicon is a value: build it once (``builtIn``, ``init(entries:)``,
/// ``init(contentsOf:)``), extend it with `adding(_:)` or ``merging(_:)``, and share it across
/// tasks. Its entries are compiled once, when the value is made, into a trie over Unicode
/// scalars (and a second one over the reversed texts for matches that end at an offset);
/// queries never rebuild anything.
///
/// Queries take the text as `[Unicode.Scalar]` (``NormalizedText/scalars``) and integer
/// offsets into it; every range they return is in the same unit, end exclusive.
///
/// ```swift
/// let lexicon = Lexicon.builtIn.adding([LexiconEntry(text: "数据中心", category: .organization)])
/// let scalars = Array("李亚平市长主持".unicodeScalars)
/// lexicon.titleLength(in: scalars, startingAt: 3)   // 2: 市长
/// lexicon.surnameLength(in: scalars, at: 0)         // 1: 李
/// lexicon.fullName(of: "市发改委")                   // "市发展和改革委员会"
/// ```
///
/// ## The file format
///
/// Lexicon files (the built-in ones in `Sources/Gongwen/Resources/Lexicon/`, and users' own for
/// ``init(contentsOf:)``) are UTF-8 text, one entry per line:
///
/// ```text
/// # A comment runs to the end of the line.
/// [organization]                 # a section names the category of the lines below it
/// 发改委 = 发展和改革委员会       # text = the full name it stands for
/// 大数据局                       # a text alone is its own full name
/// [person]
/// 李亚平
/// ```
///
/// Sections are the raw values of ``LexiconEntry/Category``: `organization`,
/// `organizationSuffix`, `title`, `place`, `meetingTerm`, `surname`, `person`. An entry with
/// the same text and category as an earlier one replaces it.
public struct Lexicon: Sendable {
  /// The entries, in the order given (a later entry with the same text and category replaced
  /// the earlier one in place).
  public var entries: [LexiconEntry] { storage.entries }

  let storage: Storage

  /// A lexicon of `entries`, compiled now.
  public init(entries: [LexiconEntry]) {
    storage = Storage(entries: entries)
  }

  /// A lexicon read from a file in the lexicon format (see the type's documentation).
  public init(contentsOf url: URL) throws(LexiconFileError) {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw LexiconFileError(path: url.path, line: 0, reason: "cannot read the file as UTF-8 text")
    }
    try self.init(parsing: text, path: url.path)
  }

  /// A lexicon read from text in the lexicon format; `path` names the source in errors.
  public init(parsing text: String, path: String? = nil) throws(LexiconFileError) {
    self.init(entries: try Self.parse(text, path: path))
  }

  /// The lexicon with no entries.
  public static let empty = Lexicon(entries: [])

  /// This lexicon with `newEntries` added after its own (an entry with the same text and
  /// category as an existing one replaces it).
  public func adding(_ newEntries: some Sequence<LexiconEntry>) -> Lexicon {
    Lexicon(entries: entries + Array(newEntries))
  }

  /// This lexicon with `entry` added.
  public func adding(_ entry: LexiconEntry) -> Lexicon { adding([entry]) }

  /// This lexicon with the entries of `other` added after its own.
  public func merging(_ other: Lexicon) -> Lexicon { adding(other.entries) }

  // MARK: Queries
  //
  // Queries over scalars match them as they are: pass text the lexical layer folded
  // (``LexicalText/scalars``) or fold it with ``folded(_:)``. Queries over strings fold them.

  /// `text` as the lexical layer reads it: each scalar through the lexicon's variants
  /// (`會議` → `会议`) and ASCII punctuation as its Chinese form (`,` → `，`). Glosses are not
  /// skipped here; ``LexicalText`` does that for whole texts.
  public func folded(_ text: String) -> [Unicode.Scalar] {
    let storage = storage
    return Array(unicodeScalarsOf: text).map { storage.folded($0) }
  }

  /// Every entry that starts at `offset`, longest first, restricted to `categories` and to
  /// scalars before `limit` (the end of `scalars` when nil).
  public func matches(
    in scalars: [Unicode.Scalar], at offset: Int, limit: Int? = nil, categories: LexiconEntry.Categories = .all
  ) -> [LexiconMatch] {
    let end = Swift.min(limit ?? scalars.count, scalars.count)
    guard offset >= 0, offset < end else { return [] }
    var found: [LexiconMatch] = []
    scalars.withUnsafeBufferPointer { buffer in
      storage.forward.walk(buffer, from: offset, limit: end, categories: categories.rawValue) { length, node in
        for index in storage.forward.values(at: node) where categories.contains(storage.entries[Int(index)].category) {
          found.append(LexiconMatch(entry: storage.entries[Int(index)], range: offset..<offset + length))
        }
        return true
      }
    }
    return found.reversed()
  }

  /// The longest entry that starts at `offset` (the first of several with that text).
  public func longestMatch(
    in scalars: [Unicode.Scalar], at offset: Int, limit: Int? = nil, categories: LexiconEntry.Categories = .all
  ) -> LexiconMatch? {
    matches(in: scalars, at: offset, limit: limit, categories: categories).first
  }

  /// Every entry that ends at `offset` (its last scalar is `scalars[offset - 1]`), longest
  /// first, not reaching before `lowerLimit`.
  public func matches(
    in scalars: [Unicode.Scalar], endingAt offset: Int, lowerLimit: Int = 0, categories: LexiconEntry.Categories = .all
  ) -> [LexiconMatch] {
    guard offset > 0, offset <= scalars.count else { return [] }
    var found: [LexiconMatch] = []
    scalars.withUnsafeBufferPointer { buffer in
      storage.backward.walk(
        buffer, from: offset, limit: Swift.max(0, lowerLimit), backward: true, categories: categories.rawValue
      ) { length, node in
        for index in storage.backward.values(at: node) where categories.contains(storage.entries[Int(index)].category) {
          found.append(LexiconMatch(entry: storage.entries[Int(index)], range: offset - length..<offset))
        }
        return true
      }
    }
    return found.reversed()
  }

  /// The entries whose text is exactly `text`.
  public func entries(for text: String) -> [LexiconEntry] {
    let scalars = folded(text)
    return matches(in: scalars, at: 0).filter { $0.range.count == scalars.count }.map(\.entry)
  }

  /// Whether `text` is an entry of `category`.
  public func contains(_ text: String, as category: LexiconEntry.Category) -> Bool {
    entries(for: text).contains { $0.category == category }
  }

  /// The full name an organisation or place name stands for, or nil when the lexicon knows no
  /// longer form: `发改委` → `发展和改革委员会`, `市发改委` → `市发展和改革委员会`, `区发改委`,
  /// `县人社局` → `县人力资源和社会保障局`, `市委网信办` → `市委网络安全和信息化委员会办公室`,
  /// `人行苏州中支` → `中国人民银行苏州市中心支行`, `苏州` → `苏州市`.
  public func fullName(of text: String) -> String? {
    let scalars = folded(text)
    guard !scalars.isEmpty else { return nil }
    // The exact entries read from the scalars folded once (`entries(for:)` would fold again).
    if let exact = matches(in: scalars, at: 0).first(where: {
      $0.range.count == scalars.count && $0.entry.fullName != nil && $0.entry.category != .surname
    }) {
      return exact.entry.fullName
    }
    let matcher = OrganizationMatcher(lexicon: self)
    let whole = matcher.candidates(in: scalars, at: 0).first { $0.range.upperBound == scalars.count }
    return whole?.fullName
  }

  /// The length of the surname at `offset`: 2 for a compound surname (`欧阳`), 1 for a single
  /// one, 0 when none starts there.
  public func surnameLength(in scalars: [Unicode.Scalar], at offset: Int) -> Int {
    guard offset >= 0, offset < scalars.count else { return 0 }
    return scalars.withUnsafeBufferPointer { storage.surname(in: $0, at: offset, limit: $0.count)?.length ?? 0 }
  }

  /// The frequency rank of a surname (0 for the commonest, 王), or nil when `text` is not one.
  public func surnameRank(of text: String) -> Int? {
    let scalars = folded(text)
    return scalars.withUnsafeBufferPointer { buffer in
      guard let found = storage.surname(in: buffer, at: 0, limit: buffer.count), found.length == buffer.count else {
        return nil
      }
      return found.rank
    }
  }

  /// The length of the longest title or office (职务) starting at `offset` (`市长主持` → 2), or 0.
  public func titleLength(in scalars: [Unicode.Scalar], startingAt offset: Int) -> Int {
    longestLength(in: scalars, from: offset, backward: false, category: .title)
  }

  /// The length of the longest title or office ending at `offset` (`副市长张伟` with offset 3 →
  /// 3), or 0.
  public func titleLength(in scalars: [Unicode.Scalar], endingAt offset: Int) -> Int {
    longestLength(in: scalars, from: offset, backward: true, category: .title)
  }

  /// The length of the longest entry of `category` that starts (or, `backward`, ends) at
  /// `offset` — a trie walk that builds no match values, for tests asked per roster entry.
  private func longestLength(in scalars: [Unicode.Scalar], from offset: Int, backward: Bool, category: LexiconEntry.Category) -> Int {
    guard backward ? (offset > 0 && offset <= scalars.count) : (offset >= 0 && offset < scalars.count) else { return 0 }
    let trie = backward ? storage.backward : storage.forward
    var longest = 0
    scalars.withUnsafeBufferPointer { buffer in
      guard trie.canStart(buffer[backward ? offset - 1 : offset], categories: category.bit) else { return }
      trie.walk(buffer, from: offset, limit: backward ? 0 : buffer.count, backward: backward, categories: category.bit) { length, _ in
        longest = length
        return true
      }
    }
    return longest
  }
}

extension LexiconEntry {
  /// A set of categories, for restricting lexicon queries (`[.organization, .place]`).
  public struct Categories: OptionSet, Hashable, Sendable {
    /// One bit per category.
    public let rawValue: UInt32
    /// Creates a set from its bits.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Creates the set of one category.
    public init(_ category: Category) { rawValue = category.bit }

    /// ``Category/organization`` alone.
    public static let organization = Categories(.organization)
    /// ``Category/organizationSuffix`` alone.
    public static let organizationSuffix = Categories(.organizationSuffix)
    /// ``Category/title`` alone.
    public static let title = Categories(.title)
    /// ``Category/place`` alone.
    public static let place = Categories(.place)
    /// ``Category/meetingTerm`` alone.
    public static let meetingTerm = Categories(.meetingTerm)
    /// ``Category/surname`` alone.
    public static let surname = Categories(.surname)
    /// ``Category/person`` alone.
    public static let person = Categories(.person)
    /// ``Category/variant`` alone.
    public static let variant = Categories(.variant)
    /// ``Category/label`` alone.
    public static let label = Categories(.label)
    /// ``Category/organEnding`` alone.
    public static let organEnding = Categories(.organEnding)
    /// ``Category/closingFormula`` alone.
    public static let closingFormula = Categories(.closingFormula)
    /// ``Category/kindWord`` alone.
    public static let kindWord = Categories(.kindWord)
    /// ``Category/kindFormula`` alone.
    public static let kindFormula = Categories(.kindFormula)
    /// ``Category/noteOpening`` alone.
    public static let noteOpening = Categories(.noteOpening)
    /// ``Category/publicationPhrase`` alone.
    public static let publicationPhrase = Categories(.publicationPhrase)
    /// ``Category/attendanceVerb`` alone.
    public static let attendanceVerb = Categories(.attendanceVerb)
    /// ``Category/representativeEnding`` alone.
    public static let representativeEnding = Categories(.representativeEnding)
    /// ``Category/honorific`` alone.
    public static let honorific = Categories(.honorific)
    /// ``Category/metadataLabel`` alone.
    public static let metadataLabel = Categories(.metadataLabel)
    /// ``Category/decisionVerb`` alone.
    public static let decisionVerb = Categories(.decisionVerb)
    /// ``Category/leadVerb`` alone.
    public static let leadVerb = Categories(.leadVerb)
    /// ``Category/cooperationVerb`` alone.
    public static let cooperationVerb = Categories(.cooperationVerb)
    /// ``Category/classification`` alone.
    public static let classification = Categories(.classification)
    /// ``Category/urgency`` alone.
    public static let urgency = Categories(.urgency)
    /// ``Category/groupWord`` alone.
    public static let groupWord = Categories(.groupWord)
    /// Every category.
    public static let all = Categories(rawValue: UInt32.max)

    /// Whether `category` is in the set.
    public func contains(_ category: Category) -> Bool { rawValue & category.bit != 0 }
  }
}

/// A line of a lexicon file that could not be read.
public struct LexiconFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, when the text came from one.
  public var path: String?
  /// The line (1-based), 0 when the whole file is at fault.
  public var line: Int
  /// What is wrong with the line, for people.
  public var reason: String

  /// Creates an error for `line` of the file at `path`.
  public init(path: String?, line: Int, reason: String) {
    self.path = path
    self.line = line
    self.reason = reason
  }

  /// `path:line: reason`, leaving out what is unknown.
  public var description: String {
    let place = [path, line > 0 ? "\(line)" : nil].compactMap { $0 }.joined(separator: ":")
    return place.isEmpty ? reason : "\(place): \(reason)"
  }
}

extension Lexicon {
  /// What is wrong with what an entry of `category` stands for, or nil: variants stand for one
  /// character, labels, kind words and the like for one of the roles or kinds the parser knows.
  private static func problem(with category: LexiconEntry.Category, _ text: String, _ value: String?) -> String? {
    func oneOf(_ known: [String], _ what: String) -> String? {
      guard let value, known.contains(value) else { return "\(what) stands for one of \(known.joined(separator: ", "))" }
      return nil
    }
    switch category {
    case .variant:
      return text.unicodeScalars.count == 1 && value?.unicodeScalars.count == 1 ? nil : "a variant is one character = one character"
    case .label: return oneOf(BlockLabel.allCases.map(\.rawValue), "a label")
    case .attendanceVerb: return oneOf(["present", "attending", "absent", "recorder"], "an attendance verb")
    case .kindWord, .kindFormula: return oneOf(DocumentKind.allCases.map(\.rawValue), "a kind word or formula")
    case .publicationPhrase: return oneOf(["public", "restricted"], "a publication phrase")
    case .decisionVerb: return oneOf(["approvedInPrinciple", "adoptedInPrinciple", "adopted", "approved"], "a decision verb")
    default: return nil
    }
  }

  /// The entries of a lexicon file. Lines are read as scalars: splitting the text into
  /// `Character`s and trimming through Foundation made parsing the built-in lexicon most of a
  /// batch's start-up.
  static func parse(_ text: String, path: String?) throws(LexiconFileError) -> [LexiconEntry] {
    var entries: [LexiconEntry] = []
    var category: LexiconEntry.Category? = nil
    var lineNumber = 0
    for rawLine in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      lineNumber += 1
      var line = rawLine
      if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
      let body = String(trimming(line) { $0.properties.isWhitespace })
      if body.isEmpty { continue }
      if body.hasPrefix("[") {
        guard body.hasSuffix("]"), let named = LexiconEntry.Category(rawValue: String(body.dropFirst().dropLast())) else {
          let known = LexiconEntry.Category.allCases.map(\.rawValue).joined(separator: ", ")
          throw LexiconFileError(path: path, line: lineNumber, reason: "unknown section \(body); sections are \(known)")
        }
        category = named
        continue
      }
      guard let category else {
        throw LexiconFileError(path: path, line: lineNumber, reason: "an entry before any [section]")
      }
      let parts = body.unicodeScalars.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let entryText = String(trimming(parts[0], where: isSpace))
      let fullName = parts.count > 1 ? String(trimming(parts[1], where: isSpace)) : nil
      guard !entryText.isEmpty, !entryText.unicodeScalars.contains(where: \.isHorizontalSpace) else {
        throw LexiconFileError(path: path, line: lineNumber, reason: "an entry is one word without spaces: \(body)")
      }
      if let fullName, fullName.isEmpty {
        throw LexiconFileError(path: path, line: lineNumber, reason: "nothing after = in \(body)")
      }
      if let problem = Self.problem(with: category, entryText, fullName) {
        throw LexiconFileError(path: path, line: lineNumber, reason: "\(problem): \(body)")
      }
      entries.append(LexiconEntry(text: entryText, category: category, fullName: fullName))
    }
    return entries
  }

  /// Spaces around `=`: what `CharacterSet.whitespaces` holds (tab and the space separators).
  private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
  }

  /// `scalars` without the scalars that are `trimmed` at either end.
  private static func trimming(
    _ scalars: Substring.UnicodeScalarView, where trimmed: (Unicode.Scalar) -> Bool
  ) -> Substring {
    guard let first = scalars.firstIndex(where: { !trimmed($0) }), let last = scalars.lastIndex(where: { !trimmed($0) })
    else { return "" }
    return Substring(scalars[first...last])
  }
}

extension Lexicon {
  /// The compiled form: the entries and the tries over them. Immutable.
  final class Storage: Sendable {
    let entries: [LexiconEntry]
    /// Per entry: its frequency rank among surnames (-1 for other entries).
    let surnameRanks: [Int32]
    let forward: ScalarTrie
    let backward: ScalarTrie
    /// For each scalar of the BMP, the scalar matching reads it as (see ``folded(_:)``).
    let folding: [UInt16]
    /// Per entry: the role a label or an attendance verb gives (nil for other entries), read
    /// from its value once rather than at every match.
    let roles: [BlockLabel?]
    /// Per entry: the kind a kind word or formula names (nil for other entries).
    let kinds: [DocumentKind?]
    /// Per entry: whether it has a full name (an abbreviation), asked at every piece of an
    /// organisation search without copying the entry's strings.
    let abbreviated: [Bool]

    init(entries given: [LexiconEntry]) {
      var entries: [LexiconEntry] = []
      var positions: [LexiconEntry.Category: [String: Int]] = [:]
      for entry in given {
        if let existing = positions[entry.category]?[entry.text] {
          entries[existing] = entry
        } else {
          positions[entry.category, default: [:]][entry.text] = entries.count
          entries.append(entry)
        }
      }
      var ranks = [Int32](repeating: -1, count: entries.count)
      var rank: Int32 = 0
      for (index, entry) in entries.enumerated() where entry.category == .surname {
        ranks[index] = rank
        rank += 1
      }
      let folding = Self.folding(entries)
      func fold(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        scalars.map { $0.value < 0x10000 ? Unicode.Scalar(UInt32(folding[Int($0.value)]))! : $0 }
      }
      let keyed = entries.enumerated().filter { $0.element.category != .variant }.map { index, entry in
        (scalars: fold(Array(entry.text.unicodeScalars)), value: Int32(index), categoryBit: entry.category.bit)
      }
      self.entries = entries
      self.surnameRanks = ranks
      self.folding = folding
      self.roles = entries.map { entry in
        entry.category == .label || entry.category == .attendanceVerb ? entry.fullName.flatMap(BlockLabel.init(rawValue:)) : nil
      }
      self.abbreviated = entries.map { $0.fullName != nil }
      self.kinds = entries.map { entry in
        entry.category == .kindWord || entry.category == .kindFormula ? entry.fullName.flatMap(DocumentKind.init(rawValue:)) : nil
      }
      self.forward = ScalarTrie(keys: keyed)
      self.backward = ScalarTrie(keys: keyed.map { ($0.scalars.reversed(), $0.value, $0.categoryBit) })
    }

    /// The folding table: the lexicon's variants (`會` → `会`), and the ASCII punctuation of
    /// web copies as its Chinese form (`,` → `，`, `(` → `（`); every other scalar reads as
    /// itself. `?` and `!` stay: copies print `?` for characters they lost.
    private static func folding(_ entries: [LexiconEntry]) -> [UInt16] {
      var table = [UInt16](unsafeUninitializedCapacity: 0x10000) { buffer, count in
        for value in 0..<0x10000 { buffer[value] = UInt16(value) }
        count = 0x10000
      }
      for (ascii, chinese) in zip(",:;()".unicodeScalars, "，：；（）".unicodeScalars) {
        table[Int(ascii.value)] = UInt16(chinese.value)
      }
      var variants: [(UInt32, UInt32)] = []
      for entry in entries where entry.category == .variant {
        guard let from = entry.text.unicodeScalars.first?.value, let to = entry.fullName?.unicodeScalars.first?.value,
          from < 0x10000, to < 0x10000
        else { continue }
        variants.append((from, to))
      }
      for (from, to) in variants { table[Int(from)] = UInt16(to) }
      // A variant of a variant reads as the end of the chain, so folding twice changes nothing.
      for (from, _) in variants {
        var target = table[Int(from)]
        var steps = 0
        while table[Int(target)] != target, steps < 4 {
          target = table[Int(target)]
          steps += 1
        }
        table[Int(from)] = table[Int(target)] == target ? target : UInt16(from)
      }
      return table
    }

    /// The character a variant (`會`) stands for (`会`), or nil when `scalar` is none.
    @inline(__always) func variant(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
      let value = scalar.value
      guard value >= 0x80, value < 0x10000, scalar.isHan else { return nil }
      let folded = UInt32(folding[Int(value)])
      return folded == value ? nil : Unicode.Scalar(folded)
    }

    /// The scalar matching reads `scalar` as: its Simplified form for a Traditional character,
    /// the Chinese form of ASCII punctuation, else itself.
    @inline(__always) func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
      let value = scalar.value
      guard value < 0x10000 else { return scalar }
      return Unicode.Scalar(UInt32(folding[Int(value)]))!
    }

    /// The longest entry of `categories` starting at `offset`: its length and entry index.
    @inline(__always)
    func longest(
      in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int, categories: UInt32
    ) -> (length: Int, entry: Int)? {
      guard offset < limit, forward.canStart(scalars[offset], categories: categories) else { return nil }
      var best: (length: Int, entry: Int)? = nil
      forward.walk(scalars, from: offset, limit: limit, categories: categories) { length, node in
        for index in forward.values(at: node) where entries[Int(index)].category.bit & categories != 0 {
          best = (length, Int(index))
          break
        }
        return true
      }
      return best
    }

    /// Calls `body` with the length and entry index of every entry of `categories` starting at
    /// `offset`, shortest first.
    @inline(__always)
    func each(
      in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int, categories: UInt32,
      _ body: (_ length: Int, _ entry: Int) -> Void
    ) {
      guard offset < limit, forward.canStart(scalars[offset], categories: categories) else { return }
      forward.walk(scalars, from: offset, limit: limit, categories: categories) { length, node in
        for index in forward.values(at: node) where entries[Int(index)].category.bit & categories != 0 {
          body(length, Int(index))
        }
        return true
      }
    }

    /// The longest entry of `categories` ending at `end` (its last scalar is `scalars[end - 1]`),
    /// not reaching before `lowerLimit`: its length and entry index.
    @inline(__always)
    func longestEnding(
      in scalars: UnsafeBufferPointer<Unicode.Scalar>, at end: Int, lowerLimit: Int, categories: UInt32
    ) -> (length: Int, entry: Int)? {
      guard end > lowerLimit, backward.canStart(scalars[end - 1], categories: categories) else { return nil }
      var best: (length: Int, entry: Int)? = nil
      backward.walk(scalars, from: end, limit: lowerLimit, backward: true, categories: categories) { length, node in
        for index in backward.values(at: node) where entries[Int(index)].category.bit & categories != 0 {
          best = (length, Int(index))
          break
        }
        return true
      }
      return best
    }

    /// Calls `body` with the end offset and entry index of every entry of `categories` starting
    /// at `offset` when spaces may stand between its characters (`出  席`), shortest first.
    @inline(__always)
    func eachSpaced(
      in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int, categories: UInt32,
      _ body: (_ end: Int, _ entry: Int) -> Void
    ) {
      guard offset < limit, forward.canStart(scalars[offset], categories: categories) else { return }
      var node: Int32 = 0
      var i = offset
      while i < limit {
        if i > offset && scalars[i].isHorizontalSpace {
          i += 1
          continue
        }
        node = forward.step(node, scalars[i])
        if node < 0 || forward.categoriesBelow[Int(node)] & categories == 0 { return }
        i += 1
        if forward.categoriesHere[Int(node)] & categories != 0 {
          for index in forward.values(at: node) where entries[Int(index)].category.bit & categories != 0 {
            body(i, Int(index))
          }
        }
      }
    }

    /// The surname at `offset`, compound before single: its length and frequency rank.
    @inline(__always)
    func surname(in scalars: UnsafeBufferPointer<Unicode.Scalar>, at offset: Int, limit: Int) -> (length: Int, rank: Int)? {
      guard let found = longest(in: scalars, at: offset, limit: limit, categories: LexiconEntry.Category.surname.bit) else {
        return nil
      }
      return (found.length, Int(surnameRanks[found.entry]))
    }
  }
}
