/// The tokens of the full-text index: every pair of adjacent 汉字 (Chinese characters) in a run
/// of them, a lone 汉字 as itself, and each run of letters or digits as a lower-cased word.
///
/// SQLite's own tokenizers see a run of Chinese characters as one word, so a search for 应急局
/// would only find a section whose text is exactly that run. Overlapping bigrams make every
/// substring of two or more characters findable as a phrase of bigrams, without a dictionary;
/// the same splitting is applied to the text and to the query, so both agree.
public enum ChineseBigrams {
  /// The tokens of `text`, in order (`市应急局` → `市应 应急 急局`).
  public static func tokens(of text: String) -> [String] {
    var tokens: [String] = []
    var han: [Unicode.Scalar] = []
    var word = String.UnicodeScalarView()
    func flushHan() {
      if han.count == 1 {
        tokens.append(String(Character(han[0])))
      } else if han.count > 1 {
        for index in 1..<han.count {
          var pair = String.UnicodeScalarView()
          pair.append(han[index - 1])
          pair.append(han[index])
          tokens.append(String(pair))
        }
      }
      han.removeAll(keepingCapacity: true)
    }
    func flushWord() {
      if !word.isEmpty { tokens.append(String(word).lowercased()) }
      word = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if isHan(scalar) {
        flushWord()
        han.append(scalar)
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        flushHan()
        word.append(scalar)
      } else {
        flushHan()
        flushWord()
      }
    }
    flushHan()
    flushWord()
    return tokens
  }

  /// The text stored in the FTS5 table: the tokens separated by spaces, which SQLite's default
  /// tokenizer splits back into the same tokens. Built in one pass without a string per token
  /// (indexing calls it for every section); it equals `tokens(of:)` joined by spaces.
  ///
  /// The full-text table is contentless: a section's rows are deleted by giving this text again,
  /// so a change to the tokens needs a migration that rebuilds `sectionText`.
  public static func indexedText(of text: String) -> String {
    var indexed = String.UnicodeScalarView()
    var previousHan: Unicode.Scalar?
    var pairs = 0
    var inWord = false
    func separate() {
      if !indexed.isEmpty { indexed.append(" ") }
    }
    func endHan() {
      if let previousHan, pairs == 0 {
        separate()
        indexed.append(previousHan)
      }
      previousHan = nil
      pairs = 0
    }
    for scalar in text.unicodeScalars {
      if isHan(scalar) {
        inWord = false
        if let previous = previousHan {
          separate()
          indexed.append(previous)
          indexed.append(scalar)
          pairs += 1
        }
        previousHan = scalar
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        endHan()
        if !inWord { separate() }
        inWord = true
        if scalar.isASCII {
          let value = scalar.value
          indexed.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else {
          indexed.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      } else {
        endHan()
        inWord = false
      }
    }
    endHan()
    return String(indexed)
  }

  /// An FTS5 query that finds `text` as a phrase of its tokens, or nil when it has none
  /// (punctuation only). A single 汉字 becomes a prefix query, which finds it at the start of a
  /// bigram.
  public static func matchQuery(for text: String) -> String? {
    let tokens = tokens(of: text)
    guard !tokens.isEmpty else { return nil }
    if tokens.count == 1, let only = tokens.first, only.unicodeScalars.count == 1, let scalar = only.unicodeScalars.first, isHan(scalar) {
      return "\"\(only)\"*"
    }
    // Tokens hold no quote (punctuation splits them), so quoting each one is safe.
    return "\"" + tokens.joined(separator: " ") + "\""
  }

  /// CJK Unified Ideographs and their extensions, and the compatibility ideographs.
  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
    default: return false
    }
  }
}
