import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a whole output folder (a plan folder) in one atomic step, so that whatever
/// happens — an error, a full disk, a kill — the destination holds the whole old folder or
/// the whole new one.
///
/// The new folder is filled beside the destination (`.NAME.tmp-PID`, on the same file system),
/// flushed, and then exchanged with the old one by a single `renameat2(RENAME_EXCHANGE)` on
/// Linux (`renamex_np(RENAME_SWAP)` on macOS); the old copy, now at the staging name, is removed
/// only after the exchange. Where the file system cannot exchange, the old folder is first
/// renamed to `.NAME.old-PID` and put back if the second rename fails; a process killed between
/// the two renames leaves it there, and the next write puts it back before doing anything else.
/// Staging folders of processes that are no longer running are removed by the next write.
///
/// Only a folder that is empty or carries the same kind of ``FolderMarker`` is ever replaced.
public enum AtomicFolder {
    /// Replaces the folder at `path` with a new one that `fill` writes into the staging folder
    /// it is given, and that carries `marker`.
    ///
    /// - Parameters:
    ///   - path: the destination folder (created with its parents when missing).
    ///   - marker: what the folder is; the destination must be missing, empty, or carry this
    ///     kind of marker (any version up to this one).
    ///   - fill: writes the folder's contents into the staging folder (a path); the marker is
    ///     already there. Whatever it throws is rethrown, and nothing is replaced.
    /// - Throws: ``OutputError`` naming `path` when the destination may not be replaced or a
    ///   step fails, or what `fill` throws. The destination is unchanged in every case.
    public static func replace(_ path: String, marker: FolderMarker, fill: (_ staging: String) throws -> Void) throws {
        let shown = path
        let destination = try resolve(path)
        let parent = StagingName.parent(of: destination)
        let name = (destination as NSString).lastPathComponent
        try PosixFileSystem.makeFolders(parent)
        restoreInterruptedSwap(of: name, in: parent, destination: destination)
        try checkReplaceable(destination, marker: marker, shown: shown)
        StagingName.removeStale(of: name, in: parent)

        let staging = StagingName.join(parent, StagingName.stagingFolder(for: name))
        try PosixFileSystem.remove(staging, reportAs: shown)
        do {
            try PosixFileSystem.makeFolders(staging, reportAs: shown)
            try PosixFileSystem.writeNewFile(Data(marker.text.utf8), to: StagingName.join(staging, FolderMarker.fileName), reportAs: shown)
            try fill(staging)
            try syncTree(staging, shown: shown)
        } catch var error as OutputError {
            try? PosixFileSystem.remove(staging, reportAs: shown)
            // Name the file as the planner knows it (inside the destination), not the staging name.
            if error.path.hasPrefix(staging) { error.path = shown + error.path.dropFirst(staging.count) }
            throw error
        } catch {
            try? PosixFileSystem.remove(staging, reportAs: shown)
            throw error
        }
        try swap(staging, into: destination, parent: parent, name: name, shown: shown)
    }

    /// Whether `folder` may be replaced by a folder carrying `marker`: it is missing, empty, or
    /// carries a marker of the same format and a version no newer than `marker`'s.
    public static func isReplaceable(_ folder: String, by marker: FolderMarker) -> Bool {
        (try? checkReplaceable(folder, marker: marker, shown: folder)) != nil
    }

    // MARK: - Steps

    /// The destination to work on: trailing slashes dropped, and an existing symbolic link, `.`
    /// or `..` resolved to the real folder, so that the staging folder lies beside the real one.
    private static func resolve(_ path: String) throws(OutputError) -> String {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard !trimmed.isEmpty else { throw OutputError(path: path, action: "write the folder", reason: "没有给出文件夹 / no folder was given") }
        let last = (trimmed as NSString).lastPathComponent
        let kind = PosixFileSystem.kind(trimmed)
        guard kind == .symlink || ((last == "." || last == "..") && kind != .missing) else { return trimmed }
        guard let real = realpath(trimmed, nil) else { throw OutputError(path: path, action: "write the folder", code: errno) }
        defer { free(real) }
        let resolved = String(cString: real)
        guard resolved != "/" else { throw OutputError(path: path, action: "write the folder", reason: "不能替换根目录 / the root folder cannot be replaced") }
        return resolved
    }

