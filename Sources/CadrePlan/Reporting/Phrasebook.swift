import Scenario

/// Something a planner reads, in each language the reports are written in.
///
/// The phrase types below list *what* is said; two tables say it, one per language:
/// `chinese` in Phrasebook+Chinese.swift and `english` in Phrasebook+English.swift. Each table is
/// a switch over every case, so a phrase missing from one language does not compile, and no
/// report decides between languages itself: it asks ``Language/text(_:)``.
public protocol Phrase: Sendable {
    /// The phrase in Chinese.
    var chinese: String { get }
    /// The phrase in English.
    var english: String { get }
}

extension Language {
    /// `phrase` in this language.
    public func text(_ phrase: some Phrase) -> String {
        switch self {
        case .zh: phrase.chinese
        case .en: phrase.english
        }
    }
}

/// Words: levels, ranks, kinds, tiers, statuses, modes and punctuation.
enum Word: Phrase, Hashable {
    /// 省级 / 市县.
    case level(Level)
    /// A level as summary.json writes it (`province`, `county`; anything else as it is).
    case levelKey(String)
    /// 厅 / 处 / 科 (the rank column of the tables).
    case rank(Rank)
    /// 厅级 / 处级 / 科级 (in sentences).
    case rankLevel(Rank)
    /// A rank as summary.json keys it (厅, 处, 科; anything else as it is).
    case rankKey(String)
    /// 企业 / 项目 / 园区.
    case kind(TargetKind)
    /// A tier with what it counts: 覆盖（加权缺口）.
    case tier(Tier)
    /// A tier's short name: 覆盖.
    case tierName(Tier)
    /// A tier's status as summary.json writes it (`optimal`, `feasible (time limit)`, `given`).
    case status(String)
    /// A mode as summary.json writes it (`one-to-one-first:3`), explained.
    case mode(String)
    /// Cadres without a service group.
    case noGroup
    /// No value (a bound the solver did not have).
    case none
    /// Between the items of a list: 、 / ", ".
    case listSeparator
    /// Between the clauses of a sentence: ， / ", ".
    case clauseSeparator
    /// Between the parts of a longer sentence: ； / "; ".
    case partSeparator
    /// At the end of a sentence: 。 / ".".
    case sentenceEnd
    /// The language's tag in an HTML page: zh-CN / en.
    case languageTag
}

/// Column headers of the tables a plan is written as (CSV, Markdown, workbooks, report.html).
enum Header: Phrase, Hashable {
    /// The assignment tables' columns (docs/DATA.md).
    case assignment(AssignmentColumn)
    case section, id, name, targets, declined, accepting, covered, demand, served, rate
    case cadres, idle, noTargetLeft, quotaFull, otherReason
    /// The idle reasons as a person reads them (the CSV keys above are for machines).
    case noTargetLeftText, quotaFullText
    case change, cadreID, targetID, wave, now, reason
    case date, level, dispatched, quota, shareOfQuota, shortfall, goal
    case tier, value, bound, gap, status
    case region, given, received
    case figure, key
    case quotaScope, usedOfLimit, used, limit, state, facts, recommendation, shortTargets
    case indicator, category, coveredOfAccepting, group, seat
}

/// Titles and sentences of report.md, report.html and the overview sheet of plan.xlsx.
enum ReportPhrase: Phrase {
    case planTitle(String)
    case modeAndStatus(mode: String, status: String)
    case tiersTitle
    case indicatorsTitle
    case dispatchTitle
    case dispatchSentence(cadres: Int, pairs: Int, extra: Int, mean: Double, longest: Int)
    case everyCadreDispatched
    case idleTitle(Int)
    case byHomeRegion
    case byServiceGroup
    case crossRegionTitle
    case modelSentence(individual: Int, variables: Int, rows: Int, blocks: Int)
    case allAssignments(String)
    case waveTitle(id: String, date: String)
    /// report.html
    case goalNote
    case regionsTitle
    case mapTitle
    case mapNote
    case coverageLegend
    case targetsLegend
    case noSeats
    case shortageTitle
    case shortageNote
    case noneInAnyRegion
    case tierNote
    case boundMissing
    case generatedBy(String)
    case comparisonTitle
    case planColumn(String)
    /// Workbooks.
    case overviewSheet
    case assignmentsSheet
    case coverageSheet
    case idleSheet
    case groupWorkbookTitle(String)
    case regionWorkbookTitle(String)
    case dispatchOfTotal
    case dispatchByRegionTitle
    case declinedNote(Int)
}

