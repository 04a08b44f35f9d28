import ArgumentParser
import Foundation
import Gongwen

/// Options every command that reads documents shares.
struct InputOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("Read inputs in this encoding instead of detecting it (utf-8, gb18030, gbk, big5, utf-16le…).", valueName: "name"))
  var encoding: String?

  @Flag(name: .long, help: "Replace invalid byte sequences with U+FFFD (reported as a diagnostic) instead of failing.")
  var replaceInvalid = false

  @Flag(name: .customLong("simplified"), help: "Convert Traditional characters to Simplified (繁体 → 简体).")
  var convertsToSimplified = false

  @Option(name: .long, help: ArgumentHelp("Refuse inputs larger than this many megabytes.", valueName: "MB"))
  var maxSize: Int = 64

  @Option(name: .long, help: ArgumentHelp("Add the entries of this lexicon file to the built-in lexicon.", valueName: "file"))
  var lexicon: String?

  /// An encoding no converter knows is a usage error (exit 64), not a failure of each input.
  func validate() throws {
    try validateLexicon()
    guard let encoding else { return }
    do {
      _ = try TextDecoder(options: .init(encoding: TextEncoding(name: encoding))).decode(Data("a".utf8))
    } catch where error.code == .unknownEncoding {
      throw ValidationError("--encoding \(encoding): no such encoding (try utf-8, gb18030, gbk, big5, utf-16le).")
    } catch {}
  }

  /// Checked before anything is read: a lexicon file that is missing, malformed or empty stops
  /// the command (exit 1) instead of silently parsing with fewer words.
  private func validateLexicon() throws {
    if let lexicon { _ = try Self.userLexicon(at: lexicon) }
  }

  private static func userLexicon(at path: String) throws -> Lexicon {
    let user: Lexicon
    do {
      user = try Lexicon(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure(path: path, reason: "invalid-lexicon: \(error.description)")
    }
    guard !user.entries.isEmpty else { throw CommandFailure(path: path, reason: "invalid-lexicon: the file holds no entries") }
    return user
  }

  var configuration: DocumentParser.Configuration {
    DocumentParser.Configuration(
      decoding: TextDecoder.Options(
        encoding: encoding.map(TextEncoding.init(name:)), replacingInvalidBytes: replaceInvalid,
        maximumByteCount: maxSize * 1_000_000),
      normalization: Normalizer.Options(convertsTraditionalToSimplified: convertsToSimplified),
      lexicon: lexicon.flatMap { try? Self.userLexicon(at: $0) }.map { Lexicon.builtIn.merging($0) } ?? .builtIn)
  }

  /// A parser configured by these options.
  var parser: DocumentParser { DocumentParser(configuration: configuration) }

  /// Reads `path` in any supported format (`-` is standard input), or throws a ``CommandFailure`` naming
  /// the file and the reason.
  func decode(_ path: String) throws -> DecodedText {
    let reader = DocumentReader(options: configuration.decoding)
    do {
      if path == "-" {
        return try reader.read(FileHandle.standardInput.readDataToEndOfFile())
      }
      return try reader.read(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure(path: path, reason: error.description)
    }
  }
}

/// A document that could not be processed: printed as `gongwen: PATH: reason`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
  var path: String
  var reason: String
  var description: String { "\(path == "-" ? "<stdin>" : path): \(reason)" }
}

extension CommandFailure: CustomNSError {
  static var errorDomain: String { "gongwen" }
  var errorCode: Int { 1 }
}
