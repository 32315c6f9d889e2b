import Foundation
import Scenario

/// Writes a plan folder: assignment tables (all, per wave, per group, per region),
/// coverage.csv, summary.json, timings.json, report.md and pins.csv.
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
    /// Creates a writer.
    public init(language: Language = .zh, formats: [TableFormat] = [.csv]) {
        self.language = language; self.formats = formats.isEmpty ? [.csv] : formats
    }

    /// Writes `plan` (with `summary`) to `folder`, replacing an earlier plan folder there.
    ///
    /// - Parameter check: called with the finished staging folder before it replaces the old
    ///   plan (the executable reads it back and verifies it); whatever it throws is rethrown and
    ///   nothing is replaced.
    /// - Throws: ``OutputError`` (with the path and a one-line reason) when the folder may not be
    ///   replaced or cannot be written; what `check` throws.
    public func write(_ plan: Plan, summary: PlanSummary, timings: [String: Double], changes: ChangeReport? = nil,
                      to folder: String, check: ((_ staging: String) throws -> Void)? = nil) throws {
        try AtomicFolder.replace(folder, marker: .plan) { staging in
            let dir = URL(fileURLWithPath: staging)
            try writeContents(plan, summary: summary, timings: timings, into: dir)
            if let changes {
                try AtomicFile.write(changes.csv(language), to: dir.appendingPathComponent("changes.csv").path, bom: true)
            }
            try check?(staging)
        }
    }

    private func writeContents(_ plan: Plan, summary: PlanSummary, timings: [String: Double], into dir: URL) throws {
        let s = plan.scenario
        let rows = AssignmentRows(plan: plan)
        func emit(_ table: Table, _ path: String, title: String) throws {
            for f in formats {
                let file = dir.appendingPathComponent(path + "." + f.rawValue).path
                switch f {
                case .csv: try AtomicFile.write(table.csv(), to: file, bom: true)
                case .md: try AtomicFile.write(table.markdown(title: title), to: file)
                case .json: try AtomicFile.write(table.json(keys: rows.keys), to: file)
                }
            }
        }
        let zh = language == .zh
        try emit(rows.table(language), "assignments", title: zh ? "\(s.name) 全部派驻" : "\(s.name): all assignments")
        for (w, wave) in s.waves.enumerated() {
            try emit(rows.table(language) { rows.rows[$0].wave == w }, "waves/\(safeName(wave.id))",
                     title: zh ? "\(wave.date) 批次 \(wave.id)" : "Wave \(wave.id), \(wave.date)")
        }
        for g in s.groups {
            try emit(rows.table(language) { rows.rows[$0].group == g.id }, "groups/\(safeName(g.id))", title: g.name)
        }
        for r in s.regions {
            try emit(rows.table(language) { rows.rows[$0].region == r.id }, "regions/\(safeName(r.id))", title: r.name)
        }
        try AtomicFile.write(coverageTable(summary.indicators).csv(), to: dir.appendingPathComponent("coverage.csv").path, bom: true)
        try AtomicFile.write(idleTable(summary.indicators).csv(), to: dir.appendingPathComponent("idle.csv").path, bom: true)
        try AtomicFile.write(try summary.json(), to: dir.appendingPathComponent("summary.json").path)
        var t = "{\n"
        let keys = timings.keys.sorted()
        for (i, k) in keys.enumerated() { t += "  \(jsonString(k)): \(String(format: "%.4f", timings[k]!))" + (i + 1 < keys.count ? ",\n" : "\n") }
        try AtomicFile.write(t + "}\n", to: dir.appendingPathComponent("timings.json").path)
        try AtomicFile.write(Report.markdown(summary: summary, language: language), to: dir.appendingPathComponent("report.md").path)
        let pins = plan.pairs.map { [s.cadres[$0.cadre].id, s.targets[$0.target].id, s.waves[$0.wave].id] }
        try AtomicFile.write(CSVText.render(header: ["cadre", "target", "wave"], rows: pins), to: dir.appendingPathComponent("pins.csv").path)
    }

    /// coverage.csv: the indicators, then coverage by category and by region (rates over the
    /// targets that accept service; those that declined in their own column), then idle cadres
    /// per region and group with their reasons, and cross-region service.
    func coverageTable(_ ind: CampaignIndicators) -> Table {
        let zh = language == .zh
        let header = zh ? ["分组", "编号", "名称", "对象数", "不愿接受服务", "接受服务", "已覆盖", "需求人数", "已派人数", "覆盖率"]
                        : ["section", "id", "name", "targets", "declined", "accepting", "covered", "demand", "served", "rate"]
        var rows: [[String]] = []
        func add(_ section: String, _ rates: [CampaignIndicators.Rate]) {
            for r in rates {
                rows.append([section, r.id, r.name, String(r.targets), String(r.declined), String(r.accepting), String(r.covered),
                             String(r.demand), String(r.served), String(format: "%.4f", r.rate)])
            }
        }
        add(zh ? "指标" : "indicator", ind.indicators)
        add(zh ? "类别" : "category", ind.byCategory)
        add(zh ? "地区" : "region", ind.byRegion)
        return Table(header: header, rows: rows)
    }

    /// idle.csv: cadres left at home per region and per group, with the reason.
    func idleTable(_ ind: CampaignIndicators) -> Table {
        let zh = language == .zh
        let header = zh ? ["分组", "编号", "名称", "干部数", "未派出", "无可服务对象", "名额已满", "其他"]
                        : ["section", "id", "name", "cadres", "idle", "no_target_left", "quota_full", "other"]
        var rows: [[String]] = []
        func add(_ section: String, _ counts: [IdleCadres.Count]) {
            for c in counts {
                let name = c.id.isEmpty ? (zh ? "无服务组" : "no group") : c.name
                rows.append([section, c.id, name, String(c.cadres), String(c.idle), String(c.noTarget), String(c.quotaFull), String(c.other)])
            }
        }
        add(zh ? "地区" : "region", ind.idle.byRegion)
        add(zh ? "服务组" : "group", ind.idle.byGroup)
        return Table(header: header, rows: rows)
    }

    /// File names from ids: keep letters, digits, `-`, `_` and CJK; replace the rest.
    public func safeName(_ id: String) -> String {
        let cleaned = String(id.unicodeScalars.map { u -> Character in
            (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_") ? Character(u) : "_"
        })
        return cleaned.isEmpty ? "_" : cleaned
    }
}
