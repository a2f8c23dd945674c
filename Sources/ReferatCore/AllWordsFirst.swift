import Xapian

/// The page of a plain query of several words from its items with all the words alone.
///
/// The query is `OR(AND × boost, OR)` (`QueryBuilder.allWordsBoost`): an item with every word
/// weighs its words' weight once in each branch, boost + 1 times in all, and an item without
/// all of them weighs no more than the OR's greatest possible weight. Xapian walks both branches,
/// so every word's postings twice (and the OR over every item with any word until the page's
/// weights pass its bound). When the all-words items fill the page and its last one weighs more
/// than that bound, no other item can rank on it: the page is the whole match's, from one walk
/// of the AND. Frequent words ANDed (`Driftsforum Psykiatri Nord`) take about half the time.
struct AllWordsFirst {
    /// The items with every word, weighing what they weigh in the whole query.
    let allWords: Query
    /// The items with any of the words, weighing what an item without all of them weighs.
    let anyWord: Query

    /// The same, the all-words items narrowed by `filter` as the whole query is.
    func filtered(by filter: Query) throws(XapianError) -> AllWordsFirst {
        AllWordsFirst(allWords: try Query(.filter, [allWords, filter]), anyWord: anyWord)
    }

    /// The page from rank `first`, in the order `enquire` gives the whole match; nil when an item
    /// without all the words could rank on it (the all-words items do not fill the page, or its
    /// last one weighs no more than such an item can).
    func page(enquire: Enquire, database: Database, first: Int, maxItems: Int) throws(XapianError) -> MSet? {
        try enquire.setQuery(allWords)
        let mset = try enquire.mset(first: first, maxItems: maxItems)
        guard maxItems > 0, mset.count == maxItems else { return nil }
        // Xapian's set-up pass, which walks nothing (over remote shards, one exchange).
        let anyWordPass = try Enquire(database: database)
        try anyWordPass.setQuery(anyWord)
        let bound = try anyWordPass.mset(first: 0, maxItems: 0).maxPossibleWeight
        return try mset.item(at: maxItems - 1).weight > bound ? mset : nil
    }
}
