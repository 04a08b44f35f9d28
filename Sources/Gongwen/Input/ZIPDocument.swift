import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// A ZIP package (DOCX, OFD) opened in memory, its parts read by path.
struct ZIPDocument {
  private let archive: Archive

  init(_ bytes: Data) throws(InputError) {
    do {
      archive = try Archive(data: bytes, accessMode: .read)
    } catch {
      throw InputError(code: .corrupt, message: "not a readable ZIP package (truncated or damaged)")
    }
  }

  /// DOCX when the package holds `word/document.xml`, OFD when it holds `OFD.xml`.
  static func format(of bytes: Data) throws(InputError) -> SourceFormat {
    let package = try ZIPDocument(bytes)
    if package.archive["word/document.xml"] != nil { return .docx }
    if package.archive["OFD.xml"] != nil { return .ofd }
    throw InputError(code: .corrupt, message: "a ZIP package that is neither DOCX (word/document.xml) nor OFD (OFD.xml)")
  }

  /// The part at `path`, or nil when the package has none.
  func part(_ path: String) throws(InputError) -> Data? {
    let normalized = path.hasPrefix("/") ? String(path.dropFirst()) : path
    guard let entry = archive[normalized] else { return nil }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
    } catch {
      throw InputError(code: .corrupt, message: "the part \(normalized) cannot be read (\(error))")
    }
    return data
  }

  /// The part at `path` parsed as XML; a missing or malformed part is a corrupt package.
  func xml(_ path: String) throws(InputError) -> PartElement {
    guard let data = try part(path) else {
      throw InputError(code: .corrupt, message: "the package has no \(path)")
    }
    return try PartElement.parse(data, name: path)
  }
}

/// An XML element with names stripped of their namespace prefixes: the small tree DOCX and
/// OFD parts are read from.
final class PartElement {
  let name: String
  let attributes: [String: String]
  var children: [XMLNode] = []

  enum XMLNode {
    case element(PartElement)
    case text(String)
  }

  init(name: String, attributes: [String: String]) {
    self.name = name
    self.attributes = attributes
  }

  var elements: [PartElement] {
    children.compactMap { if case .element(let element) = $0 { element } else { nil } }
  }

  func first(_ name: String) -> PartElement? { elements.first { $0.name == name } }

  /// Every element below this one named `name`, in document order.
  func descendants(_ name: String) -> [PartElement] {
    var found: [PartElement] = []
    for element in elements {
      if element.name == name { found.append(element) }
      found += element.descendants(name)
    }
    return found
  }

  /// The concatenated text below this element.
  var text: String {
    children.map { node in
      switch node {
      case .text(let text): text
      case .element(let element): element.text
      }
    }.joined()
  }

  func attribute(_ name: String) -> String? { attributes[name] }

  static func parse(_ data: Data, name: String) throws(InputError) -> PartElement {
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.delegate = builder
    guard parser.parse(), let root = builder.root else {
      throw InputError(code: .corrupt, message: "\(name) is not well-formed XML")
    }
    return root
  }

  private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: PartElement?
    private var stack: [PartElement] = []

    private static func local(_ name: String) -> String {
      name.firstIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      var local: [String: String] = [:]
      for (key, value) in attributes { local[Self.local(key)] = value }
      let element = PartElement(name: Self.local(elementName), attributes: local)
      if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
      stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
      _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
      stack.last?.children.append(.text(string))
    }
  }
}
