import Foundation
import Testing
@testable import XLSXReader

/// Damaged, truncated and hostile workbooks give an error naming the file, never a crash or a hang.
@Suite("Damaged and hostile workbooks", .timeLimit(.minutes(2)))
struct HostileWorkbookTests {
    static let oneSheet = TestWorkbooks.workbook(sheets: [("对象", #"<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c></row>"#)])

    private func openError(_ data: Data, limits: XLSXLimits = .standard) throws -> XLSXReadError {
        let path = try TestWorkbooks.file(data)
        return try #require(throws: XLSXReadError.self) {
            let book = try XLSXWorkbook(path: path, limits: limits)
            for name in book.sheetNames { _ = try book.sheet(named: name) }
        }
    }

    /// Sets the 2-byte (`width` 2) or 4-byte field at `offset` from each local and central header of `entry`.
    private func patch(_ data: inout Data, entry: String, local: Int, central: Int, value: UInt32, width: Int) {
        let name = Array(entry.utf8)
        let bytes = [UInt8](data)
        for i in 0..<(bytes.count - name.count) where Array(bytes[i..<(i + name.count)]) == name {
            for (back, field, sig) in [(30, local, [0x50, 0x4B, 0x03, 0x04] as [UInt8]), (46, central, [0x50, 0x4B, 0x01, 0x02])] where i >= back {
                guard Array(bytes[(i - back)..<(i - back + 4)]) == sig else { continue }
                for k in 0..<width { data[i - back + field + k] = UInt8((value >> (8 * UInt32(k))) & 0xFF) }
            }
        }
    }

    @Test func aTruncatedWorkbookIsDamaged() throws {
        let whole = try Data(contentsOf: TestWorkbooks.fixtures.appendingPathComponent("libreoffice.xlsx"))
        for cut in [10, whole.count / 3, whole.count / 2, whole.count - 10] {
            let error = try openError(whole.prefix(cut))
            #expect(error.message.contains("damaged or truncated"), "cut at \(cut): \(error)")
        }
    }

    @Test func aFileThatIsNoWorkbookSaysWhatItIs() throws {
        #expect(try openError(Data("id,name\nt1,x\n".utf8)).message.contains("not an .xlsx workbook"))
        #expect(try openError(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0])).message.contains(".xls"))
        #expect(try openError(Data()).message.contains("not an .xlsx workbook"))
    }

    @Test func aZipBombStopsAtThePartLimit() throws {
        let limits = XLSXLimits(fileBytes: 1 << 20, entries: 100, partBytes: 1 << 20, totalBytes: 2 << 20, xmlDepth: 64, cells: 1000)
        var parts = Self.oneSheet
        parts.append(("xl/bomb.xml", Data(count: 20 << 20)))
        parts.append(("xl/sharedStrings.xml", Data(count: 20 << 20)))  // read at open
        var rels = String(decoding: parts.first { $0.0 == "xl/_rels/workbook.xml.rels" }!.1, as: UTF8.self)
        rels = rels.replacingOccurrences(of: "</Relationships>", with: #"<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#)
        parts = parts.map { $0.0 == "xl/_rels/workbook.xml.rels" ? ($0.0, Data(rels.utf8)) : $0 }
        var data = try TestWorkbooks.zip(parts)
        #expect(data.count < 1 << 20)
        // The directory tells the truth: refused before inflating.
        #expect(try openError(data, limits: limits).message.contains("would inflate to 20971520 bytes"))
        // The directory lies (says 100 bytes): refused while inflating, at the limit.
        patch(&data, entry: "xl/sharedStrings.xml", local: 22, central: 24, value: 100, width: 4)
        #expect(try openError(data, limits: limits).message.contains("zip bomb"))
    }

    @Test func aDeflateStreamThatNeverEndsIsAnErrorNotAHang() throws {
        // A non-final stored block claiming 65,535 bytes, in an entry of 9: ZIPFoundation's own
        // extract would wait for the rest forever; the bounded reader stops at the entry's end.
        var parts = Self.oneSheet
        let raw = Data([0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<?xml".utf8))
        parts = parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, raw) : $0 }
        var data = try TestWorkbooks.zip(parts, stored: true)
        patch(&data, entry: "xl/workbook.xml", local: 8, central: 10, value: 8, width: 2)  // method: deflate
        let error = try openError(data)
        #expect(error.message.contains("xl/workbook.xml"), "\(error)")
    }

    @Test func tooManyEntries() throws {
        let limits = XLSXLimits(fileBytes: 1 << 20, entries: 5, partBytes: 1 << 20, totalBytes: 2 << 20, xmlDepth: 64, cells: 1000)
        var parts = Self.oneSheet
        for i in 0..<3 { parts.append(("extra\(i).txt", Data("x".utf8))) }
        #expect(try openError(try TestWorkbooks.zip(parts), limits: limits).message.contains("more than 5 entries"))
    }

    @Test func deepXMLIsRefused() throws {
        let deep = String(repeating: "<row>", count: 100) + String(repeating: "</row>", count: 100)
        let error = try openError(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("s", deep)])))
        #expect(error.sheet == "s" && error.message.contains("more than 64 deep"), "\(error)")
    }

