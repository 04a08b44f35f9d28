/// A model value whose JSON object members are listed once, in order: its `Encodable`
/// conformance and the fast JSON writer (``Document/jsonString(prettyPrinted:)``) both read the
/// list, so the key order and the explicit `null`s cannot drift apart.
package protocol JSONObjectMembers: Encodable {
  /// Adds the members, in the order they are written.
  func listMembers<List: JSONMemberList>(into list: inout List) throws
}

/// Receives the members of a ``JSONObjectMembers`` value.
///
/// `add` writes the key whatever the value (`null` for nil); `addIfPresent` leaves the key out
/// when the value is nil. Keys are the contract's names, written in the source (`StaticString`):
/// the writer copies them as they are, without looking for characters to escape. Only the
/// members of a `JSONValue` (an envelope's) take keys made at run time.
package protocol JSONMemberList {
  mutating func add(_ key: StaticString, _ value: String?) throws
  mutating func add(_ key: StaticString, _ value: Int?) throws
  mutating func add(_ key: StaticString, _ value: [String]) throws
  mutating func add<Value: RawRepresentable<String>>(_ key: StaticString, _ value: Value?) throws
  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws
  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ values: [Value]) throws
  mutating func add(_ key: String, _ value: JSONValue) throws
  mutating func addIfPresent(_ key: StaticString, _ value: String?) throws
  mutating func addIfPresent<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws
}

extension JSONObjectMembers {
  /// `Encodable` from the member list: a keyed container, keys in the listed order.
  package func encodeMembers(to encoder: any Encoder) throws {
    var list = EncoderMemberList(container: encoder.container(keyedBy: MemberKey.self))
    try listMembers(into: &list)
  }

  /// The value as JSON text, written straight into UTF-8.
  package func jsonBytes(prettyPrinted: Bool) -> [UInt8] { JSONBytes.of(self, prettyPrinted: prettyPrinted) }
}

/// The member writer run over one value. ``Document`` and ``DocumentEnvelope`` call it from
/// concrete methods, so it is specialised in this module for them: called generically from
/// another module it would run unspecialised, several times slower.
enum JSONBytes {
  static func of<Value: JSONObjectMembers>(_ value: Value, prettyPrinted: Bool) -> [UInt8] {
    var list = WriterMemberList(writer: JSONWriter(pretty: prettyPrinted, capacity: 1 << 15))
    // Writing into a byte buffer cannot fail.
    try? list.object(value)
    return list.writer.bytes
  }
}

struct MemberKey: CodingKey {
  var stringValue: String
  var intValue: Int? { nil }
  init(_ key: String) { stringValue = key }
  init(_ key: StaticString) { stringValue = key.description }
  init?(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { nil }
}

/// The member list as a keyed encoding container (any `Encoder`, Foundation's included).
struct EncoderMemberList: JSONMemberList {
  var container: KeyedEncodingContainer<MemberKey>

  mutating func add(_ key: StaticString, _ value: String?) throws { try container.encode(value, forKey: MemberKey(key)) }
  mutating func add(_ key: StaticString, _ value: Int?) throws { try container.encode(value, forKey: MemberKey(key)) }
  mutating func add(_ key: StaticString, _ value: [String]) throws { try container.encode(value, forKey: MemberKey(key)) }
  mutating func add<Value: RawRepresentable<String>>(_ key: StaticString, _ value: Value?) throws {
    try container.encode(value?.rawValue, forKey: MemberKey(key))
  }
  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws {
    try container.encode(value, forKey: MemberKey(key))
  }
  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ values: [Value]) throws {
    try container.encode(values, forKey: MemberKey(key))
  }
  mutating func add(_ key: String, _ value: JSONValue) throws { try container.encode(value, forKey: MemberKey(key)) }
  mutating func addIfPresent(_ key: StaticString, _ value: String?) throws {
    try container.encodeIfPresent(value, forKey: MemberKey(key))
  }
  mutating func addIfPresent<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws {
    try container.encodeIfPresent(value, forKey: MemberKey(key))
  }
}

/// The member list written as JSON text: no containers, no dynamic casts.
struct WriterMemberList: JSONMemberList {
  var writer: JSONWriter
  private var depth = 0
  private var count = 0

  init(writer: JSONWriter) { self.writer = writer }

  private mutating func key(_ key: StaticString) {
    writer.key(key, first: count == 0, depth: depth)
    count += 1
  }

  private mutating func key(_ key: String) {
    writer.key(key, first: count == 0, depth: depth)
    count += 1
  }

  mutating func object<Value: JSONObjectMembers>(_ value: Value) throws {
    writer.byte(0x7B)
    let outer = count
    count = 0
    depth += 1
    try value.listMembers(into: &self)
    depth -= 1
    if count > 0 { writer.newline(depth) }
    writer.byte(0x7D)
    count = outer
  }

  private mutating func array<Element>(_ elements: [Element], _ write: (inout Self, Element) throws -> Void) rethrows {
    guard !elements.isEmpty else { return writer.raw("[]") }
    writer.byte(0x5B)
    depth += 1
    for (index, element) in elements.enumerated() {
      if index > 0 { writer.byte(0x2C) }
      writer.newline(depth)
      try write(&self, element)
    }
    depth -= 1
    writer.newline(depth)
    writer.byte(0x5D)
  }

  mutating func add(_ key: StaticString, _ value: String?) throws {
    self.key(key)
    if let value { writer.string(value) } else { writer.raw("null") }
  }

  mutating func add(_ key: StaticString, _ value: Int?) throws {
    self.key(key)
    if let value { writer.integer(value) } else { writer.raw("null") }
  }

  mutating func add(_ key: StaticString, _ value: [String]) throws {
    self.key(key)
    array(value) { $0.writer.string($1) }
  }

  mutating func add<Value: RawRepresentable<String>>(_ key: StaticString, _ value: Value?) throws {
    try add(key, value?.rawValue)
  }

  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws {
    self.key(key)
    if let value { try object(value) } else { writer.raw("null") }
  }

  mutating func add<Value: JSONObjectMembers>(_ key: StaticString, _ values: [Value]) throws {
    self.key(key)
    try array(values) { try $0.object($1) }
  }

  mutating func add(_ key: String, _ value: JSONValue) throws {
    self.key(key)
    value.write(to: &writer, depth: depth)
  }

  mutating func addIfPresent(_ key: StaticString, _ value: String?) throws {
    if let value { try add(key, value) }
  }

  mutating func addIfPresent<Value: JSONObjectMembers>(_ key: StaticString, _ value: Value?) throws {
    if let value { try add(key, value) }
  }
}

/// A JSON object of a few members and a document: the lines `gongwen parse` (several files)
/// and `gongwen stream` write (`{"id": …, "document": {…}}`), with the document written as it
/// always is.
package struct DocumentEnvelope: JSONObjectMembers, Sendable {
  package var members: [(key: String, value: JSONValue)]
  package var document: Document

  package init(_ members: [(key: String, value: JSONValue)], document: Document) {
    self.members = members
    self.document = document
  }

  package func listMembers<List: JSONMemberList>(into list: inout List) throws {
    for member in members { try list.add(member.key, member.value) }
    try list.add("document", document)
  }

  package func encode(to encoder: any Encoder) throws { try encodeMembers(to: encoder) }

  /// The envelope as JSON text in UTF-8.
  package func jsonBytes(prettyPrinted: Bool) -> [UInt8] { JSONBytes.of(self, prettyPrinted: prettyPrinted) }
}
