import Foundation

/// The pending timers of many projects in firing order: a binary min-heap with lazy removal.
///
/// Scheduling is O(log n). Removing a timer only marks it, and the mark is honoured when the timer reaches the
/// top; the heap is rebuilt when removed entries outnumber live ones, so memory stays proportional to the live
/// timers. Used by `InMemoryProjectStore`; a durable store keeps the same order in an index.
public struct TimerQueue: Sendable {
    private var heap: [ScheduledTimer] = []
    /// The live timers: what `heap` holds minus what was removed.
    private var live: Set<ScheduledTimer> = []

    /// An empty queue.
    public init() {}

    /// How many timers are pending.
    public var count: Int { live.count }

    /// Adds a timer.
    public mutating func insert(_ timer: ScheduledTimer) {
        guard live.insert(timer).inserted else { return }
        heap.append(timer)
        siftUp(heap.count - 1)
    }

    /// Removes a timer (it stays in the heap until it surfaces or the heap is rebuilt).
    public mutating func remove(_ timer: ScheduledTimer) {
        guard live.remove(timer) != nil else { return }
        if heap.count > 64 && heap.count > 2 * live.count {
            heap = Array(live)
            heap.sort()
        }
    }

    /// The earliest live timer (mutating: removed timers that surface are dropped).
    public mutating func first() -> ScheduledTimer? {
        dropRemovedFromTop()
        return heap.first
    }

    /// The live timers due at or before `instant`, earliest first, at most `limit`; they stay pending.
    public mutating func due(through instant: Date, limit: Int) -> [ScheduledTimer] {
        var result: [ScheduledTimer] = []
        while result.count < limit, let top = first(), top.fireAt <= instant {
            result.append(popTop())
        }
        for timer in result {
            heap.append(timer)
            siftUp(heap.count - 1)
        }
        return result
    }

    private mutating func dropRemovedFromTop() {
        while let top = heap.first, !live.contains(top) {
            _ = popTop()
        }
    }

    /// Removes and returns the earliest live timer.
    public mutating func popFirst() -> ScheduledTimer? {
        dropRemovedFromTop()
        guard !heap.isEmpty else { return nil }
        let top = popTop()
        live.remove(top)
        return top
    }

    private mutating func popTop() -> ScheduledTimer {
        let top = heap[0]
        let last = heap.removeLast()
        if !heap.isEmpty {
            heap[0] = last
            siftDown(0)
        }
        return top
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            let right = left + 1
            var smallest = left
            if right < heap.count, heap[right] < heap[left] { smallest = right }
            guard heap[smallest] < heap[parent] else { return }
            heap.swapAt(smallest, parent)
            parent = smallest
        }
    }
}
