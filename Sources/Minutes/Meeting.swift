/// A calendar date as written in the minutes (no time zone: a meeting day).
public struct MeetingDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the numbers form a real Gregorian date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= MeetingDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `YYYYMMDD`: sorts as a string, the form Xapian's DateRangeProcessor compares.
    public var compact: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    public var description: String { iso }

    public static func < (a: MeetingDate, b: MeetingDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

private func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return String(repeating: "0", count: max(0, width - s.count)) + s
}

/// The kind of a section inside an agenda item, from its heading.
public enum SectionKind: String, Sendable, Hashable, Codable {
    /// Text before the first recognised section heading.
    case body
    /// "Sagsfremstilling", "Beskrivelse af sagen", "Baggrund".
    case caseDescription = "sagsfremstilling"
    /// "Indstilling", "Det indstilles".
    case recommendation = "indstilling"
    /// "Beslutning", "Referat", "Konklusion".
    case decision = "beslutning"
}

/// A part of an agenda item under one heading.
public struct Section: Sendable, Equatable {
    public var kind: SectionKind
    /// The heading as written (cleaned), nil for `.body`.
    public var heading: String?
    /// Normalised text of the section.
    public var text: String

    public init(kind: SectionKind, heading: String?, text: String) {
        self.kind = kind
        self.heading = heading
        self.text = text
    }
}

/// One numbered item of a meeting's agenda.
public struct AgendaItem: Sendable, Equatable {
    public var number: Int
    public var title: String
    /// 1-based physical lines of the file: the heading line and the item's last line.
    public var firstLine: Int
    public var lastLine: Int
    /// In document order; together they hold the whole body of the item.
    public var sections: [Section]

    public init(number: Int, title: String, firstLine: Int, lastLine: Int, sections: [Section]) {
        self.number = number
        self.title = title
        self.firstLine = firstLine
        self.lastLine = lastLine
        self.sections = sections
    }

    /// The whole normalised body, sections separated by blank lines.
    public var text: String {
        sections.map { section in
            [section.heading, section.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        }
        .filter { !$0.isEmpty }
        .joined(separator: "\n\n")
    }
}

/// How a meeting date was read from the text.
public enum DateSource: String, Sendable, Hashable {
    /// Day, month and year are written together ("Mødedato: 6. Maj 2022").
    case explicit
    /// The date line gives no year ("Mandag den 10.januar"); the year comes from a meeting-series
    /// header in the same document ("Møde 1, 2022") and the weekday agrees with it.
    case inferred
}

/// One referat file: a meeting with its metadata and agenda items. Metadata that the text
/// does not state is nil, never guessed.
public struct Meeting: Sendable, Equatable {
    /// "Nord", "Midt", "Syd", … as named in the text.
    public var cluster: String?
    /// "Region Nordjylland", … when the text states it; tells the two "Midt" clusters apart.
    public var region: String?
    /// "Klyngestyregruppe", "Faglig Sundhedsklynge", "Politisk Niveau Sundhedsklynge", …
    public var forum: String?
    /// The region or municipality that publishes the minutes ("Region Syddanmark", "Faxe
    /// Kommune"), when the text states it.
    public var organisation: String?
    /// The day the meeting was held (not the day the minutes were written).
    public var date: MeetingDate?
    /// How `date` was read: stated in full, or with its year inferred from the same document.
    public var dateSource: DateSource? = nil
    /// The document's own title line, cleaned, e.g. "REFERAT Faglig Sundhedsklynge Nord d. 24-08-2023".
    public var title: String?
    public var items: [AgendaItem]

    public init(
        cluster: String? = nil, region: String? = nil, forum: String? = nil, organisation: String? = nil,
        date: MeetingDate? = nil, title: String? = nil, items: [AgendaItem] = []
    ) {
        self.cluster = cluster
        self.region = region
        self.forum = forum
        self.organisation = organisation
        self.date = date
        self.title = title
        self.items = items
    }
}
