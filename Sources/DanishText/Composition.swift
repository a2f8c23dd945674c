import Foundation

extension String {
    /// The text in Unicode NFC, as Xapian and the index expect it.
    ///
    /// Foundation's NFC conversion is slow and almost always a no-op here, so text of
    /// `isSimpleScalarText` is returned as it is.
    public var canonicallyComposed: String {
        isSimpleScalarText ? self : precomposedStringWithCanonicalMapping
    }

    /// Whether every character is a single Unicode scalar already in NFC: all scalars below
    /// U+0300 (Latin with its accented letters, no combining marks) or in U+2000–U+2BFF
    /// (punctuation such as – ’ “ • …, currency, arrows, symbols), except the zero-width joiners
    /// and the combining marks for symbols (U+20D0–U+20FF), which join characters, and the few
    /// there that NFC replaces (U+2000, U+2001, Ω, K, Å, U+2329, U+232A, U+2ADC). Text like that can be handled scalar by scalar (or byte by byte)
    /// with the same result as character by character; almost every line of Danish minutes is.
    package var isSimpleScalarText: Bool {
        var bytes = utf8.makeIterator()
        while let lead = bytes.next() {
            switch lead {
            case ..<0x80: continue
            case 0xC2...0xCB: _ = bytes.next()  // U+0080–U+02FF
            case 0xE2:
                guard let second = bytes.next(), let third = bytes.next() else { return false }
                let scalar = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                switch scalar {
                case 0x2000, 0x2001, 0x200C, 0x200D, 0x20D0...0x20FF, 0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x2ADC,
                    0x2C00...:
                    return false
                default: continue
                }
            default: return false
            }
        }
        return true
    }

    /// `lowercased()`, byte by byte where that is the same: ASCII, Latin-1 and the punctuation
    /// of `isSimpleScalarText`, which has no case.
    package func lowercasedQuickly() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var bytes = utf8.makeIterator()
        while let lead = bytes.next() {
            switch lead {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                out.append(lead | 0x20)
            case ..<0x80:
                out.append(lead)
            case 0xC2, 0xC3:  // U+0080–U+00FF: À–Þ (but ×) lowercase to +0x20
                guard let second = bytes.next() else { return lowercased() }
                let upper = lead == 0xC3 && second <= 0x9E && second != 0x97
                out += [lead, upper ? second + 0x20 : second]
            case 0xE2:
                guard let second = bytes.next(), let third = bytes.next() else { return lowercased() }
                let scalar = 0x2000 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
                // Letterlike symbols, Roman numerals and circled letters have case.
                if scalar >= 0x2C00 || (0x2100...0x218F).contains(scalar) || (0x24B6...0x24CF).contains(scalar) {
                    return lowercased()
                }
                out += [lead, second, third]
            default:
                return lowercased()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension String {
    /// Calls `body` with each maximal run of letters (alphabetic characters), in order.
    public func forEachLetterRun(_ body: (Substring) -> Void) {
        // In simple scalar text every character is one scalar ("\r\n" aside: two non-letters),
        // so letters can be told scalar by scalar, much faster than by grapheme.
        guard isSimpleScalarText else {
            forEachLetterRunByCharacter(body)
            return
        }
        var start: String.Index?
        let scalars = unicodeScalars
        for index in scalars.indices {
            let scalar = scalars[index]
            let isLetter =
                scalar.isASCII
                ? (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(UInt8(scalar.value) | 0x20)
                : scalar.properties.isAlphabetic
            if isLetter {
                if start == nil { start = index }
            } else if let first = start {
                body(self[first..<index])
                start = nil
            }
        }
        if let first = start { body(self[first...]) }
    }

    /// `forEachLetterRun` character by character: the definition the fast path must equal.
    func forEachLetterRunByCharacter(_ body: (Substring) -> Void) {
        split(whereSeparator: { !$0.isLetter }).forEach(body)
    }
}
