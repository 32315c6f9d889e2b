import Foundation
import Scenario

/// Renders an ``Explanation`` for planners: terminal text, Markdown or JSON, in Chinese or English.
///
/// Shortages that read the same (same place, category, weight, service and reason) are shown
/// as one entry listing their targets, so that a campaign with thousands of short targets gives
/// a report of a few screens; JSON keeps every target.
public struct ExplanationReport {
    /// The explanation to render.
    public let explanation: Explanation
    /// The scenario it explains (for region and group names).
    public let scenario: Scenario
    /// Headers and fixed phrases.
    public let language: Language
    /// Most shortage entries shown in text and Markdown; `nil` shows all.
    public let limit: Int?

    /// Creates a renderer.
    public init(explanation: Explanation, scenario: Scenario, language: Language = .zh, limit: Int? = nil) {
        self.explanation = explanation; self.scenario = scenario; self.language = language; self.limit = limit
    }

    /// `phrase` in the report's language.
    private func t(_ phrase: some Phrase) -> String { language.text(phrase) }

    // MARK: - Formats

    /// The terminal report.
    public func text() -> String {
        let e = explanation
        var out = header() + "\n\n"
        out += "== " + t(ExplainPhrase.shortagesTitle) + " ==\n"
        if e.shortages.isEmpty { out += t(ExplainPhrase.noShortageText) + "\n" }
        let groups = shortageGroups()
        for g in groups.prefix(limit ?? groups.count) {
            out += "\n" + targetList(g) + "  | " + facts(g[0]) + "\n"
            for line in reasonLines(g[0]) { out += "    " + line + "\n" }
        }
        if let limit, groups.count > limit {
            out += "\n" + t(ExplainPhrase.moreEntriesText(groups.count - limit)) + "\n"
        }
        if !e.quotas.isEmpty {
            out += "\n== " + t(ExplainPhrase.quotasTitle) + " ==\n"
            out += pad(t(Header.wave), 8) + pad(t(Header.quotaScope), 26) + pad(t(Header.usedOfLimit), 14) + t(Header.state) + "\n"
            for q in e.quotas {
                out += pad(q.quota.wave, 8) + pad(scope(q.quota), 26) + pad("\(q.used)/\(q.limit)", 14) + quotaState(q) + "\n"
            }
        }
        if !e.recommendations.isEmpty {
            out += "\n== " + t(ExplainPhrase.recommendationsTitle) + " ==\n"
            for r in e.recommendations { out += "\n" + recommendationLine(r) + "\n" }
        }
        if !e.ruleChanges.isEmpty {
            out += "\n== " + t(ExplainPhrase.ruleChangesTitle) + " ==\n"
            for c in e.ruleChanges { out += "\n" + ruleChangeLine(c) + "\n" }
        }
        if let c = e.check { out += "\n== " + t(ExplainPhrase.checkTitle) + " ==\n" + checkLines(c).joined(separator: "\n") + "\n" }
        return out
    }

    /// The Markdown report.
    public func markdown() -> String {
        let e = explanation
        var out = "# " + t(ExplainPhrase.markdownTitle(e.scenario)) + "\n\n" + header() + "\n"
        out += "\n## " + t(ExplainPhrase.shortagesTitle) + "\n\n"
        let groups = shortageGroups()
        if groups.isEmpty {
            out += t(ExplainPhrase.noShortage) + "\n"
        } else {
            out += tableHead([.targets, .facts, .reason, .recommendation])
            for g in groups.prefix(limit ?? groups.count) {
                let rec = g[0].recommendation.map { "\($0)" } ?? "—"
                out += "| \(cell(targetList(g))) | \(cell(facts(g[0]))) | \(cell(reasonLines(g[0]).dropLast(g[0].recommendation == nil ? 0 : 1).joined(separator: " "))) | \(rec) |\n"
            }
            if let limit, groups.count > limit {
                out += "\n" + t(ExplainPhrase.moreEntries(groups.count - limit)) + "\n"
            }
        }
        if !e.quotas.isEmpty {
            out += "\n## " + t(ExplainPhrase.quotasTitle) + "\n\n"
            out += tableHead([.wave, .quotaScope, .used, .limit, .state])
            for q in e.quotas { out += "| \(q.quota.wave) | \(cell(scope(q.quota))) | \(q.used) | \(q.limit) | \(cell(quotaState(q))) |\n" }
        }
        if !e.recommendations.isEmpty {
            out += "\n## " + t(ExplainPhrase.recommendationsTitle) + "\n\n"
            for r in e.recommendations { out += "- " + cell(recommendationLine(r)) + "\n" }
        }
        if !e.ruleChanges.isEmpty {
            out += "\n## " + t(ExplainPhrase.ruleChangesTitle) + "\n\n"
            for c in e.ruleChanges { out += "- " + cell(ruleChangeLine(c)) + "\n" }
        }
        if let c = e.check { out += "\n## " + t(ExplainPhrase.checkTitle) + "\n\n" + checkLines(c).joined(separator: "\n\n") + "\n" }
        return out
    }

