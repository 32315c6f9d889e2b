import Foundation

/// Human-readable summaries of a plan: report.md and the terminal table.
public enum Report {
    /// The terminal summary: tiers, indicators, dispatch against quota.
    public static func text(summary s: PlanSummary, timings: [String: Double]? = nil) -> String {
        var out = "scenario \(s.scenario)  mode \(s.mode)  status \(s.status)\n"
        out += pad("tier", 12) + pad("value", 14) + pad("bound", 14) + "status\n"
        for t in s.tiers {
            out += pad(t.name, 12) + pad(String(t.value), 14) + pad(format(t.bound), 14) + t.status + "\n"
        }
        if !s.indicators.indicators.isEmpty {
            out += "\n" + pad("indicator", 34) + pad("covered/accepting", 20) + pad("rate", 9) + "declined\n"
            for r in s.indicators.indicators {
                out += pad(r.name, 34) + pad("\(r.covered)/\(r.accepting)", 20) + pad(String(format: "%.1f%%", r.rate * 100), 9) + "\(r.declined)\n"
            }
        }
        out += "\n" + pad("wave", 14) + pad("level", 10) + "dispatched/quota\n"
        for d in s.indicators.dispatch where d.dispatched > 0 || d.quota != nil {
            out += pad("\(d.wave) \(d.date)", 14) + pad(d.level, 10) + "\(d.dispatched)/\(d.quota.map(String.init) ?? "-")\n"
        }
        let i = s.indicators
        out += "\ncadres dispatched \(i.cadresDispatched), pairs \(i.pairs), extra targets \(i.extraTargets), mean distance \(i.distanceMeanKm) km\n"
        out += "idle cadres \(i.idle.total)" + idleLine(i.idle.byRegion) + "\n"
        if !i.crossRegion.isEmpty {
            out += "cross-region pairs (given/received): " + i.crossRegion.map { "\($0.name) \($0.given)/\($0.received)" }.joined(separator: ", ") + "\n"
        }
        out += "model: individual \(s.model.individual.variables) vars → solved \(s.model.solved.variables) vars, \(s.model.solved.rows) rows, \(s.model.blocks) blocks\n"
        if let timings {
            out += "time: " + timings.keys.sorted().map { "\($0) \(String(format: "%.2f", timings[$0]!)) s" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    /// report.md.
    public static func markdown(summary s: PlanSummary, language: Language) -> String {
        let zh = language == .zh
        var out = zh ? "# 派驻方案：\(s.scenario)\n\n模式 \(s.mode)，状态 \(s.status)。\n\n" : "# Plan: \(s.scenario)\n\nMode \(s.mode), status \(s.status).\n\n"
        out += zh ? "## 目标分层\n\n| 层 | 值 | 界 | 状态 |\n|---|---|---|---|\n" : "## Tiers\n\n| tier | value | bound | status |\n|---|---|---|---|\n"
        for t in s.tiers { out += "| \(t.tier.label(language)) | \(t.value) | \(format(t.bound)) | \(t.status) |\n" }
        out += zh ? "\n## 指标（按接受服务的对象计）\n\n| 指标 | 已覆盖/接受服务 | 比率 | 不愿接受服务 |\n|---|---|---|---|\n"
                  : "\n## Indicators (over the targets that accept service)\n\n| indicator | covered/accepting | rate | declined |\n|---|---|---|---|\n"
        for r in s.indicators.indicators {
            out += "| \(r.name) | \(r.covered)/\(r.accepting) | \(String(format: "%.1f%%", r.rate * 100)) | \(r.declined) |\n"
        }
        out += zh ? "\n## 分批派驻\n\n| 批次 | 日期 | 层级 | 派出 | 名额 |\n|---|---|---|---|---|\n" : "\n## Dispatch\n\n| wave | date | level | dispatched | quota |\n|---|---|---|---|---|\n"
        for d in s.indicators.dispatch { out += "| \(d.wave) | \(d.date) | \(d.level) | \(d.dispatched) | \(d.quota.map(String.init) ?? "-") |\n" }
        let i = s.indicators
        out += zh ? "\n派出干部 \(i.cadresDispatched) 人，结对 \(i.pairs) 个（一人多对象的额外对象 \(i.extraTargets) 个），平均距离 \(i.distanceMeanKm) 公里，最远 \(i.distanceMaxKm) 公里。\n"
                  : "\n\(i.cadresDispatched) cadres dispatched, \(i.pairs) pairs (\(i.extraTargets) extra targets beyond each cadre's first), mean distance \(i.distanceMeanKm) km, longest \(i.distanceMaxKm) km.\n"
        out += idleMarkdown(i.idle, zh: zh)
        if !i.crossRegion.isEmpty {
            out += zh ? "\n## 支援外地（市县干部跨地区服务）\n\n| 地区 | 派往外地 | 外地支援 |\n|---|---|---|\n" : "\n## Cross-region service (county cadres)\n\n| region | given | received |\n|---|---|---|\n"
            for r in i.crossRegion { out += "| \(r.name) | \(r.given) | \(r.received) |\n" }
        }
        out += zh ? "\n模型：逐人模型 \(s.model.individual.variables) 个变量，聚类后求解 \(s.model.solved.variables) 个变量、\(s.model.solved.rows) 行，\(s.model.blocks) 个独立块。\n"
                  : "\nModel: individual model \(s.model.individual.variables) variables; solved \(s.model.solved.variables) variables, \(s.model.solved.rows) rows in \(s.model.blocks) independent blocks.\n"
        return out
    }

    /// `: 海口 3 (quota full 3), …` for regions with idle cadres, or nothing.
    private static func idleLine(_ counts: [IdleCadres.Count]) -> String {
        let parts = counts.filter { $0.idle > 0 }.map { c -> String in
            var why: [String] = []
            if c.noTarget > 0 { why.append("no target left \(c.noTarget)") }
            if c.quotaFull > 0 { why.append("quota full \(c.quotaFull)") }
            if c.other > 0 { why.append("other \(c.other)") }
            return "\(c.name) \(c.idle) (\(why.joined(separator: ", ")))"
        }
        return parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")
    }

    /// The idle-cadre tables of report.md (rows with idle cadres only).
    private static func idleMarkdown(_ idle: IdleCadres, zh: Bool) -> String {
        guard idle.total > 0 else { return zh ? "\n全部干部均已派出。\n" : "\nEvery cadre is dispatched.\n" }
        var out = zh ? "\n## 未派出干部（\(idle.total) 人）\n" : "\n## Idle cadres (\(idle.total))\n"
        for (title, counts) in [(zh ? "按地区" : "By home region", idle.byRegion), (zh ? "按服务组" : "By service group", idle.byGroup)] {
            let rows = counts.filter { $0.idle > 0 }
            guard !rows.isEmpty else { continue }
            out += "\n" + title + "\n\n"
            out += zh ? "| 名称 | 干部数 | 未派出 | 无可服务对象 | 名额已满 | 其他 |\n|---|---|---|---|---|---|\n"
                      : "| name | cadres | idle | no target left | quota full | other |\n|---|---|---|---|---|---|\n"
            for c in rows {
                let name = c.id.isEmpty ? (zh ? "无服务组" : "no group") : c.name
                out += "| \(name) | \(c.cadres) | \(c.idle) | \(c.noTarget) | \(c.quotaFull) | \(c.other) |\n"
            }
        }
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        // CJK characters take two terminal columns.
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width - w))
    }

    /// A bound for tables: the integer, or "—" when the solver had none.
    static func format(_ bound: Int?) -> String { bound.map(String.init) ?? "—" }
}
