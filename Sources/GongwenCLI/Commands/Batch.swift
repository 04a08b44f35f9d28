import ArgumentParser
import Foundation
import Gongwen
import GongwenIndex
import Synchronization

struct Batch: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Convert files and folders of documents to one JSON file each.",
    discussion: """
      Walks the inputs (folders depth first, taking files with the given extensions; hidden \
      files are skipped), parses --jobs documents at once and writes each document's JSON \
      below the output folder, mirroring the input tree: archive/2021/a.txt → OUT/2021/a.json (a.pdf → a.pdf.json). \
      Every output is written to a temporary file in its folder and renamed into place, so a \
      run killed midway leaves no half-written output; --resume then skips the inputs whose \
      output is at least as new as the input, not empty (as a power cut can leave an output \
      without --sync), and recorded in OUT/gongwen-manifest.jsonl as made from that input by \
      this parser (version and build) with the same options: changing --simplified, \
      --pretty, --encoding, --lexicon… converts everything again.

      Before writing anything the inputs are walked once to settle every output name: names \
      are compared ignoring case, and when several inputs claim one (a.txt, a.TXT, a.text), \
      the first in walk order keeps it and the others get a~2.json, a~3.json… (listed under \
      "renamed"). No output is written over an input, the report's name is reserved, and the \
      output folder is not walked when it lies inside an input folder. Symbolic links are \
      followed only to files inside the input folder unless --follow-links; FIFOs, dangling \
      links, link loops and the links not followed are counted in the report as ignored.

      One bad input never stops the others. At the end a summary (converted, skipped, failed \
      with the reason for each, documents/s, MB/s) goes to standard error and to \
      OUT/gongwen-report.json. A progress bar is shown on standard error when it is a \
      terminal, unless --quiet or --verbose; --verbose prints a line per input instead.

      Exit status: 0 when every input was converted or skipped, 1 when any failed (or the \
      output folder or the report cannot be written; the summary is printed all the same), \
      64 for a usage error, 74 when the disk is full or failing (the batch stops at the first \
      output that cannot be written and names it).

      With --jsonl FILE every document converted or up to date also goes, one line each and in \
      input order, into FILE (for Spark, DuckDB or jq); with --summary FILE.csv a row per document \
      (file, kind, title, date, session, chair, attendees, warnings) goes into a CSV file for \
      spreadsheets. Both are read back from the outputs, so memory stays flat. With --index \
      ARCHIVE.sqlite every document converted or up to date is also stored in that archive (as \
      `gongwen index` would, skipping those it holds from the same bytes), read back from its \
      JSON in the same run.

      Examples:
        gongwen batch Corpus/minutes --output json
        gongwen batch Corpus/minutes --output json --jsonl minutes.jsonl --summary minutes.csv
        gongwen batch Corpus/minutes Corpus/gongwen --output json --extensions txt,text --jobs 4
        gongwen batch Corpus/minutes --output json --resume --quiet
        gongwen batch Corpus/minutes --output json --index archive.sqlite
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Argument(help: ArgumentHelp("Files and folders to convert.", valueName: "input"))
  var inputs: [String]

  @Option(name: [.short, .long], help: ArgumentHelp("The folder to write the JSON files and the report to.", valueName: "dir"))
  var output: String

  @Option(help: ArgumentHelp("Comma-separated extensions of the files taken from folders.", valueName: "list"))
  var extensions = SourceFormat.defaultExtensions.joined(separator: ",")

  @Option(name: [.short, .long], help: "How many documents to parse at once.")
  var jobs: Int = BatchParser.defaultJobs

  @Flag(help: "Skip inputs whose output is up to date and was made by this parser with these options.")
  var resume = false

  @Flag(help: "Indent the JSON files.")
  var pretty = false

  @Flag(help: "Make each output and its rename durable before counting it converted (survives power cuts; slower).")
  var sync = false

  @Option(help: ArgumentHelp("With --sync, how many outputs share one flush of the disk (1: each on its own).", valueName: "n"))
  var syncGroup = 64

  @Flag(help: "Follow symbolic links out of the input folders, and links to folders.")
  var followLinks = false

  @Option(help: ArgumentHelp("Also write every document's JSON, one line each in input order, to this file.", valueName: "file"))
  var jsonl: String?

  @Option(
    help: ArgumentHelp(
      "Also write a CSV summary (file, kind, title, date, session, chair, attendees, warnings) to this file.",
      valueName: "file"))
  var summary: String?

  @Option(help: ArgumentHelp("Also store every document in this archive, as `gongwen index` does.", valueName: "archive"))
  var index: String?

  var extensionList: [String] {
    extensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// Whether the documents also go into a JSON Lines file, a summary or an archive.
  var exports: Bool { jsonl != nil || summary != nil || index != nil }

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("Name at least one file or folder to convert.") }
    guard !inputs.contains("-") else { throw ValidationError("batch reads files; use `gongwen parse -` for standard input.") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    guard syncGroup >= 1 else { throw ValidationError("--sync-group must be at least 1.") }
    guard !extensionList.isEmpty else { throw ValidationError("--extensions needs at least one extension.") }
  }

  func run() async throws {
    let started = Date()
    let outputDirectory = URL(fileURLWithPath: output)
    do {
      try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
    } catch {
      Terminal.error("\(output): cannot create the output folder: \(error.localizedDescription)")
      throw ExitCode.failure
    }
    let files = FileWalker(
      paths: inputs, extensions: extensionList, followsLinks: followLinks, excludedFolders: [output], reportsIgnored: true)
    // The plan walks the inputs while the parser's lexicon loads: tens of milliseconds each,
    // side by side rather than one after the other.
    async let planned = BatchPlan(for: files, outputDirectory: outputDirectory)
    var converter = BatchConverter(
      parser: input.parser, outputDirectory: outputDirectory, jobs: jobs, resume: resume, prettyPrinted: pretty,
      synchronizes: sync)
    converter.synchronizationGroupSize = syncGroup
    let plan = await planned
    if let refusal = plan.refusal {
      Terminal.error("\(output): \(refusal)")
      throw ExitCode.failure
    }
    converter.plan = plan
    let progress = !reporting.quiet && !reporting.verbose && Terminal.standardErrorIsTerminal ? ProgressBar(total: plan.inputCount) : nil
    var report = BatchReport(inputs: inputs, outputDirectory: output, jobs: jobs, startedAt: started)
    report.renamed = plan.renamed
    var diskFailure: String?
    var outputs: [String: URL] = [:]
    for await conversion in converter.conversions(for: files) {
      report.record(conversion)
      switch conversion.outcome {
      case .converted(let output):
        reporting.note("\(conversion.file.path): converted → \(output.path)")
        if exports { outputs[conversion.file.path] = output }
      case .skipped(let output):
        reporting.note("\(conversion.file.path): skipped, \(output.path) is up to date")
        if exports { outputs[conversion.file.path] = output }
      case .failed(let failure) where failure.code == BatchFailure.ioError:
        diskFailure = failure.reason
      case .failed, .ignored: break
      }
      progress?.update(done: report.total)
      // A full or failing disk fails every output after it: stop at the first.
      if diskFailure != nil { break }
    }
    progress?.finish()
    report.finish()
    converter.removeStaleTemporaryFiles(olderThan: started)
    var reportFailure: BatchFailure?
    do {
      try converter.writeReport(report)
    } catch {
      reportFailure = BatchFailure(writing: outputDirectory.appendingPathComponent(BatchConverter.reportName), error)
    }
    // The summary and the failures are printed whether or not the report could be written.
    if !reporting.quiet {
      Terminal.writeError(report.summary + "\n")
    } else {
      for failure in report.failures { Terminal.error("\(failure.path): \(failure.code): \(failure.reason)") }
    }
    if let diskFailure {
      Terminal.error("\(BatchFailure.ioError): \(diskFailure); the batch stopped there")
      throw ExitCode(74)
    }
    if exports {
      // In input order: the walk is walked again and each input looked up.
      let ordered = files.compactMap { file in outputs[file.path].map { (path: file.path, output: $0) } }
      let export = BatchExport(
        jsonLines: jsonl.map { URL(fileURLWithPath: $0) }, summary: summary.map { URL(fileURLWithPath: $0) })
      do {
        if jsonl != nil || summary != nil { try export.write(outputs: ordered) }
      } catch {
        Terminal.error("\(error.code): \(error.reason)")
        throw error.code == BatchFailure.ioError ? ExitCode(74) : ExitCode.failure
      }
      if let index { try store(ordered, in: index) }
    }
    if let reportFailure {
      Terminal.error("\(reportFailure.code): \(reportFailure.reason)")
      throw reportFailure.code == BatchFailure.ioError ? ExitCode(74) : ExitCode.failure
    }
    if report.failed > 0 { throw ExitCode.failure }
  }

  /// `--index`: the converted documents into the archive, decoded from their JSON; exits 74
  /// when the archive cannot be opened, 1 when a document cannot be stored.
  func store(_ outputs: [(path: String, output: URL)], in archive: String) throws {
    let indexer: ArchiveIndexer
    do {
      indexer = ArchiveIndexer(archive: try Archive(path: archive), parser: input.parser)
    } catch {
      Terminal.error("\(archive): database-error: \(error)")
      throw ExitCode(74)
    }
    let counts = Mutex((indexed: 0, skipped: 0, failed: 0))
    indexer.index(batchOutputs: outputs.map { (path: $0.path, json: $0.output) }, jobs: jobs) { path, outcome in
      switch outcome {
      case .indexed: counts.withLock { $0.indexed += 1 }
      case .skipped: counts.withLock { $0.skipped += 1 }
      case .failed(let code, let reason):
        counts.withLock { $0.failed += 1 }
        Terminal.error("\(path): \(code): \(reason)")
      }
    }
    var (indexed, skipped, failed) = counts.withLock { ($0.indexed, $0.skipped, $0.failed) }
    do { try indexer.archive.resolveIdentities(lexicon: indexer.parser.configuration.lexicon) } catch {
      Terminal.error("\(archive): database-error: identities: \(error)")
      failed += 1
    }
    if !reporting.quiet { Terminal.writeError("\(indexed) indexed, \(skipped) skipped, \(failed) failed → \(archive)\n") }
    if failed > 0 { throw ExitCode.failure }
  }
}
