import Foundation

/// report.html: one self-contained page per plan with the campaign's figures drawn as SVG —
/// the indicators against the 100 % goals, dispatch per wave and level against the quota, a map
/// of the regions coloured by coverage, targets short and cadres idle per region, and the tiers
/// with their bounds and gaps.
///
/// Written with every plan; `compare --format html` draws the same charts for several plans
/// (``ComparisonHTML``). The page depends only on the plan's summary, so it is deterministic.
public struct HTMLReport {
    /// The plan's summary.
    public let summary: PlanSummary
    /// The page's language.
    public let language: Language

    /// Creates a report.
    public init(summary: PlanSummary, language: Language) { self.summary = summary; self.language = language }

    private func t(_ phrase: some Phrase) -> String { language.text(phrase) }
    private func e(_ text: String) -> String { HTMLPage.escape(text) }

    /// The whole page.
    public func page() -> String {
        let s = summary
        var body = "<h1>\(e(t(ReportPhrase.planTitle(s.scenario))))</h1>\n"
        body += "<p>\(e(t(ReportPhrase.modeAndStatus(mode: t(Word.mode(s.mode)), status: t(Word.status(s.status))))))</p>\n"
        let sections = ReportSections(language: language)
        body += sections.indicators([s]) + sections.dispatch([s]) + sections.maps([(nil, s)]) + sections.regions([s])
        body += idleByGroup() + crossRegion() + sections.tiers([s])
        body += "<p class=\"note\">\(e(t(ReportPhrase.modelSentence(individual: s.model.individual.variables, variables: s.model.solved.variables, rows: s.model.solved.rows, blocks: s.model.blocks))))</p>\n"
        return HTMLPage.page(title: t(ReportPhrase.planTitle(s.scenario)), language: language, body: body)
    }

    // MARK: - This plan only

    private func idleByGroup() -> String {
        let idle = summary.indicators.idle
        guard !idle.byGroup.isEmpty else { return "" }
        let header = [Header.group, .cadres, .idle, .noTargetLeftText, .quotaFullText, .otherReason].map { t($0) }
        return "<h2>\(e(t(ReportPhrase.idleTitle(idle.total)))) · \(e(t(ReportPhrase.byServiceGroup)))</h2>\n"
            + HTMLPage.table(header, idle.byGroup.map { c in
                [.text(Report.idleName(c, language))] + [c.cadres, c.idle, c.noTarget, c.quotaFull, c.other].map { .number(String($0)) }
            })
    }

    private func crossRegion() -> String {
        let cross = summary.indicators.crossRegion
        guard !cross.isEmpty else { return "" }
        return "<h2>\(e(t(ReportPhrase.crossRegionTitle)))</h2>\n"
            + HTMLPage.table([Header.region, .given, .received].map { t($0) },
                             cross.map { [.text($0.name), .number(String($0.given)), .number(String($0.received))] })
    }
}

/// The sections report.html and `compare --format html` share: each takes one or several plans
/// and draws one series (colour) per plan, named in the legend when there are several.
struct ReportSections {
    let language: Language

    private func t(_ phrase: some Phrase) -> String { language.text(phrase) }
    private func e(_ text: String) -> String { HTMLPage.escape(text) }

