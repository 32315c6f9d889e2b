import Foundation

/// One of `count` shares of a scenario's independent blocks (`solve --blocks index/count`).
///
/// Blocks share no cadre class, target class or quota row, so each can be solved on its own
/// machine; ``assignment(sizes:count:)`` says which share solves which block, the same way
/// in every process, so that the shares of one job cover every block exactly once.
public struct BlockShare: Sendable, Hashable, Codable, CustomStringConvertible {
    /// 1-based position of the share, `1...count`.
    public let index: Int
    /// How many shares the blocks are split into.
    public let count: Int

    /// The most shares a job may have (far more than any batch engine runs at once).
    public static let maximumCount = 100_000

    /// A share; `nil` unless `1 <= index <= count <= maximumCount`.
    public init?(index: Int, count: Int) {
        guard count >= 1, count <= Self.maximumCount, index >= 1, index <= count else { return nil }
        self.index = index
        self.count = count
    }

    /// Parses `i/n`, e.g. `2/8`.
    public init?(text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(index: i, count: n)
    }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let i = try c.decode(Int.self, forKey: .index), n = try c.decode(Int.self, forKey: .count)
        guard let share = BlockShare(index: i, count: n) else {
            throw DecodingError.dataCorruptedError(forKey: .index, in: c, debugDescription: "share \(i)/\(n) is not 1 ≤ i ≤ n")
        }
        self = share
    }

    /// The share (0-based) of each block, given the blocks' model sizes: largest block first,
    /// each to the share with the least size so far (ties: the lower share; equal blocks: the
    /// lower block index). Deterministic, so every process computes the same split.
    ///
    /// This greedy split is within 4/3 of the best possible largest share (Graham's bound for
    /// longest-processing-time-first); size stands in for solve time, which it only approximates.
    public static func assignment(sizes: [Int], count: Int) -> [Int] {
        precondition(count >= 1, "at least one share")
        let order = sizes.indices.sorted { (sizes[$0], $1) > (sizes[$1], $0) }
        var load = [Int](repeating: 0, count: count)
        var share = [Int](repeating: 0, count: sizes.count)
        for block in order {
            var best = 0
            for s in 1..<count where load[s] < load[best] { best = s }
            share[block] = best
            load[best] += sizes[block]
        }
        return share
    }

    /// The blocks (0-based, ascending) this share solves, given every block's size.
    public func blocks(sizes: [Int]) -> [Int] {
        let share = Self.assignment(sizes: sizes, count: count)
        return sizes.indices.filter { share[$0] == index - 1 }
    }
}
