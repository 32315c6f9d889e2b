import ArgumentParser
import CadrePlan
import Scenario

extension CadrePlanCommand {
    /// `cadreplan compare`: plan folders side by side on the campaign's indicators, for analysts.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare plans side by side on the campaign's indicators.",
            discussion: """
            Reads each plan folder's summary.json (and timings.json for the solve time) and prints
            one column per plan, named after its folder: indicator rates, coverage by category and
            region, dispatch per wave and level against the quota, targets per cadre, distance,
            rank use, tier values with their status, solve time and model size. Nothing is solved
            again. A missing or malformed summary.json is reported with its file (and line and
            column for JSON syntax errors), and the command exits 2.
            """)

        @Argument(help: ArgumentHelp("Plan folders written by `cadreplan solve`.", valueName: "plan"))
        var plans: [String] = []

        @Option(help: "Output: text (aligned table), md (Markdown table), csv (numbers only, UTF-8 with BOM) or html (charts and maps side by side, one self-contained page).")
        var format: String = "text"

        @Option(help: "Label language: zh or en.")
        var lang: String = "zh"

        func validate() throws {
            guard !plans.isEmpty else { throw ValidationError("give at least one plan folder") }
            guard ComparisonFormat(rawValue: format) != nil else {
                throw ValidationError("--format must be text, md, csv or html, got '\(format)'")
            }
            guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be zh or en, got '\(lang)'") }
        }

        func run() throws {
            let loaded: [ComparedPlan]
            do {
                loaded = try ComparedPlan.loadAll(folders: plans)
            } catch {
                printError(error.description)
                printError("\(error.errors.count) error\(error.errors.count == 1 ? "" : "s"); nothing compared")
                throw Exit.inputError
            }
            let comparison = PlanComparison(plans: loaded, language: Language(rawValue: lang) ?? .zh)
            print(comparison.render(ComparisonFormat(rawValue: format) ?? .text), terminator: "")
        }
    }
}
