import Scenario
import Testing

/// CSV text as RFC 4180 writes it, field by field (expected texts written by hand).
@Suite("CSVText")
struct CSVTextTests {
    @Test func plainFieldsAreWrittenAsTheyAre() {
        #expect(CSVText.render(header: ["id", "名称"], rows: [["t1", "海口市"], ["t2", ""]]) == "id,名称\nt1,海口市\nt2,\n")
    }

    @Test func commasQuotesAndLineEndsAreQuoted() {
        #expect(CSVText.escape("a,b") == "\"a,b\"")
        #expect(CSVText.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.escape("a\nb") == "\"a\nb\"")
        #expect(CSVText.escape("a\rb") == "\"a\rb\"")
        // CR LF is one Character in Swift: a check over characters for "\n" or "\r" misses it.
        #expect(CSVText.escape("a\r\nb") == "\"a\r\nb\"")
        #expect(CSVText.render(header: ["x"], rows: [["1,5"]]) == "x\n\"1,5\"\n")
    }

    @Test func multiByteTextIsNotQuoted() {
        // No byte of a multi-byte UTF-8 sequence is ASCII, so Chinese never looks like a comma.
        #expect(CSVText.escape("工信和建筑业组，白沙") == "工信和建筑业组，白沙")
    }
}
