import Minutes

/// How much each part of an agenda item counts, as within-document frequency per occurrence.
/// BM25 rewards a higher wdf, so these ratios rank title matches above body matches, let a
/// decision that mentions the topic weigh more, and keep procedural items (participants,
/// approval of the agenda, any other business) from crowding out substantive ones.
enum RankingPolicy {
    static let titleWeight = 6
    static let bodyWeight = 2
    static let decisionWeight = 3
    /// Procedural items' body: their text mentions every topic in passing (the agenda read
    /// out, the participants' organisations) without dealing with any.
    static let proceduralBodyWeight = 1

    /// Titles of items that run the meeting rather than deal with a topic.
    static let proceduralTitleStarts = [
        "deltagere", "godkendelse af dagsorden", "velkomst", "eventuelt", "evt", "kommende møde", "næste møde",
        "mødeplan", "orientering fra formandskabet",
    ]

    static func isProcedural(_ item: AgendaItem) -> Bool {
        let title = item.title.lowercased()
        return proceduralTitleStarts.contains { title.hasPrefix($0) }
    }

    static func weight(of section: Section, in item: AgendaItem) -> Int {
        if isProcedural(item) { return proceduralBodyWeight }
        return section.kind == .decision ? decisionWeight : bodyWeight
    }
}
