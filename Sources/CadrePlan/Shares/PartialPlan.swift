import Foundation

/// What one share of a job (`solve --blocks i/n`) found: the solutions of its blocks, and
/// enough about the scenario and the options to let `merge` refuse a part that does not belong.
///
/// The file is compact JSON with sorted keys. `checksum` is the SHA-256 of the same document
/// with an empty checksum, so a truncated or edited part is refused as corrupt rather than
/// merged. Solutions are the block models' variable values (integers); the merge rebuilds the
/// models from the scenario, checks the values against them, and expands them to named people
/// exactly as a single `solve` does.
public struct PartialPlan: Codable, Sendable, Equatable {
    /// Always ``formatName``: tells a partial plan from any other JSON file.
    public var format: String
    /// ``formatVersion`` when written.
    public var version: Int
    /// The scenario solved.
    public var scenario: ScenarioIdentity
    /// The options that change the model.
    public var options: ModelIdentity
    /// Which share this is.
    public var share: BlockShare
    /// The number of independent blocks of the whole scenario.
    public var blockCount: Int
    /// The solutions of this share's blocks, by ascending block number.
    public var blocks: [BlockResult]
    /// Wall-clock seconds of this share's phases (`read`, `prepare`, `solve`); not compared.
    public var seconds: [String: Double]
    /// SHA-256 of the document written with an empty checksum.
    public var checksum: String

    /// A part of `share` with `solution`'s blocks; the checksum is set when it is ``encoded()``.
    public init(scenario: ScenarioIdentity, options: ModelIdentity, solution: ShareSolution, seconds: [String: Double]) {
        format = Self.formatName
        version = Self.formatVersion
        self.scenario = scenario
        self.options = options
        share = solution.share
        blockCount = solution.blockCount
        blocks = solution.blocks
        self.seconds = seconds
        checksum = ""
    }

    /// The `format` of every partial plan.
    public static let formatName = "cadreplan partial plan"
    /// The version this program writes and reads.
    public static let formatVersion = 1

    /// The scenario a part was solved from.
    public struct ScenarioIdentity: Codable, Sendable, Equatable {
        /// scenario.yaml's `name`.
        public var name: String
        /// The scenario folder as an absolute path (where `merge` reads it unless told otherwise).
        public var folder: String
        /// ``ScenarioDigest`` of the loaded scenario, pins included.
        public var digest: String
        /// Creates an identity.
        public init(name: String, folder: String, digest: String) { self.name = name; self.folder = folder; self.digest = digest }
    }

    /// The options of `solve` that change the model, as given on its command line.
    public struct ModelIdentity: Codable, Sendable, Equatable {
        /// `--mode`, if given.
        public var mode: String?
        /// `--tiers`, if given.
        public var tiers: [String]?
        /// `false` with `--no-aggregate`.
        public var aggregate: Bool
        /// `--pins` as an absolute path, and `--pin-waves`, if given (their pins are in the scenario digest).
        public var pins: String?
        public var pinWaves: String?
        /// `--previous` as an absolute path, and the digest of the earlier plan's pins, if given.
        public var previous: String?
        public var previousDigest: String?
        /// Creates an identity.
        public init(mode: String? = nil, tiers: [String]? = nil, aggregate: Bool = true, pins: String? = nil,
                    pinWaves: String? = nil, previous: String? = nil, previousDigest: String? = nil) {
            self.mode = mode; self.tiers = tiers; self.aggregate = aggregate; self.pins = pins
            self.pinWaves = pinWaves; self.previous = previous; self.previousDigest = previousDigest
        }
    }

    /// The solution of one block.
    public struct BlockResult: Codable, Sendable, Equatable {
        /// 1-based block number (as in `--write-model` file names).
        public var block: Int
        /// The size of the block's model, checked against the model the merge rebuilds.
        public var variables: Int
        public var rows: Int
        /// Solved by the network fast path (a matching) rather than as integer programs.
        public var network: Bool
        /// Effort counters over the block's tiers.
        public var simplexIterations: Int
        public var nodes: Int
        /// The block's tiers in order.
        public var tiers: [TierResult]
        /// The value of every model variable.
        public var values: [Int]
    }

    /// How one tier of one block ended.
    public struct TierResult: Codable, Sendable, Equatable {
        public var name: String
        public var value: Int
        public var bound: Int?
        public var status: String
        public var seconds: Double
    }

    /// Why a partial plan could not be read.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        /// `path: what is wrong`, one line.
        public var description: String
    }

    /// The document as written: compact JSON, sorted keys, with its checksum set.
    public func encoded() throws -> Data {
        var copy = self
        copy.checksum = ""
        copy.checksum = SHA256.hex(String(decoding: try Self.encoder.encode(copy), as: UTF8.self))
        return try Self.encoder.encode(copy) + Data("\n".utf8)
    }

    /// Whether the file at `path` says it is a partial plan (of any version, intact or not): such a
    /// file may be replaced by a new part, any other file is someone's and is left alone.
    public static func looksLikePartialPlan(path: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return (try? JSONDecoder().decode(Header.self, from: data))?.format == formatName
    }

    private struct Header: Decodable { var format: String?; var version: Int? }

    /// Reads the part at `path`, refusing anything that is not an intact partial plan of this format.
    public static func read(path: String) throws(ReadError) -> PartialPlan {
        func fail(_ why: String) -> ReadError { ReadError(description: "\(path): \(why)") }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("cannot be read (no such file, or not readable)") }
        guard let header = try? JSONDecoder().decode(Header.self, from: data), header.format == formatName else {
            throw fail("not a partial plan of `cadreplan solve --blocks` (or a truncated one)")
        }
        guard header.version == formatVersion else {
            throw fail("partial plan version \(header.version.map(String.init) ?? "?"), this cadreplan reads version \(formatVersion)")
        }
        let part: PartialPlan
        do {
            part = try decoder.decode(PartialPlan.self, from: data)
        } catch {
            throw fail("corrupt partial plan: \(error)")
        }
        var copy = part
        copy.checksum = ""
        guard let body = try? encoder.encode(copy), SHA256.hex(String(decoding: body, as: UTF8.self)) == part.checksum else {
            throw fail("corrupt partial plan: its checksum does not match its content (edited or damaged after it was written)")
        }
        return part
    }

    private static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.keyEncodingStrategy = .convertToSnakeCase
        return e
    }

    private static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }
}
