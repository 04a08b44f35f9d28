import Foundation

/// A whole batch in one file, for pipelines and spreadsheets: every document's JSON as one JSON
/// Lines file, in input order (`gongwen batch --jsonl`), and a CSV summary with one row per
/// document (`gongwen batch --summary`).
///
/// Both are made from the outputs the batch wrote, read back one at a time, so memory does not
/// grow with the number of documents; each file is written beside its destination and renamed
/// into place when complete. The summary's columns are ``summaryColumns``; text fields are
/// quoted as RFC 4180 says (a field holding `,`, `"` or a line break is put in quotes, its
/// quotes doubled).
public struct BatchExport: Sendable {
  /// Where to write the JSON Lines file, or nil for none.
  public var jsonLines: URL?
  /// Where to write the CSV summary, or nil for none.
  public var summary: URL?

  /// The summary's header: the input's path, the document's kind, title, meeting date,
  /// session and chair, how many people the attendance names, and how many warnings it has.
  public static let summaryColumns = ["file", "kind", "title", "date", "session", "chair", "attendees", "warnings"]

  /// Creates an export to the files given; nil leaves one out.
  public init(jsonLines: URL? = nil, summary: URL? = nil) {
    self.jsonLines = jsonLines
    self.summary = summary
  }

  /// Reads each output, in the order given, and writes the export files. A failure names the
  /// file: an output that cannot be read back, or an export file that cannot be written
  /// (``BatchFailure/ioError`` for a full or failing disk).
  public func write(outputs: [(path: String, output: URL)]) throws(BatchFailure) {
    var writers: [(AtomicFileWriter, isSummary: Bool)] = []
    do {
      if let jsonLines { writers.append((try AtomicFileWriter(url: jsonLines), false)) }
      if let summary {
        let writer = try AtomicFileWriter(url: summary)
        writers.append((writer, true))
        try writer.append(Array((Self.summaryColumns.joined(separator: ",") + "\r\n").utf8))
      }
    } catch {
      for (writer, _) in writers { writer.abandon() }
      throw BatchFailure(writing: jsonLines ?? summary ?? URL(fileURLWithPath: "-"), error)
    }
    for (path, output) in outputs {
      let document: JSONValue
      do {
        document = try JSONValue(parsing: try Data(contentsOf: output))
      } catch {
        for (writer, _) in writers { writer.abandon() }
        throw BatchFailure(code: BatchFailure.unwritable, reason: "cannot read back \(output.path): \(error)")
      }
      for (writer, isSummary) in writers {
        do {
          let line = isSummary ? Array(Self.summaryRow(path: path, document: document).utf8) : Self.jsonLine(document)
          try writer.append(line)
        } catch {
          for (writer, _) in writers { writer.abandon() }
          throw BatchFailure(writing: writer.url, error)
        }
      }
    }
    for (writer, _) in writers {
      do { try writer.finish() } catch { throw BatchFailure(writing: writer.url, error) }
    }
  }

  /// The document on one line, keys in the contract's order, and its line end.
  static func jsonLine(_ document: JSONValue) -> [UInt8] {
    Array((document.serialized() + "\n").utf8)
  }

  /// The summary row of one document, with its `\r\n`.
  static func summaryRow(path: String, document: JSONValue) -> String {
    let meeting = document["meeting"]
    let attendance = document["attendance"]
    let attendees = ["present", "attending", "absent", "recorders"].reduce(0) { $0 + (attendance?[$1]?.arrayCount ?? 0) }
    let warnings = document["diagnostics"]?.arrayItems.filter { $0["severity"]?.stringValue == "warning" }.count ?? 0
    let fields = [
      path, document["kind"]?.stringValue ?? "", document["title"]?.stringValue ?? "",
      meeting?["date"]?.stringValue ?? "", meeting?["session"]?.intValue.map(String.init) ?? "",
      meeting?["chair"]?["name"]?.stringValue ?? "", String(attendees), String(warnings),
    ]
    return fields.map(csvField).joined(separator: ",") + "\r\n"
  }

  /// A CSV field: as it is, or in quotes with its quotes doubled when it holds `,`, `"` or a
  /// line break.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return text }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension JSONValue {
  fileprivate var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  fileprivate var intValue: Int? {
    if case .int(let value) = self { return value }
    return nil
  }

  fileprivate var arrayItems: [JSONValue] {
    if case .array(let items) = self { return items }
    return []
  }

  fileprivate var arrayCount: Int { arrayItems.count }
}
