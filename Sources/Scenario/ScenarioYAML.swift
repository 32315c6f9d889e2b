import Foundation
import Yams

/// Everything scenario.yaml defines, before it is combined with the CSV files.
struct ScenarioSettings {
    var name = ""
    var mode = AssignmentMode.oneToOne
    var targetLimits = TargetLimits()
    var tierOrder: [Tier]?
    /// Every wave with a readable id, in file order (a wave with a bad date is still listed, so references to it resolve).
    var waves: [Wave] = []
    /// Every group with a readable id, in file order.
    var groups: [ServiceGroup] = []
    var weights = Weights.standard
    var rules = Rules()
    var indicators: [Indicator] = []
}

/// A region id used in scenario.yaml (`region_quotas`), checked later against regions.csv.
struct YAMLRegionReference {
    var region: String
    var line: Int?
    var column: Int?
    var keyPath: String
}

/// The result of reading scenario.yaml without stopping at the first problem.
struct ScenarioYAMLOutcome {
    var settings = ScenarioSettings()
    var errors: [InputError] = []
    /// False when the wave list could not be read, so wave references elsewhere must not be reported as unknown.
    var wavesKnown = false
    /// False when the group list could not be read, so group references elsewhere must not be reported as unknown.
    var groupsKnown = false
    /// Region ids used as `region_quotas` keys, for the cross-check with regions.csv.
    var regionReferences: [YAMLRegionReference] = []
    /// The `base` folder (as written) and where its key is, for the loader to resolve.
    var base: YAMLBaseReference?
}

/// `base: <folder>` in a variant's scenario.yaml: the folder whose CSV files the variant inherits.
struct YAMLBaseReference {
    /// The folder as written, relative to the variant's folder unless absolute.
    var folder: String
    /// Position of the `base` key, so that a base folder that does not exist is reported there.
    var line: Int?
    var column: Int?
}

/// Reads scenario.yaml by walking the composed YAML node tree, so every problem gets the line and
/// column of the node it concerns (decoding with `Codable` would lose them).
struct ScenarioYAMLReader {
    /// The file's path, for errors.
    let file: String
    private var errors: [InputError] = []

    private init(file: String) { self.file = file }

    /// Reads and checks the scenario.yaml at `path`.
    static func read(path: String) -> ScenarioYAMLOutcome {
        do {
            return parse(text: try TextDecoding.readFile(path: path), file: path)
        } catch {
            return ScenarioYAMLOutcome(errors: [error])
        }
    }

    /// Checks scenario.yaml `text`, naming `file` in errors.
    static func parse(text: String, file: String) -> ScenarioYAMLOutcome {
        var reader = ScenarioYAMLReader(file: file)
        let root: Node?
        do {
            // Parser.Encoding.utf8: the default would consult an environment variable and print to stdout.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch {
            return ScenarioYAMLOutcome(errors: [reader.syntaxError(error, text: text)])
        }
        guard let root, !root.isScenarioNull else {
            return ScenarioYAMLOutcome(errors: [InputError(file: file, line: 1, column: 1, message: "is empty: expected a mapping with at least `name` and `waves`")])
        }
        var outcome = reader.scenario(root)
        outcome.errors = reader.errors
        return outcome
    }

    // MARK: - Sections

