import GRDB
import GRDBSQLite

/// A cached INSERT run through SQLite's C API: each value is bound as it is read from the
/// document, instead of building a `StatementArguments` (an array of boxed values) for each of
/// the thirty-odd rows of every document. Only for the writer's inserts, which no GRDB
/// observer needs to see.
struct RowInsert {
  private let statement: Statement
  private let database: Database

  init(_ db: Database, sql: String) throws {
    statement = try db.cachedStatement(sql: sql)
    database = db
  }

  /// Binds the values `bind` gives, in order, and runs the insert once.
  func run(_ bind: (inout RowValues) -> Void) throws {
    let handle = statement.sqliteStatement
    var values = RowValues(handle: handle)
    bind(&values)
    let code = sqlite3_step(handle)
    sqlite3_reset(handle)
    guard code == SQLITE_DONE else {
      throw DatabaseError(
        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(database.sqliteConnection)),
        sql: statement.sql)
    }
  }
}

/// The values of one row, bound left to right.
struct RowValues {
  fileprivate let handle: OpaquePointer
  private var index: Int32 = 1

  fileprivate init(handle: OpaquePointer) {
    self.handle = handle
  }

  /// SQLite copies the text before the call returns.
  private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

  mutating func callAsFunction(_ value: String?) {
    if var value {
      _ = value.withUTF8 { text in
        // An empty buffer may have no address, which SQLite would bind as NULL.
        if text.isEmpty {
          sqlite3_bind_text(handle, index, "", 0, Self.transient)
        } else {
          sqlite3_bind_text(handle, index, text.baseAddress, Int32(text.count), Self.transient)
        }
      }
    } else {
      sqlite3_bind_null(handle, index)
    }
    index += 1
  }

  mutating func callAsFunction(_ value: Int64?) {
    if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
    index += 1
  }

  mutating func callAsFunction(_ value: Int?) {
    callAsFunction(value.map(Int64.init))
  }
}
