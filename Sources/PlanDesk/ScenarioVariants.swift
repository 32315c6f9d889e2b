import Foundation
import Scenario

/// What a planner changes in a named variant (the overview's variant form): the mode with its M,
/// the county cadres' reach and the tier order. Everything else is the scenario's own.
struct VariantRequest: Sendable {
    /// The variant's folder name, which becomes its scenario id.
    var name: String
    /// The assignment mode, M included.
    var mode: AssignmentMode
    /// `rules.county_reach_km`.
    var reachKm: Int
    /// `tiers`; nil keeps the scenario's order.
    var tiers: [Tier]?

    /// The longest variant name accepted.
    static let maxName = 64

    /// Reads the form; 400 for an unsafe name, an unknown mode or tier, or M or reach out of range.
    init(form: [String: String]) throws {
        name = try DeskForm.field(form, "name", max: Self.maxName)
        guard Self.isSafeFolderName(name) else {
            throw DeskError.badRequest("变体名称只能含字母、数字、汉字、- 和 _，且不以 . 或 - 开头 / a variant name holds only letters, digits, - and _, and does not start with . or -: \(name)")
        }
        mode = try Self.mode(form)
        let reach = try DeskForm.field(form, "reach", max: 10)
        guard let km = Int(reach), (0...20_038).contains(km) else {
            throw DeskError.badRequest("就近支援距离须为 0 到 20038 之间的整数（公里）/ the reach must be a whole number of km from 0 to 20038: \(reach)")
        }
        reachKm = km
        let order = form["tiers"] ?? ""
        guard order.count <= 100 else { throw DeskError.badRequest("字段太长 / form field tiers over 100 characters") }
        tiers = try Self.tiers(order)
    }

    /// Whether `name` can be a folder beside the scenario: letters, digits, `-` and `_` only,
    /// not starting with `.` or `-` (so never `..`, a hidden folder, a path or an option).
    static func isSafeFolderName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "-", first != "." else { return false }
        return name.unicodeScalars.allSatisfy { u in
            u.properties.isAlphabetic || ("0"..."9").contains(u) || u == "-" || u == "_"
        }
    }

    /// `mode` (one-to-one, one-to-many, one-to-one-first) with `m` (1 to 1000) for the latter two.
    private static func mode(_ form: [String: String]) throws -> AssignmentMode {
        let kind = try DeskForm.field(form, "mode", max: 40)
        if kind == "one-to-one" { return .oneToOne }
        guard kind == "one-to-many" || kind == "one-to-one-first" else {
            throw DeskError.badRequest("未知派驻方式 / unknown mode (one-to-one, one-to-many, one-to-one-first): \(kind)")
        }
        let m = try DeskForm.field(form, "m", max: 10)
        guard Int(m) != nil, let mode = AssignmentMode(text: "\(kind):\(m)") else {
            throw DeskError.badRequest("M 须为 1 到 1000 之间的整数 / M must be a whole number from 1 to 1000: \(m)")
        }
        return mode
    }

    /// The tier order typed as `coverage, timeliness, quality` (English keys or Chinese names,
    /// separated by commas or spaces); nil when empty. Whether the order is allowed is left to `check`.
    private static func tiers(_ text: String) throws -> [Tier]? {
        let words = text.split { $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }.map(String.init)
        guard !words.isEmpty else { return nil }
        guard words.count <= Tier.allCases.count * 2 else { throw DeskError.badRequest("层级太多 / too many tiers: \(words.count)") }
        return try words.map { word in
            guard let tier = Tier(scenarioText: word) else {
                throw DeskError.badRequest("未知层级 / unknown tier (coverage, principle, timeliness, stability, quality): \(String(word.prefix(40)))")
            }
            return tier
        }
    }
}

/// Named variants written from the desk: a new scenario folder beside the scenario, holding a
/// complete scenario.yaml with `base:` (docs/DATA.md), written whole or not at all.
enum ScenarioVariants {
    /// Creates the variant `request` of scenario `id` (folder `folder`) and returns its folder.
    /// 409 when the name is taken (a scenario, a folder or a plan of that name); 400 when the
    /// variant would not pass `cadreplan check`. Nothing is left behind on any error.
    static func create(_ request: VariantRequest, of folder: String, root: DeskRoot) throws -> String {
        ScenarioEdits.lock.lock(); defer { ScenarioEdits.lock.unlock() }
        let parent = (folder as NSString).deletingLastPathComponent
        let destination = parent + "/" + request.name
        guard root.scenarioFolder(request.name) == nil, !FileManager.default.fileExists(atPath: destination),
              !FileManager.default.fileExists(atPath: root.planFolder(request.name)) else {
            throw DeskError.conflict("已有同名的场景、文件夹或方案 / a scenario, folder or plan of that name exists: \(request.name)")
        }
        guard root.isInside(parent) else { throw DeskError.forbidden("场景不在 ROOT 内 / the scenario is outside ROOT") }
        var s = try ScenarioEdits.load(folder)
        s.name = request.name
        s.mode = request.mode
        s.rules.countyReachKm = request.reachKm
        if let tiers = request.tiers { s.tierOrder = tiers }
        let staging = parent + "/.\(request.name).tmp-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try fill(staging, scenario: s, source: folder)
        let errors = ScenarioLoader.validate(folder: staging)
        guard errors.isEmpty else {
            throw DeskError.badRequest("变体不能通过检查，未写入 / the variant would not pass check; nothing was written: \(errors[0].description.replacingOccurrences(of: staging, with: destination))")
        }
        do { try FileManager.default.moveItem(atPath: staging, toPath: destination) } catch {
            throw DeskError.conflict("无法创建变体文件夹 / the variant's folder could not be created: \(request.name)")
        }
        return destination
    }

    /// Writes the variant into `staging`. A scenario that is itself a variant passes on its own
    /// `base` (the two folders are siblings, so it names the same folder) and its own CSV files
    /// (its pins and pairs); any other scenario becomes the base: `base: ../<folder>`.
    private static func fill(_ staging: String, scenario s: Scenario, source: String) throws {
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
        let inherited = ScenarioLoader.baseReference(of: source)
        let base = inherited ?? "../" + (source as NSString).lastPathComponent
        try AtomicFile.write(ScenarioWriter.variantYAML(s, base: base), to: staging + "/scenario.yaml")
        guard inherited != nil else { return }
        for file in (try? FileManager.default.contentsOfDirectory(atPath: source)) ?? [] where file.hasSuffix(".csv") && !file.hasPrefix(".") {
            try FileManager.default.copyItem(atPath: source + "/" + file, toPath: staging + "/" + file)
        }
    }
}