    private mutating func scenario(_ root: Node) -> ScenarioYAMLOutcome {
        var outcome = ScenarioYAMLOutcome()
        guard let top = entries(root, path: "", what: "the scenario",
                                allowed: ["name", "base", "mode", "max_targets", "tiers", "waves", "groups", "weights", "rules", "indicators"],
                                required: ["name", "waves"]) else { return outcome }
        var settings = ScenarioSettings()
        if let node = top["base"], let folder = text(node, path: "base", what: "a folder relative to this scenario's folder") {
            let key = keyNode(root, "base")
            outcome.base = YAMLBaseReference(folder: folder, line: key?.mark?.line, column: key?.mark?.column)
        }
        if let node = top["name"], let name = text(node, path: "name", what: "the scenario's name") { settings.name = name }
        if let node = top["mode"], !node.isScenarioNull, let text = scalarText(node, path: "mode", expected: ScenarioExpect.mode) {
            if let mode = AssignmentMode(text: text) {
                settings.mode = mode
            } else {
                fail(node, "mode", "expected \(ScenarioExpect.mode), found \(text.quotedForMessage)")
            }
        }
        if let node = top["groups"] {
            if let groups = groupList(node) { settings.groups = groups; outcome.groupsKnown = true }
        } else {
            outcome.groupsKnown = true  // no groups: every group reference is unknown
        }
        if let node = top["waves"], let waves = waveList(node, groups: outcome.groupsKnown ? settings.groups : nil,
                                                          regionReferences: &outcome.regionReferences) {
            settings.waves = waves
            outcome.wavesKnown = true
        }
        if let node = top["max_targets"], !node.isScenarioNull,
           let limits = targetLimits(node, groups: outcome.groupsKnown ? settings.groups : nil, regionReferences: &outcome.regionReferences) {
            settings.targetLimits = limits
        }
        if let node = top["tiers"], !node.isScenarioNull, let order = tierOrder(node) { settings.tierOrder = order }
        if let node = top["weights"], !node.isScenarioNull, let weights = weights(node) { settings.weights = weights }
        if let node = top["rules"], !node.isScenarioNull, let rules = rules(node) { settings.rules = rules }
        if let node = top["indicators"], !node.isScenarioNull, let indicators = indicatorList(node) { settings.indicators = indicators }
        outcome.settings = settings
        return outcome
    }

    private mutating func waveList(_ node: Node, groups: [ServiceGroup]?, regionReferences: inout [YAMLRegionReference]) -> [Wave]? {
        guard let items = list(node, path: "waves", what: "a list of waves") else { return nil }
        if items.isEmpty {
            fail(node, "waves", "expected at least one wave, found an empty list")
            return []
        }
        let groupIDs = groups.map { Set($0.map(\.id)) }
        var waves: [Wave] = []
        var firstLine: [String: Int] = [:]
        var previous: (id: String, date: String)?
        for (i, item) in items.enumerated() {
            let itemPath = "waves[\(i + 1)]"
            guard let e = entries(item, path: itemPath, what: "a wave",
                                  allowed: ["id", "date", "quotas", "region_quotas", "group_quotas"],
                                  required: ["id", "date"]) else { continue }
            var id: String?
            if let node = e["id"], let value = text(node, path: "\(itemPath).id", what: "a wave id") {
                if let line = firstLine[value] {
                    fail(node, "\(itemPath).id", "duplicate wave id \(value.quotedForMessage) (first at line \(line))")
                } else {
                    firstLine[value] = node.mark?.line ?? 0
                    id = value
                }
            }
            let path = id.map { "waves.\($0)" } ?? itemPath
            var date = ""
            if let node = e["date"], let value = scalarText(node, path: "\(path).date", expected: ScenarioExpect.date) {
                if !value.isISODate {
                    fail(node, "\(path).date", "expected \(ScenarioExpect.date) (a real calendar date), found \(value.quotedForMessage)")
                } else {
                    if let previous, value <= previous.date {
                        fail(node, "\(path).date", "waves must be in strictly increasing date order: \(value) is not after \(previous.date) of wave \(previous.id.quotedForMessage)")
                    }
                    date = value
                    previous = (id ?? "number \(i + 1)", value)
                }
            }
            var quotas: [Level: Int] = [:]
            if let node = e["quotas"], !node.isScenarioNull, let pairs = pairs(node, path: "\(path).quotas", what: "quotas per level") {
                for (keyNode, key, value) in pairs {
                    guard let level = Level(scenarioText: key) else {
                        fail(keyNode, "\(path).quotas", "expected a level, \(ScenarioExpect.level), found \(key.quotedForMessage)")
                        continue
                    }
                    if quotas[level] != nil {
                        fail(keyNode, "\(path).quotas", "level \(level.rawValue) is given twice")
                        continue
                    }
                    if let n = int(value, path: "\(path).quotas.\(key)", range: 0...ScenarioLimits.quota) { quotas[level] = n }
                }
            }
            var regionQuotas: [String: Int] = [:]
            if let node = e["region_quotas"], !node.isScenarioNull, let pairs = pairs(node, path: "\(path).region_quotas", what: "quotas per region id") {
                for (keyNode, key, value) in pairs {
                    regionReferences.append(YAMLRegionReference(region: key, line: keyNode.mark?.line, column: keyNode.mark?.column, keyPath: "\(path).region_quotas"))
                    if let n = int(value, path: "\(path).region_quotas.\(key)", range: 0...ScenarioLimits.quota) { regionQuotas[key] = n }
                }
            }
            var groupQuotas: [String: Int] = [:]
            if let node = e["group_quotas"], !node.isScenarioNull, let pairs = pairs(node, path: "\(path).group_quotas", what: "quotas per group id") {
                for (keyNode, key, value) in pairs {
                    if let groupIDs, !groupIDs.contains(key) {
                        fail(keyNode, "\(path).group_quotas", "unknown group \(key.quotedForMessage): expected a group id from `groups`\(Self.choices(groupIDs))")
                    }
                    if let n = int(value, path: "\(path).group_quotas.\(key)", range: 0...ScenarioLimits.quota) { groupQuotas[key] = n }
                }
            }
            if let id {
                waves.append(Wave(id: id, date: date, quotas: quotas, regionQuotas: regionQuotas, groupQuotas: groupQuotas))
            }
        }
        return waves
    }

