import Scenario

/// Checks a plan against every hard rule of docs/DATA.md and recomputes its tier values.
///
/// The verifier shares no code with the model builder: it depends only on the scenario's types,
/// and re-derives the allowed pairs, the distances and the tiers from the data contract, so that
/// a mistake in the model is caught rather than repeated.
public enum PlanVerifier {
    /// Verifies `assignments` against `scenario`.
    ///
    /// - Parameters:
    ///   - scenario: the scenario the plan was made for.
    ///   - assignments: the plan's rows; ids the scenario does not know are reported, never trapped on.
    ///   - claimed: tier values the plan claims, by name (`coverage`, `principle`, `timeliness`,
    ///     `quality`); other names are ignored, and a missing name is not checked.
    ///   - claimedIndicators: indicator counts the plan claims (summary.json); each is compared
    ///     with the recount, and an indicator of the scenario the plan does not claim is reported.
    ///   - claimedMode: the mode the plan says it was made under; reported when it is not the
    ///     scenario's (verify under the mode the plan was made for, e.g. `verify --mode`).
    /// - Returns: every violation, sorted by rule then message, and the recomputed tier values.
    ///
    /// Runs in time linear in the scenario and the plan (dictionary look-ups by id).
    public static func verify(
        scenario: Scenario, assignments: [PlannedAssignment], claimed: [String: Int]? = nil,
        claimedIndicators: [IndicatorCount]? = nil, claimedMode: String? = nil
    ) -> VerificationReport {
        verify(index: ScenarioIndex(scenario), assignments: assignments, claimed: claimed,
               claimedIndicators: claimedIndicators, claimedMode: claimedMode)
    }

    /// ``verify(scenario:assignments:claimed:claimedIndicators:claimedMode:)`` on an index built
    /// already; `alongside` runs beside the checks (the cells of a plan folder) and adds its own.
    ///
    /// The rule checks and the recounts of tiers and indicators read the same index and plan and
    /// nothing else, so they run side by side on the machine's cores; the violations are sorted at
    /// the end, so the report does not depend on which finished first.
    static func verify(
        index: ScenarioIndex, assignments: [PlannedAssignment], claimed: [String: Int]?,
        claimedIndicators: [IndicatorCount]?, claimedMode: String?,
        alongside: (@Sendable () -> [Violation])? = nil
    ) -> VerificationReport {
        let rules = SideBySide.Slot<[Violation]>(), counts = SideBySide.Slot<(TierValues, [IndicatorCount])>()
        let extra = SideBySide.Slot<[Violation]>()
        SideBySide.run([
            { rules.value = ruleViolations(assignments, index: index) },
            { counts.value = (TierCalculator.tiers(of: assignments, index: index), IndicatorCount.counts(of: assignments, index: index)) },
            { extra.value = alongside?() ?? [] },
        ])
        var violations = rules.value! + extra.value!
        let (tiers, indicators) = counts.value!
        if let claimed {
            for name in TierValues.names {
                guard let claim = claimed[name], let actual = tiers.value(named: name), claim != actual else { continue }
                violations.append(Violation(rule: .tierMismatch,
                    message: "tier \(name): plan claims \(claim), recomputed \(actual)"))
            }
        }

        if let claimedIndicators {
            let byID = Dictionary(claimedIndicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for actual in indicators {
                guard let claim = byID[actual.id] else {
                    violations.append(Violation(rule: .indicatorMismatch, message: "indicator \(actual.id): the plan claims nothing for it"))
                    continue
                }
                if claim != actual {
                    violations.append(Violation(rule: .indicatorMismatch, message:
                        "indicator \(actual.id): plan claims covered \(claim.covered) of \(claim.accepting) accepting (\(claim.declined) declined, \(claim.targets) in all), recounted \(actual.covered) of \(actual.accepting) (\(actual.declined) declined, \(actual.targets) in all)"))
                }
            }
        }
        if let claimedMode, claimedMode != index.scenario.mode.description {
            violations.append(Violation(rule: .modeMismatch, message:
                "the plan says it was made under mode \(claimedMode), verified under \(index.scenario.mode) (give the plan's mode, e.g. verify --mode \(claimedMode))"))
        }

        // Dictionary iteration order varies between runs; sort so reports are reproducible.
        violations.sort { ($0.rule, $0.message) < ($1.rule, $1.message) }
        return VerificationReport(violations: violations, tiers: tiers, indicators: indicators)
    }

    /// Verifies a whole plan folder (``PlanFolderReader/readPlan(folder:)``) against `scenario`:
    /// every rule, every cell of assignments.csv the scenario determines, every tier the plan must
    /// claim (and no other), and for a re-plan its changes.csv and stability tier.
    ///
    /// Runs in time linear in the scenario and the plan.
    public static func verify(scenario: Scenario, plan: PlanFolderContents) -> VerificationReport {
        let index = ScenarioIndex(scenario)
        var report = verify(index: index, assignments: plan.assignments, claimed: nil,
                            claimedIndicators: plan.indicators, claimedMode: plan.mode, alongside: {
                                var cells: [Violation] = []
                                CellCheck.check(plan.rows, index: index, into: &cells)
                                return cells
                            })
        var violations = report.violations
        var recomputed = ["coverage": report.tiers.coverage, "principle": report.tiers.principle,
                          "timeliness": report.tiers.timeliness, "quality": report.tiers.quality]
        if let changes = plan.changes {
            let stability = ChangeCheck.check(changes, plan: plan.rows, index: index, into: &violations)
            recomputed["stability"] = stability
            report.stability = stability
        }
        let expected = ExpectedTiers.names(for: scenario, replanning: plan.changes != nil)
        ClaimCheck.check(plan.claims, expected: expected, recomputed: recomputed, into: &violations)
        violations.sort { ($0.rule, $0.message) < ($1.rule, $1.message) }
        report.violations = violations
        return report
    }

    /// The pair rules of every distinct row and the plan-wide rules.
    private static func ruleViolations(_ assignments: [PlannedAssignment], index: ScenarioIndex) -> [Violation] {
        var violations: [Violation] = []
        // A row repeated verbatim would repeat its pair-rule violations; check each distinct row once.
        var checked = Set<PlannedAssignment>()
        for assignment in assignments where checked.insert(assignment).inserted {
            PairRuleCheck.check(assignment, index: index, into: &violations)
        }
        PlanRuleCheck.check(assignments, index: index, into: &violations)
        return violations
    }
}
