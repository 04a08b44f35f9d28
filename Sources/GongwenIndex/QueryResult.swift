import GRDB

/// The answer to a question put to the archive: named columns and rows of values.
public struct QueryResult: Hashable, Sendable {
  /// A value in a row: text, an integer or nothing.
  public enum Value: Hashable, Sendable, CustomStringConvertible {
    /// A text value.
    case text(String)
    /// An integer value.
    case integer(Int64)
    /// SQL NULL.
    case null

    /// The value as printed in a table or CSV: empty for NULL.
    public var description: String {
      switch self {
      case .text(let text): return text
      case .integer(let integer): return String(integer)
      case .null: return ""
      }
    }
  }

  /// The column names, in order.
  public var columns: [String]
  /// The rows, each with one value per column.
  public var rows: [[Value]]

  /// Whether the question had more rows than the limit asked for, and was cut.
  public var isTruncated: Bool

  /// Creates a result from its columns and rows.
  public init(columns: [String], rows: [[Value]], isTruncated: Bool = false) {
    self.columns = columns
    self.rows = rows
    self.isTruncated = isTruncated
  }

  /// The rows as text, NULL as nil: the shape tests compare against.
  public var textRows: [[String?]] {
    rows.map { row in
      row.map { value in
        if case .null = value { return nil }
        return value.description
      }
    }
  }

  /// The rows of `sql`, at most `limit` of them (all with nil).
  static func fetch(_ db: Database, sql: String, arguments: StatementArguments, limit: Int?) throws -> QueryResult {
    let statement = try db.makeStatement(sql: sql)
    let columns = statement.columnNames
    var rows: [[Value]] = []
    let cursor = try Row.fetchCursor(statement, arguments: arguments)
    while let row = try cursor.next() {
      if let limit, rows.count == limit { return QueryResult(columns: columns, rows: rows, isTruncated: true) }
      rows.append(
        (0..<row.count).map { index in
          switch row[index] as DatabaseValue {
          case let value where value.isNull: return .null
          case let value:
            if let integer = Int64.fromDatabaseValue(value), value.storage.isInteger { return .integer(integer) }
            return .text(String.fromDatabaseValue(value) ?? value.description)
          }
        })
    }
    return QueryResult(columns: columns, rows: rows)
  }
}

extension DatabaseValue.Storage {
  fileprivate var isInteger: Bool {
    if case .int64 = self { return true }
    return false
  }
}
