import Scenario

/// The `hainan-2022` preset: a synthetic scenario of Hainan's September 2022
/// "万名干部下企业" campaign that reproduces every published count exactly at scale 1
/// (800 provincial targets by category, 800 provincial and 9,200 city/county cadres,
/// 10 service groups, two waves with quotas 500 + 3,000 and 300 + 6,200).
///
/// No real roster is public, so everything else (ranks, home regions, city/county targets,
/// urgency…) is an assumption; each one is stated with its numbers in the README that
/// ``generate(seed:scale:)`` returns beside the scenario.
public enum HainanPreset {
    /// The preset's name, as given to `cadreplan generate --preset`.
    public static let name = "hainan-2022"

    /// Whether `scale` is accepted by ``generate(seed:scale:)``: finite, above 0 and at most 100.
    ///
    /// The command line checks this before calling, so that a bad value is a usage error
    /// rather than a crash.
    public static func isValidScale(_ scale: Double) -> Bool {
        scale.isFinite && scale > 0 && scale <= 100
    }

    /// Generates the scenario and its README.
    ///
    /// - Parameters:
    ///   - seed: Any value; the same seed (and scale) always gives the same scenario, byte
    ///     for byte once written, on every platform.
    ///   - scale: Multiplies every count (targets, cadres, quotas). Totals are rounded to
    ///     the nearest integer and split over categories, regions and groups by the largest
    ///     remainder, so at an integer scale every count is the exact multiple. Must satisfy
    ///     ``isValidScale(_:)`` (a precondition).
    /// - Returns: The scenario, and the text of its README.md.
    public static func generate(seed: UInt64, scale: Double = 1) -> (scenario: Scenario, readme: String) {
        precondition(isValidScale(scale), "scale must be in (0, 100], got \(scale)")
        let builder = HainanBuilder(seed: seed, scale: scale)
        let scenario = builder.build()
        return (scenario, HainanReadme.text(for: scenario, seed: seed, scale: scale))
    }
}

/// Builds the preset step by step; each step draws from its own random stream.
struct HainanBuilder {
    let seed: UInt64
    let scale: Double

    typealias D = HainanData

    /// A published count times the scale, rounded half away from zero.
    func scaled(_ count: Int) -> Int { Int((Double(count) * scale).rounded()) }

    func rng(_ stream: String) -> SplitMix64 { SplitMix64(seed: seed, stream: stream) }

    func build() -> Scenario {
        let regions = D.regions.map { Region(id: $0.id, name: $0.name, latitude: $0.lat, longitude: $0.lon) }
        let groups = serviceGroups()
        let waves = makeWaves()
        let wave1Quota = { (level: Level) in waves.first?.quotas[level] ?? 0 }

        var provincialTargets = makeProvincialTargets()
        flag(&provincialTargets, level: .province, wave1Quota: wave1Quota(.province), declinePercent: 0)
        var countyTargets = makeCountyTargets()
        flag(&countyTargets, level: .county, wave1Quota: wave1Quota(.county), declinePercent: D.countyDeclinePercent)

        let cadres = makeProvincialCadres() + makeCountyCadres(lateWave: waves.count > 1 ? waves[1].id : nil)

        return Scenario(
            name: HainanPreset.name,
            waves: waves,
            groups: groups,
            // 原则上实行"一对一"服务，也可"一对多": up to three targets per cadre, and only where
            // coverage needs it. 具体由各服务组根据情况选派: the publicity group reports on the
            // campaign and keeps one target per cadre (an assumption, written in the README).
            mode: .oneToOneFirst(maxTargets: 3),
            targetLimits: TargetLimits(groups: ["xuanchuan": 1]),
            weights: .standard,
            // forbid_own_supervisor stays on (it is the campaign's 回避 rule), but no target
            // names a supervisor: nothing public says which unit supervises which enterprise.
            rules: Rules(forbidOwnSupervisor: true, minRankByKind: [:]),
            indicators: indicators(),
            regions: regions,
            cadres: cadres,
            targets: provincialTargets + countyTargets
        )
    }

    // MARK: Scenario-level parts

    static let allProvincialCategories = D.provincialCategories.map(\.name)

    func serviceGroups() -> [ServiceGroup] {
        D.groups.map {
            ServiceGroup(id: $0.id, name: $0.name, categories: $0.categories.isEmpty ? Self.allProvincialCategories : $0.categories)
        }
    }

