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
    String(decoding: try encode(value), as: UTF8.self)
  }

  /// UTF-8 bytes of the JSON text, written as the value encodes itself (no tree in between).
  public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
    // Model values list their members: written without the Encoder machinery at all.
    if let members = value as? any JSONObjectMembers { return members.jsonBytes(prettyPrinted: prettyPrinted) }
    let sink = StreamingJSONSink(pretty: prettyPrinted)
    try sink.value(value, depth: 0, codingPath: [])
    return sink.writer.bytes
  }
}

/// A node being built; containers share it by reference while `encode(to:)` runs, and append
/// to it in place.
private final class Node {
  enum Kind { case unset, value, object, array }

  var kind: Kind = .unset
  var scalar: JSONValue = .null
  var keys: [String] = []
  var members: [String: Node] = [:]
  var items: [Node] = []

  func set(_ value: JSONValue) {
    kind = .value
    scalar = value
  }

  var value: JSONValue {
    switch kind {
    case .unset: return .object([])
    case .value: return scalar
    case .object: return .object(keys.map { ($0, members[$0]!.value) })
    case .array: return .array(items.map(\.value))
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
    case let v as String: node.set(.string(v))
    case let v as Int: node.set(.int(v))
    case let v as Bool: node.set(.bool(v))
    case let v as Double: node.set(.double(v))
    default: try value.encode(to: TreeEncoder(node: node, codingPath: codingPath))
    }
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if node.kind != .object { node.kind = .object }
    return KeyedEncodingContainer(KeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if node.kind != .array { node.kind = .array }
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
    if let existing = node.members[key.stringValue] { return existing }
    let child = Node()
    node.keys.append(key.stringValue)
    node.members[key.stringValue] = child
    return child
  }

  mutating func encodeNil(forKey key: Key) throws { child(for: key).set(.null) }

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

  var count: Int { node.items.count }

  private func append() -> Node {
    let child = Node()
    node.items.append(child)
    return child
  }

  mutating func encodeNil() throws { append().set(.null) }

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

  mutating func encodeNil() throws { node.set(.null) }
  mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
  mutating func encode(_ value: String) throws { node.set(.string(value)) }
  mutating func encode(_ value: Double) throws { node.set(.double(value)) }
  mutating func encode(_ value: Float) throws { node.set(.double(Double(value))) }
  mutating func encode(_ value: Int) throws { node.set(.int(value)) }
  mutating func encode(_ value: Int8) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: Int16) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: Int32) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: Int64) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: UInt) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: UInt8) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: UInt16) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: UInt32) throws { node.set(.int(Int(value))) }
  mutating func encode(_ value: UInt64) throws { node.set(.int(Int(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try TreeEncoder.encode(value, into: node, codingPath: codingPath)
  }
}
