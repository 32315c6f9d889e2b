import Foundation
import Scenario
import Spreadsheet

/// Writes a plan folder: assignment tables (all, per wave, per group, per region),
/// coverage.csv, idle.csv, summary.json, timings.json, report.md, report.html, pins.csv and,
/// with `.xlsx`, plan.xlsx and one workbook per service group and per region.
///
/// The folder is assembled beside the destination and put in place by one atomic exchange
/// (``AtomicFolder``), so a reader sees the old plan or the new one, never a mixture, and a
/// failure or a kill loses nothing. The folder carries the plan marker (``FolderMarker/plan``);
/// only a folder carrying it, or an empty one, is ever replaced.
public struct PlanWriter: Sendable {
    /// Header language.
    public var language: Language
    /// Table formats to write.
    public var formats: [TableFormat]
    /// Writes the workbooks of ``TableFormat/xlsx`` (the planning library builds them as data).
    public var spreadsheetWriter: (any SpreadsheetWriter)?
    /// Creates a writer.
    public init(language: Language = .zh, formats: [TableFormat] = [.csv], spreadsheetWriter: (any SpreadsheetWriter)? = nil) {
        self.language = language; self.formats = formats.isEmpty ? [.csv] : formats; self.spreadsheetWriter = spreadsheetWriter
    }

    /// Writes `plan` (with `summary`) to `folder`, replacing an earlier plan folder there.
    ///
    /// The workbooks are written in the background while the other files are written and
    /// checked (they are what takes longest, and `check` reads only the CSV and JSON files);
    /// the folder replaces the old plan only once both are done, so what is put in place is
    /// complete and checked as before.
    ///
    /// - Parameter check: called with the staging folder once the assignments, summary.json and
    ///   the change list are written (the other tables, the reports and the workbooks may still be
    ///   being written: the check must read only those three), before it replaces the old plan (the
    ///   executable reads it back and verifies it); whatever it throws is rethrown and nothing is
    ///   replaced.
    /// - Throws: ``OutputError`` (with the path and a one-line reason) when the folder may not be
    ///   replaced or cannot be written; what `check` throws. A failure to write the tables or the
    ///   change list comes before a workbook's, and a workbook's before the check's, whichever
    ///   happened first.
    /// - Parameter timings: the phases' seconds for timings.json, asked for last (after `check`),
    ///   so that they can include the check's own time.
    public func write(_ plan: Plan, summary: PlanSummary, timings: @autoclosure () -> [String: Double], changes: ChangeReport? = nil,
                      to folder: String, check: ((_ staging: String) throws -> Void)? = nil) throws {
        try AtomicFolder.replace(folder, marker: .plan) { staging in
            let dir = URL(fileURLWithPath: staging)
            let rows = AssignmentRows(plan: plan, language: language)
            let coverage = coverageTable(summary.indicators), idle = idleTable(summary.indicators)
            let workbooks = try startWorkbooks(plan, summary: summary, rows: rows, coverage: coverage, idle: idle, into: dir)
            // Every path waits for the workbooks and the other tables: the staging folder is put
            // in place or removed as soon as this closure returns.
            // What the check reads (the assignments, summary.json, the change list) is written
            // first; the other tables and reports are then written on a thread of their own while
            // the check reads those back.
            let read = Result { try writeCheckedFiles(plan, summary: summary, rows: rows, changes: changes, into: dir) }
            let others = read.map { _ in
                BackgroundWrite { [self] in try writeOtherFiles(plan, summary: summary, rows: rows, coverage: coverage, idle: idle, into: dir) }
            }
            let checked = read.flatMap { _ in Result { try check?(staging) } }
            let written = others.flatMap { $0.wait() }
            let books = Result { try workbooks?.wait() }
            try read.get()
            try written.get()
            try books.get()
            try checked.get()
            // Not read by the check (its figures differ run to run), so written after it.
            try writeTimings(timings(), into: dir)
        }
    }

    /// timings.json: seconds per phase, keys sorted.
    private func writeTimings(_ timings: [String: Double], into dir: URL) throws {
        var timing = "{\n"
        let keys = timings.keys.sorted()
        for (i, k) in keys.enumerated() { timing += "  \(jsonString(k)): \(String(format: "%.4f", timings[k]!))" + (i + 1 < keys.count ? ",\n" : "\n") }
        try AtomicFile.write(timing + "}\n", to: dir.appendingPathComponent("timings.json").path)
    }

    /// Starts plan.xlsx and the group and region workbooks when ``TableFormat/xlsx`` is asked for.
    private func startWorkbooks(_ plan: Plan, summary: PlanSummary, rows: AssignmentRows, coverage: Table, idle: Table,
                                into dir: URL) throws -> PendingWorkbooks? {
        guard formats.contains(.xlsx) else { return nil }
        guard let spreadsheetWriter else { throw OutputError(path: dir.path, action: "write plan.xlsx", reason: "内部错误：未提供工作簿写入器 / internal error: no workbook writer was given to the plan writer") }
        let books = PlanWorkbooks(plan: plan, summary: summary, language: language, rows: rows, coverage: coverage, idle: idle)
        return try books.start(into: dir, with: spreadsheetWriter, fileName: safeName)
    }

