/// A JSON value whose objects keep their keys in insertion order.
public enum JSONValue: Hashable, Sendable {
  /// JSON `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number written without fraction or exponent that fits `Int`.
  case int(Int)
  /// Any other number.
  case double(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object, its members in the order written.
  case object([(key: String, value: JSONValue)])

  /// Whether both hold the same JSON; objects are equal only with their keys in the same order.
  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case let (.bool(a), .bool(b)): return a == b
    case let (.int(a), .int(b)): return a == b
    case let (.double(a), .double(b)): return a == b
    case let (.string(a), .string(b)): return a == b
    case let (.array(a), .array(b)): return a == b
    case let (.object(a), .object(b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  /// Hashes the JSON held, consistently with `==`.
  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b)
    case .int(let i): hasher.combine(i)
    case .double(let d): hasher.combine(d)
    case .string(let s): hasher.combine(s)
    case .array(let a): hasher.combine(a)
    case .object(let o):
      for (k, v) in o {
        hasher.combine(k)
        hasher.combine(v)
      }
    }
  }

  /// The value of `key` in an object (the first, if repeated), or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// Serialises the value: UTF-8 text as is (no `\u` escapes for Chinese, `/` unescaped),
  /// two-space indentation when pretty.
  public func serialized(prettyPrinted: Bool = false) -> String {
    var writer = JSONWriter(pretty: prettyPrinted)
    write(to: &writer, depth: 0)
    return writer.text
  }

  func write(to writer: inout JSONWriter, depth: Int) {
    switch self {
    case .null: writer.raw("null")
    case .bool(let b): writer.raw(b ? "true" : "false")
    case .int(let i): writer.integer(i)
    case .double(let d): writer.double(d)
    case .string(let s): writer.string(s)
    case .array(let items):
      guard !items.isEmpty else { return writer.raw("[]") }
      writer.byte(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { writer.byte(0x2C) }
        writer.newline(depth + 1)
        item.write(to: &writer, depth: depth + 1)
      }
      writer.newline(depth)
      writer.byte(0x5D)
    case .object(let members):
      guard !members.isEmpty else { return writer.raw("{}") }
      writer.byte(0x7B)
      for (index, member) in members.enumerated() {
        writer.key(member.key, first: index == 0, depth: depth + 1)
        member.value.write(to: &writer, depth: depth + 1)
      }
      writer.newline(depth)
      writer.byte(0x7D)
    }
  }

}
