import CadrePlan
import Foundation
import Hummingbird
import Scenario

/// The planning desk (`cadreplan serve`): a local web application over the scenarios and plans
/// under ROOT. Pages are GET; every change is a POST from the desk's own pages (same origin),
/// with a bounded body, written to the scenario's own files or its plan folder atomically.
public enum PlanDesk {
    /// The largest form body accepted (forms hold a few ids and a reason).
    public static let maxBody = 16 * 1024

    /// The desk's routes over `root`.
    public static func router(root: DeskRoot) -> Router<BasicRequestContext> {
        router(root: root, solves: DeskSolves())
    }

    /// The routes over `root` with the given solve registry (tests hold one to simulate a running solve).
    static func router(root: DeskRoot, solves: DeskSolves) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let desk = DeskRoutes(root: root, pages: DeskPages(root: root, solves: solves))
        desk.add(to: router)
        return router
    }

    /// Runs the desk on `host`:`port` until the process is stopped.
    public static func run(root: String, host: String, port: Int) async throws {
        let desk = try DeskRoot(root)
        let app = Application(router: router(root: desk), configuration: .init(address: .hostname(host, port: port), serverName: "cadreplan"))
        // Written at once (not buffered by print), so a log file or a waiting script sees the address.
        FileHandle.standardOutput.write(Data("cadreplan 规划台 / planning desk: http://\(host):\(port)/  (\(desk.path))\n".utf8))
        try await app.runService()
    }
}

