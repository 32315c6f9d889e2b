import Foundation
import Testing
@testable import Scenario

@Suite("CSVFile")
struct CSVFileTests {
    @Test("records carry their starting line, also after quoted fields with line breaks")
    func lineNumbers() throws {
        let file = try CSVFile.parse(text: "a,b\n1,\"x\ny\nz\"\n\n2,\"q\"\"r\"\n3,s", path: "t.csv")
        #expect(file.header == ["a", "b"])
        #expect(file.headerLine == 1)
        #expect(file.records == [
            CSVRecord(line: 2, fields: ["1", "x\ny\nz"]),
            CSVRecord(line: 6, fields: ["2", "q\"r"]),
            CSVRecord(line: 7, fields: ["3", "s"]),
        ])
    }

    @Test("CRLF line ends give the same records and lines as LF")
    func crlf() throws {
        let lf = try CSVFile.parse(text: "a,b\n1,\"x\ny\"\n2,z\n", path: "t.csv")
        let crlf = try CSVFile.parse(text: "a,b\r\n1,\"x\r\ny\"\r\n2,z\r\n", path: "t.csv")
        #expect(lf.records == crlf.records)
        #expect(crlf.records.map(\.line) == [2, 4])
    }

    @Test("fields are kept as written; header names are trimmed; short rows are padded; blank rows skipped")
    func keepsFields() throws {
        let file = try CSVFile.parse(text: "\n  id , Name\n x , y \n,\n   \n1\n", path: "t.csv")
        #expect(file.header == ["id", "Name"])
        #expect(file.headerLine == 2)
        #expect(file.records == [CSVRecord(line: 3, fields: [" x ", " y "]), CSVRecord(line: 6, fields: ["1", ""])])
        #expect(file.columnIndex(of: " NAME ") == 1)
        #expect(file.columnIndex(of: "other") == nil)
    }

    @Test("a header-only file has no records")
    func headerOnly() throws {
        let file = try CSVFile.parse(text: "a,b", path: "t.csv")
        #expect(file.header == ["a", "b"] && file.records.isEmpty)
    }

    @Test("an empty file, duplicate header names and too many fields are errors")
    func structuralErrors() {
        #expect(throws: InputErrors.self) { try CSVFile.parse(text: "", path: "t.csv") }
        #expect(throws: InputErrors.self) { try CSVFile.parse(text: "\n \n", path: "t.csv") }
        do {
            _ = try CSVFile.parse(text: "id,name,ID\n1,2,3\n4,5,6,7,8\n", path: "t.csv")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["1:3", "3:4"])
            #expect(error.errors[0].message.contains("duplicate column name 'ID' (also column 1)"))
            #expect(error.errors[1].message.contains("row has 5 fields but the header has 3 columns"))
        }
    }

    @Test("quoting mistakes are reported with their line; the other rows are still read")
    func quotingErrors() {
        do {
            _ = try CSVFile.parse(text: "a,b\n1,\"x\"y\n2,3\n4,\"open\n5,6\n", path: "t.csv")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:2", "4:2"])
            #expect(error.errors[0].message.contains("found 'y'"))
            #expect(error.errors[1].message.contains("unterminated quoted field"))
        }
        let outcome = CSVFile.parseCollectingErrors(utf8: Array("a,b\n1,\"x\"y\n2,3\n".utf8), path: "t.csv")
        #expect(outcome.file?.records == [CSVRecord(line: 3, fields: ["2", "3"])])
        #expect(outcome.incomplete)
    }

    @Test("a missing file is reported by name")
    func missingFile() {
        do {
            _ = try CSVFile.read(path: "/nonexistent/x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors == [InputError(file: "/nonexistent/x.csv", message: "file not found")])
        }
    }

    @Test("the scanner and CSV.swift agree on awkward inputs")
    func awkwardInputs() throws {
        // A quote inside an unquoted field is literal; trailing commas make empty fields; last line without LF.
        let file = try CSVFile.parse(text: "a,b,c\nx\"y,\"\",\nlast,\"q,\"\"\",end", path: "t.csv")
        #expect(file.records == [
            CSVRecord(line: 2, fields: ["x\"y", "", ""]),
            CSVRecord(line: 3, fields: ["last", "q,\"", "end"]),
        ])
    }
}
