#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A memory-backed folder for libxlsxwriter's temporary files, where the system has one.
///
/// libxlsxwriter 1.1 writes every part of a workbook to a temporary file before zipping it
/// (each sheet twice in constant-memory mode): several hundred files and about 50 MB for
/// hainan-2022's 30 workbooks. In the system's temporary folder, on a disk's file system, the
/// kernel's work on them was a fifth of the workbooks' CPU time; in /dev/shm (tmpfs) the
/// workbooks take about a tenth less CPU in all (measured with `perf`, docs/DECISIONS.md). The
/// files live in memory only while their workbook is being written.
enum MemoryFolder {
    /// `/dev/shm` when it is a folder this process may create files in, else `nil`.
    static let path: String? = {
        let candidate = "/dev/shm"
        var info = stat()
        guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, access(candidate, W_OK | X_OK) == 0 else { return nil }
        return candidate
    }()
}
