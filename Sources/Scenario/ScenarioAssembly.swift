import Foundation

/// A cadre–target pair, as a dictionary key.
struct CadreTargetKey: Hashable {
    var cadre: String
    var target: String
}

/// Reads the CSV files of a scenario folder in dependency order and cross-checks them
/// against each other and against scenario.yaml, collecting every problem.
///
/// Ids are remembered with their line even when the rest of their row is wrong, so that one
/// bad cell does not turn every reference to that row into a second, misleading error.
struct ScenarioAssembly {
    let folder: String
    let yaml: ScenarioYAMLOutcome
    var errors: [InputError] = []

    var regions: [Region] = []
    /// Line of every region id seen, valid row or not.
    var regionLines: [String: Int] = [:]
    var regionsKnown = false

    var cadres: [Cadre] = []
    var cadreLines: [String: Int] = [:]
    /// Index into `cadres` of each cadre whose row is valid.
    var cadreIndex: [String: Int] = [:]
    var cadresKnown = false

    var targets: [Target] = []
    var targetLines: [String: Int] = [:]
    var targetIndex: [String: Int] = [:]
    var targetsKnown = false

    var pairs: [PairRule] = []
    /// Line of each pair row, and its rule when the row is valid.
    var pairRows: [CadreTargetKey: (line: Int, rule: PairRule?)] = [:]

    var pins: [Pin] = []

    /// Position of each wave id in scenario.yaml's order.
    let waveIndex: [String: Int]
    /// Categories served by each group id.
    let groupCategories: [String: Set<String>]

    init(folder: String, yaml: ScenarioYAMLOutcome) {
        self.folder = folder
        self.yaml = yaml
        var waveIndex: [String: Int] = [:]
        for (i, wave) in yaml.settings.waves.enumerated() where waveIndex[wave.id] == nil { waveIndex[wave.id] = i }
        self.waveIndex = waveIndex
        var categories: [String: Set<String>] = [:]
        for group in yaml.settings.groups where categories[group.id] == nil { categories[group.id] = Set(group.categories) }
        groupCategories = categories
    }

    /// The variant's base folder (`base:` in scenario.yaml), resolved; `nil` for a self-contained scenario.
    var baseFolder: String?
    /// True when scenario.yaml names a base folder that does not exist (already reported there).
    var baseMissing = false
    /// Workbooks opened so far (a scenario.xlsx holds several tables; see TableSource).
    let workbooks = WorkbookCache()

