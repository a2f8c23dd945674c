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
        // Forms of web agenda systems and other publishers.
        DateCase(
            rule: "\"den <date> kl.\" after \"Referat / til / mødet i …\" lines",
            text: lines(
                "Referat", "til", "mødet i Sundhedsstyregruppen", "den 27. januar 2023 kl. 12:00", "i Lokale 1"),
            date: "2023-01-27", source: .explicit),
        DateCase(
            rule: "the meeting line with no forum: \"til / mødet i / den …\"",
            text: lines("Dagsordner og referater Styregruppe", "til", "mødet i", "den 22. november 2023 kl. 08:30"),
            date: "2023-11-22", source: .explicit),
        DateCase(
            rule: "weekday, month name before the day, comma, year",
            text: lines("Referat", "Dato: Torsdag, Marts 3, 2016 - 08:00", "Sted: Rådhuset"),
            date: "2016-03-03", source: .explicit),
        DateCase(
            rule: "a comma between month and year",
            text: lines("Referat", "Mødedato: 04. januar, 2022"),
            date: "2022-01-04", source: .explicit),
        DateCase(
            rule: "weekday and comma, no dot after the day, a label alone above",
            text: lines(
                "Socialudvalget", "Referat", "Udvalg:", "Dato:", "Mandag, 11 januar, 2021 - 19:00", "Lokation:"),
            date: "2021-01-11", source: .explicit),
        DateCase(
            rule: "day, month name and year between hyphens",
            text: lines("Referat", "Mødedato: 15-maj-2002"),
            date: "2002-05-15", source: .explicit),
        DateCase(
            rule: "STARTTIDSPUNKT label with the value on a later line",
            text: lines(
                "UDVALG", "", "Forretningsudvalget", "", "STARTTIDSPUNKT", "", "06-03-2018 10:00:00", "",
                "SLUTTIDSPUNKT", "", "07-03-2018 14:00:00"),
            date: "2018-03-06", source: .explicit),
        DateCase(
            rule: "Mødedato with the value on the next line",
            text: lines("Udvalget - Referat", "", "Mødedato", "23-02-2016 kl. 14:00 - 16:00"),
            date: "2016-02-23", source: .explicit),
        DateCase(
            rule: "Dato: weekday \"den\" date",
            text: lines("Referat - Kommunalbestyrelsen", "Dato: Onsdag den 6. juni 2018"),
            date: "2018-06-06", source: .explicit),
        DateCase(
            rule: "a date line with \"d.\", no dot after the day and a time",
            text: lines("Referat", "", "Mandag d. 7 februar 2022, kl. 10:15", "MødestedRådssalen"),
            date: "2022-02-07", source: .explicit),
        DateCase(
            rule: "a date line with a time under the forum's name",
            text: lines("Tilbage til oversigt", "", "Regionsrådet", "22-12-2020 13:00"),
            date: "2020-12-22", source: .explicit),
        DateCase(
            rule: "\"<forum>s møde den <date>\"",
            text: lines("Mødereferat", "", "Referat fra Ældrerådets møde den 22. februar 2016 i Stuen kl. 10.00"),
            date: "2016-02-22", source: .explicit),
        DateCase(
            rule: "not the date of a later meeting",
            text: lines("Referat", "", "1. Eventuelt", "Næste møde i Styregruppen den 5. maj 2023"),
            date: nil, source: nil),
        DateCase(
            rule: "not the date of an earlier decision",
            text: lines("Referat", "", "1. Sagen", "Beslutning i Kommunalbestyrelsen den 29-05-2018", "Udsat."),
            date: nil, source: nil),
        DateCase(
            rule: "not a date inside an item title",
            text: lines("Referat", "", "1. Godkendelse af referatet fra sidste møde, den 30.11.2015", "Godkendt."),
            date: nil, source: nil),
        DateCase(
            rule: "a year range is no date",
            text: lines("Referat", "Budget 2020 - 2023", "Sundhedsaftalen 2019-2023"),
            date: nil, source: nil),
        DateCase(
            rule: "a date line followed by more than a time is not a bare date",
            text: lines("Referat", "", "23. maj 2016 kl. 10:00-12:00 og 12. september 2016"),
            date: nil, source: nil),
    ]

    @Test("date rule", arguments: cases)
    func rule(_ example: DateCase) {
        let meeting = MinutesParser.parse(example.text)
        #expect(meeting.date?.iso == example.date)
        #expect(meeting.dateSource == example.source)
    }
}
