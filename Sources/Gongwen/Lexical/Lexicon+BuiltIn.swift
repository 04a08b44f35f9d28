extension Lexicon {
  /// How loading the built-in lexicon went.
  public enum BuiltInStatus: Hashable, Sendable {
    /// Loaded from the data files compiled into the library.
    case embedded
    /// A data file could not be read; the built-in lexicon is empty.
    case invalid(LexiconFileError)

    /// A sentence for a diagnostic when the built-in lexicon is empty, else nil.
    public var problem: String? {
      switch self {
      case .embedded: return nil
      case .invalid(let error): return "the built-in lexicon could not be read: \(error)"
      }
    }
  }

  /// The lexicon shipped in the package (`Resources/Lexicon/*.txt`, compiled into the library
  /// at build time), parsed once on first use. Never crashes: if a file cannot be read it is
  /// empty and ``builtInStatus`` says why.
  public static var builtIn: Lexicon { loadedBuiltIn.lexicon }

  /// Whether ``builtIn`` was loaded.
  public static var builtInStatus: BuiltInStatus { loadedBuiltIn.status }

  private static let loadedBuiltIn: (lexicon: Lexicon, status: BuiltInStatus) = {
    var entries: [LexiconEntry] = []
    for file in embeddedFiles {
      do throws(LexiconFileError) {
        entries += try parse(file.text, path: file.name)
      } catch {
        return (.empty, .invalid(error))
      }
    }
    return (Lexicon(entries: entries), .embedded)
  }()
}
