import Foundation
import Scenario

// The English table: everything a planner reads, in English. Its twin is Phrasebook+Chinese.swift.

extension Word {
    /// English.
    var english: String {
        switch self {
        case .level(let l): l.rawValue
        case .levelKey(let k): k
        case .rank(let r): r.keyword
        case .rankLevel(let r): r.keyword
        case .rankKey(let k): Rank(text: k)?.keyword ?? k
        case .kind(let k): k.rawValue
        case .tier(let t): [Tier.coverage: "coverage (weighted shortfall)", .principle: "one-to-one principle (extra targets)",
                            .timeliness: "timeliness (weighted lateness)", .stability: "stability (changes)", .quality: "quality (cost)"][t]!
        case .tierName(let t): t.rawValue
        case .status(let s): s
        case .mode(let m):
            switch AssignmentMode(text: m) {
            case .oneToOne?: "one-to-one (\(m))"
            case .oneToMany(let k)?: "one-to-many, up to \(k) targets per cadre (\(m))"
            case .oneToOneFirst(let k)?: "one-to-one in principle, one-to-many where needed, up to \(k) targets per cadre (\(m))"
            case nil: m
            }
        case .noGroup: "no group"
        case .none: "—"
        case .listSeparator: ", "
        case .clauseSeparator: ", "
        case .partSeparator: "; "
        case .languageTag: "en"
        case .sentenceEnd: "."
        }
    }
}

extension Header {
    /// English: the keys of docs/DATA.md where a table is a data contract.
    var english: String {
        switch self {
        case .assignment(let c): c.rawValue
        case .section: "section"
        case .id: "id"
        case .name: "name"
        case .targets: "targets"
        case .declined: "declined"
        case .accepting: "accepting"
        case .covered: "covered"
        case .demand: "demand"
        case .served: "served"
        case .rate: "rate"
        case .cadres: "cadres"
        case .idle: "idle"
        case .noTargetLeft: "no_target_left"
        case .quotaFull: "quota_full"
        case .noTargetLeftText: "no target left"
        case .quotaFullText: "quota full"
        case .otherReason: "other"
        case .change: "change"
        case .cadreID: "cadre_id"
        case .targetID: "target_id"
        case .wave: "wave"
        case .now: "now"
        case .reason: "reason"
        case .date: "date"
        case .level: "level"
        case .dispatched: "dispatched"
        case .quota: "quota"
        case .shareOfQuota: "share of quota"
        case .shortfall: "cadres short"
        case .goal: "goal"
        case .tier: "tier"
        case .value: "value"
        case .bound: "bound"
        case .gap: "gap"
        case .status: "status"
        case .region: "region"
        case .given: "given"
        case .received: "received"
        case .figure: "figure"
        case .key: "key"
        case .quotaScope: "quota"
        case .usedOfLimit: "used/limit"
        case .used: "used"
        case .limit: "limit"
        case .state: "state"
        case .facts: "facts"
        case .recommendation: "recommendation"
        case .shortTargets: "targets short"
        case .indicator: "indicator"
        case .category: "category"
        case .coveredOfAccepting: "covered/accepting"
        case .group: "group"
        case .seat: "seat"
        }
    }
}

extension ReportPhrase {
    /// English.
    var english: String {
        switch self {
        case .planTitle(let s): "Plan: \(s)"
        case let .modeAndStatus(mode, status): "Mode \(mode), status \(status)."
        case .tiersTitle: "Tiers"
        case .indicatorsTitle: "Indicators (over the targets that accept service)"
        case .dispatchTitle: "Dispatch"
        case let .dispatchSentence(cadres, pairs, extra, mean, longest):
            "\(cadres) cadres dispatched, \(pairs) pairs (\(extra) extra targets beyond each cadre's first), mean distance \(mean) km, longest \(longest) km."
        case .everyCadreDispatched: "Every cadre is dispatched."
        case .idleTitle(let n): "Idle cadres (\(n))"
        case .byHomeRegion: "By home region"
        case .byServiceGroup: "By service group"
        case .crossRegionTitle: "Cross-region service (county cadres)"
        case let .modelSentence(individual, variables, rows, blocks):
            "Model: individual model \(individual) variables; solved \(variables) variables, \(rows) rows in \(blocks) independent blocks."
        case .allAssignments(let s): "\(s): all assignments"
        case let .waveTitle(id, date): "Wave \(id), \(date)"
        case .goalNote: "The line is the campaign's goal of 100%; rates are over the targets that accept service, those that declined are counted apart."
        case .regionsTitle: "Coverage and idle cadres by region"
        case .mapTitle: "Coverage by city and county"
        case .mapNote: "Each dot sits at the region's seat; its colour is the coverage rate, its size the number of targets."
        case .coverageLegend: "coverage"
        case .targetsLegend: "targets"
        case .noSeats: "The scenario gives no seat coordinates for its regions, so there is no map."
        case .shortageTitle: "Targets short and idle cadres by region"
        case .shortageNote: "Targets short: accepting service but not given every cadre they need; idle cadres by reason."
        case .noneInAnyRegion: "0 in every region."
        case .tierNote: "Tiers are minimised in order, each keeping the earlier ones at their optimum; “—” means the solver had no bound."
        case .boundMissing: "—"
        case .generatedBy(let v): "Written by cadreplan (\(v))."
        case .comparisonTitle: "Plans compared"
        case .planColumn(let s): "plan \(s)"
        case .overviewSheet: "Overview"
        case .assignmentsSheet: "All assignments"
        case .coverageSheet: "Coverage"
        case .idleSheet: "Idle cadres"
        case .groupWorkbookTitle(let g): "\(g): assignments"
        case .regionWorkbookTitle(let r): "\(r): assignments"
        case .dispatchOfTotal: "dispatched/quota"
        case .dispatchByRegionTitle: "Dispatch by region"
        case .declinedNote(let n): "\(n) more targets declined service and are not counted in the rates."
        }
    }
}

