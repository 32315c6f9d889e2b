import CadrePlan
import Foundation
import GLPKSolver
import MIP
import PlanPublishing
import Scenario

/// The solves the desk runs: one per scenario at a time, each on its own thread (GLPK blocks),
/// with its latest progress for the page to poll. Plans reach disk only through
/// ``VerifiedPlanWriter``, as with `cadreplan solve`; a failed or cancelled solve leaves the last plan in place.
final class DeskSolves: @unchecked Sendable {
    private let lock = NSLock()
    private var running: [String: DeskProgress] = [:]   // scenario id → where its solve stands
    private var cancellations: [String: Cancellation] = [:]
    private var writing: Set<String> = []   // solves past the point where a cancel can stop them
    private var workbooks: [String: WorkbookJob] = [:]   // scenario id → its plan's workbooks being written
    /// Called on the solving thread once the solve is registered and before planning starts:
    /// tests hold a solve here to cancel it at a known point.
    let beforePlanning: (@Sendable (String) -> Void)?

    /// A registry; `beforePlanning` is for tests.
    init(beforePlanning: (@Sendable (String) -> Void)? = nil) {
        self.beforePlanning = beforePlanning
    }

    /// Where the solve running for `id` stands, or nil when none runs.
    func progress(_ id: String) -> DeskProgress? {
        lock.lock(); defer { lock.unlock() }
        return running[id]
    }

    /// Marks a solve for `id` as running; false when one already runs.
    func claim(_ id: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard running[id] == nil else { return false }
        running[id] = .starting
        cancellations[id] = Cancellation()
        return true
    }

    /// Asks the solve running for `id` to stop; false when none runs or it is already writing
    /// its plan. The solve stops at its solver's next check (GLPK cannot stop inside a simplex)
    /// and writes nothing.
    func cancel(_ id: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard running[id] != nil, !writing.contains(id), let cancellation = cancellations[id] else { return false }
        cancellation.cancel()
        running[id] = .cancelling
        return true
    }

    /// Moves the solve for `id` past cancelling, to writing; false when it was cancelled first.
    private func beginWriting(_ id: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard cancellations[id]?.isCancelled != true else { return false }
        writing.insert(id)
        running[id] = .writing
        return true
    }

    /// The cancellation flag of the solve running for `id`.
    private func cancellation(_ id: String) -> Cancellation? {
        lock.lock(); defer { lock.unlock() }
        return cancellations[id]
    }

    /// Sets where the running solve for `id` stands (a cancelled one stays cancelling).
    func update(_ id: String, _ line: DeskProgress) {
        lock.lock(); defer { lock.unlock() }
        if running[id] != nil, cancellations[id]?.isCancelled != true { running[id] = line }
    }

    /// Marks the solve for `id` as finished.
    func release(_ id: String) {
        lock.lock(); defer { lock.unlock() }
        running[id] = nil
        cancellations[id] = nil
        writing.remove(id)
    }

    /// Solves scenario `id` (folder `scenario`) and writes its plan to `plan`; with `stay`, the
    /// plan already there is the previous plan (the stability tier keeps it as far as possible).
    /// The plan's tables and report are written in `language` (the page's). Throws 409 when a solve for `id` is running, 404 when `stay` finds no plan,
    /// ``DeskCancelled`` when ``cancel(_:)`` stopped it.
    func solve(id: String, scenario: String, plan: String, stay: Bool, language: Language = .zh) async throws -> VerifiedPlanWriter.Written {
        guard claim(id) else { throw DeskError.conflict("该场景正在求解，请稍候 / a solve is already running for \(id)") }
        defer { release(id) }
        return try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { [self] in
                continuation.resume(with: Result { try run(id: id, scenario: scenario, plan: plan, stay: stay, language: language) })
            }
        }
    }

    /// Waits until the workbooks of `id`'s last plan are written, without blocking a thread;
    /// returns why they could not be, or nil (also when none were pending).
    func workbooksWritten(_ id: String) async -> String? {
        while let job = workbookJob(id) {
            if let outcome = job.outcome { return outcome }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return nil
    }

    private func workbookJob(_ id: String) -> WorkbookJob? {
        lock.lock(); defer { lock.unlock() }
        return workbooks[id]
    }

    /// Writes the workbooks of the plan just published for `id` on a thread of their own: the
    /// page shows the plan meanwhile; downloads and the next solve wait for them.
    private func startWorkbooks(_ id: String, _ write: @escaping @Sendable () throws -> VerifiedPlanWriter.Written) {
        let job = WorkbookJob()
        lock.lock(); workbooks[id] = job; lock.unlock()
        Thread.detachNewThread {
            do { _ = try write(); job.finish(nil) } catch {
                job.finish("工作簿未能写入（表格已写好）/ the workbooks could not be written (the tables were): \(error)")
            }
        }
    }

    private func run(id: String, scenario: String, plan folder: String, stay: Bool, language: Language) throws -> VerifiedPlanWriter.Written {
        // The last plan's workbooks go into the same folder: let them finish before this plan replaces it.
        workbookJob(id)?.wait()
        beforePlanning?(id)
        let loaded = try ScenarioEdits.load(scenario)
        var earlier: [Pin]? = nil
        if stay {
            do { earlier = try PinsFile.read(path: folder + "/pins.csv") } catch {
                throw DeskError.notFound("还没有可参照的方案，请先求解 / no plan to stay close to: solve first")
            }
        }
        let progress: @Sendable (PlanProgress) -> Void = { [self] p in update(id, DeskProgress(p)) }
        do {
            // beginWriting is the last moment a cancel can still keep the plan off the disk; later ones are refused.
            let published = try PlanningRun.solve(loaded, to: folder, previous: earlier, language: language, workbooksLater: true,
                                                  progress: progress, cancellation: cancellation(id), mayWrite: { beginWriting(id) })
            if let workbooks = published.workbooks { startWorkbooks(id, workbooks) }
            return published.written
        } catch PlanError.cancelled {
            throw DeskCancelled()
        } catch let error as PlanError {
            throw DeskError.failed("无法求解，原方案保持不变 / no plan; the last plan is kept: \(error)")
        } catch let refused as PlanRefused {
            throw DeskError.failed("方案未通过核验，原方案保持不变 / the plan failed verification; the last plan is kept: \(refused.lines.joined(separator: "; "))")
        } catch {
            throw DeskError.failed("写入失败，原方案保持不变 / the plan could not be written; the last plan is kept: \(error)")
        }
    }
}

/// A solve stopped by the planner's cancel: nothing was written, the last plan stands.
struct DeskCancelled: Error {}
