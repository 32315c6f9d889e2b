import Foundation

/// Writes a ``Scenario`` as a scenario folder in the format of docs/DATA.md.
///
/// The output is canonical: UTF-8 without a byte-order mark, LF line ends, English
/// keywords (`province`, `section`, `park`, `true`…), optional cells left empty when
/// they hold the default, and no dictionary or set iteration order anywhere, so the
/// same scenario always gives the same bytes (diffs between generated scenarios then
/// show real changes only).
public enum ScenarioWriter {
    /// Writes `scenario.yaml`, `regions.csv`, `cadres.csv`, `targets.csv`, and
    /// `pairs.csv` / `pins.csv` when the scenario has any, into `folder` (created if missing).
    ///
    /// Nothing is written unless `cadreplan check` accepts the result: the files are first
    /// written to a private temporary folder and checked there with ``ScenarioLoader``, so a
    /// writer (the generator, an import) can never leave a scenario that `check` refuses.
    ///
    /// A `pairs.csv` or `pins.csv` left in the folder by an earlier write is removed when
    /// the scenario has none, because the folder would otherwise describe a different
    /// scenario. `readme`, when given, is written as `README.md`; an existing README is
    /// left alone otherwise. Every file is written atomically.
    /// - Throws: ``InputErrors`` (located in the files as they would have been written) when
    ///   `check` would refuse the scenario; ``OutputError`` when a file cannot be written.
    public static func write(_ scenario: Scenario, to folder: String, readme: String? = nil) throws {
        let files = render(scenario)
        try refuseWhatCheckRefuses(files, folder: folder)
        let dir = URL(fileURLWithPath: folder)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        for (name, text) in files {
            if let text {
                try AtomicFile.write(text, to: path(name))
            } else {
                try PosixFileSystem.remove(path(name), reportAs: path(name))
            }
        }
        if let readme { try AtomicFile.write(readme, to: path("README.md")) }
    }

    /// The files of a scenario folder; `nil` for an optional file the scenario does not need.
    static func render(_ scenario: Scenario) -> [(name: String, text: String?)] {
        [("scenario.yaml", yaml(scenario)),
         ("regions.csv", regionsCSV(scenario.regions)),
         ("cadres.csv", cadresCSV(scenario.cadres, firstWave: scenario.waves.first?.id)),
         ("targets.csv", targetsCSV(scenario.targets)),
         ("pairs.csv", scenario.pairs.isEmpty ? nil : pairsCSV(scenario.pairs)),
         ("pins.csv", scenario.pins.isEmpty ? nil : pinsCSV(scenario.pins))]
    }

    /// Checks `files` as `cadreplan check` would, in a private temporary folder, and throws
    /// every problem located in the files as they would be named in `folder`.
    private static func refuseWhatCheckRefuses(_ files: [(name: String, text: String?)], folder: String) throws {
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("cadreplan-check-\(getpid())-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        for (name, text) in files {
            guard let text else { continue }
            try AtomicFile.write(text, to: scratch + "/" + name)
        }
        let errors = ScenarioLoader.validate(folder: scratch)
        guard !errors.isEmpty else { return }
        let shown = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        throw InputErrors(errors.map { error in
            var e = error
            if e.file.hasPrefix(scratch) { e.file = shown + e.file.dropFirst(scratch.count) }
            return e
        })
    }

    /// The files ``write(_:to:readme:)`` writes for `scenario`, in a fixed order: scenario.yaml,
    /// regions.csv, cadres.csv, targets.csv, then pairs.csv and pins.csv when it has any.
    ///
    /// This is the scenario's canonical text: whatever encoding, line ends or spellings its files
    /// were read from, the same scenario gives the same text, so a digest of it identifies it.
    public static func files(_ scenario: Scenario) -> [(name: String, text: String)] {
        render(scenario).compactMap { file in file.text.map { (file.name, $0) } }
    }

    // MARK: - scenario.yaml