    /// Writes `table` at `path` (without extension) in every table format but xlsx.
    private func emit(_ table: Table, _ path: String, title: String, keys: [String], into dir: URL) throws {
        for f in formats {
            let file = dir.appendingPathComponent(path + "." + f.rawValue).path
            switch f {
            case .csv: try AtomicFile.write(table.csv(), to: file, bom: true)
            case .md: try AtomicFile.write(table.markdown(title: title), to: file)
            case .json: try AtomicFile.write(table.json(keys: keys), to: file)
            case .xlsx: continue  // workbooks hold several tables each: written beside these
            }
        }
    }

    /// The files the read-back check reads: the assignments, summary.json and the change list.
    private func writeCheckedFiles(_ plan: Plan, summary: PlanSummary, rows: AssignmentRows, changes: ChangeReport?,
                                   into dir: URL) throws {
        try emit(rows.table(language), "assignments", title: language.text(ReportPhrase.allAssignments(plan.scenario.name)),
                 keys: rows.keys, into: dir)
        try AtomicFile.write(try summary.json(), to: dir.appendingPathComponent("summary.json").path)
        if let changes {
            try AtomicFile.write(changes.csv(language), to: dir.appendingPathComponent("changes.csv").path, bom: true)
        }
    }

    /// The tables per wave, group and region, coverage, idle cadres, the reports and pins.csv.
    private func writeOtherFiles(_ plan: Plan, summary: PlanSummary, rows: AssignmentRows,
                                 coverage: Table, idle: Table, into dir: URL) throws {
        let s = plan.scenario
        func t(_ phrase: some Phrase) -> String { language.text(phrase) }
        for (w, wave) in s.waves.enumerated() {
            try emit(rows.table(language, rows: rows.ofWave[w] ?? []), "waves/\(safeName(wave.id))",
                     title: t(ReportPhrase.waveTitle(id: wave.id, date: wave.date)), keys: rows.keys, into: dir)
        }
        for g in s.groups {
            try emit(rows.table(language, rows: rows.ofGroup[g.id] ?? []), "groups/\(safeName(g.id))", title: g.name, keys: rows.keys, into: dir)
        }
        for r in s.regions {
            try emit(rows.table(language, rows: rows.ofRegion[r.id] ?? []), "regions/\(safeName(r.id))", title: r.name, keys: rows.keys, into: dir)
        }
        try AtomicFile.write(coverage.csv(), to: dir.appendingPathComponent("coverage.csv").path, bom: true)
        try AtomicFile.write(idle.csv(), to: dir.appendingPathComponent("idle.csv").path, bom: true)
        try AtomicFile.write(Report.markdown(summary: summary, language: language), to: dir.appendingPathComponent("report.md").path)
        try AtomicFile.write(HTMLReport(summary: summary, language: language).page(), to: dir.appendingPathComponent("report.html").path)
        let pins = plan.pairs.map { [s.cadres[$0.cadre].id, s.targets[$0.target].id, s.waves[$0.wave].id] }
        try AtomicFile.write(CSVText.render(header: ["cadre", "target", "wave"], rows: pins), to: dir.appendingPathComponent("pins.csv").path)
    }

    /// coverage.csv: the indicators, then coverage by category and by region (rates over the
    /// targets that accept service; those that declined in their own column).
    func coverageTable(_ ind: CampaignIndicators) -> Table {
        let header = [Header.section, .id, .name, .targets, .declined, .accepting, .covered, .demand, .served, .rate].map { language.text($0) }
        var rows: [[String]] = []
        func add(_ section: Header, _ rates: [CampaignIndicators.Rate]) {
            for r in rates {
                rows.append([language.text(section), r.id, r.name, String(r.targets), String(r.declined), String(r.accepting), String(r.covered),
                             String(r.demand), String(r.served), String(format: "%.4f", r.rate)])
            }
        }
        add(.indicator, ind.indicators)
        add(.category, ind.byCategory)
        add(.region, ind.byRegion)
        return Table(header: header, rows: rows, kinds: [.text, .text, .text] + Array(repeating: .integer, count: 6) + [.percent])
    }

    /// idle.csv: cadres left at home per region and per group, with the reason.
    func idleTable(_ ind: CampaignIndicators) -> Table {
        let header = [Header.section, .id, .name, .cadres, .idle, .noTargetLeft, .quotaFull, .otherReason].map { language.text($0) }
        var rows: [[String]] = []
        func add(_ section: Header, _ counts: [IdleCadres.Count]) {
            for c in counts {
                rows.append([language.text(section), c.id, Report.idleName(c, language), String(c.cadres), String(c.idle), String(c.noTarget),
                             String(c.quotaFull), String(c.other)])
            }
        }
        add(.region, ind.idle.byRegion)
        add(.group, ind.idle.byGroup)
        return Table(header: header, rows: rows, kinds: [.text, .text, .text] + Array(repeating: .integer, count: 5))
    }

    /// File names from ids: keep letters, digits, `-`, `_` and CJK; replace the rest.
    public func safeName(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { u -> Character in
            (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_") ? Character(u) : "_"
        })
        return cleaned.isEmpty ? "_" : cleaned
    }
}
