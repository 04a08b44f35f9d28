import Foundation

/// Converts many documents to JSON files: one output per input, mirroring the input tree
/// below ``outputDirectory`` (`archive/2021/minutes-126.txt` → `OUT/2021/minutes-126.json`),
/// each written atomically, at most ``jobs`` at once.
///
/// Reading, parsing, encoding and writing all happen in the jobs, so the consumer only
/// tallies; no document outlives its job. With ``resume``, inputs whose output is at least as
/// new as the input, not empty, and recorded in the manifest (``manifestName``) as made from that
/// input by the same parser with the same options (``madeBy``) are skipped without being read;
/// changing an option or the parser converts everything again. A run killed midway leaves
/// every output either absent or complete; ``removeStaleTemporaryFiles(olderThan:)`` clears the
/// temporary files it left behind. Outputs are not flushed to the disk one by one unless
/// ``synchronizes`` is set: after a power cut a file system may keep a renamed output empty,
/// which resuming treats as missing.
///
/// Inputs are mirrored relative to the folder they were found in, and files named directly go
/// to the top of the output folder. With a ``plan`` (``BatchPlan``, made by walking the inputs
/// before converting), no two inputs share an output — inputs whose names collide, ignoring
/// case, are written to `NAME~2.json`, … — and no output is ever written over an input. Without
/// one, outputs follow the plain rule and the last input written to a name wins.
public struct BatchConverter: Sendable {
  /// The parser every input goes through.
  public var parser: DocumentParser
  /// The folder outputs are written to, mirroring the inputs' relative paths.
  public var outputDirectory: URL { didSet { outputDirectoryPath = outputDirectory.path } }
  /// `outputDirectory.path`, kept: the getter costs more than writing a small output.
  private var outputDirectoryPath: String
  /// How many inputs are converted at once (at least 1).
  public var jobs: Int
  /// Skip inputs whose output is at least as new as the input and was made from it the same
  /// way: by this parser (``madeBy``), with these options, as the manifest records.
  public var resume: Bool
  /// Write indented JSON instead of one line per document.
  public var prettyPrinted: Bool
  /// Make each output durable before renaming it into place, and the rename durable too
  /// (survives power cuts): outputs are flushed in groups of ``synchronizationGroupSize``, two
  /// disk flushes per group (see ``BatchConversions``).
  public var synchronizes: Bool
  /// How many outputs share one flush with ``synchronizes`` (1: each output on its own).
  public var synchronizationGroupSize = 64
  /// Where each input goes, settled before converting (see ``BatchPlan``); nil for the plain
  /// rule of ``outputURL(for:)``.
  public var plan: BatchPlan?

  /// Creates a BatchConverter from its parts; each argument sets the property of the same name.
  public init(
    parser: DocumentParser = DocumentParser(), outputDirectory: URL, jobs: Int = BatchParser.defaultJobs,
    resume: Bool = false, prettyPrinted: Bool = false, synchronizes: Bool = false
  ) {
    self.parser = parser
    self.outputDirectory = outputDirectory
    outputDirectoryPath = outputDirectory.path
    self.jobs = max(1, jobs)
    self.resume = resume
    self.prettyPrinted = prettyPrinted
    self.synchronizes = synchronizes
  }

  /// Converts every file of `files` (typically a ``FileWalker``), delivering each outcome as
  /// it completes, and records each output in the manifest (``manifestName``). With
  /// ``synchronizes``, outcomes come in groups, once their outputs are durable
  /// (``BatchConversions``).
  public func conversions<Files: Sequence & Sendable>(for files: Files) -> BatchConversions
  where Files.Element == InputFile {
    let converter = self
    let log = ConversionLog(directory: outputDirectory, madeBy: madeBy, resume: resume)
    let base = BatchSequence(files, jobs: jobs, order: .completion) { file in converter.convert(file, log: log) }
    return BatchConversions(base: base, converter: self, log: log)
  }

  /// Where the JSON of `file` goes: its relative path with a text extension (`.txt`, `.text`)
  /// replaced by `.json`; other formats keep theirs (`a.pdf` → `a.pdf.json`), so `a.txt` and
  /// `a.pdf` beside it do not share one output. The ``plan`` moves an input whose name is taken
  /// to `a~2.json`.
  public func outputURL(for file: InputFile) -> URL {
    outputDirectory.appendingPathComponent(plan?.outputs[file.path] ?? Self.relativeOutputPath(for: file), isDirectory: false)
  }

  /// The plain rule of ``outputURL(for:)``, relative to the output folder.
  /// Read on the UTF-8 of the path: `/` and `.` are single bytes, and the extension is compared
  /// ignoring ASCII case (splitting and lowercasing Strings cost more than writing the output).
  static func relativeOutputPath(for file: InputFile) -> String {
    let relative = file.relativePath
    let utf8 = relative.utf8
    let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
    guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else {
      return relative + ".json"
    }
    let lowered = utf8[utf8.index(after: dot)...].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    guard lowered.elementsEqual("txt".utf8) || lowered.elementsEqual("text".utf8) else { return relative + ".json" }
    return String(relative[..<dot]) + ".json"
  }

  /// Converts one input: reads, parses and writes its JSON atomically. (Resuming needs the
  /// manifest, which ``conversions(for:)`` keeps: this converts whatever ``resume`` says.)
  public func convert(_ file: InputFile) -> BatchConversion {
    convert(file, log: nil)
  }

