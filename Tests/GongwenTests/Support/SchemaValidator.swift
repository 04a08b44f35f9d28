import Foundation

/// Checks JSON (as Foundation objects) against the subset of JSON Schema that
/// `Docs/document.schema.json` uses: type, const, enum, required, properties,
/// additionalProperties: false, items, anyOf, $ref to $defs, minLength, minimum, pattern.
struct SchemaValidator {
  let root: [String: Any]

  init(contentsOf url: URL) throws {
    root = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
  }

  /// The violations found, as `path: reason` lines; empty when the value conforms.
  func violations(of value: Any) -> [String] {
    var found: [String] = []
    check(value, against: root, at: "$", into: &found)
    return found
  }

  private func resolve(_ schema: [String: Any]) -> [String: Any] {
    guard let ref = schema["$ref"] as? String, ref.hasPrefix("#/$defs/") else { return schema }
    let name = String(ref.dropFirst("#/$defs/".count))
    return (root["$defs"] as! [String: Any])[name] as! [String: Any]
  }

  private func typeName(_ value: Any) -> String {
    switch value {
    case is NSNull: return "null"
    case let n as NSNumber:
      // The document's JSON has no booleans, so every number is read as a number.
      return n.doubleValue == n.doubleValue.rounded() ? "integer" : "number"
    case is String: return "string"
    case is [Any]: return "array"
    case is [String: Any]: return "object"
    default: return "unknown"
    }
  }

  private static func equal(_ a: Any, _ b: Any) -> Bool {
    switch (a, b) {
    case (is NSNull, is NSNull): return true
    case let (x as String, y as String): return x == y
    case let (x as NSNumber, y as NSNumber): return x.doubleValue == y.doubleValue
    default: return false
    }
  }

  private func check(_ value: Any, against raw: [String: Any], at path: String, into found: inout [String]) {
    let schema = resolve(raw)
    if let options = schema["anyOf"] as? [[String: Any]] {
      let matches = options.contains { option in
        var sub: [String] = []
        check(value, against: option, at: path, into: &sub)
        return sub.isEmpty
      }
      if !matches { found.append("\(path): matches no alternative") }
      return
    }
    let type = typeName(value)
    if let expected = schema["type"] {
      let allowed = (expected as? [String]) ?? [expected as! String]
      if !allowed.contains(type) && !(type == "integer" && allowed.contains("number")) {
        found.append("\(path): \(type) where \(allowed.joined(separator: "|")) is expected")
        return
      }
    }
    if let constant = schema["const"], !Self.equal(value, constant) {
      found.append("\(path): not \(constant)")
    }
    if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
      found.append("\(path): \(value) is not one of the allowed values")
    }
    if let string = value as? String {
      if let minimum = schema["minLength"] as? Int, string.count < minimum {
        found.append("\(path): shorter than \(minimum)")
      }
      if let pattern = schema["pattern"] as? String, string.range(of: pattern, options: .regularExpression) == nil {
        found.append("\(path): \"\(string)\" does not match \(pattern)")
      }
    }
    if let number = value as? NSNumber, type == "integer", let minimum = schema["minimum"] as? Int, number.intValue < minimum {
      found.append("\(path): below \(minimum)")
    }
    if let object = value as? [String: Any] {
      let properties = schema["properties"] as? [String: Any] ?? [:]
      for key in schema["required"] as? [String] ?? [] where object[key] == nil {
        found.append("\(path): missing \(key)")
      }
      for (key, member) in object {
        if let propertySchema = properties[key] as? [String: Any] {
          check(member, against: propertySchema, at: "\(path).\(key)", into: &found)
        } else if schema["additionalProperties"] as? Bool == false {
          found.append("\(path): unexpected key \(key)")
        }
      }
    }
    if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
      for (index, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(index)]", into: &found) }
    }
  }
}