    func makeWaves() -> [Wave] {
        // Split the scaled level totals over the waves, so the quotas of a level always add
        // up to its cadre count (rounding each quota alone could miss by one).
        let province = Apportion.split(scaled(D.provincialCadres), weights: D.waves.map(\.province))
        let county = Apportion.split(scaled(D.countyCadres), weights: D.waves.map(\.county))
        return D.waves.indices.map { i in
            Wave(id: D.waves[i].id, date: D.waves[i].date, quotas: [.province: province[i], .county: county[i]])
        }
    }

    func indicators() -> [Indicator] {
        [
            // 四上 = 规模以上工业, 资质等级建筑业, 限额以上批零住餐, 规模以上服务业. Among the provincial
            // lists, 农业龙头企业 and 国资国企 are defined by sector and ownership, not size, so
            // they are not counted here; the large tourism/culture/sport firms are 规上服务业.
            Indicator(id: "sishang", name: "四上企业服务覆盖率", categories: [
                "规模以上工业企业", "建筑业企业", "服务业类企业", "大型旅游文体企业",
                "规上工业企业", "限上商贸企业", "规上服务业企业", "资质建筑业企业",
            ]),
            Indicator(id: "zhuanjingtexin", name: "专精特新企业服务覆盖率", categories: ["专精特新企业"]),
            Indicator(id: "zhongdianxiangmu", name: "重点项目服务覆盖率", categories: ["省重点项目", "5000万元以上项目"]),
            Indicator(id: "zhongdianyuanqu", name: "重点园区服务覆盖率", categories: ["产业园区", "市县园区"]),
            Indicator(id: "tingchan", name: "停产停工重点企业和项目帮扶率", haltedOnly: true),
        ]
    }

    // MARK: Targets

    /// Provincial targets: the published count per category, spread over regions by economic weight.
    func makeProvincialTargets() -> [Target] {
        var names = rng("province-target-names")
        let perCategory = Apportion.split(scaled(D.provincialCadres), weights: D.provincialCategories.map(\.count))
        let economy = D.regions.map(\.economy)
        let total = perCategory.reduce(0, +)
        let width = max(4, String(total).count)
        var targets: [Target] = []
        targets.reserveCapacity(total)
        for (c, category) in D.provincialCategories.enumerated() {
            // The scale-1 split is the base; a scaled count is split in proportion to it,
            // so an integer scale multiplies every region's count exactly.
            let base = Apportion.split(category.count, weights: economy)
            let perRegion = Apportion.split(perCategory[c], weights: base)
            for (r, region) in D.regions.enumerated() {
                for _ in 0..<perRegion[r] {
                    let serial = pad(targets.count + 1, width)
                    // Parks and key projects are handled by division (处) cadres at the provincial level.
                    let minRank: Rank = category.kind == .enterprise ? .section : .division
                    targets.append(Target(
                        id: "TP-\(serial)",
                        name: targetName(category, region: region, provincial: true, serial: serial, rng: &names),
                        kind: category.kind, category: category.name, level: .province, region: region.id,
                        minRank: minRank))
                }
            }
        }
        return targets
    }

    /// City/county targets per region and category (parks first fixed, the rest by the region's profile).
    func makeCountyTargets() -> [Target] {
        var names = rng("county-target-names")
        let categories = D.countyCategories
        // Scale-1 cells (region × category), flattened so one split keeps the scaled total exact.
        var base: [Int] = []
        for region in D.regions {
            base += Apportion.split(region.targets - region.parks, weights: region.profile.weights) + [region.parks]
        }
        let cells = Apportion.split(scaled(D.countyTargets), weights: base)
        let total = cells.reduce(0, +)
        let width = max(5, String(total).count)
        var targets: [Target] = []
        targets.reserveCapacity(total)
        for (r, region) in D.regions.enumerated() {
            for (c, category) in categories.enumerated() {
                for _ in 0..<cells[r * categories.count + c] {
                    let serial = pad(targets.count + 1, width)
                    targets.append(Target(
                        id: "TC-\(serial)",
                        name: targetName(category, region: region, provincial: false, serial: serial, rng: &names),
                        kind: category.kind, category: category.name, level: .county, region: region.id,
                        demand: category.kind == .park ? D.countyParkDemand : 1))
                }
            }
        }
        return targets
    }

