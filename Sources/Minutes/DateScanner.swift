/// A date written in Danish in running text: "6. Maj 2022", "Torsdag d. 24. august 2023",
/// "Mandag den 10.januar", "28-11-2024", "28.10.2022", "2022-05-06", and as web agenda systems
/// write it: "04. januar, 2022", "Mandag, 11 januar, 2021", "15-maj-2002", "Torsdag, Marts 3, 2016".
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
            let startsWord = i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber)
            let mention =
                !startsWord
                ? nil
                : chars[i].isASCIIDigit
                    ? match(chars, at: i)
                    : chars[i].isLetter ? matchMonthFirst(chars, at: i) : nil
            if let mention {
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

    /// A mention that is all of the text but punctuation and a time of day ("kl. 10:15",
    /// "13:00", "- 19:00", "10:00:00"): a bare date line.
    static func whole(_ text: String) -> DateMention? {
        guard let mention = leading(in: text) else { return nil }
        let rest = String(Array(text)[mention.end...])
        let words = rest.lowercased().split { !$0.isLetter }
        guard words.allSatisfy({ $0 == "kl" }) else { return nil }
        // Digits only in times: "13:00", "kl. 14.00 - 16.00", never another date or a number.
        let numbers = rest.split { !$0.isASCIIDigit && $0 != ":" && $0 != "." }.filter {
            $0.contains { $0.isASCIIDigit }
        }
        return numbers.allSatisfy(isTime) ? mention : nil
    }

    /// "10:15", "14.00", "10:00:00".
    private static func isTime(_ text: Substring) -> Bool {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy { $0.isASCIIDigit } }),
            let hour = Int(parts[0]), hour < 24
        else { return false }
        return parts.dropFirst().allSatisfy { $0.count == 2 && Int($0)! < 60 }
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
        return mention(day: day, month: month, year: year, in: c, from: start, to: i)
    }

    /// "Marts 3, 2016", "Torsdag, Marts 3, 2016": a full month name, the day and the year (the
    /// year is required: "marts 3 gange" is no date).
    private static func matchMonthFirst(_ c: [Character], at start: Int) -> DateMention? {
        var i = start
        while i < c.count, c[i].isLetter { i += 1 }
        // Most words are no month: only a word of a month name's length followed by a digit is looked up.
        guard (3...9).contains(i - start), i + 1 < c.count, c[i] == " ", c[i + 1].isASCIIDigit,
            let month = DanishCalendar.month(fullName: String(c[start..<i]))
        else { return nil }
        i += 1
        let d = digits(c, &i)
        guard (1...2).contains(d.count) else { return nil }
        if i < c.count, c[i] == "," { i += 1 }
        guard i < c.count, c[i] == " " else { return nil }
        i += 1
        let y = digits(c, &i)
        guard y.count == 4, i == c.count || !c[i].isLetter else { return nil }
        return mention(day: Int(d)!, month: month, year: Int(y)!, in: c, from: start, to: i)
    }

    /// The mention of a real date (or of a day and month), with the "d."/"den" and the weekday
    /// written right before it.
    private static func mention(day: Int, month: Int, year: Int?, in c: [Character], from start: Int, to end: Int)
        -> DateMention?
    {
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
        return DateMention(day: day, month: month, year: year, weekday: weekday, start: from, end: end)
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

    /// ". Maj 2022", ". august", ".januar", " januar, 2021": a month name, then maybe a
    /// four-digit year (after a space, or a comma and a space); "-maj-2002": a month name
    /// between hyphens and a four-digit year.
    private static func textualRest(_ c: [Character], _ i: inout Int) -> (Int, Int?)? {
        var j = i
        if j < c.count, c[j] == "-" {
            j += 1
            let wordStart = j
            while j < c.count, c[j].isLetter { j += 1 }
            guard j > wordStart, let month = DanishCalendar.month(named: String(c[wordStart..<j])), j < c.count,
                c[j] == "-"
            else { return nil }
            j += 1
            let y = digits(c, &j)
            guard y.count == 4 else { return nil }
            i = j
            return (month, Int(y)!)
        }
        if j < c.count, c[j] == "." { j += 1 }
        while j < c.count, c[j].isWhitespace { j += 1 }
        let wordStart = j
        while j < c.count, c[j].isLetter { j += 1 }
        guard j > wordStart, let month = DanishCalendar.month(named: String(c[wordStart..<j])) else { return nil }
        if j < c.count, c[j] == "." { j += 1 }
        i = j
        var k = j
        if k + 1 < c.count, c[k] == ",", c[k + 1] == " " { k += 1 }
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
