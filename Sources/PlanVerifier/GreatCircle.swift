import Foundation
import Scenario

/// Great-circle distance between two region seats, as docs/DATA.md defines it for the quality tier.
///
/// Written here rather than shared with the model builder so that a mistake in one is caught by
/// the other.
enum GreatCircle {
    /// Earth's mean radius in kilometres (docs/DATA.md: R = 6371.0 km).
    static let earthRadiusKm = 6371.0

    /// Haversine distance in kilometres between two points given in degrees.
    ///
    /// Returns `nil` when a coordinate is not finite, so that nonsense input yields "no distance"
    /// rather than a NaN that would trap when rounded to an integer.
    static func kilometres(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double? {
        guard lat1.isFinite, lon1.isFinite, lat2.isFinite, lon2.isFinite else { return nil }
        let radians = Double.pi / 180
        let phi1 = lat1 * radians, phi2 = lat2 * radians
        let dPhi = (lat2 - lat1) * radians, dLambda = (lon2 - lon1) * radians
        let sinHalfPhi = sin(dPhi / 2), sinHalfLambda = sin(dLambda / 2)
        let h = sinHalfPhi * sinHalfPhi + cos(phi1) * cos(phi2) * sinHalfLambda * sinHalfLambda
        // Rounding can push h a hair outside [0, 1] (and out-of-range latitudes further), where
        // asin(sqrt(h)) would be NaN; clamping keeps the result on the sphere.
        let clamped = Swift.min(1, Swift.max(0, h))
        let d = 2 * earthRadiusKm * asin(clamped.squareRoot())
        return d.isFinite ? d : nil
    }

    /// The distance between two regions' seats rounded to the nearest kilometre (halves away from
    /// zero); 0 for the same region, an unknown region, or a seat without both coordinates.
    static func roundedKilometres(from a: String, to b: String, regions: [String: Region]) -> Int {
        guard a != b, let ra = regions[a], let rb = regions[b],
              let lat1 = ra.latitude, let lon1 = ra.longitude,
              let lat2 = rb.latitude, let lon2 = rb.longitude,
              let d = kilometres(lat1: lat1, lon1: lon1, lat2: lat2, lon2: lon2)
        else { return 0 }
        // d is at most π·R ≈ 20 015 km, so the conversion cannot overflow.
        return Int(d.rounded(.toNearestOrAwayFromZero))
    }
}
