import Foundation

/// The marker file by which a folder written by cadreplan says what it is: `.cadreplan`,
/// holding `{"format": "cadreplan-plan", "version": 1}`.
///
/// Only cadreplan writes it, so a folder that carries it may be replaced as a whole by the next
/// write of the same kind (see ``AtomicFolder``), and a folder without it — someone's thesis, an
/// export, a plan edited by hand into something else — is never replaced.
public struct FolderMarker: Sendable, Hashable, CustomStringConvertible {
    /// The kind of folder, e.g. `cadreplan-plan`.
    public var format: String
    /// The version of that folder layout.
    public var version: Int

    /// Creates a marker.
    public init(format: String, version: Int) {
        self.format = format; self.version = version
    }

    /// The marker's file name inside the folder.
    public static let fileName = ".cadreplan"

    /// A plan folder written by `cadreplan solve`.
    public static let plan = FolderMarker(format: "cadreplan-plan", version: 1)

    /// The file's bytes: one line of JSON, always the same for the same marker.
    public var text: String { "{\"format\": \"\(format)\", \"version\": \(version)}\n" }

    /// `cadreplan-plan version 1`.
    public var description: String { "\(format) version \(version)" }

    /// The marker of `folder`, or `nil` when it has none (or one that is not a cadreplan marker).
    public static func read(folder: String) -> FolderMarker? {
        let path = StagingName.join(folder, fileName)
        // A marker is one short line; anything else (a folder, a FIFO, a huge file) is not one.
        guard PosixFileSystem.kind(path) == .file,
              let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? NSNumber, size.intValue <= 4096,
              let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let format = object["format"] as? String, format.hasPrefix("cadreplan-"),
              let version = object["version"] as? Int
        else { return nil }
        return FolderMarker(format: format, version: version)
    }
}
