/// A date written in Danish in running text: "6. Maj 2022", "Torsdag d. 24. august 2023",
/// "Mandag den 10.januar", "28-11-2024", "28.10.2022", "2022-05-06".
struct DateMention: Sendable, Equatable {
    let day: Int
    let month: Int
    /// Nil when the text gives no year ("10.januar").
    let year: Int?
    /// ISO weekday (1 = Monday) when a weekday name comes right before the date.
    let weekday: Int?
    /// Character offsets of the mention in the scanned text, weekday and "d."/"den" included.
    let start: Int
    let end: Int

    /// The date, when the year is known and the numbers form a real date.
    var date: MeetingDate? { year.flatMap { MeetingDate(year: $0, month: month, day: day) } }
}

/// Finds date mentions in a string; knows nothing about which date is the meeting's.
enum DateScanner {
    static func mentions(in text: String) -> [DateMention] {
        let chars = Array(text)
        var found: [DateMention] = []
        var i = 0
        while i < chars.count {
            let startsNumber = chars[i].isASCIIDigit && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber))
            if startsNumber, let mention = match(chars, at: i) {
                found.append(mention)
                i = mention.end
            } else {
                i += 1
            }
        }
        return found
    }

    static func first(in text: String) -> DateMention? { mentions(in: text).first }

    /// A mention with nothing but punctuation before it: the text opens with the date.
    static func leading(in text: String) -> DateMention? {
        guard let mention = first(in: text) else { return nil }
        return Array(text)[..<mention.start].contains { $0.isLetter || $0.isNumber } ? nil : mention
    }

    /// A mention that is all of the text but punctuation: a bare date line.
    static func whole(_ text: String) -> DateMention? {
        guard let mention = leading(in: text) else { return nil }
        return Array(text)[mention.end...].contains { $0.isLetter || $0.isNumber } ? nil : mention
    }

    private static func match(_ c: [Character], at start: Int) -> DateMention? {
        var i = start
        let first = digits(c, &i)
        var day = 0
        var month = 0
        var year: Int?

        if first.count == 4, let y = Int(first), i < c.count, c[i] == "-" {
            // ISO 2022-05-06
            i += 1
            let m = digits(c, &i)
            guard m.count == 2, i < c.count, c[i] == "-" else { return nil }
            i += 1
            let d = digits(c, &i)
            guard d.count == 2 else { return nil }
            (day, month, year) = (Int(d)!, Int(m)!, y)
        } else {
            guard (1...2).contains(first.count), let d = Int(first) else { return nil }
            day = d
            if let numeric = numericRest(c, &i) {
                (month, year) = numeric
            } else if let textual = textualRest(c, &i) {
                (month, year) = textual
            } else {
                return nil
            }
        }
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        if let year, MeetingDate(year: year, month: month, day: day) == nil { return nil }

        var from = start
        if let article = word(before: from, in: c), ["d.", "d", "den"].contains(article.text.lowercased()) {
            from = article.start
        }
        var weekday: Int?
        if let name = word(before: from, in: c), let wd = DanishCalendar.weekday(named: name.text) {
            weekday = wd
            from = name.start
        }
        return DateMention(day: day, month: month, year: year, weekday: weekday, start: from, end: i)
    }

    /// "-11-2024", ".10.2022", "/5/2023": the same separator twice and a four-digit year.
    private static func numericRest(_ c: [Character], _ i: inout Int) -> (Int, Int?)? {
        var j = i
        guard j < c.count, ["-", ".", "/"].contains(c[j]) else { return nil }
        let separator = c[j]
        j += 1
        let m = digits(c, &j)
        guard (1...2).contains(m.count), j < c.count, c[j] == separator else { return nil }
        j += 1
        let y = digits(c, &j)
        guard y.count == 4 else { return nil }
        i = j
        return (Int(m)!, Int(y)!)
    }

    /// ". Maj 2022", ". august", ".januar": a month name, then maybe a four-digit year.
    private static func textualRest(_ c: [Character], _ i: inout Int) -> (Int, Int?)? {
        var j = i
        if j < c.count, c[j] == "." { j += 1 }
        while j < c.count, c[j].isWhitespace { j += 1 }
        let wordStart = j
        while j < c.count, c[j].isLetter { j += 1 }
        guard j > wordStart, let month = DanishCalendar.month(named: String(c[wordStart..<j])) else { return nil }
        if j < c.count, c[j] == "." { j += 1 }
        i = j
        var k = j
        while k < c.count, c[k].isWhitespace { k += 1 }
        if k > j {
            let y = digits(c, &k)
            if y.count == 4 {
                i = k
                return (month, Int(y)!)
            }
        }
        return (month, nil)
    }

    /// The run of ASCII digits at `i`, advancing `i` past it.
    private static func digits(_ c: [Character], _ i: inout Int) -> String {
        var run = ""
        while i < c.count, c[i].isASCIIDigit {
            run.append(c[i])
            i += 1
        }
        return run
    }

    /// The whitespace-delimited word that ends right before `index` (whitespace skipped).
    private static func word(before index: Int, in c: [Character]) -> (text: String, start: Int)? {
        var k = index - 1
        while k >= 0, c[k].isWhitespace { k -= 1 }
        guard k >= 0 else { return nil }
        let end = k + 1
        while k >= 0, !c[k].isWhitespace { k -= 1 }
        return (String(c[(k + 1)..<end]), k + 1)
    }
}
