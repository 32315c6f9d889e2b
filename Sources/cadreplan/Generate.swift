import ArgumentParser
import CadrePlan
import Foundation
import Scenario

extension CadrePlanCommand {
    /// `cadreplan generate`: writes a synthetic scenario reproducing the published campaign counts.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic scenario (the Hainan 2022 campaign at any scale, or 31 provinces of its shape).")

        /// The presets `generate` knows.
        enum Preset: String, ExpressibleByArgument, CaseIterable {
            case hainan2022 = "hainan-2022"
            case national2022 = "national-2022"

            /// The largest `--scale` the preset accepts.
            var maximumScale: Double { self == .hainan2022 ? 100 : NationalPreset.maximumScale }
        }

        @Option(help: "Preset to generate: hainan-2022 (the campaign) or national-2022 (31 provinces of its shape, docs/SCALING.md).")
        var preset: Preset = .hainan2022

        @Option(help: "Random seed; the same seed gives the same bytes.")
        var seed: UInt64 = 1

        @Option(help: "Multiply every count by this factor (0 < scale ≤ 100; ≤ 10 for national-2022); 1 reproduces the published counts.")
        var scale: Double = 1

        @Option(help: ArgumentHelp("national-2022 only: the provinces to include, as ISO 3166-2:CN codes (e.g. hi,nx,qh); default all 31.", valueName: "codes"))
        var provinces: String?

        @Option(help: "Folder to write the scenario to.")
        var out: String

        func validate() throws {
            guard scale.isFinite, scale > 0, scale <= preset.maximumScale else {
                throw ValidationError("--scale must be in (0, \(Int(preset.maximumScale))] for \(preset.rawValue), got \(scale)")
            }
            if let codes = provinceList {
                guard preset == .national2022 else { throw ValidationError("--provinces is for --preset national-2022") }
                let unknown = NationalPreset.unknownProvinces(codes)
                guard unknown.isEmpty, !codes.isEmpty else {
                    throw ValidationError("--provinces: unknown \(unknown.joined(separator: ", ")); expected codes among \(NationalPreset.provinceCodes.joined(separator: ","))")
                }
            }
        }

        /// `--provinces` split at commas.
        var provinceList: [String]? {
            provinces.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() } }
        }

        func run() throws {
            let (scenario, readme) = switch preset {
            case .hainan2022: HainanPreset.generate(seed: seed, scale: scale)
            case .national2022: NationalPreset.generate(seed: seed, scale: scale, provinces: provinceList)
            }
            try ScenarioWriter.write(scenario, to: out, readme: readme)
            print("wrote \(out): \(scenario.cadres.count) cadres, \(scenario.targets.count) targets, \(scenario.regions.count) regions, \(scenario.waves.count) waves")
        }
    }
}
