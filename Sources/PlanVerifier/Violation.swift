/// One broken rule in a plan, with a message naming the ids and numbers involved.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    /// Which rule is broken.
    public var rule: Rule
    /// What is wrong, naming the cadre, target and wave ids and the numbers compared.
    public var message: String

    /// Creates a violation.
    public init(rule: Rule, message: String) {
        self.rule = rule; self.message = message
    }

    /// `rule-code: message`, on one line (ids from a plan file may hold anything).
    public var description: String { "\(rule): \(message.escapedForMessage)" }
}
