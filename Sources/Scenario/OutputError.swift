#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file or folder could not be written, in one line a planner understands.
///
/// Carries the path and the system's error number rather than a Foundation error, so that
/// what reaches the planner is "plans/x: 无法写入：磁盘已满 / cannot write: the disk is full",
/// never a dump of error domains and user-info dictionaries.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path concerned, as the user gave it (or the file inside it that failed).
    public var path: String
    /// What was being done, in English: `write`, `create the folder`, `replace the plan`, …
    public var action: String
    /// The system error number (`errno`), or `nil` when the refusal is cadreplan's own.
    public var code: Int32?
    /// cadreplan's own reason, used when `code` is `nil` (e.g. "is not a plan folder written by cadreplan").
    public var reason: String?

    /// A failure with a system error number.
    public init(path: String, action: String, code: Int32) {
        self.path = path; self.action = action; self.code = code; self.reason = nil
    }

    /// A refusal with cadreplan's own reason (Chinese first, then English).
    public init(path: String, action: String, reason: String) {
        self.path = path; self.action = action; self.code = nil; self.reason = reason
    }

    /// `path: cannot <action>: <reason>` on one line, Chinese first.
    public var description: String {
        let why = reason ?? code.map(Self.explain) ?? "unknown reason"
        return "\(path.escapedForMessage): cannot \(action): \(why)"
    }

    /// The planner's words for the error numbers a write meets in practice, Chinese first.
    static func explain(_ code: Int32) -> String {
        switch code {
        case EROFS: return "只读磁盘 / the disk or folder is read-only"
        case ENOSPC: return "磁盘已满 / the disk is full"
        case EDQUOT: return "磁盘配额已用完 / the disk quota is used up"
        case EACCES, EPERM: return "没有写入权限 / permission denied"
        case ENOTDIR: return "路径中有一项是文件而不是文件夹 / a part of the path is a file, not a folder"
        case EISDIR: return "目标是文件夹 / a folder is in the way"
        case EEXIST: return "已有同名文件 / something else already has that name"
        case ENOENT: return "上级文件夹不存在 / a folder on the path does not exist"
        case ENAMETOOLONG: return "名称过长 / the name is too long"
        case EIO: return "磁盘读写错误 / input/output error on the disk"
        case EMFILE, ENFILE: return "打开的文件过多 / too many open files"
        case ENOTEMPTY: return "文件夹不为空 / the folder is not empty"
        case EXDEV: return "不在同一磁盘上 / not on the same disk"
        case EBUSY: return "正被占用 / the file or folder is in use"
        default: return "系统错误 \(code) / " + String(cString: strerror(code))
        }
    }
}
