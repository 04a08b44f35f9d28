/// An `Encoder` that writes JSON as it goes, keeping the order in which `encode(to:)` writes
/// keys: the fast path of ``OrderedJSONEncoder``. A container is closed when the `encode(to:)`
/// that opened it returns, or when its parent writes its next member. It does not track coding
/// paths (`codingPath` is empty): building one per member would cost more than the writing.
final class StreamingJSONSink {
  var writer: JSONWriter

  init(pretty: Bool) { writer = JSONWriter(pretty: pretty, capacity: 4096) }

  /// One open (or not yet opened) container: what it is, how many members it holds, how deep
  /// it is, and the child container still open inside it.
  final class Level {
    enum Kind { case none, object, array, single }
    var kind: Kind = .none
    var count = 0
    let depth: Int
    var openChild: Level?

    init(depth: Int) { self.depth = depth }
  }

  func close(_ level: Level) {
    if let child = level.openChild {
      close(child)
      level.openChild = nil
    }
    switch level.kind {
    case .object:
      if level.count > 0 { writer.newline(level.depth) }
      writer.byte(0x7D)
    case .array:
      if level.count > 0 { writer.newline(level.depth) }
      writer.byte(0x5D)
    case .none:
      writer.raw("{}")
    case .single:
      break
    }
  }

  /// Starts a member of `level` (comma and indentation), closing a child left open.
  func beginMember(of level: Level) {
    if let child = level.openChild {
      close(child)
      level.openChild = nil
    }
    if level.count > 0 { writer.byte(0x2C) }
    writer.newline(level.depth + 1)
    level.count += 1
  }

  func key(_ key: String) {
    writer.string(key)
    writer.byte(0x3A)
    if writer.pretty { writer.byte(0x20) }
  }

  /// Writes `value` as a complete JSON value at `depth`.
  func value<T: Encodable>(_ value: T, depth: Int, codingPath: [any CodingKey]) throws {
    switch value {
    case let v as String: writer.string(v)
    case let v as Int: writer.integer(v)
    case let v as Bool: writer.raw(v ? "true" : "false")
    case let v as Double: writer.double(v)
    default:
      let level = Level(depth: depth)
      try value.encode(to: StreamingEncoder(sink: self, level: level, codingPath: codingPath))
      close(level)
    }
  }
}

struct StreamingEncoder: Encoder {
  let sink: StreamingJSONSink
  let level: StreamingJSONSink.Level
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if level.kind == .none {
      level.kind = .object
      sink.writer.byte(0x7B)
    }
    return KeyedEncodingContainer(StreamingKeyedContainer<Key>(sink: sink, level: level, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if level.kind == .none {
      level.kind = .array
      sink.writer.byte(0x5B)
    }
    return StreamingUnkeyedContainer(sink: sink, level: level, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    StreamingSingleValueContainer(sink: sink, level: level, codingPath: codingPath)
  }
}

private struct StreamingKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let sink: StreamingJSONSink
  let level: StreamingJSONSink.Level
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    sink.beginMember(of: level)
    sink.key(key.stringValue)
    sink.writer.raw("null")
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    sink.beginMember(of: level)
    sink.key(key.stringValue)
    try sink.value(value, depth: level.depth + 1, codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    sink.beginMember(of: level)
    sink.key(key.stringValue)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    sink.beginMember(of: level)
    sink.key(key.stringValue)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    sink.beginMember(of: level)
    sink.key(key.stringValue)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath)
  }
}

private struct StreamingUnkeyedContainer: UnkeyedEncodingContainer {
  let sink: StreamingJSONSink
  let level: StreamingJSONSink.Level
  let codingPath: [any CodingKey]
  var count: Int { level.count }

  mutating func encodeNil() throws {
    sink.beginMember(of: level)
    sink.writer.raw("null")
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    sink.beginMember(of: level)
    try sink.value(value, depth: level.depth + 1, codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
    sink.beginMember(of: level)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    sink.beginMember(of: level)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    sink.beginMember(of: level)
    let child = StreamingJSONSink.Level(depth: level.depth + 1)
    level.openChild = child
    return StreamingEncoder(sink: sink, level: child, codingPath: codingPath)
  }
}

private struct StreamingSingleValueContainer: SingleValueEncodingContainer {
  let sink: StreamingJSONSink
  let level: StreamingJSONSink.Level
  let codingPath: [any CodingKey]

  private func mark() { level.kind = .single }

  mutating func encodeNil() throws { mark(); sink.writer.raw("null") }
  mutating func encode(_ value: Bool) throws { mark(); sink.writer.raw(value ? "true" : "false") }
  mutating func encode(_ value: String) throws { mark(); sink.writer.string(value) }
  mutating func encode(_ value: Double) throws { mark(); sink.writer.double(value) }
  mutating func encode(_ value: Float) throws { mark(); sink.writer.double(Double(value)) }
  mutating func encode(_ value: Int) throws { mark(); sink.writer.integer(value) }
  mutating func encode(_ value: Int8) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: Int16) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: Int32) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: Int64) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: UInt) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: UInt8) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: UInt16) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: UInt32) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode(_ value: UInt64) throws { mark(); sink.writer.integer(Int(value)) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    mark()
    try sink.value(value, depth: level.depth, codingPath: codingPath)
  }
}