    /// Throws unless `destination` is missing, empty, or carries the same kind of marker.
    private static func checkReplaceable(_ destination: String, marker: FolderMarker, shown: String) throws(OutputError) {
        switch PosixFileSystem.kind(destination) {
        case .missing:
            return
        case .folder:
            let names = PosixFileSystem.names(in: destination)
            if names.isEmpty { return }
            guard let found = FolderMarker.read(folder: destination) else {
                let hint = names.contains("summary.json")
                    ? "没有 cadreplan 标记文件 \(FolderMarker.fileName)，可能是旧版 cadreplan 写的方案；请删除它或换一个文件夹 / holds no cadreplan marker (\(FolderMarker.fileName)); if it is a plan written by an older cadreplan, delete it or choose another folder"
                    : "文件夹不为空且不是 cadreplan 写的 / the folder is not empty and was not written by cadreplan (no \(FolderMarker.fileName) marker); nothing in it was changed, choose another folder"
                throw OutputError(path: shown, action: "replace it", reason: hint)
            }
            guard found.format == marker.format else {
                throw OutputError(path: shown, action: "replace it", reason: "这是 \(found.format) 文件夹，不是 \(marker.format) / it is a \(found.format) folder, not a \(marker.format) folder; choose another folder")
            }
            guard found.version <= marker.version else {
                throw OutputError(path: shown, action: "replace it", reason: "由更新版本的 cadreplan 写成 / it was written by a newer cadreplan (\(found)); choose another folder")
            }
        case .file, .symlink, .other:
            throw OutputError(path: shown, action: "write the folder", reason: "已存在同名文件，不是文件夹 / a file of that name exists, not a folder")
        }
    }

    /// Flushes every folder of the staging tree (the files were flushed as they were written).
    private static func syncTree(_ folder: String, shown: String) throws(OutputError) {
        for entry in PosixFileSystem.names(in: folder) {
            let path = StagingName.join(folder, entry)
            if PosixFileSystem.kind(path) == .folder { try syncTree(path, shown: shown) }
        }
        try PosixFileSystem.syncFolder(folder, reportAs: shown)
    }

    /// Puts the staging folder at `destination`: an exchange when there is an old folder, else a rename.
    private static func swap(_ staging: String, into destination: String, parent: String, name: String, shown: String) throws(OutputError) {
        guard PosixFileSystem.kind(destination) == .folder else {
            do {
                try PosixFileSystem.rename(staging, to: destination, reportAs: shown, action: "write the folder")
            } catch {
                try? PosixFileSystem.remove(staging, reportAs: shown)
                throw error
            }
            try? PosixFileSystem.syncFolder(parent, reportAs: shown)
            return
        }
        let exchanged: Bool
        do {
            exchanged = try PosixFileSystem.exchange(staging, destination, reportAs: shown)
        } catch {
            try? PosixFileSystem.remove(staging, reportAs: shown)
            throw error
        }
        if exchanged {
            try? PosixFileSystem.syncFolder(parent, reportAs: shown)
            // The staging name now holds the old folder. Should removing it fail, it carries the
            // marker and a finished process id, so the next write removes it.
            try? PosixFileSystem.remove(staging, reportAs: shown)
            return
        }
        // No exchange on this file system: two renames, undone if the second fails.
        let old = StagingName.join(parent, oldName(for: name, pid: getpid()))
        do {
            try PosixFileSystem.rename(destination, to: old, reportAs: shown, action: "replace the folder")
        } catch {
            try? PosixFileSystem.remove(staging, reportAs: shown)
            throw error
        }
        do {
            try PosixFileSystem.rename(staging, to: destination, reportAs: shown, action: "replace the folder")
        } catch {
            try? PosixFileSystem.rename(old, to: destination, reportAs: shown, action: "restore the folder")
            try? PosixFileSystem.remove(staging, reportAs: shown)
            throw error
        }
        try? PosixFileSystem.syncFolder(parent, reportAs: shown)
        try? PosixFileSystem.remove(old, reportAs: shown)
    }

    /// `.NAME.old-PID`: where the two-rename fallback parks the old folder (and where cadreplan
    /// 0.1 parked it, without putting it back when killed).
    static func oldName(for name: String, pid: Int32) -> String { "." + name + ".old-\(pid)" }

    /// After a process was killed between the two renames of the fallback (or of cadreplan 0.1),
    /// the old folder is parked at `.NAME.old-PID` and the destination is missing: put it back.
    /// When the destination exists, a parked copy carrying a marker is a finished swap's
    /// leftover and is removed; one without (parked by 0.1) is left alone, as it may be the only copy.
    private static func restoreInterruptedSwap(of name: String, in parent: String, destination: String) {
        let prefix = "." + name + ".old-"
        let parked = PosixFileSystem.names(in: parent).filter { entry in
            guard entry.hasPrefix(prefix), let pid = Int32(entry.dropFirst(prefix.count)) else { return false }
            return pid != getpid() && !PosixFileSystem.isAlive(pid)
        }.sorted()
        for entry in parked {
            let path = StagingName.join(parent, entry)
            guard PosixFileSystem.kind(path) == .folder else { continue }
            let looksLikeAPlan = FolderMarker.read(folder: path) != nil || PosixFileSystem.kind(StagingName.join(path, "summary.json")) == .file
            guard looksLikeAPlan else { continue }
            if PosixFileSystem.kind(destination) == .missing {
                try? PosixFileSystem.rename(path, to: destination, reportAs: destination, action: "restore the folder")
            } else if FolderMarker.read(folder: path) != nil {
                try? PosixFileSystem.remove(path, reportAs: path)
            }
        }
    }
}
