import Foundation

/// PDF through poppler's `pdftotext -bbox-layout`, run as a separate program: every word with
/// its box, laid out again by ``PageLayout``. Poppler is GPL, so it is run, never linked.
enum PDFExtractor {
  static let program = "pdftotext"

  /// `searchPath` is where to look for the program, `PATH` when nil.
  static func extract(_ bytes: Data, searchPath: String? = nil) throws(InputError) -> PagedText {
    guard let executable = executablePath(searchPath ?? ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    else {
      throw InputError(
        code: .extractorMissing,
        message: "reading PDF needs the pdftotext program of poppler-utils; install it (apt-get install poppler-utils)")
    }
    let directory = FileManager.default.temporaryDirectory
    let input = directory.appendingPathComponent("gongwen-\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: input) }
    let output: Data
    let status: Int32
    do {
      try bytes.write(to: input)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: executable)
      process.arguments = ["-q", "-bbox-layout", "-enc", "UTF-8", input.path, "-"]
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      process.standardInput = FileHandle.nullDevice
      try process.run()
      output = pipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      status = process.terminationStatus
    } catch {
      throw InputError(code: .unreadable, message: "cannot run \(program): \(error.localizedDescription)")
    }
    guard status == 0 else {
      throw InputError(code: .corrupt, message: "\(program) cannot read this PDF (exit status \(status))")
    }
    let pages = parse(String(decoding: output, as: UTF8.self))
    guard pages.contains(where: { !$0.words.isEmpty }) else {
      throw InputError(
        code: .noTextLayer, message: "the PDF has no text layer (a scan?); OCR it first, this reader does not")
    }
    var text = PagedText()
    for lines in PageLayout.lines(of: pages, firstPageWidth: firstPageWidth(output)) { text.appendPage(lines) }
    return text
  }

  /// The pages of `pdftotext -bbox-layout` output: its `<page height>` and `<word>` elements.
  static func parse(_ xhtml: String) -> [(words: [PlacedWord], height: Double)] {
    var pages: [(words: [PlacedWord], height: Double)] = []
    for line in xhtml.split(separator: "\n") {
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if trimmed.hasPrefix("<page ") {
        pages.append((words: [], height: attribute("height", in: trimmed) ?? 0))
      } else if trimmed.hasPrefix("<word "), !pages.isEmpty,
        let open = trimmed.firstIndex(of: ">"), let close = trimmed.range(of: "</word>", options: .backwards)
      {
        let head = trimmed[..<open]
        guard let minX = attribute("xMin", in: head), let minY = attribute("yMin", in: head),
          let maxX = attribute("xMax", in: head), let maxY = attribute("yMax", in: head)
        else { continue }
        let text = unescape(String(trimmed[trimmed.index(after: open)..<close.lowerBound]))
        pages[pages.count - 1].words.append(PlacedWord(text: text, minX: minX, minY: minY, maxX: maxX, maxY: maxY))
      }
    }
    return pages
  }

  /// The width of the first `<page>` of `pdftotext -bbox-layout` output, 0 when absent.
  static func firstPageWidth(_ output: Data) -> Double {
    let head = String(decoding: output.prefix(4096), as: UTF8.self)
    guard let page = head.range(of: "<page ") else { return 0 }
    return attribute("width", in: head[page.lowerBound...].prefix { $0 != ">" }) ?? 0
  }

  private static func attribute(_ name: String, in element: Substring) -> Double? {
    guard let start = element.range(of: " \(name)=\"") else { return nil }
    let rest = element[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return Double(rest[..<end])
  }

  private static func unescape(_ text: String) -> String {
    guard text.contains("&") else { return text }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
      .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
  }

  private static func executablePath(_ path: String) -> String? {
    for directory in path.split(separator: ":") {
      let candidate = "\(directory)/\(program)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
