import Foundation

extension Lexicon {
  /// How loading the built-in lexicon went.
  public enum BuiltInStatus: Hashable, Sendable {
    /// Loaded from this folder.
    case loaded(directory: String)
    /// The package's resource bundle was not found (a binary copied away from its build
    /// folder); the built-in lexicon is empty. Lists the folders searched.
    case missing(searched: [String])
    /// A data file could not be read; the built-in lexicon is empty.
    case invalid(LexiconFileError)

    /// A sentence for a diagnostic when the built-in lexicon is empty, else nil.
    public var problem: String? {
      switch self {
      case .loaded: return nil
      case .missing(let searched):
        return "the built-in lexicon was not found (searched \(searched.joined(separator: ", "))); set "
          + "\(Lexicon.directoryVariable) to the folder of its files"
      case .invalid(let error): return "the built-in lexicon could not be read: \(error)"
      }
    }
  }

  /// The environment variable that names the folder of the built-in lexicon files, for
  /// binaries installed away from their resource bundle.
  public static let directoryVariable = "GONGWEN_LEXICON"

  /// The lexicon shipped in the package's resources (`Resources/Lexicon/*.txt`), loaded once on
  /// first use. Never crashes: when the files cannot be found or read it is empty and
  /// ``builtInStatus`` says why.
  public static var builtIn: Lexicon { loadedBuiltIn.lexicon }

  /// Whether ``builtIn`` was loaded, and from where.
  public static var builtInStatus: BuiltInStatus { loadedBuiltIn.status }

  private static let loadedBuiltIn: (lexicon: Lexicon, status: BuiltInStatus) = {
    let (directory, searched) = builtInDirectory()
    guard let directory else { return (.empty, .missing(searched: searched.map(\.path))) }
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasSuffix(".txt") }.sorted()
    var entries: [LexiconEntry] = []
    for file in files {
      do throws(LexiconFileError) {
        entries += try Lexicon(contentsOf: directory.appendingPathComponent(file)).entries
      } catch {
        return (.empty, .invalid(error))
      }
    }
    return (Lexicon(entries: entries), .loaded(directory: directory.path))
  }()

  /// The folder of the built-in lexicon files. SwiftPM's generated `Bundle.module` stops the
  /// process when the bundle is missing, so the bundle is looked for here: next to the
  /// executable, in the main bundle, next to every loaded bundle (test bundles), in each
  /// bundle's resources (macOS).
  private static func builtInDirectory() -> (found: URL?, searched: [URL]) {
    let fileManager = FileManager.default
    var searched: [URL] = []
    func holdsLexicon(_ url: URL) -> Bool {
      searched.append(url)
      var isDirectory: ObjCBool = false
      return fileManager.fileExists(atPath: url.appendingPathComponent("surnames.txt").path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
    if let variable = ProcessInfo.processInfo.environment[directoryVariable], !variable.isEmpty {
      let url = URL(fileURLWithPath: variable)
      if holdsLexicon(url) { return (url, searched) }
    }
    var bases: [URL] = []
    if let executable = Bundle.main.executableURL {
      bases.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
    }
    bases.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent())
    bases.append(Bundle.main.bundleURL)
    if let resources = Bundle.main.resourceURL { bases.append(resources) }
    for bundle in Bundle.allBundles + Bundle.allFrameworks {
      bases.append(bundle.bundleURL.deletingLastPathComponent())
      if let resources = bundle.resourceURL { bases.append(resources) }
    }
    var seen: Set<String> = []
    for base in bases where seen.insert(base.standardizedFileURL.path).inserted {
      for bundleName in ["Gongwen_Gongwen.resources", "Gongwen_Gongwen.bundle", "Gongwen_Gongwen.bundle/Contents/Resources"] {
        let candidate = base.appendingPathComponent(bundleName).appendingPathComponent("Lexicon")
        if holdsLexicon(candidate) { return (candidate, searched) }
      }
    }
    return (nil, searched)
  }
}
