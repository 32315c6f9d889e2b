import CadrePlan
import Foundation
import Scenario

/// The parts of the pages that plan beyond one scenario's files: the cancel button, the
/// variant form and the comparison of plans.
extension DeskPages {
    /// The most plans compared side by side (the comparison's columns stay readable).
    static let maxCompared = 8

    /// The cancel button: shown while a solve runs; the page's script shows it on a solve's submit
    /// and posts it in the background, so the waiting solve request then lands on the cancelled page.
    func cancelForm(_ id: String, running: Bool, lang: DeskLanguage) -> String {
        let hidden = running ? "" : " hidden"
        return "<form method=\"post\" action=\"/s/\(DeskHTML.segment(id))/cancel\" class=\"inline cancel\"\(hidden)>\(lang.field)<button type=\"submit\" id=\"cancel\">\(DeskHTML.escape(lang.text(.cancelSolve)))</button></form>"
    }

    /// The form that saves the scenario's settings, changed, as a named variant beside it.
    func variantForm(_ id: String, scenario s: Scenario, lang: DeskLanguage) -> String {
        func escaped(_ phrase: DeskPhrase) -> String { DeskHTML.escape(lang.text(phrase)) }
        // The mode's own spelling (`one-to-one-first:3`) without its M, which has a field of its own.
        let kind = String(s.mode.description.prefix { $0 != ":" })
        let options = [("one-to-one", DeskPhrase.modeOneToOne), ("one-to-many", .modeOneToMany), ("one-to-one-first", .modeOneToOneFirst)]
            .map { "<option value=\"\($0.0)\"\($0.0 == kind ? " selected" : "")>\(escaped($0.1))</option>" }.joined()
        let tiers = (s.tierOrder ?? []).map(\.rawValue).joined(separator: ", ")
        var out = "<details class=\"variant\"><summary>\(escaped(.variantHeading))</summary>\n"
        out += "<form method=\"post\" action=\"/s/\(DeskHTML.segment(id))/variant\" id=\"variant\">\(lang.field)\n"
        out += "<label>\(escaped(.variantName)) <input name=\"name\" required maxlength=\"\(VariantRequest.maxName)\"></label><br>\n"
        out += "<label>\(escaped(.variantMode)) <select name=\"mode\">\(options)</select></label>\n"
        out += "<label>\(escaped(.variantM)) <input name=\"m\" type=\"number\" min=\"1\" max=\"1000\" value=\"\(s.mode.maxTargets)\"></label><br>\n"
        out += "<label>\(escaped(.variantReach)) <input name=\"reach\" type=\"number\" min=\"0\" max=\"20038\" value=\"\(s.rules.countyReachKm)\" required></label><br>\n"
        out += "<label>\(escaped(.variantTiers)) <input name=\"tiers\" size=\"40\" maxlength=\"100\" value=\"\(DeskHTML.escape(tiers))\" placeholder=\"coverage, timeliness, quality\"></label><br>\n"
        return out + "<button type=\"submit\">\(escaped(.variantCreate))</button></form></details>\n"
    }

    /// The compare page: a choice of planned scenarios and, for two or more chosen, their comparison.
    func compare(_ ids: [String], lang: DeskLanguage) -> String {
        let planned = root.scenarios().map(\.id).filter { root.file("summary.json", in: root.planFolder($0)) != nil }
        var body = ""
        if planned.count < 2 {
            body += "<p>\(DeskHTML.escape(lang.text(.compareNone)))</p>\n"
        } else {
            body += "<form method=\"get\" action=\"/compare\" id=\"compare\"><p>\(DeskHTML.escape(lang.text(.compareChoose)))</p>\n"
            body += lang.field
            for id in planned {
                let checked = ids.contains(id) ? " checked" : ""
                body += "<label><input type=\"checkbox\" name=\"s\" value=\"\(DeskHTML.escape(id))\"\(checked)> \(DeskHTML.escape(id))</label>\n"
            }
            body += "<button type=\"submit\">\(DeskHTML.escape(lang.text(.compareButton)))</button></form>\n"
        }
        if ids.count >= 2 {
            let report = lang.link("/compare/report?" + ids.map { "s=" + DeskHTML.segment($0) }.joined(separator: "&"))
            body += "<iframe src=\"\(DeskHTML.escape(report))\" title=\"comparison\"></iframe>\n"
        }
        return DeskHTML.page(title: lang.text(.compare), lang: lang, nav: [(lang.text(.scenarios), "/")], body: body)
    }

    /// `cadreplan compare --format html` of the plans of `ids`: the same code, the same page.
    func comparison(_ ids: [String], lang: DeskLanguage) throws -> String {
        let plans: [ComparedPlan]
        do { plans = try ComparedPlan.loadAll(folders: ids.map(root.planFolder)) } catch {
            throw DeskError.failed("方案不能读取 / a plan could not be read: \(error.errors.first?.description ?? "")")
        }
        return PlanComparison(plans: plans, language: lang.language).render(.html)
    }
}
