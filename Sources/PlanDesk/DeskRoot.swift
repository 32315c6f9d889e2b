import Foundation
import Scenario

/// The folder the desk serves: its scenarios (folders holding scenario.yaml directly under ROOT
/// or under ROOT/scenarios) and their plan folders (ROOT/plans/<id>, as `cadreplan solve`
/// writes by default when run in ROOT). Nothing outside ROOT is ever read or written.
public struct DeskRoot: Sendable {
    /// ROOT with symbolic links resolved.
    public let path: String

    /// Opens `path`; throws when it is not a folder.
    public init(_ path: String) throws {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDir), isDir.boolValue else {
            throw DeskError.badRequest("\(path): not a folder")
        }
        self.path = resolved
    }

    /// The scenarios' ids (folder names) and folders, sorted by id; an id found twice keeps
    /// its first folder (ROOT/scenarios before ROOT).
    public func scenarios() -> [(id: String, folder: String)] {
        var found: [String: String] = [:]
        for parent in [path + "/scenarios", path] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") && found[name] == nil {
                let folder = parent + "/" + name
                guard FileManager.default.fileExists(atPath: folder + "/scenario.yaml"), isInside(folder) else { continue }
                found[name] = folder
            }
        }
        return found.keys.sorted().map { ($0, found[$0]!) }
    }

    /// The folder of scenario `id`, or nil when there is none (ids are looked up, never joined to paths).
    public func scenarioFolder(_ id: String) -> String? {
        scenarios().first { $0.id == id }?.folder
    }

    /// The plan folder of scenario `id` (which may not exist yet).
    public func planFolder(_ id: String) -> String { path + "/plans/" + id }

    /// Whether `candidate`, with symbolic links resolved, lies inside ROOT.
    public func isInside(_ candidate: String) -> Bool {
        let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().standardizedFileURL.path
        return real == path || real.hasPrefix(path + "/")
    }

    /// A file inside `folder` named by a relative path from a request: refused (nil) when any
    /// component is empty, `.`, `..` or hidden, or when the file resolves outside ROOT
    /// (a symbolic link pointing out) or is not a regular file.
    public func file(_ relative: String, in folder: String) -> String? {
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4,
              parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") && !$0.contains("\\") && !$0.contains("\0") }) else { return nil }
        let candidate = folder + "/" + parts.joined(separator: "/")
        guard isInside(candidate), isInside(folder) else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue else { return nil }
        return candidate
    }
}

/// A request the desk refuses, with the HTTP status it answers.
public enum DeskError: Error, CustomStringConvertible, Sendable {
    /// 400: a malformed form or a value that does not fit the scenario.
    case badRequest(String)
    /// 403: a cross-origin state change.
    case forbidden(String)
    /// 404: an unknown scenario, plan, cadre, target or file.
    case notFound(String)
    /// 409: a solve is running, or the change contradicts the scenario's pins.
    case conflict(String)
    /// 413: a body over the limit.
    case tooLarge(String)
    /// 500: the solve or the writing failed (the last good plan stays in place).
    case failed(String)

    /// The message shown to the planner.
    public var description: String {
        switch self {
        case .badRequest(let m), .forbidden(let m), .notFound(let m), .conflict(let m), .tooLarge(let m), .failed(let m): m
        }
    }

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .badRequest: 400
        case .forbidden: 403
        case .notFound: 404
        case .conflict: 409
        case .tooLarge: 413
        case .failed: 500
        }
    }
}
