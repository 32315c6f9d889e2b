import Scenario

/// What a re-plan changed against an earlier plan, with the reason for each change.
public struct ChangeReport: Sendable {
    /// One changed assignment.
    public struct Change: Sendable, Equatable {
        /// `removed` (an earlier pair that is gone), `moved` (its cadre now serves elsewhere or in
        /// another wave) or `added` (a pair that was not there).
        public var kind: String
        public var cadre: String
        public var target: String
        public var wave: String
        /// For `moved`: where the cadre is now.
        public var now: String
        public var reason: String
    }
    /// Changes, earlier pairs first (by cadre id), then added pairs.
    public var changes: [Change]
    /// Earlier pairs not kept exactly (cadre, target and wave): what the stability tier counts.
    public var notKept: Int

    /// Compares `plan` with the `previous` assignments (ids), giving reasons a planner can act on.
    public init(previous: [Pin], plan: Plan) {
        let s = plan.scenario
        let p = plan.prepared
        struct Key: Hashable { let c: String, t: String, w: String }
        var now = Set<Key>()
        var nowByCadre: [String: [Key]] = [:]
        for pair in plan.pairs {
            let k = Key(c: s.cadres[pair.cadre].id, t: s.targets[pair.target].id, w: s.waves[pair.wave].id)
            now.insert(k)
            nowByCadre[k.c, default: []].append(k)
        }
        var before = Set<Key>()
        var changes: [Change] = []
        for e in previous.sorted(by: { ($0.cadre, $0.target, $0.wave) < ($1.cadre, $1.target, $1.wave) }) {
            let k = Key(c: e.cadre, t: e.target, w: e.wave)
            // A pair listed twice is one earlier assignment (as the stability tier counts it).
            guard before.insert(k).inserted else { continue }
            guard !now.contains(k) else { continue }
            let elsewhere = (nowByCadre[e.cadre] ?? []).map { "\($0.t)@\($0.w)" }.sorted().joined(separator: ";")
            changes.append(Change(kind: elsewhere.isEmpty ? "removed" : "moved", cadre: e.cadre, target: e.target, wave: e.wave,
                                  now: elsewhere, reason: Self.reason(e, p)))
        }
        let notKept = changes.count
        let earlierCadres = Set(previous.map(\.cadre))
        for k in now.subtracting(before).sorted(by: { ($0.c, $0.t, $0.w) < ($1.c, $1.t, $1.w) }) {
            let why = earlierCadres.contains(k.c) ? "new assignment of a moved cadre" : "newly dispatched cadre: serves a target left short"
            changes.append(Change(kind: "added", cadre: k.c, target: k.t, wave: k.w, now: "", reason: why))
        }
        self.changes = changes
        self.notKept = notKept
    }

    /// Why an earlier pair could not be kept.
    static func reason(_ e: Pin, _ p: PreparedScenario) -> String {
        guard let c = p.cadreIndex[e.cadre] else { return "cadre no longer on the roster" }
        guard let t = p.targetIndex[e.target] else { return "target no longer on the list" }
        guard let w = p.waveIndex[e.wave] else { return "wave no longer exists" }
        if let why = p.exclusion(cadre: c, target: t) { return "no longer allowed: \(why.explanation)" }
        if !p.waves(cadre: c, target: t).contains(w) {
            return p.scenario.targets[t].urgent ? "target became urgent: served in the first wave only" : "cadre not available in that wave"
        }
        return "moved to improve coverage or timeliness (higher tiers)"
    }

    /// changes.csv rows.
    public func csv(_ lang: Language) -> String {
        let header = lang == .zh ? ["变动", "干部编号", "服务对象编号", "批次", "现安排", "原因"] : ["change", "cadre_id", "target_id", "wave", "now", "reason"]
        return CSVText.render(header: header, rows: changes.map { [$0.kind, $0.cadre, $0.target, $0.wave, $0.now, $0.reason] })
    }
}
