extension String {
    /// The text without surrounding spaces and tabs, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives it (tab and Unicode's space separators).
    ///
    /// The verifier's own, rather than Foundation's: it runs for every cell of a plan read back
    /// (165,000 in hainan-2022's assignments.csv), almost always with nothing to trim, and
    /// Foundation's bridged version took a twentieth of `solve`'s whole time there.
    var trimmedOfSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.isSpaceOrTab && !last.isSpaceOrTab { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpaceOrTab { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isSpaceOrTab { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension Unicode.Scalar {
    /// A tab or a space separator (Unicode category Zs): what `CharacterSet.whitespaces` holds.
    fileprivate var isSpaceOrTab: Bool {
        value == 0x09 || value == 0x20 || (value > 0x7F && properties.generalCategory == .spaceSeparator)
    }
}
