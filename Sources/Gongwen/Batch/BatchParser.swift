import Foundation

/// Parses many documents concurrently: files and folders in, an asynchronous sequence of
/// per-file results out, with at most ``jobs`` documents being parsed at once.
///
/// Parsing is CPU-bound, so each job takes one core: `jobs` is the number of cores to use (the
/// default is all of them). One input that fails never stops the others; its result says why.
///
/// ```swift
/// let batch = BatchParser(jobs: 2)
/// for await result in batch.results(for: FileWalker(paths: ["archive"], extensions: ["txt"])) {
///   switch result.outcome {
///   case .success(let document): print(result.file.path, document.kind)
///   case .failure(let error): print(result.file.path, error)
///   }
/// }
/// ```
public struct BatchParser: Sendable {
  /// The parser every input goes through.
  public var parser: DocumentParser
  /// How many documents are parsed at once (at least 1).
  public var jobs: Int
  /// Whether results come as they complete or in the order of the inputs.
  public var order: BatchOrder

  /// The number of cores the system makes available: the default for ``jobs``.
  public static var defaultJobs: Int { ProcessInfo.processInfo.activeProcessorCount }

  /// Creates a BatchParser from its parts; each argument sets the property of the same name.
  public init(parser: DocumentParser = DocumentParser(), jobs: Int = BatchParser.defaultJobs, order: BatchOrder = .completion) {
    self.parser = parser
    self.jobs = max(1, jobs)
    self.order = order
  }

  /// Parses every file of `files` (typically a ``FileWalker``), pulling the next file only when
  /// a job is free.
  public func results<Files: Sequence & Sendable>(for files: Files) -> BatchSequence<BatchResult>
  where Files.Element == InputFile {
    let parser = self.parser
    return BatchSequence(files, jobs: jobs, order: order) { file in Self.parse(file, with: parser) }
  }

  /// Parses the files found under `paths` with the given extensions.
  public func results(forPaths paths: [String], extensions: [String] = SourceFormat.defaultExtensions) -> BatchSequence<BatchResult> {
    results(for: FileWalker(paths: paths, extensions: extensions))
  }

  /// Reads, decodes and parses one input.
  public func parse(_ file: InputFile) -> BatchResult {
    Self.parse(file, with: parser)
  }

  static func parse(_ file: InputFile, with parser: DocumentParser) -> BatchResult {
    let reader = DocumentReader(options: parser.configuration.decoding)
    var byteCount = 0
    do throws(InputError) {
      let bytes = try readBytes(of: file, limit: reader.options.maximumByteCount)
      byteCount = bytes.count
      let decoded = try reader.read(bytes)
      return BatchResult(
        file: file, outcome: .success(parser.parse(decoded)), byteCount: byteCount,
        inputDiagnostics: decoded.diagnostics)
    } catch {
      return BatchResult(file: file, outcome: .failure(error), byteCount: byteCount, inputDiagnostics: [])
    }
  }

  /// The bytes of an input, refusing inputs above `limit` before reading them whole.
  static func readBytes(of file: InputFile, limit: Int) throws(InputError) -> Data {
    if let problem = file.problem { throw problem }
    switch file.location {
    case .file(let url):
      return try TextDecoder.readBytes(of: url, limit: limit)
    case .standardInput:
      var data = Data()
      let handle = FileHandle.standardInput
      while let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty {
        data.append(chunk)
        if data.count > limit {
          throw InputError(
            code: .tooLarge, message: "standard input has more than \(limit) bytes, the limit")
        }
      }
      return data
    }
  }
}

/// What became of one input of a batch: its document, or why it could not be read.
public struct BatchResult: Sendable {
  /// The input.
  public var file: InputFile
  /// The document, or why the input could not be read.
  public var outcome: Result<Document, InputError>
  /// How many bytes were read (0 when the input could not be read).
  public var byteCount: Int
  /// What decoding noticed in an input that was read all the same: a last character cut in
  /// half, invalid bytes replaced. These are also among the document's diagnostics.
  public var inputDiagnostics: [Diagnostic]

  /// Creates a BatchResult from its parts; each argument sets the property of the same name.
  public init(file: InputFile, outcome: Result<Document, InputError>, byteCount: Int, inputDiagnostics: [Diagnostic] = []) {
    self.file = file
    self.outcome = outcome
    self.byteCount = byteCount
    self.inputDiagnostics = inputDiagnostics
  }

  /// The document, when the input could be read.
  public var document: Document? { try? outcome.get() }

  /// Why the input could not be read, when it could not.
  public var error: InputError? {
    if case .failure(let error) = outcome { return error }
    return nil
  }
}
