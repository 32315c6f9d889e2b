import Foundation
import Spreadsheet

/// A map of the regions at their seat coordinates, drawn as SVG: each seat a dot coloured by the
/// region's coverage rate and sized by its number of targets, with a light grid of degrees.
///
/// An equirectangular projection shrunk by the cosine of the middle latitude is faithful enough
/// for an area the size of Hainan (2° by 3°) and needs no map data.
struct RegionMap {
    /// One region on the map.
    struct Point {
        var id: String
        var name: String
        var latitude: Double
        var longitude: Double
        /// covered / accepting.
        var rate: Double
        var covered: Int
        var accepting: Int
        var targets: Int
    }

    var points: [Point]
    /// For the legend.
    var coverageLabel: String
    var targetsLabel: String
    var caption: String
    var width = 520

    /// The map's points: the regions of `summary` that have seats.
    static func points(_ summary: PlanSummary) -> [Point] {
        let seats = Dictionary((summary.seats ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        return summary.indicators.byRegion.compactMap { r in
            guard let seat = seats[r.id] else { return nil }
            return Point(id: r.id, name: r.name, latitude: seat.latitude, longitude: seat.longitude, rate: r.rate,
                         covered: r.covered, accepting: r.accepting, targets: r.targets)
        }
    }

    /// Red below 50 %, through amber at 75 %, to green at 100 %.
    static func colour(_ rate: Double) -> String {
        let stops: [(Double, (Double, Double, Double))] = [(0.5, (197, 48, 48)), (0.75, (214, 158, 46)), (1.0, (47, 133, 90))]
        let x = min(max(rate, 0.5), 1)
        var (r, g, b) = stops[0].1
        for k in 1..<stops.count where x <= stops[k].0 || k == stops.count - 1 {
            let (x0, c0) = stops[k - 1], (x1, c1) = stops[k]
            let u = x1 == x0 ? 1 : min(max((x - x0) / (x1 - x0), 0), 1)
            (r, g, b) = (c0.0 + (c1.0 - c0.0) * u, c0.1 + (c1.1 - c0.1) * u, c0.2 + (c1.2 - c0.2) * u)
            break
        }
        func hex(_ v: Double) -> String {
            let n = Int(v.rounded())
            let digits = Array("0123456789abcdef")
            return String(digits[n / 16]) + String(digits[n % 16])
        }
        return "#" + hex(r) + hex(g) + hex(b)
    }

    func svg() -> String {
        guard !points.isEmpty else { return "" }
        let lats = points.map(\.latitude), lons = points.map(\.longitude)
        let midLat = (lats.min()! + lats.max()!) / 2
        let k = cos(midLat * .pi / 180)
        let pad = 0.25
        let west = lons.min()! - pad, east = lons.max()! + pad, south = lats.min()! - pad, north = lats.max()! + pad
        let spanX = max((east - west) * k, 0.01), spanY = max(north - south, 0.01)
        let margin = 70.0, legend = 46.0
        let plotWidth = Double(width) - 2 * margin
        // Fit the width, but keep a tall, narrow set of seats from making the page scroll.
        let scale = min(plotWidth / spanX, Double(width) * 0.8 / spanY)
        let height = spanY * scale + 2 * 20 + legend
        func x(_ lon: Double) -> Double { margin + (lon - west) * k * scale }
        func y(_ lat: Double) -> Double { 20 + (north - lat) * scale }
        let maxTargets = Double(points.map(\.targets).max() ?? 1)
        func radius(_ p: Point) -> Double { 4 + 14 * (Double(p.targets) / max(maxTargets, 1)).squareRoot() }

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\(SVG.attr(height)) viewBox=\"0 0 \(width) \(SVG.number(height))\" role=\"img\" aria-label=\"\(HTMLPage.escape(caption))\">\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\(SVG.attr(height)) fill=\"#f7fafc\"/>\n"
        // Grid lines every half degree, labelled in degrees.
        var lon = (west * 2).rounded(.up) / 2
        while lon <= east {
            out += "<line x1=\(SVG.attr(x(lon))) y1=\"20\" x2=\(SVG.attr(x(lon))) y2=\(SVG.attr(y(south))) stroke=\"#e2e8f0\"/>"
            out += "<text x=\(SVG.attr(x(lon))) y=\(SVG.attr(y(south) + 12)) font-size=\"9\" fill=\"#a0aec0\" text-anchor=\"middle\">\(SVG.number(lon))°E</text>\n"
            lon += 0.5
        }
        var lat = (south * 2).rounded(.up) / 2
        while lat <= north {
            out += "<line x1=\(SVG.attr(x(west))) y1=\(SVG.attr(y(lat))) x2=\(SVG.attr(x(east))) y2=\(SVG.attr(y(lat))) stroke=\"#e2e8f0\"/>"
            out += "<text x=\(SVG.attr(x(west) - 4)) y=\(SVG.attr(y(lat) + 3)) font-size=\"9\" fill=\"#a0aec0\" text-anchor=\"end\">\(SVG.number(lat))°N</text>\n"
            lat += 0.5
        }
        // Larger dots first, so that small ones stay visible on top; ties by id for a stable drawing.
        let centre = (west + east) / 2
        for p in points.sorted(by: { ($0.targets, $1.id) > ($1.targets, $0.id) }) {
            let cx = x(p.longitude), cy = y(p.latitude), r = radius(p)
            out += "<circle cx=\(SVG.attr(cx)) cy=\(SVG.attr(cy)) r=\(SVG.attr(r)) fill=\"\(Self.colour(p.rate))\" fill-opacity=\"0.85\" stroke=\"#ffffff\">"
            out += "<title>\(HTMLPage.escape("\(p.name): \(HTMLPage.percent(p.rate)) (\(p.covered)/\(p.accepting)), \(p.targets)"))</title></circle>\n"
        }
        // Labels to the side away from the middle, so that neighbours on the coast do not collide inward.
        for p in points {
            let right = p.longitude >= centre
            let lx = x(p.longitude) + (right ? 1 : -1) * (radius(p) + 3)
            out += "<text x=\(SVG.attr(lx)) y=\(SVG.attr(y(p.latitude) + 4)) font-size=\"11\" text-anchor=\"\(right ? "start" : "end")\">"
            out += "\(HTMLPage.escape(p.name)) \(HTMLPage.percent(p.rate))</text>\n"
        }
        // Legend: the colour ramp, then two dot sizes.
        let ly = height - legend + 14
        out += "<text x=\"10\" y=\(SVG.attr(ly + 10)) font-size=\"11\">\(HTMLPage.escape(coverageLabel))</text>\n"
        for (i, rate) in stride(from: 0.5, through: 1.0001, by: 0.1).enumerated() {
            let bx = 70.0 + Double(i) * 34
            out += "<rect x=\(SVG.attr(bx)) y=\(SVG.attr(ly)) width=\"34\" height=\"12\" fill=\"\(Self.colour(rate))\"/>"
            out += "<text x=\(SVG.attr(bx)) y=\(SVG.attr(ly + 24)) font-size=\"9\">\(Int((rate * 100).rounded()))%</text>\n"
        }
        let sx = 300.0
        out += "<text x=\(SVG.attr(sx)) y=\(SVG.attr(ly + 10)) font-size=\"11\">\(HTMLPage.escape(targetsLabel))</text>\n"
        var dx = sx + 14 + Double(DisplayWidth.of(targetsLabel)) * 6.5
        for n in [maxTargets / 4, maxTargets].map({ max(1, $0.rounded()) }) {
            let r = 4 + 14 * (n / max(maxTargets, 1)).squareRoot()
            out += "<circle cx=\(SVG.attr(dx + r)) cy=\(SVG.attr(ly + 6)) r=\(SVG.attr(r)) fill=\"none\" stroke=\"#4a5568\"/>"
            out += "<text x=\(SVG.attr(dx + 2 * r + 4)) y=\(SVG.attr(ly + 10)) font-size=\"9\">\(Int(n))</text>\n"
            dx += 2 * r + 40
        }
        return out + "</svg>\n"
    }
}
