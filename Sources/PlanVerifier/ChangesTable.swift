import Foundation
import Scenario

/// One row of a re-plan's changes.csv: an earlier assignment not kept, or a new one.
public struct ChangeRow: Sendable, Hashable {
    /// What changed.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// An earlier assignment whose cadre now serves nobody.
        case removed
        /// An earlier assignment whose cadre now serves elsewhere or in another wave.
        case moved
        /// An assignment that was not in the earlier plan.
        case added

        /// The kind written in either language: `removed`/`取消`, `moved`/`调整`, `added`/`新增`
        /// (a Chinese plan writes the Chinese words; the verifier keeps its own copy of them).
        public init?(text: String) {
            switch text {
            case "removed", "取消": self = .removed
            case "moved", "调整": self = .moved
            case "added", "新增": self = .added
            default: return nil
            }
        }
    }
    /// 1-based line in changes.csv.
    public var line: Int
    public var kind: Kind
    /// The earlier (removed, moved) or new (added) assignment.
    public var assignment: PlannedAssignment
    /// For `moved`: where the cadre is now, as `target@wave` joined by `;`.
    public var now: String

    /// Creates a row.
    public init(line: Int, kind: Kind, assignment: PlannedAssignment, now: String) {
        self.line = line; self.kind = kind; self.assignment = assignment; self.now = now
    }
}

/// Reads changes.csv, which `solve --previous` writes beside a re-plan (docs/DATA.md): columns
/// change, cadre_id, target_id, wave, now, reason (变动, 干部编号, 服务对象编号, 批次, 现安排, 原因).
enum ChangesTable {
    private struct Column {
        let english: String
        let chinese: String
        func matches(_ header: String) -> Bool {
            let name = header.trimmingCharacters(in: .whitespaces).lowercased()
            return name == english || name == chinese
        }
    }
    private static let change = Column(english: "change", chinese: "变动")
    private static let cadre = Column(english: "cadre_id", chinese: "干部编号")
    private static let target = Column(english: "target_id", chinese: "服务对象编号")
    private static let wave = Column(english: "wave", chinese: "批次")
    private static let now = Column(english: "now", chinese: "现安排")

    /// The rows of the changes.csv at `path`, in file order; every problem is collected.
    static func read(path: String) throws(InputErrors) -> [ChangeRow] {
        let file = try CSVFile.read(path: path)
        var errors: [InputError] = []
        var positions: [Int] = []
        for column in [change, cadre, target, wave, now] {
            if let i = file.header.firstIndex(where: column.matches) {
                positions.append(i)
            } else {
                errors.append(InputError(file: path, line: file.headerLine, column: file.header.count + 1,
                    message: "missing column \(column.english) (\(column.chinese)); the header is: \(file.header.listedForMessage())"))
            }
        }
        guard errors.isEmpty else { throw InputErrors(errors) }
        var rows: [ChangeRow] = []
        for record in file.records {
            func text(_ k: Int) -> String {
                positions[k] < record.fields.count ? record.fields[positions[k]].trimmedOfSpaces : ""
            }
            guard let kind = ChangeRow.Kind(text: text(0)) else {
                errors.append(InputError(file: path, line: record.line, column: positions[0] + 1, columnName: file.header[positions[0]],
                    message: "expected removed, moved or added (取消, 调整, 新增), found \(text(0).quotedForMessage)"))
                continue
            }
            var ok = true
            for k in 1...3 where text(k).isEmpty {
                errors.append(InputError(file: path, line: record.line, column: positions[k] + 1, columnName: file.header[positions[k]],
                    message: "empty; a cadre, target and wave id are required on every row"))
                ok = false
            }
            if ok {
                rows.append(ChangeRow(line: record.line, kind: kind,
                                      assignment: PlannedAssignment(cadre: text(1), target: text(2), wave: text(3)), now: text(4)))
            }
        }
        if !errors.isEmpty { throw InputErrors(errors) }
        return rows
    }
}
