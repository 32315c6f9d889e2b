import ArgumentParser

extension CadrePlanCommand {
    /// Placeholder until the subcommand lands.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "(not yet available)", shouldDisplay: false)
        func run() throws { throw ValidationError("not yet available") }
    }
}
