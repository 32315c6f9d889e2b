import Foundation

/// A workbook read from an .xlsx file: its sheet names, and each sheet's cells on demand.
///
/// Opening reads the zip directory, the workbook part, its relationships, the shared strings
/// and the cell formats; a sheet's cells are read when asked for. Every problem is an
/// ``XLSXReadError`` naming the file (and the sheet and cell where there is one); nothing a
/// damaged, truncated or hostile file holds makes the reader crash or loop (see ``XLSXLimits``).
public final class XLSXWorkbook {
    /// The path as given.
    public let file: String
    /// Sheet names in tab order, visible and hidden.
    public let sheetNames: [String]
    /// The first sheet a person sees: the first that is not hidden (the first of all when every one is).
    public let firstVisibleSheet: String?

    private let container: ZipContainer
    private let limits: XLSXLimits
    private let parts: [String: String]
    private let chartSheets: Set<String>
    private let sharedStrings: [String]
    private let formats: CellFormats
    private let date1904: Bool

    /// Opens the workbook at `path`.
    public init(path: String, limits: XLSXLimits = .standard) throws(XLSXReadError) {
        file = path
        self.limits = limits
        let data = try Self.readFile(path, limits: limits)
        container = try ZipContainer(data: data, file: path, limits: limits)
        let workbookPart = try Self.officeDocument(container, file: path, limits: limits)
        guard let workbookXML = try container.read(workbookPart) else {
            throw XLSXReadError(file: path, message: "is not a workbook: it has no \(workbookPart) (a Word or PowerPoint file?)")
        }
        let folder = workbookPart.split(separator: "/").dropLast().joined(separator: "/")
        let rels = try Self.relationships(container, of: workbookPart, file: path, limits: limits)

        var names: [String] = [], hidden: Set<String> = [], parts: [String: String] = [:], charts: Set<String> = []
        var date1904 = false
        try Self.events(workbookXML, part: workbookPart, file: path, limits: limits) { event in
            switch event {
            case let .start("sheet", a):
                guard let name = a["name"] else { return }
                names.append(name)
                if let state = a["state"], state != "visible" { hidden.insert(name) }
                if let id = a["id"], let rel = rels[id] {
                    parts[name] = Self.resolve(rel.target, against: folder)
                    if rel.type.hasSuffix("/chartsheet") { charts.insert(name) }
                }
            case let .start("workbookPr", a):
                date1904 = a["date1904"] == "1" || a["date1904"] == "true"
            default: break
            }
        }
        sheetNames = names
        firstVisibleSheet = names.first { !hidden.contains($0) } ?? names.first
        self.parts = parts
        chartSheets = charts
        self.date1904 = date1904
        let strings = rels.values.first { $0.type.hasSuffix("/sharedStrings") }.map { Self.resolve($0.target, against: folder) }
        if let strings, let xml = try container.read(strings) {
            sharedStrings = try Self.collect(xml, part: strings, file: path, limits: limits) { try SharedStrings.read($0) }
        } else {
            sharedStrings = []
        }
        let styles = rels.values.first { $0.type.hasSuffix("/styles") }.map { Self.resolve($0.target, against: folder) }
        if let styles, let xml = try container.read(styles) {
            var events: [XMLEvents.Event] = []
            try Self.events(xml, part: styles, file: path, limits: limits) { events.append($0) }
            formats = CellFormats(xml: events)
        } else {
            formats = CellFormats()
        }
    }

    /// The sheet named `name` (as ``sheetNames`` gives it).
    public func sheet(named name: String) throws(XLSXReadError) -> XLSXSheet {
        guard sheetNames.contains(name) else {
            throw XLSXReadError(file: file, message: "has no sheet named \(name) (its sheets: \(sheetNames.joined(separator: ", ")))")
        }
        guard !chartSheets.contains(name) else {
            throw XLSXReadError(file: file, sheet: name, message: "is a chart sheet, not a table")
        }
        guard let part = parts[name], let xml = try container.read(part) else {
            throw XLSXReadError(file: file, sheet: name, message: "the sheet's data is missing from the file; it is damaged")
        }
        let parser = SheetParser(file: file, sheet: name, sharedStrings: sharedStrings, formats: formats,
                                 date1904: date1904, maxCells: limits.cells)
        return try Self.collect(xml, part: part, file: file, sheet: name, limits: limits) { try parser.parse($0) }
    }

