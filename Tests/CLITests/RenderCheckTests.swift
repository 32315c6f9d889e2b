import Foundation
import Testing

/// Programs outside the project, run with a time limit, their output read while they run.
enum External {
    struct Output { var status: Int32; var stdout: String; var stderr: String; var timedOut: Bool }

    /// The program's path on PATH, if installed.
    static func find(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ program: String, _ args: [String], timeout: TimeInterval = 120, in folder: URL? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        if let folder { p.currentDirectoryURL = folder }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out; p.standardError = err
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        try p.run()
        // Read both pipes while the program runs, so that a chatty one never blocks on a full pipe.
        nonisolated(unsafe) var o = Data(), e = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
        let timedOut = done.wait(timeout: .now() + timeout) == .timedOut
        if timedOut { p.terminate(); done.wait() }
        group.wait()
        return Output(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self), timedOut: timedOut)
    }
}

/// report.html rendered by a real browser and the workbooks opened by LibreOffice, as planners
/// would. CI installs chromium, fonts-noto-cjk, libreoffice-calc-nogui and poppler-utils and sets
/// CADREPLAN_REQUIRE_RENDER=1, so that a missing program fails there; elsewhere these tests are
/// skipped when a program is missing.
@Suite("Rendering: Chromium and LibreOffice", .serialized)
struct RenderCheckTests {
    static let required = ProcessInfo.processInfo.environment["CADREPLAN_REQUIRE_RENDER"] == "1"
    static let chromium = External.find("chromium") ?? External.find("chromium-browser") ?? External.find("google-chrome")
    static let soffice = External.find("soffice") ?? External.find("libreoffice")
    static let pdftotext = External.find("pdftotext")

    /// A plan of scenarios/small with its workbooks, in a fresh folder.
    static func plan(_ dir: URL, lang: String = "zh") throws -> String {
        let plan = dir.appendingPathComponent("plan").path
        let r = try CLI.run(["solve", "scenarios/small", "--out", plan, "--format", "csv,xlsx", "--lang", lang])
        #expect(r.status == 0, "\(r.stderr)")
        return plan
    }

