import Foundation
import Testing

@testable import DanishText

@Suite("StopWords")
struct StopWordsTests {
    @Test("the Snowball Danish list: 94 lowercase words")
    func list() {
        #expect(StopWords.danish.count == 94)
        for word in ["og", "i", "af", "at", "på", "også", "været", "sådan", "thi"] {
            #expect(StopWords.danish.contains(word), "\(word)")
        }
        for word in ["kommune", "referat", "Og", "klynge"] {
            #expect(!StopWords.danish.contains(word), "\(word)")
        }
    }

    @Test("identical to shared/testdata/danish-stopwords.txt")
    func matchesUpstream() throws {
        let upstream = try SharedData.text("testdata/danish-stopwords.txt")
            .split(whereSeparator: \.isWhitespace).map(String.init)
        #expect(upstream.count == 94)
        #expect(StopWords.danish == Set(upstream))
    }

    @Test("each stop word is one term as the tokenizer (and Xapian) writes it")
    func singleTerms() {
        for word in StopWords.danish {
            #expect(Tokenizer.tokenize(word).map(\.term) == [word], "\(word)")
            #expect(word == word.precomposedStringWithCanonicalMapping)
        }
    }
}