    // MARK: - Parts

    private static func readFile(_ path: String, limits: XLSXLimits) throws(XLSXReadError) -> Data {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw XLSXReadError(file: path, message: "not found")
        }
        guard !isFolder.boolValue else { throw XLSXReadError(file: path, message: "is a folder; expected an .xlsx workbook") }
        let size = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= limits.fileBytes else {
            throw XLSXReadError(file: path, message: "is \(size) bytes, more than the \(limits.fileBytes) accepted")
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw XLSXReadError(file: path, message: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// The workbook part named by the package relationships (`xl/workbook.xml` as a rule).
    private static func officeDocument(_ c: ZipContainer, file: String, limits: XLSXLimits) throws(XLSXReadError) -> String {
        let rels = try relationships(c, of: "", file: file, limits: limits)
        let target = rels.values.filter { $0.type.hasSuffix("/officeDocument") }.map(\.target).sorted().first
        return target.map { resolve($0, against: "") } ?? "xl/workbook.xml"
    }

    private struct Relationship { var type: String; var target: String }

    /// The relationships of `part` (`xl/_rels/workbook.xml.rels`; the package's own for ""), by id.
    private static func relationships(_ c: ZipContainer, of part: String, file: String, limits: XLSXLimits) throws(XLSXReadError) -> [String: Relationship] {
        var pieces = part.split(separator: "/").map(String.init)
        let name = pieces.popLast() ?? ""
        let relsPath = (pieces + ["_rels", name + ".rels"]).joined(separator: "/")
        guard let xml = try c.read(relsPath) else { return [:] }
        var rels: [String: Relationship] = [:]
        try events(xml, part: relsPath, file: file, limits: limits) { event in
            if case let .start("Relationship", a) = event, let id = a["Id"], let target = a["Target"], a["TargetMode"] != "External" {
                rels[id] = Relationship(type: a["Type"] ?? "", target: target)
            }
        }
        return rels
    }

    /// `target` relative to `folder`, or from the package root when it starts with `/`; `..` resolved.
    static func resolve(_ target: String, against folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == "." { continue }
            if piece == ".." { _ = parts.popLast(); continue }
            parts.append(String(piece))
        }
        return parts.joined(separator: "/")
    }

    /// Streams `xml`'s events to `handler`, turning XML failures into errors naming the part.
    private static func events(_ xml: Data, part: String, file: String, sheet: String? = nil, limits: XLSXLimits,
                               _ handler: @escaping (XMLEvents.Event) throws -> Void) throws(XLSXReadError) {
        do {
            try XMLEvents.parse(xml, maxDepth: limits.xmlDepth, handler: handler)
        } catch let error as XLSXReadError {
            throw error
        } catch let failure as XMLEvents.Failure {
            throw XLSXReadError(file: file, sheet: sheet, message: "part \(part), line \(failure.line) \(failure.message)")
        } catch {
            throw XLSXReadError(file: file, sheet: sheet, message: "part \(part): \(error)")
        }
    }

    /// Runs a reader that consumes `xml`'s events and returns what it built.
    private static func collect<T>(_ xml: Data, part: String, file: String, sheet: String? = nil, limits: XLSXLimits,
                                   _ reader: ((@escaping (XMLEvents.Event) throws -> Void) throws -> Void) throws -> T) throws(XLSXReadError) -> T {
        do {
            return try reader { handler in try events(xml, part: part, file: file, sheet: sheet, limits: limits, handler) }
        } catch let error as XLSXReadError {
            throw error
        } catch {
            throw XLSXReadError(file: file, sheet: sheet, message: "part \(part): \(error)")
        }
    }
}
