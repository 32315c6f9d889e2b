import Scenario

/// The `national-2022` preset: 31 provinces, each running its own campaign of Hainan's shape
/// (the `hainan-2022` preset) scaled to the province, planned together in one scenario folder.
///
/// Every province is a set of independent blocks (docs/SCALING.md): its ids are prefixed with
/// its code (`gd-P-0001`, `gd-07`, `gd-zonghe`), its provincial categories carry its name (so no
/// other province's service group serves them), and its wave quotas are its own groups'
/// quotas instead of level quotas, which would couple every province's cadres into one block.
/// The scale assumption and every other departure from Hainan's shape are in the README that
/// ``generate(seed:scale:)`` returns.
public enum NationalPreset {
    /// The preset's name, as given to `cadreplan generate --preset`.
    public static let name = "national-2022"

    /// The largest `scale` accepted (the largest province is then about 44 Hainans).
    public static let maximumScale = 10.0

    /// Whether `scale` is accepted by ``generate(seed:scale:)``: finite, above 0, at most ``maximumScale``.
    public static func isValidScale(_ scale: Double) -> Bool {
        scale.isFinite && scale > 0 && scale <= maximumScale
    }

    /// Generates the scenario and its README.
    ///
    /// - Parameters:
    ///   - seed: Any value; each province draws from its own stream derived from it, so the same
    ///     seed (and scale) gives the same bytes.
    ///   - scale: Multiplies every province's scale (1: the preset as documented; 0.01 gives a
    ///     small national scenario for tests). Must satisfy ``isValidScale(_:)`` (a precondition).
    ///   - provinces: The codes of the provinces to include (``provinceCodes``), `nil` for all 31.
    ///     A province's campaign does not depend on which others are included. Unknown codes are
    ///     a precondition failure (``unknownProvinces(_:)`` checks first).
    public static func generate(seed: UInt64, scale: Double = 1, provinces: [String]? = nil) -> (scenario: Scenario, readme: String) {
        precondition(isValidScale(scale), "scale must be in (0, \(maximumScale)], got \(scale)")
        precondition(unknownProvinces(provinces ?? []).isEmpty, "unknown provinces \(unknownProvinces(provinces ?? []))")
        let chosen = provinces.map(Set.init)
        let list = NationalData.provinces.filter { chosen?.contains($0.code) ?? true }
        let scenario = NationalBuilder(seed: seed, scale: scale, provinces: list).build()
        return (scenario, NationalReadme.text(for: scenario, seed: seed, scale: scale, provinces: provinces.map { _ in list }))
    }

    /// The ISO 3166-2:CN codes of the 31 provinces, lower case, in the preset's order.
    public static var provinceCodes: [String] { NationalData.provinces.map(\.code) }

    /// The codes in `codes` that name no province.
    public static func unknownProvinces(_ codes: [String]) -> [String] {
        let known = Set(provinceCodes)
        return codes.filter { !known.contains($0) }
    }

    /// A province's campaign size relative to Hainan's: √(GDP / Hainan's GDP), to two decimals.
    static func provinceScale(_ p: NationalData.Province) -> Double {
        (100 * (Double(p.gdp) / Double(NationalData.hainanGDP)).squareRoot()).rounded() / 100
    }
}

/// Builds the national scenario province by province.
struct NationalBuilder {
    let seed: UInt64
    let scale: Double
    var provinces = NationalData.provinces

    func build() -> Scenario {
        var regions: [Region] = [], groups: [ServiceGroup] = [], cadres: [Cadre] = [], targets: [Target] = []
        var limits = TargetLimits()
        var waves: [Wave] = []
        for p in provinces {
            var stream = SplitMix64(seed: seed, stream: "national-\(p.code)")
            let hainan = HainanBuilder(seed: stream.next(), scale: scale * NationalPreset.provinceScale(p)).build()
            let c = ProvinceCampaign(province: p, hainan: hainan)
            regions += c.regions()
            groups += c.groups()
            cadres += c.cadres()
            targets += c.targets()
            for (g, m) in hainan.targetLimits.groups { limits.groups[c.group(g)] = m }
            let quotas = c.groupQuotas()
            if waves.isEmpty { waves = hainan.waves.map { Wave(id: $0.id, date: $0.date, quotas: [:]) } }
            for w in waves.indices { waves[w].groupQuotas.merge(quotas[w]) { a, _ in a } }
        }
        let template = HainanBuilder(seed: seed, scale: 1)
        return Scenario(
            name: NationalPreset.name,
            waves: waves,
            groups: groups,
            mode: .oneToOneFirst(maxTargets: 3),
            targetLimits: limits,
            weights: .standard,
            rules: Rules(forbidOwnSupervisor: true, minRankByKind: [:]),
            indicators: template.indicators().map(nationalIndicator),
            regions: regions,
            cadres: cadres,
            targets: targets)
    }

