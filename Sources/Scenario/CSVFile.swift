import CSV
import Foundation

/// A decoded CSV file: header and records with their line numbers.
///
/// Reading accepts UTF-8 (with or without BOM) or GB18030 and LF or CRLF line ends
/// (see ``TextDecoding``). The first non-blank row is the header; rows that are
/// entirely blank are skipped; short rows are padded with empty fields. Fields are
/// kept exactly as written — callers trim when converting to typed values.
public struct CSVFile: Sendable {
    /// The path as given.
    public var path: String
    /// Header names as written (trimmed).
    public var header: [String]
    /// Data records.
    public var records: [CSVRecord]
    /// 1-based line of the header row (later than 1 only when blank lines precede it).
    public var headerLine: Int = 1

    /// Reads and decodes `path` (UTF-8 with or without BOM, or GB18030; LF or CRLF).
    ///
    /// - Throws: every problem found, together: a missing or undecodable file, an empty file
    ///   (no header), duplicate header names, quoting mistakes (with line), and rows with more
    ///   fields than the header (with the line and the position of the first extra field).
    public static func read(path: String) throws(InputErrors) -> CSVFile {
        try read(outcome: readCollectingErrors(path: path))
    }

    /// Parses CSV `text` as if it were the contents of `path`; same rules and errors as ``read(path:)``.
    public static func parse(text: String, path: String) throws(InputErrors) -> CSVFile {
        let bytes = TextDecoding.normalisingLineEnds(Array(text.utf8))
        return try read(outcome: parseCollectingErrors(utf8: bytes, path: path))
    }

    /// The position of the column named `name`, compared case-insensitively and ignoring surrounding spaces.
    public func columnIndex(of name: String) -> Int? {
        let wanted = name.scenarioTrimmed.lowercased()
        return header.firstIndex { $0.lowercased() == wanted }
    }

    private static func read(outcome: Outcome) throws(InputErrors) -> CSVFile {
        if !outcome.errors.isEmpty { throw InputErrors(outcome.errors) }
        guard let file = outcome.file else {
            // Not reachable: an outcome without a file always carries an error. Kept to avoid a crash path.
            throw InputErrors([InputError(file: outcome.path, message: "could not be read")])
        }
        return file
    }
}

extension CSVFile {
    /// The result of reading a CSV file without giving up at the first problem.
    struct Outcome {
        /// The path as given.
        var path: String
        /// The file, when a header could be read; records with quoting mistakes are left out,
        /// records with too many fields are kept, cut to the header's width.
        var file: CSVFile?
        /// Every problem found.
        var errors: [InputError]
        /// True when some records could not be read at all (quoting mistakes), so ids defined in
        /// this file may be missing and references to them should not be reported as unknown.
        var incomplete: Bool
    }

    /// Reads `path`, collecting problems instead of throwing.
    static func readCollectingErrors(path: String) -> Outcome {
        do {
            let bytes = try TextDecoding.decodeToUTF8(TextDecoding.readBytes(path: path), file: path)
            return parseCollectingErrors(utf8: bytes, path: path)
        } catch {
            return Outcome(path: path, file: nil, errors: [error], incomplete: true)
        }
    }

    /// Parses LF-normalised UTF-8 bytes, collecting problems instead of throwing.
    static func parseCollectingErrors(utf8 bytes: [UInt8], path: String) -> Outcome {
        let scan = CSVRecordScanner.scan(bytes, path: path)
        var errors = scan.errors
        guard let headerIndex = scan.records.firstIndex(where: { !$0.blank && !$0.malformed }) else {
            if errors.isEmpty {
                errors.append(InputError(file: path, line: 1, column: 1, message: "is empty: expected a header row naming the columns"))
            }
            return Outcome(path: path, file: nil, errors: errors, incomplete: true)
        }

        let rows: [[String]?]
        if scan.errors.isEmpty {
            guard let all = readAllRows(bytes, from: scan.records[headerIndex...], path: path, errors: &errors) else {
                return Outcome(path: path, file: nil, errors: errors, incomplete: true)
            }
            rows = all
        } else {
            // The reader would garble records around a quoting mistake, so each good record is read on its own.
            rows = scan.records[headerIndex...].map { $0.malformed ? nil : readOneRow(bytes, $0) }
        }

        guard let headerFields = rows.first ?? nil else {
            return Outcome(path: path, file: nil, errors: errors, incomplete: true)
        }
        let headerLine = scan.records[headerIndex].line
        let header = headerFields.map(\.scenarioTrimmed)
        var firstColumn: [String: Int] = [:]
        for (i, name) in header.enumerated() {
            let key = name.lowercased()
            if let earlier = firstColumn[key] {
                errors.append(InputError(
                    file: path, line: headerLine, column: i + 1, columnName: name,
                    message: "duplicate column name \(name.quotedForMessage) (also column \(earlier + 1))"))
            } else {
                firstColumn[key] = i
            }
        }

        var records: [CSVRecord] = []
        records.reserveCapacity(rows.count)
        for (offset, fields) in rows.enumerated().dropFirst() {
            let scanned = scan.records[headerIndex + offset]
            guard var fields, !scanned.blank else { continue }
            if fields.count > header.count {
                errors.append(InputError(
                    file: path, line: scanned.line, column: header.count + 1,
                    message: "row has \(fields.count) fields but the header has \(header.count) columns; expected at most \(header.count) fields (check for an unquoted comma)"))
                fields.removeSubrange(header.count...)
            } else if fields.count < header.count {
                fields.append(contentsOf: repeatElement("", count: header.count - fields.count))
            }
            records.append(CSVRecord(line: scanned.line, fields: fields))
        }
        let incomplete = scan.truncated || scan.records.contains(where: \.malformed)
        let file = CSVFile(path: path, header: header, records: records, headerLine: headerLine)
        return Outcome(path: path, file: file, errors: errors, incomplete: incomplete)
    }

    /// Reads every record from the header on with one `CSVReader`, checking that it agrees with the scanner.
    private static func readAllRows(
        _ bytes: [UInt8], from scanned: ArraySlice<CSVRecordScanner.Record>, path: String, errors: inout [InputError]
    ) -> [[String]?]? {
        guard let first = scanned.first else { return [] }
        let text = String(decoding: bytes[first.start...], as: UTF8.self)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false)
        } catch {
            errors.append(InputError(file: path, line: first.line, message: "cannot read the header row: \(error)"))
            return nil
        }
        var rows: [[String]?] = [reader.headerRow]
        rows.reserveCapacity(scanned.count)
        for _ in scanned.dropFirst() {
            rows.append(reader.next())
        }
        // The scanner follows the reader's rules exactly; a disagreement would mean misnumbered lines, so say so.
        let agrees = reader.next() == nil && zip(rows, scanned).allSatisfy { row, record in row?.count == record.fieldCount }
        if !agrees {
            errors.append(InputError(file: path, message: "internal error: CSV reader and line scanner disagree on the record structure; please report this file"))
            return nil
        }
        return rows
    }

    /// Reads one record's bytes with its own `CSVReader`.
    private static func readOneRow(_ bytes: [UInt8], _ record: CSVRecordScanner.Record) -> [String]? {
        let text = String(decoding: bytes[record.start..<record.end], as: UTF8.self)
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false, trimFields: false) else { return nil }
        // An empty record has no characters, for which the reader yields no row at all.
        return reader.next() ?? [""]
    }
}
