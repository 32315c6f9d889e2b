import Foundation
import Scenario
import Testing
@testable import CadrePlan

@Suite("report.html and compare --format html")
struct HTMLReportTests {
    static func summary(_ name: String) throws -> PlanSummary {
        let plan = try solve(try ScenarioLoader.load(folder: packageRoot.appendingPathComponent("scenarios/\(name)").path))
        return PlanSummary(plan: plan, solverName: "GLPK", violations: 0)
    }

    /// Nothing is fetched: no scripts, style sheets, fonts or images from anywhere.
    static func selfContained(_ html: String) -> Bool {
        let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        return !["http://", "https://", "<script", "<link", "@import", "url(", "<img", "<iframe"].contains { withoutNamespace.contains($0) }
    }

    @Test func aPlanPageDrawsEveryChart() throws {
        let s = try Self.summary("small")
        let html = HTMLReport(summary: s, language: .zh).page()
        #expect(Self.selfContained(html))
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("<h1>派驻方案：small</h1>"))
        // Indicators against the goal, dispatch against quotas, the map, the regions, the tiers.
        for title in ["指标（按接受服务的对象计）", "分批派驻", "各市县覆盖率地图", "各地区未足额对象与未派出干部", "目标分层"] {
            #expect(html.contains(title), "\(title)")
        }
        #expect(html.components(separatedBy: "<svg").count - 1 >= 4)
        #expect(html.contains(">100%</text>"))
        // One dot per region with a seat, each titled with its coverage.
        #expect(html.components(separatedBy: "fill-opacity=\"0.85\"").count - 1 == s.seats!.count)
        for r in s.indicators.byRegion { #expect(html.contains("<title>\(r.name): \(HTMLPage.percent(r.rate))")) }
        // A quota drawn behind each dispatch bar.
        #expect(html.contains("fill=\"#e2e8f0\""))
        #expect(html == HTMLReport(summary: s, language: .zh).page())
    }

    @Test func englishPageHasNoChinesePhrases() throws {
        let s = try Self.summary("small-first")
        let html = HTMLReport(summary: s, language: .en).page()
        #expect(html.contains("<html lang=\"en\">") && html.contains("Indicators (over the targets that accept service)"))
        #expect(html.contains("one-to-one principle (extra targets)"))
        // Chinese here comes from the scenario's own names only (regions, groups, indicators, categories).
        var names = Set(s.indicators.byRegion.map(\.name) + s.indicators.indicators.map(\.name) + s.indicators.byCategory.map(\.name))
        names.formUnion(s.indicators.idle.byGroup.map(\.name))
        var rest = html
        for name in names.sorted(by: { $0.count > $1.count }) { rest = rest.replacingOccurrences(of: name, with: "") }
        #expect(!rest.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(rest.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) }.map(String.init).joined())")
    }

    @Test func comparisonDrawsEveryPlanSideBySide() throws {
        let a = ComparedPlan(name: "small", folder: "a", summary: try Self.summary("small"))
        let b = ComparedPlan(name: "small-first", folder: "b", summary: try Self.summary("small-first"))
        let html = PlanComparison(plans: [a, b], language: .zh).render(.html)
        #expect(Self.selfContained(html))
        // A legend entry per plan, one map per plan, both plans in the tier table.
        #expect(html.contains(">small</text>") && html.contains(">small-first</text>"))
        #expect(html.components(separatedBy: "<figure>").count - 1 == 2)
        #expect(html.contains("<figcaption>small</figcaption>") && html.contains("<figcaption>small-first</figcaption>"))
        #expect(html.contains("small · 值") && html.contains("small-first · 值"))
        // The numbers behind the charts: every row of the text comparison.
        for row in PlanComparison(plans: [a, b], language: .zh).rows { #expect(html.contains(HTMLPage.escape(row.label)), "\(row.key)") }
    }

    @Test func anOlderPlanWithoutSeatsGetsANoteInsteadOfAMap() throws {
        var s = try Self.summary("small")
        s.seats = nil
        let html = HTMLReport(summary: s, language: .en).page()
        #expect(html.contains("The scenario gives no seat coordinates") && !html.contains("fill-opacity"))
    }

    @Test func mapColoursRunFromRedToGreen() {
        #expect(RegionMap.colour(0) == "#c53030" && RegionMap.colour(0.5) == "#c53030")
        #expect(RegionMap.colour(0.75) == "#d69e2e")
        #expect(RegionMap.colour(1) == "#2f855a")
    }
}
