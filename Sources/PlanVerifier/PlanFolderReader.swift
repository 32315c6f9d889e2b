import Scenario

/// Everything in a plan folder that the verifier checks.
public struct PlanFolderContents: Sendable {
    /// The rows of assignments.csv, every cell included.
    public var rows: [AssignmentRow]
    /// The tiers summary.json claims, in file order.
    public var claims: [ClaimedTier]
    /// The rows of changes.csv, or `nil` when the folder has none (the plan is not a re-plan).
    public var changes: [ChangeRow]?
    /// The mode summary.json says the plan was made under, if it says.
    public var mode: String?
    /// The campaign indicators summary.json claims, or `nil` when it claims none.
    public var indicators: [IndicatorCount]?

    /// Creates the contents of a plan folder.
    public init(rows: [AssignmentRow], claims: [ClaimedTier], changes: [ChangeRow]?,
                mode: String? = nil, indicators: [IndicatorCount]? = nil) {
        self.rows = rows; self.claims = claims; self.changes = changes
        self.mode = mode; self.indicators = indicators
    }

    /// The assignments, in file order.
    public var assignments: [PlannedAssignment] { rows.map(\.assignment) }
}

/// Reads a plan folder written by `cadreplan solve`: assignments.csv, summary.json and, for a
/// re-plan, changes.csv.
public enum PlanFolderReader {
    /// The whole plan folder, for the verifier: assignments.csv with all its columns, summary.json
    /// (required), and changes.csv when present.
    ///
    /// Ids are deliberately not checked against the scenario here: an unknown id is a violation
    /// that ``PlanVerifier/verify(scenario:plan:)`` reports with the rule it breaks.
    /// - Throws: every problem in the files together, each with its file and, where there is one,
    ///   line and column.
    public static func readPlan(folder: String) throws(InputErrors) -> PlanFolderContents {
        var errors: [InputError] = []
        var rows: [AssignmentRow] = []
        var claims: [ClaimedTier] = []
        var changes: [ChangeRow]?
        do throws(InputErrors) {
            rows = try AssignmentsTable.read(path: path(folder, "assignments.csv"), required: PlanColumn.allCases)
        } catch { errors += error.errors }
        do throws(InputErrors) {
            claims = try SummaryClaims.tiers(path: path(folder, "summary.json"))
        } catch { errors += error.errors }
        let changesPath = path(folder, "changes.csv")
        if PosixPath.exists(changesPath) {
            do throws(InputErrors) { changes = try ChangesTable.read(path: changesPath) } catch { errors += error.errors }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        let summary = IndicatorClaims.read(path: path(folder, "summary.json"))
        return PlanFolderContents(rows: rows, claims: claims, changes: changes, mode: summary.mode, indicators: summary.indicators)
    }

    /// The plan's assignments and the tier values it claims, read leniently (for `explain`,
    /// which needs only the assignments): assignments.csv needs only its wave, cadre and target
    /// columns, and summary.json may be missing (no claims).
    ///
    /// - Parameters:
    ///   - folder: the plan folder.
    ///   - scenario: the scenario the plan was made for (ids are not checked against it here).
    /// - Throws: every problem in both files together, each with its file and, for the CSV, line and column.
    public static func read(folder: String, scenario: Scenario) throws(InputErrors)
        -> (assignments: [PlannedAssignment], claimed: [String: Int])
    {
        var errors: [InputError] = []
        var assignments: [PlannedAssignment] = []
        var claimed: [String: Int] = [:]
        do throws(InputErrors) {
            assignments = try AssignmentsTable.read(path: path(folder, "assignments.csv")).map(\.assignment)
        } catch { errors += error.errors }
        do throws(InputErrors) {
            claimed = try SummaryClaims.read(path: path(folder, "summary.json"))
        } catch { errors += error.errors }
        if !errors.isEmpty { throw InputErrors(errors) }
        return (assignments, claimed)
    }

    /// `folder/name`, keeping the folder as the user typed it so error messages show a familiar path.
    private static func path(_ folder: String, _ name: String) -> String {
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
