import Foundation

/// Danish month and weekday names, and the Gregorian weekday of a date.
enum DanishCalendar {
    /// Full names and the usual abbreviations, month number = index + 1.
    private static let months: [[String]] = [
        ["januar", "jan"], ["februar", "feb"], ["marts", "mar"], ["april", "apr"], ["maj"],
        ["juni", "jun"], ["juli", "jul"], ["august", "aug"], ["september", "sep", "sept"],
        ["oktober", "okt"], ["november", "nov"], ["december", "dec"],
    ]

    /// Monday = 1 … Sunday = 7 (ISO 8601).
    private static let weekdays = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]

    /// 1…12 for a month name or abbreviation (any case, a trailing dot allowed), else nil.
    static func month(named word: some StringProtocol) -> Int? {
        var key = word.lowercased()
        if key.hasSuffix(".") { key.removeLast() }
        return months.firstIndex { $0.contains(key) }.map { $0 + 1 }
    }

    /// 1…12 for a full month name in any case ("Marts"), else nil: where a name alone makes a
    /// date ("Marts 3, 2016"), an abbreviation ("mar", "jun") is too likely another word.
    static func month(fullName word: some StringProtocol) -> Int? {
        guard (3...9).contains(word.count) else { return nil }
        let key = word.lowercased()
        return months.firstIndex { $0[0] == key }.map { $0 + 1 }
    }

    /// 1 (Monday) … 7 (Sunday) for a weekday name in any case, else nil.
    static func weekday(named word: some StringProtocol) -> Int? {
        let key = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
        return weekdays.firstIndex(of: key).map { $0 + 1 }
    }

    /// Whether the first word of `text` is a month name ("september 2022", "Maj").
    static func startsWithMonthName(_ text: String) -> Bool {
        let word = text.prefix { $0.isLetter || $0 == "." }
        return month(named: word) != nil
    }

    /// ISO weekday (1 = Monday … 7 = Sunday) of a Gregorian date (Sakamoto's method).
    static func weekday(of date: MeetingDate) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = date.month < 3 ? date.year - 1 : date.year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[date.month - 1] + date.day) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }
}
