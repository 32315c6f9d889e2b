import Foundation
import Scenario
import Spreadsheet

/// The workbooks of a plan, as data: plan.xlsx (the overview, one sheet per wave, every
/// assignment, coverage, idle cadres) and the table each service group and each region is
/// handed (groups/<id>.xlsx, regions/<id>.xlsx), written by whatever ``SpreadsheetWriter`` the
/// plan writer is given.
struct PlanWorkbooks {
    let plan: Plan
    let summary: PlanSummary
    let language: Language
    let rows: AssignmentRows
    let coverage: Table
    let idle: Table

    private func t(_ phrase: some Phrase) -> String { language.text(phrase) }

    /// plan.xlsx.
    func planWorkbook(_ typed: TypedAssignments) -> Workbook {
        let s = plan.scenario
        var sheets = [OverviewSheet(summary: summary, language: language).sheet()]
        for (w, wave) in s.waves.enumerated() {
            sheets.append(typed.sheet(name: "\(wave.id) \(wave.date)", rows: rows.ofWave[w] ?? []))
        }
        sheets.append(typed.sheet(name: t(ReportPhrase.assignmentsSheet), rows: Array(rows.rows.indices)))
        sheets.append(coverage.sheet(name: t(ReportPhrase.coverageSheet)))
        sheets.append(idle.sheet(name: t(ReportPhrase.idleSheet)))
        return Workbook(title: t(ReportPhrase.planTitle(s.name)), sheets: sheets)
    }

    /// The workbook of one service group or region: its assignments, every wave, sorted for reading.
    func workbook(title: String, rows indices: [Int], _ typed: TypedAssignments) -> Workbook {
        Workbook(title: title, sheets: [typed.sheet(name: title, rows: indices)])
    }

    /// The path of every workbook in the plan folder: plan.xlsx, then the groups', then the
    /// regions' (the order of ``workbook(at:)``).
    func paths(fileName: (String) -> String) -> [String] {
        let s = plan.scenario
        return ["plan.xlsx"] + s.groups.map { "groups/\(fileName($0.id)).xlsx" } + s.regions.map { "regions/\(fileName($0.id)).xlsx" }
    }

    /// Starts writing every workbook into `dir` in the background and returns at once: the
    /// caller writes the CSV files and reads them back meanwhile, and calls
    /// ``PendingWorkbooks/wait()`` before the folder is put in place. The workbooks are built and
    /// written as many at a time as the machine has cores, plan.xlsx, the largest, first.
    func start(into dir: URL, with writer: any SpreadsheetWriter, fileName: (String) -> String) throws -> PendingWorkbooks {
        let paths = paths(fileName: fileName)
        // groups/ and regions/ exist only when a CSV, Markdown or JSON table was written there;
        // made here, before anything runs beside the caller's own writing into the same folders.
        for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }) where !folder.isEmpty {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let pending = PendingWorkbooks(count: paths.count)
        let books = self
        pending.group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            let typed = TypedAssignments(books.rows, language: books.language)
            DispatchQueue.concurrentPerform(iterations: paths.count) { i in
                do {
                    try writer.write(books.workbook(at: i, typed), to: dir.appendingPathComponent(paths[i]).path)
                } catch {
                    pending.failures.set(i, error)
                }
            }
            pending.group.leave()
        }
        return pending
    }

    /// The workbook at position `i` of ``paths(fileName:)``: plan.xlsx, the groups', the regions'.
    func workbook(at i: Int, _ typed: TypedAssignments) -> Workbook {
        let s = plan.scenario
        if i == 0 { return planWorkbook(typed) }
        if i <= s.groups.count {
            let g = s.groups[i - 1]
            return workbook(title: t(ReportPhrase.groupWorkbookTitle(g.name)), rows: rows.ofGroup[g.id] ?? [], typed)
        }
        let r = s.regions[i - 1 - s.groups.count]
        return workbook(title: t(ReportPhrase.regionWorkbookTitle(r.name)), rows: rows.ofRegion[r.id] ?? [], typed)
    }
}

/// Workbooks being written in the background into a plan's staging folder.
final class PendingWorkbooks: Sendable {
    fileprivate let group = DispatchGroup()
    fileprivate let failures: FailureList
    fileprivate init(count: Int) { failures = FailureList(count: count) }

    /// Waits until every workbook is written; rethrows the first failure in file order, so that
    /// the message does not depend on timing.
    func wait() throws {
        group.wait()
        if let error = failures.first { throw error }
    }
}

/// Errors collected from concurrent writes, by position.
private final class FailureList: @unchecked Sendable {
    private var errors: [(any Error)?]
    private let lock = NSLock()
    init(count: Int) { errors = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ error: any Error) { lock.lock(); errors[i] = error; lock.unlock() }
    var first: (any Error)? { lock.lock(); defer { lock.unlock() }; return errors.lazy.compactMap { $0 }.first }
}

