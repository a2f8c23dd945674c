/// The metadata a referat states about its meeting: title, forum and cluster, region,
/// publishing organisation and date, each read by its own reader (`TitleReader`,
/// `ForumReader`, `RegionReader`, `OrganisationReader`, `MeetingDateReader`). The lines before
/// the first item (`preambleEnd` is the last of them) are where a document states them.
enum MeetingMetadata {
    static func read(_ document: SourceDocument, text: String, preambleEnd: Int) -> Meeting {
        let title = TitleReader.title(document, preambleEnd: preambleEnd)
        let fromTitle = ForumReader.read(title: title.flatMap { TitleReader.namesDocument($0) ? $0 : nil })
        let statedForum = ForumReader.labelled(document, preambleEnd: preambleEnd) ?? fromTitle.forum
        let statements = MeetingStatement.statements(in: document)
        let dated = MeetingDateReader.read(
            document, title: title, preambleEnd: preambleEnd, statements: statements, forum: statedForum)
        let forum =
            statedForum ?? dated.flatMap { date in statements.first { $0.date == date.0 && $0.forum != nil }?.forum }

        var meeting = Meeting(
            cluster: fromTitle.cluster, region: RegionReader.region(in: text), forum: forum,
            organisation: OrganisationReader.organisation(document, preambleEnd: preambleEnd), date: dated?.0,
            title: title)
        meeting.dateSource = dated?.1
        return meeting
    }
}
