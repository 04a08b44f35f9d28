import ArgumentParser
import Foundation
import Gongwen
import GongwenIndex
import Synchronization

struct Index: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Read files and folders of documents into a SQLite archive you can query.",
    discussion: """
      Walks the inputs like batch (folders depth first, taking files with the given \
      extensions), parses each document and stores its opening, attendance, organisations, \
      tasks, references and sections, with a full-text index over section text (Docs/INDEX.md \
      describes the tables). A file already in the archive from the same bytes and parser \
      version is skipped; a changed file's rows are replaced atomically (documents are written \
      many to a transaction, each whole or not at all), so a run killed midway leaves a \
      consistent archive, and a re-run completes the rest. --jobs threads parse while one \
      writer stores; `gongwen query` and sqlite3 can read the archive meanwhile.

      Re-indexing a folder removes from the archive the documents stored under it whose files \
      are no longer on disk; the summary counts them as removed. Files named directly are never \
      removed, nor documents under folders not named.

      Exit status: 0 when every input was indexed or skipped, 1 when any failed, 64 for a usage \
      error, 74 when the archive cannot be opened or created.

      Examples:
        gongwen index archive.sqlite Corpus/minutes
        gongwen index -j 2 archive.sqlite Corpus/minutes Corpus/gongwen
        gongwen query archive.sqlite search 应急管理
      """)

  @OptionGroup var input: InputOptions

  @OptionGroup var reporting: ReportingOptions

  @Argument(help: ArgumentHelp("The archive database (created when missing).", valueName: "archive"))
  var archive: String

  @Argument(help: ArgumentHelp("Files and folders to index.", valueName: "input"))
  var inputs: [String]

  @Option(help: ArgumentHelp("Comma-separated extensions of the files taken from folders.", valueName: "list"))
  var extensions = SourceFormat.defaultExtensions.joined(separator: ",")

  @Option(name: [.short, .long], help: "How many documents to read and parse at once.")
  var jobs: Int = BatchParser.defaultJobs

  var extensionList: [String] {
    extensions.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  func validate() throws {
    guard !inputs.isEmpty else { throw ValidationError("Name at least one file or folder to index.") }
    guard !inputs.contains("-") else { throw ValidationError("index reads files; standard input has no path to store.") }
    guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1.") }
    guard !extensionList.isEmpty else { throw ValidationError("--extensions needs at least one extension.") }
  }

  func run() throws {
    let started = Date()
    let opened: Archive
    do {
      opened = try Archive(path: archive)
    } catch {
      Terminal.error("\(archive): database-error: \(error)")
      throw ExitCode(74)
    }
    let indexer = ArchiveIndexer(archive: opened, parser: input.parser)
    var paths: [String] = []
    var failed = 0
    for file in FileWalker(paths: inputs, extensions: extensionList) {
      if let problem = file.problem {
        Terminal.error("\(file.path): \(problem.code): \(problem.message)")
        failed += 1
      } else {
        paths.append(file.path)
      }
    }
    let removed: [String]
    do {
      removed = try indexer.removeVanished(under: inputs, walked: Set(paths))
    } catch {
      Terminal.error("\(archive): database-error: \(error)")
      throw ExitCode(74)
    }
    for path in removed { reporting.note("\(path): removed, no longer on disk") }
    let reporting = reporting
    let counts = Mutex(Counts())
    indexer.index(paths: paths, jobs: jobs) { path, outcome in
      switch outcome {
      case .indexed:
        counts.withLock { $0.indexed += 1 }
        reporting.note("\(path): indexed")
      case .skipped:
        counts.withLock { $0.skipped += 1 }
        reporting.note("\(path): skipped, unchanged")
      case .failed(let code, let reason):
        counts.withLock { $0.failed += 1 }
        Terminal.error("\(path): \(code): \(reason)")
      }
    }
    do { try opened.resolveIdentities(lexicon: indexer.parser.configuration.lexicon) } catch {
      Terminal.error("\(archive): database-error: identities: \(error)")
      failed += 1
    }
    let (indexed, skipped) = counts.withLock { ($0.indexed, $0.skipped) }
    failed += counts.withLock { $0.failed }
    let seconds = Date().timeIntervalSince(started)
    if !reporting.quiet {
      Terminal.writeError(
        "\(indexed) indexed, \(skipped) skipped, \(removed.count) removed, \(failed) failed in \(String(format: "%.2f", seconds)) s → \(archive)\n")
    }
    if failed > 0 { throw ExitCode.failure }
  }
}

/// What an indexing run did, counted as the outcomes arrive.
private struct Counts {
  var indexed = 0
  var skipped = 0
  var failed = 0
}
