import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PlanDesk
import Testing

/// A fresh ROOT holding a copy of scenarios/small, and the desk's routes over it.
struct DeskFixture {
    let root: URL
    let solves: DeskSolves
    var scenario: String { root.path + "/scenarios/small" }
    var plan: String { root.path + "/plans/small" }

    init(solves: DeskSolves = DeskSolves()) throws {
        self.solves = solves
        root = FileManager.default.temporaryDirectory.appendingPathComponent("desk-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: "scenarios/small", toPath: root.path + "/scenarios/small")
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs `body` with a client of the desk.
    func test(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: PlanDesk.router(root: try DeskRoot(root.path), solves: solves))
        try await app.test(.router, body)
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
}

/// A same-origin form POST (the router test client's authority is `localhost`).
func post(_ client: any TestClientProtocol, _ uri: String, _ form: String, origin: String? = "http://localhost",
          referer: String? = nil, type: String = "application/x-www-form-urlencoded") async throws -> (status: Int, body: String, location: String?) {
    var headers: HTTPFields = [.contentType: type]
    if let origin { headers[.origin] = origin }
    if let referer { headers[.referer] = referer }
    return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: form)) {
        ($0.status.code, String(buffer: $0.body), $0.headers[.location])
    }
}

func get(_ client: any TestClientProtocol, _ uri: String) async throws -> (status: Int, body: String, headers: HTTPFields) {
    try await client.execute(uri: uri, method: .get) { ($0.status.code, String(buffer: $0.body), $0.headers) }
}

/// The cadre, target and wave of the plan's first assignment in wave `w1`, read from the file the desk wrote.
func firstAssignment(_ plan: String, skip: Int = 0) throws -> (cadre: String, target: String, wave: String) {
    let lines = try String(contentsOfFile: plan + "/waves/w1.csv", encoding: .utf8).split(separator: "\n").dropFirst().dropFirst(skip)
    let cells = lines.first!.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return (cells[4], cells[8], cells[0])
}

