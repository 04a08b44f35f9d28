/// Decides, for every run of spaces inside a joined paragraph, whether extraction put it
/// there (it goes) or the document did (it stays, as one space), and makes the brackets of
/// section markers full-width.
///
/// PDF extraction wraps runs of ASCII in spaces: `2021 年 1 月 23 日`, `督办 94 项`, `建党 100周年`.
/// Such a space between a 汉字 and an ASCII number or word goes, unless the ASCII token stands
/// apart on both sides and is not followed by a counter (`1 总 则`, `1.1 编制目的`: a number and
/// its heading), or the run is a wide gap between columns. All other runs become one space.
enum SpaceSettling {
  static func settle(
    _ input: [Unicode.Scalar], _ inputSources: [Int32], _ lineStarts: [Bool],
    into output: inout [Unicode.Scalar], _ outputSources: inout [Int32], joins: inout [Int]
  ) {
    let start = output.count
    let count = input.count
    var i = 0
    while i < count {
      let s = input[i]
      if s.isHorizontalSpace {
        var j = i
        while j < count && input[j].isHorizontalSpace { j += 1 }
        // A wide gap (three spaces or more) separates columns, as organ and date on a 印发 line.
        if output.count > start && j < count
          && (j - i >= 3 || !spaceIsArtefact(left: output, leftStart: start, right: input, at: j))
        {
          output.append(" ")
          outputSources.append(inputSources[i])
        }
        i = j
        continue
      }
      if (s == "(" || s == "（"), isMarkerPosition(output, from: start),
        let close = markerClose(input, openingAt: i)
      {
        if lineStarts[i] { joins.append(output.count) }
        output.append("（")
        outputSources.append(inputSources[i])
        for k in (i + 1)..<close {
          if lineStarts[k] { joins.append(output.count) }
          output.append(input[k])
          outputSources.append(inputSources[k])
        }
        output.append("）")
        outputSources.append(inputSources[close])
        i = close + 1
        continue
      }
      // A run of ordinary text, copied at once.
      var j = i + 1
      while j < count, !input[j].isHorizontalSpace, input[j] != "(", input[j] != "（" { j += 1 }
      for k in i..<j where lineStarts[k] { joins.append(output.count + k - i) }
      output.append(contentsOf: input[i..<j])
      outputSources.append(contentsOf: inputSources[i..<j])
      i = j
    }
  }

  /// ASCII that forms a token with its neighbours: digits, letters and the punctuation inside
  /// numbers, dates and addresses (`1.5`, `2015-4-17`, `snsfb@163.com`, `50%`).
  @inline(__always)
  private static func isTokenScalar(_ s: Unicode.Scalar) -> Bool {
    s.value > 0x20 && s.value < 0x7F && s != "(" && s != ")" && s != "," && s != ";"
  }

  private static func spaceIsArtefact(
    left output: [Unicode.Scalar], leftStart: Int, right input: [Unicode.Scalar], at j: Int
  ) -> Bool {
    let left = output[output.count - 1]
    let right = input[j]
    if left.isHan && right.isASCIIAlphanumeric {
      // 汉字 ␣ token: goes unless the token stands apart (followed by a space and a
      // non-counter, as in `1.1 编制目的` after a heading).
      var k = j
      while k < input.count && isTokenScalar(input[k]) { k += 1 }
      var m = k
      while m < input.count && input[m].isHorizontalSpace { m += 1 }
      if m > k && m < input.count { return input[m].isNumberCounter && isPlainNumber(input[j..<k]) }
      return true
    }
    if left.isASCIIAlphanumeric && right.isHan {
      // token ␣ 汉字: goes when the token is glued to the text before it (`第126 次`,
      // `《2021 年`) or a counter follows (`2021 年`, `9 月`); stays for a number heading.
      var k = output.count - 1
      while k >= leftStart && isTokenScalar(output[k]) { k -= 1 }
      if right.isNumberCounter && isPlainNumber(output[(k + 1)...]) { return true }
      return k >= leftStart && !output[k].isHorizontalSpace
    }
    return false
  }

  /// Digits with at most one decimal point: a quantity a counter can follow (`94 项`), unlike
  /// a date or a code (`2020-01-23 名称`).
  private static func isPlainNumber(_ token: ArraySlice<Unicode.Scalar>) -> Bool {
    var points = 0
    for s in token {
      if s == "." { points += 1 } else if !s.isASCIIDigit { return false }
    }
    return !token.isEmpty && points <= 1 && token.first!.isASCIIDigit
  }

  /// At the start of the paragraph or after the end of a clause, where a marker may begin.
  private static func isMarkerPosition(_ output: [Unicode.Scalar], from start: Int) -> Bool {
    var k = output.count - 1
    while k >= start && output[k].isHorizontalSpace { k -= 1 }
    if k < start { return true }
    switch output[k] {
    case "。", "；", "：", "！", "？", ";", ":", "!", "?": return true
    default: return false
    }
  }

  /// The index of the closing bracket of a marker `(一)` / `(1)` opening at `open`, when the
  /// bracket holds only a Chinese numeral or a one- or two-digit number.
  private static func markerClose(_ input: [Unicode.Scalar], openingAt open: Int) -> Int? {
    var k = open + 1
    var chinese = 0
    var digits = 0
    while k < input.count {
      let s = input[k]
      if s.isASCIIDigit { digits += 1 } else if ChineseNumeral.isNumeralScalar(s) { chinese += 1 } else { break }
      k += 1
    }
    guard k < input.count, input[k] == ")" || input[k] == "）" else { return nil }
    guard (chinese > 0 && chinese <= 3 && digits == 0) || (digits > 0 && digits <= 2 && chinese == 0) else {
      return nil
    }
    return k
  }
}
