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
    }

    /// Distance between two regions by index.
    func distance(_ a: Int, _ b: Int) -> Int { km[a * ids.count + b] }

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
