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
            out += "\n" + pad("indicator", 34) + pad("covered", 16) + "rate\n"
            for r in s.indicators.indicators {
                out += pad(r.name, 34) + pad("\(r.covered)/\(r.targets)", 16) + String(format: "%.1f%%", r.rate * 100) + "\n"
            }
        }
        out += "\n" + pad("wave", 14) + pad("level", 10) + "dispatched/quota\n"
        for d in s.indicators.dispatch where d.dispatched > 0 || d.quota != nil {
            out += pad("\(d.wave) \(d.date)", 14) + pad(d.level, 10) + "\(d.dispatched)/\(d.quota.map(String.init) ?? "-")\n"
        }
        let i = s.indicators
        out += "\ncadres dispatched \(i.cadresDispatched), pairs \(i.pairs), mean distance \(i.distanceMeanKm) km\n"
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
        for t in s.tiers { out += "| \(t.name) | \(t.value) | \(format(t.bound)) | \(t.status) |\n" }
        out += zh ? "\n## 指标\n\n| 指标 | 覆盖 | 比率 |\n|---|---|---|\n" : "\n## Indicators\n\n| indicator | covered | rate |\n|---|---|---|\n"
        for r in s.indicators.indicators { out += "| \(r.name) | \(r.covered)/\(r.targets) | \(String(format: "%.1f%%", r.rate * 100)) |\n" }
        out += zh ? "\n## 分批派驻\n\n| 批次 | 日期 | 层级 | 派出 | 名额 |\n|---|---|---|---|---|\n" : "\n## Dispatch\n\n| wave | date | level | dispatched | quota |\n|---|---|---|---|---|\n"
        for d in s.indicators.dispatch { out += "| \(d.wave) | \(d.date) | \(d.level) | \(d.dispatched) | \(d.quota.map(String.init) ?? "-") |\n" }
        let i = s.indicators
        out += zh ? "\n派出干部 \(i.cadresDispatched) 人，结对 \(i.pairs) 个，平均距离 \(i.distanceMeanKm) 公里，最远 \(i.distanceMaxKm) 公里。\n"
                  : "\n\(i.cadresDispatched) cadres dispatched, \(i.pairs) pairs, mean distance \(i.distanceMeanKm) km, longest \(i.distanceMaxKm) km.\n"
        out += zh ? "\n模型：逐人模型 \(s.model.individual.variables) 个变量，聚类后求解 \(s.model.solved.variables) 个变量、\(s.model.solved.rows) 行，\(s.model.blocks) 个独立块。\n"
                  : "\nModel: individual model \(s.model.individual.variables) variables; solved \(s.model.solved.variables) variables, \(s.model.solved.rows) rows in \(s.model.blocks) independent blocks.\n"
        return out
    }

    static func pad(_ s: String, _ width: Int) -> String {
        // CJK characters take two terminal columns.
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width - w))
    }

    static func format(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format: "%.2f", x)
    }
}
