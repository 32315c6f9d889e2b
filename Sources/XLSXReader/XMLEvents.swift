import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Streams the elements of one XML part to a handler, with the caps a hostile part needs.
///
/// A part with a document type declaration is refused before parsing: SpreadsheetML never has
/// one, and it is what entity-expansion attacks ("billion laughs") and external entities need.
/// Nesting deeper than ``XLSXLimits/xmlDepth`` stops the parse. Element and attribute names are
/// given without their namespace prefix (`x:row` and `row` are the same element).
final class XMLEvents: NSObject, XMLParserDelegate {
    /// What the handler is told.
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
    }

    /// Why parsing stopped.
    struct Failure: Error {
        var message: String
        var line: Int
    }

    private let handler: (Event) throws -> Void
    private let maxDepth: Int
    private var depth = 0
    private var failure: (any Error)?
    private weak var parser: XMLParser?

    private init(maxDepth: Int, handler: @escaping (Event) throws -> Void) {
        self.maxDepth = maxDepth; self.handler = handler
    }

    /// Parses `data`, calling `handler` for each event.
    ///
    /// - Throws: ``Failure`` with the parser's message and line, or the handler's own error.
    static func parse(_ data: Data, maxDepth: Int, handler: @escaping (Event) throws -> Void) throws {
        if let line = doctypeLine(in: data) {
            throw Failure(message: "holds a document type declaration (<!DOCTYPE), which workbooks never have; refused", line: line)
        }
        let events = XMLEvents(maxDepth: maxDepth, handler: handler)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        events.parser = parser
        let ok = parser.parse()
        if let failure = events.failure { throw failure }
        if !ok {
            let message = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw Failure(message: "is not well-formed XML (\(message))", line: parser.lineNumber)
        }
    }

    /// The line of a `<!DOCTYPE` or `<!ENTITY` in `data`, if any.
    static func doctypeLine(in data: Data) -> Int? {
        let bytes = [UInt8](data)
        let patterns: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        var line = 1
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0A { line += 1 }
            if b == UInt8(ascii: "<"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "!") {
                for p in patterns where i + p.count <= bytes.count {
                    if zip(bytes[i..<(i + p.count)], p).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) { return line }
                }
            }
            i += 1
        }
        return nil
    }

    private func stop(_ error: Error, _ parser: XMLParser) {
        // The handler's own error (a cell's) is kept as it is; it knows its place better.
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    /// `x:row` → `row`.
    static func local(_ name: String) -> String {
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        guard failure == nil else { return }
        depth += 1
        guard depth <= maxDepth else {
            stop(Failure(message: "nests elements more than \(maxDepth) deep; refused", line: parser.lineNumber), parser)
            return
        }
        // Most attributes carry no prefix; the dictionary is rebuilt only when one does.
        var attrs = attributes
        if attributes.keys.contains(where: { $0.utf8.contains(UInt8(ascii: ":")) }) {
            attrs = [:]
            for (k, v) in attributes { attrs[Self.local(k)] = v }
        }
        do { try handler(.start(Self.local(elementName), attrs)) } catch { stop(error, parser) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        depth -= 1
        do { try handler(.end(Self.local(elementName))) } catch { stop(error, parser) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        do { try handler(.text(string)) } catch { stop(error, parser) }
    }

    /// libxml2 runs in recovery mode under Foundation, so a mistake would otherwise be
    /// repaired silently (a cell closed for us, a value lost): the first one stops the parse.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard failure == nil else { return }
        let message = (parseError as NSError).localizedDescription
        stop(Failure(message: "is not well-formed XML (\(message))", line: parser.lineNumber), parser)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        do { try handler(.text(String(decoding: CDATABlock, as: UTF8.self))) } catch { stop(error, parser) }
    }
}
