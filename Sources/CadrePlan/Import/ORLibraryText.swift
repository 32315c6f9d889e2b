import Scenario

/// An OR-Library text file split into whitespace-separated tokens, each with its 1-based
/// line and column, so that every error can point at the token it is about.
///
/// The files are plain ASCII number streams whose line breaks carry no meaning (rows
/// wrap freely), so tokens are all that matter. Tokens are kept as byte ranges rather
/// than `String`s because the dense 800×800 instance has 640,001 of them.
struct ORLibraryText {
    /// One token: a byte range of `bytes`, and where it starts.
    struct Token {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
    }

    /// The file name used in error messages.
    let file: String
    let bytes: [UInt8]
    let tokens: [Token]
    /// The position just after the last token, where "the file ends" is reported.
    let endLine: Int
    let endColumn: Int

    init(text: String, file: String) {
        self.file = file
        var bytes = Array(text.utf8)
        // A byte-order mark is not a token; editors on Windows add one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        self.bytes = bytes
        var tokens: [Token] = []
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\n") { line += 1; column = 1; i += 1; continue }
            if Self.isSpace(b) { column += 1; i += 1; continue }
            let start = i, startColumn = column
            while i < bytes.count, bytes[i] != UInt8(ascii: "\n"), !Self.isSpace(bytes[i]) {
                // Columns count characters, not bytes: UTF-8 continuation bytes do not advance.
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            tokens.append(Token(start: start, end: i, line: line, column: startColumn))
        }
        self.tokens = tokens
        if let last = tokens.last {
            endLine = last.line
            endColumn = last.column + String(decoding: bytes[last.start..<last.end], as: UTF8.self).count
        } else {
            endLine = 1; endColumn = 1
        }
    }

    /// Spaces, tabs, carriage returns (CRLF files), vertical tabs and form feeds.
    private static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0B || b == 0x0C
    }

    /// The token's text, shortened for messages (a corrupt file may hold one huge token).
    func text(_ t: Token) -> String {
        let s = String(decoding: bytes[t.start..<t.end], as: UTF8.self)
        return s.count > 24 ? String(s.prefix(24)) + "…" : s
    }

    /// The token as an integer (optional sign, decimal digits), or `nil` if it is not one
    /// or does not fit in 64 bits.
    func integer(_ t: Token) -> Int? {
        var i = t.start
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-"); i += 1
        }
        guard i < t.end else { return nil }
        var value = 0
        while i < t.end {
            let d = bytes[i]
            guard d >= UInt8(ascii: "0"), d <= UInt8(ascii: "9") else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d - UInt8(ascii: "0")))
            if o1 || o2 { return nil }
            value = s; i += 1
        }
        return negative ? -value : value
    }

    /// How many tokens sit on each line, by line number (for telling the dense and the sparse
    /// assignment formats apart).
    func tokensPerLine() -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for t in tokens { counts[t.line, default: 0] += 1 }
        return counts
    }
}

/// Reads numbers from an ``ORLibraryText`` in order, collecting every bad value.
///
/// Two kinds of token are read. A *structural* token (a count, an index) decides how the
/// rest of the file is read, so a bad one stops parsing at once. A *value* (a cost, a
/// resource use, a capacity) does not, so a bad one is recorded and parsing goes on:
/// the user then sees every bad number of the file in one run, as with scenario files.
struct ORLibraryCursor {
    let text: ORLibraryText
    private(set) var index = 0
    private(set) var errors: [InputError] = []
    /// After this many errors parsing stops: a file of the wrong kind would otherwise
    /// produce one error per token.
    static let errorLimit = 50

    init(_ text: ORLibraryText) { self.text = text }

    /// Whether every token has been read.
    var atEnd: Bool { index >= text.tokens.count }

    /// Tokens not read yet.
    var remaining: Int { text.tokens.count - index }

    /// The next token, not consumed.
    var peek: ORLibraryText.Token? { atEnd ? nil : text.tokens[index] }

    /// An error located at `token`, or at the end of the file when `token` is nil.
    func error(at token: ORLibraryText.Token?, _ message: String) -> InputError {
        InputError(file: text.file, line: token?.line ?? text.endLine, column: token?.column ?? text.endColumn, message: message)
    }

    /// Stops parsing: everything collected so far plus `error`.
    func stop(_ error: InputError) -> InputErrors {
        InputErrors(errors + [error])
    }

    /// Reads a token that decides the file's structure; throws at once when it is missing,
    /// not an integer, or outside `range`.
    mutating func structural(_ what: String, in range: ClosedRange<Int>) throws(InputErrors) -> (value: Int, token: ORLibraryText.Token) {
        guard let t = peek else {
            throw stop(error(at: nil, "expected \(what), found the end of the file"))
        }
        index += 1
        guard let v = text.integer(t), range.contains(v) else {
            throw stop(error(at: t, "expected \(what) (an integer from \(range.lowerBound) to \(range.upperBound)), found \(text.text(t).quotedForMessage)"))
        }
        return (v, t)
    }

    /// Reads a value; a missing token stops parsing, a bad one is recorded and read as
    /// `range.lowerBound` so that parsing can go on.
    mutating func value(_ what: @autoclosure () -> String, in range: ClosedRange<Int>) throws(InputErrors) -> Int {
        guard let t = peek else {
            throw stop(error(at: nil, "expected \(what()), found the end of the file"))
        }
        index += 1
        if let v = text.integer(t), range.contains(v) { return v }
        errors.append(error(at: t, "expected \(what()) (an integer from \(range.lowerBound) to \(range.upperBound)), found \(text.text(t).quotedForMessage)"))
        if errors.count >= Self.errorLimit {
            throw stop(InputError(file: text.file, message: "stopped after \(Self.errorLimit) errors; is this the right kind of file?"))
        }
        return range.lowerBound
    }

    /// Skips `count` tokens without reading them; stops parsing when the file has fewer.
    mutating func skip(_ count: Int, _ what: String) throws(InputErrors) {
        guard remaining >= count else {
            throw stop(error(at: nil, "expected \(count) numbers for \(what), but the file ends after \(remaining)"))
        }
        index += count
    }

    /// Records an error about a token already read (e.g. a duplicate pair).
    mutating func record(_ error: InputError) throws(InputErrors) {
        errors.append(error)
        if errors.count >= Self.errorLimit {
            throw stop(InputError(file: text.file, message: "stopped after \(Self.errorLimit) errors; is this the right kind of file?"))
        }
    }

    /// Requires the end of the file: trailing numbers mean the file is not what it claims.
    mutating func expectEnd(_ after: String) throws(InputErrors) {
        if let t = peek {
            throw stop(error(at: t, "expected the end of the file after \(after), found \(text.text(t).quotedForMessage)"))
        }
    }

    /// Throws the collected errors, if any.
    func finish() throws(InputErrors) {
        if !errors.isEmpty { throw InputErrors(errors) }
    }
}
