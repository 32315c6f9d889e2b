import Foundation
import Testing
@testable import PlanVerifier

/// The verifier's own trim agrees with Foundation's `trimmingCharacters(in: .whitespaces)`.
@Suite("Verifier's trim")
struct TrimmedOfSpacesTests {
    @Test(arguments: ["", " ", "a", " a ", "\ta\t", "\u{3000}白沙\u{3000}", "\u{00A0}x", "a b", " \n a", "x\n", "P-0001"])
    func sameAsFoundation(text: String) {
        #expect(text.trimmedOfSpaces == text.trimmingCharacters(in: .whitespaces))
    }
}
