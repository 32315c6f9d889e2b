import CadrePlan
import Foundation
import GLPKSolver
import Scenario

/// The desk's pages, each rendered from the scenario folder and its plan folder as they are on disk.
struct DeskPages: Sendable {
    let root: DeskRoot
    let solves: DeskSolves

    /// An assignment row of the plan's assignments.csv (columns in PlanWriter's fixed order).
    struct Row { var cells: [String]; var wave: String { cells[0] }; var cadre: String { cells[4] }; var target: String { cells[8] } }

    /// The plan's rows from `file` (assignments.csv or one of its sub-tables), or nil when there is no plan.
    func rows(_ file: String) throws -> (header: [String], rows: [Row])? {
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        let csv: CSVFile
        do { csv = try CSVFile.read(path: file) } catch { throw DeskError.failed("\(file): \(error.description)") }
        guard csv.header.count >= 15 else { throw DeskError.failed("\(file): 不是 cadreplan 的方案表 / not a cadreplan assignments table") }
        return (csv.header, csv.records.map { Row(cells: $0.fields + Array(repeating: "", count: max(0, csv.header.count - $0.fields.count))) })
    }

    func scenarioList(lang: DeskLanguage) -> String {
        let list = root.scenarios()
        let rows = list.map { s -> [String] in
            let plan = FileManager.default.fileExists(atPath: root.planFolder(s.id) + "/summary.json")
            return ["<a href=\"\(DeskHTML.escape(lang.link("/s/" + DeskHTML.segment(s.id))))\">\(DeskHTML.escape(s.id))</a>",
                    DeskHTML.escape(String(s.folder.dropFirst(root.path.count + 1))),
                    DeskHTML.escape(plan ? lang.t("有方案", "planned") : lang.t("未求解", "not solved"))]
        }
        let body = list.isEmpty
            ? "<p>\(DeskHTML.escape(lang.t("此文件夹下没有场景（含 scenario.yaml 的文件夹）。", "No scenarios (folders with scenario.yaml) under this folder.")))</p>"
            : DeskHTML.table(id: "scenarios", header: [lang.t("场景", "Scenario"), lang.t("文件夹", "Folder"), lang.t("方案", "Plan")], rows: rows, lang: lang)
        return DeskHTML.page(title: lang.t("场景", "Scenarios"), lang: lang, body: body)
    }

    func nav(_ id: String, lang: DeskLanguage) -> [(String, String)] {
        [(lang.t("场景", "Scenarios"), "/"), (id, "/s/" + DeskHTML.segment(id))]
    }

    func solveForms(_ id: String, hasPlan: Bool, lang: DeskLanguage) -> String {
        let base = "/s/" + DeskHTML.segment(id)
        func form(_ action: String, _ label: String) -> String {
            "<form method=\"post\" action=\"\(base)/\(action)\" class=\"inline solve\" data-progress=\"\(base)/progress\">\(lang.field)<button type=\"submit\" id=\"\(action)\">\(DeskHTML.escape(label))</button></form>"
        }
        var out = "<p class=\"actions\">" + form("solve", lang.t("求解", "Solve"))
        if hasPlan { out += form("resolve", lang.t("按现方案重新求解（最少改动）", "Re-solve against this plan (fewest changes)")) }
        let running = solves.progress(id)
        return out + " <span id=\"progress\">\(DeskHTML.escape(running.map { lang.t("求解中：", "solving: ") + $0 } ?? ""))</span></p>\n"
    }

    func overview(_ id: String, message: String?, lang: DeskLanguage) throws -> String {
        let plan = root.planFolder(id)
        let hasPlan = FileManager.default.fileExists(atPath: plan + "/summary.json")
        let base = "/s/" + DeskHTML.segment(id)
        var body = message.map { "<p class=\"msg\">\(DeskHTML.escape($0))</p>\n" } ?? ""
        body += solveForms(id, hasPlan: hasPlan, lang: lang)
        body += "<nav class=\"tabs\">" + [("tables", lang.t("分表（批次/服务组/市县）", "Tables (wave/group/region)")),
                                         ("targets", lang.t("服务对象", "Targets")), ("cadres", lang.t("干部", "Cadres"))]
            .map { "<a href=\"\(DeskHTML.escape(lang.link(base + "/" + $0.0)))\">\(DeskHTML.escape($0.1))</a>" }.joined() + "</nav>\n"
        if FileManager.default.fileExists(atPath: plan + "/changes.csv"), let csv = try? CSVFile.read(path: plan + "/changes.csv") {
            body += "<h2>\(DeskHTML.escape(lang.t("与上一方案相比的改动", "Changes against the previous plan"))) (\(csv.records.count))</h2>\n"
            body += DeskHTML.table(id: "changes", header: csv.header, rows: csv.records.map { $0.fields.map(DeskHTML.escape) }, lang: lang)
        }
        if hasPlan {
            body += "<h2>\(DeskHTML.escape(lang.t("方案报告", "Plan report")))</h2>\n<iframe src=\"\(base)/report\" title=\"report\"></iframe>\n"
        } else {
            body += "<p>\(DeskHTML.escape(lang.t("还没有方案：点“求解”。", "No plan yet: press Solve.")))</p>\n"
        }
        return DeskHTML.page(title: id, lang: lang, nav: nav(id, lang: lang), body: body)
    }

