import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a producer on a thread of its own while the calling thread consumes what it yields, so
/// that reading and checking a file overlaps with writing its records.
///
/// What it promises:
/// - `consume` is called on the calling thread, with every item in the order it was yielded,
///   exactly as if `produce` had called it directly.
/// - At most `capacity` batches of `batchSize` items wait between the two threads, so memory stays
///   bounded however far ahead the producer could run.
/// - When `consume` throws, the producer is stopped at its next `yield` (which throws) and the
///   consumer's error is rethrown; when `produce` throws, the items it yielded before are consumed
///   first and then its error is rethrown.
/// - `run` returns only after the producer's thread has finished: nothing it captured outlives
///   the call.
public enum OrderedHandOff {
    /// The stack of the producer's thread: as large as a main thread's, since parsers recurse.
    static let producerStackSize = 8 << 20

    /// Runs `produce` on a new thread and `consume` on this one; returns what `produce` returned.
    /// - Throws: the consumer's error, else the producer's.
    public static func run<Item, Output>(batchSize: Int = 64, capacity: Int = 4,
                                         produce: (_ yield: (Item) throws -> Void) throws -> Output,
                                         consume: (Item) throws -> Void) throws -> Output {
        precondition(batchSize > 0 && capacity > 0, "a hand-off needs room for at least one item")
        let channel = BatchChannel<Item, Output>(capacity: capacity)
        return try withoutActuallyEscaping(produce) { produce in
            let body = ProducerBody {
                var batch: [Item] = []
                batch.reserveCapacity(batchSize)
                let outcome: Result<Output, any Error>
                do {
                    let output = try produce { item in
                        batch.append(item)
                        if batch.count == batchSize {
                            try channel.push(batch)
                            batch.removeAll(keepingCapacity: true)
                        }
                    }
                    if !batch.isEmpty { try channel.push(batch) }
                    outcome = .success(output)
                } catch {
                    // What was yielded before the error is still the consumer's, as in a direct call.
                    if !batch.isEmpty && !(error is BatchChannel<Item, Output>.ConsumerStopped) {
                        try? channel.push(batch)
                    }
                    outcome = .failure(error)
                }
                channel.finish(outcome)
            }
            // Without a thread of its own the producer simply calls the consumer directly.
            guard let producer = ProducerThread(running: body) else { return try produce(consume) }
            // Joined on every path: `produce` must not outlive this closure.
            defer { producer.join() }
            do {
                while let batch = channel.pop() {
                    for item in batch { try consume(item) }
                }
            } catch {
                channel.cancel()
                throw error
            }
            return try channel.waitForOutcome().get()
        }
    }
}

/// The work of the producer's thread, boxed so that it can cross into C.
private final class ProducerBody {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// A POSIX thread that is always joined, so that what its body captured is released before
/// the caller goes on (Foundation's `Thread` keeps its block for an unknown while after it ends).
private struct ProducerThread {
    #if canImport(Darwin)
    private var thread: pthread_t?
    #else
    private var thread = pthread_t()
    #endif

    /// Starts `body`; nil when no thread could be created.
    init?(running body: ProducerBody) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, OrderedHandOff.producerStackSize)
        let context = Unmanaged.passRetained(body).toOpaque()
        let status = pthread_create(&thread, &attributes, { context in
            #if canImport(Darwin)
            let body = Unmanaged<ProducerBody>.fromOpaque(context).takeRetainedValue()
            #else
            guard let context else { return nil }
            let body = Unmanaged<ProducerBody>.fromOpaque(context).takeRetainedValue()
            #endif
            body.run()
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<ProducerBody>.fromOpaque(context).release()
            return nil
        }
    }

    /// Waits for the thread to end.
    func join() {
        #if canImport(Darwin)
        guard let thread else { return }
        #endif
        pthread_join(thread, nil)
    }
}

/// The bounded queue between the producer's thread and the consumer's, with the producer's outcome.
private final class BatchChannel<Item, Output>: @unchecked Sendable {
    /// Thrown from the producer's `yield` once the consumer has stopped.
    struct ConsumerStopped: Error {}

    private let condition = NSCondition()
    private let capacity: Int
    private var batches: [[Item]] = []
    private var outcome: Result<Output, any Error>?
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Waits for room, then queues `batch`. Throws once the consumer has stopped.
    func push(_ batch: [Item]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw ConsumerStopped() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch, waiting for one; nil once the producer has finished and all are taken.
    func pop() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && outcome == nil { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// Records how the producer ended; called last on its thread.
    func finish(_ result: Result<Output, any Error>) {
        condition.lock()
        defer { condition.unlock() }
        outcome = result
        condition.broadcast()
    }

    /// Tells the producer to stop and drops what is queued.
    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        cancelled = true
        batches.removeAll()
        condition.broadcast()
    }

    /// Waits until the producer has finished.
    func waitForOutcome() -> Result<Output, any Error> {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let outcome { return outcome }
            condition.wait()
        }
    }
}
