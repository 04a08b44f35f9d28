import Foundation

/// A single-producer, single-consumer hand-over with a bounded buffer: the producer waits
/// while the buffer is full, which is what keeps a batch's memory bounded when its consumer is
/// slower than its workers.
///
/// A lock rather than an actor, because task cancellation handlers are synchronous and must be
/// able to close the channel.
final class BoundedChannel<Element: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private let capacity: Int
  private var buffer: [Element] = []
  private var receiver: CheckedContinuation<Element?, Never>?
  private var sender: (element: Element, continuation: CheckedContinuation<Bool, Never>)?
  /// The producer has sent its last element.
  private var finished = false
  /// The consumer has gone: nothing more is delivered.
  private var cancelled = false

  init(capacity: Int) {
    self.capacity = max(1, capacity)
    buffer.reserveCapacity(self.capacity)
  }

  /// Hands `element` over, waiting while the buffer is full. False when the consumer has gone
  /// (or the producer's task was cancelled): the producer should stop.
  func send(_ element: Element) async -> Bool {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
        lock.lock()
        if cancelled {
          lock.unlock()
          continuation.resume(returning: false)
        } else if let receiver {
          self.receiver = nil
          lock.unlock()
          receiver.resume(returning: element)
          continuation.resume(returning: true)
        } else if buffer.count < capacity {
          buffer.append(element)
          lock.unlock()
          continuation.resume(returning: true)
        } else {
          sender = (element, continuation)
          lock.unlock()
        }
      }
    } onCancel: {
      cancel()
    }
  }

  /// The next element, or nil once the producer has finished and the buffer is empty (or the
  /// consumer's task was cancelled).
  func receive() async -> Element? {
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Element?, Never>) in
        lock.lock()
        if cancelled {
          lock.unlock()
          continuation.resume(returning: nil)
        } else if !buffer.isEmpty {
          let element = buffer.removeFirst()
          let waiting = sender
          if let waiting {
            buffer.append(waiting.element)
            sender = nil
          }
          lock.unlock()
          waiting?.continuation.resume(returning: true)
          continuation.resume(returning: element)
        } else if finished {
          lock.unlock()
          continuation.resume(returning: nil)
        } else {
          receiver = continuation
          lock.unlock()
        }
      }
    } onCancel: {
      cancel()
    }
  }

  /// The producer is done: the consumer gets what is buffered, then nil.
  func finish() {
    lock.lock()
    finished = true
    let waiting = buffer.isEmpty ? receiver : nil
    if waiting != nil { receiver = nil }
    lock.unlock()
    waiting?.resume(returning: nil)
  }

  /// The consumer is gone: drop what is buffered and wake both sides.
  func cancel() {
    lock.lock()
    cancelled = true
    buffer.removeAll()
    let waitingReceiver = receiver
    let waitingSender = sender
    receiver = nil
    sender = nil
    lock.unlock()
    waitingReceiver?.resume(returning: nil)
    waitingSender?.continuation.resume(returning: false)
  }
}
