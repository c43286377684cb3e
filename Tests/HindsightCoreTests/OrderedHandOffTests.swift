import Foundation
import Testing
@testable import HindsightCore

/// The producer/consumer hand-off behind imports: order, bounded memory, and errors from either
/// side ending the run the way a direct call would.
struct OrderedHandOffTests {
    struct Stop: Error, Equatable { let at: Int }

    /// Counts shared by the two threads.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.lock(); value += 1; lock.unlock() }
        var current: Int { lock.lock(); defer { lock.unlock() }; return value }
    }

    @Test func everyItemArrivesInOrderOnTheCallingThreadAndTheOutputIsReturned() throws {
        let caller = Thread.current
        var received: [Int] = []
        var producerThreads: Set<Bool> = []
        let output = try OrderedHandOff.run(batchSize: 7, capacity: 2, produce: { yield in
            producerThreads.insert(Thread.current == caller)
            for item in 0..<1_000 { try yield(item) }
            return "done"
        }, consume: { item in
            #expect(Thread.current == caller)
            received.append(item)
        })
        #expect(output == "done")
        #expect(received == Array(0..<1_000))
        #expect(producerThreads == [false], "the producer runs on a thread of its own")
    }

    @Test func theProducerRunsNoFurtherAheadThanTheQueueHolds() throws {
        let produced = Counter()
        var consumed = 0
        var furthestAhead = 0
        let batchSize = 5, capacity = 3
        try OrderedHandOff.run(batchSize: batchSize, capacity: capacity, produce: { yield in
            for item in 0..<500 {
                produced.add()
                try yield(item)
            }
        }, consume: { _ in
            consumed += 1
            furthestAhead = max(furthestAhead, produced.current - consumed)
            // Give the producer every chance to run ahead.
            if consumed % 50 == 0 { Thread.sleep(forTimeInterval: 0.002) }
        })
        // The queued batches, the one being consumed and the one being filled.
        #expect(furthestAhead <= (capacity + 2) * batchSize)
    }

    @Test func aConsumerErrorStopsTheProducerAndIsRethrown() {
        let produced = Counter()
        var consumed: [Int] = []
        #expect(throws: Stop(at: 10)) {
            try OrderedHandOff.run(batchSize: 4, capacity: 2, produce: { yield in
                for item in 0..<100_000 {
                    produced.add()
                    try yield(item)
                }
            }, consume: { item in
                if item == 10 { throw Stop(at: 10) }
                consumed.append(item)
            })
        }
        #expect(consumed == Array(0..<10))
        #expect(produced.current < 100, "the producer stopped at its next yield")
    }

    @Test func aProducerErrorComesAfterEveryItemYieldedBeforeIt() {
        var consumed: [Int] = []
        #expect(throws: Stop(at: 37)) {
            try OrderedHandOff.run(batchSize: 8, capacity: 2, produce: { yield in
                for item in 0..<37 { try yield(item) }
                throw Stop(at: 37)
            }, consume: { consumed.append($0) })
        }
        #expect(consumed == Array(0..<37))
    }

    @Test func aProducerThatYieldsNothingStillReturns() throws {
        var consumed = 0
        let output = try OrderedHandOff.run(produce: { (_: (Int) throws -> Void) in 42 }, consume: { _ in consumed += 1 })
        #expect(output == 42)
        #expect(consumed == 0)
    }
}