extension ChangePhrase {
    /// English.
    var english: String {
        switch self {
        case .kind(let k): k
        case .cadreGone: "cadre no longer on the roster"
        case .targetGone: "target no longer on the list"
        case .waveGone: "wave no longer exists"
        case .noLongerAllowed(let why): "no longer allowed: \(why.explanation)"
        case .becameUrgent: "target became urgent: served in the first wave only"
        case .laterWaveOnly: "cadre not available in that wave"
        case .movedForHigherTiers: "moved to improve coverage or timeliness (higher tiers)"
        case .newAssignmentOfMovedCadre: "new assignment of a moved cadre"
        case .newCadreForShortTarget: "newly dispatched cadre: serves a target left short"
        }
    }
}

extension ComparePhrase {
    /// English.
    var english: String {
        switch self {
        case .section(let s):
            switch s {
            case .plan: "plan"
            case .indicators: "indicators"
            case .categories: "coverage by category"
            case .regions: "coverage by region"
            case .dispatch: "dispatch (dispatched/quota)"
            case .load: "cadres and pairs"
            case .idle: "idle cadres by region, cross-region service"
            case .distance: "distance"
            case .ranks: "rank use (pairs)"
            case .tiers: "tiers"
            case .time: "time"
            case .model: "model size"
            }
        case .scenario: "scenario"
        case .mode: "mode"
        case .status: "status"
        case .violations: "violations"
        case .declinedService(let name): name + ": declined service"
        case .cadresDispatched: "cadres dispatched"
        case .pairs: "pairs"
        case .extraTargets: "extra targets (beyond each cadre's first)"
        case .idleCadres: "idle cadres"
        case .crossRegionGiven(let name): "cross-region given: " + name
        case .targetsPerCadreMean: "targets per cadre (mean)"
        case .cadresServing(let k): "cadres serving \(k) target\(k == "1" ? "" : "s")"
        case .totalKm: "total (km)"
        case .meanKm: "mean (km)"
        case .longestKm: "longest (km)"
        case .rankCadres(let r): "\(r.keyword) (\(r.chinese)) cadres"
        case .aboveMinimumRank: "above the target's minimum rank"
        case .solveSeconds: "solve (s)"
        case .individualVariables: "individual model: variables"
        case .individualRows: "individual model: rows"
        case .solvedVariables: "solved model: variables"
        case .solvedRows: "solved model: rows"
        case .solvedNonzeros: "solved model: nonzeros"
        case .cadreClasses: "cadre classes"
        case .targetClasses: "target classes"
        case .blocks: "independent blocks"
        case .simplexIterations: "simplex iterations"
        case .nodes: "branch-and-bound nodes"
        case .solver: "solver"
        case .coveredSuffix: " (covered)"
        case .targetsSuffix: " (targets)"
        case .quotaSuffix: " (quota)"
        case .statusSuffix: " (status)"
        case .gapSuffix: " (gap)"
        }
    }
}