    @Test func aDocumentTypeDeclarationIsRefused() throws {
        var parts = Self.oneSheet
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>
            """
        parts = parts.map { $0.0 == "xl/workbook.xml" ? ($0.0, Data(laughs.utf8)) : $0 }
        #expect(try openError(try TestWorkbooks.zip(parts)).message.contains("document type declaration"))
    }

    @Test func malformedXMLNamesThePartAndLine() throws {
        let error = try openError(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("对象", "<row r=\"1\"><c r=\"A1\"></row>")])))
        #expect(error.sheet == "对象" && error.message.contains("xl/worksheets/sheet1.xml") && error.message.contains("not well-formed"), "\(error)")
    }

    @Test func badReferencesNameTheCell() throws {
        let outOfRange = #"<row r="3"><c r="B3" t="s"><v>5</v></c></row>"#
        let e1 = try openError(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("对象", outOfRange)], sharedStrings: ["a"])))
        #expect(e1.cell?.description == "B3" && e1.message.contains("shared string 5"))
        let badRef = #"<row r="3"><c r="B0"><v>5</v></c></row>"#
        #expect(try openError(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("对象", badRef)]))).message.contains("\"B0\""))
        let twice = #"<row r="3"><c r="B3"><v>5</v></c><c r="B3"><v>6</v></c></row>"#
        #expect(try openError(try TestWorkbooks.zip(TestWorkbooks.workbook(sheets: [("对象", twice)]))).description.contains("cell B3: the cell is given twice"))
    }

    /// Random damage to a real workbook: every outcome is a workbook or an error, never a crash.
    /// Half the runs damage the zip directory at the end of the file, where offsets and sizes
    /// live. `XLSX_DAMAGE_RUNS` and `XLSX_DAMAGE_SEED` run a longer or another search.
    @Test func randomDamageNeverCrashes() throws {
        let whole = try Data(contentsOf: TestWorkbooks.fixtures.appendingPathComponent("libreoffice.xlsx"))
        let environment = ProcessInfo.processInfo.environment
        let runs = environment["XLSX_DAMAGE_RUNS"].flatMap(Int.init) ?? 300
        var random = SplitMix64(seed: environment["XLSX_DAMAGE_SEED"].flatMap(UInt64.init) ?? 20_221_016)
        var errors = 0, read = 0
        for run in 0..<runs {
            var data = whole
            let region = run % 2 == 0 ? 0..<data.count : (data.count - 1200)..<data.count
            for _ in 0..<(1 + Int(random.next() % 8)) {
                data[region.lowerBound + Int(random.next() % UInt64(region.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            let path = try TestWorkbooks.file(data)
            do {
                let book = try XLSXWorkbook(path: path)
                for name in book.sheetNames { _ = try book.sheet(named: name) }
                read += 1
            } catch {
                errors += 1
            }
            try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
        }
        #expect(errors + read == runs)
        #expect(errors > runs / 3)  // most damage is found (CRC-32), so the loop did exercise the error paths
    }
}

/// A small deterministic random generator (SplitMix64), so that failures repeat.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
