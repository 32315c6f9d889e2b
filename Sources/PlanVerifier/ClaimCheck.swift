/// Checks the tiers summary.json claims: every tier the plan must have is there with a value,
/// no other tier is, and each value equals the recomputed one.
enum ClaimCheck {
    /// Appends a violation for each missing, unknown or wrong tier claim.
    ///
    /// - Parameters:
    ///   - claims: the tiers of summary.json, in file order.
    ///   - expected: the tiers the plan must claim (``ExpectedTiers``).
    ///   - recomputed: the verifier's own value of each tier it can recompute.
    static func check(_ claims: [ClaimedTier], expected: [String], recomputed: [String: Int], into violations: inout [Violation]) {
        let list = expected.joined(separator: ", ")
        let claimed = Dictionary(claims.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for name in expected {
            guard let claim = claimed[name] else {
                violations.append(Violation(rule: .tierMissing, message: "summary.json claims no tier \(name.quotedForMessage); this plan's tiers are \(list)"))
                continue
            }
            guard let value = claim.value else {
                violations.append(Violation(rule: .tierMissing, message: "summary.json gives no value for tier \(name.quotedForMessage)"))
                continue
            }
            if let actual = recomputed[name], actual != value {
                violations.append(Violation(rule: .tierMismatch, message: "tier \(name): plan claims \(value), recomputed \(actual)"))
            }
        }
        for claim in claims where !expected.contains(claim.name) {
            violations.append(Violation(rule: .tierUnknown,
                message: "summary.json claims tier \(claim.name.quotedForMessage), which this plan does not have (its tiers are \(list)); a renamed or invented tier is not checked, so it is refused"))
        }
    }
}
