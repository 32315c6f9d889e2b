import Foundation

/// Writes files so that a reader never sees half a file and a crash never loses the old one.
///
/// The bytes go to a temporary file beside the destination (`.NAME.tmp-PID-N`), which is
/// flushed to the disk and then renamed over the destination: rename is atomic within one
/// file system, so the destination holds the old bytes or the new ones, whatever happens.
/// Temporary files left by a process that was killed are removed by the next write of the
/// same file. Every failure is an ``OutputError`` naming the path, never a Foundation dump.
public enum AtomicFile {
    /// Writes `data` to `path` atomically, creating the parent folders if needed.
    public static func write(_ data: Data, to path: String) throws(OutputError) {
        let parent = StagingName.parent(of: path)
        try PosixFileSystem.makeFolders(parent)
        let name = (path as NSString).lastPathComponent
        StagingName.removeStale(of: name, in: parent)
        let temporary = StagingName.join(parent, StagingName.temporaryFile(for: name))
        do {
            try PosixFileSystem.writeNewFile(data, to: temporary, reportAs: path)
            try PosixFileSystem.rename(temporary, to: path, reportAs: path, action: "write")
        } catch {
            try? PosixFileSystem.remove(temporary, reportAs: temporary)
            throw error
        }
    }

    /// Creates the folder `path` and any missing parents; an existing folder is fine.
    public static func makeFolders(_ path: String) throws(OutputError) {
        try PosixFileSystem.makeFolders(path)
    }

    /// Writes `text` as UTF-8 (with a byte-order mark when `bom` is true) to `path` atomically.
    public static func write(_ text: String, to path: String, bom: Bool = false) throws(OutputError) {
        var data = Data()
        if bom { data.append(contentsOf: [0xEF, 0xBB, 0xBF]) }
        data.append(contentsOf: Array(text.utf8))
        try write(data, to: path)
    }
}

/// Names of the staging files and folders the atomic writers leave beside a destination while
/// they work, and the clean-up of those whose process is gone.
enum StagingName {
    /// The folder holding `path` (`.` for a bare name).
    static func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// `parent/name`.
    static func join(_ parent: String, _ name: String) -> String {
        parent.hasSuffix("/") ? parent + name : parent + "/" + name
    }

    /// The part of a destination's name used in staging names: short enough that the staging
    /// name stays under the 255-byte limit of a file name.
    private static func stem(_ name: String) -> String {
        var stem = ""
        for scalar in name.unicodeScalars {
            if stem.utf8.count + String(scalar).utf8.count > 180 { break }
            stem.unicodeScalars.append(scalar)
        }
        return stem
    }

    /// The prefix every staging name of `name` starts with: `.NAME.tmp-`.
    static func prefix(of name: String) -> String { "." + stem(name) + ".tmp-" }

    private final class Counter: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
    }
    private static let counter = Counter()

    /// A fresh temporary file name for `name` in this process: `.NAME.tmp-PID-N`.
    static func temporaryFile(for name: String) -> String {
        counter.lock.lock()
        counter.next += 1
        let n = counter.next
        counter.lock.unlock()
        return prefix(of: name) + "\(getpid())-\(n)"
    }

    /// The staging folder name for `name` in this process: `.NAME.tmp-PID`.
    static func stagingFolder(for name: String) -> String { prefix(of: name) + "\(getpid())" }

    /// The process id a staging name of `name` carries, or `nil` when `entry` is not one.
    static func owner(of entry: String, name: String) -> Int32? {
        let prefix = prefix(of: name)
        guard entry.hasPrefix(prefix) else { return nil }
        let rest = entry.dropFirst(prefix.count)
        let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let pid = Int32(parts[0]) else { return nil }
        return pid
    }

    /// Removes the staging files and folders of `name` in `parent` whose process is no longer
    /// running: what a killed writer left behind. Best effort: a failure leaves them for later.
    ///
    /// A staging folder is removed only when it is empty or holds a cadreplan marker file (which
    /// the writer creates first thing, so a kill leaves at worst an empty one), so that a folder
    /// someone happened to name like a staging folder is never deleted.
    static func removeStale(of name: String, in parent: String) {
        let prefix = prefix(of: name)
        for entry in PosixFileSystem.names(in: parent) where entry.hasPrefix(prefix) {
            guard let pid = owner(of: entry, name: name), pid != getpid(), !PosixFileSystem.isAlive(pid) else { continue }
            let path = join(parent, entry)
            switch PosixFileSystem.kind(path) {
            case .file:
                try? PosixFileSystem.remove(path, reportAs: path)
            case .folder:
                let inside = PosixFileSystem.names(in: path)
                if inside.isEmpty || inside.contains(FolderMarker.fileName) {
                    try? PosixFileSystem.remove(path, reportAs: path)
                }
            default:
                continue
            }
        }
    }
}