    /// The scenario.yaml text: keys in the order of docs/DATA.md, maps sorted by key.
    static func yaml(_ s: Scenario) -> String {
        var out = "name: \(scalar(s.name))\n"
        out += "mode: \(scalar(s.mode.description))\n"
        if !s.targetLimits.isEmpty {
            out += "max_targets:\n"
            if !s.targetLimits.groups.isEmpty { out += "  groups: \(flowMap(sorted(s.targetLimits.groups)))\n" }
            if !s.targetLimits.regions.isEmpty { out += "  regions: \(flowMap(sorted(s.targetLimits.regions)))\n" }
        }
        if let order = s.tierOrder { out += "tiers: \(flowList(order.map(\.rawValue)))\n" }
        out += "waves:\n"
        for wave in s.waves {
            out += "  - id: \(scalar(wave.id))\n"
            out += "    date: \(scalar(wave.date))\n"
            // Level order is fixed (province, county), not the dictionary's.
            let quotas = Level.allCases.compactMap { level in wave.quotas[level].map { (level.rawValue, $0) } }
            if !quotas.isEmpty { out += "    quotas: \(flowMap(quotas))\n" }
            if !wave.regionQuotas.isEmpty { out += "    region_quotas: \(flowMap(sorted(wave.regionQuotas)))\n" }
            if !wave.groupQuotas.isEmpty { out += "    group_quotas: \(flowMap(sorted(wave.groupQuotas)))\n" }
        }
        if s.groups.isEmpty {
            out += "groups: []\n"
        } else {
            out += "groups:\n"
            for group in s.groups {
                out += "  - id: \(scalar(group.id))\n"
                out += "    name: \(scalar(group.name))\n"
                out += "    categories: \(flowList(group.categories.map(scalar)))\n"
            }
        }
        let w = s.weights
        out += "weights:\n"
        out += "  priority: \(flowList(w.priority.map(String.init)))\n"
        out += "  halted: \(w.halted)\n"
        out += "  distance_km: \(w.distancePerKm)\n"
        out += "  rank_gap: \(w.rankGap)\n"
        out += "  skill_mismatch: \(w.skillMismatch)\n"
        out += "  extra_target: \(w.extraTarget)\n"
        out += "  move: \(w.move)\n"
        out += "rules:\n"
        out += "  forbid_own_supervisor: \(s.rules.forbidOwnSupervisor)\n"
        let byKind = TargetKind.allCases.compactMap { kind in s.rules.minRankByKind[kind].map { (kind.rawValue, $0.keyword) } }
        if !byKind.isEmpty { out += "  min_rank_by_kind: {\(byKind.map { "\($0.0): \($0.1)" }.joined(separator: ", "))}\n" }
        if s.rules.onlyListedPairs { out += "  only_listed_pairs: true\n" }
        if s.rules.countyReachKm > 0 { out += "  county_reach_km: \(s.rules.countyReachKm)\n" }
        if !s.indicators.isEmpty {
            out += "indicators:\n"
            for ind in s.indicators {
                out += "  - id: \(scalar(ind.id))\n"
                out += "    name: \(scalar(ind.name))\n"
                // Absent means "all categories" (docs/DATA.md); `[]` would read as "none" to a person.
                if !ind.categories.isEmpty { out += "    categories: \(flowList(ind.categories.map(scalar)))\n" }
                out += "    halted_only: \(ind.haltedOnly)\n"
                if let level = ind.level { out += "    level: \(level.rawValue)\n" }
            }
        }
        return out
    }

    private static func sorted(_ map: [String: Int]) -> [(String, Int)] {
        map.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static func flowMap(_ pairs: [(String, Int)]) -> String {
        "{" + pairs.map { "\(scalar($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    private static func flowList(_ items: [String]) -> String {
        "[" + items.joined(separator: ", ") + "]"
    }

    /// YAML 1.1 words that a plain scalar would turn into a boolean or null.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~",
    ]

    /// `text` as a YAML scalar: plain when that is unambiguous, double-quoted otherwise.
    ///
    /// Plain is allowed only for letters (any script), digits, `_`, `-` and `.`, not starting
    /// with a digit, `-` or `.` (numbers, dates like 2022-09-16 and `.inf` would be resolved
    /// as non-strings) and not a YAML 1.1 boolean/null word. Everything else is quoted, so
    /// flow indicators (`,[]{}`), `: ` and ` #` can never break the document.
    static func scalar(_ text: String) -> String {
        if let first = text.unicodeScalars.first,
           !(first.properties.numericType != nil || first == "-" || first == "."),
           !reservedWords.contains(text.lowercased()),
           text.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" || $0 == "." }) {
            return text
        }
        var out = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x85 || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    let hex = String(u.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    // MARK: - CSV files

    /// A coordinate in the shortest text that reads back as the same Double; empty when absent.
    private static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    static func regionsCSV(_ regions: [Region]) -> String {
        CSVText.render(header: ["id", "name", "lat", "lon"], rows: regions.map {
            [$0.id, $0.name, number($0.latitude), number($0.longitude)]
        })
    }

    /// Cadres; `firstWave` is the scenario's first wave, which an empty `earliest_wave` means.
    static func cadresCSV(_ cadres: [Cadre], firstWave: String?) -> String {
        CSVText.render(
            header: ["id", "name", "level", "rank", "group", "region", "unit", "skills", "capacity", "earliest_wave"],
            rows: cadres.map { c in
                [c.id, c.name, c.level.rawValue, c.rank.keyword, c.group ?? "", c.region, c.unit,
                 c.skills.joined(separator: ";"), c.capacity.map(String.init) ?? "",
                 c.earliestWave == firstWave ? "" : (c.earliestWave ?? "")]
            })
    }

    static func targetsCSV(_ targets: [Target]) -> String {
        CSVText.render(
            header: ["id", "name", "kind", "category", "level", "region", "priority", "urgent", "halted",
                     "demand", "min_rank", "workload", "consent", "supervisor"],
            rows: targets.map { t in
                [t.id, t.name, t.kind.rawValue, t.category, t.level.rawValue, t.region,
                 t.priority == 3 ? "" : String(t.priority),
                 t.urgent ? "true" : "", t.halted ? "true" : "",
                 t.demand == 1 ? "" : String(t.demand),
                 t.minRank == .section ? "" : t.minRank.keyword,
                 t.workload == 1 ? "" : String(t.workload),
                 t.consent ? "" : "false",
                 t.supervisor ?? ""]
            })
    }

    static func pairsCSV(_ pairs: [PairRule]) -> String {
        CSVText.render(header: ["cadre", "target", "forbidden", "cost", "workload", "reason"], rows: pairs.map { p in
            [p.cadre, p.target, p.forbidden ? "true" : "", p.cost.map(String.init) ?? "",
             p.workload.map(String.init) ?? "", p.reason]
        })
    }

    static func pinsCSV(_ pins: [Pin]) -> String {
        CSVText.render(header: ["cadre", "target", "wave"], rows: pins.map { [$0.cadre, $0.target, $0.wave] })
    }
}
