/// The block structure of a saved page's body, read from its tags rather than from the
/// site's ids and classes:
///
/// - A block that is mostly short links and holds no clause of prose — a menu, a breadcrumb
///   (`当前位置：首页 > 政策`), a list of sections — is the site's chrome: it is cut, with what
///   it holds.
/// - A block of tiny text beside an image or an icon link (a link without text), and no link
///   with text — a QR code with `扫一扫在手机打开当前页`, share buttons after `分享到：`, an
///   image alone — is chrome too: a document's own lines beside an image are longer, and its
///   attachments are links with their titles.
/// - A block boundary (`</p><p>`, `<br>`, a table cell) inside a bracket that its line opened
///   a few characters before, or before a line that opens with the closing bracket, does not
///   break the line: a 发文字号 typeset as `<p>国函〔</p><p>2006</p><p>〕38号</p>` reads whole.
enum HTMLBlocks {
  /// Links this long or shorter are menu items and crumbs; an attachment's or article's title
  /// is longer.
  private static let shortLink = 8
  /// How far before a boundary an opening bracket may stand for the boundary to fall inside it.
  private static let openBracketReach = 6
  /// Letters a block beside an image or icon link may hold and still be chrome: a QR code's
  /// caption, a share box's `分享到：`.
  private static let tinyText = 16

  /// Blocks that can be chrome; an inline element (`<span>` around two short links in a
  /// sentence) is part of its block, never chrome of its own.
  private static let containers: Set<String> = [
    "div", "ul", "ol", "li", "table", "tbody", "tr", "td", "th", "p", "section", "dl", "dd",
  ]

  private struct Open {
    var name: String
    var start: Int
    var letters = 0
    var linkLetters = 0
    var links = 0
    /// Clause punctuation outside links (。，；！？): prose, which chrome does not hold.
    var clauses = 0
    /// `<img>` elements and links without text: what share and QR-code boxes are made of.
    var media = 0
    /// Links with text.
    var textLinks = 0

    /// Adds the counts of a block closed inside this one.
    mutating func add(_ inner: Open) {
      letters += inner.letters
      linkLetters += inner.linkLetters
      links += inner.links
      clauses += inner.clauses
      media += inner.media
      textLinks += inner.textLinks
    }

    /// Short links at least half its letters, and no clause; or tiny text beside images or
    /// icon links, and no link with text.
    var isChrome: Bool {
      (links >= 2 && linkLetters * 2 >= letters && clauses == 0)
        || (media > 0 && letters <= HTMLBlocks.tinyText && textLinks == 0)
    }
  }

  /// `body` with its chrome blocks cut and the boundaries inside a bracket removed.
  static func rejoin(_ body: String) -> String {
    let source = Array(body.unicodeScalars)
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(source.count)
    var stack: [Open] = []
    // The letters of the current `<a>`, whether one is open, and whether it links anywhere
    // (a bookmark `<a name>` of a Word export is neither icon nor link).
    var inLink = false
    var linkLetters = 0
    var linkHasTarget = false
    // The current line's text, for its brackets, and where the last text ended in `output`.
    var line: [Unicode.Scalar] = []
    var textEnd = 0
    var i = 0
    while i < source.count {
      if source[i] == "<", let tag = tag(in: source, at: i) {
        let markup = HTMLMarkup.piece(in: source, at: i)
        var breaks = false
        if case .lineBreak = markup { breaks = true }
        if case .inline(_, true) = markup { breaks = true }
        if tag.name == "a" {
          if tag.closes, inLink {
            if !stack.isEmpty {
              stack[stack.count - 1].letters += linkLetters
              if linkLetters > 0 {
                stack[stack.count - 1].textLinks += 1
              } else if linkHasTarget {
                stack[stack.count - 1].media += 1
              }
              if linkLetters > 0 && linkLetters <= shortLink {
                stack[stack.count - 1].linkLetters += linkLetters
                stack[stack.count - 1].links += 1
              }
            }
            inLink = false
          } else if !tag.closes {
            inLink = true
            linkLetters = 0
            linkHasTarget = contains("href", in: source[i..<tag.end])
          }
        } else if tag.name == "img", !stack.isEmpty {
          stack[stack.count - 1].media += 1
        }
        if breaks && leavesBracketOpen(line) {
          i = tag.end
          continue  // the boundary falls inside the bracket: the line goes on
        }
        if tag.closes, containers.contains(tag.name), let index = stack.lastIndex(where: { $0.name == tag.name }) {
          var block = stack[index]
          for open in stack[(index + 1)...] { block.add(open) }
          stack.removeSubrange(index...)
          if block.isChrome {
            output.removeSubrange(block.start...)
            textEnd = min(textEnd, output.count)
            i = tag.end
            continue
          }
          if !stack.isEmpty { stack[stack.count - 1].add(block) }
        } else if !tag.closes, containers.contains(tag.name) {
          stack.append(Open(name: tag.name, start: output.count))
        }
        if breaks { line.removeAll(keepingCapacity: true) }
        output.append(contentsOf: source[i..<tag.end])
        i = tag.end
        continue
      }
      var s = source[i]
      var length = 1
      // A character reference counts as the character it stands for.
      if s == "&", case .character(let scalar, let referenceLength) = HTMLMarkup.piece(in: source, at: i) {
        s = scalar
        length = referenceLength
      }
      if s.isLineTerminator || s.isHorizontalSpace {
        if !leavesBracketOpen(line) {
          output.append(contentsOf: source[i..<(i + length)])
          if s.isLineTerminator { line.removeAll(keepingCapacity: true) }
        }
        i += length
        continue
      }
      // Text opening with a closing bracket continues the text before it, across the tags.
      if line.isEmpty, isClosingBracket(s), textEnd > 0, textEnd < output.count {
        output.removeSubrange(textEnd...)
        for index in stack.indices { stack[index].start = min(stack[index].start, output.count) }
      }
      if isLetter(s) {
        if inLink { linkLetters += 1 } else if !stack.isEmpty { stack[stack.count - 1].letters += 1 }
      } else if !inLink, !stack.isEmpty, isClauseEnd(s) {
        stack[stack.count - 1].clauses += 1
      }
      line.append(s)
      output.append(contentsOf: source[i..<(i + length)])
      textEnd = output.count
      i += length
    }
    // Encoded by hand: appending scalars to a `String.UnicodeScalarView` cost a quarter of the scan.
    var utf8: [UInt8] = []
    utf8.reserveCapacity(output.count * 3)
    for scalar in output { UTF8.encode(scalar) { utf8.append($0) } }
    return String(decoding: utf8, as: UTF8.self)
  }