    /// The path of `name` inside the folder, written the way the user wrote the folder.
    func path(_ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// Where to read CSV file `name`: the folder's own file when it exists, else the base's
    /// (so every message names the file actually read). `nil` when the file would come from
    /// a base folder that is missing: that is reported once, at the `base` key, rather than
    /// once more per inherited file.
    func csvPath(_ name: String) -> String? {
        let own = path(name)
        if FileManager.default.fileExists(atPath: own) || (baseFolder == nil && !baseMissing) { return own }
        guard let baseFolder else { return nil }
        return baseFolder.hasSuffix("/") ? baseFolder + name : baseFolder + "/" + name
    }

    /// `unknown region 'x': not an id in regions.csv (a, b)`, listing the ids when there are few.
    private static func unknown(_ what: String, _ id: String, in file: String, ids: some Collection<String>) -> String {
        let list = ids.count <= 10 ? " (" + (ids.isEmpty ? "it defines none" : ids.sorted().listedForMessage(limit: 10)) + ")" : ""
        return "unknown \(what) \(id.quotedForMessage): not an id in \(file)\(list)"
    }

    // MARK: - regions.csv

    mutating func readRegions() {
        guard let source = tableSource(.regions) else { return }
        let read = source.read(workbooks: workbooks)
        let table = ScenarioTable(read.outcome, columns: [
            .init(name: "id", required: true), .init(name: "name", required: true),
            .init(name: "lat", required: false), .init(name: "lon", required: false),
        ])
        regionsKnown = table.complete && table.has("id")
        regions.reserveCapacity(table.records.count)
        for record in table.records {
            table.begin(record)
            let id = Self.readID(table, lines: &regionLines)
            let name = table.required("name", "a name")
            let lat = table.value("lat", "a latitude from -90 to 90") { Double($0).flatMap { $0.isFinite && abs($0) <= 90 ? $0 : nil } }
            let lon = table.value("lon", "a longitude from -180 to 180") { Double($0).flatMap { $0.isFinite && abs($0) <= 180 ? $0 : nil } }
            // A half-given seat would silently count as "no coordinates", so it is refused.
            if table.cell("lat") != nil, table.cell("lon") == nil {
                table.fail("lon", "expected a longitude because lat is given (give both or neither), found an empty cell")
            } else if table.cell("lon") != nil, table.cell("lat") == nil {
                table.fail("lat", "expected a latitude because lon is given (give both or neither), found an empty cell")
            }
            if table.rowOK, let id, let name {
                regions.append(Region(id: id, name: name, latitude: lat, longitude: lon))
            }
        }
        errors += read.locate(table.errors)
    }

    /// Reads the `id` cell, reporting an empty or duplicate id; records the id's first line.
    ///
    /// Static on purpose: an instance method taking `&self.someLines` would read `self` while
    /// writing into it, which makes Swift copy the whole dictionary on every row (quadratic time).
    private static func readID(_ table: ScenarioTable, lines: inout [String: Int], column: String = "id") -> String? {
        guard let id = table.required(column, "an id") else { return nil }
        if let first = lines[id] {
            table.fail(column, "duplicate id \(id.quotedForMessage): first defined at line \(first)")
            return nil
        }
        lines[id] = table.line
        return id
    }

    // MARK: - cadres.csv

    mutating func readCadres() {
        guard let source = tableSource(.cadres) else { return }
        let read = source.read(workbooks: workbooks)
        let table = ScenarioTable(read.outcome, columns: [
            .init(name: "id", required: true), .init(name: "name", required: true),
            .init(name: "level", required: true), .init(name: "rank", required: true),
            .init(name: "group", required: false), .init(name: "region", required: true),
            .init(name: "unit", required: false), .init(name: "skills", required: false),
            .init(name: "capacity", required: false), .init(name: "earliest_wave", required: false),
        ])
        cadresKnown = table.complete && table.has("id")
        cadres.reserveCapacity(table.records.count)
        let groupIDs = groupCategories.keys
        for record in table.records {
            table.begin(record)
            let id = Self.readID(table, lines: &cadreLines)
            let name = table.required("name", "a name")
            let level = table.value("level", ScenarioExpect.level, required: true) { Level(scenarioText: $0) }
            let rank = table.value("rank", ScenarioExpect.rank, required: true) { Rank(text: $0) }
            let group = table.cell("group")
            if let group, yaml.groupsKnown, groupCategories[group] == nil {
                table.fail("group", Self.unknown("group", group, in: "scenario.yaml `groups`", ids: groupIDs))
            }
            let region = table.required("region", "a region id")
            if let region, regionsKnown, regionLines[region] == nil {
                table.fail("region", Self.unknown("region", region, in: "regions.csv", ids: regionLines.keys))
            }
            let unit = table.cell("unit") ?? ""
            // Full-width ；is accepted too: it is what a Chinese input method types.
            let skills = (table.cell("skills") ?? "")
                .split(whereSeparator: { $0 == ";" || $0 == "；" })
                .map { String($0).scenarioTrimmed }
                .filter { !$0.isEmpty }
            let capacity = table.int("capacity", 1...ScenarioLimits.amount)
            let earliest = table.cell("earliest_wave")
            if let earliest, yaml.wavesKnown, waveIndex[earliest] == nil {
                table.fail("earliest_wave", Self.unknown("wave", earliest, in: "scenario.yaml `waves`", ids: waveIndex.keys))
            }
            if table.rowOK, let id, let name, let level, let rank, let region {
                cadreIndex[id] = cadres.count
                cadres.append(Cadre(id: id, name: name, level: level, rank: rank, group: group, region: region,
                                    unit: unit, skills: skills, capacity: capacity, earliestWave: earliest))
            }
        }
        errors += read.locate(table.errors)
    }

    // MARK: - targets.csv

    mutating func readTargets() {
        guard let source = tableSource(.targets) else { return }
        let read = source.read(workbooks: workbooks)
        let table = ScenarioTable(read.outcome, columns: [
            .init(name: "id", required: true), .init(name: "name", required: true),
            .init(name: "kind", required: true), .init(name: "category", required: true),
            .init(name: "level", required: true), .init(name: "region", required: true),
            .init(name: "priority", required: false), .init(name: "urgent", required: false),
            .init(name: "halted", required: false), .init(name: "demand", required: false),
            .init(name: "min_rank", required: false), .init(name: "workload", required: false),
            .init(name: "consent", required: false), .init(name: "supervisor", required: false),
        ])
        targetsKnown = table.complete && table.has("id")
        targets.reserveCapacity(table.records.count)
        for record in table.records {
            table.begin(record)
            let id = Self.readID(table, lines: &targetLines)
            let name = table.required("name", "a name")
            let kind = table.value("kind", ScenarioExpect.kind, required: true) { TargetKind(scenarioText: $0) }
            let category = table.required("category", "a category")
            let level = table.value("level", ScenarioExpect.level, required: true) { Level(scenarioText: $0) }
            let region = table.required("region", "a region id")
            if let region, regionsKnown, regionLines[region] == nil {
                table.fail("region", Self.unknown("region", region, in: "regions.csv", ids: regionLines.keys))
            }
            let priority = table.int("priority", 1...5) ?? 3
            let urgent = table.bool("urgent") ?? false
            let halted = table.bool("halted") ?? false
            let demand = table.int("demand", 1...ScenarioLimits.amount) ?? 1
            let minRank = table.value("min_rank", ScenarioExpect.rank) { Rank(text: $0) } ?? .section
            let workload = table.int("workload", 1...ScenarioLimits.amount) ?? 1
            let consent = table.bool("consent") ?? true
            let supervisor = table.cell("supervisor")
            if table.rowOK, let id, let name, let kind, let category, let level, let region {
                targetIndex[id] = targets.count
                targets.append(Target(id: id, name: name, kind: kind, category: category, level: level, region: region,
                                      priority: priority, urgent: urgent, halted: halted, demand: demand, minRank: minRank,
                                      workload: workload, consent: consent, supervisor: supervisor))
            }
        }
        errors += read.locate(table.errors)
    }

    // MARK: - Shared by pairs.csv and pins.csv

    /// Reads the `cadre` and `target` cells, reporting ids unknown to cadres.csv and targets.csv.
    private func readPairIDs(_ table: ScenarioTable) -> (cadre: String?, target: String?) {
        let cadre = table.required("cadre", "a cadre id")
        if let cadre, cadresKnown, cadreLines[cadre] == nil {
            table.fail("cadre", Self.unknown("cadre", cadre, in: "cadres.csv", ids: cadreLines.keys))
        }
        let target = table.required("target", "a target id")
        if let target, targetsKnown, targetLines[target] == nil {
            table.fail("target", Self.unknown("target", target, in: "targets.csv", ids: targetLines.keys))
        }
        return (cadre, target)
    }

    // MARK: - pairs.csv

    mutating func readPairs() {
        guard let source = tableSource(.pairs), source.exists else { return }  // optional file
        let read = source.read(workbooks: workbooks)
        let table = ScenarioTable(read.outcome, columns: [
            .init(name: "cadre", required: true), .init(name: "target", required: true),
            .init(name: "forbidden", required: false), .init(name: "cost", required: false),
            .init(name: "workload", required: false), .init(name: "reason", required: false),
        ])
        for record in table.records {
            table.begin(record)
            let (cadre, target) = readPairIDs(table)
            var key: CadreTargetKey?
            if let cadre, let target {
                let k = CadreTargetKey(cadre: cadre, target: target)
                if let first = pairRows[k] {
                    table.fail("target", "duplicate pair (\(cadre), \(target)): first given at line \(first.line); a pair may appear at most once")
                } else {
                    key = k
                }
            }
            let forbidden = table.bool("forbidden") ?? false
            let cost = table.int("cost", 0...ScenarioLimits.pairCost)
            let workload = table.int("workload", 1...ScenarioLimits.amount)
            let reason = table.cell("reason") ?? ""
            if let key {
                var rule: PairRule?
                if table.rowOK {
                    rule = PairRule(cadre: key.cadre, target: key.target, forbidden: forbidden, cost: cost, workload: workload, reason: reason)
                }
                pairRows[key] = (table.line, rule)
                if let rule { pairs.append(rule) }
            }
        }
        errors += read.locate(table.errors)
    }

    // MARK: - pins.csv

    mutating func readPins() {
        guard let source = tableSource(.pins), source.exists else { return }  // optional file
        let read = source.read(workbooks: workbooks)
        let table = ScenarioTable(read.outcome, columns: [
            .init(name: "cadre", required: true), .init(name: "target", required: true), .init(name: "wave", required: true),
        ])
        var checker = PinChecker(assembly: self)
        for record in table.records {
            table.begin(record)
            let (cadre, target) = readPairIDs(table)
            let wave = table.required("wave", "a wave id")
            if let wave, yaml.wavesKnown, waveIndex[wave] == nil {
                table.fail("wave", Self.unknown("wave", wave, in: "scenario.yaml `waves`", ids: waveIndex.keys))
            }
            // The plan-level rules only make sense for a row whose three ids all resolve.
            guard table.rowOK, let cadre, let target, let wave else { continue }
            let pin = Pin(cadre: cadre, target: target, wave: wave,
                          source: SourceLine(file: source.path, line: table.line, columns: table.columnNumbers, sheet: read.sheet))
            checker.check(pin, in: table)
            if table.rowOK { pins.append(pin) }
        }
        errors += read.locate(table.errors)
    }

    // MARK: - scenario.yaml against regions.csv

    /// Reports `region_quotas` and `max_targets.regions` keys that are not region ids (only scenario.yaml and regions.csv together can tell).
    mutating func checkYAMLRegionReferences() {
        guard regionsKnown else { return }
        for reference in yaml.regionReferences where regionLines[reference.region] == nil {
            errors.append(InputError(file: path("scenario.yaml"), line: reference.line, column: reference.column,
                                     columnName: reference.keyPath,
                                     message: Self.unknown("region", reference.region, in: "regions.csv", ids: regionLines.keys)))
        }
    }
}