    /// The plan's own report.html (charts and map, self-contained), in the language the plan was
    /// written in: summary.json does not carry everything the page draws, so it is served as written.
    func report(_ id: String) throws -> String {
        guard let file = root.file("report.html", in: root.planFolder(id)), let data = FileManager.default.contents(atPath: file) else {
            throw DeskError.notFound("还没有方案 / no plan yet")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The list of sub-tables with their downloads.
    func tables(_ id: String, scenario s: Scenario, lang: DeskLanguage) -> String {
        let base = "/s/" + DeskHTML.segment(id)
        var body = ""
        let kinds: [(String, String, [(String, String)])] = [
            ("wave", lang.t("批次", "Waves"), s.waves.map { ($0.id, $0.id + " " + $0.date) }),
            ("group", lang.t("服务组", "Service groups"), s.groups.map { ($0.id, $0.name) }),
            ("region", lang.t("市县", "Regions"), s.regions.map { ($0.id, $0.name) }),
        ]
        for (kind, title, items) in kinds {
            body += "<h2>\(DeskHTML.escape(title))</h2>\n<ul>\n"
            for (key, name) in items {
                let page = base + "/table/\(kind)/" + DeskHTML.segment(key)
                body += "<li><a href=\"\(DeskHTML.escape(lang.link(page)))\">\(DeskHTML.escape(name))</a>"
                body += " · <a href=\"\(page).csv\">CSV</a>"
                if kind != "wave" { body += " · <a href=\"\(page).xlsx\">xlsx</a>" }
                body += "</li>\n"
            }
            body += "</ul>\n"
        }
        return DeskHTML.page(title: id + " · " + lang.t("分表", "Tables"), lang: lang, nav: nav(id, lang: lang), body: body)
    }

    /// The sub-table file of a wave, group or region (nil for an unknown kind or key).
    func tableFile(_ id: String, scenario s: Scenario, kind: String, key: String, ext: String) -> String? {
        let folders = ["wave": ("waves", s.waves.map(\.id)), "group": ("groups", s.groups.map(\.id)), "region": ("regions", s.regions.map(\.id))]
        guard let (folder, keys) = folders[kind], keys.contains(key) else { return nil }
        return root.file("\(folder)/\(PlanWriter().safeName(key)).\(ext)", in: root.planFolder(id))
    }

    /// An assignment table with pin/unpin and forbid on every row.
    func assignmentTable(_ id: String, rows: [Row], header: [String], scenario s: Scenario, lang: DeskLanguage) -> String {
        let base = "/s/" + DeskHTML.segment(id)
        let pins = Set(s.pins)
        let cells = rows.map { r -> [String] in
            let pinned = pins.contains(Pin(cadre: r.cadre, target: r.target, wave: r.wave))
            let fields = [("cadre", r.cadre), ("target", r.target), ("wave", r.wave)]
            var action = pinned
                ? "<span class=\"pinned\">\(DeskHTML.escape(lang.t("已固定", "pinned")))</span>" + DeskHTML.button(base + "/unpin", lang.t("取消固定", "Unpin"), fields: fields, lang: lang, cssClass: "unpin")
                : DeskHTML.button(base + "/pin", lang.t("固定", "Pin"), fields: fields, lang: lang, cssClass: "pin")
            // A pinned pair cannot be forbidden (409): its row offers unpinning only.
            if !pinned { action += "<form method=\"post\" action=\"\(base)/forbid\" class=\"inline forbid\"><input type=\"hidden\" name=\"cadre\" value=\"\(DeskHTML.escape(r.cadre))\"><input type=\"hidden\" name=\"target\" value=\"\(DeskHTML.escape(r.target))\">\(lang.field)<input name=\"reason\" size=\"8\" required maxlength=\"200\" placeholder=\"\(DeskHTML.escape(lang.t("回避理由", "reason")))\"><button type=\"submit\">\(DeskHTML.escape(lang.t("禁止", "Forbid")))</button></form>" }
            var out = r.cells.map(DeskHTML.escape)
            out[4] = "<a href=\"\(DeskHTML.escape(lang.link(base + "/cadre/" + DeskHTML.segment(r.cadre))))\">\(DeskHTML.escape(r.cadre))</a>"
            out[8] = "<a href=\"\(DeskHTML.escape(lang.link(base + "/target/" + DeskHTML.segment(r.target))))\">\(DeskHTML.escape(r.target))</a>"
            return [action] + out
        }
        return DeskHTML.table(id: "assignments", header: [lang.t("操作", "Action")] + header, rows: cells, lang: lang)
            .replacingOccurrences(of: "<tr><td><span class=\"pinned\">", with: "<tr class=\"pinned\"><td><span class=\"pinned\">")
    }

    func table(_ id: String, scenario s: Scenario, kind: String, key: String, lang: DeskLanguage) throws -> String {
        guard let file = tableFile(id, scenario: s, kind: kind, key: key, ext: "csv"), let read = try rows(file) else {
            throw DeskError.notFound(lang.t("没有这张表（先求解？）", "no such table (solve first?)") + ": \(kind) \(key)")
        }
        let body = assignmentTable(id, rows: read.rows, header: read.header, scenario: s, lang: lang)
        let kindName = ["wave": lang.t("批次", "wave"), "group": lang.t("服务组", "group"), "region": lang.t("地区", "region")][kind] ?? kind
        return DeskHTML.page(title: "\(id) · \(kindName) \(key)", lang: lang, nav: nav(id, lang: lang) + [(lang.t("分表", "Tables"), "/s/\(DeskHTML.segment(id))/tables")], body: body)
    }

    func targets(_ id: String, scenario s: Scenario, lang: DeskLanguage) throws -> String {
        let served = Dictionary(grouping: try rows(root.planFolder(id) + "/assignments.csv")?.rows ?? [], by: \.target).mapValues(\.count)
        let base = "/s/" + DeskHTML.segment(id)
        let rows = s.targets.map { t -> [String] in
            ["<a href=\"\(DeskHTML.escape(lang.link(base + "/target/" + DeskHTML.segment(t.id))))\">\(DeskHTML.escape(t.id))</a>",
             DeskHTML.escape(t.name), DeskHTML.escape(t.category), DeskHTML.escape(t.region), String(t.demand), String(served[t.id] ?? 0),
             t.halted ? lang.t("是", "yes") : "", t.consent ? "" : lang.t("谢绝", "declined")]
        }
        let header = [lang.t("编号", "Id"), lang.t("名称", "Name"), lang.t("类别", "Category"), lang.t("市县", "Region"),
                      lang.t("需求", "Demand"), lang.t("已派", "Served"), lang.t("停工", "Halted"), lang.t("意愿", "Consent")]
        return DeskHTML.page(title: id + " · " + lang.t("服务对象", "Targets"), lang: lang, nav: nav(id, lang: lang),
                             body: DeskHTML.table(id: "targets", header: header, rows: rows, lang: lang))
    }

    func cadres(_ id: String, scenario s: Scenario, lang: DeskLanguage) throws -> String {
        let load = Dictionary(grouping: try rows(root.planFolder(id) + "/assignments.csv")?.rows ?? [], by: \.cadre).mapValues(\.count)
        let base = "/s/" + DeskHTML.segment(id)
        let rows = s.cadres.map { c -> [String] in
            ["<a href=\"\(DeskHTML.escape(lang.link(base + "/cadre/" + DeskHTML.segment(c.id))))\">\(DeskHTML.escape(c.id))</a>",
             DeskHTML.escape(c.name), DeskHTML.escape(c.unit), DeskHTML.escape(c.group ?? ""), DeskHTML.escape(c.region), String(load[c.id] ?? 0)]
        }
        let header = [lang.t("编号", "Id"), lang.t("姓名", "Name"), lang.t("单位", "Unit"), lang.t("服务组", "Group"), lang.t("市县", "Region"), lang.t("派驻数", "Assignments")]
        return DeskHTML.page(title: id + " · " + lang.t("干部", "Cadres"), lang: lang, nav: nav(id, lang: lang),
                             body: DeskHTML.table(id: "cadres", header: header, rows: rows, lang: lang))
    }

    func target(_ id: String, scenario s: Scenario, target tid: String, lang: DeskLanguage) throws -> String {
        guard let t = s.targets.first(where: { $0.id == tid }) else { throw DeskError.notFound(lang.t("未知服务对象", "unknown target") + ": \(tid)") }
        let read = try rows(root.planFolder(id) + "/assignments.csv")
        let serving = read?.rows.filter { $0.target == tid } ?? []
        var body = "<p>\(DeskHTML.escape("\(t.name) · \(t.category) · \(t.region) · " + lang.t("需求 \(t.demand)，已派 \(serving.count)", "demand \(t.demand), served \(serving.count)")))</p>\n"
        if let read {
            body += "<h2>\(DeskHTML.escape(lang.t("服务它的干部", "Cadres serving it")))</h2>\n"
            body += assignmentTable(id, rows: serving, header: read.header, scenario: s, lang: lang)
            if serving.count < t.demand && t.consent {
                body += "<h2>\(DeskHTML.escape(lang.t("为什么缺人（explain）", "Why it is short (explain)")))</h2>\n" + (try explain(s, rows: read.rows, target: tid, lang: lang))
            }
        }
        return DeskHTML.page(title: "\(t.id) \(t.name)", lang: lang, nav: nav(id, lang: lang), body: body)
    }

    /// explain's reasons and recommendation for one target, from the plan as written.
    private func explain(_ s: Scenario, rows: [Row], target tid: String, lang: DeskLanguage) throws -> String {
        let plan: Plan
        do { plan = try Explainer.plan(s, assignments: rows.map { ($0.cadre, $0.target, $0.wave) }) } catch {
            throw DeskError.failed("\(error)")
        }
        let explanation = try Explainer.explain(s, plan: plan, solver: GLPKSolver(), check: false)
        guard let shortage = explanation.shortages.first(where: { $0.target == tid }) else {
            return "<p>\(DeskHTML.escape(lang.t("explain 未列出此对象。", "explain does not list this target.")))</p>"
        }
        // explain's own report, cut down to this target, its recommendation and its rule changes.
        var one = explanation
        one.shortages = [shortage]
        one.recommendations = explanation.recommendations.filter { $0.id == shortage.recommendation }
        one.ruleChanges = explanation.ruleChanges.filter { shortage.ruleChanges.contains($0.id) }
        one.quotas = []
        one.check = nil
        let text = ExplanationReport(explanation: one, scenario: s, language: lang.english ? .en : .zh).text()
        // Without the report's opening lines, which count the shortages of the whole plan.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("==") }.joined(separator: "\n")
        return "<pre class=\"explain\">\(DeskHTML.escape(body))</pre>\n"
    }

    func cadre(_ id: String, scenario s: Scenario, cadre cid: String, lang: DeskLanguage) throws -> String {
        guard let c = s.cadres.first(where: { $0.id == cid }) else { throw DeskError.notFound(lang.t("未知干部", "unknown cadre") + ": \(cid)") }
        let read = try rows(root.planFolder(id) + "/assignments.csv")
        var body = "<p>\(DeskHTML.escape("\(c.name) · \(c.unit) · \(c.group ?? "") · \(c.region)"))</p>\n"
        if let read {
            body += "<h2>\(DeskHTML.escape(lang.t("派驻", "Assignments")))</h2>\n"
            body += assignmentTable(id, rows: read.rows.filter { $0.cadre == cid }, header: read.header, scenario: s, lang: lang)
        }
        let forbidden = s.pairs.filter { $0.cadre == cid && $0.forbidden }
        if !forbidden.isEmpty {
            body += "<h2>\(DeskHTML.escape(lang.t("回避（禁止的配对）", "Forbidden pairs")))</h2><ul>"
            body += forbidden.map { "<li>\(DeskHTML.escape($0.target)) — \(DeskHTML.escape($0.reason))</li>" }.joined() + "</ul>\n"
        }
        body += "<h2>\(DeskHTML.escape(lang.t("禁止一个配对", "Forbid a pair")))</h2>\n"
        body += "<form method=\"post\" action=\"/s/\(DeskHTML.segment(id))/forbid\"><input type=\"hidden\" name=\"cadre\" value=\"\(DeskHTML.escape(cid))\">\(lang.field)"
        body += "\(DeskHTML.escape(lang.t("服务对象编号", "Target id"))) <input name=\"target\" required maxlength=\"100\"> \(DeskHTML.escape(lang.t("理由", "Reason"))) <input name=\"reason\" required maxlength=\"200\"> <button type=\"submit\">\(DeskHTML.escape(lang.t("禁止", "Forbid")))</button></form>\n"
        return DeskHTML.page(title: "\(c.id) \(c.name)", lang: lang, nav: nav(id, lang: lang), body: body)
    }
}
