/// A `JSONValue` encodes as the JSON it holds, so values that carry arbitrary JSON (the expected
/// and actual values of an evaluation miss) can be encoded with any encoder. With
/// ``OrderedJSONEncoder`` object keys keep their order; decoders that read into dictionaries
/// (Foundation's `JSONDecoder`) give keys in their own order.
extension JSONValue: Codable {
  private struct Key: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
  }

  /// Encodes the JSON the value holds, object keys in their order.
  public func encode(to encoder: any Encoder) throws {
    switch self {
    case .null:
      var c = encoder.singleValueContainer()
      try c.encodeNil()
    case .bool(let b):
      var c = encoder.singleValueContainer()
      try c.encode(b)
    case .int(let i):
      var c = encoder.singleValueContainer()
      try c.encode(i)
    case .double(let d):
      var c = encoder.singleValueContainer()
      try c.encode(d)
    case .string(let s):
      var c = encoder.singleValueContainer()
      try c.encode(s)
    case .array(let items):
      var c = encoder.unkeyedContainer()
      for item in items { try c.encode(item) }
    case .object(let members):
      var c = encoder.container(keyedBy: Key.self)
      for member in members { try c.encode(member.value, forKey: Key(stringValue: member.key)) }
    }
  }

  /// Decodes any JSON value; object keys come in the order the decoder gives them.
  public init(from decoder: any Decoder) throws {
    if let c = try? decoder.container(keyedBy: Key.self) {
      self = .object(try c.allKeys.map { ($0.stringValue, try c.decode(JSONValue.self, forKey: $0)) })
    } else if var c = try? decoder.unkeyedContainer() {
      var items: [JSONValue] = []
      while !c.isAtEnd { items.append(try c.decode(JSONValue.self)) }
      self = .array(items)
    } else {
      let c = try decoder.singleValueContainer()
      if c.decodeNil() {
        self = .null
      } else if let b = try? c.decode(Bool.self) {
        self = .bool(b)
      } else if let i = try? c.decode(Int.self) {
        self = .int(i)
      } else if let d = try? c.decode(Double.self) {
        self = .double(d)
      } else {
        self = .string(try c.decode(String.self))
      }
    }
  }
}
