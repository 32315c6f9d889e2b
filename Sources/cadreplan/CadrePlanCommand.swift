import ArgumentParser

/// The `cadreplan` command: plans deployments of cadres into enterprises with GLPK.
@main
struct CadrePlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cadreplan",
        abstract: "Plan deployments of cadres into enterprises, projects and parks as exact integer programs.",
        discussion: "A scenario is a folder (scenario.yaml, regions.csv, cadres.csv, targets.csv, optional pairs.csv and pins.csv; see docs/DATA.md). `solve` writes a plan folder whose every assignment has been checked by an independent verifier.",
        version: "0.1.0",
        subcommands: [Generate.self, Check.self, Solve.self, Merge.self, Verify.self, Explain.self, Compare.self, Import.self]
    )
}