  /// A letter or a digit of any script; ASCII and the common CJK ideographs without a look-up
  /// of Unicode properties.
  private static func isLetter(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x4E00...0x9FFF: true
    case 0..<0x80: false
    default: s.properties.isAlphabetic || s.properties.numericType != nil
    }
  }

  /// 。，；！？
  private static func isClauseEnd(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x3002, 0xFF0C, 0xFF1B, 0xFF01, 0xFF1F: true
    default: false
    }
  }

  /// A tag read by ``tag(in:at:)``: its lowercase name, whether it closes, the offset after its `>`.
  struct Tag {
    var name: String
    var closes: Bool
    var end: Int
  }

  /// The tag that opens at `index` (a `<`), or nil when what follows is no tag: a name of up to
  /// ten ASCII letters or digits and its `>` within 400 scalars. `HTMLRegions` reads tags with
  /// it too, so both see the same elements.
  static func tag(in source: [Unicode.Scalar], at index: Int) -> Tag? {
    var i = index + 1
    let closes = i < source.count && source[i] == "/"
    if closes { i += 1 }
    var name = ""
    while i < source.count, name.unicodeScalars.count < 10, source[i].isASCIIAlphanumeric {
      name.unicodeScalars.append(source[i])
      i += 1
    }
    guard !name.isEmpty else { return nil }
    let limit = min(source.count, i + 400)
    while i < limit && source[i] != ">" { i += 1 }
    guard i < limit else { return nil }
    return Tag(name: name.lowercased(), closes: closes, end: i + 1)
  }

  /// Whether `tag` holds `name`, lowercase ASCII letters, in either case.
  private static func contains(_ name: String, in tag: ArraySlice<Unicode.Scalar>) -> Bool {
    let wanted = name.unicodeScalars.map(\.value)
    guard tag.count >= wanted.count else { return false }
    for start in tag.startIndex...(tag.endIndex - wanted.count) {
      if zip(tag[start...], wanted).allSatisfy({ $0.value | 0x20 == $1 }) { return true }
    }
    return false
  }

  /// Whether the line ends within a few characters of an opening bracket it has not closed.
  private static func leavesBracketOpen(_ line: [Unicode.Scalar]) -> Bool {
    var depth = 0
    var index = line.count - 1
    while index >= 0 && line.count - index <= openBracketReach + 1 {
      let s = line[index]
      if isClosingBracket(s) { depth += 1 }
      if isOpeningBracket(s) {
        if depth == 0 { return true }
        depth -= 1
      }
      index -= 1
    }
    return false
  }

  private static func isOpeningBracket(_ s: Unicode.Scalar) -> Bool {
    "〔［[【（(《〈".unicodeScalars.contains(s)
  }

  private static func isClosingBracket(_ s: Unicode.Scalar) -> Bool {
    "〕］]】）)》〉".unicodeScalars.contains(s)
  }
}
