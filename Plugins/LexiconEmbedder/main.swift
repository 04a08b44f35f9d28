import Foundation

// LexiconEmbedder OUTPUT FILE…: writes the files' texts as one Swift array of (name, text),
// in the order given, as string literals with every non-ASCII scalar kept as is.
let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
  FileHandle.standardError.write(Data("usage: LexiconEmbedder OUTPUT FILE…\n".utf8))
  exit(64)
}

func literal(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\n": result += "\\n"
    case "\r": result += "\\r"
    case "\t": result += "\\t"
    default:
      if scalar.value < 0x20 || scalar.value == 0x7F {
        result += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
  }
  return result + "\""
}

var source = "// Generated at build time by the EmbedLexicon plugin from Resources/Lexicon; do not edit.\n\n"
source += "extension Lexicon {\n  static let embeddedFiles: [(name: String, text: String)] = [\n"
for path in arguments.dropFirst() {
  let url = URL(fileURLWithPath: path)
  guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
    FileHandle.standardError.write(Data("LexiconEmbedder: \(path): not readable as UTF-8\n".utf8))
    exit(1)
  }
  source += "    (\(literal(url.lastPathComponent)), \(literal(text))),\n"
}
source += "  ]\n}\n"
do {
  try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
  FileHandle.standardError.write(Data("LexiconEmbedder: \(output): \(error)\n".utf8))
  exit(74)
}
