import Minutes

/// What the index stores with each agenda item: enough to show a result or the whole item
/// without re-reading the file. Serialised as JSON in the Xapian document's data. Not the
/// API's JSON: the wire types (`SearchModels.swift`) are built from it.
public struct ItemRecord: Codable, Sendable, Equatable {
    public struct MeetingInfo: Codable, Sendable, Equatable {
        public var cluster: String?
        public var region: String?
        public var forum: String?
        /// The region or municipality publishing the minutes, when stated (or given by `referat.json`).
        public var organisation: String?
        /// ISO date, `YYYY-MM-DD`.
        public var date: String?
        public var title: String?

        init(_ meeting: Meeting) {
            self.init(
                cluster: meeting.cluster, region: meeting.region, forum: meeting.forum,
                organisation: meeting.organisation, date: meeting.date?.iso, title: meeting.title)
        }

        init(
            cluster: String?, region: String?, forum: String?, organisation: String?, date: String?, title: String?
        ) {
            self.cluster = cluster
            self.region = region
            self.forum = forum
            self.organisation = organisation
            self.date = date
            self.title = title
        }

        /// Absent metadata stored as null, as it always was (records stay byte-identical).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cluster, forKey: .cluster)
            try container.encode(region, forKey: .region)
            try container.encode(forum, forKey: .forum)
            try container.encode(organisation, forKey: .organisation)
            try container.encode(date, forKey: .date)
            try container.encode(title, forKey: .title)
        }
    }

    public struct SectionRecord: Codable, Sendable, Equatable {
        public var kind: String
        public var heading: String?
        public var text: String
    }

    public var id: String
    /// Relative to the corpus root.
    public var file: String
    public var meeting: MeetingInfo
    public var number: Int
    public var title: String
    public var firstLine: Int
    public var lastLine: Int
    public var sections: [SectionRecord]

    init(file: String, meeting: Meeting, item: AgendaItem) {
        id = IndexSchema.itemID(file: file, number: item.number)
        self.file = file
        self.meeting = MeetingInfo(meeting)
        number = item.number
        title = item.title
        firstLine = item.firstLine
        lastLine = item.lastLine
        sections = item.sections.map { SectionRecord(kind: $0.kind.rawValue, heading: $0.heading, text: $0.text) }
    }

    /// The item's body as one text, sections separated by blank lines (as `AgendaItem.text`).
    public var text: String {
        let sections = sections.map {
            Section(kind: SectionKind(rawValue: $0.kind) ?? .body, heading: $0.heading, text: $0.text)
        }
        return AgendaItem(number: number, title: title, firstLine: firstLine, lastLine: lastLine, sections: sections)
            .text
    }
}
