import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outcomes of a ``BatchConverter`` run, as they complete (``BatchConverter/conversions(for:)``).
///
/// Without ``BatchConverter/synchronizes`` each output is renamed into place by its job and
/// passed on at once. With it, outputs are made durable in groups of
/// ``BatchConverter/synchronizationGroupSize``: jobs write their temporary files, and the
/// consumer's iteration, once a group is complete (or the inputs are done), flushes the file
/// system once (`syncfs` on Linux; an `fsync` per file elsewhere), renames every file of the group
/// into place, records them in the manifest, and flushes again so that the renames and the
/// manifest are durable too — two disk flushes per group instead of two per file. An outcome
/// is delivered only when its output is durable (or failed to be); a run killed before leaves
/// only temporary files, swept by the next run.
public struct BatchConversions: AsyncSequence, Sendable {
  /// Each input's outcome, once its output is in place (and durable with ``BatchConverter/synchronizes``).
  public typealias Element = BatchConversion

  let base: BatchSequence<BatchConversion>
  let converter: BatchConverter
  let log: ConversionLog

  /// Starts the run; each iteration runs the conversion anew.
  public func makeAsyncIterator() -> AsyncIterator {
    AsyncIterator(base: base.makeAsyncIterator(), converter: converter, log: log)
  }

  /// Delivers the outcomes, flushing and renaming a group of outputs when it is complete.
  public struct AsyncIterator: AsyncIteratorProtocol {
    var base: BatchSequence<BatchConversion>.AsyncIterator
    let converter: BatchConverter
    let log: ConversionLog
    var pending: [BatchConversion] = []
    var ready: [BatchConversion] = []
    var ended = false

    /// The next outcome whose output is in place, or nil when every input is done.
    public mutating func next() async -> BatchConversion? {
      while true {
        if !ready.isEmpty { return ready.removeFirst() }
        if ended { return nil }
        guard let conversion = await base.next() else {
          ended = true
          ready = DurableGroup.commit(pending, converter: converter, log: log)
          pending = []
          continue
        }
        guard conversion.staged != nil else { return conversion }
        pending.append(conversion)
        if pending.count >= converter.synchronizationGroupSize {
          ready = DurableGroup.commit(pending, converter: converter, log: log)
          pending = []
        }
      }
    }
  }
}

/// Making a group of staged outputs durable and visible.
enum DurableGroup {
  /// Flushes the temporary files of `group`, renames them into place, records them and flushes
  /// again; returns the outcomes as they stand afterwards.
  static func commit(_ group: [BatchConversion], converter: BatchConverter, log: ConversionLog) -> [BatchConversion] {
    guard !group.isEmpty else { return [] }
    var results = group
    if let failure = flush(group.compactMap { $0.staged?.temporary }, in: converter.outputDirectory) {
      return results.map { fail($0, failure) }
    }
    var folders: Set<String> = []
    for index in results.indices {
      guard let staged = results[index].staged else { continue }
      results[index].staged = nil
      guard rename(staged.temporary.path, staged.output.path) == 0 else {
        let error = FileWriteError(path: staged.output.path, number: errno)
        unlink(staged.temporary.path)
        results[index].outcome = .failed(BatchFailure(writing: staged.output, error))
        continue
      }
      folders.insert(staged.output.deletingLastPathComponent().path)
      log.recordWritten(output: staged.relative, input: results[index].file.path)
    }
    // The renames and the manifest lines.
    if let failure = flushMetadata(folders: folders, in: converter.outputDirectory, log: log) {
      return results.map { fail($0, failure) }
    }
    return results
  }

  private static func fail(_ conversion: BatchConversion, _ failure: FileWriteError) -> BatchConversion {
    var failed = conversion
    if let staged = failed.staged { unlink(staged.temporary.path) }
    failed.staged = nil
    guard case .converted(let output) = conversion.outcome else { return failed }
    failed.outcome = .failed(BatchFailure(writing: output, failure))
    return failed
  }

  /// The data of `files` on the disk: one `syncfs` of the output folder's file system on Linux.
  private static func flush(_ files: [URL], in directory: URL) -> FileWriteError? {
    #if os(Linux)
      return syncFileSystem(of: directory)
    #else
      for file in files {
        if let failure = synchronize(file.path) { return failure }
      }
      return nil
    #endif
  }

  private static func flushMetadata(folders: Set<String>, in directory: URL, log: ConversionLog) -> FileWriteError? {
    #if os(Linux)
      return syncFileSystem(of: directory)
    #else
      for folder in folders.sorted() {
        if let failure = synchronize(folder) { return failure }
      }
      log.synchronize()
      return nil
    #endif
  }

  #if os(Linux)
    private static func syncFileSystem(of directory: URL) -> FileWriteError? {
      let descriptor = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
      guard descriptor >= 0 else { return FileWriteError(path: directory.path, number: errno) }
      defer { close(descriptor) }
      return linuxSyncfs(descriptor) == 0 ? nil : FileWriteError(path: directory.path, number: errno)
    }
  #endif
}

/// Flushes a file or folder to the disk (`fsync`).
func synchronize(_ path: String) -> FileWriteError? {
  let descriptor = open(path, O_RDONLY | O_CLOEXEC)
  guard descriptor >= 0 else { return FileWriteError(path: path, number: errno) }
  defer { close(descriptor) }
  return fsync(descriptor) == 0 ? nil : FileWriteError(path: path, number: errno)
}

#if os(Linux)
  /// `syncfs(2)`: Glibc declares it only under `_GNU_SOURCE`, which Swift's Glibc module does not
  /// set, so it is bound by name.
  @_silgen_name("syncfs")
  private func linuxSyncfs(_ descriptor: Int32) -> Int32
#endif
