import Foundation
import ZIPFoundation

/// The zip container of a workbook, with every size capped.
///
/// ZIPFoundation lists the entries (names, sizes, checksums, methods) from the file and inflates.
/// It reads the file itself, not a copy in memory: its in-memory backing traps on a seek past
/// the end, which a damaged directory asks for (seen in this project's damage test). The bytes it
/// inflates are handed to it here, from the entry's own data only: its `extract` reads on
/// through the file until the deflate stream ends, and a stream that never ends before the end of
/// the file (a crafted stored block that claims the rest of the file) would make it wait for
/// input forever. Bounded input turns that into an error. Inflated output is counted as it comes,
/// so a zip bomb stops at ``XLSXLimits/partBytes`` or ``XLSXLimits/totalBytes``, and every
/// part is checked against its size and CRC-32.
final class ZipContainer {
    /// One entry: where its data starts, and what ZIPFoundation read of it.
    private struct Item {
        let entry: Entry
        let dataStart: Int
    }

    private let data: Data
    private let file: String
    private let limits: XLSXLimits
    private var items: [String: Item] = [:]
    /// Inflated bytes handed out so far, against ``XLSXLimits/totalBytes``.
    private var inflated = 0

    /// Opens the workbook `file`, whose bytes `data` were read from it.
    init(data: Data, file: String, limits: XLSXLimits) throws(XLSXReadError) {
        self.data = data; self.file = file; self.limits = limits
        guard data.count >= 4, data.prefix(4).elementsEqual([0x50, 0x4B, 0x03, 0x04]) else {
            throw fail(data.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
                ? "is an old Excel 97–2003 workbook (.xls); save it as .xlsx (Excel Workbook) and try again"
                : "is not an .xlsx workbook: it does not start like a zip container (a CSV or other file renamed to .xlsx?)")
        }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: file), accessMode: .read)
        } catch {
            throw fail("is damaged or truncated: its zip directory cannot be read (\(error))")
        }
        let offsets = try ZipDirectory.dataOffsets(in: data, file: file, limit: limits.entries)
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.entries else { throw fail("lists more than \(limits.entries) entries; not a workbook this program reads") }
            guard entry.type == .file else { continue }
            guard let start = offsets[entry.path] else { throw fail("is damaged: entry \(entry.path) has no readable local header") }
            items[entry.path] = Item(entry: entry, dataStart: start)
        }
    }

    private func fail(_ message: String) -> XLSXReadError { XLSXReadError(file: file, message: message) }

    /// Whether the container holds `path`.
    func contains(_ path: String) -> Bool { items[path] != nil }

    /// The inflated bytes of `path`, or `nil` when there is no such entry.
    func read(_ path: String) throws(XLSXReadError) -> Data? {
        guard let item = items[path] else { return nil }
        let entry = item.entry
        let compressedSize = Int(clamping: entry.compressedSize), declared = Int(clamping: entry.uncompressedSize)
        guard declared <= limits.partBytes else {
            throw fail("part \(path) would inflate to \(declared) bytes, more than the \(limits.partBytes) accepted")
        }
        guard item.dataStart <= data.count, compressedSize <= data.count - item.dataStart else {
            throw fail("is truncated: part \(path) ends beyond the end of the file")
        }
        let raw = data[(data.startIndex + item.dataStart)..<(data.startIndex + item.dataStart + compressedSize)]
        var out = Data()
        out.reserveCapacity(min(declared, limits.partBytes))
        let budget = min(limits.partBytes, limits.totalBytes - inflated)
        let checksum: CRC32
        if entry.isCompressed {
            checksum = try inflate(raw, into: &out, budget: budget, path: path)
        } else {
            guard raw.count <= budget else { throw tooLarge(path) }
            out = Data(raw)
            checksum = out.crc32(checksum: 0)
        }
        inflated += out.count
        guard out.count == declared else {
            throw fail("is damaged: part \(path) inflates to \(out.count) bytes but its directory says \(declared)")
        }
        guard checksum == entry.checksum else { throw fail("is damaged: part \(path) fails its CRC-32 check") }
        return out
    }

    private func tooLarge(_ path: String) -> XLSXReadError {
        fail("part \(path) inflates to more than \(min(limits.partBytes, limits.totalBytes)) bytes (a zip bomb?); refused")
    }

    /// Inflates raw deflate data, feeding ZIPFoundation whole buffers (padded with zeros past the
    /// end, so zlib never reads beyond them) and failing once the input is used up.
    private func inflate(_ raw: Data, into out: inout Data, budget: Int, path: String) throws(XLSXReadError) -> CRC32 {
        let bufferSize = 1 << 16
        struct Truncated: Error {}
        struct OverBudget: Error {}
        do {
            var produced = 0
            var collected = Data()
            let crc = try Data.decompress(size: Int64(raw.count), bufferSize: bufferSize, skipCRC32: false, provider: { position, size in
                let start = Int(position)
                guard start < raw.count else { throw Truncated() }
                var chunk = Data(raw[(raw.startIndex + start)..<(raw.startIndex + min(start + size, raw.count))])
                if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                return chunk
            }, consumer: { piece in
                produced += piece.count
                guard produced <= budget else { throw OverBudget() }
                collected.append(piece)
            })
            out = collected
            return crc
        } catch is Truncated {
            throw fail("is damaged or truncated: the compressed data of part \(path) ends too early")
        } catch is OverBudget {
            throw tooLarge(path)
        } catch {
            throw fail("is damaged: part \(path) cannot be inflated (\(error))")
        }
    }
}

/// Finds where each entry's data starts: the central directory names each entry's local header,
/// whose variable-length name and extra field come before the data. ZIPFoundation keeps these
/// offsets to itself, so this reads just them, every position bounds-checked.
enum ZipDirectory {
    /// Data offset by entry name.
    static func dataOffsets(in data: Data, file: String, limit: Int) throws(XLSXReadError) -> [String: Int] {
        let bytes = [UInt8](data)
        func u16(_ i: Int) -> Int? { i >= 0 && i + 2 <= bytes.count ? Int(bytes[i]) | Int(bytes[i + 1]) << 8 : nil }
        func u32(_ i: Int) -> Int? {
            guard let lo = u16(i), let hi = u16(i + 2) else { return nil }
            return lo | hi << 16
        }
        func damaged(_ what: String) -> XLSXReadError { XLSXReadError(file: file, message: "is damaged or truncated: \(what)") }
        // The end-of-central-directory record: in the last 22 + 65,535 bytes (its comment may be that long).
        var eocd: Int?
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 22 - 65_535) {
            if u32(i) == 0x0605_4B50 { eocd = i; break }
            i -= 1
        }
        guard let eocd, let count = u16(eocd + 10), let start = u32(eocd + 16) else {
            throw damaged("its zip directory is missing")
        }
        guard count <= limit else {
            throw XLSXReadError(file: file, message: "lists more than \(limit) entries; not a workbook this program reads")
        }
        var offsets: [String: Int] = [:]
        var at = start
        for _ in 0..<count {
            guard u32(at) == 0x0201_4B50, let nameLength = u16(at + 28), let extraLength = u16(at + 30),
                  let commentLength = u16(at + 32), let local = u32(at + 42), at + 46 + nameLength <= bytes.count else {
                throw damaged("an entry of its zip directory cannot be read")
            }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28) else {
                throw damaged("entry \(name) has no local header where its directory says")
            }
            offsets[name] = local + 30 + localName + localExtra
            at += 46 + nameLength + extraLength + commentLength
        }
        return offsets
    }
}
