import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the atomic writers need, made directly so that every failure
/// keeps its error number (for a one-line ``OutputError``) and passes the ``FileSystemSeam``.
enum PosixFileSystem {
    /// What is at a path, without following a final symbolic link.
    enum Kind: Equatable {
        case missing, file, folder, symlink, other
    }

    /// What `path` is (`lstat`), or `.missing`.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Runs `step` past the seam, then `body`; throws when either fails.
    private static func take(_ step: FileSystemStep, path: String, action: String, _ body: () -> Int32) throws(OutputError) {
        if let injected = FileSystemSeam.check(step) { throw OutputError(path: path, action: action, code: injected) }
        var result: Int32
        repeat { result = body() } while result == -1 && errno == EINTR
        if result != 0 { throw OutputError(path: path, action: action, code: errno) }
    }

    /// Creates `path` and any missing parents (like `mkdir -p`); an existing folder is fine.
    static func makeFolders(_ path: String, reportAs shown: String? = nil) throws(OutputError) {
        let shown = shown ?? path
        switch kind(path) {
        case .folder: return
        case .symlink:
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { return }
            throw OutputError(path: shown, action: "create the folder", code: ENOTDIR)
        case .file, .other: throw OutputError(path: shown, action: "create the folder", code: ENOTDIR)
        case .missing: break
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolders(parent, reportAs: parent) }
        do {
            try take(.createFolder(path), path: shown, action: "create the folder") { mkdir(path, 0o755) }
        } catch {
            // Another writer may have created it in the meantime.
            if error.code == EEXIST, kind(path) == .folder { return }
            throw error
        }
    }

    /// Writes `data` to a new file at `path` (which must not exist) and flushes it to the disk.
    static func writeNewFile(_ data: Data, to path: String, reportAs shown: String) throws(OutputError) {
        if let injected = FileSystemSeam.check(.createFile(path)) { throw OutputError(path: shown, action: "write", code: injected) }
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) } while fd == -1 && errno == EINTR
        guard fd >= 0 else { throw OutputError(path: shown, action: "write", code: errno) }
        defer { close(fd) }
        if let injected = FileSystemSeam.check(.writeBytes(path)) { throw OutputError(path: shown, action: "write", code: injected) }
        let failure: Int32? = data.withUnsafeBytes { raw -> Int32? in
            guard var next = raw.baseAddress else { return nil }
            var left = raw.count
            while left > 0 {
                let n = write(fd, next, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                // write(2) returning 0 for a non-empty request means no progress can be made.
                if n == 0 { return ENOSPC }
                next += n
                left -= n
            }
            return nil
        }
        if let failure { throw OutputError(path: shown, action: "write", code: failure) }
        try take(.sync(path), path: shown, action: "write") { fsync(fd) }
    }

    /// Flushes a folder's entries (new names, renames) to the disk.
    static func syncFolder(_ path: String, reportAs shown: String) throws(OutputError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError(path: shown, action: "write", code: errno) }
        defer { close(fd) }
        try take(.sync(path), path: shown, action: "write") {
            // Some file systems cannot flush a folder; the data itself was flushed already.
            let r = fsync(fd)
            return r != 0 && (errno == EINVAL || errno == ENOTSUP) ? 0 : r
        }
    }

    /// Renames `from` to `to` (replacing a file, or an empty folder, at `to`).
    static func rename(_ from: String, to: String, reportAs shown: String, action: String) throws(OutputError) {
        try take(.rename(from: from, to: to), path: shown, action: action) { Foundation.rename(from, to) }
    }

    /// Exchanges the folders `a` and `b` in one atomic step; `false` when the system or the file
    /// system cannot (the caller then falls back to two renames).
    static func exchange(_ a: String, _ b: String, reportAs shown: String) throws(OutputError) -> Bool {
        #if os(Linux)
        // glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not
        // define, so it is looked up by name (glibc 2.28 and later have it).
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchangeFlag: UInt32 = 1 << 1  // RENAME_EXCHANGE
        if let injected = FileSystemSeam.check(.exchange(a, b)) {
            // An injected "not supported" takes the fallback, as the real one would.
            if unsupported(injected) { return false }
            throw OutputError(path: shown, action: "replace the folder", code: injected)
        }
        var result: Int32
        repeat { result = renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) } while result == -1 && errno == EINTR
        if result == 0 { return true }
        if unsupported(errno) { return false }
        throw OutputError(path: shown, action: "replace the folder", code: errno)
        #elseif canImport(Darwin)
        if let injected = FileSystemSeam.check(.exchange(a, b)) {
            if unsupported(injected) { return false }
            throw OutputError(path: shown, action: "replace the folder", code: injected)
        }
        if renamex_np(a, b, UInt32(RENAME_SWAP)) == 0 { return true }
        if unsupported(errno) { return false }
        throw OutputError(path: shown, action: "replace the folder", code: errno)
        #else
        return false
        #endif
    }

    /// Whether an exchange failed only because the system or the file system cannot exchange.
    private static func unsupported(_ code: Int32) -> Bool {
        code == EINVAL || code == ENOSYS || code == ENOTSUP || code == EOPNOTSUPP
    }

    /// Removes a file, or a folder with everything in it; a missing path is fine.
    static func remove(_ path: String, reportAs shown: String) throws(OutputError) {
        if kind(path) == .missing { return }
        if let injected = FileSystemSeam.check(.remove(path)) { throw OutputError(path: shown, action: "remove", code: injected) }
        do {
            // A folder carrying cadreplan's marker loses its marker last: a process killed while
            // removing it leaves a folder the next write still knows as its own and clears,
            // never an unmarked remnant it must keep as someone else's.
            if kind(path) == .folder, names(in: path).contains(FolderMarker.fileName) {
                for name in names(in: path) where name != FolderMarker.fileName {
                    try FileManager.default.removeItem(atPath: path.hasSuffix("/") ? path + name : path + "/" + name)
                }
            }
            try FileManager.default.removeItem(atPath: path)
        } catch {
            if kind(path) == .missing { return }
            throw OutputError(path: shown, action: "remove", code: posixCode(of: error) ?? EIO)
        }
    }

    /// The POSIX error number inside a Foundation error, if it carries one.
    static func posixCode(of error: Error) -> Int32? {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        return nil
    }

    /// Whether a process with this id is running (or exists but belongs to someone else).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The names in a folder (without `.` and `..`), or none when it cannot be listed.
    static func names(in folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}
