import Foundation
import Gongwen
import GongwenIndex
import Synchronization

/// `--archive`: builds an archive of `--archive-documents` documents (10,000 unless given),
/// copies of the texts of `../shared/corpus/dev` and `Corpus/minutes`, each copy in its own
/// folder so every path is new, and measures against the batch on the same files:
///
/// - the batch: every file converted (read, parse, JSON, atomic write) on every core, as
///   `gongwen batch` does;
/// - indexing: `ArchiveIndexer` with as many parsing threads, into a new archive;
/// - indexing again with nothing changed (hash and skip);
/// - the archive's bytes per document (after the run's log is checkpointed into it);
/// - each named question at the CLI's default limit (100 rows) and with all rows: the best and
///   the median of 20 runs.
enum ArchiveBenchmark {
  static func run(root: URL, documents wanted: Int) -> Int32 {
    let sources = [root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev"), root.appendingPathComponent("Corpus/minutes")]
      .flatMap { folder in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
          .map { folder.appendingPathComponent($0) }
      }
    guard !sources.isEmpty else {
      FileHandle.standardError.write(Data("GongwenBenchmark: no texts in ../shared/corpus/dev or Corpus/minutes\n".utf8))
      return 1
    }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-archive-benchmark-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: work) }
    let input = work.appendingPathComponent("in")
    var paths: [String] = []
    var bytes = 0
    do {
      for index in 0..<wanted {
        let folder = input.appendingPathComponent(String(format: "%04d", index / sources.count))
        if index % sources.count == 0 { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let source = sources[index % sources.count]
        let target = folder.appendingPathComponent(source.lastPathComponent)
        try FileManager.default.copyItem(at: source, to: target)
        bytes += (try FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        paths.append(target.path)
      }
    } catch {
      FileHandle.standardError.write(Data("GongwenBenchmark: cannot copy the inputs: \(error)\n".utf8))
      return 1
    }
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let megabytes = Double(bytes) / 1e6
    print("archive benchmark: \(paths.count) documents, \(String(format: "%.1f", megabytes)) MB, \(cores) cores, SQLite \(Archive.sqliteVersion)")
    print("run".padding(toLength: 34, withPad: " ", startingAt: 0) + "  seconds      MB/s   documents/s   CPU s  CPU s/MB")
    // The CPU time of the process (user and system) during the last `measure`, which a busy
    // machine disturbs less than the wall time.
    var cpu = 0.0
    func line(_ name: String, _ seconds: Double) {
      print(
        name.padding(toLength: 34, withPad: " ", startingAt: 0)
          + String(format: "%9.2f %9.2f %13.0f %7.2f %9.3f", seconds, megabytes / seconds, Double(paths.count) / seconds, cpu, cpu / megabytes))
    }
    func measure(_ work: () -> Void) -> Double {
      let before = cpuSeconds()
      let seconds = Self.measure(work)
      cpu = cpuSeconds() - before
      return seconds
    }

    let converter = BatchConverter(outputDirectory: work.appendingPathComponent("out"), jobs: cores)
    let files = Array(FileWalker(paths: [input.path]))
    let batch = measure {
      let next = Mutex(0)
      DispatchQueue.concurrentPerform(iterations: cores) { _ in
        while true {
          let mine: Int = next.withLock { position in
            defer { position += 1 }
            return position
          }
          guard mine < files.count else { return }
          _ = converter.convert(files[mine])
        }
      }
    }
    line("batch (JSON files)", batch)
    let batchCPU = cpu

    let archivePath = work.appendingPathComponent("archive.sqlite").path
    let failures = Mutex(0)
    let indexing: Double
    do {
      let indexer = ArchiveIndexer(archive: try Archive(path: archivePath))
      indexing = measure {
        indexer.index(paths: paths, jobs: cores) { _, outcome in
          if case .failed = outcome { failures.withLock { $0 += 1 } }
        }
      }
    } catch {
      FileHandle.standardError.write(Data("GongwenBenchmark: \(error)\n".utf8))
      return 1
    }
    line("index (new archive)", indexing)
    print(String(format: "index / batch: %.0f %% of batch's MB/s; batch's CPU time is %.0f %% of index's", 100 * batch / indexing, 100 * batchCPU / cpu))
    do {
      let indexer = ArchiveIndexer(archive: try Archive(path: archivePath))
      line("index again (nothing changed)", measure { indexer.index(paths: paths, jobs: cores) { _, _ in } })
    } catch {
      FileHandle.standardError.write(Data("GongwenBenchmark: \(error)\n".utf8))
      return 1
    }
    // The archive was closed above, so its log is checkpointed into the file.
    let size = (try? FileManager.default.attributesOfItem(atPath: archivePath)[.size] as? Int) ?? 0
    print(String(format: "archive: %.1f MB, %.1f KB per document, %d failed", Double(size) / 1e6, Double(size) / 1e3 / Double(paths.count), failures.withLock { $0 }))

    print("")
    print("question".padding(toLength: 34, withPad: " ", startingAt: 0) + "   rows   best ms  median ms   all rows: rows  median ms")
    do {
      let archive = try Archive(path: archivePath, creating: false)
      let questions: [(String, NamedQuery)] = [
        ("person 韩冰", .person("韩冰")), ("tasks 市住建局 --year 2022", .tasks(organization: "市住建局", year: 2022)),
        ("tasks 市应急局", .tasks(organization: "市应急局", year: nil)), ("attendance-by-organization", .attendanceByOrganization),
        ("search 安全生产", .search("安全生产")), ("search 汛", .search("汛")),
      ]
      for (name, question) in questions {
        var times: [Double] = []
        var rows = 0
        for _ in 0..<20 { times.append(measure { rows = (try? archive.answer(question, limit: 100))?.rows.count ?? -1 }) }
        var allTimes: [Double] = []
        var allRows = 0
        for _ in 0..<5 { allTimes.append(measure { allRows = (try? archive.answer(question))?.rows.count ?? -1 }) }
        times.sort()
        allTimes.sort()
        print(
          name.padding(toLength: 34, withPad: " ", startingAt: 0)
            + String(
              format: "%7d %9.1f %10.1f %15d %10.1f", rows, times[0] * 1e3, times[times.count / 2] * 1e3, allRows,
              allTimes[allTimes.count / 2] * 1e3))
      }
    } catch {
      FileHandle.standardError.write(Data("GongwenBenchmark: \(error)\n".utf8))
      return 1
    }
    return 0
  }

  /// Indexes the files of `folder` on this thread, one after the other; prints how many were
  /// indexed.
  static func indexSequentially(folder: String, archive path: String) -> Int32 {
    do {
      let indexer = ArchiveIndexer(archive: try Archive(path: path))
      let outcomes = FileWalker(paths: [folder]).map { indexer.index(path: $0.path) }
      print("\(outcomes.filter { $0 == .indexed }.count) of \(outcomes.count) indexed")
      return outcomes.allSatisfy { $0 == .indexed } ? 0 : 1
    } catch {
      FileHandle.standardError.write(Data("GongwenBenchmark: \(error)\n".utf8))
      return 1
    }
  }

  /// User and system CPU seconds of the process so far.
  static func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
  }

  static func measure(_ work: () -> Void) -> Double {
    let elapsed = ContinuousClock().measure(work)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
  }
}
