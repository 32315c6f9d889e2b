import Scenario

/// The language of table headers and reports.
public enum Language: String, Sendable, CaseIterable {
    /// Chinese headers (the default: the campaign's planners read Chinese).
    case zh
    /// English headers.
    case en
}

/// Column keys of the assignment tables (docs/DATA.md); their headers are in the phrasebook.
enum AssignmentColumn: String, CaseIterable, Sendable {
    case wave, date, group_id, group_name, cadre_id, cadre_name, rank, unit, target_id, target_name, category, level
    case region_id, region_name, distance_km

    func header(_ lang: Language) -> String { lang.text(Header.assignment(self)) }
}

/// Table formats `solve` can write.
public enum TableFormat: String, Sendable, CaseIterable {
    /// CSV, UTF-8 with a byte-order mark so Excel and WPS read Chinese correctly.
    case csv
    /// Markdown tables.
    case md
    /// JSON arrays of objects with English keys.
    case json
    /// Workbooks: plan.xlsx, and one per service group and per region (written by the
    /// ``Spreadsheet/SpreadsheetWriter`` the plan writer is given).
    case xlsx
}

extension Tier {
    /// The tier's name for people (report, compare, explain), from the phrasebook.
    public func label(_ language: Language) -> String { language.text(Word.tier(self)) }
}
