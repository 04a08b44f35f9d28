/// Splits lists of recipients the way 公文 print them: entries are separated by `，` `；` (and
/// `。` at the end), while `、` joins the parts of one entry (`各市、区人民政府`) and separators
/// inside brackets belong to the entry (`各县（市、区）人民政府`).
enum ListSplitter {
  static func entries(in scalars: [Unicode.Scalar], _ range: Range<Int>, splittingAtStops: Bool = true) -> [Range<Int>] {
    var entries: [Range<Int>] = []
    var depth = 0
    var start = range.lowerBound
    func close(_ end: Int) {
      var piece = scalars.trimmingSpaces(start..<end)
      // A list ends with `：` before the body or `。` at its end; neither belongs to an entry.
      while let last = piece.last, scalars[last] == "：" || scalars[last] == "。" {
        piece = scalars.trimmingSpaces(piece.lowerBound..<last)
      }
      if !piece.isEmpty { entries.append(piece) }
    }
    for index in range {
      switch scalars[index] {
      case "（", "〔", "[", "【", "《": depth += 1
      case "）", "〕", "]", "】", "》": depth = max(0, depth - 1)
      case "，" where depth == 0, "；" where depth == 0:
        close(index)
        start = index + 1
      case "。" where depth == 0 && splittingAtStops, "." where depth == 0 && splittingAtStops:
        close(index)
        start = index + 1
      default: break
      }
    }
    close(range.upperBound)
    return entries
  }
}
