import Foundation
import ZIPFoundation
@testable import XLSXReader

/// Workbooks made in memory for tests: a minimal package around the parts a test gives.
enum TestWorkbooks {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// A zip holding `parts` (path → content), deflated unless `stored`.
    static func zip(_ parts: [(String, Data)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, content) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(content.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                content.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data!
    }

    /// The package and workbook parts around `sheets` (name → sheet XML body inside <sheetData>),
    /// with `extra` parts (shared strings, styles) and workbook properties.
    static func workbook(sheets: [(String, String)], sharedStrings: [String]? = nil, styles: String? = nil,
                         workbookPr: String = "", prefix: String = "") -> [(String, Data)] {
        let p = prefix.isEmpty ? "" : prefix + ":"
        let ns = prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)"
        var parts: [(String, Data)] = []
        parts.append(("_rels/.rels", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """.utf8)))
        var sheetElements = "", rels = ""
        for (i, sheet) in sheets.enumerated() {
            sheetElements += "<\(p)sheet name=\"\(sheet.0)\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            parts.append(("xl/worksheets/sheet\(i + 1).xml", Data("""
                <?xml version="1.0" encoding="UTF-8"?>
                <\(p)worksheet \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><\(p)sheetData>\(sheet.1)</\(p)sheetData></\(p)worksheet>
                """.utf8)))
        }
        if let sharedStrings {
            rels += "<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\($0)</t></si>" }.joined()
            parts.append(("xl/sharedStrings.xml", Data("<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(items)</sst>".utf8)))
        }
        if let styles {
            rels += "<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>"
            parts.append(("xl/styles.xml", Data("<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(styles)</styleSheet>".utf8)))
        }
        parts.append(("xl/workbook.xml", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <\(p)workbook \(ns)="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(workbookPr)<\(p)sheets>\(sheetElements)</\(p)sheets></\(p)workbook>
            """.utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels)</Relationships>
            """.utf8)))
        return parts
    }

    /// Writes `data` to a temporary .xlsx file named `name` and returns its path.
    static func file(_ data: Data, name: String = "test.xlsx") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// The sheet's cells as `[reference: text]` (errors as `#…`).
    static func cells(_ sheet: XLSXSheet) -> [String: String] {
        var out: [String: String] = [:]
        for row in sheet.rows {
            for cell in row.cells {
                let ref = CellReference(row: row.number, column: cell.column).description
                if case .error(let e) = cell.value { out[ref] = e } else { out[ref] = cell.value.text }
            }
        }
        return out
    }
}
