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
        /// Why, in words a planner can act on (`reason(_:)` gives them in a language).
        var why: ChangePhrase
        /// Why, in English.
        public var reason: String { why.english }
        /// Why, in `language`.
        public func reason(_ language: Language) -> String { language.text(why) }
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
                                  now: elsewhere, why: Self.reason(e, p)))
        }
        let notKept = changes.count
        let earlierCadres = Set(previous.map(\.cadre))
        for k in now.subtracting(before).sorted(by: { ($0.c, $0.t, $0.w) < ($1.c, $1.t, $1.w) }) {
            let why: ChangePhrase = earlierCadres.contains(k.c) ? .newAssignmentOfMovedCadre : .newCadreForShortTarget
            changes.append(Change(kind: "added", cadre: k.c, target: k.t, wave: k.w, now: "", why: why))
        }
        self.changes = changes
        self.notKept = notKept
    }

    /// Why an earlier pair could not be kept.
    static func reason(_ e: Pin, _ p: PreparedScenario) -> ChangePhrase {
        guard let c = p.cadreIndex[e.cadre] else { return .cadreGone }
        guard let t = p.targetIndex[e.target] else { return .targetGone }
        guard let w = p.waveIndex[e.wave] else { return .waveGone }
        if let why = p.exclusion(cadre: c, target: t) { return .noLongerAllowed(why) }
        if !p.waves(cadre: c, target: t).contains(w) {
            return p.scenario.targets[t].urgent ? .becameUrgent : .laterWaveOnly
        }
        return .movedForHigherTiers
    }

    /// changes.csv rows: the change and its reason in `lang`, ids as they are.
    public func csv(_ lang: Language) -> String {
        let header = [Header.change, .cadreID, .targetID, .wave, .now, .reason].map { lang.text($0) }
        return CSVText.render(header: header, rows: changes.map { [lang.text(ChangePhrase.kind($0.kind)), $0.cadre, $0.target, $0.wave, $0.now, $0.reason(lang)] })
    }
}
