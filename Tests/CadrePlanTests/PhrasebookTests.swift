import Foundation
import Scenario
import Testing
@testable import CadrePlan

@Suite("Phrasebook")
struct PhrasebookTests {
    /// Reports ask the phrasebook; none decides between languages itself (the check the
    /// phrasebook replaced: 145 `zh ? … : …` expressions).
    @Test func noReportChoosesALanguageItself() throws {
        let sources = packageRoot.appendingPathComponent("Sources/CadrePlan")
        let files = FileManager.default.enumerator(atPath: sources.path)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Phrasebook") }
        #expect(files.count > 20)
        // `zh ? a : b`, `language == .zh`, `lang != .en`, `case .zh:` outside the phrasebook.
        let choice = try NSRegularExpression(pattern: #"\bzh \?|[=!]= *\.(zh|en)\b|case \.(zh|en)\b|\b(lang|language) *[=!]="#)
        for file in files {
            let text = try String(contentsOfFile: sources.appendingPathComponent(file).path, encoding: .utf8)
            let found = choice.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            #expect(found.isEmpty, "\(file): \(found)")
        }
    }

    @Test func wordsInBothLanguages() {
        #expect(Language.zh.text(Word.level(.province)) == "省级" && Language.en.text(Word.level(.province)) == "province")
        #expect(Language.zh.text(Word.rank(.division)) == "处" && Language.en.text(Word.rank(.division)) == "division")
        #expect(Language.zh.text(Word.levelKey("county")) == "市县" && Language.zh.text(Word.levelKey("other")) == "other")
        #expect(Language.zh.text(Word.status("optimal")) == "最优" && Language.en.text(Word.status("optimal")) == "optimal")
        #expect(Language.zh.text(Word.mode("one-to-one-first:3")).hasPrefix("原则上一对一"))
        for tier in Tier.allCases {
            #expect(!tier.label(.zh).isEmpty && !tier.label(.en).isEmpty && tier.label(.zh) != tier.label(.en))
        }
        for column in AssignmentColumn.allCases {
            #expect(column.header(.en) == column.rawValue)
            #expect(column.header(.zh).unicodeScalars.allSatisfy { $0.value > 0x2E80 })
        }
    }

    @Test func changeReasonsInBothLanguages() {
        for why in Exclusion.allCases {
            #expect(Language.en.text(ChangePhrase.noLongerAllowed(why)) == "no longer allowed: \(why.explanation)")
            #expect(Language.zh.text(ChangePhrase.noLongerAllowed(why)).hasPrefix("规则已不允许："))
        }
    }
}
