/// Checks pins.csv rows for what the data alone decides, whatever the mode and the rules:
/// a pair pinned twice, a cadre pinned in two waves, a target pinned beyond its demand.
///
/// A pin is an assignment already dispatched: the plan must contain it as given. Whether the
/// rules allow the pinned pair, whether the cadre may carry all its pins and whether the pins
/// fit the wave quotas depends on the mode and rules actually planned with (a `--mode` given on
/// the command line among them), so the rule book in CadrePlan checks that (`PinCheck`), and
/// `check` and `solve` both run it. Each problem is reported at the pin's line.
struct PinChecker {
    private let targets: [Target]
    private let targetIndex: [String: Int]

    /// The first wave each cadre is pinned in, with its line.
    private var waveOfCadre: [String: (wave: String, line: Int)] = [:]
    /// The line of each pinned pair.
    private var pinLines: [CadreTargetKey: Int] = [:]
    /// How many pins each target has so far.
    private var pinsOfTarget: [String: Int] = [:]

    /// Takes the targets already read.
    init(assembly a: ScenarioAssembly) {
        targets = a.targets; targetIndex = a.targetIndex
    }

    /// Checks one pin whose ids were read, reporting problems on `table`'s current row.
    mutating func check(_ pin: Pin, in table: ScenarioTable) {
        let key = CadreTargetKey(cadre: pin.cadre, target: pin.target)
        if let first = pinLines[key] {
            table.fail("target", "cadre \(pin.cadre.quotedForMessage) is already pinned to target \(pin.target.quotedForMessage) at line \(first); a pair may be pinned at most once")
            return
        }
        pinLines[key] = table.line

        if let first = waveOfCadre[pin.cadre] {
            if first.wave != pin.wave {
                table.fail("wave", "cadre \(pin.cadre.quotedForMessage) is pinned in wave \(pin.wave.quotedForMessage) here but in wave \(first.wave.quotedForMessage) at line \(first.line); a cadre is dispatched in one wave only")
            }
        } else {
            waveOfCadre[pin.cadre] = (pin.wave, table.line)
        }

        guard let t = targetIndex[pin.target] else { return }
        let count = (pinsOfTarget[pin.target] ?? 0) + 1
        pinsOfTarget[pin.target] = count
        if count > targets[t].demand {
            table.fail("target", "target \(pin.target.quotedForMessage) has \(count) pins but its demand is \(targets[t].demand); a target gets no more pins than its demand")
        }
    }
}
