/// Lines that end an agenda item early, opening a stretch of non-item text that runs to the
/// next item heading (or the end of the file):
/// - a break in the agenda: a heading by markup, or a short plain line, that starts with the
///   word "Pause" ("### **Pause kl. (10 min) 9.15-9.25**") and is followed by at most two
///   lines of text before the next item ("(ingen pause)"); a pause followed by more text is a
///   break in the middle of the item's discussion, which goes on;
/// - after the last item only, the sign-off of the minutes: a line opening with the stock
///   formula "Således opfattet" or a "Referent:" label.
enum ItemBoundary {
    private static let pauseWord = "pause"
    private static let signOffOpenings = ["således opfattet", "referent:", "ref.:"]

    static func isBreak(_ line: SourceLine) -> Bool {
        if surelyDoesNotOpen(line, withOneOf: [pauseWord]) { return false }
        let text = line.shape.inner.filter { $0 != "*" }.trimmedWhitespace
        guard line.shape.isStructured || text.count <= 40 else { return false }
        let word = text.prefix { $0.isLetter }
        return word.lowercased() == pauseWord
    }

    static func isSignOff(_ line: SourceLine) -> Bool {
        if surelyDoesNotOpen(line, withOneOf: signOffOpenings) { return false }
        let text = line.shape.inner.filter { $0 != "*" }.trimmedWhitespace.lowercased()
        return text.count <= 80 && signOffOpenings.contains { text.hasPrefix($0) }
    }

    /// The cheap test before the exact one: whether the line's first character other than a
    /// star is a visible ASCII character that opens none of `openings` (lower case; either case
    /// matching). Anything else (a space, a non-ASCII letter) is left to the exact test.
    private static func surelyDoesNotOpen(_ line: SourceLine, withOneOf openings: [String]) -> Bool {
        guard let first = line.shape.inner.utf8.first(where: { $0 != UInt8(ascii: "*") }), first > 0x20, first < 0x80
        else { return false }
        return !openings.contains { $0.utf8.first == first | 0x20 }
    }
}
