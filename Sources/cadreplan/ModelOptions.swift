import ArgumentParser
import Scenario

/// Options that change the model itself, shared by `check`, `solve` and `explain`: the mode and
/// the order of the tiers, each overriding scenario.yaml.
struct ModelOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "one-to-one, one-to-many:M or one-to-one-first:M. Default: the scenario's.",
        discussion: "one-to-one-first:M (one-to-one in principle, one-to-many where needed) lets a cadre take up to M targets, and right after coverage minimises the targets served beyond each cadre's first.",
        valueName: "mode"))
    var mode: AssignmentMode?

    @Option(help: ArgumentHelp(
        "Order of the objective tiers, comma-separated, e.g. coverage,timeliness,principle,quality. Default: scenario.yaml's `tiers`, else the mode's.",
        valueName: "tiers"))
    var tiers: TierOrderArgument?
}

extension AssignmentMode: ExpressibleByArgument {
    /// Parses `one-to-one`, `one-to-many:M` or `one-to-one-first:M`.
    public init?(argument: String) { self.init(text: argument) }
    public static var defaultCompletionKind: CompletionKind { .list(["one-to-one", "one-to-one-first:3", "one-to-many:3"]) }
}

/// A tier order given on the command line: tiers separated by commas, English or Chinese names.
struct TierOrderArgument: ExpressibleByArgument {
    var tiers: [Tier]
    init?(argument: String) {
        var tiers: [Tier] = []
        for part in argument.split(separator: ",") {
            guard let tier = Tier(scenarioText: String(part)) else { return nil }
            tiers.append(tier)
        }
        guard !tiers.isEmpty, Tier.problem(inOrder: tiers) == nil else { return nil }
        self.tiers = tiers
    }
    static var defaultValueDescription: String { "coverage,principle,timeliness,quality" }
}
