import Foundation

/// OFD (GB/T 33190): `OFD.xml` → the document's `Document.xml` → each page's `Content.xml`,
/// whose `TextObject`/`TextCode` glyphs are placed by `X`, `Y` and `DeltaX` and read with the
/// same geometry rules as PDF (``PageLayout``).
enum OFDExtractor {
  static func extract(_ bytes: Data) throws(InputError) -> PagedText {
    let package = try ZIPDocument(bytes)
    let root = try package.xml("OFD.xml")
    guard let documentPath = root.descendants("DocRoot").first?.text.trimmingCharacters(in: .whitespacesAndNewlines),
      !documentPath.isEmpty
    else { throw InputError(code: .corrupt, message: "OFD.xml names no DocRoot") }
    let document = try package.xml(documentPath)
    let base = directory(of: documentPath)
    let pageHeight = document.descendants("PhysicalBox").first.flatMap { numbers($0.text).count == 4 ? numbers($0.text)[3] : nil } ?? 297
    var pages: [(words: [PlacedWord], height: Double)] = []
    for page in document.descendants("Page") {
      guard let location = page.attribute("BaseLoc") else { continue }
      let path = location.hasPrefix("/") ? location : base + location
      pages.append((words: glyphs(in: try package.xml(path)), height: pageHeight))
    }
    var text = PagedText()
    let pageWidth = document.descendants("PhysicalBox").first.flatMap { numbers($0.text).count == 4 ? numbers($0.text)[2] : nil } ?? 210
    for lines in PageLayout.lines(of: pages, firstPageWidth: pageWidth) { text.appendPage(lines) }
    return text
  }

  /// One placed word per glyph: OFD gives each glyph's advance, and a padded name is a glyph
  /// with a wide advance.
  private static func glyphs(in content: PartElement) -> [PlacedWord] {
    var words: [PlacedWord] = []
    for object in content.descendants("TextObject") {
      let boundary = numbers(object.attribute("Boundary") ?? "")
      let originX = boundary.first ?? 0, originY = boundary.count > 1 ? boundary[1] : 0
      let size = object.attribute("Size").flatMap(Double.init) ?? 3.5
      for code in object.elements where code.name == "TextCode" {
        var x = originX + (code.attribute("X").flatMap(Double.init) ?? 0)
        let baseline = originY + (code.attribute("Y").flatMap(Double.init) ?? size)
        let deltas = expandDeltas(code.attribute("DeltaX") ?? "")
        for (index, scalar) in code.text.unicodeScalars.enumerated() {
          let width = scalar.isASCII ? size * 0.5 : size
          if scalar != " " {
            words.append(
              PlacedWord(text: String(scalar), minX: x, minY: baseline - size, maxX: x + width, maxY: baseline))
          }
          x += index < deltas.count ? deltas[index] : width
        }
      }
    }
    return words
  }

  /// `DeltaX` with its `g N D` runs (N glyphs advancing D each) written out.
  static func expandDeltas(_ value: String) -> [Double] {
    var result: [Double] = []
    var tokens = value.split(separator: " ")[...]
    while let token = tokens.popFirst() {
      if token == "g", let count = tokens.popFirst().flatMap({ Int($0) }), let delta = tokens.popFirst().flatMap({ Double($0) }) {
        result += Array(repeating: delta, count: count)
      } else if let delta = Double(token) {
        result.append(delta)
      }
    }
    return result
  }

  private static func numbers(_ text: String) -> [Double] {
    text.split(separator: " ").compactMap { Double($0) }
  }

  private static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "" }
    return String(path[...slash])
  }
}
