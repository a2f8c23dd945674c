import Minutes
import Testing

@Suite("Title, forum, cluster and region")
struct MetadataTests {
    /// (title lines, expected title, forum, cluster)
    static let titles: [(text: String, title: String?, forum: String?, cluster: String?)] = [
        (
            lines("", "# Referat", "", "## Klyngestyregruppe Nord", "", "---"),
            "Referat Klyngestyregruppe Nord", "Klyngestyregruppe", "Nord"
        ),
        (
            lines("# REFERAT Faglig Sundhedsklynge Nord d. 24-08-2023"),
            "REFERAT Faglig Sundhedsklynge Nord d. 24-08-2023", "Faglig Sundhedsklynge", "Nord"
        ),
        (
            lines("# REFERAT Politisk Niveau Sundhedsklynge Midt d. 28-11-2024"),
            "REFERAT Politisk Niveau Sundhedsklynge Midt d. 28-11-2024", "Politisk Niveau Sundhedsklynge", "Midt"
        ),
        (
            lines("21. september 2022", "", "**REFERAT KLYNGESTYREGRUPPEMØDE MIDTKLYNGEN**"),
            "REFERAT KLYNGESTYREGRUPPEMØDE MIDTKLYNGEN", "Klyngestyregruppe Midtklyngen", "Midt"
        ),
        (
            lines(" Referat Klyngestyregruppe Syd  ", " Dagsorden:  "),
            "Referat Klyngestyregruppe Syd", "Klyngestyregruppe", "Syd"
        ),
        (
            lines("Udkast til referat fra møde i Sundhedsklynge Vest, torsdag d. 5. maj 2022"),
            "Udkast til referat fra møde i Sundhedsklynge Vest, torsdag d. 5. maj 2022", "Sundhedsklynge", "Vest"
        ),
        (lines("# Dagsorden"), "Dagsorden", nil, nil),
        (lines("# Referat Driftsforum Psykiatri"), "Referat Driftsforum Psykiatri", "Driftsforum Psykiatri", nil),
        (lines("", ""), nil, nil, nil),
    ]

    @Test("forum and cluster from the title line", arguments: titles)
    func forum(text: String, title: String?, forum: String?, cluster: String?) {
        let meeting = MinutesParser.parse(text)
        #expect(meeting.title == title)
        #expect(meeting.forum == forum)
        #expect(meeting.cluster == cluster)
    }

    /// Forums as other publishers state them: (text, forum, cluster).
    static let forums: [(text: String, forum: String?, cluster: String?)] = [
        (
            lines("UDVALG", "", "Forretningsudvalget", "", "MØDE", "", "Forretningsudvalg - formandsmeddelelser"),
            "Forretningsudvalget", nil
        ),
        (
            lines("Socialudvalget - 11-01-2021", "", "Referat", "Udvalg:", "Dato:", "Mandag, 11 januar, 2021"),
            "Socialudvalget", nil
        ),
        (
            lines(
                "Dagsordener og referater", "Referat", "Mandag d. 7 februar 2022, kl. 10:15", "MødestedRådssalen",
                "UdvalgÆldreråd"), "Ældreråd", nil
        ),
        (
            lines("Mødereferat 22. februar 2016", "", "Referat fra Ældrerådets møde den 22. februar 2016 i Stuen"),
            "Ældrerådet", nil
        ),
        (
            lines("Abonnér", "Referat", "til", "mødet i Sundhedsstyregruppen", "den 31. januar 2019 kl. 14:00"),
            "Sundhedsstyregruppen", nil
        ),
        (lines("Vi bruger cookies.", "", "Byrådet - Referat", "", "Dato: 29. januar 2020"), "Byrådet", nil),
        (lines("Økonomiudvalget – Referat – 1. oktober 2018"), "Økonomiudvalget", nil),
        (lines("Referat - Kommunalbestyrelsen den 6. juni 2018"), "Kommunalbestyrelsen", nil),
        (
            lines("Dagsordner og referater Faglig strategisk gruppe Gødstrup-klyngen", "til", "mødet i"),
            "Faglig strategisk gruppe", "Gødstrup"
        ),
        (
            lines(
                "Gå til indhold", "ForsidepilPolitikpilUdvalget - Referat - 23. februar 2016",
                "Sundhedsudvalget - Referat - 23. februar 2016"), "Sundhedsudvalget", nil
        ),
        (
            lines(
                "Tilbage til oversigt", "", "Regionsrådet", "22-12-2020 13:00", "", "1. Meddelelse fra formanden", "",
                "Emner på Regionsrådets møde den 22. december 2020:"), "Regionsrådet", nil
        ),
        (
            lines(
                "Tilbage til oversigt", "22-12-2020 13:00", "", "1. Sagen", "",
                "Beslutning i Økonomiudvalget den 3. maj 2020"), nil, nil
        ),
        (
            lines(
                "Referat", "Dato: Torsdag, Marts 3, 2016 - 08:00", "", "Pkt. 15 Sagen", "",
                "Sundheds- og Omsorgsudvalget, 03-03-2016, pkt. 15"), "Sundheds- og Omsorgsudvalget", nil
        ),
        (
            lines(
                "Dagsorden d. 30. maj 2007 (Formandskab)", "Møde i Formandskabet for Vækstforum",
                "den 30. maj 2007 kl. 14.00", "", "1. Ansøgninger til det regionale klyngeprogram",
                "Spirende klynger Syd"),
            "Formandskabet for Vækstforum", nil
        ),
    ]

    @Test("forum from labels, titles that name the document, and the meeting's own statement", arguments: forums)
    func statedForum(text: String, forum: String?, cluster: String?) {
        let meeting = MinutesParser.parse(text)
        #expect(meeting.forum == forum)
        #expect(meeting.cluster == cluster)
    }

    static let organisations: [(text: String, organisation: String?)] = [
        (lines("Region SyddanmarkTil forsiden", "", "Udvalget - Referat"), "Region Syddanmark"),
        (lines("Referat", "Se Stevns Kommunes mødekalender"), "Stevns Kommune"),
        (lines("Referat", "Deltagere:", "Direktør Søren Liner, Herning kommune"), nil),
        (lines("Referat", "Fra Region Nordjylland", "Charlotte Fuglesang, direktør"), nil),
        (lines("Referat", "Aftale mellem Region Hovedstaden og Region Sjælland"), nil),
        (
            lines("Referat", "", "## 1. Orientering", "Faxe Kommune har sendt et brev.", "## 2. Eventuelt", "Intet."),
            nil
        ),
        (lines("Referat Ballerup Kommune", "Resumé Kommunernes anliggender"), "Ballerup Kommune"),
    ]

    @Test("organisation only when the text before the items names one", arguments: organisations)
    func organisation(text: String, organisation: String?) {
        #expect(MinutesParser.parse(text).organisation == organisation)
    }

    static let regions: [(text: String, region: String?)] = [
        (lines("Fra Region Nordjylland", "Regionshospital Nordjylland", "som i Region Sjælland"), "Region Nordjylland"),
        (lines("Hospitalet i Region Midtjylland", "Region Midtjylland i alt"), "Region Midtjylland"),
        (lines("Fra Region Nordjylland"), nil),
        (lines("Region Nordjylland", "Region Nordjylland", "Region Midtjylland", "Region Midtjylland"), nil),
        (lines("# Referat Sundhedsklynge Midt", "Aalborg og Jammerbugt"), nil),
    ]

    @Test("region only when the text names it unambiguously", arguments: regions)
    func region(text: String, region: String?) {
        #expect(MinutesParser.parse(text).region == region)
    }
}