/// What a re-plan changed (changes.csv).
enum ChangePhrase: Phrase, Hashable {
    case kind(String)
    case cadreGone
    case targetGone
    case waveGone
    case noLongerAllowed(Exclusion)
    case becameUrgent
    case laterWaveOnly
    case movedForHigherTiers
    case newAssignmentOfMovedCadre
    case newCadreForShortTarget
}

/// Labels and section titles of `cadreplan compare`.
enum ComparePhrase: Phrase {
    case section(PlanComparison.Section)
    case scenario, mode, status, violations
    case declinedService(String)
    case cadresDispatched, pairs, extraTargets, idleCadres
    case crossRegionGiven(String)
    case targetsPerCadreMean
    case cadresServing(String)
    case totalKm, meanKm, longestKm
    case rankCadres(Rank)
    case aboveMinimumRank
    case solveSeconds
    case individualVariables, individualRows, solvedVariables, solvedRows, solvedNonzeros
    case cadreClasses, targetClasses, blocks, simplexIterations, nodes, solver
    case coveredSuffix, targetsSuffix, quotaSuffix, statusSuffix, gapSuffix
}

/// The sentences of `cadreplan explain`.
enum ExplainPhrase: Phrase {
    case shortagesTitle, quotasTitle, recommendationsTitle, ruleChangesTitle, checkTitle
    case noShortageText
    case noShortage
    case moreEntriesText(Int)
    case moreEntries(Int)
    case markdownTitle(String)
    case planSource(Explanation.PlanSource)
    case scenarioLine(scenario: String, mode: String, source: String, coverage: Int, status: String)
    case shortCount(targets: Int, units: Int)
    case declinedPart(Int)
    case givenNotOptimal
    case andMore
    case targetCount(Int)
    case weight(Int)
    case urgent, halted
    case needsRank(String)
    case servedOf(served: Int, demand: Int)
    case factSeparator
    /// Between the counts of a reason (Chinese runs them on with commas, English uses semicolons).
    case reasonPartSeparator
    case reasonDeclined
    case reasonNoCompatible
    case reasonNotEnough(Int)
    case reasonCapacity(Int)
    case servingIt(Int)
    case busyAtLimit(cadres: Int, limit: Int, weights: String)
    case busyElsewhere(cadres: Int, weights: String)
    case reasonQuotaFull(quotas: String, blocked: Int)
    case urgentFirstWaveOnly
    case quotaTakenBy(Int)
    case otherCompatible(Int)
    case reasonNotOptimal(Int)
    case excludedLine(String)
    case seeRecommendation(Int)
    case orRuleChange(String)
    case barrier(Exclusion, cadres: Int, level: String, category: String, region: String, rank: String)
    case moreTargets(Int)
    case raiseQuota(wave: String, scope: String, from: Int, by: Int)
    case group(String), home(String), skills(String), capacity(Int)
    case addCadres(id: Int, count: Int, level: String, rank: String, attributes: String, wave: String)
    case listedPairsToo
    case dispatchIdle(id: Int, cadres: String, wave: String)
    case useSpare(id: Int, cadres: String, wave: String)
    case needsRaises(String)
    case closes(targets: String, units: Int)
    case verified(Bool)
    case maxTargetsGroup(id: Int, group: String, from: Int, to: Int, key: String)
    case maxTargetsRegion(id: Int, region: String, from: Int, to: Int, key: String)
    case countyReach(id: Int, from: Int, to: Int, key: String)
    case forTargets(String)
    case ruleChangeChecked(closed: Int, of: Int)
    case checkResolved(added: Int, raised: String)
    case checkCoverage(before: Int, after: Int, status: String, constructed: Int)
    case allRecommendationsVerified
    case recommendationsFailed(String)
    case stillShort(String)
    case quotaFullBinds(Int)
    case quotaFull
    case regionScope(String)
    case groupScope(String)
}
