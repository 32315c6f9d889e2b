import MIP

/// Names for a model file: ASCII letters, digits and `_` only, unique, at most 255 bytes.
///
/// Free MPS separates fields by blanks, so a name with a space would shift every
/// later field; the CPLEX LP format rejects names starting with a digit and many
/// punctuation characters. GLPK silently replaces unsuitable names with generated
/// ones (`R1`, `C1`), which would make files unreadable for people. So names are
/// sanitised here: ASCII letters, digits and `_` are kept, other ASCII characters
/// become `_`, other characters become `u` and their hexadecimal code point (keeping
/// e.g. Chinese names distinct), and a leading digit gets a `_` in front. Names that
/// collide afterwards get a `_2`, `_3`, … suffix. Rows and columns are separate
/// namespaces, as in both formats. The objective row's names are reserved among
/// rows: `obj` (used by the LP writer) and `R0000000` (GLPK's MPS writer always
/// calls the objective row that, whatever its name).
struct ModelFileNames {
    /// The longest name GLPK accepts, in bytes.
    static let maximumLength = 255
    /// The objective row's name.
    static let objectiveName = "obj"
    /// The name GLPK's MPS writer gives the objective row regardless of ``objectiveName``.
    static let mpsObjectiveName = "R0000000"

    /// The problem name.
    let problem: String
    /// The objective row's name.
    let objective: String
    /// One name per model row, in order.
    let rows: [String]
    /// One name per model variable, in order.
    let columns: [String]

    /// Derives file names for every row and column of `model`.
    init(_ model: Model) {
        problem = Self.sanitize(model.name, fallback: "model")
        var rowNames = UniqueNames()
        objective = rowNames.claim(Self.objectiveName)
        _ = rowNames.claim(Self.mpsObjectiveName)
        rows = model.constraints.map { rowNames.claim(Self.sanitize($0.name, fallback: "r")) }
        var columnNames = UniqueNames()
        columns = model.variables.map { columnNames.claim(Self.sanitize($0.name, fallback: "x")) }
    }

    /// `name` reduced to ASCII letters, digits and `_`, not starting with a digit, ≤ 255 bytes.
    static func sanitize(_ name: String, fallback: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "A"..."Z", "a"..."z", "0"..."9", "_":
                result.unicodeScalars.append(scalar)
            case _ where scalar.isASCII:
                result += "_"
            default:
                result += "u" + String(scalar.value, radix: 16, uppercase: true)
            }
        }
        if result.isEmpty { result = fallback }
        if let first = result.unicodeScalars.first, ("0"..."9").contains(first) { result = "_" + result }
        return String(result.prefix(maximumLength))  // ASCII: characters are bytes
    }
}

/// Hands out names, adding `_2`, `_3`, … to a name already taken.
struct UniqueNames {
    private var taken: Set<String> = []
    /// The next suffix to try per base name, so many collisions stay linear.
    private var nextSuffix: [String: Int] = [:]

    /// Returns `base` if it is free, otherwise `base` with the first free suffix (shortened to fit).
    mutating func claim(_ base: String) -> String {
        if taken.insert(base).inserted { return base }
        var suffix = nextSuffix[base, default: 2]
        while true {
            let tail = "_\(suffix)"
            let candidate = String(base.prefix(ModelFileNames.maximumLength - tail.count)) + tail
            suffix += 1
            if taken.insert(candidate).inserted {
                nextSuffix[base] = suffix
                return candidate
            }
        }
    }
}
