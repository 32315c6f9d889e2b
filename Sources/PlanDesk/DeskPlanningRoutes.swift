import CadrePlan
import Foundation
import Hummingbird

/// The routes that plan beyond one scenario's files: cancel a running solve, save a named
/// variant, compare plans side by side.
extension DeskRoutes {
    func addPlanning(to router: Router<BasicRequestContext>) {
        router.post("/s/:id/cancel") { request, context in
            await respondAsync {
                let form = try await DeskForm.read(request)
                let id = try scenarioID(context)
                guard pages.solves.cancel(id) else {
                    throw DeskError.conflict("没有正在运行、还能取消的求解 / no solve is running for \(id) that can still be cancelled")
                }
                return redirect("/s/\(DeskHTML.segment(id))?done=cancelling" + (form["lang"] == "en" ? "&lang=en" : ""))
            }
        }
        router.post("/s/:id/variant") { request, context in
            await respondAsync {
                let form = try await DeskForm.read(request)
                let id = try scenarioID(context)
                let variant = try VariantRequest(form: form)
                _ = try ScenarioVariants.create(variant, of: root.scenarioFolder(id)!, root: root)
                return redirect("/s/\(DeskHTML.segment(variant.name))?done=variant" + (form["lang"] == "en" ? "&lang=en" : ""))
            }
        }
        router.get("/compare") { request, _ in
            try html { pages.compare(try comparedIDs(request), lang: lang(request)) }
        }
        router.get("/compare/report") { request, _ in
            try html {
                let ids = try comparedIDs(request)
                guard ids.count >= 2 else { throw DeskError.badRequest("至少选择两个方案 / choose at least two plans") }
                return try pages.comparison(ids, lang: lang(request))
            }
        }
    }

    /// The scenarios named by `?s=` (each once, in the order given): 404 for an unknown
    /// scenario or one without a plan, 400 for more than ``DeskPages/maxCompared``.
    private func comparedIDs(_ request: Request) throws -> [String] {
        var ids: [String] = []
        for value in request.uri.queryParameters[values: "s"] where !ids.contains(String(value)) {
            ids.append(String(value))
        }
        guard ids.count <= DeskPages.maxCompared else {
            throw DeskError.badRequest("最多比较 \(DeskPages.maxCompared) 个方案 / at most \(DeskPages.maxCompared) plans side by side")
        }
        for id in ids {
            guard root.scenarioFolder(id) != nil else { throw DeskError.notFound("未知场景 / unknown scenario: \(id)") }
            guard root.file("summary.json", in: root.planFolder(id)) != nil else {
                throw DeskError.notFound("该场景还没有方案 / no plan yet for \(id)")
            }
        }
        return ids
    }
}
