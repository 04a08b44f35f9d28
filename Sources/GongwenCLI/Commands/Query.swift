import ArgumentParser
import Foundation
import GongwenIndex
import GongwenModel

struct Query: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Ask an archive made by `gongwen index` a named question.",
    discussion: """
      Questions:
        person NAME                  the meetings NAME attended: date, document, role, title, organisation
        tasks ORG [--year Y]         tasks whose lead or responsible unit is ORG (or its full name or
                                     abbreviation in the same document), in year Y
        attendance-by-organization   how many people each organisation sent, per role
        search TEXT                  sections whose text contains TEXT (Chinese split into bigrams)
        organization NAME            the organisations NAME stands for across documents: aliases, scope
        people NAME                  the identities of NAME across meetings, with the evidence of each
        conflicts                    same names kept apart as two people, and why

      Prints an aligned table, or JSON (an array of objects) with --json, or CSV with --csv. \
      At most --limit rows are printed (100 unless given; 0 prints all); when there were more, \
      the table ends with a line saying so, and with --json or --csv the note goes to standard \
      error. Docs/INDEX.md shows each question as plain sqlite3 SQL.

      Exit status: 0 when the question was answered (also with no rows), 1 when the archive \
      cannot be read, 64 for a usage error, 74 when standard output cannot be written.

      Examples:
        gongwen index archive.sqlite Corpus/minutes
        gongwen query archive.sqlite person 韩冰
        gongwen query archive.sqlite tasks 市应急局 --year 2022 --csv
        gongwen query archive.sqlite attendance-by-organization --json --limit 10
        gongwen query archive.sqlite search 安全生产 --limit 5
      """)

  @OptionGroup var reporting: ReportingOptions

  @Argument(help: ArgumentHelp("The archive database.", valueName: "archive"))
  var archive: String

  @Argument(help: ArgumentHelp("The question: \(Self.questions.joined(separator: ", ")).", valueName: "question"))
  var question: String

  @Argument(help: ArgumentHelp("The question's argument: a name, an organisation or a text.", valueName: "argument"))
  var argument: String?

  @Option(help: "Only tasks of meetings (or documents) of this year.")
  var year: Int?

  @Option(help: ArgumentHelp("The most rows printed; 0 prints all.", valueName: "n"))
  var limit = 100

  @Flag(help: "Print JSON: an array of objects, one per row.")
  var json = false

  @Flag(help: "Print CSV with a header line.")
  var csv = false

  func validate() throws {
    guard !(json && csv) else { throw ValidationError("--json does not go with --csv.") }
    guard Self.questions.contains(question) else {
      throw ValidationError("Unknown question \(question); ask one of: \(Self.questions.joined(separator: ", ")).")
    }
    guard limit >= 0 else { throw ValidationError("--limit must be 0 (all rows) or more.") }
    guard year == nil || question == "tasks" else { throw ValidationError("--year goes with tasks only.") }
    let needsArgument = IdentityQuery(name: question, argument: nil)?.takesArgument ?? (question != "attendance-by-organization")
    if needsArgument && argument == nil { throw ValidationError("\(question) needs an argument.") }
    if !needsArgument && argument != nil { throw ValidationError("\(question) takes no argument.") }
  }

  static let questions = NamedQuery.names + IdentityQuery.names

  var namedQuery: NamedQuery {
    let argument = argument ?? ""
    switch question {
    case "person": return .person(argument)
    case "tasks": return .tasks(organization: argument, year: year)
    case "search": return .search(argument)
    default: return .attendanceByOrganization
    }
  }

  func run() throws {
    guard FileManager.default.fileExists(atPath: archive) else {
      throw CommandFailure(path: archive, reason: "no-archive: no such file; make one with `gongwen index`")
    }
    let result: QueryResult
    do {
      let opened = try Archive(path: archive, creating: false)
      let rowLimit = limit == 0 ? nil : limit
      if let identityQuery = IdentityQuery(name: question, argument: argument) {
        result = try opened.answer(identityQuery, limit: rowLimit)
      } else {
        result = try opened.answer(namedQuery, limit: rowLimit)
      }
    } catch let error as ArchiveError {
      throw CommandFailure(path: archive, reason: "no-archive: \(error)")
    } catch {
      throw CommandFailure(path: archive, reason: "database-error: \(error)")
    }
    let cut = "the first \(limit) rows; --limit N shows more, --limit 0 all"
    if json {
      Terminal.write(Self.json(result))
      if result.isTruncated { Terminal.error("\(archive): " + cut) }
    } else if csv {
      Terminal.write(Self.csv(result))
      if result.isTruncated { Terminal.error("\(archive): " + cut) }
    } else {
      Terminal.write(Self.table(result) + (result.isTruncated ? "(\(cut))\n" : ""))
    }
    reporting.note("\(archive): \(result.rows.count) rows")
  }

  static func json(_ result: QueryResult) -> String {
    let objects = result.rows.map { row in
      JSONValue.object(
        zip(result.columns, row).map { column, value in
          switch value {
          case .text(let text): return (key: column, value: JSONValue.string(text))
          case .integer(let integer): return (key: column, value: JSONValue.int(Int(integer)))
          case .null: return (key: column, value: JSONValue.null)
          }
        })
    }
    return JSONValue.array(objects).serialized(prettyPrinted: true) + "\n"
  }

  static func csv(_ result: QueryResult) -> String {
    func field(_ text: String) -> String {
      guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
      return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    let lines = [result.columns.map(field).joined(separator: ",")]
      + result.rows.map { $0.map { field($0.description) }.joined(separator: ",") }
    return lines.map { $0 + "\r\n" }.joined()
  }

  /// Columns padded to their widest value, counting a Chinese character as two columns wide.
  static func table(_ result: QueryResult) -> String {
    let cells = [result.columns] + result.rows.map { $0.map { $0.description.replacingOccurrences(of: "\n", with: " ") } }
    var widths = [Int](repeating: 0, count: result.columns.count)
    for row in cells {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
    }
    return cells.map { row in
      row.enumerated().map { index, cell in
        index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - displayWidth(cell))
      }.joined(separator: "  ")
    }.map { line in String(line.reversed().drop { $0 == " " }.reversed()) + "\n" }.joined()
  }

  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
      let wide = (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
        || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value)
        || (0xFE30...0xFE4F).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
        || (0xFFE0...0xFFE6).contains(scalar.value) || (0x20000...0x3FFFD).contains(scalar.value)
      return width + (wide ? 2 : 1)
    }
  }
}
