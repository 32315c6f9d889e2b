extension String {
    /// The text with every character that could break a one-line message written as an escape:
    /// line breaks and tabs as `\n`, `\r`, `\t`, other control characters, line and paragraph
    /// separators, direction overrides and byte-order marks as `\u{…}`.
    ///
    /// Cell text goes into error messages; a quoted cell holding a line break would otherwise
    /// split one error over two lines, and a direction override could make it read backwards.
    public var escapedForMessage: String {
        guard unicodeScalars.contains(where: \.needsEscapeInMessage) else { return self }
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for scalar in unicodeScalars {
            guard scalar.needsEscapeInMessage else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// The text in single quotes for messages, escaped (``escapedForMessage``) and shortened to
    /// about 60 characters when longer, so a 1 MB cell gives a readable message.
    public var quotedForMessage: String {
        let shown = count > 60 ? String(prefix(57)).escapedForMessage + "…" : escapedForMessage
        return "'\(shown)'"
    }
}

extension Array where Element == String {
    /// Names for a message such as "the header is: a, b, c": each quoted when it needs it and
    /// shortened, and at most `limit` of them (then "and N more").
    public func listedForMessage(limit: Int = 20) -> String {
        let shown = prefix(limit).map { name in
            name.count > 60 || name.unicodeScalars.contains(where: \.needsEscapeInMessage) ? name.quotedForMessage : name
        }
        let more = count > limit ? ", and \(count - limit) more" : ""
        return shown.joined(separator: ", ") + more
    }
}

extension Unicode.Scalar {
    /// Whether the scalar is shown as an escape in messages (see ``Swift/String/escapedForMessage``).
    var needsEscapeInMessage: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true                  // C0 and C1 controls, DEL
        case 0x2028, 0x2029: true                             // line and paragraph separators
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true  // direction marks and overrides
        case 0xFEFF: true                                     // byte-order mark / zero-width no-break space
        default: false
        }
    }

    /// Whether the scalar is a control character (C0, DEL or C1), which ids and names may not hold.
    public var isControlCharacter: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
