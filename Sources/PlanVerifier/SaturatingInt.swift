/// Saturating arithmetic for tier sums.
///
/// Weights and demands come from user files; a product such as `halted · demand` can exceed
/// `Int.max`, and Swift's checked arithmetic would then trap. The verifier must never crash, so
/// it clamps instead: a saturated tier value is still reported, and it cannot equal a sane claim.
extension Int {
    /// `self + other`, clamped to `Int.min...Int.max`.
    func addingSaturated(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        if !overflow { return sum }
        return other > 0 ? .max : .min
    }

    /// `self · other`, clamped to `Int.min...Int.max`.
    func multipliedSaturated(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        if !overflow { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
