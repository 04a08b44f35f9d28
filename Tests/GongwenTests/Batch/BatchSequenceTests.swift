import Foundation
import Testing

@testable import Gongwen

@Suite("Batch: the bounded concurrent engine")
struct BatchSequenceTests {
  @Test(arguments: [1, 2, 3])
  func atMostJobsInputsAreWorkedOnAtOnce(jobs: Int) async {
    let working = ConcurrencyGauge()
    let sequence = BatchSequence(Array(0..<40), jobs: jobs, order: .completion) { value in
      working.enter()
      try? await Task.sleep(for: .milliseconds(2))
      working.leave()
      return value * 2
    }
    var results: [Int] = []
    for await value in sequence { results.append(value) }
    #expect(results.sorted() == (0..<40).map { $0 * 2 })
    #expect(working.peak == jobs)
    #expect(working.count == 40)
  }

  @Test func inputOrderIsKeptWhateverTheCompletionOrder() async {
    let sequence = BatchSequence(Array(0..<60), jobs: 4, order: .input) { value in
      try? await Task.sleep(for: .milliseconds(UInt64((value * 7) % 5)))
      return value
    }
    var results: [Int] = []
    for await value in sequence { results.append(value) }
    #expect(results == Array(0..<60))
  }

  @Test(arguments: [BatchOrder.completion, .input])
  func inputsArePulledOnlyAsResultsAreTaken(order: BatchOrder) async {
    let pulled = ConcurrencyGauge()
    let jobs = 2
    let sequence = BatchSequence(CountingInputs(count: 1000, gauge: pulled), jobs: jobs, order: order) { $0 }
    var taken = 0
    for await _ in sequence {
      taken += 1
      try? await Task.sleep(for: .milliseconds(3))
      // Running jobs, the hand-over buffer and the result being handed over.
      #expect(pulled.count <= taken + 2 * jobs + 1)
      if taken == 20 { break }
    }
    #expect(pulled.count <= 20 + 2 * jobs + 1)
  }

  @Test func leavingEarlyStopsTheBatch() async throws {
    let working = ConcurrencyGauge()
    let sequence = BatchSequence(Array(0..<10_000), jobs: 2, order: .completion) { value in
      working.enter()
      return value
    }
    for await _ in sequence { break }
    try await Task.sleep(for: .milliseconds(50))
    let afterBreak = working.count
    try await Task.sleep(for: .milliseconds(50))
    #expect(working.count == afterBreak)
    #expect(afterBreak < 100)
  }

  @Test func eachIterationRunsTheBatchAnew() async {
    let sequence = BatchSequence(Array(0..<5), jobs: 2, order: .input) { $0 + 1 }
    var first: [Int] = []
    for await value in sequence { first.append(value) }
    var second: [Int] = []
    for await value in sequence { second.append(value) }
    #expect(first == [1, 2, 3, 4, 5])
    #expect(second == first)
  }

  @Test func anEmptyInputEndsAtOnce() async {
    let sequence = BatchSequence([Int](), jobs: 3, order: .completion) { $0 }
    var count = 0
    for await _ in sequence { count += 1 }
    #expect(count == 0)
  }
}
