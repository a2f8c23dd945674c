import Minutes

/// How agenda items are laid out in Xapian: term prefixes, value slots and the fields the query
/// parser knows. The indexer and the searcher both read it, so they cannot disagree.
enum IndexSchema {
    /// Xapian's conventional prefix for stemmed terms (as QueryParser's STEM_SOME produces them).
    static let stemPrefix = "Z"
    /// Parts of compound words ("palliationsområdet" → palliation, område), indexed with wdf 1
    /// once per item: they weigh less than a word on its own, so whole-word matches rank first.
    static let compoundPartPrefix = "XC"
    /// The acronym a compound's parts spell ("sundhedssamarbejdsudvalget" → `XAssu`), so that
    /// `SSU` finds the items that write the committee out.
    static let compoundAcronymPrefix = "XA"
    /// Title words, for `titel:` searches.
    static let titlePrefix = "S"
    /// The item's unique id term: re-indexing replaces, never duplicates.
    static let idPrefix = "Q"
    /// The corpus-relative file path: finds every item of one file.
    static let filePrefix = "XP"
    static let clusterPrefix = "XK"
    static let forumPrefix = "XF"
    static let regionPrefix = "XR"
    static let organisationPrefix = "XO"
    static let yearPrefix = "XY"
    /// The meeting's day (`XD20251228`): the newest days' items are where a search ordered by
    /// meeting finds its page (`NewestDaysFirst`).
    static let dayPrefix = "XD"
    /// Words of an item's decision and recommendation sections, for `beslutning:` and
    /// `indstilling:` and for searches limited to one section.
    static let decisionPrefix = "XB"
    static let recommendationPrefix = "XI"
    /// The kinds of section an item has (`XSbeslutning`): a search limited to a section
    /// leaves out items without one.
    static let sectionKindPrefix = "XS"

    /// YYYYMMDD, for sorting and date ranges.
    static let dateSlot: UInt32 = 0
    /// The meeting's cluster, forum and year (display names) in one value (`facetValue`): the
    /// facets are counted reading one value per match instead of three.
    static let facetSlot: UInt32 = 1
    /// The meeting's date (YYYYMMDD, "00000000" when unknown) and the item's file path: how
    /// equal results are ordered (newest meeting first) instead of by document id, which depends
    /// on how the index is split into shards. Items of one file keep their id order in any split.
    static let meetingOrderSlot: UInt32 = 2
    static let unknownDateOrder = "00000000"

    /// Positions skipped between the title and each section, so phrases never span fields.
    static let fieldGap = 100
    /// Xapian refuses terms over 245 bytes; longer "words" are noise (URLs, base64) anyway.
    static let maxTermBytes = 64

    static let stemmerLanguage = "danish"

    /// Filter fields for `field:value` in queries.
    static let booleanFields: [(field: String, prefix: String)] = [
        ("klynge", clusterPrefix), ("cluster", clusterPrefix),
        ("forum", forumPrefix),
        ("region", regionPrefix),
        ("organisation", organisationPrefix),
        ("år", yearPrefix), ("year", yearPrefix),
    ]
    /// Free-text fields for `field:word`.
    static let textFields: [(field: String, prefix: String)] = [
        ("titel", titlePrefix), ("title", titlePrefix),
        ("beslutning", decisionPrefix), ("indstilling", recommendationPrefix),
    ]
    /// `dato:2022-01-01..2022-12-31`.
    static let dateFields = ["dato", "date"]

    /// The field prefix of a section's words, nil for sections searched only as body text.
    static func fieldPrefix(of kind: SectionKind) -> String? {
        switch kind {
        case .decision: decisionPrefix
        case .recommendation: recommendationPrefix
        case .body, .caseDescription: nil
        }
    }

    static func sectionKind(of section: SearchSection) -> SectionKind {
        switch section {
        case .decision: .decision
        case .recommendation: .recommendation
        }
    }

    /// Parts of the facet value, apart by the ASCII unit separator (never in a name).
    private static let facetSeparator: Character = "\u{1F}"

    /// `Nord␟Klyngestyregruppe␟2022`, an absent part empty; nil when all three are absent.
    static func facetValue(cluster: String?, forum: String?, year: Int?) -> String? {
        guard cluster != nil || forum != nil || year != nil else { return nil }
        let parts = [cluster, forum, year.map(String.init)].map {
            String(($0 ?? "").map { $0 == facetSeparator ? " " : $0 })
        }
        return parts.joined(separator: String(facetSeparator))
    }

    /// The cluster, forum and year of a facet value, nil for an absent part.
    static func facetParts(of value: String) -> (cluster: String?, forum: String?, year: String?) {
        // By the separator's one UTF-8 byte: splitting the String by the Character took 16,000
        // instructions a value, a tenth of a search with facets.
        let parts = value.utf8.split(separator: facetSeparator.asciiValue!, omittingEmptySubsequences: false).map {
            $0.isEmpty ? nil : String(Substring($0))
        }
        guard parts.count == 3 else { return (nil, nil, nil) }
        return (parts[0], parts[1], parts[2])
    }

    /// A filter value as stored in a boolean term: lowercase, spaces as hyphens, so
    /// "Faglig Sundhedsklynge" is `forum:faglig-sundhedsklynge`.
    static func filterValue(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: "-")
    }

    /// A stable id for an item, safe in URLs: the file's path (extension included, so `a.txt`
    /// and `a.md` stay apart) and the item number. A short hash keeps two paths apart when
    /// making the path URL-safe changed it.
    static func itemID(file: String, number: Int) -> String {
        let safe = String(file.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "_" })
        let suffix = safe == file ? "" : "~" + fnv1a(file)
        return "\(safe)\(suffix)-\(number)"
    }

    private static func fnv1a(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return String(hash, radix: 16)
    }
}
