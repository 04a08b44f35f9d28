/// A stretch of text with its pinyin glosses left out (`區(qū)長韓云` → `區長韓云`), and the map
/// back to the original offsets — for matching words and names that glosses would split.
struct GlossFreeView {
  /// The scalars without glosses.
  let scalars: [Unicode.Scalar]
  /// For each scalar, its offset in the original text.
  let offsets: [Int]
  /// The original offset just past the range viewed.
  let end: Int

  init(_ original: [Unicode.Scalar], _ range: Range<Int>) {
    var scalars: [Unicode.Scalar] = []
    var offsets: [Int] = []
    scalars.reserveCapacity(range.count)
    offsets.reserveCapacity(range.count)
    var i = range.lowerBound
    while i < range.upperBound {
      if i > range.lowerBound, original[i - 1].isHan {
        let gloss = PinyinGloss.length(in: original, at: i)
        if gloss > 0 && i + gloss <= range.upperBound {
          i += gloss
          continue
        }
      }
      scalars.append(original[i])
      offsets.append(i)
      i += 1
    }
    self.scalars = scalars
    self.offsets = offsets
    self.end = range.upperBound
  }

  /// The original range of a range of the view; a gloss right after its last scalar is included.
  func originalRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let offset = range.lowerBound < offsets.count ? offsets[range.lowerBound] : end
      return offset..<offset
    }
    let upper = range.upperBound < offsets.count ? offsets[range.upperBound] : end
    return offsets[range.lowerBound]..<upper
  }
}
