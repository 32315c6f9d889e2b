import Foundation
import Scenario

/// Changes to a scenario's own files (pins.csv, pairs.csv), each written atomically and only
/// after the whole folder, with the new file in place, passes `cadreplan check`.
enum ScenarioEdits {
    /// Edits read, change and write a file: one at a time, so two requests never lose each other's change.
    static let lock = NSLock()

    /// Adds the pin (cadre, target, wave) to pins.csv. Throws 400 for unknown ids and 409 when
    /// the pair is forbidden; pinning an existing pin changes nothing.
    static func pin(_ pin: Pin, folder: String) throws {
        lock.lock(); defer { lock.unlock() }
        let s = try load(folder)
        try requireKnown(s, cadre: pin.cadre, target: pin.target, wave: pin.wave)
        if s.pairs.contains(where: { $0.cadre == pin.cadre && $0.target == pin.target && $0.forbidden }) {
            throw DeskError.conflict("\(pin.cadre)–\(pin.target) 已被禁止（回避），不能固定 / is a forbidden pair and cannot be pinned")
        }
        guard !s.pins.contains(pin) else { return }
        try write(pinsText(s.pins + [pin]), name: "pins.csv", folder: folder)
    }

    /// Removes the pin from pins.csv; 404 when it is not there.
    static func unpin(_ pin: Pin, folder: String) throws {
        lock.lock(); defer { lock.unlock() }
        let s = try load(folder)
        guard s.pins.contains(pin) else { throw DeskError.notFound("没有这个固定 / no such pin: \(pin.cadre),\(pin.target),\(pin.wave)") }
        try write(pinsText(s.pins.filter { $0 != pin }), name: "pins.csv", folder: folder)
    }

    /// Forbids the pair (cadre, target) in pairs.csv with `reason` (keeping its other columns
    /// when the pair is already listed). 409 when the pair is pinned.
    static func forbid(cadre: String, target: String, reason: String, folder: String) throws {
        lock.lock(); defer { lock.unlock() }
        let s = try load(folder)
        try requireKnown(s, cadre: cadre, target: target, wave: nil)
        if s.pins.contains(where: { $0.cadre == cadre && $0.target == target }) {
            throw DeskError.conflict("\(cadre)–\(target) 已固定，请先取消固定 / is pinned: unpin it first")
        }
        var pairs = s.pairs
        if let i = pairs.firstIndex(where: { $0.cadre == cadre && $0.target == target }) {
            pairs[i].forbidden = true
            pairs[i].reason = reason
        } else {
            pairs.append(PairRule(cadre: cadre, target: target, forbidden: true, reason: reason))
        }
        try write(pairsText(pairs), name: "pairs.csv", folder: folder)
    }

    static func load(_ folder: String) throws -> Scenario {
        do { return try ScenarioLoader.load(folder: folder) } catch {
            throw DeskError.conflict("场景有错误，请先用 cadreplan check 修正 / the scenario has errors (run cadreplan check): \(error.errors.first?.description ?? "")")
        }
    }

    private static func requireKnown(_ s: Scenario, cadre: String, target: String, wave: String?) throws {
        guard s.cadres.contains(where: { $0.id == cadre }) else { throw DeskError.badRequest("未知干部 / unknown cadre: \(cadre)") }
        guard s.targets.contains(where: { $0.id == target }) else { throw DeskError.badRequest("未知服务对象 / unknown target: \(target)") }
        if let wave, !s.waves.contains(where: { $0.id == wave }) { throw DeskError.badRequest("未知批次 / unknown wave: \(wave)") }
    }

    private static func pinsText(_ pins: [Pin]) -> String {
        CSVText.render(header: ["cadre", "target", "wave"], rows: pins.map { [$0.cadre, $0.target, $0.wave] })
    }

    private static func pairsText(_ pairs: [PairRule]) -> String {
        CSVText.render(header: ["cadre", "target", "forbidden", "cost", "workload", "reason"], rows: pairs.map { p in
            [p.cadre, p.target, p.forbidden ? "true" : "", p.cost.map(String.init) ?? "", p.workload.map(String.init) ?? "", p.reason]
        })
    }

    /// Writes `text` as `folder/name` atomically, after checking a scratch copy of the folder
    /// with the new file in place; on any finding nothing is written (400).
    private static func write(_ text: String, name: String, folder: String) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cadreplan-desk-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        for file in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where file != name && !file.hasPrefix(".") {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDir), !isDir.boolValue {
                try FileManager.default.copyItem(atPath: folder + "/" + file, toPath: scratch + "/" + file)
            }
        }
        try AtomicFile.write(text, to: scratch + "/" + name)
        let errors = ScenarioLoader.validate(folder: scratch)
        guard errors.isEmpty else {
            throw DeskError.badRequest("修改后的场景不能通过检查，未作改动 / the changed scenario would not pass check; nothing was changed: \(errors[0].description.replacingOccurrences(of: scratch, with: folder))")
        }
        try AtomicFile.write(text, to: folder + "/" + name)
    }
}
