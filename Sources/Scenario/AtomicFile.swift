import Foundation

/// Writes files so that a reader never sees half a file and a crash never loses the old one.
///
/// The bytes go to a temporary file in the same folder, which is flushed and then
/// renamed over the destination (rename is atomic within one file system).
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the parent folder if needed.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        // Data.write(.atomic) writes to a temporary file beside the target and renames it.
        try data.write(to: url, options: .atomic)
    }

    /// Writes `text` as UTF-8 (with a byte-order mark when `bom` is true) to `path` atomically.
    public static func write(_ text: String, to path: String, bom: Bool = false) throws {
        var data = Data()
        if bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(contentsOf: Array(text.utf8))
        try write(data, to: path)
    }
}
