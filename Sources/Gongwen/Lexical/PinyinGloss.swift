/// Pinyin glosses that some web copies put after characters: `國(guó)辦發(fā)`, `區(qū)`. They are
/// part of the text (the contract keeps them), but matching must look through them.
enum PinyinGloss {
  /// The length of a gloss `(guó)` starting at `index`, or 0: a bracket, one to seven
  /// lowercase Latin letters (tone marks and ü included, a stray space allowed), a bracket.
  static func length(in scalars: [Unicode.Scalar], at index: Int) -> Int {
    guard index < scalars.count, scalars[index] == "(" || scalars[index] == "（" else { return 0 }
    var i = index + 1
    var letters = 0
    while i < scalars.count, letters <= 7 {
      let s = scalars[i]
      if isPinyinLetter(s) {
        letters += 1
      } else if s == " " && letters > 0 {
        // `(huì )`: copies leave a space inside now and then
      } else {
        break
      }
      i += 1
    }
    guard letters > 0, letters <= 7, i < scalars.count, scalars[i] == ")" || scalars[i] == "）" else { return 0 }
    return i + 1 - index
  }

  /// The length of a gloss ending just before `index` (i.e. at `index - 1`), or 0.
  static func length(in scalars: [Unicode.Scalar], endingBefore index: Int) -> Int {
    guard index > 0, scalars[index - 1] == ")" || scalars[index - 1] == "）" else { return 0 }
    var start = index - 2
    while start >= 0 && start >= index - 10 {
      if scalars[start] == "(" || scalars[start] == "（" {
        return length(in: scalars, at: start) == index - start ? index - start : 0
      }
      start -= 1
    }
    return 0
  }

  private static func isPinyinLetter(_ s: Unicode.Scalar) -> Bool {
    if s.value >= 0x61 && s.value <= 0x7A { return true }
    switch s {
    case "ā", "á", "ǎ", "à", "ē", "é", "ě", "è", "ī", "í", "ǐ", "ì", "ō", "ó", "ǒ", "ò", "ū", "ú", "ǔ", "ù",
      "ǖ", "ǘ", "ǚ", "ǜ", "ü", "ê", "ń", "ň", "ǹ", "ḿ":
      return true
    default:
      return false
    }
  }
}
