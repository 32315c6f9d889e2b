import Scenario

/// What a wave quota counts.
public enum QuotaKind: String, Sendable, Codable, CaseIterable {
    /// Cadres of one level (`quotas`).
    case level
    /// Cadres from one home region (`region_quotas`).
    case region
    /// Cadres of one service group (`group_quotas`).
    case group
}

/// One quota of one wave: wave id, what it counts, and the level, region or group id.
public struct QuotaKey: Sendable, Hashable, Codable, Comparable {
    /// Wave id.
    public var wave: String
    /// What the quota counts.
    public var kind: QuotaKind
    /// `province`/`county`, a region id or a group id.
    public var key: String
    /// Creates a key.
    public init(wave: String, kind: QuotaKind, key: String) { self.wave = wave; self.kind = kind; self.key = key }
    /// Orders by wave id, kind (level, region, group), then key, with province before county.
    /// (Explanations list quotas in the scenario's wave order, which is by date, not by id.)
    public static func < (a: QuotaKey, b: QuotaKey) -> Bool {
        let kind: [QuotaKind: Int] = [.level: 0, .region: 1, .group: 2]
        func key(_ q: QuotaKey) -> String { q.kind == .level ? (Level(rawValue: q.key).map { $0 == .province ? "0" : "1" } ?? q.key) : q.key }
        return (a.wave, kind[a.kind]!, key(a)) < (b.wave, kind[b.kind]!, key(b))
    }
}
extension PreparedScenario {
    /// The wave quotas that count a cadre with these attributes when it is dispatched in wave
    /// position `w`: its level's, its home region's and its service group's, where the wave sets
    /// them. A cadre without a group counts toward no group quota.
    ///
    /// The one owner of quota membership: model rows, blocks, the pin check and the explainer ask it.
    func quotaKeys(level: Level, region: String, group: String?, wave w: Int) -> [QuotaKey] {
        let wave = scenario.waves[w]
        var keys: [QuotaKey] = []
        if wave.quotas[level] != nil { keys.append(QuotaKey(wave: wave.id, kind: .level, key: level.rawValue)) }
        if wave.regionQuotas[region] != nil { keys.append(QuotaKey(wave: wave.id, kind: .region, key: region)) }
        if let group, wave.groupQuotas[group] != nil { keys.append(QuotaKey(wave: wave.id, kind: .group, key: group)) }
        return keys
    }

    /// The quotas counting roster cadre `c` in wave position `w`.
    func quotaKeys(cadre c: Int, wave w: Int) -> [QuotaKey] {
        let cadre = scenario.cadres[c]
        return quotaKeys(level: cadre.level, region: cadre.region, group: cadre.group, wave: w)
    }

    /// Every quota the scenario sets, with its limit.
    var quotaLimits: [QuotaKey: Int] {
        var limit: [QuotaKey: Int] = [:]
        for w in scenario.waves {
            for (level, q) in w.quotas { limit[QuotaKey(wave: w.id, kind: .level, key: level.rawValue)] = q }
            for (region, q) in w.regionQuotas { limit[QuotaKey(wave: w.id, kind: .region, key: region)] = q }
            for (group, q) in w.groupQuotas { limit[QuotaKey(wave: w.id, kind: .group, key: group)] = q }
        }
        return limit
    }
}