extension ExplainPhrase {
    /// English.
    var english: String {
        switch self {
        case .shortagesTitle: "Shortages and reasons"
        case .quotasTitle: "Wave quotas"
        case .recommendationsTitle: "Recommendations"
        case .ruleChangesTitle: "Or change a rule (no extra cadres)"
        case .checkTitle: "Check"
        case .noShortageText: "No shortage: every target is fully served."
        case .noShortage: "No shortage."
        case .moreEntriesText(let n): "… \(n) more entries not shown (--limit 0 shows all, or use --format json)."
        case .moreEntries(let n): "\(n) more entries not shown."
        case .markdownTitle(let s): "Shortages explained: \(s)"
        case .planSource(let s): s == .solved ? "solved plan" : "given plan"
        case let .scenarioLine(scenario, mode, source, coverage, status): "Scenario \(scenario) (\(mode)): \(source), coverage tier \(coverage) (\(status))."
        case let .shortCount(targets, units): "\(targets) targets short of full service, \(units) cadre-units missing"
        case .declinedPart(let n): "; \(n) of them declined service"
        case .givenNotOptimal: "Note: the given plan is not optimal — compatible cadres with room are left for short targets."
        case .andMore: " …"
        case .targetCount(let n): " (\(n) targets)"
        case .weight(let w): "weight \(w)"
        case .urgent: "urgent"
        case .halted: "halted"
        case .needsRank(let r): "needs \(r)"
        case let .servedOf(served, demand): "served \(served)/\(demand)"
        case .reasonPartSeparator: "; "
        case .factSeparator: ", "
        case .reasonDeclined: "Reason: the target declined service; no cadre may be assigned."
        case .reasonNoCompatible: "Reason: no compatible cadre at all."
        case .reasonNotEnough(let n): "Reason: not enough compatible cadres — \(n) in all"
        case .reasonCapacity(let n): "Reason: one-to-many capacity reached — compatible cadres: \(n)"
        case .servingIt(let n): "already serving it: \(n)"
        case let .busyAtLimit(cadres, limit, weights): "at their limit of \(limit) targets or their full workload: \(cadres) (serving weights \(weights))"
        case let .busyElsewhere(cadres, weights): "serving other targets: \(cadres) (weights \(weights))"
        case let .reasonQuotaFull(quotas, blocked): "Reason: wave quota full (\(quotas)), keeping compatible cadres from it: \(blocked)"
        case .urgentFirstWaveOnly: " (an urgent target is served in the first wave only)"
        case .quotaTakenBy(let w): "; the quota is taken by targets of weight \(w) or more"
        case .otherCompatible(let n): "; other compatible cadres, serving other targets or this one: \(n)"
        case .reasonNotOptimal(let n): "Reason: compatible cadres could still serve it (\(n)) — the plan is not optimal; re-solving improves it."
        case .excludedLine(let list): "Other cadres of its level: " + list + "."
        case .seeRecommendation(let id): "see recommendation \(id)"
        case .orRuleChange(let ids): "or rule change \(ids)"
        case let .barrier(why, n, _, category, _, rank):
            switch why {
            case .level: "\(n) are of the other level (none of its own)"
            case .group: "\(n) in groups that do not serve \(category)"
            case .region: "\(n) in other regions"
            case .rank: "\(n) below \(rank) rank"
            case .consent: "\(n) (the target declined)"
            case .forbidden: "\(n) forbidden by pairs.csv (回避)"
            case .notListed: "\(n) not listed in pairs.csv"
            case .conflict: "\(n) from the target's supervising unit (回避)"
            case .workload: "\(n) without capacity for its workload"
            case .wave: "\(n) available only after the first wave (urgent target)"
            }
        case .moreTargets(let n): " … \(n) in all"
        case let .raiseQuota(wave, scope, from, by): "raise the \(wave) \(scope) quota (\(from)) by \(by)"
        case .group(let g): "group " + g
        case .home(let r): "home " + r
        case .skills(let s): "skills " + s
        case .capacity(let c): "capacity \(c)"
        case let .addCadres(id, count, level, rank, attributes, wave):
            "\(id). Add \(count) \(level) cadre\(count == 1 ? "" : "s") of \(rank) rank (\(attributes)), dispatched in wave \(wave)"
        case .listedPairsToo: ", listed in pairs.csv with these targets"
        case let .dispatchIdle(id, cadres, wave): "\(id). Dispatch the idle compatible cadres \(cadres) in wave \(wave)"
        case let .useSpare(id, cadres, wave): "\(id). Give the targets to \(cadres), idle or with room to spare, in wave \(wave) (the plan is not optimal; re-solving does it)"
        case .needsRaises(let r): "; \(r)"
        case let .closes(targets, units): " — closes \(targets) (\(units) unit\(units == 1 ? "" : "s"))."
        case .verified(let ok): ok ? " Check: passed." : " Check: FAILED."
        case let .maxTargetsGroup(id, group, from, to, key): "R\(id). Let cadres of group \(group) serve up to \(to) targets instead of \(from) (\(key)): one-to-many where needed"
        case let .maxTargetsRegion(id, region, from, to, key): "R\(id). Let cadres from \(region) serve up to \(to) targets instead of \(from) (\(key)): one-to-many where needed"
        case let .countyReach(id, from, to, key): "R\(id). Let city/county cadres serve county targets of regions within \(to) km (\(key), now \(from)): mainly local, nearby help"
        case .forTargets(let t): " — for \(t)."
        case let .ruleChangeChecked(closed, total): " Check (re-solved with every rule change applied): closes \(closed) of \(total)."
        case let .checkResolved(added, raised): "Re-solved with the \(added) recommended cadres added" + (raised.isEmpty ? "" : " and quotas raised (\(raised))")
        case let .checkCoverage(before, after, status, constructed): ": coverage tier \(before) → \(after) (\(status); the plan built from the old one plus the recommendations has \(constructed))."
        case .allRecommendationsVerified: "Every recommendation's targets are fully served in the new plan."
        case .recommendationsFailed(let ids): "Recommendations that failed: \(ids)."
        case .stillShort(let ids): "Still short in the new plan: \(ids)."
        case .quotaFullBinds(let n): "full, binds (short targets kept from cadres: \(n))"
        case .quotaFull: "full"
        case .regionScope(let r): "region " + r
        case .groupScope(let g): "group " + g
        }
    }
}
