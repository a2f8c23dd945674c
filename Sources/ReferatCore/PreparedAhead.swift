import Foundation

/// Makes a sequence of values on a thread of its own, ahead of the one consuming them: while
/// the indexer writes batch N, batch N+1 is read, parsed and tokenised. At most `lookahead`
/// made values wait, so memory is bounded by the batch size, not the corpus. Values come out
/// in order; the first error ends the sequence.
///
/// @unchecked Sendable: the state is guarded by `condition`; each value is made by the
/// producer and then used by the consumer alone, never by both.
final class PreparedAhead<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var ready: [Result<Value, any Error>] = []
    private var stopped = false
    private var finished = false
    private let lookahead: Int

    /// Starts making `make(0)`, `make(1)`, … `make(count - 1)` on a new thread.
    init(count: Int, lookahead: Int = 1, make: @escaping @Sendable (Int) throws -> Value) {
        self.lookahead = max(1, lookahead)
        let thread = Thread { [self] in produce(count: count, make: make) }
        thread.start()
    }

    /// The next value in order, waiting for it; nil after the last.
    func next() throws -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        guard !ready.isEmpty else { return nil }
        let result = ready.removeFirst()
        condition.broadcast()
        return try result.get()
    }

    /// Stops making values (the one under way is finished and dropped) and waits for the
    /// producer to end. Safe to call more than once.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        condition.broadcast()
        while !finished { condition.wait() }
        ready = []
    }

    private func produce(count: Int, make: @Sendable (Int) throws -> Value) {
        for index in 0..<count {
            condition.lock()
            while ready.count >= lookahead && !stopped { condition.wait() }
            let stop = stopped
            condition.unlock()
            if stop { break }
            let result = Result { try make(index) }
            condition.lock()
            ready.append(result)
            condition.broadcast()
            condition.unlock()
            if case .failure = result { break }
        }
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }
}
