/// The endings of organ (机关) names: 人民政府, 办公室, …局, …委员会. Rosters use them to tell an
/// organisation from a person, and a lone signature line from a roster line.
enum OrganNameEnding {
  static let endings: [[Unicode.Scalar]] = [
    "政府", "办公室", "辦公室", "办公厅", "辦公廳", "委员会", "委員會", "局", "厅", "廳", "委", "办", "辦", "院", "部", "署",
    "公署", "中心", "法院", "检察院", "檢察院", "指挥部", "指揮部", "管委会", "管委會", "秘书科", "秘書科", "科", "处", "處",
    "政协", "政協", "人大常委会", "人大常委會", "党委", "黨委", "党组", "黨組", "街道办事处", "办事处", "公司", "集团", "学校",
    "大学", "大學", "国务院", "國務院", "部门", "部門", "单位", "單位",
  ].map(\.scalars)

  /// Whether `range` ends with an organ name's ending (a web copy's pinyin gloss looked through).
  static func ends(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
    guard range.count >= 2 else { return false }
    let end = range.upperBound - PinyinGloss.length(in: scalars, endingBefore: range.upperBound)
    return endings.contains { ending in
      end - ending.count >= range.lowerBound && scalars.matches(ending, at: end - ending.count)
    }
  }
}
