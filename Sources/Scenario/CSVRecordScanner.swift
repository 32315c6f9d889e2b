/// Finds where each CSV record starts and ends, on which line, and with how many fields.
///
/// CSV.swift's `CSVReader` returns fields but neither line numbers nor quoting errors
/// (an unterminated quote silently swallows the rest of the file). This scanner walks
/// the same bytes with exactly the reader's record rules — a field is quoted only when
/// it starts with `"`, `""` inside quotes is one quote, LF ends a record outside quotes —
/// so its records line up one-to-one with the reader's rows, and it reports the
/// quoting mistakes the reader would hide.
struct CSVRecordScanner {
    /// One record's position in the (LF-normalised, UTF-8) bytes.
    struct Record {
        /// 1-based line the record starts on.
        var line: Int
        /// Byte offset of the record's first byte.
        var start: Int
        /// Byte offset just past the record's last byte, excluding the LF that ends it.
        var end: Int
        /// Number of fields (one more than the number of unquoted commas).
        var fieldCount: Int
        /// True when every field is empty or only spaces and tabs.
        var blank: Bool
        /// True when a quoting mistake was found in this record (it is reported, and must not be used).
        var malformed: Bool
    }

    /// What a scan found.
    struct Outcome {
        /// Every record, blank and malformed ones included, in file order.
        var records: [Record]
        /// Quoting mistakes, located by line and field position.
        var errors: [InputError]
        /// True when an unterminated quote made the scanner stop before the end of the file.
        var truncated: Bool
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// Scans LF-normalised UTF-8 `bytes` of the file `path` (used in errors).
    static func scan(_ bytes: [UInt8], path: String) -> Outcome {
        bytes.withUnsafeBufferPointer { scan(buffer: $0, path: path) }
    }

    private static func scan(buffer b: UnsafeBufferPointer<UInt8>, path: String) -> Outcome {
        let n = b.count
        var records: [Record] = []
        var errors: [InputError] = []
        var pos = 0
        var line = 1
        while pos < n {
            var record = Record(line: line, start: pos, end: n, fieldCount: 0, blank: true, malformed: false)
            fields: while true {
                record.fieldCount += 1
                // A comma right before the end of the file leaves one more, empty, field.
                if pos == n { record.end = n; break fields }
                if b[pos] == quote {
                    let openLine = line
                    pos += 1
                    quoted: while true {
                        guard pos < n else {
                            errors.append(InputError(
                                file: path, line: openLine, column: record.fieldCount,
                                message: "unterminated quoted field: the quote opened on line \(openLine) is never closed (lines \(openLine)–\(line) could not be read)"))
                            return Outcome(records: records, errors: errors, truncated: true)
                        }
                        let c = b[pos]
                        pos += 1
                        if c == quote {
                            if pos == n { record.end = n; break fields }
                            let next = b[pos]
                            pos += 1
                            if next == lf { record.end = pos - 1; line += 1; break fields }
                            if next == comma { continue fields }
                            if next == quote { record.blank = false; continue quoted }
                            // Text after a closing quote: CSVReader would silently drop a character here.
                            record.malformed = true
                            errors.append(InputError(
                                file: path, line: line, column: record.fieldCount,
                                message: "expected a comma or the end of the line after a closing quote, found \(describeCharacter(at: pos - 1, in: b)) (write a quote inside a quoted field as \"\")"))
                            pos -= 1
                            break quoted  // read the rest of the field as unquoted text, to resynchronise
                        }
                        if c == lf { line += 1 }
                        if c != space && c != tab && c != lf { record.blank = false }
                    }
                }
                while pos < n {
                    let c = b[pos]
                    pos += 1
                    if c == comma { continue fields }
                    if c == lf { record.end = pos - 1; line += 1; break fields }
                    if c != space && c != tab { record.blank = false }
                }
                record.end = n
                break fields
            }
            records.append(record)
        }
        return Outcome(records: records, errors: errors, truncated: false)
    }

    /// `'x'` for the (possibly multi-byte) character starting at `offset`.
    private static func describeCharacter(at offset: Int, in b: UnsafeBufferPointer<UInt8>) -> String {
        let lead = b[offset]
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        let end = min(offset + length, b.count)
        return "'" + String(decoding: UnsafeBufferPointer(rebasing: b[offset..<end]), as: UTF8.self) + "'"
    }
}
