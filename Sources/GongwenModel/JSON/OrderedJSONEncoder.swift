/// Encodes `Encodable` values to JSON keeping keys in the order `encode(to:)` writes them.
///
/// Foundation's `JSONEncoder` on Linux orders keys arbitrarily unless told to sort them, and
/// sorting would break the contract's order; this encoder keeps the declared order, writes
/// `null` for nil values encoded with `encode(_:forKey:)`, and leaves Chinese unescaped.
public struct OrderedJSONEncoder: Sendable {
  public var prettyPrinted: Bool

  public init(prettyPrinted: Bool = false) { self.prettyPrinted = prettyPrinted }

  /// The value as a ``JSONValue`` tree.
  public func encodeToValue<T: Encodable>(_ value: T) throws -> JSONValue {
    try TreeEncoder.encode(value, codingPath: [])
  }

  public func encodeToString<T: Encodable>(_ value: T) throws -> String {
    try encodeToValue(value).serialized(prettyPrinted: prettyPrinted)
  }

  /// UTF-8 bytes of the JSON text.
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    Array(try encodeToString(value).utf8)
  }
}

/// A node being built; containers share it by reference while `encode(to:)` runs.
private final class Node {
  enum Content {
    case unset
    case value(JSONValue)
    case object(keys: [String], members: [String: Node])
    case array([Node])
  }

  var content: Content = .unset

  var value: JSONValue {
    switch content {
    case .unset: return .object([])
    case .value(let v): return v
    case .object(let keys, let members): return .object(keys.map { ($0, members[$0]!.value) })
    case .array(let items): return .array(items.map(\.value))
    }
  }
}

private struct TreeEncoder: Encoder {
  let node: Node
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue {
    let node = Node()
    try encode(value, into: node, codingPath: codingPath)
    return node.value
  }

  static func encode<T: Encodable>(_ value: T, into node: Node, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as String: node.content = .value(.string(v))
    case let v as Int: node.content = .value(.int(v))
    case let v as Bool: node.content = .value(.bool(v))
    case let v as Double: node.content = .value(.double(v))
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.content {} else { node.content = .object(keys: [], members: [:]) }
    return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.content {} else { node.content = .array([]) }
    return UnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleValueContainer(node: node, codingPath: codingPath)
  }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: Node
  let codingPath: [any CodingKey]

  private func child(for key: Key) -> Node {
    guard case .object(var keys, var members) = node.content else { fatalError("not an object") }
    if let existing = members[key.stringValue] { return existing }
    let child = Node()
    keys.append(key.stringValue)
    members[key.stringValue] = child
    node.content = .object(keys: keys, members: members)
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { child(for: key).content = .value(.null) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try TreeEncoder.encode(value, into: child(for: key), codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    TreeEncoder(node: child(for: key), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    TreeEncoder(node: child(for: key), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    TreeEncoder(node: child(for: Key(stringValue: "super")!), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    TreeEncoder(node: child(for: key), codingPath: codingPath + [key])
  }
}

private struct IndexKey: CodingKey {
  var stringValue: String { String(intValue!) }
  var intValue: Int?
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]

  var count: Int {
    if case .array(let items) = node.content { return items.count }
    return 0
  }

  private func append() -> Node {
    guard case .array(var items) = node.content else { fatalError("not an array") }
    let child = Node()
    items.append(child)
    node.content = .array(items)
    return child
  }

  mutating func encodeNil() throws { append().content = .value(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    let index = count
    try TreeEncoder.encode(value, into: append(), codingPath: codingPath + [IndexKey(index)])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    TreeEncoder(node: append(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    TreeEncoder(node: append(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(node: append(), codingPath: codingPath) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
  let node: Node
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.content = .value(.null) }
  mutating func encode(_ value: Bool) throws { node.content = .value(.bool(value)) }
  mutating func encode(_ value: String) throws { node.content = .value(.string(value)) }
  mutating func encode(_ value: Double) throws { node.content = .value(.double(value)) }
  mutating func encode(_ value: Float) throws { node.content = .value(.double(Double(value))) }
  mutating func encode(_ value: Int) throws { node.content = .value(.int(value)) }
  mutating func encode(_ value: Int8) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: Int16) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: Int32) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: Int64) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: UInt) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: UInt8) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: UInt16) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: UInt32) throws { node.content = .value(.int(Int(value))) }
  mutating func encode(_ value: UInt64) throws { node.content = .value(.int(Int(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try TreeEncoder.encode(value, into: node, codingPath: codingPath)
  }
}