    /// The explanation as JSON (English keys, every shortage listed).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(explanation), as: UTF8.self) + "\n"
    }

    // MARK: - Pieces

    /// A Markdown table head.
    private func tableHead(_ columns: [Header]) -> String {
        "| " + columns.map { t($0) }.joined(separator: " | ") + " |\n|" + String(repeating: "---|", count: columns.count) + "\n"
    }

    private func header() -> String {
        let e = explanation
        var out = t(ExplainPhrase.scenarioLine(scenario: e.scenario, mode: e.mode, source: t(ExplainPhrase.planSource(e.planSource)),
                                               coverage: e.coverage, status: t(Word.status(e.coverageStatus))))
        let declined = e.shortages.filter { $0.reason.kind == .declined }.count
        out += "\n" + t(ExplainPhrase.shortCount(targets: e.shortages.count, units: e.unitsShort))
        if declined > 0 { out += t(ExplainPhrase.declinedPart(declined)) }
        out += t(Word.sentenceEnd)
        if e.planSource == .given && e.shortages.contains(where: { $0.reason.kind == .notOptimal }) {
            out += "\n" + t(ExplainPhrase.givenNotOptimal)
        }
        return out
    }

    /// Shortages that read the same, in the order of the first of each.
    private func shortageGroups() -> [[Shortage]] {
        var index: [String: Int] = [:]
        var groups: [[Shortage]] = []
        for s in explanation.shortages {
            var key = s
            key.target = ""; key.name = ""
            let k = "\(key)"
            if let i = index[k] { groups[i].append(s) } else { index[k] = groups.count; groups.append([s]) }
        }
        return groups
    }

    private func targetList(_ g: [Shortage]) -> String {
        let shown = g.prefix(8).map { g.count == 1 ? "\($0.target) \($0.name)" : $0.target }.joined(separator: ", ")
        if g.count == 1 { return shown }
        let more = g.count > 8 ? t(ExplainPhrase.andMore) : ""
        return shown + more + t(ExplainPhrase.targetCount(g.count))
    }

    private func facts(_ s: Shortage) -> String {
        var parts = [levelName(s.level), regionName(s.region), s.category, t(ExplainPhrase.weight(s.weight))]
        if s.urgent { parts.append(t(ExplainPhrase.urgent)) }
        if s.halted { parts.append(t(ExplainPhrase.halted)) }
        if s.minRank > .section { parts.append(t(ExplainPhrase.needsRank(rankName(s.minRank)))) }
        parts.append(t(ExplainPhrase.servedOf(served: s.served, demand: s.demand)))
        return parts.joined(separator: t(ExplainPhrase.factSeparator))
    }

    /// The reason, the excluded cadres, and the recommendation that closes it.
    private func reasonLines(_ s: Shortage) -> [String] {
        let r = s.reason
        var lines: [String] = []
        let busy = r.busyWith.map { "\($0.weight)×\($0.count)" }.joined(separator: t(Word.listSeparator))
        switch r.kind {
        case .declined:
            lines.append(t(ExplainPhrase.reasonDeclined))
        case .noCompatibleCadre:
            lines.append(t(ExplainPhrase.reasonNoCompatible))
        case .notEnoughCadres, .capacityReached:
            var text = t(r.kind == .notEnoughCadres ? ExplainPhrase.reasonNotEnough(r.compatible) : .reasonCapacity(r.compatible))
            var parts: [String] = []
            if r.servingIt > 0 { parts.append(t(ExplainPhrase.servingIt(r.servingIt))) }
            if r.busy > 0 {
                parts.append(t(r.kind == .capacityReached ? ExplainPhrase.busyAtLimit(cadres: r.busy, limit: r.limit, weights: busy)
                                                          : .busyElsewhere(cadres: r.busy, weights: busy)))
            }
            let separator = t(ExplainPhrase.reasonPartSeparator)
            text += separator + parts.joined(separator: separator) + t(Word.sentenceEnd)
            lines.append(text)
        case .quotaFull:
            let quotas = r.quotas.map { "\($0.quota.wave) \(scope($0.quota)) \($0.used)/\($0.limit)" }.joined(separator: t(Word.listSeparator))
            var text = t(ExplainPhrase.reasonQuotaFull(quotas: quotas, blocked: r.quotaBlocked))
            if s.urgent { text += t(ExplainPhrase.urgentFirstWaveOnly) }
            if let w = r.quotaTakenFromWeight { text += t(ExplainPhrase.quotaTakenBy(w)) }
            if r.busy + r.servingIt > 0 { text += t(ExplainPhrase.otherCompatible(r.busy + r.servingIt)) }
            lines.append(text + t(Word.sentenceEnd))
        case .notOptimal:
            lines.append(t(ExplainPhrase.reasonNotOptimal(r.spare)))
        }
        if !s.excluded.isEmpty {
            lines.append(t(ExplainPhrase.excludedLine(s.excluded.map { barrierText($0, s) }.joined(separator: t(Word.partSeparator)))))
        }
        var pointers: [String] = []
        if let id = s.recommendation { pointers.append(t(ExplainPhrase.seeRecommendation(id))) }
        if !s.ruleChanges.isEmpty {
            pointers.append(t(ExplainPhrase.orRuleChange(s.ruleChanges.map { "R\($0)" }.joined(separator: ", "))))
        }
        if !pointers.isEmpty { lines.append("→ " + pointers.joined(separator: t(Word.clauseSeparator))) }
        return lines
    }

    private func barrierText(_ b: BarrierCount, _ s: Shortage) -> String {
        t(ExplainPhrase.barrier(b.barrier, cadres: b.cadres, level: levelName(s.level), category: s.category,
                                region: regionName(s.region), rank: rankName(s.minRank)))
    }

    /// Up to twelve target ids, and how many there are in all when there are more.
    private func targetIDs(_ targets: [String]) -> String {
        targets.prefix(12).joined(separator: ", ") + (targets.count > 12 ? t(ExplainPhrase.moreTargets(targets.count)) : "")
    }

    private func recommendationLine(_ r: Recommendation) -> String {
        let raises = r.quotaRaises.map { q in
            t(ExplainPhrase.raiseQuota(wave: q.quota.wave, scope: scope(q.quota), from: q.from, by: q.by))
        }.joined(separator: t(Word.clauseSeparator))
        var text: String
        switch r.action {
        case .addCadres:
            var attrs: [String] = []
            if let g = r.group { attrs.append(t(ExplainPhrase.group(groupName(g)))) }
            attrs.append(t(ExplainPhrase.home(regionName(r.region))))
            attrs.append(t(ExplainPhrase.skills(r.skills.joined(separator: t(Word.listSeparator)))))
            if let c = r.capacity { attrs.append(t(ExplainPhrase.capacity(c))) }
            text = t(ExplainPhrase.addCadres(id: r.id, count: r.count, level: levelName(r.level), rank: rankName(r.rank),
                                             attributes: attrs.joined(separator: t(Word.clauseSeparator)), wave: r.wave))
            if r.needsListedPairs { text += t(ExplainPhrase.listedPairsToo) }
        case .dispatchIdle:
            text = t(ExplainPhrase.dispatchIdle(id: r.id, cadres: r.cadres.joined(separator: ", "), wave: r.wave))
        case .useSpare:
            text = t(ExplainPhrase.useSpare(id: r.id, cadres: r.cadres.joined(separator: ", "), wave: r.wave))
        }
        if !raises.isEmpty { text += t(ExplainPhrase.needsRaises(raises)) }
        text += t(ExplainPhrase.closes(targets: targetIDs(r.targets), units: r.units))
        if let v = r.verified { text += t(ExplainPhrase.verified(v)) }
        return text
    }

    private func ruleChangeLine(_ c: RuleChange) -> String {
        var text: String
        switch c.setting {
        case .maxTargetsGroup:
            text = t(ExplainPhrase.maxTargetsGroup(id: c.id, group: groupName(c.key ?? ""), from: c.from, to: c.to, key: c.yamlKey))
        case .maxTargetsRegion:
            text = t(ExplainPhrase.maxTargetsRegion(id: c.id, region: regionName(c.key ?? ""), from: c.from, to: c.to, key: c.yamlKey))
        case .countyReachKm:
            text = t(ExplainPhrase.countyReach(id: c.id, from: c.from, to: c.to, key: c.yamlKey))
        }
        text += t(ExplainPhrase.forTargets(targetIDs(c.targets)))
        if let closed = c.closed { text += t(ExplainPhrase.ruleChangeChecked(closed: closed, of: c.targets.count)) }
        return text
    }

    private func checkLines(_ c: ExplanationCheck) -> [String] {
        var lines: [String] = []
        let raised = c.quotaRaises.map { "\($0.quota.wave) \(scope($0.quota)) \($0.from)→\($0.from + $0.by)" }.joined(separator: t(Word.listSeparator))
        lines.append(t(ExplainPhrase.checkResolved(added: c.addedCadres, raised: raised))
                     + t(ExplainPhrase.checkCoverage(before: c.coverageBefore, after: c.coverageAfter, status: t(Word.status(c.status)),
                                                     constructed: c.coverageConstructed)))
        let failed = explanation.recommendations.filter { $0.verified == false }.map { "\($0.id)" }
        lines.append(c.allVerified ? t(ExplainPhrase.allRecommendationsVerified) : t(ExplainPhrase.recommendationsFailed(failed.joined(separator: ", "))))
        if !c.stillShort.isEmpty {
            let ids = c.stillShort.prefix(20).joined(separator: ", ") + (c.stillShort.count > 20 ? " …" : "")
            lines.append(t(ExplainPhrase.stillShort(ids)))
        }
        return lines
    }

    private func quotaState(_ q: QuotaUse) -> String {
        guard q.isFull else { return "" }
        return t(q.binds ? ExplainPhrase.quotaFullBinds(q.shortTargets) : .quotaFull)
    }

    // MARK: - Names

    private func scope(_ q: QuotaKey) -> String {
        switch q.kind {
        case .level: return Level(rawValue: q.key).map(levelName) ?? q.key
        case .region: return t(ExplainPhrase.regionScope(regionName(q.key)))
        case .group: return t(ExplainPhrase.groupScope(groupName(q.key)))
        }
    }

    private func levelName(_ l: Level) -> String { t(Word.level(l)) }

    private func rankName(_ r: Rank) -> String { t(Word.rankLevel(r)) }

    /// The region's name (names, not ids, in what a planner reads); the id when it is unknown.
    private func regionName(_ id: String) -> String {
        scenario.regions.first { $0.id == id }?.name ?? id
    }

    /// The group's name; the id when it is unknown.
    private func groupName(_ id: String) -> String {
        scenario.groups.first { $0.id == id }?.name ?? id
    }

    private func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    private func pad(_ s: String, _ width: Int) -> String { Report.pad(s, width) }
}
