import Foundation

/// Where every input of a batch goes, settled by walking the inputs once before anything is
/// written, so that no two inputs share an output and no output is written over an input.
///
/// Each input's output is its relative path with a text extension replaced by `.json`
/// (``BatchConverter/outputURL(for:)``). Output names are compared the way a case-insensitive
/// disk compares them: ignoring case, after Unicode canonical composition (`a.txt`, `A.TXT` and
/// `a.text` all claim `a.json`). The rule for a name claimed more than once: the first input in
/// walk order keeps it; each later one gets the first free `NAME~2.json`, `NAME~3.json`, … in
/// the same folder, free meaning claimed by no input and reserved for nothing. The report's name
/// (``BatchConverter/reportName``) at the top of the output folder is reserved, and so is every
/// name that is already one of the inputs (an output folder holding inputs): such inputs move on
/// to a `~N` name as well. Every input moved is listed in ``renamed``.
///
/// The plan keeps one folded name per input (about a hundred bytes each) and the identities of
/// the input files; renamed inputs are found again by their path.
public struct BatchPlan: Sendable {
  /// How many inputs the walk yields (for progress displays).
  public var inputCount = 0
  /// The inputs that do not get their own name, in walk order: `path` is the input, `code`
  /// ``BatchPlan/renamedCode``, `reason` which input or file holds the name and where the output
  /// goes instead.
  public var renamed: [BatchReport.Entry] = []
  /// Why the batch cannot run (a file the batch itself writes is one of the inputs), or nil.
  public var refusal: String?
  /// Relative output paths of the renamed inputs, by input path.
  var outputs: [String: String] = [:]
  /// The input files, so that no output is ever renamed over one.
  var inputs: Set<FileIdentity> = []

  /// The code of a renamed input in ``renamed``.
  public static let renamedCode = "output-renamed"

  /// Walks `files` (twice: once to learn every claimed name and every input, once to settle the
  /// outputs) for `converter`.
  public init<Files: Sequence>(for files: Files, converter: BatchConverter) where Files.Element == InputFile {
    self.init(for: files, outputDirectory: converter.outputDirectory)
  }

  /// The plan for a batch writing below `outputDirectory`: the same as
  /// ``init(for:converter:)``, without a converter — and so without a parser, whose lexicon
  /// `gongwen batch` loads while this walks.
  package init<Files: Sequence>(for files: Files, outputDirectory: URL) where Files.Element == InputFile {
    var claimed: Set<String> = []
    for file in files where file.ignored == nil {
      inputCount += 1
      claimed.insert(Self.key(BatchConverter.relativeOutputPath(for: file)))
      if case .file(let url) = file.location, let identity = FileIdentity(path: url.path) { inputs.insert(identity) }
    }
    for name in [BatchConverter.reportName, BatchConverter.manifestName] {
      let url = outputDirectory.appendingPathComponent(name, isDirectory: false)
      if let identity = FileIdentity(path: url.path), inputs.contains(identity) {
        refusal = "\(url.path) is one of the inputs and would be overwritten; choose another output folder"
        return
      }
    }
    let reserved = Self.key(BatchConverter.reportName)
    claimed.insert(reserved)
    // Folded name → the input that has it ("" for the report).
    var holders: [String: String] = [reserved: ""]
    for file in files where file.ignored == nil {
      let relative = BatchConverter.relativeOutputPath(for: file)
      let key = Self.key(relative)
      let holder = holders[key]
      if holder == file.path { continue }  // the same input named twice
      let isInput = isInputFile(outputDirectory.appendingPathComponent(relative, isDirectory: false).path)
      if holder == nil && !isInput {
        holders[key] = file.path
        continue
      }
      var number = 2
      var candidate = Self.numbered(relative, number)
      while claimed.contains(Self.key(candidate)) || holders[Self.key(candidate)] != nil
        || isInputFile(outputDirectory.appendingPathComponent(candidate, isDirectory: false).path)
      {
        number += 1
        candidate = Self.numbered(relative, number)
      }
      holders[Self.key(candidate)] = file.path
      outputs[file.path] = candidate
      let taker =
        isInput
        ? "is an input file" : holder == "" ? "is the report's" : "is taken by \(holder ?? "")"
      renamed.append(
        BatchReport.Entry(
          path: file.path, code: Self.renamedCode,
          reason: "the output name \(relative) \(taker) (names are compared ignoring case); written to \(candidate)"))
    }
  }

  /// Whether `path` names one of the inputs.
  func isInputFile(_ path: String) -> Bool {
    FileIdentity(path: path).map { inputs.contains($0) } ?? false
  }

  /// A name as a case-insensitive disk compares it.
  static func key(_ relative: String) -> String {
    // ASCII composes to itself: only other names need Foundation's composition (slow).
    if relative.utf8.allSatisfy({ $0 < 0x80 }) { return relative.lowercased() }
    return relative.precomposedStringWithCanonicalMapping.lowercased()
  }

  /// `dir/a.json` → `dir/a~2.json`.
  static func numbered(_ relative: String, _ number: Int) -> String {
    String(relative.dropLast(".json".count)) + "~\(number).json"
  }
}