    /// The indicators as bars against the 100 % goal, and a table with the declined counts.
    func indicators(_ plans: [PlanSummary], names: [String] = []) -> String {
        let ids = orderedKeys(plans.map { $0.indicators.indicators.map { ($0.id, $0.name) } })
        guard !ids.isEmpty else { return "" }
        let rows = ids.map { id, name in
            BarChart.Row(label: name, bars: plans.enumerated().compactMap { p, plan in
                plan.indicators.indicators.first { $0.id == id }.map {
                    BarChart.Bar(value: $0.rate, track: nil, text: "\(HTMLPage.percent($0.rate)) (\($0.covered)/\($0.accepting))", series: p)
                }
            })
        }
        var out = "<h2>\(e(t(ReportPhrase.indicatorsTitle)))</h2>\n"
        out += BarChart(rows: rows, maximum: 1, goal: 1, series: names, caption: t(ReportPhrase.indicatorsTitle)).svg()
        out += "<p class=\"note\">\(e(t(ReportPhrase.goalNote)))</p>\n"
        var header = [t(Header.indicator)]
        var cells: [[HTMLPage.Cell]] = ids.map { [.text($0.1)] }
        for (p, plan) in plans.enumerated() {
            let prefix = names.isEmpty ? "" : names[p] + " · "
            header += [prefix + t(Header.targets), prefix + t(Header.declined), prefix + t(Header.coveredOfAccepting), prefix + t(Header.rate)]
            for (i, key) in ids.enumerated() {
                if let r = plan.indicators.indicators.first(where: { $0.id == key.0 }) {
                    cells[i] += [.number(String(r.targets)), .number(String(r.declined)), .number("\(r.covered)/\(r.accepting)"), .number(HTMLPage.percent(r.rate))]
                } else {
                    cells[i] += Array(repeating: .text(t(Word.none)), count: 4)
                }
            }
        }
        return out + HTMLPage.table(header, cells)
    }

    /// Cadres dispatched per wave and level, each bar drawn over its quota.
    func dispatch(_ plans: [PlanSummary], names: [String] = []) -> String {
        let keys = orderedKeys(plans.map { $0.indicators.dispatch.map { ("\($0.wave).\($0.level)", "\($0.wave) \($0.date) \(t(Word.levelKey($0.level)))") } })
        guard !keys.isEmpty else { return "" }
        let rows = keys.map { key, label in
            BarChart.Row(label: label, bars: plans.enumerated().compactMap { p, plan in
                plan.indicators.dispatch.first { "\($0.wave).\($0.level)" == key }.map { d in
                    BarChart.Bar(value: Double(d.dispatched), track: d.quota.map(Double.init),
                                 text: "\(d.dispatched)/\(d.quota.map(String.init) ?? t(Word.none))", series: p)
                }
            })
        }
        var out = "<h2>\(e(t(ReportPhrase.dispatchTitle))) (\(e(t(ReportPhrase.dispatchOfTotal))))</h2>\n"
        out += BarChart(rows: rows, maximum: nil, goal: nil, series: names, caption: t(ReportPhrase.dispatchTitle)).svg()
        for (p, plan) in plans.enumerated() {
            let i = plan.indicators
            let sentence = t(ReportPhrase.dispatchSentence(cadres: i.cadresDispatched, pairs: i.pairs, extra: i.extraTargets,
                                                           mean: i.distanceMeanKm, longest: i.distanceMaxKm))
            out += "<p class=\"note\">\(e(names.isEmpty ? sentence : names[p] + ": " + sentence))</p>\n"
        }
        return out
    }

    /// One map per plan (a plan written before maps existed gets a note instead).
    func maps(_ plans: [(name: String?, summary: PlanSummary)]) -> String {
        var out = "<h2>\(e(t(ReportPhrase.mapTitle)))</h2>\n<div class=\"maps\">\n"
        for plan in plans {
            let points = RegionMap.points(plan.summary)
            out += "<figure>\n"
            if points.isEmpty {
                out += "<p class=\"note\">\(e(t(ReportPhrase.noSeats)))</p>\n"
            } else {
                let width = plans.count == 1 ? 720 : 520
                out += RegionMap(points: points, coverageLabel: t(ReportPhrase.coverageLegend), targetsLabel: t(ReportPhrase.targetsLegend),
                                 caption: t(ReportPhrase.mapTitle), width: width).svg()
            }
            if let name = plan.name { out += "<figcaption>\(e(name))</figcaption>\n" }
            out += "</figure>\n"
        }
        return out + "</div>\n<p class=\"note\">\(e(t(ReportPhrase.mapNote)))</p>\n"
    }

