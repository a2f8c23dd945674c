import Foundation
import Minutes
import Xapian

/// Builds the Xapian document of one agenda item: its text terms, filter terms, values and
/// stored record.
struct DocumentBuilder {
    let terms: TermIndexer
    let synonyms: Synonyms

    /// Sorted keys: the same item is stored as the same bytes in every run.
    private static let recordEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    func document(for record: ItemRecord, item: AgendaItem, meeting: Meeting) throws -> Document {
        let document = try Document()
        terms.beginDocument()
        // Title first, weighted; then each section after a gap so phrases never cross fields.
        var position = try terms.index(
            item.title, into: document, startPosition: 1, wdfIncrement: RankingPolicy.titleWeight,
            fieldPrefix: IndexSchema.titlePrefix)
        for section in item.sections {
            position += IndexSchema.fieldGap
            let weight = RankingPolicy.weight(of: section, in: item)
            if let heading = section.heading {
                position = try terms.index(heading, into: document, startPosition: position, wdfIncrement: weight)
            }
            position = try terms.index(
                section.text, into: document, startPosition: position, wdfIncrement: weight,
                fieldPrefix: IndexSchema.fieldPrefix(of: section.kind))
        }
        for kind in Set(item.sections.map(\.kind)) where IndexSchema.fieldPrefix(of: kind) != nil {
            try document.addBooleanTerm(IndexSchema.sectionKindPrefix + kind.rawValue)
        }
        for (term, wordPosition) in synonyms.impliedTerms(in: terms.documentWords) {
            try terms.addImplied(term, position: wordPosition, into: document)
        }

        try document.addBooleanTerm(IndexSchema.idPrefix + record.id)
        try document.addBooleanTerm(IndexSchema.filePrefix + record.file)
        if let cluster = meeting.cluster {
            try document.addBooleanTerm(IndexSchema.clusterPrefix + IndexSchema.filterValue(cluster))
        }
        if let forum = meeting.forum {
            try document.addBooleanTerm(IndexSchema.forumPrefix + IndexSchema.filterValue(forum))
        }
        if let region = meeting.region {
            try document.addBooleanTerm(IndexSchema.regionPrefix + IndexSchema.filterValue(region))
        }
        if let organisation = meeting.organisation {
            try document.addBooleanTerm(IndexSchema.organisationPrefix + IndexSchema.filterValue(organisation))
        }
        if let date = meeting.date {
            try document.addBooleanTerm(IndexSchema.yearPrefix + String(date.year))
            try document.addBooleanTerm(IndexSchema.dayPrefix + date.compact)
            try document.setValue(date.compact, slot: IndexSchema.dateSlot)
        }
        try document.setValue(
            (meeting.date?.compact ?? IndexSchema.unknownDateOrder) + record.file, slot: IndexSchema.meetingOrderSlot)
        let facets = IndexSchema.facetValue(cluster: meeting.cluster, forum: meeting.forum, year: meeting.date?.year)
        if let facets {
            try document.setValue(facets, slot: IndexSchema.facetSlot)
        }
        let data = try Self.recordEncoder.encode(record)
        try document.setData(String(decoding: data, as: UTF8.self))
        return document
    }
}