    @Test(.enabled(if: chromium != nil || required, "chromium is not installed"))
    func reportPageRendersInChromium() throws {
        let chromium = try #require(Self.chromium, "chromium is required (CADREPLAN_REQUIRE_RENDER=1) but not installed")
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = URL(fileURLWithPath: try Self.plan(dir)).appendingPathComponent("report.html").absoluteString
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                      "--user-data-dir=" + dir.appendingPathComponent("profile").path]
        let png = dir.appendingPathComponent("report.png").path
        let shot = try External.run(chromium, common + ["--window-size=1200,1800", "--screenshot=" + png, page])
        #expect(!shot.timedOut && shot.status == 0, "\(shot.stderr)")
        let facts = try PNGFacts.of(png)
        #expect(facts.width == 1200 && facts.height == 1800)
        // Not blank: text, bars and dots cover part of the page, in many colours.
        #expect(facts.inkShare > 0.02 && facts.colours > 50, "\(facts)")
        let dom = try External.run(chromium, common + ["--dump-dom", page])
        #expect(!dom.timedOut && dom.status == 0)
        for text in ["<h1>派驻方案：small</h1>", "各市县覆盖率地图", "海口", "<svg", "四上企业服务覆盖率"] {
            #expect(dom.stdout.contains(text), "\(text)")
        }
    }

    @Test(.enabled(if: (soffice != nil && pdftotext != nil) || required, "LibreOffice or pdftotext is not installed"))
    func workbooksOpenInLibreOfficeWithChineseAndNumbers() throws {
        let soffice = try #require(Self.soffice, "LibreOffice is required (CADREPLAN_REQUIRE_RENDER=1) but not installed")
        let pdftotext = try #require(Self.pdftotext, "pdftotext is required (CADREPLAN_REQUIRE_RENDER=1) but not installed")
        let dir = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = try Self.plan(dir)
        let out = dir.appendingPathComponent("converted")
        // A profile of its own: LibreOffice refuses to start twice on one profile.
        let profile = "-env:UserInstallation=" + dir.appendingPathComponent("lo-profile").absoluteString
        let books = ["plan.xlsx", "groups/gx.xlsx", "regions/haikou.xlsx"].map { plan + "/" + $0 }
        let pdf = try External.run(soffice, [profile, "--headless", "--convert-to", "pdf", "--outdir", out.path] + books, timeout: 180)
        #expect(!pdf.timedOut && pdf.status == 0, "\(pdf.stdout)\(pdf.stderr)")
        var text: [String: String] = [:]
        for name in ["plan", "gx", "haikou"] {
            let t = try External.run(pdftotext, ["-enc", "UTF-8", out.appendingPathComponent(name + ".pdf").path, "-"])
            #expect(t.status == 0)
            text[name] = t.stdout
        }
        // The service groups' Chinese names, the sheet titles, the regions.
        for name in ["工信组", "旅游组", "项目组", "派驻方案：small", "目标分层", "海口", "三亚", "儋州", "批次", "服务对象名称"] {
            #expect(text["plan"]?.contains(name) == true, "plan.xlsx: \(name)")
        }
        #expect(text["gx"]?.contains("工信组") == true && text["haikou"]?.contains("海口") == true)
        // Numbers as numbers, dates as dates: LibreOffice's own file format says what type each cell has.
        let fods = try External.run(soffice, [profile, "--headless", "--convert-to", "fods", "--outdir", out.path, plan + "/plan.xlsx"], timeout: 180)
        #expect(fods.status == 0)
        let xml = try String(contentsOf: out.appendingPathComponent("plan.fods"), encoding: .utf8)
        #expect(xml.contains(#"office:value-type="float" office:value="1574""#))   // the quality tier, hand-derived
        #expect(xml.contains(#"office:value-type="date" office:date-value="2022-09-16"#))
        #expect(xml.contains(#"office:value-type="percentage""#))
    }
}

/// Size and ink of a PNG file, decoded with Python's standard library (zlib), which CI has.
struct PNGFacts: CustomStringConvertible {
    var width: Int, height: Int, inkShare: Double, colours: Int
    var description: String { "\(width)×\(height), ink \(inkShare), \(colours) colours" }

    static let script = #"""
    import sys, struct, zlib
    data = open(sys.argv[1], 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n'
    pos, idat, w, h, depth, ctype = 8, b'', 0, 0, 0, 0
    while pos < len(data):
        n, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b'IHDR': w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        if kind == b'IDAT': idat += body
        pos += 12 + n
    bpp = {2: 3, 6: 4}[ctype]
    raw, stride, prev, ink, colours, i = zlib.decompress(idat), w * bpp, bytearray(w * bpp), 0, set(), 0
    for y in range(h):
        f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0; b = prev[x]; c = prev[x - bpp] if x >= bpp else 0
            if f == 1: line[x] = (line[x] + a) & 255
            elif f == 2: line[x] = (line[x] + b) & 255
            elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            px = bytes(line[x:x + 3])
            if px != b'\xff\xff\xff': ink += 1
            if len(colours) < 1000: colours.add(px)
        prev = line
    print(w, h, ink / (w * h), len(colours))
    """#

    static func of(_ path: String) throws -> PNGFacts {
        let r = try External.run("/usr/bin/env", ["python3", "-c", script, path])
        let parts = r.stdout.split(separator: " ")
        guard r.status == 0, parts.count == 4, let w = Int(parts[0]), let h = Int(parts[1]),
              let ink = Double(parts[2]), let colours = Int(parts[3].trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "cannot read \(path): \(r.stderr)"])
        }
        return PNGFacts(width: w, height: h, inkShare: ink, colours: colours)
    }
}
