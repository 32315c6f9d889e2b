import Scenario

/// Reads a plan folder written by `cadreplan solve`: assignments.csv and, if present, summary.json.
public enum PlanFolderReader {
    /// The plan's assignments and the tier values it claims.
    ///
    /// - Parameters:
    ///   - folder: the plan folder.
    ///   - scenario: the scenario the plan was made for. Ids are deliberately not checked against it
    ///     here: an unknown id is a violation that `PlanVerifier.verify` reports with the rule it breaks.
    /// - Returns: the rows of `folder/assignments.csv` (English or Chinese headers) in file order, and
    ///   the `tiers` of `folder/summary.json` by name (empty when there is no summary.json).
    /// - Throws: every problem in both files together, each with its file and, for the CSV, line and column.
    public static func read(folder: String, scenario: Scenario) throws(InputErrors)
        -> (assignments: [PlannedAssignment], claimed: [String: Int])
    {
        var errors: [InputError] = []
        var assignments: [PlannedAssignment] = []
        var claimed: [String: Int] = [:]
        do throws(InputErrors) {
            assignments = try AssignmentsTable.read(path: path(folder, "assignments.csv"))
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
