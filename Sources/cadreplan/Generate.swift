import ArgumentParser
import CadrePlan
import Foundation
import Scenario

extension CadrePlanCommand {
    /// `cadreplan generate`: writes a synthetic scenario reproducing the published campaign counts.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic scenario (the Hainan 2022 campaign at any scale).")

        @Option(help: "Preset to generate. Only hainan-2022 exists.")
        var preset: String = "hainan-2022"

        @Option(help: "Random seed; the same seed gives the same bytes.")
        var seed: UInt64 = 1

        @Option(help: "Multiply every count by this factor (0 < scale ≤ 100); 1 reproduces the published counts.")
        var scale: Double = 1

        @Option(help: "Folder to write the scenario to.")
        var out: String

        func validate() throws {
            guard preset == "hainan-2022" else { throw ValidationError("unknown preset '\(preset)'; expected hainan-2022") }
            guard scale.isFinite, scale > 0, scale <= 100 else { throw ValidationError("--scale must be in (0, 100], got \(scale)") }
        }

        func run() throws {
            let (scenario, readme) = HainanPreset.generate(seed: seed, scale: scale)
            try ScenarioWriter.write(scenario, to: out, readme: readme)
            print("wrote \(out): \(scenario.cadres.count) cadres, \(scenario.targets.count) targets, \(scenario.regions.count) regions, \(scenario.waves.count) waves")
        }
    }
}
