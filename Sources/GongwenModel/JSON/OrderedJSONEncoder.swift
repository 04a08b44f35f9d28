/// Encodes `Encodable` values to JSON keeping keys in the order `encode(to:)` writes them.
///
/// Foundation's `JSONEncoder` on Linux orders keys arbitrarily unless told to sort them, and
/// sorting would break the contract's order; this encoder keeps the declared order, writes
/// `null` for nil values encoded with `encode(_:forKey:)`, and leaves Chinese unescaped.
public struct OrderedJSONEncoder: Sendable {
  /// Whether to indent by two spaces and put each member on its own line.
  public var prettyPrinted: Bool

  /// Creates an encoder writing compact JSON, or indented JSON with `prettyPrinted`.
  public init(prettyPrinted: Bool = false) { self.prettyPrinted = prettyPrinted }

  /// The value as a ``JSONValue`` tree (its JSON text, read back).
  public func encodeToValue<T: Encodable>(_ value: T) throws -> JSONValue {
    try JSONValue(parsing: try encode(value))
  }

  /// The JSON text of `value`, keys in the order it encodes them.
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
