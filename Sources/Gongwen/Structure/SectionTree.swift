import GongwenModel

/// The numbering in progress while the body is read: which marker styles are open, at which
/// depth, and at which number — to place each new marker in the tree, to tell whether a marker
/// inside a line continues the numbering, and to report skipped or repeated numbers.
struct SectionTree {
  /// A marker style as a rung of the hierarchy; decimal markers make one rung per depth.
  enum Key: Hashable {
    case style(SectionMarker.Style)
    case decimal(Int)

    init(_ marker: SectionMarker) {
      self = marker.style == .decimal ? .decimal(marker.parts.count) : .style(marker.style)
    }

    /// The usual depth of the rung (GB/T 9704: 一、 above （一） above 1. above （1）; rules:
    /// 章 above 节 above 条), used only when a style not yet open appears.
    var rank: Int {
      switch self {
      case .decimal(let depth): return 40 + min(depth, 9)
      case .style(let style):
        switch style {
        case .part: return 0
        case .chapter: return 10
        case .division: return 20
        case .article: return 30
        case .chineseComma: return 40
        case .decimal: return 40
        case .parenthesizedChinese: return 50
        case .arabicStop: return 60
        case .arabicComma: return 65
        case .parenthesizedArabic: return 70
        case .circled: return 80
        }
      }
    }
  }

  struct Node {
    var marker: SectionMarker
    /// Where the marker starts, in ``NormalizedText/scalars``.
    var start: Int
    var parent: Int?
    var children: [Int] = []
    var level: Int
    var title: Range<Int>
    /// The node's own text: the rest of its first line and the unnumbered lines after it.
    var text: [Range<Int>] = []
  }

  /// A problem with the numbering, at a marker (a range of ``NormalizedText/scalars``).
  struct Problem {
    var code: Diagnostic.Code
    var message: String
    var range: Range<Int>
  }

  private struct Open {
    var key: Key
    var node: Int
    var ordinal: Int
  }

  private(set) var nodes: [Node] = []
  private(set) var roots: [Int] = []
  private(set) var problems: [Problem] = []
  private var open: [Open] = []
  /// The last number seen for each rung: articles (第X条), and items right under chapters,
  /// are numbered through the whole document, not from 1 in each chapter. A document uses a
  /// handful of rungs, so a list beats hashing.
  private var lastOrdinals: [(key: Key, ordinal: Int)] = []

  /// The deepest open section, which unnumbered text belongs to.
  var current: Int? { open.last?.node }

  /// Starts a new numbering (an attachment's body after the covering notice).
  mutating func restart() {
    open.removeAll()
    lastOrdinals.removeAll()
  }

  /// The numbers a rung that is not open may start at, below the sections open now.
  private func firstOrdinals(_ key: Key) -> (Int, Int?) {
    var parent = open.count - 1
    while parent >= 0 && open[parent].key.rank >= key.rank { parent -= 1 }
    let underChapter: Bool
    if parent >= 0, case .style(let style) = open[parent].key {
      underChapter = style == .chapter || style == .division || style == .part
    } else {
      underChapter = false
    }
    guard key == .style(.article) || underChapter, let last = lastOrdinals.first(where: { $0.key == key })?.ordinal
    else { return (1, nil) }
    return (1, last + 1)
  }

  /// Whether `marker`, found inside a line, continues the numbering in progress: the next
  /// number of an open style, or the first number of a style deeper than the current one.
  func continues(_ marker: SectionMarker) -> Bool {
    let key = Key(marker)
    if let level = open.lastIndex(where: { $0.key == key }) {
      return marker.ordinal == open[level].ordinal + 1
    }
    let (first, continued) = firstOrdinals(key)
    return (marker.ordinal == first || marker.ordinal == continued) && (open.last.map { key.rank > $0.key.rank } ?? true)
  }

  /// Whether `marker` is the next number of a style open now.
  func isNext(_ marker: SectionMarker) -> Bool {
    let key = Key(marker)
    guard let level = open.lastIndex(where: { $0.key == key }) else { return false }
    return marker.ordinal == open[level].ordinal + 1
  }

  /// Adds a section for `marker` at `start` and returns its node index.
  mutating func add(_ marker: SectionMarker, at start: Int) -> Int {
    let key = Key(marker)
    let markerRange = start..<(start + marker.length)
    if let level = open.lastIndex(where: { $0.key == key }) {
      let previous = open[level]
      let previousMarker = nodes[previous.node].marker.canonical
      if marker.ordinal > previous.ordinal + 1 {
        let missing = marker.ordinal - previous.ordinal - 1
        problems.append(
          Problem(
            code: .sectionNumberSkipped,
            message: "\(marker.canonical) follows \(previousMarker): \(missing == 1 ? "one number is" : "\(missing) numbers are") missing",
            range: markerRange))
      } else if marker.ordinal == previous.ordinal {
        problems.append(
          Problem(code: .sectionNumberRepeated, message: "\(marker.canonical) repeats the number before it", range: markerRange))
      } else if marker.ordinal < previous.ordinal {
        problems.append(
          Problem(
            code: .sectionMarkerOutOfOrder, message: "\(marker.canonical) comes after \(previousMarker)",
            range: markerRange))
      }
      open.removeSubrange(level...)
    } else {
      let (first, continued) = firstOrdinals(key)
      while let top = open.last, top.key.rank >= key.rank { open.removeLast() }
      if marker.ordinal != first && marker.ordinal != continued {
        problems.append(
          Problem(
            code: .sectionMarkerOutOfOrder,
            message: "\(marker.canonical) opens a level that does not start at its first number", range: markerRange))
      }
    }
    let parent = open.last?.node
    let node = nodes.count
    nodes.append(
      Node(
        marker: marker, start: start, parent: parent, level: parent.map { nodes[$0].level + 1 } ?? 1,
        title: markerRange.upperBound..<markerRange.upperBound))
    if let parent { nodes[parent].children.append(node) } else { roots.append(node) }
    open.append(Open(key: key, node: node, ordinal: marker.ordinal))
    if let index = lastOrdinals.firstIndex(where: { $0.key == key }) {
      lastOrdinals[index].ordinal = marker.ordinal
    } else {
      lastOrdinals.append((key, marker.ordinal))
    }
    return node
  }

  mutating func setTitle(_ node: Int, _ range: Range<Int>) { nodes[node].title = range }

  mutating func addText(_ node: Int, _ range: Range<Int>) { nodes[node].text.append(range) }

  /// Each node's index path: its position among the roots, then among its parent's children.
  func paths() -> [[Int]] {
    var paths = [[Int]](repeating: [], count: nodes.count)
    func visit(_ node: Int, _ path: [Int]) {
      paths[node] = path
      for (index, child) in nodes[node].children.enumerated() {
        var childPath = path
        childPath.reserveCapacity(path.count + 1)  // one allocation, where `path + [index]` makes two
        childPath.append(index)
        visit(child, childPath)
      }
    }
    for (index, root) in roots.enumerated() { visit(root, [index]) }
    return paths
  }
}
