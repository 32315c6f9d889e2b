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

    /// report.md: tiers, indicators, dispatch, idle cadres, cross-region service and model size,
    /// every word from the phrasebook in `language`.
    public static func markdown(summary s: PlanSummary, language: Language) -> String {
        func t(_ phrase: some Phrase) -> String { language.text(phrase) }
        func head(_ columns: [Header]) -> String {
            "| " + columns.map { t($0) }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
        }
        var out = "# " + t(ReportPhrase.planTitle(s.scenario)) + "\n\n"
        out += t(ReportPhrase.modeAndStatus(mode: t(Word.mode(s.mode)), status: t(Word.status(s.status)))) + "\n\n"
        out += "## " + t(ReportPhrase.tiersTitle) + "\n\n" + head([.tier, .value, .bound, .status])
        for tier in s.tiers { out += "| \(tier.tier.label(language)) | \(tier.value) | \(format(tier.bound)) | \(t(Word.status(tier.status))) |\n" }
        out += "\n## " + t(ReportPhrase.indicatorsTitle) + "\n\n" + head([.indicator, .coveredOfAccepting, .rate, .declined])
        for r in s.indicators.indicators {
            out += "| \(r.name) | \(r.covered)/\(r.accepting) | \(String(format: "%.1f%%", r.rate * 100)) | \(r.declined) |\n"
        }
        out += "\n## " + t(ReportPhrase.dispatchTitle) + "\n\n" + head([.wave, .date, .level, .dispatched, .quota])
        for d in s.indicators.dispatch {
            out += "| \(d.wave) | \(d.date) | \(t(Word.levelKey(d.level))) | \(d.dispatched) | \(d.quota.map(String.init) ?? "-") |\n"
        }
        let i = s.indicators
        out += "\n" + t(ReportPhrase.dispatchSentence(cadres: i.cadresDispatched, pairs: i.pairs, extra: i.extraTargets,
                                                     mean: i.distanceMeanKm, longest: i.distanceMaxKm)) + "\n"
        out += idleMarkdown(i.idle, language: language)
        if !i.crossRegion.isEmpty {
            out += "\n## " + t(ReportPhrase.crossRegionTitle) + "\n\n" + head([.region, .given, .received])
            for r in i.crossRegion { out += "| \(r.name) | \(r.given) | \(r.received) |\n" }
        }
        out += "\n" + t(ReportPhrase.modelSentence(individual: s.model.individual.variables, variables: s.model.solved.variables,
                                                  rows: s.model.solved.rows, blocks: s.model.blocks)) + "\n"
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
    private static func idleMarkdown(_ idle: IdleCadres, language: Language) -> String {
        func t(_ phrase: some Phrase) -> String { language.text(phrase) }
        guard idle.total > 0 else { return "\n" + t(ReportPhrase.everyCadreDispatched) + "\n" }
        var out = "\n## " + t(ReportPhrase.idleTitle(idle.total)) + "\n"
        for (title, counts) in [(t(ReportPhrase.byHomeRegion), idle.byRegion), (t(ReportPhrase.byServiceGroup), idle.byGroup)] {
            let rows = counts.filter { $0.idle > 0 }
            guard !rows.isEmpty else { continue }
            out += "\n" + title + "\n\n"
            let columns: [Header] = [.name, .cadres, .idle, .noTargetLeftText, .quotaFullText, .otherReason]
            out += "| " + columns.map { t($0) }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
            for c in rows {
                out += "| \(idleName(c, language)) | \(c.cadres) | \(c.idle) | \(c.noTarget) | \(c.quotaFull) | \(c.other) |\n"
            }
        }
        return out
    }

    /// A region's or group's name in the idle tables; cadres without a group get a name of their own.
    static func idleName(_ c: IdleCadres.Count, _ language: Language) -> String {
        c.id.isEmpty ? language.text(Word.noGroup) : c.name
    }

    static func pad(_ s: String, _ width: Int) -> String {
        // CJK characters take two terminal columns.
        let w = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
        return s + String(repeating: " ", count: max(1, width - w))
    }

    /// A bound for tables: the integer, or "—" when the solver had none.
    static func format(_ bound: Int?) -> String { bound.map(String.init) ?? "—" }
}
