/// The tokens of the full-text index: every pair of adjacent 汉字 (Chinese characters) in a run
/// of them, a lone 汉字 as itself, and each run of letters or digits as a lower-cased word.
///
/// SQLite's own tokenizers see a run of Chinese characters as one word, so a search for 应急局
/// would only find a section whose text is exactly that run. Overlapping bigrams make every
/// substring of two or more characters findable by its bigrams, without a dictionary; the same
/// splitting is applied to the text and to the query, so both agree.
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

  /// The text stored in the FTS5 table: each distinct token of the section once, in order of
  /// first appearance, separated by spaces (the `ascii` tokenizer splits it back), and the last
  /// 汉字 of every run of two or more alone as well. The table keeps no positions
  /// (`detail=none`), so a token seen twice would only be tokenized twice; the run's last
  /// character alone lets a one-character search find it where no bigram starts with it
  /// (`防汛` holds `汛` only as the end of `防汛`). Built in one pass without a string per
  /// token (indexing calls it for every section).
  ///
  /// The full-text table is contentless: a section's rows are deleted by giving this text again,
  /// so a change to the tokens needs a migration that rebuilds `sectionText`.
  public static func indexedText(of text: String) -> String {
    var indexed = String.UnicodeScalarView()
    // A 汉字 pair is one number (two scalars of 21 bits), a lone 汉字 its scalar with the top
    // bit set; words, rarer, are kept as strings.
    var seenHan = Set<UInt64>()
    var seenWords = Set<String>()
    var word = String.UnicodeScalarView()
    var previousHan: Unicode.Scalar?
    func separate() {
      if !indexed.isEmpty { indexed.append(" ") }
    }
    func endHan() {
      if let previousHan, seenHan.insert(1 << 63 | UInt64(previousHan.value)).inserted {
        separate()
        indexed.append(previousHan)
      }
      previousHan = nil
    }
    func endWord() {
      guard !word.isEmpty else { return }
      let token = String(word)
      if seenWords.insert(token).inserted {
        separate()
        indexed.append(contentsOf: word)
      }
      word = String.UnicodeScalarView()
    }
    for scalar in text.unicodeScalars {
      if isHan(scalar) {
        endWord()
        if let previous = previousHan, seenHan.insert(UInt64(previous.value) << 21 | UInt64(scalar.value)).inserted {
          separate()
          indexed.append(previous)
          indexed.append(scalar)
        }
        previousHan = scalar
      } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
        endHan()
        if scalar.isASCII {
          let value = scalar.value
          word.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
        } else {
          word.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      } else {
        endHan()
        endWord()
      }
    }
    endHan()
    endWord()
    return String(indexed)
  }

  /// An FTS5 query that finds every section whose indexed text could contain `text`, or nil
  /// when `text` has no token (punctuation only): the distinct bigrams of `text` as terms, and
  /// each lone 汉字 and each word as a prefix (a lone character may start a bigram of the text,
  /// a word at the end of `text` may go on in it), all of them required. The table keeps no
  /// positions, so this only narrows the sections down; the search confirms each with the text
  /// itself (`NamedQuery.search`).
  public static func matchQuery(for text: String) -> String? {
    var terms: [String] = []
    for token in tokens(of: text) {
      // Tokens hold no quote (punctuation splits them), so quoting each one is safe.
      let isPair = token.unicodeScalars.count == 2 && token.unicodeScalars.allSatisfy(isHan)
      let term = isPair ? "\"\(token)\"" : "\"\(token)\"*"
      if !terms.contains(term) { terms.append(term) }
    }
    return terms.isEmpty ? nil : terms.joined(separator: " AND ")
  }

  /// CJK Unified Ideographs and their extensions, and the compatibility ideographs.
  static func isHan(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: return true
    default: return false
    }
  }
}
