import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a text file into text: UTF-8 (with or without a byte-order mark) or GB18030.
///
/// Chinese offices save CSV from Excel and WPS either as "CSV UTF-8" or in the
/// system code page, which is GB18030 (a superset of GBK and GB2312). Both are
/// accepted; anything else is refused with the offset of the first byte that
/// neither encoding can decode, so the user can find it.
///
/// Line ends are normalised to LF (CRLF and a lone CR each become one LF), which
/// keeps every line number the same as in an editor.
public enum TextDecoding {
    /// Reads the file at `path` and decodes it with ``decode(_:file:)``.
    ///
    /// - Throws: an ``InputError`` naming `path` when the file is missing, is a folder,
    ///   cannot be read, or is not UTF-8 or GB18030 text.
    public static func readFile(path: String) throws(InputError) -> String {
        let bytes = try readBytes(path: path)
        return String(decoding: try decodeToUTF8(bytes, file: path), as: UTF8.self)
    }

    /// Decodes `bytes` as UTF-8 (a leading byte-order mark is dropped) or, failing that, as GB18030,
    /// and normalises line ends to LF.
    ///
    /// - Parameter file: the file name to put in errors.
    /// - Throws: an ``InputError`` for binary data (NUL bytes, workbooks, UTF-16) or for bytes that
    ///   are neither valid UTF-8 nor valid GB18030 (with the offset and line of the first bad byte).
    public static func decode(_ bytes: [UInt8], file: String) throws(InputError) -> String {
        String(decoding: try decodeToUTF8(bytes, file: file), as: UTF8.self)
    }

    // MARK: - Internals shared with CSVFile

    /// The largest input file read: far above any real scenario (hainan-2022's cadres.csv is
    /// under 1 MB), and low enough that a wrong file cannot exhaust memory.
    static let sizeLimit = 512 << 20

