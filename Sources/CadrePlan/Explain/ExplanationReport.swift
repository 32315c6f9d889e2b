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

    private var zh: Bool { language == .zh }

    // MARK: - Formats

    /// The terminal report.
    public func text() -> String {
        let e = explanation
        var out = header() + "\n\n"
        out += "== " + (zh ? "短缺及原因" : "Shortages and reasons") + " ==\n"
        if e.shortages.isEmpty { out += (zh ? "没有短缺：每个对象都已足额服务。" : "No shortage: every target is fully served.") + "\n" }
        let groups = shortageGroups()
        for g in groups.prefix(limit ?? groups.count) {
            out += "\n" + targetList(g) + "  | " + facts(g[0]) + "\n"
            for line in reasonLines(g[0]) { out += "    " + line + "\n" }
        }
        if let limit, groups.count > limit {
            out += "\n" + (zh ? "……另有 \(groups.count - limit) 组未列出（--limit 0 显示全部，或用 --format json）。"
                              : "… \(groups.count - limit) more entries not shown (--limit 0 shows all, or use --format json).") + "\n"
        }
        if !e.quotas.isEmpty {
            out += "\n== " + (zh ? "批次名额" : "Wave quotas") + " ==\n"
            out += pad(zh ? "批次" : "wave", 8) + pad(zh ? "范围" : "quota", 26) + pad(zh ? "已用/名额" : "used/limit", 14) + (zh ? "状态" : "state") + "\n"
            for q in e.quotas {
                out += pad(q.quota.wave, 8) + pad(scope(q.quota), 26) + pad("\(q.used)/\(q.limit)", 14) + quotaState(q) + "\n"
            }
        }
        if !e.recommendations.isEmpty {
            out += "\n== " + (zh ? "建议" : "Recommendations") + " ==\n"
            for r in e.recommendations { out += "\n" + recommendationLine(r) + "\n" }
        }
        if !e.ruleChanges.isEmpty {
            out += "\n== " + (zh ? "或调整规则（不增派干部）" : "Or change a rule (no extra cadres)") + " ==\n"
            for c in e.ruleChanges { out += "\n" + ruleChangeLine(c) + "\n" }
        }
        if let c = e.check { out += "\n== " + (zh ? "核验" : "Check") + " ==\n" + checkLines(c).joined(separator: "\n") + "\n" }
        return out
    }

    /// The Markdown report.
    public func markdown() -> String {
        let e = explanation
        var out = "# " + (zh ? "短缺说明：\(e.scenario)" : "Shortages explained: \(e.scenario)") + "\n\n" + header() + "\n"
        out += "\n## " + (zh ? "短缺及原因" : "Shortages and reasons") + "\n\n"
        let groups = shortageGroups()
        if groups.isEmpty {
            out += (zh ? "没有短缺。" : "No shortage.") + "\n"
        } else {
            out += zh ? "| 对象 | 情况 | 原因 | 建议 |\n|---|---|---|---|\n" : "| targets | facts | reason | recommendation |\n|---|---|---|---|\n"
            for g in groups.prefix(limit ?? groups.count) {
                let rec = g[0].recommendation.map { "\($0)" } ?? "—"
                out += "| \(cell(targetList(g))) | \(cell(facts(g[0]))) | \(cell(reasonLines(g[0]).dropLast(g[0].recommendation == nil ? 0 : 1).joined(separator: " "))) | \(rec) |\n"
            }
            if let limit, groups.count > limit {
                out += "\n" + (zh ? "另有 \(groups.count - limit) 组未列出。" : "\(groups.count - limit) more entries not shown.") + "\n"
            }
        }
        if !e.quotas.isEmpty {
            out += "\n## " + (zh ? "批次名额" : "Wave quotas") + "\n\n"
            out += zh ? "| 批次 | 范围 | 已用 | 名额 | 状态 |\n|---|---|---|---|---|\n" : "| wave | quota | used | limit | state |\n|---|---|---|---|---|\n"
            for q in e.quotas { out += "| \(q.quota.wave) | \(cell(scope(q.quota))) | \(q.used) | \(q.limit) | \(cell(quotaState(q))) |\n" }
        }
        if !e.recommendations.isEmpty {
            out += "\n## " + (zh ? "建议" : "Recommendations") + "\n\n"
            for r in e.recommendations { out += "- " + cell(recommendationLine(r)) + "\n" }
        }
        if !e.ruleChanges.isEmpty {
            out += "\n## " + (zh ? "或调整规则（不增派干部）" : "Or change a rule (no extra cadres)") + "\n\n"
            for c in e.ruleChanges { out += "- " + cell(ruleChangeLine(c)) + "\n" }
        }
        if let c = e.check { out += "\n## " + (zh ? "核验" : "Check") + "\n\n" + checkLines(c).joined(separator: "\n\n") + "\n" }
        return out
    }

    /// The explanation as JSON (English keys, every shortage listed).
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(explanation), as: UTF8.self) + "\n"
    }

    // MARK: - Pieces

    private func header() -> String {
        let e = explanation
        let source = e.planSource == .solved ? (zh ? "求解所得方案" : "solved plan") : (zh ? "给定方案" : "given plan")
        var out = zh ? "情景 \(e.scenario)（\(e.mode)）：\(source)，覆盖层 \(e.coverage)（\(e.coverageStatus)）。"
                     : "Scenario \(e.scenario) (\(e.mode)): \(source), coverage tier \(e.coverage) (\(e.coverageStatus))."
        let declined = e.shortages.filter { $0.reason.kind == .declined }.count
        out += "\n" + (zh ? "未足额服务的对象 \(e.shortages.count) 个，共缺 \(e.unitsShort) 人次" : "\(e.shortages.count) targets short of full service, \(e.unitsShort) cadre-units missing")
        if declined > 0 { out += zh ? "；其中 \(declined) 个拒绝服务，无法安排" : "; \(declined) of them declined service" }
        out += zh ? "。" : "."
        if e.planSource == .given && e.shortages.contains(where: { $0.reason.kind == .notOptimal }) {
            out += "\n" + (zh ? "注意：给定方案不是最优——仍有相容干部可以服务短缺对象。" : "Note: the given plan is not optimal — compatible cadres with room are left for short targets.")
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
        let more = g.count > 8 ? (zh ? " 等" : " …") : ""
        return shown + more + (zh ? "（\(g.count) 个）" : " (\(g.count) targets)")
    }

    private func facts(_ s: Shortage) -> String {
        var parts = [levelName(s.level), regionName(s.region), s.category, (zh ? "权重 " : "weight ") + "\(s.weight)"]
        if s.urgent { parts.append(zh ? "紧急" : "urgent") }
        if s.halted { parts.append(zh ? "停产停工" : "halted") }
        if s.minRank > .section { parts.append(zh ? "需\(rankName(s.minRank))及以上" : "needs \(rankName(s.minRank))") }
        parts.append(zh ? "已派 \(s.served)/\(s.demand)" : "served \(s.served)/\(s.demand)")
        return parts.joined(separator: zh ? "·" : ", ")
    }

    /// The reason, the excluded cadres, and the recommendation that closes it.
    private func reasonLines(_ s: Shortage) -> [String] {
        let r = s.reason
        var lines: [String] = []
        let busy = r.busyWith.map { "\($0.weight)×\($0.count)" }.joined(separator: zh ? "、" : ", ")
        switch r.kind {
        case .declined:
            lines.append(zh ? "原因：对象不同意接受服务，任何干部都不能安排。" : "Reason: the target declined service; no cadre may be assigned.")
        case .noCompatibleCadre:
            lines.append(zh ? "原因：没有任何相容干部。" : "Reason: no compatible cadre at all.")
        case .notEnoughCadres, .capacityReached:
            var text = r.kind == .notEnoughCadres ? (zh ? "原因：相容干部不足——共 \(r.compatible) 名相容干部" : "Reason: not enough compatible cadres — \(r.compatible) in all")
                                                  : (zh ? "原因：一对多容量已满——共 \(r.compatible) 名相容干部" : "Reason: one-to-many capacity reached — compatible cadres: \(r.compatible)")
            var parts: [String] = []
            if r.servingIt > 0 { parts.append(zh ? "\(r.servingIt) 名已在服务该对象" : "already serving it: \(r.servingIt)") }
            if r.busy > 0 {
                if r.kind == .capacityReached {
                    parts.append(zh ? "\(r.busy) 名已达每人 \(r.limit) 个对象或工作量上限（所服务对象权重 \(busy)）"
                                    : "at their limit of \(r.limit) targets or their full workload: \(r.busy) (serving weights \(busy))")
                } else {
                    parts.append(zh ? "\(r.busy) 名已派往其他对象（权重 \(busy)）" : "serving other targets: \(r.busy) (weights \(busy))")
                }
            }
            text += zh ? "，" + parts.joined(separator: "，") + "。" : "; " + parts.joined(separator: "; ") + "."
            lines.append(text)
        case .quotaFull:
            let quotas = r.quotas.map { "\($0.quota.wave) \(scope($0.quota)) \($0.used)/\($0.limit)" }.joined(separator: zh ? "、" : ", ")
            var text = zh ? "原因：批次名额已满（\(quotas)）——\(r.quotaBlocked) 名相容干部因此不能派往该对象"
                          : "Reason: wave quota full (\(quotas)), keeping compatible cadres from it: \(r.quotaBlocked)"
            if s.urgent { text += zh ? "（紧急对象只能由第一批干部服务）" : " (an urgent target is served in the first wave only)" }
            if let w = r.quotaTakenFromWeight {
                text += zh ? "；名额已被权重不低于 \(w) 的对象占用" : "; the quota is taken by targets of weight \(w) or more"
            }
            if r.busy + r.servingIt > 0 {
                text += zh ? "；另有 \(r.busy + r.servingIt) 名相容干部已在服务其他对象或该对象" : "; other compatible cadres, serving other targets or this one: \(r.busy + r.servingIt)"
            }
            lines.append(text + (zh ? "。" : "."))
        case .notOptimal:
            lines.append(zh ? "原因：仍有 \(r.spare) 名相容干部可以服务该对象——方案不是最优，重新求解即可改善。"
                            : "Reason: compatible cadres could still serve it (\(r.spare)) — the plan is not optimal; re-solving improves it.")
        }
        if !s.excluded.isEmpty {
            let list = s.excluded.map { barrierText($0, s) }.joined(separator: zh ? "；" : "; ")
            lines.append((zh ? "不相容的同级干部：" : "Other cadres of its level: ") + list + (zh ? "。" : "."))
        }
        var pointers: [String] = []
        if let id = s.recommendation { pointers.append((zh ? "见建议 " : "see recommendation ") + "\(id)") }
        if !s.ruleChanges.isEmpty {
            let ids = s.ruleChanges.map { "R\($0)" }.joined(separator: ", ")
            pointers.append((zh ? "或规则调整 " : "or rule change ") + ids)
        }
        if !pointers.isEmpty { lines.append("→ " + pointers.joined(separator: zh ? "，" : ", ")) }
        return lines
    }

    private func barrierText(_ b: BarrierCount, _ s: Shortage) -> String {
        let n = b.cadres
        switch b.barrier {
        case .level: return zh ? "没有\(levelName(s.level))干部（\(n) 名为另一层级）" : "\(n) are of the other level (none of its own)"
        case .group: return zh ? "\(n) 名所属服务组不负责「\(s.category)」" : "\(n) in groups that do not serve \(s.category)"
        case .region: return zh ? "\(n) 名不在\(regionName(s.region))" : "\(n) in other regions"
        case .rank: return zh ? "\(n) 名职级低于\(rankName(s.minRank))" : "\(n) below \(rankName(s.minRank)) rank"
        case .consent: return zh ? "\(n) 名（对象拒绝服务）" : "\(n) (the target declined)"
        case .forbidden: return zh ? "\(n) 名被 pairs.csv 禁止（回避）" : "\(n) forbidden by pairs.csv (回避)"
        case .notListed: return zh ? "\(n) 名未在 pairs.csv 中列出" : "\(n) not listed in pairs.csv"
        case .conflict: return zh ? "\(n) 名来自对象的主管单位（回避）" : "\(n) from the target's supervising unit (回避)"
        case .workload: return zh ? "\(n) 名能力不足以承担其工作量" : "\(n) without capacity for its workload"
        case .wave: return zh ? "\(n) 名最早只能在后续批次派出（紧急对象须第一批）" : "\(n) available only after the first wave (urgent target)"
        }
    }

    private func recommendationLine(_ r: Recommendation) -> String {
        let targets = r.targets.prefix(12).joined(separator: ", ") + (r.targets.count > 12 ? (zh ? " 等 \(r.targets.count) 个" : " … \(r.targets.count) in all") : "")
        let raises = r.quotaRaises.map { q in
            zh ? "将 \(q.quota.wave) \(scope(q.quota))名额（现为 \(q.from)）提高 \(q.by)" : "raise the \(q.quota.wave) \(scope(q.quota)) quota (\(q.from)) by \(q.by)"
        }.joined(separator: zh ? "，" : ", ")
        var text: String
        switch r.action {
        case .addCadres:
            var attrs: [String] = []
            if let g = r.group { attrs.append((zh ? "服务组 " : "group ") + groupName(g)) }
            attrs.append((zh ? "所在地 " : "home ") + regionName(r.region))
            attrs.append((zh ? "专长 " : "skills ") + r.skills.joined(separator: zh ? "、" : ", "))
            if let c = r.capacity { attrs.append((zh ? "能力 " : "capacity ") + "\(c)") }
            text = zh ? "建议 \(r.id)：增派 \(r.count) 名\(levelName(r.level))\(rankName(r.rank))干部（\(attrs.joined(separator: "，"))），于 \(r.wave) 批派出"
                      : "\(r.id). Add \(r.count) \(levelName(r.level)) cadre\(r.count == 1 ? "" : "s") of \(rankName(r.rank)) rank (\(attrs.joined(separator: ", "))), dispatched in wave \(r.wave)"
            if r.needsListedPairs { text += zh ? "，并在 pairs.csv 中列出与这些对象的结对" : ", listed in pairs.csv with these targets" }
        case .dispatchIdle:
            text = zh ? "建议 \(r.id)：派出现有未派出的相容干部 \(r.cadres.joined(separator: ", "))，于 \(r.wave) 批"
                      : "\(r.id). Dispatch the idle compatible cadres \(r.cadres.joined(separator: ", ")) in wave \(r.wave)"
        case .useSpare:
            text = zh ? "建议 \(r.id)：由尚有余力或未派出的相容干部 \(r.cadres.joined(separator: ", ")) 服务，于 \(r.wave) 批（原方案非最优，重新求解即可）"
                      : "\(r.id). Give the targets to \(r.cadres.joined(separator: ", ")), idle or with room to spare, in wave \(r.wave) (the plan is not optimal; re-solving does it)"
        }
        if !raises.isEmpty { text += zh ? "；需\(raises)" : "; \(raises)" }
        text += zh ? "——补足 \(targets)（\(r.units) 人次）。" : " — closes \(targets) (\(r.units) unit\(r.units == 1 ? "" : "s"))."
        if let v = r.verified {
            text += zh ? (v ? " 核验：通过。" : " 核验：未通过。") : (v ? " Check: passed." : " Check: FAILED.")
        }
        return text
    }

    private func ruleChangeLine(_ c: RuleChange) -> String {
        let targets = c.targets.prefix(12).joined(separator: ", ") + (c.targets.count > 12 ? (zh ? " 等 \(c.targets.count) 个" : " … \(c.targets.count) in all") : "")
        var text: String
        switch c.setting {
        case .maxTargetsGroup:
            text = zh ? "R\(c.id)：将服务组 \(groupName(c.key ?? "")) 每名干部最多服务对象数由 \(c.from) 提高到 \(c.to)（\(c.yamlKey)）：一对多，仅在需要处"
                      : "R\(c.id). Let cadres of group \(groupName(c.key ?? "")) serve up to \(c.to) targets instead of \(c.from) (\(c.yamlKey)): one-to-many where needed"
        case .maxTargetsRegion:
            text = zh ? "R\(c.id)：将 \(regionName(c.key ?? "")) 干部每人最多服务对象数由 \(c.from) 提高到 \(c.to)（\(c.yamlKey)）：一对多，仅在需要处"
                      : "R\(c.id). Let cadres from \(regionName(c.key ?? "")) serve up to \(c.to) targets instead of \(c.from) (\(c.yamlKey)): one-to-many where needed"
        case .countyReachKm:
            text = zh ? "R\(c.id)：允许市县干部服务 \(c.to) 公里内的邻近市县对象（\(c.yamlKey)，现为 \(c.from)）：属地为主，就近支援"
                      : "R\(c.id). Let city/county cadres serve county targets of regions within \(c.to) km (\(c.yamlKey), now \(c.from)): mainly local, nearby help"
        }
        text += zh ? "——针对 \(targets)。" : " — for \(targets)."
        if let closed = c.closed {
            text += zh ? " 核验（与其他规则调整一并重新求解）：补足 \(closed)/\(c.targets.count)。"
                       : " Check (re-solved with every rule change applied): closes \(closed) of \(c.targets.count)."
        }
        return text
    }

    private func checkLines(_ c: ExplanationCheck) -> [String] {
        var lines: [String] = []
        let raised = c.quotaRaises.map { "\($0.quota.wave) \(scope($0.quota)) \($0.from)→\($0.from + $0.by)" }.joined(separator: zh ? "、" : ", ")
        let change = zh ? "在情景中加入 \(c.addedCadres) 名建议干部" + (raised.isEmpty ? "" : "、调整名额（\(raised)）") + "后重新求解"
                        : "Re-solved with the \(c.addedCadres) recommended cadres added" + (raised.isEmpty ? "" : " and quotas raised (\(raised))")
        lines.append(change + (zh ? "：覆盖层 \(c.coverageBefore) → \(c.coverageAfter)（\(c.status)；由原方案加上建议直接构造的方案为 \(c.coverageConstructed)）。"
                                  : ": coverage tier \(c.coverageBefore) → \(c.coverageAfter) (\(c.status); the plan built from the old one plus the recommendations has \(c.coverageConstructed))."))
        let failed = explanation.recommendations.filter { $0.verified == false }.map { "\($0.id)" }
        lines.append(c.allVerified ? (zh ? "每条建议对应的对象在新方案中均已足额服务。" : "Every recommendation's targets are fully served in the new plan.")
                                   : (zh ? "未通过的建议：\(failed.joined(separator: ", "))。" : "Recommendations that failed: \(failed.joined(separator: ", "))."))
        if !c.stillShort.isEmpty {
            let ids = c.stillShort.prefix(20).joined(separator: ", ") + (c.stillShort.count > 20 ? " …" : "")
            lines.append(zh ? "新方案中仍未足额的对象：\(ids)。" : "Still short in the new plan: \(ids).")
        }
        return lines
    }

    private func quotaState(_ q: QuotaUse) -> String {
        guard q.isFull else { return "" }
        if q.binds { return zh ? "已满，紧约束（\(q.shortTargets) 个短缺对象受其限制）" : "full, binds (short targets kept from cadres: \(q.shortTargets))" }
        return zh ? "已满" : "full"
    }

    // MARK: - Names

    private func scope(_ q: QuotaKey) -> String {
        switch q.kind {
        case .level: return Level(rawValue: q.key).map(levelName) ?? q.key
        case .region: return (zh ? "地区 " : "region ") + regionName(q.key)
        case .group: return (zh ? "服务组 " : "group ") + groupName(q.key)
        }
    }

    private func levelName(_ l: Level) -> String {
        zh ? (l == .province ? "省级" : "市县") : l.rawValue
    }

    private func rankName(_ r: Rank) -> String { zh ? r.chinese + "级" : r.keyword }

    private func regionName(_ id: String) -> String {
        guard zh, let r = scenario.regions.first(where: { $0.id == id }) else { return id }
        return r.name
    }

    private func groupName(_ id: String) -> String {
        guard let g = scenario.groups.first(where: { $0.id == id }) else { return id }
        return zh ? g.name : "\(g.id) \(g.name)"
    }

    private func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    private func pad(_ s: String, _ width: Int) -> String { Report.pad(s, width) }
}