/// Route handlers: each turns a ``DeskError`` into its status and a short page.
struct DeskRoutes: Sendable {
    let root: DeskRoot
    let pages: DeskPages

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try html { pages.scenarioList(lang: lang(request)) } }
        router.get("/s/:id") { request, context in
            try html {
                let id = try scenarioID(context)
                let message = request.uri.queryParameters.get("done").flatMap { doneMessages[$0] }.map { lang(request).text($0) }
                return try pages.overview(id, message: message, lang: lang(request))
            }
        }
        router.get("/s/:id/report") { _, context in try html { try pages.report(try scenarioID(context)) } }
        router.get("/s/:id/progress") { request, context in
            try html(type: "text/plain; charset=utf-8") { pages.solves.progress(try scenarioID(context)).map { lang(request).text(.progress($0)) } ?? "" }
        }
        router.get("/s/:id/tables") { request, context in
            try html { let (id, s) = try scenario(context); return pages.tables(id, scenario: s, lang: lang(request)) }
        }
        router.get("/s/:id/table/:kind/:key") { request, context in await table(request, context) }
        router.get("/s/:id/targets") { request, context in
            try html { let (id, s) = try scenario(context); return try pages.targets(id, scenario: s, lang: lang(request)) }
        }
        router.get("/s/:id/cadres") { request, context in
            try html { let (id, s) = try scenario(context); return try pages.cadres(id, scenario: s, lang: lang(request)) }
        }
        router.get("/s/:id/target/:tid") { request, context in
            try html { let (id, s) = try scenario(context); return try pages.target(id, scenario: s, target: context.parameters.get("tid") ?? "", lang: lang(request)) }
        }
        router.get("/s/:id/cadre/:cid") { request, context in
            try html { let (id, s) = try scenario(context); return try pages.cadre(id, scenario: s, cadre: context.parameters.get("cid") ?? "", lang: lang(request)) }
        }
        router.post("/s/:id/solve") { request, context in try await solve(request, context, stay: false) }
        router.post("/s/:id/resolve") { request, context in try await solve(request, context, stay: true) }
        addPlanning(to: router)
        router.post("/s/:id/pin") { request, context in
            try await change(request, context) { folder, form in try ScenarioEdits.pin(try pin(form), folder: folder) }
        }
        router.post("/s/:id/unpin") { request, context in
            try await change(request, context) { folder, form in try ScenarioEdits.unpin(try pin(form), folder: folder) }
        }
        router.post("/s/:id/forbid") { request, context in
            try await change(request, context) { folder, form in
                let reason = try DeskForm.field(form, "reason", max: 200)
                try ScenarioEdits.forbid(cadre: try DeskForm.field(form, "cadre"), target: try DeskForm.field(form, "target"), reason: reason, folder: folder)
            }
        }
    }

    /// Messages the overview shows after a redirect (`?done=`).
    private let doneMessages: [String: DeskPhrase] = [
        "solve": .doneSolve, "resolve": .doneResolve, "cancelled": .doneCancelled, "cancelling": .doneCancelRequested, "variant": .doneVariant,
    ]

    func lang(_ request: Request) -> DeskLanguage {
        DeskLanguage(english: request.uri.queryParameters.get("lang") == "en")
    }

    func scenarioID(_ context: BasicRequestContext) throws -> String {
        let id = context.parameters.get("id") ?? ""
        guard root.scenarioFolder(id) != nil else { throw DeskError.notFound("未知场景 / unknown scenario: \(id)") }
        return id
    }

    func scenario(_ context: BasicRequestContext) throws -> (String, Scenario) {
        let id = try scenarioID(context)
        return (id, try ScenarioEdits.load(root.scenarioFolder(id)!))
    }

    private func pin(_ form: [String: String]) throws -> Pin {
        Pin(cadre: try DeskForm.field(form, "cadre"), target: try DeskForm.field(form, "target"), wave: try DeskForm.field(form, "wave"))
    }

    private func table(_ request: Request, _ context: BasicRequestContext) async -> Response {
        await respondAsync {
            let (id, s) = try scenario(context)
            let kind = context.parameters.get("kind") ?? ""
            var key = context.parameters.get("key") ?? ""
            for ext in ["csv", "xlsx"] where key.hasSuffix("." + ext) {
                key = String(key.dropLast(ext.count + 1))
                // A re-solved plan's workbooks follow its tables: wait for them.
                let workbookFailure = ext == "xlsx" ? await pages.solves.workbooksWritten(id) : nil
                guard kind != "wave" || ext == "csv", let file = pages.tableFile(id, scenario: s, kind: kind, key: key, ext: ext),
                      let data = FileManager.default.contents(atPath: file) else {
                    if let workbookFailure { throw DeskError.failed(workbookFailure) }
                    throw DeskError.notFound("没有这个文件（先求解？）/ no such file (solve first?): \(kind) \(key).\(ext)")
                }
                let type = ext == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                let name = "\(id)-\(kind)-\(PlanWriterName.safe(key)).\(ext)"
                return Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""],
                                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
            return page(try pages.table(id, scenario: s, kind: kind, key: key, lang: lang(request)))
        }
    }

    private func solve(_ request: Request, _ context: BasicRequestContext, stay: Bool) async throws -> Response {
        await respondAsync {
            let form = try await DeskForm.read(request)
            let id = try scenarioID(context)
            let en = form["lang"] == "en" ? "&lang=en" : ""
            do {
                _ = try await pages.solves.solve(id: id, scenario: root.scenarioFolder(id)!, plan: root.planFolder(id), stay: stay,
                                                 language: form["lang"] == "en" ? .en : .zh)
            } catch is DeskCancelled {
                return redirect("/s/\(DeskHTML.segment(id))?done=cancelled\(en)")
            }
            return redirect("/s/\(DeskHTML.segment(id))?done=\(stay ? "resolve" : "solve")\(en)")
        }
    }

    /// A change to the scenario's files, then back to the page the form was on.
    private func change(_ request: Request, _ context: BasicRequestContext,
                        _ body: @escaping @Sendable (String, [String: String]) throws -> Void) async throws -> Response {
        await respondAsync {
            let form = try await DeskForm.read(request)
            let id = try scenarioID(context)
            try body(root.scenarioFolder(id)!, form)
            return redirect(DeskForm.backPath(request) ?? "/s/\(DeskHTML.segment(id))")
        }
    }

    func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path])
    }

    func page(_ text: String, status: HTTPResponse.Status = .ok, type: String = "text/html; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func html(type: String = "text/html; charset=utf-8", _ make: () throws -> String) throws -> Response {
        try respond { page(try make(), type: type) }
    }

    func respond(_ make: () throws -> Response) throws -> Response {
        do { return try make() } catch let error as DeskError { return errorPage(error) } catch {
            return errorPage(.failed("\(error)"))
        }
    }

    func respondAsync(_ make: () async throws -> Response) async -> Response {
        do { return try await make() } catch let error as DeskError { return errorPage(error) } catch {
            return errorPage(.failed("\(error)"))
        }
    }

    private func errorPage(_ error: DeskError) -> Response {
        let lang = DeskLanguage(english: false)
        let body = "<p class=\"msg err\">\(DeskHTML.escape(error.description))</p><p><a href=\"/\">场景 / Scenarios</a></p>"
        return page(DeskHTML.page(title: "\(error.status)", lang: lang, body: body), status: .init(code: error.status))
    }
}

/// The file-name rule of plan tables (PlanWriter.safeName), for download names.
enum PlanWriterName {
    static func safe(_ id: String) -> String {
        String(id.unicodeScalars.map { u -> Character in
            (u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_") ? Character(u) : "_"
        })
    }
}