    private mutating func groupList(_ node: Node) -> [ServiceGroup]? {
        if node.isScenarioNull { return [] }  // "groups:" with nothing after it: no groups
        guard let items = list(node, path: "groups", what: "a list of service groups") else { return nil }
        var groups: [ServiceGroup] = []
        var firstLine: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = "groups[\(i + 1)]"
            guard let e = entries(item, path: itemPath, what: "a service group",
                                  allowed: ["id", "name", "categories"], required: ["id", "name"]) else { continue }
            var id: String?
            if let node = e["id"], let value = text(node, path: "\(itemPath).id", what: "a group id") {
                if let line = firstLine[value] {
                    fail(node, "\(itemPath).id", "duplicate group id \(value.quotedForMessage) (first at line \(line))")
                } else {
                    firstLine[value] = node.mark?.line ?? 0
                    id = value
                }
            }
            let path = id.map { "groups.\($0)" } ?? itemPath
            let name = e["name"].flatMap { text($0, path: "\(path).name", what: "a group name") } ?? ""
            let categories = e["categories"].flatMap { textList($0, path: "\(path).categories", what: "a list of target categories") } ?? []
            if let id { groups.append(ServiceGroup(id: id, name: name, categories: categories)) }
        }
        return groups
    }

    private mutating func weights(_ node: Node) -> Weights? {
        guard let e = entries(node, path: "weights", what: "the objective weights",
                              allowed: ["priority", "halted", "distance_km", "rank_gap", "skill_mismatch", "extra_target", "move"],
                              required: []) else { return nil }
        var w = Weights.standard
        let range = 0...ScenarioLimits.weight
        if let node = e["priority"], let items = list(node, path: "weights.priority", what: "a list of 5 integers (priority 1 to 5)") {
            if items.count != 5 {
                fail(node, "weights.priority", "expected exactly 5 weights (one per priority 1 to 5), found \(items.count)")
            } else {
                let values = items.enumerated().map { int($1, path: "weights.priority[\($0 + 1)]", range: range) }
                if values.allSatisfy({ $0 != nil }) { w.priority = values.compactMap { $0 } }
            }
        }
        if let node = e["halted"], let n = int(node, path: "weights.halted", range: range) { w.halted = n }
        if let node = e["distance_km"], let n = int(node, path: "weights.distance_km", range: range) { w.distancePerKm = n }
        if let node = e["rank_gap"], let n = int(node, path: "weights.rank_gap", range: range) { w.rankGap = n }
        if let node = e["skill_mismatch"], let n = int(node, path: "weights.skill_mismatch", range: range) { w.skillMismatch = n }
        if let node = e["extra_target"], let n = int(node, path: "weights.extra_target", range: range) { w.extraTarget = n }
        if let node = e["move"], let n = int(node, path: "weights.move", range: range) { w.move = n }
        return w
    }

    private mutating func rules(_ node: Node) -> Rules? {
        guard let e = entries(node, path: "rules", what: "the rules",
                              allowed: ["forbid_own_supervisor", "min_rank_by_kind", "only_listed_pairs", "county_reach_km"], required: []) else { return nil }
        var rules = Rules()
        if let node = e["county_reach_km"], let km = int(node, path: "rules.county_reach_km", range: 0...ScenarioLimits.reachKm) {
            rules.countyReachKm = km
        }
        if let node = e["forbid_own_supervisor"], let b = bool(node, path: "rules.forbid_own_supervisor") {
            rules.forbidOwnSupervisor = b
        }
        if let node = e["only_listed_pairs"], let b = bool(node, path: "rules.only_listed_pairs") {
            rules.onlyListedPairs = b
        }
        if let node = e["min_rank_by_kind"], !node.isScenarioNull,
           let pairs = pairs(node, path: "rules.min_rank_by_kind", what: "a minimum rank per target kind") {
            for (keyNode, key, value) in pairs {
                let path = "rules.min_rank_by_kind"
                guard let kind = TargetKind(scenarioText: key) else {
                    fail(keyNode, path, "expected a target kind, \(ScenarioExpect.kind), found \(key.quotedForMessage)")
                    continue
                }
                if rules.minRankByKind[kind] != nil {
                    fail(keyNode, path, "kind \(kind.rawValue) is given twice")
                    continue
                }
                guard let text = scalarText(value, path: "\(path).\(key)", expected: "a rank, \(ScenarioExpect.rank)") else { continue }
                if let rank = Rank(text: text) {
                    rules.minRankByKind[kind] = rank
                } else {
                    fail(value, "\(path).\(key)", "expected a rank, \(ScenarioExpect.rank), found \(text.quotedForMessage)")
                }
            }
        }
        return rules
    }

    /// `max_targets: {groups: {id: M}, regions: {id: M}}`: M per service group and per home region.
    private mutating func targetLimits(_ node: Node, groups: [ServiceGroup]?, regionReferences: inout [YAMLRegionReference]) -> TargetLimits? {
        guard let e = entries(node, path: "max_targets", what: "the most targets per cadre by group and region",
                              allowed: ["groups", "regions"], required: []) else { return nil }
        var limits = TargetLimits()
        let range = 1...ScenarioLimits.targetsPerCadre
        if let node = e["groups"], !node.isScenarioNull, let pairs = pairs(node, path: "max_targets.groups", what: "a most number of targets per group id") {
            let groupIDs = groups.map { Set($0.map(\.id)) }
            for (keyNode, key, value) in pairs {
                if let groupIDs, !groupIDs.contains(key) {
                    fail(keyNode, "max_targets.groups", "unknown group \(key.quotedForMessage): expected a group id from `groups`\(Self.choices(groupIDs))")
                }
                if let n = int(value, path: "max_targets.groups.\(key)", range: range) { limits.groups[key] = n }
            }
        }
        if let node = e["regions"], !node.isScenarioNull, let pairs = pairs(node, path: "max_targets.regions", what: "a most number of targets per region id") {
            for (keyNode, key, value) in pairs {
                regionReferences.append(YAMLRegionReference(region: key, line: keyNode.mark?.line, column: keyNode.mark?.column, keyPath: "max_targets.regions"))
                if let n = int(value, path: "max_targets.regions.\(key)", range: range) { limits.regions[key] = n }
            }
        }
        return limits
    }

    /// `tiers: [coverage, principle, timeliness, quality]`: the order of the objective tiers.
    private mutating func tierOrder(_ node: Node) -> [Tier]? {
        guard let items = list(node, path: "tiers", what: "a list of tiers such as [coverage, principle, timeliness, quality]") else { return nil }
        var order: [Tier] = []
        var ok = true
        for item in items {
            guard let text = scalarText(item, path: "tiers", expected: ScenarioExpect.tier) else { ok = false; continue }
            guard let tier = Tier(scenarioText: text) else {
                fail(item, "tiers", "expected \(ScenarioExpect.tier), found \(text.quotedForMessage)")
                ok = false
                continue
            }
            if order.contains(tier) {
                fail(item, "tiers", "tier \(tier.rawValue) is listed twice")
                ok = false
                continue
            }
            order.append(tier)
        }
        if ok, let problem = Tier.problem(inOrder: order) {
            fail(node, "tiers", problem)
            ok = false
        }
        return ok ? order : nil
    }

    private mutating func indicatorList(_ node: Node) -> [Indicator]? {
        guard let items = list(node, path: "indicators", what: "a list of indicators") else { return nil }
        var indicators: [Indicator] = []
        var firstLine: [String: Int] = [:]
        for (i, item) in items.enumerated() {
            let itemPath = "indicators[\(i + 1)]"
            guard let e = entries(item, path: itemPath, what: "an indicator",
                                  allowed: ["id", "name", "categories", "halted_only", "level"], required: ["id", "name"]) else { continue }
            var id: String?
            if let node = e["id"], let value = text(node, path: "\(itemPath).id", what: "an indicator id") {
                if let line = firstLine[value] {
                    fail(node, "\(itemPath).id", "duplicate indicator id \(value.quotedForMessage) (first at line \(line))")
                } else {
                    firstLine[value] = node.mark?.line ?? 0
                    id = value
                }
            }
            let path = id.map { "indicators.\($0)" } ?? itemPath
            let name = e["name"].flatMap { text($0, path: "\(path).name", what: "an indicator name") } ?? ""
            let categories = e["categories"].flatMap { textList($0, path: "\(path).categories", what: "a list of target categories") } ?? []
            let haltedOnly = e["halted_only"].flatMap { bool($0, path: "\(path).halted_only") } ?? false
            var level: Level?
            if let node = e["level"], !node.isScenarioNull,
               let text = scalarText(node, path: "\(path).level", expected: ScenarioExpect.level) {
                level = Level(scenarioText: text)
                if level == nil { fail(node, "\(path).level", "expected \(ScenarioExpect.level), found \(text.quotedForMessage)") }
            }
            if let id { indicators.append(Indicator(id: id, name: name, categories: categories, haltedOnly: haltedOnly, level: level)) }
        }
        return indicators
    }

    // MARK: - Node helpers

    private mutating func fail(_ node: Node?, _ path: String, _ message: String) {
        errors.append(InputError(file: file, line: node?.mark?.line, column: node?.mark?.column,
                                 columnName: path.isEmpty ? nil : path, message: message))
    }

    /// The entries of a mapping with string keys; reports a non-mapping, unknown keys and missing required keys.
    private mutating func entries(_ node: Node, path: String, what: String, allowed: [String], required: [String]) -> [String: Node]? {
        guard let pairs = pairs(node, path: path, what: "a mapping (\(what))") else { return nil }
        var result: [String: Node] = [:]
        for (keyNode, key, value) in pairs {
            if allowed.contains(key) {
                result[key] = value
            } else {
                fail(keyNode, path, "unknown key \(key.quotedForMessage) in \(what); expected one of: \(allowed.joined(separator: ", "))")
            }
        }
        for key in required where result[key] == nil {
            fail(node, path, "missing required key \(key.quotedForMessage) in \(what)")
        }
        return result
    }

    /// The key node of `key` in the mapping `node` (its position, for messages about the whole entry).
    private func keyNode(_ node: Node, _ key: String) -> Node? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.first { k, _ in
            if case .scalar(let scalar) = k { return scalar.string.scenarioTrimmed == key }
            return false
        }?.key
    }

    /// The key–value pairs of a mapping whose keys are scalars; reports anything else.
    private mutating func pairs(_ node: Node, path: String, what: String) -> [(Node, String, Node)]? {
        guard case .mapping(let mapping) = node else {
            fail(node, path, "expected \(what), found \(Self.describe(node))")
            return nil
        }
        var result: [(Node, String, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                fail(key, path, "expected a plain key, found \(Self.describe(key))")
                continue
            }
            result.append((key, scalar.string.scenarioTrimmed, value))
        }
        return result
    }

    /// The items of a sequence; reports anything else.
    private mutating func list(_ node: Node, path: String, what: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            fail(node, path, "expected \(what), found \(Self.describe(node))")
            return nil
        }
        return Array(sequence)
    }

    /// A scalar's text (trimmed); reports a missing value, a mapping or a list.
    private mutating func scalarText(_ node: Node, path: String, expected: String) -> String? {
        guard case .scalar(let scalar) = node, !node.isScenarioNull else {
            fail(node, path, "expected \(expected), found \(Self.describe(node))")
            return nil
        }
        return scalar.string.scenarioTrimmed
    }

    /// Non-empty text; reports anything else.
    private mutating func text(_ node: Node, path: String, what: String) -> String? {
        guard let value = scalarText(node, path: path, expected: what) else { return nil }
        if value.isEmpty {
            fail(node, path, "expected \(what), found an empty value")
            return nil
        }
        if let bad = value.unicodeScalars.first(where: \.isControlCharacter) {
            fail(node, path, "expected \(what) without control characters, found \(value.quotedForMessage), which holds \(String(bad).escapedForMessage)")
            return nil
        }
        return value
    }

    /// A list of non-empty texts; a missing value is an empty list.
    private mutating func textList(_ node: Node, path: String, what: String) -> [String]? {
        if node.isScenarioNull { return [] }
        guard let items = list(node, path: path, what: "\(what) such as [a, b]") else { return nil }
        var result: [String] = []
        var ok = true
        for item in items {
            if let value = text(item, path: path, what: "a category") { result.append(value) } else { ok = false }
        }
        return ok ? result : nil
    }

    private mutating func int(_ node: Node, path: String, range: ClosedRange<Int>) -> Int? {
        let expected = ScenarioExpect.integer(range)
        guard let value = scalarText(node, path: path, expected: expected) else { return nil }
        guard let n = Int(value), range.contains(n) else {
            fail(node, path, "expected \(expected), found \(value.quotedForMessage)")
            return nil
        }
        return n
    }

    private mutating func bool(_ node: Node, path: String) -> Bool? {
        guard let value = scalarText(node, path: path, expected: ScenarioExpect.boolean) else { return nil }
        guard let b = Bool(scenarioText: value) else {
            fail(node, path, "expected \(ScenarioExpect.boolean), found \(value.quotedForMessage)")
            return nil
        }
        return b
    }

    /// How a node looks, for "found …" in messages.
    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return node.isScenarioNull ? "nothing" : scalar.string.quotedForMessage
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// `: a, b, c` when there are few enough choices to list, else nothing.
    static func choices(_ ids: Set<String>) -> String {
        ids.isEmpty ? " (none are defined)" : ids.count <= 10 ? " (" + ids.sorted().listedForMessage(limit: 10) + ")" : ""
    }

    /// Turns a Yams error into a located error.
    private func syntaxError(_ error: Error, text: String) -> InputError {
        guard let yamlError = error as? YamlError else {
            return InputError(file: file, message: "invalid YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return InputError(file: file, line: mark.line, column: mark.column, message: "invalid YAML: \(problem)\(where_)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return InputError(file: file, line: context.mark.line, column: context.mark.column,
                              message: "invalid YAML: duplicate key \(duplicates.map(\.quotedForMessage).joined(separator: ", ")) in one mapping")
        case let .reader(problem, offset, _, _):
            // Yams gives a character offset; count the line breaks before it (the text has LF line ends).
            let line = offset.map { 1 + text.prefix($0).reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
            let column = offset.map { 1 + text.prefix($0).reversed().prefix { $0 != "\n" }.count }
            return InputError(file: file, line: line, column: column, message: "invalid YAML: \(problem)")
        default:
            return InputError(file: file, message: "invalid YAML: \(yamlError)")
        }
    }
}

extension Node {
    /// True for an absent value (`key:` with nothing, `~` or `null`), which optional keys treat as "use the default".
    var isScenarioNull: Bool {
        // Yams recognises only plain `~`, `null` or nothing, so `''` stays an (empty) string.
        guard case .scalar(let scalar) = self else { return false }
        return NSNull.construct(from: scalar) != nil
    }
}
