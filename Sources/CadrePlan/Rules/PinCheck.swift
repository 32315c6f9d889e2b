import Scenario

/// Checks pins against the rule book under the mode, limits and rules actually planned with, so
/// that `check` finds before solving what `solve` would refuse: a pinned pair a rule forbids, a
/// pin in a wave the pair may not use, a cadre pinned beyond its targets or its capacity, and
/// pins alone exceeding a wave quota.
///
/// The loader checks what the data decides whatever the mode (a pair pinned twice, a cadre in two
/// waves, a target beyond its demand); this checks the rest. Each problem names the pin's file and
/// line (and column where one applies).
public enum PinCheck {
    /// Every problem with the pins of `scenario` planned under `mode` (default: the scenario's own).
    public static func problems(_ scenario: Scenario, mode: AssignmentMode? = nil) -> [InputError] {
        problems(PreparedScenario(scenario, mode: mode))
    }

    /// Every problem with the pins of the prepared scenario.
    static func problems(_ p: PreparedScenario) -> [InputError] {
        var errors: [InputError] = []
        var pinsOfCadre: [Int: [Pin]] = [:], cadreOrder: [Int] = []
        var dispatched: [Int: (wave: Int, pin: Pin)] = [:], dispatchOrder: [Int] = []
        for pin in Set(p.scenario.pins).sorted(by: Self.fileOrder) {
            guard let c = p.cadreIndex[pin.cadre], let t = p.targetIndex[pin.target], let w = p.waveIndex[pin.wave] else { continue }
            if let why = p.exclusion(cadre: c, target: t) {
                errors.append(error(pin, column: "target", "cadre \(pin.cadre) may not serve target \(pin.target): \(why.explanation)"))
            } else if !p.waves(cadre: c, target: t).contains(w) {
                errors.append(error(pin, column: "wave", "cadre \(pin.cadre) may not serve target \(pin.target) in wave \(pin.wave): \(Exclusion.wave.explanation)"))
            }
            if pinsOfCadre[c] == nil { cadreOrder.append(c) }
            pinsOfCadre[c, default: []].append(pin)
            if dispatched[c] == nil { dispatched[c] = (w, pin); dispatchOrder.append(c) }
        }
        for c in cadreOrder {
            let pins = pinsOfCadre[c]!, last = pins[pins.count - 1]
            let limit = p.countLimit(ofCadre: c)
            if pins.count > limit {
                errors.append(error(last, column: "cadre", "cadre \(last.cadre) is pinned to \(pins.count) targets but may serve at most \(limit) (\(limitSource(p, cadre: c)))"))
                continue
            }
            let load = pins.reduce(0) { $0 + (p.targetIndex[$1.target].map { t in p.workload(cadre: c, target: t) } ?? 0) }
            if pins.count > 1 && load > p.capacity(ofCadre: c) {
                errors.append(error(last, column: "cadre", "cadre \(last.cadre)'s pins add up to workload \(load), above the cadre's capacity \(p.capacity(ofCadre: c))"))
            }
        }
        // Pinned cadres alone must fit every wave quota that counts them.
        let limits = p.quotaLimits
        var used: [QuotaKey: Int] = [:]
        for c in dispatchOrder {
            let (w, pin) = dispatched[c]!
            for key in p.quotaKeys(cadre: c, wave: w) {
                used[key, default: 0] += 1
                if let limit = limits[key], used[key]! == limit + 1 {
                    errors.append(error(pin, column: "wave", "the pins dispatch more than \(limit) cadres counted by the \(quotaName(key)) quota of wave \(key.wave) (this pin is number \(limit + 1)); no plan can keep them all"))
                }
            }
        }
        return errors
    }

    /// Pins in the order they were read: file, then line; pins made in memory last, by id.
    private static func fileOrder(_ a: Pin, _ b: Pin) -> Bool {
        let la = a.source.map { ($0.file, $0.line) } ?? ("\u{10FFFF}", 0), lb = b.source.map { ($0.file, $0.line) } ?? ("\u{10FFFF}", 0)
        return la != lb ? la < lb : (a.cadre, a.target, a.wave) < (b.cadre, b.target, b.wave)
    }

    private static func error(_ pin: Pin, column: String, _ message: String) -> InputError {
        guard let source = pin.source else { return InputError(file: "pins", message: message) }
        return InputError(file: source.file, line: source.line, column: source.columns[column], columnName: column, sheet: source.sheet, message: message)
    }

    /// Where a cadre's targets-per-cadre limit comes from, for messages.
    private static func limitSource(_ p: PreparedScenario, cadre c: Int) -> String {
        let cadre = p.scenario.cadres[c], limits = p.scenario.targetLimits
        var from: [String] = []
        if let g = cadre.group, limits.groups[g] != nil { from.append("max_targets.groups.\(g)") }
        if limits.regions[cadre.region] != nil { from.append("max_targets.regions.\(cadre.region)") }
        return from.isEmpty ? "mode \(p.scenario.mode)" : from.joined(separator: " and ")
    }

    private static func quotaName(_ key: QuotaKey) -> String {
        switch key.kind {
        case .level: "\(key.key)-level"
        case .region: "region \(key.key)"
        case .group: "group \(key.key)"
        }
    }
}
