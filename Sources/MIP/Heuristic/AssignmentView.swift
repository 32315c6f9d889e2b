/// A generalised assignment problem read from an ``IntegerProgram``'s coefficients: *jobs*
/// (choice rows `Σ x ≤ 1` over binary variables) and *agents* (the rows a job's variable
/// touches besides its job row: capacity, count and link rows).
///
/// Two variables of different jobs belong to the same agent when they appear in the same rows
/// apart from their job rows (their *signature*): in cadreplan's GAP and one-to-many models,
/// `z(i,j)` and `z(i,k)` share agent i's load, count and switch rows and the row keeping every
/// job covered. This is what lets ``ShiftSwapSearch`` swap two jobs between two agents without
/// knowing what the rows mean. Variables outside every job (the agents' switches) are not moved
/// by that search.
struct AssignmentView {
    /// The variables of each job, in column order.
    let jobs: [[Int]]
    /// The job of each variable, or −1.
    let jobOf: [Int]
    /// The agent of each job variable, or −1.
    let agentOf: [Int]
    /// Agents in all.
    let agentCount: Int
    /// `option[job · agentCount + agent]`: the job's variable at that agent, or −1.
    let option: [Int]
    /// The rows of each agent's signature that not every agent shares (its own rows).
    let agentRows: [[Int]]

    /// The largest job × agent table built (beyond it the view does not apply).
    static let tableLimit = 4_000_000

    /// The view of `program`, or `nil` without at least one job and two agents.
    init?(_ program: IntegerProgram, roles: RowRoles) {
        let n = program.variableCount
        var jobs = [[Int]](), jobRows = [Int](), jobOf = [Int](repeating: -1, count: n)
        for r in roles.choiceRows where program.rowUpper[r] == 1 {
            let members = roles.choiceMembers[r].filter { program.lower[$0] == 0 && program.upper[$0] == 1 }
            guard members.count >= 2 else { continue }
            for j in members { jobOf[j] = jobs.count }
            jobs.append(members)
            jobRows.append(r)
        }
        guard !jobs.isEmpty else { return nil }
        var agentOf = [Int](repeating: -1, count: n), signatures = [[Int]: Int]()
        var agentRowSets = [[Int]]()
        for (u, members) in jobs.enumerated() {
            for j in members {
                let rows = (program.columnStart[j]..<program.columnStart[j + 1]).map { program.columnRow[$0] }
                    .filter { $0 != jobRows[u] }
                if let agent = signatures[rows] { agentOf[j] = agent; continue }
                agentOf[j] = agentRowSets.count
                signatures[rows] = agentRowSets.count
                agentRowSets.append(rows)
            }
        }
        let agents = agentRowSets.count
        guard agents >= 2, jobs.count * agents <= Self.tableLimit else { return nil }
        var option = [Int](repeating: -1, count: jobs.count * agents)
        for (u, members) in jobs.enumerated() {
            for j in members where option[u * agents + agentOf[j]] < 0 { option[u * agents + agentOf[j]] = j }
        }
        // Rows in every signature (the row keeping all jobs covered) say nothing about an agent.
        let shared = agentRowSets.dropFirst().reduce(Set(agentRowSets[0])) { $0.intersection($1) }
        self.jobs = jobs; self.jobOf = jobOf; self.agentOf = agentOf
        agentCount = agents
        self.option = option
        agentRows = agentRowSets.map { $0.filter { !shared.contains($0) } }
    }
}
