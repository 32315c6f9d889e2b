import Foundation
import Spreadsheet

/// Horizontal bar charts drawn as SVG: one row per label, one bar per series (one series for a
/// plan, one per plan in a comparison), an optional track behind each bar (a quota) and an
/// optional goal line (the campaign's 100%).
struct BarChart {
    /// One bar.
    struct Bar {
        /// The bar's length, in the chart's units.
        var value: Double
        /// A lighter bar behind it (the quota it is measured against), if any.
        var track: Double?
        /// The figure written after the bar.
        var text: String
        /// Which series (colour) it belongs to.
        var series: Int
    }
    /// One label with its bars.
    struct Row {
        var label: String
        var bars: [Bar]
    }

    var rows: [Row]
    /// The chart's full length in its units (1 for rates); the largest value or track when `nil`.
    var maximum: Double?
    /// Where to draw the goal line, in the chart's units.
    var goal: Double?
    /// Series names for the legend (no legend for a single series).
    var series: [String] = []
    /// A short description for screen readers.
    var caption: String
    var width = 760

    static let palette = ["#2b6cb0", "#dd6b20", "#2f855a", "#805ad5", "#d53f8c", "#319795", "#b7791f", "#4a5568"]
    static func colour(_ series: Int) -> String { palette[series % palette.count] }

    func svg() -> String {
        let barHeight = 14.0, barGap = 3.0, rowGap = 9.0, fontSize = 12.0
        let labelWidth = min(280, max(60, Double(rows.map { DisplayWidth.of($0.label) }.max() ?? 0) * fontSize * 0.55 + 8))
        let valueWidth = 150.0
        let plot = Double(width) - labelWidth - valueWidth
        let top = series.count > 1 ? 24.0 : 6.0
        let rowHeights = rows.map { Double(max($0.bars.count, 1)) * (barHeight + barGap) - barGap }
        let height = top + rowHeights.reduce(0, +) + Double(max(rows.count - 1, 0)) * rowGap + (goal == nil ? 8 : 22)
        let largest = rows.flatMap { $0.bars.flatMap { [$0.value, $0.track ?? 0] } }.max() ?? 0
        let scale = maximum ?? max(largest, 1)
        func x(_ v: Double) -> Double { labelWidth + plot * min(max(v / scale, 0), 1.05) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\(SVG.attr(height)) viewBox=\"0 0 \(width) \(SVG.number(height))\" role=\"img\" aria-label=\"\(HTMLPage.escape(caption))\">\n"
        if series.count > 1 {
            var lx = labelWidth
            for (i, name) in series.enumerated() {
                out += "<rect x=\(SVG.attr(lx)) y=\"4\" width=\"12\" height=\"12\" fill=\"\(Self.colour(i))\"/>"
                out += "<text x=\(SVG.attr(lx + 16)) y=\"14\" font-size=\"12\">\(HTMLPage.escape(name))</text>\n"
                lx += 24 + Double(DisplayWidth.of(name)) * 6.6
            }
        }
        var y = top
        for (r, row) in rows.enumerated() {
            let mid = y + rowHeights[r] / 2
            out += "<text x=\(SVG.attr(labelWidth - 6)) y=\(SVG.attr(mid + 4)) font-size=\(SVG.attr(fontSize)) text-anchor=\"end\">\(HTMLPage.escape(row.label))</text>\n"
            for bar in row.bars {
                if let track = bar.track {
                    out += "<rect x=\(SVG.attr(labelWidth)) y=\(SVG.attr(y)) width=\(SVG.attr(x(track) - labelWidth)) height=\(SVG.attr(barHeight)) fill=\"#e2e8f0\"/>"
                }
                out += "<rect x=\(SVG.attr(labelWidth)) y=\(SVG.attr(y)) width=\(SVG.attr(max(x(bar.value) - labelWidth, 0))) height=\(SVG.attr(barHeight)) fill=\"\(Self.colour(bar.series))\">"
                out += "<title>\(HTMLPage.escape(row.label + ": " + bar.text))</title></rect>"
                let textX = max(x(bar.value), bar.track.map(x) ?? 0) + 4
                out += "<text x=\(SVG.attr(textX)) y=\(SVG.attr(y + barHeight - 3)) font-size=\"11\">\(HTMLPage.escape(bar.text))</text>\n"
                y += barHeight + barGap
            }
            y += rowGap - barGap
        }
        if let goal {
            let gx = x(goal)
            out += "<line x1=\(SVG.attr(gx)) y1=\(SVG.attr(top - 2)) x2=\(SVG.attr(gx)) y2=\(SVG.attr(height - 16)) stroke=\"#c53030\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            out += "<text x=\(SVG.attr(gx)) y=\(SVG.attr(height - 4)) font-size=\"11\" fill=\"#c53030\" text-anchor=\"middle\">100%</text>\n"
        }
        return out + "</svg>\n"
    }
}

/// Numbers in SVG.
enum SVG {
    /// `x` with at most one decimal, so that a drawing does not change with rounding noise.
    static func number(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(format: "%.1f", r)
    }

    /// `x` as a quoted attribute value.
    static func attr(_ x: Double) -> String { "\"" + number(x) + "\"" }
}
