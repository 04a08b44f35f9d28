/// The order in which a batch delivers its results.
public enum BatchOrder: Sendable, Hashable {
  /// As they complete: the fastest, for outputs that do not depend on each other.
  case completion
  /// In the order of the inputs, for streams whose output lines must match their input lines.
  /// A slow input holds back the ones after it, up to a window of a few results per job.
  case input
}

/// The results of a batch, delivered as they become ready while at most `jobs` inputs are
/// being worked on at once.
///
/// Iterating starts the work; each iteration runs the batch anew. The work runs in a task
/// group with at most `jobs` child tasks, fed lazily from the inputs, and hands results over
/// through a buffer of `jobs` results: a slow consumer holds the workers back instead of
/// letting results pile up, so memory stays bounded however many inputs there are. Leaving the
/// loop early (or cancelling the consuming task) cancels the batch; inputs already being
/// worked on are finished and dropped.
///
/// ```swift
/// for await result in BatchParser(jobs: 4).results(for: FileWalker(paths: ["archive"])) {
///   print(result.file.path, result.document?.kind ?? "failed")
/// }
/// ```
public struct BatchSequence<Element: Sendable>: AsyncSequence, Sendable {
  private let run: @Sendable (BoundedChannel<Element>) async -> Void
  private let jobs: Int

  /// Maps every element of `inputs` through `transform`, at most `jobs` at a time.
  init<Inputs: AsyncSequence & Sendable>(
    _ inputs: Inputs, jobs: Int, order: BatchOrder,
    transform: @escaping @Sendable (Inputs.Element) async -> Element
  ) where Inputs.Element: Sendable {
    let jobs = Swift.max(1, jobs)
    self.jobs = jobs
    self.run = { channel in
      await Self.produce(inputs, jobs: jobs, order: order, transform: transform, into: channel)
    }
  }

  /// Maps every element of a (lazy) synchronous sequence.
  init<Inputs: Sequence & Sendable>(
    _ inputs: Inputs, jobs: Int, order: BatchOrder,
    transform: @escaping @Sendable (Inputs.Element) async -> Element
  ) where Inputs.Element: Sendable {
    self.init(SynchronousInputs(base: inputs), jobs: jobs, order: order, transform: transform)
  }

  /// Starts the batch; each iteration runs it anew.
  public func makeAsyncIterator() -> AsyncIterator {
    let channel = BoundedChannel<Element>(capacity: jobs)
    let run = self.run
    let task = Task {
      await run(channel)
      channel.finish()
    }
    return AsyncIterator(handle: Handle(channel: channel, task: task))
  }

  /// Hands over the results as the jobs finish them.
  public struct AsyncIterator: AsyncIteratorProtocol {
    fileprivate let handle: Handle

    /// The next result, or nil when every input is done.
    public mutating func next() async -> Element? {
      await handle.channel.receive()
    }
  }

  /// Owns the producing task: when the last copy of the iterator goes, the batch is cancelled.
  fileprivate final class Handle: Sendable {
    let channel: BoundedChannel<Element>
    let task: Task<Void, Never>

    init(channel: BoundedChannel<Element>, task: Task<Void, Never>) {
      self.channel = channel
      self.task = task
    }

    deinit { task.cancel() }
  }

  /// Keeps up to `jobs` child tasks busy, pulling the next input only when a slot is free, and
  /// sends each result on as soon as the order allows.
  private static func produce<Inputs: AsyncSequence & Sendable>(
    _ inputs: Inputs, jobs: Int, order: BatchOrder,
    transform: @escaping @Sendable (Inputs.Element) async -> Element,
    into channel: BoundedChannel<Element>
  ) async where Inputs.Element: Sendable {
    // Results that completed ahead of an earlier input, in input order; bounded by `window`.
    let window = order == .input ? jobs * 4 : Int.max
    await withTaskGroup(of: (Int, Element).self) { group in
      var iterator = inputs.makeAsyncIterator()
      var exhausted = false
      var started = 0
      var running = 0
      var delivered = 0
      var ahead: [Int: Element] = [:]
      while !Task.isCancelled {
        while !exhausted && running < jobs && started - delivered < window {
          guard let input = try? await iterator.next() else {
            exhausted = true
            break
          }
          let index = started
          group.addTask { (index, await transform(input)) }
          started += 1
          running += 1
        }
        guard let (index, element) = await group.next() else { return }
        running -= 1
        var open = true
        switch order {
        case .completion:
          open = await channel.send(element)
          delivered += 1
        case .input:
          ahead[index] = element
          while open, let next = ahead.removeValue(forKey: delivered) {
            open = await channel.send(next)
            delivered += 1
          }
        }
        if !open { break }
      }
      group.cancelAll()
    }
  }
}

/// A synchronous sequence read as an asynchronous one, for the batch's single producer.
struct SynchronousInputs<Base: Sequence & Sendable>: AsyncSequence, Sendable {
  let base: Base

  func makeAsyncIterator() -> Iterator { Iterator(base: base.makeIterator()) }

  struct Iterator: AsyncIteratorProtocol {
    var base: Base.Iterator
    mutating func next() async -> Base.Element? { base.next() }
  }
}
