import GongwenModel

/// Where each stretch of a saved page's body text came from: the innermost block element
/// (`<p>`, `<td>`, `<div>`, `<li>`, `<h1>`…) that holds it.
///
/// The body text keeps its tags (the normaliser reads them as line structure), so a region
/// runs from the first to the last letter of text that one element holds directly or through
/// inline elements (`<span>`, `<a>`); white space and tags around it are left out, and text
/// in no block is `body`'s.
enum HTMLRegions {
  /// Elements that make a block of their own; the others (inline, void) belong to the block
  /// around them.
  private static let blocks: Set<String> = [
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main", "aside", "center",
    "blockquote", "pre", "form", "figure", "figcaption", "address",
  ]

  /// The regions of `body`, in text order.
  static func regions(of body: String) -> [Document.SourceInfo.Region] {
    let source = Array(body.unicodeScalars)
    var regions: [Document.SourceInfo.Region] = []
    // The open blocks: name and index among the page's blocks.
    var open: [(name: String, index: Int)] = []
    var blockCount = 0
    // The run of text of the current innermost block: its first scalar and the end of its
    // last letter.
    var runStart: Int?
    var runEnd = 0
    func closeRun() {
      guard let start = runStart else { return }
      regions.append(
        Document.SourceInfo.Region(start: start, end: runEnd, element: open.last?.name ?? "body", block: open.last?.index))
      runStart = nil
    }
    var i = 0
    while i < source.count {
      if source[i] == "<", let (name, closes, end) = HTMLBlocks.tag(in: source, at: i).map({ ($0.name, $0.closes, $0.end) }) {
        if blocks.contains(name) {
          closeRun()
          if closes {
            if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
          } else if source[end - 2] != "/" {
            open.append((name, blockCount))
            blockCount += 1
          } else {
            blockCount += 1
          }
        }
        i = end
        continue
      }
      if !source[i].properties.isWhitespace {
        if runStart == nil { runStart = i }
        runEnd = i + 1
      }
      i += 1
    }
    closeRun()
    return regions
  }
}
