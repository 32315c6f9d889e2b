import Scenario

/// Reads a plan's assignments.csv: the wave, cadre and target of each row.
///
/// The writer uses Chinese headers by default and English ones with `--lang en`; docs/DATA.md
/// says readers accept either, so each needed column is matched by its English key or its
/// Chinese name (case-insensitive, surrounding spaces ignored). The other columns the writer
/// produces (date, names, distance, …) are for people and are not needed to verify, so any
/// column besides the three below is ignored.
enum AssignmentsTable {
    /// A column the verifier needs, under both of its names.
    struct Column {
        let english: String
        let chinese: String
        func matches(_ header: String) -> Bool {
            let name = header.trimmingCharacters(in: .whitespaces).lowercased()
            return name == english || name == chinese
        }
        var label: String { "\(english) (\(chinese))" }
    }

    static let wave = Column(english: "wave", chinese: "批次")
    static let cadre = Column(english: "cadre_id", chinese: "干部编号")
    static let target = Column(english: "target_id", chinese: "服务对象编号")

    /// The assignments of the CSV file at `path`, in file order.
    ///
    /// Every problem is collected before throwing: a missing or repeated column, and each empty
    /// cell with its line and column. Whether the ids exist is not checked here: unknown ids
    /// are the verifier's violations, not reading errors.
    static func read(path: String) throws(InputErrors) -> [PlannedAssignment] {
        let file = try CSVFile.read(path: path)
        var errors: [InputError] = []

        // Position (0-based) of each needed column, or nil after reporting it missing/repeated.
        func position(of column: Column) -> Int? {
            let hits = file.header.indices.filter { column.matches(file.header[$0]) }
            if hits.isEmpty {
                errors.append(InputError(file: path, line: file.headerLine,
                    message: "missing column \(column.label); the header is: \(file.header.joined(separator: ", "))"))
                return nil
            }
            if hits.count > 1 {
                errors.append(InputError(file: path, line: file.headerLine, column: hits[1] + 1, columnName: file.header[hits[1]],
                    message: "column \(column.label) appears \(hits.count) times (columns \(hits.map { String($0 + 1) }.joined(separator: ", ")))"))
                return nil
            }
            return hits[0]
        }
        let wavePosition = position(of: wave), cadrePosition = position(of: cadre), targetPosition = position(of: target)
        guard let wavePosition, let cadrePosition, let targetPosition else { throw InputErrors(errors) }

        var assignments: [PlannedAssignment] = []
        assignments.reserveCapacity(file.records.count)
        for record in file.records {
            func cell(_ position: Int) -> String? {
                let text = position < record.fields.count
                    ? record.fields[position].trimmingCharacters(in: .whitespaces) : ""
                if text.isEmpty {
                    errors.append(InputError(file: path, line: record.line, column: position + 1,
                        columnName: file.header[position], message: "empty; a wave, cadre and target id are required on every row"))
                    return nil
                }
                return text
            }
            let w = cell(wavePosition), c = cell(cadrePosition), t = cell(targetPosition)
            if let w, let c, let t { assignments.append(PlannedAssignment(cadre: c, target: t, wave: w)) }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return assignments
    }
}