    /// Sets halted, urgent, priority and consent on one level's targets, with exact counts.
    ///
    /// Halted (停产停工) targets are enterprises or projects, at least one per region while
    /// the count allows; every halted target is urgent (the first wave went to the hardest
    /// hit) and has priority 5; other urgent targets have priority 4; the rest get 1, 2 or 3.
    /// The number of urgent targets never exceeds the first wave's quota of the level, or
    /// the urgent-only-in-wave-1 rule would make full coverage impossible by construction.
    /// Declining targets are drawn from the non-urgent ones: the campaign aims at 100% help
    /// for halted targets, which a refusal would rule out.
    func flag(_ targets: inout [Target], level: Level, wave1Quota: Int, declinePercent: Int) {
        var random = rng("flags-\(level.rawValue)")
        let n = targets.count
        let urgentCount = min(Apportion.share(n, percent: D.urgentPercent[level] ?? 0), wave1Quota)
        let haltedCount = min(Apportion.share(n, percent: D.haltedPercent), urgentCount)

        var order = Array(0..<n)
        random.shuffle(&order)
        var halted = [Bool](repeating: false, count: n)
        var chosen = 0
        // First pass: one per region, so every region has a halted target to help.
        var regionHasOne: [String: Bool] = [:]
        for i in order where chosen < haltedCount && targets[i].kind != .park && regionHasOne[targets[i].region] == nil {
            regionHasOne[targets[i].region] = true
            halted[i] = true; chosen += 1
        }
        for i in order where chosen < haltedCount && targets[i].kind != .park && !halted[i] {
            halted[i] = true; chosen += 1
        }

        random.shuffle(&order)
        var urgent = halted
        var urgentSoFar = chosen
        for i in order where urgentSoFar < urgentCount && !urgent[i] {
            urgent[i] = true; urgentSoFar += 1
        }

        // The rest: exact priority counts, then the declining share.
        random.shuffle(&order)
        let rest = order.filter { !urgent[$0] }
        let priorityCounts = Apportion.split(rest.count, weights: D.restPriorityWeights)
        var next = 0
        for (p, count) in priorityCounts.enumerated() {
            for i in rest[next..<(next + count)] { targets[i].priority = p + 1 }
            next += count
        }
        var declining = rest
        random.shuffle(&declining)
        for i in declining.prefix(min(Apportion.share(n, percent: declinePercent), rest.count)) {
            targets[i].consent = false
        }
        for i in 0..<n where urgent[i] {
            targets[i].urgent = true
            targets[i].halted = halted[i]
            targets[i].priority = halted[i] ? 5 : 4
        }
    }

    // MARK: Cadres

    /// Provincial cadres: group sizes, ranks, home regions, units and skills.
    func makeProvincialCadres() -> [Cadre] {
        var random = rng("province-cadres")
        var names = rng("province-cadre-names")
        let total = scaled(D.provincialCadres)
        let sizes = Apportion.split(total, weights: Self.baseGroupSizes)

        // Ranks: 厅 5% spread over groups by size; the two groups that serve only 处-level
        // targets (projects, parks) are all 处 or above; the other 处 places go to the rest by size.
        let bureau = Apportion.split(Apportion.share(total, percent: D.provincialBureauPercent), weights: sizes)
        var division = sizes.indices.map { D.groups[$0].divisionOnly ? sizes[$0] - bureau[$0] : 0 }
        let divisionLeft = max(0, Apportion.share(total, percent: D.provincialDivisionPercent) - division.reduce(0, +))
        let others = sizes.indices.map { D.groups[$0].divisionOnly ? 0 : sizes[$0] - bureau[$0] }
        for (g, extra) in Apportion.split(divisionLeft, weights: others).enumerated() { division[g] += min(extra, others[g]) }

        // Home regions: mostly Haikou, exact counts, shuffled over all provincial cadres.
        var homes: [String] = []
        for (home, count) in zip(D.provincialHome.map(\.region), Apportion.split(total, weights: D.provincialHome.map(\.percent))) {
            homes += Array(repeating: home, count: count)
        }
        random.shuffle(&homes)

        let width = max(4, String(total).count)
        var cadres: [Cadre] = []
        cadres.reserveCapacity(total)
        for (g, spec) in D.groups.enumerated() {
            let size = sizes[g]
            // Roster order: 厅, then 处, then 科.
            let ranks = Array(repeating: Rank.bureau, count: bureau[g]) + Array(repeating: Rank.division, count: division[g])
                + Array(repeating: Rank.section, count: size - bureau[g] - division[g])
            // Skills: a sector group's categories, plus one neighbouring category for 10%;
            // a reserve cadre's background is one category, spread like the targets.
            var skills: [[String]]
            if spec.categories.isEmpty {
                let counts = Apportion.split(size, weights: D.provincialCategories.map(\.count))
                skills = zip(D.provincialCategories, counts).flatMap { Array(repeating: [$0.name], count: $1) }
            } else {
                let extra = Apportion.share(size, percent: D.extraSkillPercent)
                skills = Array(repeating: spec.categories + (spec.extraSkill.map { [$0] } ?? []), count: extra)
                    + Array(repeating: spec.categories, count: size - extra)
            }
            random.shuffle(&skills)
            for k in 0..<size {
                cadres.append(Cadre(
                    id: "P-\(pad(cadres.count + 1, width))", name: personName(&names), level: .province,
                    rank: ranks[k], group: spec.id, region: homes[cadres.count], unit: random.pick(spec.units),
                    skills: skills[k]))
            }
        }
        return cadres
    }

