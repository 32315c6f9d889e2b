import Foundation
import Scenario

/// One row of a plan's assignments.csv: the assignment it names and every cell, with its line.
public struct AssignmentRow: Sendable, Hashable {
    /// 1-based line of the row in assignments.csv.
    public var line: Int
    /// The wave, cadre and target the row names.
    public var assignment: PlannedAssignment
    /// The row's cells by column (trimmed), for the columns the file has.
    public var cells: [PlanColumn: String]
    /// 1-based field position of each column in the file, for locating a wrong cell.
    public var positions: [PlanColumn: Int]

    /// Creates a row.
    public init(line: Int, assignment: PlannedAssignment, cells: [PlanColumn: String], positions: [PlanColumn: Int]) {
        self.line = line; self.assignment = assignment; self.cells = cells; self.positions = positions
    }
}

/// Reads a plan's assignments.csv.
///
/// The writer uses Chinese headers by default and English ones with `--lang en`; docs/DATA.md
/// says readers accept either, so each column is matched by its English key or its Chinese name
/// (case-insensitive, surrounding spaces ignored), in any order.
enum AssignmentsTable {
    /// The rows of the CSV file at `path`, in file order.
    ///
    /// - Parameter required: the columns that must be in the header. The verifier requires all
    ///   of them (every cell is checked against the scenario); `explain` only the three keys.
    ///   Columns besides the known ones are ignored.
    ///
    /// Every problem is collected before throwing: a missing or repeated column, and each empty
    /// key cell with its line and column. Whether the ids exist is not checked here: unknown ids
    /// are the verifier's violations, not reading errors.
    static func read(path: String, required: [PlanColumn] = PlanColumn.keys) throws(InputErrors) -> [AssignmentRow] {
        let file = try CSVFile.read(path: path)
        var errors: [InputError] = []

        // Position (0-based) of each known column, after reporting missing and repeated ones.
        var positions: [PlanColumn: Int] = [:]
        for column in PlanColumn.allCases {
            let hits = file.header.indices.filter { column.matches(file.header[$0]) }
            if hits.count > 1 {
                errors.append(InputError(file: path, line: file.headerLine, column: hits[1] + 1, columnName: file.header[hits[1]],
                    message: "column \(column.label) appears \(hits.count) times (columns \(hits.map { String($0 + 1) }.joined(separator: ", ")))"))
            } else if let only = hits.first {
                positions[column] = only
            } else if required.contains(column) {
                // Located at the end of the header line, where the column would be added.
                errors.append(InputError(file: path, line: file.headerLine, column: file.header.count + 1,
                    message: "missing column \(column.label); the header is: \(file.header.listedForMessage())"))
            }
        }
        guard errors.isEmpty, let wave = positions[.wave], let cadre = positions[.cadreID], let target = positions[.targetID] else {
            throw InputErrors(errors)
        }

        var rows: [AssignmentRow] = []
        rows.reserveCapacity(file.records.count)
        for record in file.records {
            func text(_ position: Int) -> String {
                position < record.fields.count ? record.fields[position].trimmedOfSpaces : ""
            }
            func key(_ position: Int) -> String? {
                let value = text(position)
                if value.isEmpty {
                    errors.append(InputError(file: path, line: record.line, column: position + 1,
                        columnName: file.header[position], message: "empty; a wave, cadre and target id are required on every row"))
                    return nil
                }
                return value
            }
            let w = key(wave), c = key(cadre), t = key(target)
            guard let w, let c, let t else { continue }
            var cells: [PlanColumn: String] = [:]
            for (column, position) in positions { cells[column] = text(position) }
            rows.append(AssignmentRow(line: record.line, assignment: PlannedAssignment(cadre: c, target: t, wave: w),
                                      cells: cells, positions: positions.mapValues { $0 + 1 }))
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return rows
    }
}
