import Foundation
import Testing
@testable import Scenario

@Suite("Encodings")
struct EncodingTests {
    @Test("GB18030 bytes decode")
    func gb18030Bytes() throws {
        #expect(try TextDecoding.decode([0xBA, 0xA3, 0xBF, 0xDA], file: "x.csv") == "海口")
        #expect(gb18030("海口") == [0xBA, 0xA3, 0xBF, 0xDA])
        // A four-byte GB18030 sequence (U+20000 𠀀 is 0x95 0x32 0x82 0x36).
        #expect(try TextDecoding.decode([0x95, 0x32, 0x82, 0x36], file: "x.csv") == "𠀀")
    }

    @Test("the GB18030 converter grows its output buffer as needed (E2BIG)")
    func growingBuffer() throws {
        let text = String(repeating: "海口市,三亚 𠀀 ABC\n", count: 50)
        for size in [1, 2, 3, 7, 64] {
            let result = TextDecoding.gb18030ToUTF8(gb18030(text), initialOutputSize: size)
            #expect((try? result.get()) == Array(text.utf8), "initial size \(size)")
        }
        // An incomplete sequence at the end is an error at its offset.
        let cut = TextDecoding.gb18030ToUTF8(gb18030("海口") + [0xBA])
        if case .failure(.invalid(let offset)) = cut { #expect(offset == 4) } else { Issue.record("expected a failure") }
    }

    @Test("UTF-8 with and without BOM, CRLF, lone CR")
    func utf8Forms() throws {
        #expect(try TextDecoding.decode(Array("a,海口\r\nb\rc\n".utf8), file: "x") == "a,海口\nb\nc\n")
        #expect(try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("id".utf8), file: "x") == "id")
        #expect(try TextDecoding.decode([], file: "x") == "")
    }

    @Test("invalid bytes are refused with the file, line, column and offset")
    func invalidBytes() {
        do {
            _ = try TextDecoding.decode(Array("id,name\nhaikou,".utf8) + [0xFF, 0xFF, 0xFF], file: "regions.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "regions.csv")
            #expect(error.line == 2)
            // "haikou," is 7 characters: the bad byte is the 8th of line 2.
            #expect(error.column == 8)
            #expect(error.message.contains("0xFF (byte offset 15)"))
            #expect(error.message.contains("expected UTF-8 or GB18030 text"))
        }
    }

    @Test("binary files are refused clearly")
    func binary() {
        for (bytes, fragment) in [
            (Array("id\n".utf8) + [0x00, 0x41], "NUL byte (byte offset 3)"),
            ([0xFF, 0xFE, 0x69, 0x00], "UTF-16"),
            ([0x50, 0x4B, 0x03, 0x04, 0x14], "Excel workbook"),
        ] {
            do {
                _ = try TextDecoding.decode(bytes, file: "f.csv")
                Issue.record("expected an error for \(bytes)")
            } catch {
                #expect(error.message.contains(fragment), "\(error)")
                #expect(error.line != nil && error.column != nil, "\(error)")
            }
        }
    }

    /// Finding 8 of issue 11: a decoding error gave only a byte offset. The column counts
    /// characters of the encoding that read that far: UTF-8 here, GB18030 below.
    @Test("a bad byte after Chinese text is located by character column, in UTF-8 and in GB18030")
    func badByteColumnCountsCharacters() {
        // Line 2: 海口 (2 characters, 6 UTF-8 bytes) then ',' then an invalid byte: column 4.
        do {
            _ = try TextDecoding.decode(Array("id,name\n海口,".utf8) + [0xFF], file: "x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.column == 4, "\(error)")
        }
        // GB18030 海口 is BA A3 BF DA; then ',' and 0xFF, which GB18030 cannot start a character with.
        do {
            _ = try TextDecoding.decode(Array("id\n".utf8) + [0xBA, 0xA3, 0xBF, 0xDA, 0x2C, 0xFF], file: "x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2 && error.column == 4, "\(error)")
        }
    }

    @Test("a scenario saved as UTF-8 with BOM, GB18030 or with CRLF loads identically to plain UTF-8")
    func scenarioEncodings() throws {
        let reference = try Fixture()  // kept alive: its folder is removed when it is released
        let plain = try ScenarioLoader.load(folder: reference.folder)
        let encodings: [(String, (String) -> [UInt8])] = [
            ("utf8-bom", { [0xEF, 0xBB, 0xBF] + Array($0.utf8) }),
            ("gb18030", { gb18030($0) }),
            ("crlf", { Array($0.replacingOccurrences(of: "\n", with: "\r\n").utf8) }),
            ("gb18030-crlf", { gb18030($0.replacingOccurrences(of: "\n", with: "\r\n")) }),
        ]
        for (label, encode) in encodings {
            let fixture = try Fixture()
            for (name, text) in Fixture.valid { try fixture.write(name, encode(text)) }
            let errors = fixture.errors
            #expect(errors.isEmpty, "\(label): \(InputErrors(errors))")
            let s = try ScenarioLoader.load(folder: fixture.folder)
            #expect(s.name == plain.name && s.mode == plain.mode && s.waves == plain.waves && s.groups == plain.groups
                    && s.weights == plain.weights && s.rules == plain.rules && s.indicators == plain.indicators, "\(label)")
            #expect(s.regions == plain.regions, "\(label)")
            #expect(s.cadres == plain.cadres, "\(label)")
            #expect(s.targets == plain.targets, "\(label)")
            #expect(s.pairs == plain.pairs && s.pins == plain.pins, "\(label)")
        }
    }

    @Test("line numbers stay right in CRLF files")
    func crlfLines() throws {
        let fixture = try Fixture()
        try fixture.write("regions.csv", Array("id,name,lat,lon\r\nhaikou,海口,20.04,110.32\r\nsanya,三亚,x,\r\n".utf8))
        let errors = fixture.errors
        #expect(errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["3:3", "3:4"], "\(InputErrors(errors))")
    }

    @Test("a scenario file with invalid bytes is refused with a message naming it")
    func invalidScenarioFile() throws {
        let fixture = try Fixture()
        try fixture.write("targets.csv", Array("id,name\n".utf8) + [0xFF, 0xFF, 0xFF])
        let errors = fixture.errors
        #expect(errors.count == 1, "\(InputErrors(errors))")
        #expect(errors.first?.file.hasSuffix("/targets.csv") == true)
        #expect(errors.first?.message.contains("expected UTF-8 or GB18030 text") == true)
        #expect(errors.first?.line == 2)
    }
}
