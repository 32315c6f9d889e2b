/// A small deterministic pseudo-random generator (SplitMix64) for the scenario generator.
///
/// The generator must give the same bytes for the same seed on every platform and every
/// Swift version, so it uses neither the system generator nor the standard library's
/// `random(in:using:)` / `shuffle(using:)` (whose algorithms are not promised to stay
/// the same): bounded integers and shuffles are implemented here.
struct SplitMix64 {
    private var state: UInt64

    /// A generator started from `seed`.
    init(seed: UInt64) { state = seed }

    /// An independent stream for one purpose (`"names"`, `"ranks"`…), derived from `seed`.
    ///
    /// Separate streams keep the parts of a scenario stable against each other: adding a
    /// draw to the naming code does not reshuffle which targets are urgent.
    init(seed: UInt64, stream: String) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a, a fixed and portable string hash
        for byte in stream.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var mixer = SplitMix64(seed: seed ^ hash)
        state = mixer.next()
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection, so unbiased).
    mutating func next(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var m = next().multipliedFullWidth(by: b)
        if m.low < b {
            let threshold = (0 &- b) % b
            while m.low < threshold { m = next().multipliedFullWidth(by: b) }
        }
        return Int(m.high)
    }

    /// A uniformly chosen element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T { items[next(below: items.count)] }

    /// True with probability `percent`/100.
    mutating func chance(percent: Int) -> Bool { next(below: 100) < percent }

    /// Fisher–Yates shuffle in place.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, next(below: i + 1))
        }
    }
}

/// Integer rounding helpers that keep totals exact.
enum Apportion {
    /// Splits `total` into parts proportional to `weights` (largest remainder method).
    ///
    /// The parts always sum to `total` (when some weight is positive), each part is within
    /// one of its exact share, ties go to the earlier index, and when `total` is an integer
    /// multiple of the weights' sum every part is the exact multiple. Integer arithmetic
    /// only, so the result never depends on floating-point rounding.
    static func split(_ total: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0, total > 0 else { return weights.map { _ in 0 } }
        var parts = weights.map { total * $0 / sum }
        var left = total - parts.reduce(0, +)
        let order = weights.indices.sorted {
            let a = total * weights[$0] % sum, b = total * weights[$1] % sum
            return a != b ? a > b : $0 < $1
        }
        for i in order where left > 0 { parts[i] += 1; left -= 1 }
        return parts
    }

    /// `percent`% of `count`, rounded half up, in integers.
    static func share(_ count: Int, percent: Int) -> Int { (count * percent + 50) / 100 }
}