@Suite("Planning desk: pages and actions", .serialized)
struct DeskRouteTests {
    @Test func pagesBeforeAnyPlan() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            let list = try await get(client, "/")
            #expect(list.status == 200 && list.body.contains("href=\"/s/small\"") && list.body.contains("未求解"))
            #expect(try await get(client, "/?lang=en").body.contains("not solved"))
            let overview = try await get(client, "/s/small")
            #expect(overview.status == 200 && overview.body.contains("还没有方案"))
            #expect(try await get(client, "/s/small?lang=en").body.contains("No plan yet"))
            for page in ["/s/small/tables", "/s/small/targets", "/s/small/cadres", "/s/small/target/e01", "/s/small/cadre/p01"] {
                #expect(try await get(client, page).status == 200, "\(page)")
            }
            #expect(try await get(client, "/s/small/targets").body.contains("海口某电子科技有限公司"))
            for page in ["/s/nope", "/s/nope/tables", "/s/small/target/nope", "/s/small/cadre/nope", "/s/small/report",
                         "/s/small/table/wave/w1", "/s/small/table/group/gx.csv", "/s/small/table/wave/nope", "/s/small/table/bogus/w1",
                         "/s/..", "/s/small/table/group/..%2F..%2Fscenario"] {
                #expect(try await get(client, page).status == 404, "\(page)")
            }
        }
    }

    @Test func solveWritesAVerifiedPlanAndEveryPageShowsIt() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            let solved = try await post(client, "/s/small/solve", "")
            #expect(solved.status == 303 && solved.location == "/s/small?done=solve")
            #expect(FileManager.default.fileExists(atPath: f.plan + "/.cadreplan"))
            let overview = try await get(client, "/s/small?done=solve")
            #expect(overview.body.contains("已求解") && overview.body.contains("src=\"/s/small/report\""))
            let report = try await get(client, "/s/small/report")
            #expect(report.status == 200 && report.body.contains("各市县覆盖率地图") && report.body.contains("<svg"))
            let a = try firstAssignment(f.plan)
            let wave = try await get(client, "/s/small/table/wave/w1")
            #expect(wave.status == 200 && wave.body.contains("value=\"\(a.cadre)\"") && wave.body.contains("class=\"inline pin\""))
            // As many rows as the plan's table, each with its actions.
            let lines = try String(contentsOfFile: f.plan + "/waves/w1.csv", encoding: .utf8).split(separator: "\n").count - 1
            #expect(wave.body.components(separatedBy: "class=\"inline pin\"").count - 1 == lines)
            #expect(try await get(client, "/s/small/target/\(a.target)").body.contains("/s/small/cadre/\(a.cadre)"))
            #expect(try await get(client, "/s/small/cadre/\(a.cadre)").body.contains("/s/small/target/\(a.target)"))
            let csv = try await get(client, "/s/small/table/group/gx.csv")
            #expect(csv.status == 200 && csv.headers[.contentDisposition]?.contains("attachment") == true && csv.body.contains("工信组"))
            let xlsx = try await get(client, "/s/small/table/region/haikou.xlsx")
            #expect(xlsx.status == 200 && xlsx.body.hasPrefix("PK"))
            #expect(try await get(client, "/s/small/table/wave/w1.xlsx").status == 404)   // no workbook per wave
            #expect(try await get(client, "/s/small/progress").body.isEmpty)
            // A target nobody serves (scenarios/small has more demand than cadres): explain's reasons and recommendation.
            let served = Set(try String(contentsOfFile: f.plan + "/pins.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                .map { String($0.split(separator: ",")[1]) })
            let targets = try String(contentsOfFile: f.scenario + "/targets.csv", encoding: .utf8).split(separator: "\n").dropFirst()
                .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let short = try #require(targets.first { !served.contains($0[0]) && $0[12] != "false" })[0]
            let page = try await get(client, "/s/small/target/\(short)")
            #expect(page.body.contains("为什么缺人") && page.body.contains("== 短缺及原因 ==") && page.body.contains("原因：") && page.body.contains("\n\(short) "))
            let english = try await get(client, "/s/small/target/\(short)?lang=en")
            #expect(english.body.contains("Why it is short") && english.body.contains("Reason:"))
        }
    }

    @Test func statechangesNeedTheSameOrigin() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        let pins = f.text(f.scenario + "/pins.csv")
        try await f.test { client in
            let noOrigin = try await post(client, "/s/small/solve", "", origin: nil)
            #expect(noOrigin.status == 403 && noOrigin.body.contains("same origin"))
            #expect(try await post(client, "/s/small/solve", "", origin: "http://evil.example").status == 403)
            #expect(try await post(client, "/s/small/pin", "cadre=p01&target=e01&wave=w1", origin: "http://localhost.evil").status == 403)
            let overview = try await get(client, "/s/small")
            #expect(overview.status == 200 && overview.body.contains("还没有方案"))
        }
        #expect(!FileManager.default.fileExists(atPath: f.plan))
        #expect(f.text(f.scenario + "/pins.csv") == pins)
    }

    @Test func pinUnpinAndForbidWriteTheScenarioFiles() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        let pairsBefore = try #require(f.text(f.scenario + "/pairs.csv"))
        try await f.test { client in
            let pinned = try await post(client, "/s/small/pin", "cadre=p01&target=e01&wave=w1")
            #expect(pinned.status == 303)
            #expect(f.text(f.scenario + "/pins.csv") == "cadre,target,wave\np01,e01,w1\n")
            // Back to the page the form was on, but never off this host.
            let again = try await post(client, "/s/small/pin", "cadre=p01&target=e01&wave=w1", referer: "http://localhost/s/small/cadre/p01?lang=en")
            #expect(again.status == 303 && again.location == "/s/small/cadre/p01?lang=en")   // twice: still one pin
            let offsite = try await post(client, "/s/small/pin", "cadre=p01&target=e01&wave=w1", origin: nil, referer: "http://localhost//evil.example/x")
            #expect(offsite.status == 303 && offsite.location == "/s/small")
            #expect(f.text(f.scenario + "/pins.csv") == "cadre,target,wave\np01,e01,w1\n")
            // Forbidding a pinned pair is a conflict; nothing changes.
            #expect(try await post(client, "/s/small/forbid", "cadre=p01&target=e01&reason=x").status == 409)
            #expect(f.text(f.scenario + "/pairs.csv") == pairsBefore)
            let forbid = try await post(client, "/s/small/forbid", "cadre=p02&target=e02&reason=%E5%9B%9E%E9%81%BF+%E4%BA%B2%E5%B1%9E")
            #expect(forbid.status == 303)
            #expect(f.text(f.scenario + "/pairs.csv") == pairsBefore + "p02,e02,true,,,回避 亲属\n")
            // Pinning a forbidden pair is a conflict too.
            #expect(try await post(client, "/s/small/pin", "cadre=p02&target=e02&wave=w1").status == 409)
            #expect(try await get(client, "/s/small/cadre/p02").body.contains("回避 亲属"))
            #expect(try await post(client, "/s/small/unpin", "cadre=p01&target=e01&wave=w1").status == 303)
            #expect(f.text(f.scenario + "/pins.csv") == "cadre,target,wave\n")
            #expect(try await post(client, "/s/small/unpin", "cadre=p01&target=e01&wave=w1").status == 404)
        }
    }

    @Test func badFormsAreRefusedAndChangeNothing() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        let before = try FileManager.default.contentsOfDirectory(atPath: f.scenario).sorted()
        let pairs = f.text(f.scenario + "/pairs.csv")
        try await f.test { client in
            let cases: [(String, String, Int)] = [
                ("/s/small/pin", "cadre=nobody&target=e01&wave=w1", 400),
                ("/s/small/pin", "cadre=p01&target=nothing&wave=w1", 400),
                ("/s/small/pin", "cadre=p01&target=e01&wave=w9", 400),
                ("/s/small/pin", "cadre=p01&target=e01", 400),
                ("/s/small/pin", "cadre=p01&cadre=p02&target=e01&wave=w1", 400),
                ("/s/small/pin", "cadre=%zz&target=e01&wave=w1", 400),
                ("/s/small/pin", "garbage", 400),
                ("/s/small/pin", "cadre=p01%0A&target=e01&wave=w1", 400),
                ("/s/small/forbid", "cadre=p01&target=e01", 400),
                ("/s/small/forbid", "cadre=p01&target=e01&reason=" + String(repeating: "x", count: 201), 400),
                ("/s/small/forbid", "cadre=..%2F..%2Fetc&target=e01&reason=x", 400),
                ("/s/nope/pin", "cadre=p01&target=e01&wave=w1", 404),
                ("/s/..%2Fscenarios%2Fsmall/pin", "cadre=p01&target=e01&wave=w1", 404),
                ("/s/small/resolve", "", 404),   // no plan to stay close to yet
            ]
            for (uri, form, status) in cases {
                let answer = try await post(client, uri, form)
                #expect(answer.status == status, "\(uri) \(form): \(answer.body)")
            }
            #expect(try await post(client, "/s/small/pin", "{\"cadre\":\"p01\"}", type: "application/json").status == 400)
            let big = "cadre=p01&target=e01&wave=w1&reason=" + String(repeating: "x", count: PlanDesk.maxBody)
            #expect(try await post(client, "/s/small/pin", big).status == 413)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.scenario).sorted() == before)
        #expect(f.text(f.scenario + "/pairs.csv") == pairs)
        #expect(!FileManager.default.fileExists(atPath: f.plan))
    }

    @Test func resolveKeepsPinsDropsForbiddenPairsAndListsChanges() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            #expect(try await post(client, "/s/small/solve", "").status == 303)
            let keep = try firstAssignment(f.plan), drop = try firstAssignment(f.plan, skip: 1)
            #expect(try await post(client, "/s/small/pin", "cadre=\(keep.cadre)&target=\(keep.target)&wave=\(keep.wave)").status == 303)
            #expect(try await post(client, "/s/small/forbid", "cadre=\(drop.cadre)&target=\(drop.target)&reason=test").status == 303)
            let resolved = try await post(client, "/s/small/resolve", "lang=en")
            #expect(resolved.status == 303 && resolved.location == "/s/small?done=resolve&lang=en")
            let assignments = try #require(f.text(f.plan + "/pins.csv"))
            #expect(assignments.contains("\(keep.cadre),\(keep.target),\(keep.wave)\n"))
            #expect(!assignments.contains("\(drop.cadre),\(drop.target),"))
            let changes = try #require(f.text(f.plan + "/changes.csv"))
            #expect(changes.contains("\(drop.cadre),\(drop.target),"))
            let overview = try await get(client, "/s/small?done=resolve&lang=en")
            #expect(overview.body.contains("Changes against the previous plan") && overview.body.contains("Re-solved"))
            let table = try await get(client, "/s/small/table/wave/w1?lang=en")
            #expect(table.body.contains("<tr class=\"pinned\">") && table.body.contains("Unpin"))
        }
    }

    @Test func oneSolvePerScenarioAndAFailedSolveKeepsThePlan() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            #expect(try await post(client, "/s/small/solve", "").status == 303)
            let plan = try #require(f.text(f.plan + "/pins.csv"))
            #expect(f.solves.claim("small"))
            let busy = try await post(client, "/s/small/solve", "")
            #expect(busy.status == 409 && busy.body.contains("正在求解"))
            // Gap |40 − 42| / 42 = 4.76 %.
            f.solves.update("small", .solving(phase: "solve", block: 1, blocks: 1, tier: "coverage", incumbent: 40, bound: 42, gap: 2.0 / 42))
            #expect(try await get(client, "/s/small/progress?lang=en").body == "solve · block 1/1 · tier coverage · incumbent 40 · bound 42 · gap 4.76%")
            #expect(try await get(client, "/s/small/progress").body == "求解 · 第 1/1 块 · 层级 coverage · 当前解 40 · 界 42 · 差距 4.76%")
            #expect(try await get(client, "/s/small").body.contains("求解中：求解 · 第 1/1 块"))
            #expect(try await get(client, "/s/small?lang=en").body.contains("data-progress=\"/s/small/progress?lang=en\""))
            #expect(try await post(client, "/s/small/resolve", "").status == 409)
            f.solves.release("small")
            // A scenario that no longer loads: the solve is refused and the last plan stays.
            try "id,name\n".write(toFile: f.scenario + "/cadres.csv", atomically: true, encoding: .utf8)
            #expect(try await post(client, "/s/small/solve", "").status == 409)
            #expect(f.text(f.plan + "/pins.csv") == plan)
        }
    }

    @Test func filesOutsideRootAreNeverServed() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("desk-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try "secret".write(to: outside.appendingPathComponent("report.html"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: "scenarios/small", toPath: outside.path + "/linked")
        // A plan folder whose report.html is a symbolic link out of ROOT, and a scenario linked in from outside.
        try FileManager.default.createDirectory(atPath: f.plan, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: f.plan + "/report.html", withDestinationPath: outside.path + "/report.html")
        try FileManager.default.createSymbolicLink(atPath: f.root.path + "/scenarios/linked", withDestinationPath: outside.path + "/linked")
        try await f.test { client in
            let report = try await get(client, "/s/small/report")
            #expect(report.status == 404 && !report.body.contains("secret"))
            #expect(try await get(client, "/s/linked").status == 404)
            #expect(!(try await get(client, "/").body.contains("linked")))
        }
        let root = try DeskRoot(f.root.path)
        for bad in ["../small", "a/../../x", "", ".cadreplan", "x//y", "/etc/passwd"] {
            #expect(root.file(bad, in: f.plan) == nil, "\(bad)")
        }
    }
}