    /// Reads a whole regular file, distinguishing "missing", "a folder", "not a regular file",
    /// "too large" and "unreadable" (with the system's reason).
    ///
    /// Only regular files are opened: a FIFO would block forever and a device such as /dev/zero
    /// never ends, so both are refused by what they are, before any read.
    public static func readBytes(path: String) throws(InputError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw InputError(file: path, message: "file not found")
            }
            throw InputError(file: path, message: "cannot be read: \(readProblem(code))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw InputError(file: path, message: "is a folder, expected a file")
        case S_IFIFO: throw InputError(file: path, message: "is a pipe (FIFO), not a regular file; expected a text file saved on disk")
        case S_IFCHR, S_IFBLK: throw InputError(file: path, message: "is a device, not a regular file; expected a text file saved on disk")
        default: throw InputError(file: path, message: "is not a regular file; expected a text file saved on disk")
        }
        guard Int(info.st_size) <= sizeLimit else {
            throw InputError(file: path, message: "is too large (\(Int(info.st_size) >> 20) MB); expected a text file of at most \(sizeLimit >> 20) MB")
        }
        var fd: Int32
        repeat { fd = open(path, O_RDONLY | O_CLOEXEC) } while fd == -1 && errno == EINTR
        guard fd >= 0 else { throw InputError(file: path, message: "cannot be read: \(readProblem(errno))") }
        defer { close(fd) }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError(file: path, message: "cannot be read: \(readProblem(errno))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // The file grew while being read (someone is still writing it): stop at the limit.
            if bytes.count > sizeLimit {
                throw InputError(file: path, message: "is too large (over \(sizeLimit >> 20) MB); expected a text file of at most \(sizeLimit >> 20) MB")
            }
        }
        return bytes
    }

    /// Why a file could not be read, in the words a planner would use.
    private static func readProblem(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied (check the file's permissions)"
        case EIO: return "input/output error on the disk"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the name is too long"
        default: return String(cString: strerror(code))
        }
    }

    /// Decodes to normalised UTF-8 bytes (no BOM, LF line ends); CSV scanning works on these bytes.
    static func decodeToUTF8(_ bytes: [UInt8], file: String) throws(InputError) -> [UInt8] {
        try refuseBinary(bytes, file: file)
        var utf8: [UInt8]
        if let bad = firstInvalidUTF8Offset(bytes) {
            switch gb18030ToUTF8(bytes) {
            case .success(let converted):
                utf8 = converted
            case .failure(.invalid(let gbBad)):
                // Report the position reached by the encoding that decoded more of the file:
                // it is the likelier intended encoding, so its failure is the real defect.
                let offset = max(bad, gbBad)
                let value = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "end of file"
                throw InputError(
                    file: file, line: lineNumber(ofOffset: offset, in: bytes),
                    column: columnNumber(ofOffset: offset, in: bytes, gb18030: gbBad > bad),
                    message: "cannot decode byte \(value) (byte offset \(offset)); expected UTF-8 or GB18030 text")
            case .failure(.unavailable(let reason)):
                throw InputError(
                    file: file, line: lineNumber(ofOffset: bad, in: bytes), column: columnNumber(ofOffset: bad, in: bytes, gb18030: false),
                    message: "not valid UTF-8 (byte offset \(bad)) and GB18030 decoding is unavailable (\(reason)); expected UTF-8 or GB18030 text")
            }
        } else {
            utf8 = bytes
        }
        // A BOM may come from UTF-8 files or be U+FEFF decoded from a GB18030 BOM (84 31 95 33).
        if utf8.count >= 3, utf8[0] == 0xEF, utf8[1] == 0xBB, utf8[2] == 0xBF {
            utf8.removeFirst(3)
        }
        return normalisingLineEnds(utf8)
    }

    /// Refuses inputs that are clearly not text, with a message saying what they look like.
    private static func refuseBinary(_ bytes: [UInt8], file: String) throws(InputError) {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw InputError(file: file, line: 1, column: 1, message: "is UTF-16 text (Excel's \"Unicode text\"); save it as CSV UTF-8 or in GB18030; expected UTF-8 or GB18030 text")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw InputError(file: file, line: 1, column: 1, message: "looks like an Excel workbook (.xlsx), not CSV text; save it as CSV UTF-8; expected UTF-8 or GB18030 text")
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw InputError(file: file, line: 1, column: 1, message: "looks like an old Excel workbook (.xls), not CSV text; save it as CSV UTF-8; expected UTF-8 or GB18030 text")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw InputError(
                file: file, line: lineNumber(ofOffset: nul, in: bytes), column: columnNumber(ofOffset: nul, in: bytes, gb18030: false),
                message: "contains a NUL byte (byte offset \(nul)): this is a binary file; expected UTF-8 or GB18030 text")
        }
    }

    /// The 1-based line holding byte `offset`, counting LF, CRLF and a lone CR as one line end each.
    static func lineNumber(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
            } else if b == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A {
                line += 1
            }
            i += 1
        }
        return line
    }

    /// The 1-based character column of byte `offset` on its line, counting the characters before
    /// it on that line as UTF-8 or, when `gb18030` is true, as GB18030 (the encoding that read
    /// that far). Lines end at LF, CRLF or a lone CR, as in ``lineNumber(ofOffset:in:)``.
    static func columnNumber(ofOffset offset: Int, in bytes: [UInt8], gb18030: Bool) -> Int {
        let end = min(offset, bytes.count)
        var start = end
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        let prefix = Array(bytes[start..<end])
        if gb18030, case .success(let utf8) = gb18030ToUTF8(prefix) {
            return 1 + String(decoding: utf8, as: UTF8.self).unicodeScalars.count
        }
        // UTF-8: every byte that is not a continuation byte starts a character.
        return 1 + prefix.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Replaces CRLF and lone CR with LF. CR never occurs inside a multi-byte UTF-8 sequence, so bytes are safe to edit.
    static func normalisingLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or nil if all is valid.
    ///
    /// Follows the Unicode table of well-formed sequences: no overlong forms, no surrogates, nothing above U+10FFFF.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 { i += 1; continue }
                var length = 0
                var low: UInt8 = 0x80, high: UInt8 = 0xBF  // allowed range of the second byte
                switch c {
                case 0xC2...0xDF: length = 2
                case 0xE0: length = 3; low = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: length = 3
                case 0xED: length = 3; high = 0x9F
                case 0xF0: length = 4; low = 0x90
                case 0xF1...0xF3: length = 4
                case 0xF4: length = 4; high = 0x8F
                default: return i
                }
                if i + 1 >= n || b[i + 1] < low || b[i + 1] > high { return i }
                var k = 2
                while k < length {
                    if i + k >= n || b[i + k] & 0xC0 != 0x80 { return i }
                    k += 1
                }
                i += length
            }
            return nil
        }
    }

    /// Why GB18030 decoding failed.
    enum GB18030Failure: Error {
        /// The byte at this offset starts an invalid or incomplete sequence.
        case invalid(offset: Int)
        /// iconv has no GB18030 converter on this system.
        case unavailable(String)
    }

    /// Converts GB18030 bytes to UTF-8 with iconv (Foundation on Linux has no GB18030 String.Encoding).
    ///
    /// - Parameter initialOutputSize: the first output buffer's size; tests make it tiny to exercise growing it.
    static func gb18030ToUTF8(_ bytes: [UInt8], initialOutputSize: Int? = nil) -> Result<[UInt8], GB18030Failure> {
        let converter = iconv_open("UTF-8", "GB18030")
        // iconv_open signals failure with (iconv_t)-1, not NULL.
        guard let converter, Int(bitPattern: converter) != -1 else {
            return .failure(.unavailable("iconv_open: \(String(cString: strerror(errno)))"))
        }
        defer { iconv_close(converter) }
        if bytes.isEmpty { return .success([]) }

        var input = bytes
        // Two GB18030 bytes become at most three UTF-8 bytes, four become four; E2BIG is still handled below.
        var output = [UInt8](repeating: 0, count: max(1, initialOutputSize ?? bytes.count * 3 / 2 + 16))
        var produced = 0
        var consumed = 0
        while consumed < input.count {
            let chunk = output.count - produced
            let outcome: (result: Int, read: Int, written: Int, error: Int32) = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else {
                        return (0, 0, 0, 0)
                    }
                    var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase + consumed)
                        .assumingMemoryBound(to: CChar.self)
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase + produced)
                        .assumingMemoryBound(to: CChar.self)
                    var inLeft = inBuf.count - consumed
                    var outLeft = chunk
                    let before = inLeft
                    let result = iconv(converter, &inPtr, &inLeft, &outPtr, &outLeft)
                    let error = result == -1 ? errno : 0
                    return (result, before - inLeft, chunk - outLeft, error)
                }
            }
            consumed += outcome.read
            produced += outcome.written
            if outcome.result != -1 { break }
            switch outcome.error {
            case E2BIG:
                output.append(contentsOf: repeatElement(0, count: max(output.count, 64)))
            case EILSEQ, EINVAL:
                // EINVAL: an incomplete sequence at the end of the input.
                return .failure(.invalid(offset: consumed))
            default:
                return .failure(.invalid(offset: consumed))
            }
        }
        output.removeSubrange(produced...)
        return .success(output)
    }
}