    /// Hainan's indicator over every province: each provincial category becomes the 31 provinces' own.
    func nationalIndicator(_ i: Indicator) -> Indicator {
        var out = i
        out.categories = i.categories.flatMap { c in
            ProvinceCampaign.isProvincial(c) ? provinces.map { ProvinceCampaign.category(c, of: $0) } : [c]
        }
        return out
    }
}

/// One province's campaign: Hainan's, generated at the province's scale, renamed into the province.
///
/// Hainan's 19 regions become the province's regions `<code>-01` … `<code>-19` (same order),
/// with the seats moved so that Haikou's lands on the provincial capital; everything else keeps
/// Hainan's shape. Quotas: see ``groupQuotas()``.
struct ProvinceCampaign {
    let province: NationalData.Province
    let hainan: Scenario

    typealias D = HainanData

    static let provincialCategories = Set(D.provincialCategories.map(\.name))
    static func isProvincial(_ category: String) -> Bool { provincialCategories.contains(category) }
    /// A provincial category of `p`: its list is the province's own (广东·省重点项目).
    static func category(_ c: String, of p: NationalData.Province) -> String { "\(p.name)·\(c)" }

    func category(_ c: String) -> String { Self.isProvincial(c) ? Self.category(c, of: province) : c }
    func id(_ id: String) -> String { "\(province.code)-\(id)" }
    func group(_ g: String) -> String { id(g) }
    var countyGroup: String { id(NationalData.countyGroupID) }

    /// Position of each Hainan region.
    var regionIndex: [String: Int] { Dictionary(uniqueKeysWithValues: hainan.regions.enumerated().map { ($1.id, $0) }) }
    func regionID(_ i: Int) -> String { id(i + 1 < 10 ? "0\(i + 1)" : "\(i + 1)") }
    func regionName(_ i: Int) -> String { "\(province.name)·市县\(i + 1 < 10 ? "0" : "")\(i + 1)" }

    func regions() -> [Region] {
        let (dLat, dLon) = (province.lat - D.regions[0].lat, province.lon - D.regions[0].lon)
        func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        return hainan.regions.enumerated().map { i, r in
            Region(id: regionID(i), name: regionName(i), latitude: r.latitude.map { round2($0 + dLat) }, longitude: r.longitude.map { round2($0 + dLon) })
        }
    }

    func groups() -> [ServiceGroup] {
        let countyCategories = D.countyCategories.map(\.name)
        return hainan.groups.map { g in
            ServiceGroup(id: group(g.id), name: province.official + g.name, categories: g.categories.map(category))
        } + [ServiceGroup(id: countyGroup, name: province.official + NationalData.countyGroupName, categories: countyCategories)]
    }

    func cadres() -> [Cadre] {
        let index = regionIndex
        return hainan.cadres.map { c in
            var out = c
            let r = index[c.region] ?? 0
            out.id = id(c.id)
            out.region = regionID(r)
            // City/county cadres join the province's 市县 group, whose quota is the level's (see groupQuotas).
            out.group = c.group.map(group) ?? countyGroup
            out.skills = c.skills.map(category)
            let hainanName = D.regions[r].name
            if c.unit.hasPrefix(hainanName) {
                out.unit = regionName(r) + c.unit.dropFirst(hainanName.count)
            } else if c.unit.hasPrefix("省") {
                out.unit = province.official + c.unit.dropFirst()
            }
            return out
        }
    }

    func targets() -> [Target] {
        let index = regionIndex
        return hainan.targets.map { t in
            var out = t
            let r = index[t.region] ?? 0
            out.id = id(t.id)
            out.region = regionID(r)
            out.category = category(t.category)
            let short = D.regions[r].short
            if t.name.hasPrefix(short) {
                out.name = regionName(r) + t.name.dropFirst(short.count)
            } else if t.name.hasPrefix("海南") {
                out.name = province.name + t.name.dropFirst(2)
            }
            return out
        }
    }

    /// The province's wave quotas as quotas of its own groups, one dictionary per wave.
    ///
    /// Hainan's level quotas count every cadre of a level in the scenario, which here would be
    /// every province's. The city/county quota becomes the quota of the province's 市县 group,
    /// which holds exactly its city/county cadres (the same rows). The provincial quota is split
    /// over the provincial groups in proportion to their size (largest remainder, wave by wave,
    /// so each group's quotas add up to its size and each wave's to the province's quota): a
    /// stricter rule than one quota for all groups together, written in the README.
    func groupQuotas() -> [[String: Int]] {
        var out = hainan.waves.map { _ in [String: Int]() }
        var left = hainan.groups.map { g in hainan.cadres.filter { $0.group == g.id }.count }
        for (w, wave) in hainan.waves.enumerated() {
            if let county = wave.quotas[.county] { out[w][countyGroup] = county }
            guard let province = wave.quotas[.province] else { continue }
            let last = w == hainan.waves.count - 1
            let share = last ? left : Apportion.split(min(province, left.reduce(0, +)), weights: left)
            for (g, spec) in hainan.groups.enumerated() {
                out[w][group(spec.id)] = share[g]
                left[g] -= share[g]
            }
        }
        return out
    }
}
