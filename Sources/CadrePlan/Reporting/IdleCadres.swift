import Scenario

/// Cadres a plan leaves at home, counted per home region and per service group, each with the
/// reason the rule book gives: no compatible target is left short, or a full wave quota keeps
/// the cadre from the short targets it could serve.
public struct IdleCadres: Sendable, Equatable, Codable {
    /// Idle cadres of one region or group, by reason.
    public struct Count: Sendable, Equatable, Codable {
        /// Region or group id (empty: cadres without a group).
        public var id: String
        /// Display name.
        public var name: String
        /// Cadres of the region or group on the roster.
        public var cadres: Int
        /// Cadres left undispatched.
        public var idle: Int
        /// …because every target they may serve is fully served (or declined service).
        public var noTarget: Int
        /// …because in every wave they could serve a short target a quota that counts them is full.
        public var quotaFull: Int
        /// …although a short target and a free quota remain: the plan is not optimal, or a tier
        /// ranked above coverage kept them home.
        public var other: Int
    }

    /// Why one cadre stays home.
    enum Reason { case noTarget, quotaFull, other }

    /// Per home region, in scenario order.
    public var byRegion: [Count]
    /// Per service group, in scenario order, then cadres without a group.
    public var byGroup: [Count]
    /// Idle cadres in all.
    public var total: Int

    /// Creates counts (e.g. empty ones for an older plan that did not report them).
    public init(byRegion: [Count], byGroup: [Count], total: Int) {
        self.byRegion = byRegion; self.byGroup = byGroup; self.total = total
    }

    init(_ p: PreparedScenario, pairs: [PlannedPair], served: [Int], cadreWave: [Int: Int]) {
        let s = p.scenario
        let reasons = Self.reasons(p, served: served, cadreWave: cadreWave)
        func count(_ id: String, _ name: String, _ members: (Cadre) -> Bool) -> Count {
            var c = Count(id: id, name: name, cadres: 0, idle: 0, noTarget: 0, quotaFull: 0, other: 0)
            for (i, cadre) in s.cadres.enumerated() where members(cadre) {
                c.cadres += 1
                guard let reason = reasons[i] else { continue }
                c.idle += 1
                switch reason {
                case .noTarget: c.noTarget += 1
                case .quotaFull: c.quotaFull += 1
                case .other: c.other += 1
                }
            }
            return c
        }
        byRegion = s.regions.map { r in count(r.id, r.name) { $0.region == r.id } }
        var groups = s.groups.map { g in count(g.id, g.name) { $0.group == g.id } }
        if s.cadres.contains(where: { $0.group == nil }) { groups.append(count("", "", { $0.group == nil })) }
        byGroup = groups
        total = reasons.compactMap { $0 }.count
    }

    /// The reason of each roster cadre left home; `nil` for a dispatched cadre.
    ///
    /// Cadres are checked once per rule signature (a few hundred kinds for 10,000 cadres) against
    /// the targets left short, so this stays linear in practice.
    static func reasons(_ p: PreparedScenario, served: [Int], cadreWave: [Int: Int]) -> [Reason?] {
        let s = p.scenario
        let short = s.targets.indices.filter { s.targets[$0].consent && served[$0] < s.targets[$0].demand }
        var used: [QuotaKey: Int] = [:]
        for (c, w) in cadreWave { for key in p.quotaKeys(cadre: c, wave: w) { used[key, default: 0] += 1 } }
        let limits = p.quotaLimits
        var reasons = [Reason?](repeating: nil, count: s.cadres.count)
        var byKind: [CadreSignature: Reason] = [:]
        for c in s.cadres.indices where cadreWave[c] == nil {
            let signature = p.cadreSignature(c)
            if let signature, let known = byKind[signature] { reasons[c] = known; continue }
            // The waves in which some short target could take this cadre.
            var waves = Set<Int>()
            for t in short where p.exclusion(cadre: c, target: t) == nil { waves.formUnion(p.waves(cadre: c, target: t)) }
            let reason: Reason
            if waves.isEmpty {
                reason = .noTarget
            } else if waves.allSatisfy({ w in p.quotaKeys(cadre: c, wave: w).contains { used[$0, default: 0] >= limits[$0] ?? Int.max } }) {
                reason = .quotaFull
            } else {
                reason = .other
            }
            reasons[c] = reason
            if let signature { byKind[signature] = reason }
        }
        return reasons
    }
}

/// 支援外地: city/county cadres serving county targets of other regions (rules.county_reach_km).
public struct CrossRegion: Sendable, Equatable, Codable {
    /// Region id.
    public var id: String
    /// Region name.
    public var name: String
    /// Pairs in which a cadre of this region serves a target of another region.
    public var given: Int
    /// Pairs in which a target of this region is served by a cadre of another region.
    public var received: Int

    /// Every region with cross-region pairs, in scenario order (empty when all service is local).
    static func table(_ p: PreparedScenario, pairs: [PlannedPair]) -> [CrossRegion] {
        let s = p.scenario
        var given: [String: Int] = [:], received: [String: Int] = [:]
        for pair in pairs {
            let c = s.cadres[pair.cadre], t = s.targets[pair.target]
            guard c.level == .county, t.level == .county, c.region != t.region else { continue }
            given[c.region, default: 0] += 1
            received[t.region, default: 0] += 1
        }
        return s.regions.compactMap { r in
            let g = given[r.id] ?? 0, rc = received[r.id] ?? 0
            return g + rc == 0 ? nil : CrossRegion(id: r.id, name: r.name, given: g, received: rc)
        }
    }
}
