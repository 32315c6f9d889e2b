import Foundation

/// One step by which ``AtomicFile`` and ``AtomicFolder`` change the file system.
public enum FileSystemStep: Sendable, Hashable, CustomStringConvertible {
    /// Creating a folder.
    case createFolder(String)
    /// Creating (and opening) a new file.
    case createFile(String)
    /// Writing a file's bytes.
    case writeBytes(String)
    /// Flushing a file or folder to the disk.
    case sync(String)
    /// Renaming `from` to `to` (a file into place, or a new folder where none was).
    case rename(from: String, to: String)
    /// Exchanging two folders in one step (a new plan folder with the old one).
    case exchange(String, String)
    /// Removing a file or folder.
    case remove(String)

    /// Whether the step is a rename or an exchange, the steps that publish what was written.
    public var isRename: Bool {
        switch self {
        case .rename, .exchange: true
        default: false
        }
    }

    /// The path the step works on (for a rename, the one renamed; for an exchange, the first).
    public var path: String {
        switch self {
        case .createFolder(let p), .createFile(let p), .writeBytes(let p), .sync(let p), .remove(let p): p
        case .rename(let a, _), .exchange(let a, _): a
        }
    }

    /// `rename a → b`, for logs of fault-injection runs.
    public var description: String {
        switch self {
        case .createFolder(let p): "mkdir \(p)"
        case .createFile(let p): "create \(p)"
        case .writeBytes(let p): "write \(p)"
        case .sync(let p): "fsync \(p)"
        case .rename(let a, let b): "rename \(a) → \(b)"
        case .exchange(let a, let b): "exchange \(a) ↔ \(b)"
        case .remove(let p): "remove \(p)"
        }
    }
}

/// A test seam: a hook that sees every file-system step of ``AtomicFile`` and ``AtomicFolder``
/// before it is taken, and may fail it with an error number or end the process there.
///
/// Fault-injection tests use it to fail each rename with `EIO` and to SIGKILL the writer at each
/// step, then check that the destination holds the whole old output or the whole new one. With
/// no hook installed (always, outside tests) a step costs one lock and one nil check.
public enum FileSystemSeam {
    /// What the hook decides for a step: `nil` to take it, an error number to fail it untaken.
    public typealias Hook = @Sendable (_ index: Int, _ step: FileSystemStep) -> Int32?

    private struct Entry {
        var hook: Hook
        var count = 0
    }

    private final class State: @unchecked Sendable {
        let lock = NSLock()
        /// Hooks by scope (a folder with a trailing slash; "" for every path).
        var entries: [String: Entry] = [:]
    }
    private static let state = State()

    private static func key(_ scope: String?) -> String {
        guard let scope else { return "" }
        return scope.hasSuffix("/") ? scope : scope + "/"
    }

    /// Installs `hook` (or removes it with `nil`) and restarts its step count at 1.
    ///
    /// - Parameter scope: when given, only steps on paths under this folder are counted and shown
    ///   to the hook, so that tests running at the same time each see only their own files.
    ///   Without it the hook sees every step (the command line's fault injection).
    public static func install(_ hook: Hook?, scope: String? = nil) {
        state.lock.lock(); defer { state.lock.unlock() }
        state.entries[key(scope)] = hook.map { Entry(hook: $0) }
    }

    /// Steps counted by the hook of `scope` since it was installed.
    public static func steps(scope: String? = nil) -> Int {
        state.lock.lock(); defer { state.lock.unlock() }
        return state.entries[key(scope)]?.count ?? 0
    }

    /// Called before every step: the error number to fail it with, or `nil` to go ahead.
    static func check(_ step: FileSystemStep) -> Int32? {
        state.lock.lock()
        guard !state.entries.isEmpty,
              let scope = state.entries.keys.filter({ $0.isEmpty || step.path.hasPrefix($0) }).max(by: { $0.count < $1.count }),
              var entry = state.entries[scope]
        else { state.lock.unlock(); return nil }
        entry.count += 1
        state.entries[scope] = entry
        state.lock.unlock()
        return entry.hook(entry.count, step)
    }
}