  /// Converts one input, or skips it when resuming and `log` says its output was made from it,
  /// the same way, and is at least as new as it.
  func convert(_ file: InputFile, log: ConversionLog?) -> BatchConversion {
    if let ignored = file.ignored { return BatchConversion(file: file, outcome: .ignored(ignored), byteCount: 0) }
    let relative = plan?.outputs[file.path] ?? Self.relativeOutputPath(for: file)
    // `isDirectory: false`: without it, making the URL asks the file system.
    let output = outputDirectory.appendingPathComponent(relative, isDirectory: false)
    let outputPath = (outputDirectoryPath.hasSuffix("/") ? outputDirectoryPath : outputDirectoryPath + "/") + relative
    if resume, let log, file.problem == nil, case .file(let input) = file.location,
      log.madeAlike(output: relative, input: file.path),
      let written = FileStatus(path: outputPath), written.size > 0,
      let read = FileStatus(path: input.path), written.modified >= read.modified
    {
      return BatchConversion(file: file, outcome: .skipped(output: output), byteCount: 0)
    }
    let result = BatchParser.parse(file, with: parser)
    switch result.outcome {
    case .failure(let error):
      return BatchConversion(file: file, outcome: .failed(BatchFailure(error)), byteCount: result.byteCount)
    case .success(let document):
      var json = document.jsonBytes(prettyPrinted: prettyPrinted)
      json.append(0x0A)
      if plan?.isInputFile(outputPath) == true {
        return BatchConversion(
          file: file,
          outcome: .failed(BatchFailure(code: BatchFailure.unwritable, reason: "\(outputPath) is an input; it is not overwritten")),
          byteCount: result.byteCount)
      }
      var staged: BatchConversion.Staged?
      do {
        if synchronizes {
          // Written now, made durable and renamed with its group (BatchConversions).
          staged = BatchConversion.Staged(temporary: try AtomicFile.stage(json, for: output), output: output, relative: relative)
        } else {
          try AtomicFile.write(json, toPath: outputPath)
          log?.recordWritten(output: relative, input: file.path)
        }
      } catch {
        return BatchConversion(file: file, outcome: .failed(BatchFailure(writing: output, error)), byteCount: result.byteCount)
      }
      var conversion = BatchConversion(
        file: file, outcome: .converted(output: output), byteCount: result.byteCount,
        inputDiagnostics: result.inputDiagnostics)
      conversion.staged = staged
      return conversion
    }
  }

  /// The name of the report in the output folder.
  public static let reportName = "gongwen-report.json"

  /// Writes `report` as ``reportName`` in the output folder, atomically, and returns where.
  @discardableResult
  public func writeReport(_ report: BatchReport) throws -> URL {
    let url = outputDirectory.appendingPathComponent(Self.reportName)
    try AtomicFile.write((report.jsonString() + "\n").utf8, to: url, durable: synchronizes)
    return url
  }

  /// Removes temporary files that killed runs left in the output folder. Returns how many.
  @discardableResult
  public func removeStaleTemporaryFiles(olderThan date: Date) -> Int {
    AtomicFile.removeStaleTemporaryFiles(in: outputDirectory, olderThan: date)
  }
}

/// What became of one input of a conversion.
public struct BatchConversion: Sendable {
  /// What was done with the input.
  public enum Outcome: Sendable, Hashable {
    /// The JSON was written to `output`.
    case converted(output: URL)
    /// Resuming: `output` was already at least as new as the input.
    case skipped(output: URL)
    /// The input has no output, for the reason given.
    case failed(BatchFailure)
    /// Not an input: an entry the walk passed over (a FIFO, a dangling link, a link loop, a
    /// link out of the tree), counted in the report.
    case ignored(BatchFailure)
  }

  /// The input.
  public var file: InputFile
  /// What was done with it.
  public var outcome: Outcome
  /// How many bytes were read (0 when skipped or unreadable).
  public var byteCount: Int
  /// What decoding noticed in an input converted all the same (a truncated last character,
  /// replaced bytes).
  public var inputDiagnostics: [Diagnostic]
  /// An output written to its temporary file, waiting for its group's flush and rename.
  struct Staged: Sendable {
    var temporary: URL
    var output: URL
    var relative: String
  }
  var staged: Staged?

  /// Creates a BatchConversion from its parts; each argument sets the property of the same name.
  public init(file: InputFile, outcome: Outcome, byteCount: Int, inputDiagnostics: [Diagnostic] = []) {
    self.file = file
    self.outcome = outcome
    self.byteCount = byteCount
    self.inputDiagnostics = inputDiagnostics
  }
}

/// Why an input of a batch has no output: an ``InputError``'s code and message, or a write
/// failure.
public struct BatchFailure: Error, Sendable, Hashable, CustomStringConvertible {
  /// The code: an ``InputError/Code`` raw value, or ``unwritable``.
  public var code: String
  /// A sentence for people.
  public var reason: String

  /// The output could not be written.
  public static let unwritable = "output-unwritable"
  /// The disk failed or is full (`EIO`, `ENOSPC`, `EDQUOT`): a batch stops at the first one.
  public static let ioError = "io-error"

  /// Creates a failure with its code and reason.
  public init(code: String, reason: String) {
    self.code = code
    self.reason = reason
  }

  /// The failure to read an input, with the ``InputError``'s code and message.
  public init(_ error: InputError) {
    self.init(code: error.code.rawValue, reason: error.message)
  }

  /// The failure to write `output`: ``ioError`` for a full or failing disk, else ``unwritable``.
  public init(writing output: URL, _ error: any Error) {
    let number = (error as? FileWriteError)?.number
    let isDiskError = number.map { [EIO, ENOSPC, EDQUOT].contains($0) } ?? false
    self.init(
      code: isDiskError ? Self.ioError : Self.unwritable,
      reason: "cannot write \(output.path): \((error as? FileWriteError)?.reason ?? error.localizedDescription)")
  }

  /// `code: reason`, as the report and the command line print it.
  public var description: String { "\(code): \(reason)" }
}
