import CadrePlan
import Foundation
import Hummingbird
import HummingbirdTesting
@testable import PlanDesk
import Testing

/// Holds a solve on its thread, once armed, until the test lets it go: a cancel then arrives at a known point.
final class SolveGate: @unchecked Sendable {
    private let lock = NSLock()
    private var armed = false
    private let entered = DispatchSemaphore(value: 0)
    private let released = DispatchSemaphore(value: 0)

    func arm() { lock.lock(); armed = true; lock.unlock() }

    /// The hook DeskSolves calls before planning.
    func pass(_ id: String) {
        lock.lock(); let hold = armed; armed = false; lock.unlock()
        guard hold else { return }
        entered.signal()
        released.wait()
    }

    /// Waits (off the cooperative pool) until an armed solve is held.
    func waitUntilHeld() async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async { self.entered.wait(); done.resume() }
        }
    }

    func release() { released.signal() }
}

/// Every file under `folder` with its bytes, to show that nothing changed.
func snapshot(_ folder: String) -> [String: Data] {
    var files: [String: Data] = [:]
    for path in FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [] {
        if let data = FileManager.default.contents(atPath: folder + "/" + path) { files[path] = data }
    }
    return files
}

/// The entries of `folder` (hidden ones included), sorted.
func entries(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

@Suite("Planning desk: cancel, variants, comparison", .serialized)
struct DeskPlanningTests {
    @Test func cancelWithoutARunningSolveIsRefused() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            let none = try await post(client, "/s/small/cancel", "")
            #expect(none.status == 409 && none.body.contains("no solve is running"))
            #expect(try await post(client, "/s/nope/cancel", "").status == 404)
            #expect(try await post(client, "/s/small/cancel", "", origin: "http://evil.example").status == 403)
        }
        #expect(!FileManager.default.fileExists(atPath: f.plan))
    }

    @Test func cancelStopsTheSolveAndKeepsTheLastPlan() async throws {
        let gate = SolveGate()
        let f = try DeskFixture(solves: DeskSolves(beforePlanning: { gate.pass($0) }))
        defer { f.remove() }
        try await f.test { client in
            #expect(try await post(client, "/s/small/solve", "").status == 303)
            // The first plan's workbooks follow its tables; the snapshot is of the finished folder.
            #expect(await f.solves.workbooksWritten("small") == nil)
            let before = snapshot(f.plan)
            #expect(before["assignments.csv"] != nil && before["plan.xlsx"] != nil)
            // A pin changes what the next solve would write, so an unchanged folder means nothing was written.
            let a = try firstAssignment(f.plan, skip: 1)
            #expect(try await post(client, "/s/small/pin", "cadre=\(a.cadre)&target=\(a.target)&wave=\(a.wave)").status == 303)
            gate.arm()
            async let solving = post(client, "/s/small/resolve", "")
            await gate.waitUntilHeld()
            // The cancel button shows while the solve runs (hidden otherwise, for the page's script to show).
            #expect(try await get(client, "/s/small").body.contains("class=\"inline cancel\"><"))
            let cancel = try await post(client, "/s/small/cancel", "lang=en")
            #expect(cancel.status == 303 && cancel.location == "/s/small?done=cancelling&lang=en")
            #expect(try await get(client, "/s/small/progress?lang=en").body.hasPrefix("cancelling"))
            #expect(try await get(client, "/s/small/progress").body.hasPrefix("正在取消"))
            gate.release()
            let solved = try await solving
            #expect(solved.status == 303 && solved.location == "/s/small?done=cancelled")
            #expect(try await get(client, "/s/small?done=cancelled").body.contains("求解已取消"))
            #expect(try await get(client, "/s/small/progress").body.isEmpty)
            #expect(try await post(client, "/s/small/cancel", "").status == 409)
            #expect(try await get(client, "/s/small").body.contains("class=\"inline cancel\" hidden>"))
            #expect(snapshot(f.plan) == before)
        }
    }

    /// The page shows a plan once its tables are verified and written; its workbooks are written
    /// after, by a second verified write of the same plan: a download waits for them, and the
    /// tables come out byte for byte as the first write left them.
    @Test func workbooksFollowTheTablesAndDownloadsWaitForThem() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            #expect(try await post(client, "/s/small/solve", "").status == 303)
            let tables = snapshot(f.plan).filter { !$0.key.hasSuffix(".xlsx") && $0.key != "timings.json" }
            #expect(tables["assignments.csv"] != nil && tables["groups/gx.csv"] != nil)
            let book = try await get(client, "/s/small/table/group/gx.xlsx")
            #expect(book.status == 200 && book.body.hasPrefix("PK"))
            #expect(await f.solves.workbooksWritten("small") == nil)
            let done = snapshot(f.plan)
            for name in ["plan.xlsx", "groups/gx.xlsx", "groups/ly.xlsx", "groups/xm.xlsx", "regions/haikou.xlsx"] {
                #expect(done[name] != nil, "\(name) missing")
            }
            #expect(done.filter { !$0.key.hasSuffix(".xlsx") && $0.key != "timings.json" } == tables)
        }
    }

    /// A real cancel, during GLPK's work on hainan-2022 (several seconds in a debug build): the
    /// desk's button reaches the planner and the solver, and no plan folder appears.
    @Test func cancelStopsARealSolveOfHainan() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try FileManager.default.copyItem(atPath: "scenarios/hainan-2022", toPath: f.root.path + "/scenarios/hainan-2022")
        try await f.test { client in
            async let solving = post(client, "/s/hainan-2022/solve", "")
            // Wait until the planner reports a tier's solve, then cancel at once.
            var solvingSeen = false
            for _ in 0..<600 where !solvingSeen {
                if case .solving(phase: "solve", _, _, _, _, _, _)? = f.solves.progress("hainan-2022") { solvingSeen = true } else {
                    try await Task.sleep(for: .milliseconds(50))
                }
            }
            #expect(solvingSeen)
            let cancel = try await post(client, "/s/hainan-2022/cancel", "")
            #expect(cancel.status == 303)
            let solved = try await solving
            #expect(solved.status == 303 && solved.location == "/s/hainan-2022?done=cancelled")
        }
        #expect(!FileManager.default.fileExists(atPath: f.root.path + "/plans/hainan-2022"))
    }

    @Test func aVariantIsWrittenBesideTheScenarioAndSolves() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            let overview = try await get(client, "/s/small")
            #expect(overview.body.contains("action=\"/s/small/variant\"") && overview.body.contains("另存为命名变体"))
            #expect(overview.body.contains("<option value=\"one-to-one\" selected>"))
            #expect(try await get(client, "/s/small?lang=en").body.contains("Save as a named variant"))
            let made = try await post(client, "/s/small/variant", "name=small-m2&mode=one-to-many&m=2&reach=30&tiers=coverage%2C+timeliness%2C+quality")
            #expect(made.status == 303 && made.location == "/s/small-m2?done=variant")
            let folder = f.root.path + "/scenarios/small-m2"
            #expect(entries(folder) == ["scenario.yaml"])
            let yaml = try #require(f.text(folder + "/scenario.yaml"))
            let lines = yaml.split(separator: "\n").map(String.init)
            // ScenarioWriter quotes scalars that hold `:` or `/`, as YAML reads them the same either way.
            #expect(Array(lines.prefix(3)) == ["name: small-m2", "base: \"../small\"", "mode: \"one-to-many:2\""])
            #expect(lines.contains("tiers: [coverage, timeliness, quality]") && lines.contains("  county_reach_km: 30"))
            #expect(try await get(client, "/").body.contains("href=\"/s/small-m2\""))
            #expect(try await get(client, "/s/small-m2?done=variant").body.contains("已创建方案变体"))
            #expect(try await post(client, "/s/small-m2/solve", "").status == 303)
            #expect(FileManager.default.fileExists(atPath: f.root.path + "/plans/small-m2/summary.json"))
            // A variant of the variant keeps the same base (its siblings' base) and its own files.
            #expect(try await post(client, "/s/small-m2/variant", "name=small-m3&mode=one-to-one-first&m=3&reach=0&tiers=").status == 303)
            let second = try #require(f.text(f.root.path + "/scenarios/small-m3/scenario.yaml")).split(separator: "\n").map(String.init)
            #expect(Array(second.prefix(3)) == ["name: small-m3", "base: \"../small\"", "mode: \"one-to-one-first:3\""])
            #expect(second.contains("tiers: [coverage, timeliness, quality]") && !second.contains { $0.contains("county_reach_km") })
        }
    }

    @Test func badVariantsAreRefusedAndWriteNothing() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        let before = entries(f.root.path + "/scenarios")
        let scenario = snapshot(f.scenario)
        let good = "mode=one-to-many&m=2&reach=10"
        try await f.test { client in
            for (form, status) in [
                ("name=..%2Fevil&" + good, 400), ("name=a%2Fb&" + good, 400), ("name=.hidden&" + good, 400),
                ("name=-x&" + good, 400), ("name=&" + good, 400), ("name=..&" + good, 400),
                ("name=small&" + good, 409),
                ("name=v&mode=bogus&m=2&reach=10", 400), ("name=v&mode=one-to-many&m=0&reach=10", 400),
                ("name=v&mode=one-to-many&m=two&reach=10", 400), ("name=v&mode=one-to-many&reach=10", 400),
                ("name=v&mode=one-to-one&reach=-5", 400), ("name=v&mode=one-to-one&reach=abc", 400),
                ("name=v&mode=one-to-one&reach=20039", 400),
                ("name=v&mode=one-to-one&reach=0&tiers=coverage%2Cnonsense", 400),
                // Known tiers that `check` refuses (a tier twice): the scenario check's own finding.
                ("name=v&mode=one-to-one&reach=0&tiers=coverage%2Ccoverage%2Cquality", 400),
            ] {
                let answer = try await post(client, "/s/small/variant", form)
                #expect(answer.status == status, "\(form): \(answer.body)")
            }
            #expect(try await post(client, "/s/small/variant", "name=v&" + good, origin: nil).status == 403)
            #expect(try await post(client, "/s/nope/variant", "name=v&" + good).status == 404)
            let twice = try await post(client, "/s/small/variant", "name=v&mode=one-to-one&reach=0&tiers=coverage%2Ccoverage%2Cquality")
            #expect(twice.body.contains("listed twice"))
        }
        #expect(entries(f.root.path + "/scenarios") == before)
        #expect(snapshot(f.scenario) == scenario)
        #expect(!FileManager.default.fileExists(atPath: f.root.path + "/evil"))
    }

    @Test func twoPlansSideBySideAsCompareWritesThem() async throws {
        let f = try DeskFixture()
        defer { f.remove() }
        try await f.test { client in
            #expect(try await get(client, "/compare").body.contains("至少需要两个"))
            #expect(try await post(client, "/s/small/solve", "").status == 303)
            #expect(try await post(client, "/s/small/variant", "name=small-otm&mode=one-to-many&m=2&reach=0").status == 303)
            #expect(try await get(client, "/compare/report?s=small&s=small-otm").status == 404)   // not planned yet
            #expect(try await post(client, "/s/small-otm/solve", "").status == 303)
            let page = try await get(client, "/compare?s=small&s=small-otm&lang=en")
            #expect(page.status == 200 && page.body.contains("src=\"/compare/report?s=small&amp;s=small-otm&amp;lang=en\""))
            #expect(page.body.contains("value=\"small\" checked") && page.body.contains("value=\"small-otm\" checked"))
            let report = try await get(client, "/compare/report?s=small&s=small-otm")
            let plans = try ComparedPlan.loadAll(folders: [f.plan, f.root.path + "/plans/small-otm"])
            #expect(report.status == 200 && report.body == PlanComparison(plans: plans, language: .zh).render(.html))
            #expect(plans.map(\.name) == ["small", "small-otm"])
            #expect(try await get(client, "/compare/report?s=small").status == 400)
            #expect(try await get(client, "/compare/report?s=small&s=nope").status == 404)
            #expect(try await get(client, "/compare/report?s=small&s=..%2Fsmall").status == 404)
        }
    }
}