    /// Scale-1 group sizes: the reserves as fixed, the sector groups in proportion to the
    /// demand of the categories they serve, so all 800 sum to the 800 provincial targets.
    static let baseGroupSizes: [Int] = {
        let reserve = D.groups.compactMap(\.reserveSize).reduce(0, +)
        let demand = D.groups.map { g in
            g.reserveSize != nil ? 0 : D.provincialCategories.filter { g.categories.contains($0.name) }.map(\.count).reduce(0, +)
        }
        let sector = Apportion.split(D.provincialCadres - reserve, weights: demand)
        return D.groups.indices.map { D.groups[$0].reserveSize ?? sector[$0] }
    }()

    /// City/county cadres: per region, exact rank, skill and late-availability counts.
    func makeCountyCadres(lateWave: String?) -> [Cadre] {
        var random = rng("county-cadres")
        var names = rng("county-cadre-names")
        let perRegion = Apportion.split(scaled(D.countyCadres), weights: D.regions.map(\.cadres))
        let total = perRegion.reduce(0, +)
        let width = max(5, String(total).count)
        var cadres: [Cadre] = []
        cadres.reserveCapacity(total)
        for (r, region) in D.regions.enumerated() {
            let n = perRegion[r]
            let rankCounts = Apportion.split(n, weights: D.countyRankWeights)
            let ranks = Array(repeating: Rank.bureau, count: rankCounts[0]) + Array(repeating: Rank.division, count: rankCounts[1])
                + Array(repeating: Rank.section, count: rankCounts[2])
            // One skill each, from four choices weighted like the region's targets
            // (industry, trade, services, projects), which keeps the cadre classes few.
            let w = region.profile.weights
            var skills: [String] = []
            for (skill, count) in zip(D.countySkills, Apportion.split(n, weights: [w[0], w[1], w[2], w[4]])) {
                skills += Array(repeating: skill, count: count)
            }
            random.shuffle(&skills)
            let lateCount = lateWave == nil ? 0 : Apportion.share(n, percent: D.countyLatePercent)
            var late = Array(repeating: true, count: lateCount) + Array(repeating: false, count: n - lateCount)
            random.shuffle(&late)
            for k in 0..<n {
                let unit = region.name + random.pick(D.countyUnits[skills[k]] ?? ["发展和改革委员会"])
                cadres.append(Cadre(
                    id: "C-\(pad(cadres.count + 1, width))", name: personName(&names), level: .county,
                    rank: ranks[k], group: nil, region: region.id, unit: unit, skills: [skills[k]],
                    earliestWave: late[k] ? lateWave : nil))
            }
        }
        return cadres
    }

    // MARK: Names (synthetic; the serial number keeps them from naming a real firm)

    func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    func personName(_ random: inout SplitMix64) -> String {
        var name = random.pick(D.surnames) + random.pick(D.givenChars)
        if random.chance(percent: 70) { name += random.pick(D.givenChars) }
        return name
    }

    func brand(_ random: inout SplitMix64) -> String {
        random.pick(D.brandChars) + random.pick(D.brandChars)
    }

    func targetName(_ category: HainanData.Category, region: HainanData.RegionSpec, provincial: Bool,
                    serial: String, rng random: inout SplitMix64) -> String {
        switch category.kind {
        case .project:
            return "\(region.short)\(brand(&random))\(random.pick(D.projectWords))项目 \(serial)"
        case .park:
            let words = provincial ? D.provincialParkWords : D.countyParkWords
            return "\(region.short)\(brand(&random))\(random.pick(words)) \(serial)"
        case .enterprise:
            // Many firms carry the province's name rather than the city's; state firms mostly do.
            let prefix = (category.name == "国资国企" || random.chance(percent: 40)) ? "海南" : region.short
            let suffix = category.name == "国资国企" ? "集团有限公司" : random.pick(D.companySuffixes)
            let word = random.pick(D.industryWords[category.name] ?? ["实业"])
            return "\(prefix)\(brand(&random))\(word)\(suffix) \(serial)"
        }
    }
}
