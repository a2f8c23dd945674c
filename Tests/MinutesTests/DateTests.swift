import Minutes
import Testing

struct DateCase: CustomTestStringConvertible, Sendable {
    let rule: String
    let text: String
    let date: String?
    let source: DateSource?
    var testDescription: String { rule }
}

@Suite("Meeting date")
struct DateTests {
    static let cases: [DateCase] = [
        DateCase(
            rule: "Mødedato label with a month name",
            text: lines("# Referat", "## Klyngestyregruppe Nord", "Mødedato: 6. Maj 2022  ", "Mødested: Hjørring"),
            date: "2022-05-06", source: .explicit),
        DateCase(
            rule: "bold label, weekday and \"d.\"",
            text: lines(
                "# REFERAT Faglig Sundhedsklynge Nord", "", "**Mødedato** Torsdag d. 24. august 2023 kl. 14:00"),
            date: "2023-08-24", source: .explicit),
        DateCase(
            rule: "a date in the title: d. DD-MM-YYYY",
            text: lines("# REFERAT Politisk Niveau Sundhedsklynge Midt d. 28-11-2024", "", "**Mødested** Aalborg"),
            date: "2024-11-28", source: .explicit),
        DateCase(
            rule: "Tidspunkt beats a bare date line (the day the minutes were written)",
            text: lines(
                "21. september 2022", "", "**REFERAT KLYNGESTYREGRUPPEMØDE MIDTKLYNGEN**", "",
                "Tidspunkt: 16. september 2022 kl. 08:00 – 10.15"),
            date: "2022-09-16", source: .explicit),
        DateCase(
            rule: "a bare date line is used when nothing else dates the meeting",
            text: lines("21. september 2022", "", "Referat fra styregruppen"),
            date: "2022-09-21", source: .explicit),
        DateCase(
            rule: "numeric DD.MM.YYYY and ISO forms",
            text: lines("Referat", "Dato: 2023-03-01"),
            date: "2023-03-01", source: .explicit),
        DateCase(
            rule: "a label alone takes the date from the next line, not from another label",
            text: lines(
                "Referat Klyngestyregruppe Syd", "Emne:", "Møde 1, 2022 Styregruppe Klynge Syd", "Mødedato: ", "",
                "Tid og sted:  ", "", "Mandag den 10.januar kl. 14.00 til kl.16.30  "),
            date: "2022-01-10", source: .inferred),
        DateCase(
            rule: "no inferred year when the weekday disagrees (10 January 2022 is a Monday)",
            text: lines("Referat", "Møde 1, 2022 Styregruppe", "Tid og sted:", "Tirsdag den 10.januar kl. 14.00"),
            date: nil, source: nil),
        DateCase(
            rule: "no inferred year without a weekday",
            text: lines("Referat", "Møde 1, 2022 Styregruppe", "Mødedato: 10. januar"),
            date: nil, source: nil),
        DateCase(
            rule: "no inferred year when the document names two meeting-series years",
            text: lines("Referat", "Møde 1, 2022", "Opfølgning på møde 4, 2021", "Mødedato: Mandag den 10. januar"),
            date: nil, source: nil),
        DateCase(
            rule: "no year anywhere: no date",
            text: lines("Referat", "Mødedato: Mandag den 10. januar"),
            date: nil, source: nil),
        DateCase(
            rule: "a date after other words is not the meeting date",
            text: lines("Referat", "Dato for næste møde: 5. maj 2023"),
            date: nil, source: nil),
        DateCase(
            rule: "a time is not a date",
            text: lines("Referat", "Tid: kl. 10.15-12.00"),
            date: nil, source: nil),
        DateCase(
            rule: "an impossible date is not a date",
            text: lines("Referat", "Mødedato: 30. februar 2023"),
            date: nil, source: nil),
    ]

    @Test("date rule", arguments: cases)
    func rule(_ example: DateCase) {
        let meeting = MinutesParser.parse(example.text)
        #expect(meeting.date?.iso == example.date)
        #expect(meeting.dateSource == example.source)
    }
}