    /// Targets short and cadres idle per region, as bars and as a table.
    func regions(_ plans: [PlanSummary], names: [String] = []) -> String {
        let figures = plans.map(RegionFigures.rows)
        let keys = orderedKeys(figures.map { $0.map { ($0.id, $0.name) } })
        guard !keys.isEmpty else { return "" }
        var out = "<h2>\(e(t(ReportPhrase.shortageTitle)))</h2>\n"
        for (header, value) in [(Header.shortTargets, { (r: RegionFigures) in r.short }), (Header.idle, { (r: RegionFigures) in r.idle })] {
            let rows = keys.map { id, name in
                BarChart.Row(label: name, bars: figures.enumerated().compactMap { p, regions in
                    regions.first { $0.id == id }.map { BarChart.Bar(value: Double(value($0)), track: nil, text: String(value($0)), series: p) }
                })
            }
            out += "<h3>\(e(t(header)))</h3>\n"
            // A chart of zeros says less than one line does.
            guard rows.contains(where: { $0.bars.contains { $0.value > 0 } }) else {
                out += "<p class=\"note\">\(e(t(ReportPhrase.noneInAnyRegion)))</p>\n"
                continue
            }
            out += BarChart(rows: rows, maximum: nil, goal: nil, series: names, caption: t(header)).svg()
        }
        out += "<p class=\"note\">\(e(t(ReportPhrase.shortageNote)))</p>\n"
        for (p, regions) in figures.enumerated() {
            if !names.isEmpty { out += "<h3>\(e(names[p]))</h3>\n" }
            let header = [Header.region, .targets, .declined, .accepting, .covered, .shortTargets, .shortfall, .rate, .cadres, .idle,
                          .noTargetLeftText, .quotaFullText, .otherReason].map { t($0) }
            out += HTMLPage.table(header, regions.map { r in
                [.text(r.name)] + [r.targets, r.declined, r.accepting, r.covered, r.short, r.cadresShort].map { .number(String($0)) }
                    + [.number(HTMLPage.percent(r.rate))] + [r.cadres, r.idle, r.noTarget, r.quotaFull, r.other].map { .number(String($0)) }
            })
        }
        return out
    }

    /// The tiers with value, bound ("—" without one), gap and status; one column group per plan.
    func tiers(_ plans: [PlanSummary], names: [String] = []) -> String {
        let tiers = orderedKeys(plans.map { $0.tiers.map { ($0.name, $0.tier.label(language)) } })
        var header = [t(Header.tier)]
        var cells: [[HTMLPage.Cell]] = tiers.map { [.text($0.1)] }
        for (p, plan) in plans.enumerated() {
            let prefix = names.isEmpty ? "" : names[p] + " · "
            header += [t(Header.value), t(Header.bound), t(Header.gap), t(Header.status)].map { prefix + $0 }
            for (i, key) in tiers.enumerated() {
                if let tier = plan.tiers.first(where: { $0.name == key.0 }) {
                    cells[i] += [.number(String(tier.value)), .number(tier.bound.map(String.init) ?? t(Word.none)),
                                 .number(tier.gap.map { String(format: "%.2f%%", $0 * 100) } ?? t(Word.none)), .text(t(Word.status(tier.status)))]
                } else {
                    cells[i] += Array(repeating: .text(t(Word.none)), count: 4)
                }
            }
        }
        return "<h2>\(e(t(ReportPhrase.tiersTitle)))</h2>\n" + HTMLPage.table(header, cells) + "<p class=\"note\">\(e(t(ReportPhrase.tierNote)))</p>\n"
    }

    /// Keys in order of first appearance across the plans, with the label of their first appearance.
    private func orderedKeys(_ lists: [[(String, String)]]) -> [(String, String)] {
        var seen = Set<String>()
        var out: [(String, String)] = []
        for list in lists { for (key, label) in list where seen.insert(key).inserted { out.append((key, label)) } }
        return out
    }
}
