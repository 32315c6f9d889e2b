import Foundation

/// `cadreplan compare --format html`: the charts of report.html for several plans side by
/// side — one colour per plan in every bar chart, one map per plan — in one self-contained page.
public struct ComparisonHTML {
    /// The plans, in the order given.
    public let plans: [ComparedPlan]
    /// The page's language.
    public let language: Language

    /// Creates the page's renderer.
    public init(plans: [ComparedPlan], language: Language) { self.plans = plans; self.language = language }

    /// The whole page.
    public func page() -> String {
        func t(_ phrase: some Phrase) -> String { language.text(phrase) }
        let names = plans.map(\.name)
        let summaries = plans.map(\.summary)
        let report = ReportSections(language: language)
        var body = "<h1>\(HTMLPage.escape(t(ReportPhrase.comparisonTitle)))</h1>\n"
        body += HTMLPage.table([t(Header.name), t(ComparePhrase.scenario), t(ComparePhrase.mode), t(ComparePhrase.status)], plans.map { p in
            [.text(p.name), .text(p.summary.scenario), .text(t(Word.mode(p.summary.mode))), .text(t(Word.status(p.summary.status)))]
        })
        body += report.indicators(summaries, names: names)
        body += report.dispatch(summaries, names: names)
        body += report.maps(plans.map { ($0.name, $0.summary) })
        body += report.regions(summaries, names: names)
        body += report.tiers(summaries, names: names)
        // The numbers behind the charts, and the rest, as the text comparison gives them.
        body += "<h2>\(HTMLPage.escape(t(Header.figure)))</h2>\n"
        let comparison = PlanComparison(plans: plans, language: language)
        var rows: [[HTMLPage.Cell]] = []
        var section: PlanComparison.Section?
        for row in comparison.rows {
            if row.section != section {
                section = row.section
                rows.append([.text("【" + row.section.title(language) + "】")] + Array(repeating: .text(""), count: names.count))
            }
            rows.append([.text(row.label)] + row.values.map { .number(PlanComparison.display($0)) })
        }
        body += HTMLPage.table([t(Header.figure)] + names, rows)
        return HTMLPage.page(title: t(ReportPhrase.comparisonTitle), language: language, body: body)
    }
}
