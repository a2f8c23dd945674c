import DanishText

/// Reads the day the meeting was held, in this order of trust:
/// 1. a labelled date — "Mødedato", "Mødetidspunkt", "Starttidspunkt", "Tidspunkt", "Tid og
///    sted", "Dato", "Tid" — whose value opens with the date, on the label's line or, when the
///    label stands alone, on the next non-blank line (unless that line is itself a label): the
///    first with a year;
/// 2. a date in the document title ("REFERAT … d. 28-11-2024");
/// 3. a `MeetingStatement` of a meeting before the first item ("mødet i Sundhedsstyregruppen /
///    den 31. januar 2019 kl. 14:00");
/// 4. a labelled or title date without a year ("Mandag den 10.januar"): the year is taken from a
///    meeting-series header in the same document ("Møde 1, 2022") only if exactly one year is
///    named that way and the weekday written with the date falls on that day in that year;
///    the result is marked `.inferred`. Otherwise no date;
/// 5. only when no labelled or title date exists at all: a line before the first item that is
///    nothing but a date and a time ("22-12-2020 13:00"). (Such a line is often the day the
///    minutes were written, so it never overrides the others);
/// 6. the first `MeetingStatement` of a meeting after it ("Møde i Kommunalbestyrelsen mandag
///    den 28. november 2005" in a transcript whose first line became item 1), unless it names
///    another forum than `forum`.
/// Never a decision's date, today's year or the file's date.
enum MeetingDateReader {
    static func read(
        _ document: SourceDocument, title: String?, preambleEnd: Int, statements: [MeetingStatement],
        forum: String?
    ) -> (MeetingDate, DateSource)? {
        let labelled = labelledMentions(document)
        let titled = title.flatMap(DateScanner.first(in:)).map { [$0] } ?? []
        let meetings = statements.filter { $0.kind == .meeting }

        if let date = (labelled + titled).lazy.compactMap(\.date).first {
            return (date, .explicit)
        }
        if let stated = meetings.first(where: { $0.line <= preambleEnd }) {
            return (stated.date, .explicit)
        }
        if let yearless = (labelled + titled).first(where: { $0.year == nil }) {
            return infer(yearless, document).map { ($0, .inferred) }
        }
        if labelled.isEmpty, titled.isEmpty {
            let preamble = document.lines.prefix(max(0, preambleEnd))
            if let date = preamble.lazy.compactMap({ DateScanner.whole(Normalizer.cleanLine($0.shape.inner))?.date })
                .first
            {
                return (date, .explicit)
            }
        }
        if let stated = meetings.first, stated.forum == nil || forum == nil || sameForum(stated.forum, forum) {
            return (stated.date, .explicit)
        }
        return nil
    }

    /// The same name up to case and spacing.
    static func sameForum(_ a: String?, _ b: String?) -> Bool {
        let key = { (name: String?) in name?.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        return key(a) == key(b)
    }

    private static let labels = [
        "mødedato", "mødetidspunkt", "starttidspunkt", "tidspunkt", "tid og sted", "dato", "tid",
    ]

    /// The text after a date label that opens the line, or nil when the line has none.
    static func labelValue(_ line: SourceLine) -> String? {
        // Cheap test first; a tag around the label ("<b>Dato</b>") is left to `cleanLine`.
        let key = line.labelKey.utf8  // NFC, as the labels are
        guard key.contains(UInt8(ascii: "<")) || labels.contains(where: { key.starts(with: $0.utf8) }) else {
            return nil
        }
        let text = Normalizer.cleanLine(line.shape.inner).filter { $0 != "*" }.trimmedWhitespace
        let lower = text.lowercased()
        for label in labels where lower.hasPrefix(label) {
            let rest = text.dropFirst(label.count)
            guard rest.first.map({ $0 == ":" || $0.isWhitespace }) ?? true else { continue }
            return rest.drop { $0 == ":" || $0.isWhitespace }.trimmedWhitespace
        }
        return nil
    }

    /// "Emne:", "Tid og sted:" — a short label with nothing after its colon.
    static func isLabel(_ line: SourceLine) -> Bool {
        let text = Normalizer.cleanLine(line.shape.inner).filter { $0 != "*" }.trimmedWhitespace
        return labelValue(line) != nil || (text.hasSuffix(":") && text.count <= 30)
    }

    private static func labelledMentions(_ document: SourceDocument) -> [DateMention] {
        document.lines.compactMap { line in
            guard let value = labelValue(line) else { return nil }
            if let mention = DateScanner.leading(in: value) { return mention }
            guard value.isEmpty,
                let next = document.nextNonBlank(after: line.number, within: 3),
                !isLabel(next)
            else { return nil }
            return DateScanner.leading(in: Normalizer.cleanLine(next.shape.inner).filter { $0 != "*" })
        }
    }

    private static func infer(_ mention: DateMention, _ document: SourceDocument) -> MeetingDate? {
        guard let weekday = mention.weekday else { return nil }
        let years = Set(document.lines.flatMap { seriesYears(in: $0.raw) })
        guard years.count == 1, let year = years.first,
            let date = MeetingDate(year: year, month: mention.month, day: mention.day),
            DanishCalendar.weekday(of: date) == weekday
        else { return nil }
        return date
    }

    /// Years in "Møde 1, 2022" (the n-th meeting of a year).
    static func seriesYears(in text: String) -> [Int] {
        let c = Array(text.lowercased())
        let word = Array("møde")
        var years: [Int] = []
        var i = 0
        while i + word.count <= c.count {
            defer { i += 1 }
            guard Array(c[i..<(i + word.count)]) == word, i == 0 || !c[i - 1].isLetter else { continue }
            var j = i + word.count
            guard j < c.count, c[j].isWhitespace else { continue }
            while j < c.count, c[j].isWhitespace { j += 1 }
            let n = c[j...].prefix { $0.isASCIIDigit }
            guard (1...2).contains(n.count) else { continue }
            j += n.count
            guard j < c.count, c[j] == "," else { continue }
            j += 1
            while j < c.count, c[j].isWhitespace { j += 1 }
            let y = c[j...].prefix { $0.isASCIIDigit }
            if y.count == 4, let year = Int(String(y)) { years.append(year) }
        }
        return years
    }
}
