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
                    DeskHTML.escape(plan ? lang.text(.planned) : lang.text(.notSolved))]
        }
        let body = list.isEmpty
            ? "<p>\(DeskHTML.escape(lang.text(.noScenarios)))</p>"
            : DeskHTML.table(id: "scenarios", header: [lang.text(.scenarioColumn), lang.text(.folder), lang.text(.planColumn)], rows: rows, lang: lang)
        let compare = "<p><a href=\"\(DeskHTML.escape(lang.link("/compare")))\" id=\"compare-link\">\(DeskHTML.escape(lang.text(.compare)))</a></p>\n"
        return DeskHTML.page(title: lang.text(.scenarios), lang: lang, body: body + compare)
    }

    func nav(_ id: String, lang: DeskLanguage) -> [(String, String)] {
        [(lang.text(.scenarios), "/"), (id, "/s/" + DeskHTML.segment(id))]
    }

    func solveForms(_ id: String, hasPlan: Bool, lang: DeskLanguage) -> String {
        let base = "/s/" + DeskHTML.segment(id)
        func form(_ action: String, _ label: String) -> String {
            "<form method=\"post\" action=\"\(base)/\(action)\" class=\"inline solve\" data-progress=\"\(DeskHTML.escape(lang.link(base + "/progress")))\">\(lang.field)<button type=\"submit\" id=\"\(action)\">\(DeskHTML.escape(label))</button></form>"
        }
        var out = "<p class=\"actions\">" + form("solve", lang.text(.solve))
        if hasPlan { out += form("resolve", lang.text(.resolve)) }
        let running = solves.progress(id)
        out += cancelForm(id, running: running != nil, lang: lang)
        return out + " <span id=\"progress\">\(DeskHTML.escape(running.map { lang.text(.solvingPrefix) + lang.text(.progress($0)) } ?? ""))</span></p>\n"
    }

    func overview(_ id: String, message: String?, lang: DeskLanguage) throws -> String {
        let plan = root.planFolder(id)
        let hasPlan = FileManager.default.fileExists(atPath: plan + "/summary.json")
        let base = "/s/" + DeskHTML.segment(id)
        var body = message.map { "<p class=\"msg\">\(DeskHTML.escape($0))</p>\n" } ?? ""
        body += solveForms(id, hasPlan: hasPlan, lang: lang)
        body += "<nav class=\"tabs\">" + [("tables", lang.text(.tablesTab)),
                                         ("targets", lang.text(.targets)), ("cadres", lang.text(.cadres))]
            .map { "<a href=\"\(DeskHTML.escape(lang.link(base + "/" + $0.0)))\">\(DeskHTML.escape($0.1))</a>" }.joined() + "</nav>\n"
        if FileManager.default.fileExists(atPath: plan + "/changes.csv"), let csv = try? CSVFile.read(path: plan + "/changes.csv") {
            body += "<h2>\(DeskHTML.escape(lang.text(.changesAgainstPrevious))) (\(csv.records.count))</h2>\n"
            body += DeskHTML.table(id: "changes", header: csv.header, rows: csv.records.map { $0.fields.map(DeskHTML.escape) }, lang: lang)
        }
        if let folder = root.scenarioFolder(id), let scenario = try? ScenarioEdits.load(folder) {
            body += variantForm(id, scenario: scenario, lang: lang)
        }
        if hasPlan {
            body += "<h2>\(DeskHTML.escape(lang.text(.planReport)))</h2>\n<iframe src=\"\(base)/report\" title=\"report\"></iframe>\n"
        } else {
            body += "<p>\(DeskHTML.escape(lang.text(.noPlanYet)))</p>\n"
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
            ("wave", lang.text(.wavesHeading), s.waves.map { ($0.id, $0.id + " " + $0.date) }),
            ("group", lang.text(.groupsHeading), s.groups.map { ($0.id, $0.name) }),
            ("region", lang.text(.regionsHeading), s.regions.map { ($0.id, $0.name) }),
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
        return DeskHTML.page(title: id + " · " + lang.text(.tables), lang: lang, nav: nav(id, lang: lang), body: body)
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
                ? "<span class=\"pinned\">\(DeskHTML.escape(lang.text(.pinned)))</span>" + DeskHTML.button(base + "/unpin", lang.text(.unpin), fields: fields, lang: lang, cssClass: "unpin")
                : DeskHTML.button(base + "/pin", lang.text(.pin), fields: fields, lang: lang, cssClass: "pin")
            // A pinned pair cannot be forbidden (409): its row offers unpinning only.
            if !pinned { action += "<form method=\"post\" action=\"\(base)/forbid\" class=\"inline forbid\"><input type=\"hidden\" name=\"cadre\" value=\"\(DeskHTML.escape(r.cadre))\"><input type=\"hidden\" name=\"target\" value=\"\(DeskHTML.escape(r.target))\">\(lang.field)<input name=\"reason\" size=\"8\" required maxlength=\"200\" placeholder=\"\(DeskHTML.escape(lang.text(.reasonPlaceholder)))\"><button type=\"submit\">\(DeskHTML.escape(lang.text(.forbid)))</button></form>" }
            var out = r.cells.map(DeskHTML.escape)
            out[4] = "<a href=\"\(DeskHTML.escape(lang.link(base + "/cadre/" + DeskHTML.segment(r.cadre))))\">\(DeskHTML.escape(r.cadre))</a>"
            out[8] = "<a href=\"\(DeskHTML.escape(lang.link(base + "/target/" + DeskHTML.segment(r.target))))\">\(DeskHTML.escape(r.target))</a>"
            return [action] + out
        }
        return DeskHTML.table(id: "assignments", header: [lang.text(.action)] + header, rows: cells, lang: lang)
            .replacingOccurrences(of: "<tr><td><span class=\"pinned\">", with: "<tr class=\"pinned\"><td><span class=\"pinned\">")
    }

    func table(_ id: String, scenario s: Scenario, kind: String, key: String, lang: DeskLanguage) throws -> String {
        guard let file = tableFile(id, scenario: s, kind: kind, key: key, ext: "csv"), let read = try rows(file) else {
            throw DeskError.notFound(lang.text(.noSuchTable) + ": \(kind) \(key)")
        }
        let body = assignmentTable(id, rows: read.rows, header: read.header, scenario: s, lang: lang)
        let kindName = ["wave": lang.text(.kindWave), "group": lang.text(.kindGroup), "region": lang.text(.kindRegion)][kind] ?? kind
        return DeskHTML.page(title: "\(id) · \(kindName) \(key)", lang: lang, nav: nav(id, lang: lang) + [(lang.text(.tables), "/s/\(DeskHTML.segment(id))/tables")], body: body)
    }

    func targets(_ id: String, scenario s: Scenario, lang: DeskLanguage) throws -> String {
        let served = Dictionary(grouping: try rows(root.planFolder(id) + "/assignments.csv")?.rows ?? [], by: \.target).mapValues(\.count)
        let base = "/s/" + DeskHTML.segment(id)
        let rows = s.targets.map { t -> [String] in
            ["<a href=\"\(DeskHTML.escape(lang.link(base + "/target/" + DeskHTML.segment(t.id))))\">\(DeskHTML.escape(t.id))</a>",
             DeskHTML.escape(t.name), DeskHTML.escape(t.category), DeskHTML.escape(t.region), String(t.demand), String(served[t.id] ?? 0),
             t.halted ? lang.text(.yes) : "", t.consent ? "" : lang.text(.declined)]
        }
        let header = [lang.text(.id), lang.text(.name), lang.text(.category), lang.text(.region),
                      lang.text(.demand), lang.text(.served), lang.text(.halted), lang.text(.consent)]
        return DeskHTML.page(title: id + " · " + lang.text(.targets), lang: lang, nav: nav(id, lang: lang),
                             body: DeskHTML.table(id: "targets", header: header, rows: rows, lang: lang))
    }

    func cadres(_ id: String, scenario s: Scenario, lang: DeskLanguage) throws -> String {
        let load = Dictionary(grouping: try rows(root.planFolder(id) + "/assignments.csv")?.rows ?? [], by: \.cadre).mapValues(\.count)
        let base = "/s/" + DeskHTML.segment(id)
        let rows = s.cadres.map { c -> [String] in
            ["<a href=\"\(DeskHTML.escape(lang.link(base + "/cadre/" + DeskHTML.segment(c.id))))\">\(DeskHTML.escape(c.id))</a>",
             DeskHTML.escape(c.name), DeskHTML.escape(c.unit), DeskHTML.escape(c.group ?? ""), DeskHTML.escape(c.region), String(load[c.id] ?? 0)]
        }
        let header = [lang.text(.id), lang.text(.personName), lang.text(.unit), lang.text(.group), lang.text(.region), lang.text(.assignmentCount)]
        return DeskHTML.page(title: id + " · " + lang.text(.cadres), lang: lang, nav: nav(id, lang: lang),
                             body: DeskHTML.table(id: "cadres", header: header, rows: rows, lang: lang))
    }

    func target(_ id: String, scenario s: Scenario, target tid: String, lang: DeskLanguage) throws -> String {
        guard let t = s.targets.first(where: { $0.id == tid }) else { throw DeskError.notFound(lang.text(.unknownTarget) + ": \(tid)") }
        let read = try rows(root.planFolder(id) + "/assignments.csv")
        let serving = read?.rows.filter { $0.target == tid } ?? []
        var body = "<p>\(DeskHTML.escape("\(t.name) · \(t.category) · \(t.region) · " + lang.text(.demandServed(t.demand, serving.count))))</p>\n"
        if let read {
            body += "<h2>\(DeskHTML.escape(lang.text(.cadresServingIt)))</h2>\n"
            body += assignmentTable(id, rows: serving, header: read.header, scenario: s, lang: lang)
            if serving.count < t.demand && t.consent {
                body += "<h2>\(DeskHTML.escape(lang.text(.whyShort)))</h2>\n" + (try explain(s, rows: read.rows, target: tid, lang: lang))
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
            return "<p>\(DeskHTML.escape(lang.text(.explainDoesNotList)))</p>"
        }
        // explain's own report, cut down to this target, its recommendation and its rule changes.
        var one = explanation
        one.shortages = [shortage]
        one.recommendations = explanation.recommendations.filter { $0.id == shortage.recommendation }
        one.ruleChanges = explanation.ruleChanges.filter { shortage.ruleChanges.contains($0.id) }
        one.quotas = []
        one.check = nil
        let text = ExplanationReport(explanation: one, scenario: s, language: lang.language).text()
        // Without the report's opening lines, which count the shortages of the whole plan.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("==") }.joined(separator: "\n")
        return "<pre class=\"explain\">\(DeskHTML.escape(body))</pre>\n"
    }

    func cadre(_ id: String, scenario s: Scenario, cadre cid: String, lang: DeskLanguage) throws -> String {
        guard let c = s.cadres.first(where: { $0.id == cid }) else { throw DeskError.notFound(lang.text(.unknownCadre) + ": \(cid)") }
        let read = try rows(root.planFolder(id) + "/assignments.csv")
        var body = "<p>\(DeskHTML.escape("\(c.name) · \(c.unit) · \(c.group ?? "") · \(c.region)"))</p>\n"
        if let read {
            body += "<h2>\(DeskHTML.escape(lang.text(.assignments)))</h2>\n"
            body += assignmentTable(id, rows: read.rows.filter { $0.cadre == cid }, header: read.header, scenario: s, lang: lang)
        }
        let forbidden = s.pairs.filter { $0.cadre == cid && $0.forbidden }
        if !forbidden.isEmpty {
            body += "<h2>\(DeskHTML.escape(lang.text(.forbiddenPairs)))</h2><ul>"
            body += forbidden.map { "<li>\(DeskHTML.escape($0.target)) — \(DeskHTML.escape($0.reason))</li>" }.joined() + "</ul>\n"
        }
        body += "<h2>\(DeskHTML.escape(lang.text(.forbidAPair)))</h2>\n"
        body += "<form method=\"post\" action=\"/s/\(DeskHTML.segment(id))/forbid\"><input type=\"hidden\" name=\"cadre\" value=\"\(DeskHTML.escape(cid))\">\(lang.field)"
        body += "\(DeskHTML.escape(lang.text(.targetID))) <input name=\"target\" required maxlength=\"100\"> \(DeskHTML.escape(lang.text(.reason))) <input name=\"reason\" required maxlength=\"200\"> <button type=\"submit\">\(DeskHTML.escape(lang.text(.forbid)))</button></form>\n"
        return DeskHTML.page(title: "\(c.id) \(c.name)", lang: lang, nav: nav(id, lang: lang), body: body)
    }
}
