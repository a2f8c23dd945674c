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
