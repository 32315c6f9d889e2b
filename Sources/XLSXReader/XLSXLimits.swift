/// How much a workbook may hold before it is refused: the caps that keep a damaged or hostile
/// file (a zip bomb, a deeply nested XML part) from exhausting memory or time.
///
/// The defaults leave ample room for a campaign ten times Hainan's (100,000 cadres take about
/// 10 MB of sheet XML) and stop a zip bomb after at most 512 MB of inflated data.
public struct XLSXLimits: Sendable, Hashable {
    /// The largest workbook file read (bytes).
    public var fileBytes: Int
    /// The most entries the zip container may list.
    public var entries: Int
    /// The largest inflated size of one part (bytes).
    public var partBytes: Int
    /// The largest inflated size of all the parts read (bytes).
    public var totalBytes: Int
    /// The deepest XML nesting accepted (SpreadsheetML needs about 6).
    public var xmlDepth: Int
    /// The most cells one sheet may hold.
    public var cells: Int

    /// Creates limits.
    public init(fileBytes: Int, entries: Int, partBytes: Int, totalBytes: Int, xmlDepth: Int, cells: Int) {
        self.fileBytes = fileBytes; self.entries = entries; self.partBytes = partBytes
        self.totalBytes = totalBytes; self.xmlDepth = xmlDepth; self.cells = cells
    }

    /// 128 MB files, 10,000 entries, 256 MB per part, 512 MB in all, depth 64, 10 million cells.
    public static let standard = XLSXLimits(fileBytes: 128 << 20, entries: 10_000, partBytes: 256 << 20,
                                            totalBytes: 512 << 20, xmlDepth: 64, cells: 10_000_000)
}
