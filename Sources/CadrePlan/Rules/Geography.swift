import Foundation
import Scenario

/// Road-free distances between region seats, in whole kilometres.
///
/// The model keeps every cost an integer so that each tier's optimum is an exact
/// integer; distances are therefore rounded once, here.
struct Geography: Sendable {
    /// Region ids in scenario order.
    let ids: [String]
    /// Region index by id.
    let index: [String: Int]
    /// Distance matrix in km, row-major.
    private let km: [Int]
    /// Whether each region's seat has coordinates (a distance to a seat without them is unknown, 0).
    private let hasSeat: [Bool]

    init(regions: [Region]) {
        ids = regions.map(\.id)
        var index: [String: Int] = [:]
        for (i, r) in regions.enumerated() where index[r.id] == nil { index[r.id] = i }
        self.index = index
        let n = regions.count
        var km = [Int](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n where i != j {
                km[i * n + j] = Geography.greatCircleKm(regions[i], regions[j])
            }
        }
        self.km = km
        hasSeat = regions.map { $0.latitude != nil && $0.longitude != nil }
    }

    /// Distance between two regions by index.
    func distance(_ a: Int, _ b: Int) -> Int { km[a * ids.count + b] }

    /// Whether a city/county cadre of region `a` may serve a county target of region `b` under
    /// 属地为主 with reach `reachKm`: the same region always; another one when both seats have
    /// coordinates and lie at most `reachKm` apart (rounded km, the distance the cost uses).
    func withinReach(_ a: Int, _ b: Int, reachKm: Int) -> Bool {
        if a == b { return true }
        guard reachKm > 0, a >= 0, b >= 0, hasSeat[a], hasSeat[b] else { return false }
        return distance(a, b) <= reachKm
    }

    /// Regions (by index, in scenario order) whose county targets the cadres of region `a` may serve.
    func reach(of a: Int, reachKm: Int) -> [Int] {
        guard a >= 0 else { return [] }
        return ids.indices.filter { withinReach(a, $0, reachKm: reachKm) }
    }

    /// Haversine distance rounded to the nearest km; 0 when a seat has no coordinates.
    static func greatCircleKm(_ a: Region, _ b: Region) -> Int {
        guard let la1 = a.latitude, let lo1 = a.longitude, let la2 = b.latitude, let lo2 = b.longitude else { return 0 }
        let r = 6371.0, rad = Double.pi / 180
        let dLat = (la2 - la1) * rad, dLon = (lo2 - lo1) * rad
        let h = sin(dLat / 2) * sin(dLat / 2) + cos(la1 * rad) * cos(la2 * rad) * sin(dLon / 2) * sin(dLon / 2)
        let d = 2 * r * asin(min(1, sqrt(h)))
        return Int(d.rounded(.toNearestOrAwayFromZero))
    }
}