/// The 总览 sheet of plan.xlsx: tiers, indicators, dispatch per wave against the quota, the
/// regions' coverage, shortages and idle cadres, idle cadres per group, and cross-region service.
struct OverviewSheet {
    let summary: PlanSummary
    let language: Language

    private func t(_ phrase: some Phrase) -> String { language.text(phrase) }

    func sheet() -> Sheet {
        let s = summary, i = summary.indicators
        var rows: [Sheet.Row] = []
        func title(_ text: String) { rows.append(Sheet.Row([.text(text)], style: .title)) }
        func note(_ text: String) { rows.append(Sheet.Row([.text(text)], style: .note)) }
        func header(_ columns: [Header]) { rows.append(Sheet.Row(columns.map { .text(t($0)) }, style: .header)) }
        func blank() { rows.append(Sheet.Row([])) }
        func dash() -> Cell { .text(t(Word.none)) }

        title(t(ReportPhrase.planTitle(s.scenario)))
        note(t(ReportPhrase.modeAndStatus(mode: t(Word.mode(s.mode)), status: t(Word.status(s.status)))))
        blank()
        title(t(ReportPhrase.tiersTitle))
        header([.tier, .value, .bound, .gap, .status])
        for tier in s.tiers {
            rows.append(Sheet.Row([.text(tier.tier.label(language)), .integer(tier.value), tier.bound.map(Cell.integer) ?? dash(),
                                   tier.gap.map(Cell.percent) ?? dash(), .text(t(Word.status(tier.status)))]))
        }
        note(t(ReportPhrase.tierNote))
        blank()
        title(t(ReportPhrase.indicatorsTitle))
        header([.indicator, .targets, .declined, .accepting, .covered, .rate, .goal])
        for r in i.indicators {
            rows.append(Sheet.Row([.text(r.name), .integer(r.targets), .integer(r.declined), .integer(r.accepting), .integer(r.covered),
                                   .percent(r.rate), .percent(1)]))
        }
        blank()
        title(t(ReportPhrase.dispatchTitle))
        header([.wave, .date, .level, .dispatched, .quota, .shareOfQuota])
        for d in i.dispatch {
            let share: Cell = d.quota.map { $0 > 0 ? .percent(Double(d.dispatched) / Double($0)) : dash() } ?? dash()
            rows.append(Sheet.Row([.text(d.wave), CalendarDate(iso: d.date).map(Cell.date) ?? .text(d.date), .text(t(Word.levelKey(d.level))),
                                   .integer(d.dispatched), d.quota.map(Cell.integer) ?? dash(), share]))
        }
        note(t(ReportPhrase.dispatchSentence(cadres: i.cadresDispatched, pairs: i.pairs, extra: i.extraTargets,
                                             mean: i.distanceMeanKm, longest: i.distanceMaxKm)))
        blank()
        title(t(ReportPhrase.shortageTitle))
        header([.region, .targets, .declined, .accepting, .covered, .shortTargets, .shortfall, .rate, .cadres, .idle,
                .noTargetLeftText, .quotaFullText, .otherReason])
        for r in RegionFigures.rows(s) {
            rows.append(Sheet.Row([.text(r.name), .integer(r.targets), .integer(r.declined), .integer(r.accepting), .integer(r.covered),
                                   .integer(r.short), .integer(r.cadresShort), .percent(r.rate), .integer(r.cadres), .integer(r.idle),
                                   .integer(r.noTarget), .integer(r.quotaFull), .integer(r.other)]))
        }
        note(t(ReportPhrase.shortageNote))
        blank()
        title(t(ReportPhrase.idleTitle(i.idle.total)) + " · " + t(ReportPhrase.byServiceGroup))
        header([.group, .cadres, .idle, .noTargetLeftText, .quotaFullText, .otherReason])
        for c in i.idle.byGroup {
            rows.append(Sheet.Row([.text(Report.idleName(c, language)), .integer(c.cadres), .integer(c.idle), .integer(c.noTarget),
                                   .integer(c.quotaFull), .integer(c.other)]))
        }
        if !i.crossRegion.isEmpty {
            blank()
            title(t(ReportPhrase.crossRegionTitle))
            header([.region, .given, .received])
            for r in i.crossRegion { rows.append(Sheet.Row([.text(r.name), .integer(r.given), .integer(r.received)])) }
        }
        blank()
        note(t(ReportPhrase.modelSentence(individual: s.model.individual.variables, variables: s.model.solved.variables,
                                          rows: s.model.solved.rows, blocks: s.model.blocks)))
        return Sheet(name: t(ReportPhrase.overviewSheet), rows: rows)
    }
}
