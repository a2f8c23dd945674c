// Exception-safe extern "C" wrappers over Xapian 1.4. Every exported function is noexcept and
// runs its body through `guarded`, which turns any C++ exception into an xap_error.
#include "CXapian.h"

#include <xapian.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

// The header's names for Xapian's constants must be Xapian's values.
static_assert(XAP_DB_CREATE_OR_OPEN == Xapian::DB_CREATE_OR_OPEN);
static_assert(XAP_DB_CREATE_OR_OVERWRITE == Xapian::DB_CREATE_OR_OVERWRITE);
static_assert(XAP_DB_CREATE == Xapian::DB_CREATE);
static_assert(XAP_DB_OPEN == Xapian::DB_OPEN);
static_assert(XAP_DB_NO_SYNC == Xapian::DB_NO_SYNC);
static_assert(XAP_DB_RETRY_LOCK == Xapian::DB_RETRY_LOCK);
static_assert(XAP_COMPACT_STANDARD == Xapian::Compactor::STANDARD);
static_assert(XAP_COMPACT_FULL == Xapian::Compactor::FULL);
static_assert(XAP_COMPACT_FULLER == Xapian::Compactor::FULLER);
static_assert(XAP_DBCOMPACT_NO_RENUMBER == Xapian::DBCOMPACT_NO_RENUMBER);
static_assert(XAP_OP_AND == Xapian::Query::OP_AND);
static_assert(XAP_OP_OR == Xapian::Query::OP_OR);
static_assert(XAP_OP_AND_NOT == Xapian::Query::OP_AND_NOT);
static_assert(XAP_OP_XOR == Xapian::Query::OP_XOR);
static_assert(XAP_OP_AND_MAYBE == Xapian::Query::OP_AND_MAYBE);
static_assert(XAP_OP_FILTER == Xapian::Query::OP_FILTER);
static_assert(XAP_OP_NEAR == Xapian::Query::OP_NEAR);
static_assert(XAP_OP_PHRASE == Xapian::Query::OP_PHRASE);
static_assert(XAP_OP_VALUE_RANGE == Xapian::Query::OP_VALUE_RANGE);
static_assert(XAP_OP_SCALE_WEIGHT == Xapian::Query::OP_SCALE_WEIGHT);
static_assert(XAP_OP_ELITE_SET == Xapian::Query::OP_ELITE_SET);
static_assert(XAP_OP_VALUE_GE == Xapian::Query::OP_VALUE_GE);
static_assert(XAP_OP_VALUE_LE == Xapian::Query::OP_VALUE_LE);
static_assert(XAP_OP_SYNONYM == Xapian::Query::OP_SYNONYM);
static_assert(XAP_WILDCARD_LIMIT_ERROR == Xapian::Query::WILDCARD_LIMIT_ERROR);
static_assert(XAP_WILDCARD_LIMIT_FIRST == Xapian::Query::WILDCARD_LIMIT_FIRST);
static_assert(XAP_WILDCARD_LIMIT_MOST_FREQUENT == Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
static_assert(XAP_FLAG_BOOLEAN == Xapian::QueryParser::FLAG_BOOLEAN);
static_assert(XAP_FLAG_PHRASE == Xapian::QueryParser::FLAG_PHRASE);
static_assert(XAP_FLAG_LOVEHATE == Xapian::QueryParser::FLAG_LOVEHATE);
static_assert(XAP_FLAG_BOOLEAN_ANY_CASE == Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE);
static_assert(XAP_FLAG_WILDCARD == Xapian::QueryParser::FLAG_WILDCARD);
static_assert(XAP_FLAG_PURE_NOT == Xapian::QueryParser::FLAG_PURE_NOT);
static_assert(XAP_FLAG_PARTIAL == Xapian::QueryParser::FLAG_PARTIAL);
static_assert(XAP_FLAG_SPELLING_CORRECTION == Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
static_assert(XAP_FLAG_SYNONYM == Xapian::QueryParser::FLAG_SYNONYM);
static_assert(XAP_FLAG_AUTO_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_SYNONYMS);
static_assert(XAP_FLAG_AUTO_MULTIWORD_SYNONYMS == Xapian::QueryParser::FLAG_AUTO_MULTIWORD_SYNONYMS);
static_assert(XAP_FLAG_DEFAULT == Xapian::QueryParser::FLAG_DEFAULT);
static_assert(XAP_STEM_NONE == Xapian::QueryParser::STEM_NONE);
static_assert(XAP_STEM_SOME == Xapian::QueryParser::STEM_SOME);
static_assert(XAP_STEM_ALL == Xapian::QueryParser::STEM_ALL);
static_assert(XAP_STEM_ALL_Z == Xapian::QueryParser::STEM_ALL_Z);
static_assert(XAP_STEM_SOME_FULL_POS == Xapian::QueryParser::STEM_SOME_FULL_POS);
static_assert(XAP_SNIPPET_BACKGROUND_MODEL == Xapian::MSet::SNIPPET_BACKGROUND_MODEL);
static_assert(XAP_SNIPPET_EXHAUSTIVE == Xapian::MSet::SNIPPET_EXHAUSTIVE);
static_assert(XAP_SNIPPET_EMPTY_WITHOUT_MATCH == Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH);

struct xap_error {
    std::string type;
    std::string message;
};
struct xap_database {
    std::unique_ptr<Xapian::Database> db;
    Xapian::WritableDatabase *writable = nullptr;  // db.get() when opened for writing
};
struct xap_document {
    Xapian::Document doc;
};
struct xap_stem {
    Xapian::Stem stem;
};
struct xap_query {
    Xapian::Query query;
};
struct xap_queryparser {
    Xapian::QueryParser parser;
};
struct xap_enquire {
    Xapian::Enquire enquire;
};
struct xap_mset {
    Xapian::MSet mset;
};
struct xap_strlist {
    std::vector<std::pair<std::string, uint32_t>> entries;
};

namespace {

void set_error(xap_error **error, std::string type, std::string message) noexcept {
    if (error == nullptr) return;
    try {
        *error = new xap_error{std::move(type), std::move(message)};
    } catch (...) {
        *error = nullptr;  // out of memory while reporting: nothing better to do
    }
}

// Runs body, mapping every exception to a status of 1 and an xap_error.
template <typename Body>
int guarded(xap_error **error, Body &&body) noexcept {
    if (error != nullptr) *error = nullptr;
    try {
        body();
        return 0;
    } catch (const Xapian::Error &e) {
        // get_description() is "Type: message (context and errno)"; the type travels apart.
        std::string message = e.get_description();
        std::string prefix = std::string(e.get_type()) + ": ";
        if (message.compare(0, prefix.size(), prefix) == 0) message.erase(0, prefix.size());
        set_error(error, e.get_type(), std::move(message));
    } catch (const std::bad_alloc &) {
        set_error(error, "MemoryError", "out of memory");
    } catch (const std::exception &e) {
        set_error(error, "Error", e.what());
    } catch (...) {
        set_error(error, "Error", "unknown C++ exception");
    }
    return 1;
}

char *copy_string(const std::string &s, size_t *length = nullptr) {
    char *out = static_cast<char *>(std::malloc(s.size() + 1));
    if (out == nullptr) throw std::bad_alloc();
    std::memcpy(out, s.data(), s.size());
    out[s.size()] = '\0';
    if (length != nullptr) *length = s.size();
    return out;
}

Xapian::WritableDatabase &writable(xap_database *db) {
    if (db->writable == nullptr) {
        throw Xapian::InvalidOperationError("database was opened read-only");
    }
    return *db->writable;
}

// Gives the parser the processor make() returns: add() takes it through Xapian's intrusive
// pointer (release()), and the parser frees it, so releases its context, when it no longer
// needs it. When making it fails, the context is released here.
template <typename Make, typename Add>
int add_processor(xap_error **error, void *context, xap_context_release release, Make make, Add add) noexcept {
    decltype(make()) processor;
    int status = guarded(error, [&] { processor = make(); });
    if (status != 0) {
        release(context);
        return status;
    }
    return guarded(error, [&] { add(processor.release()->release()); });
}

}  // namespace

extern "C" {

// Functions that do not run through `guarded` cannot throw: they read the shim's own structs
// (std::vector/std::string accessors that do not allocate), or free a handle (Xapian's
// destructors catch their own errors, and so do std::free and the standard containers').

const char *xap_error_type(const xap_error *error) noexcept { return error->type.c_str(); }
const char *xap_error_message(const xap_error *error) noexcept { return error->message.c_str(); }
void xap_error_free(xap_error *error) noexcept { delete error; }
void xap_string_free(char *string) noexcept { std::free(string); }

size_t xap_strlist_size(const xap_strlist *list) noexcept { return list->entries.size(); }
const char *xap_strlist_get(const xap_strlist *list, size_t index, size_t *length) noexcept {
    if (index >= list->entries.size()) {
        *length = 0;
        return "";
    }
    const std::string &s = list->entries[index].first;
    *length = s.size();
    return s.c_str();
}
uint32_t xap_strlist_count(const xap_strlist *list, size_t index) noexcept {
    return index < list->entries.size() ? list->entries[index].second : 0;
}
void xap_strlist_free(xap_strlist *list) noexcept { delete list; }

// MARK: Databases

xap_database *xap_database_open(const char *path, xap_error **error) noexcept {
    xap_database *result = nullptr;
    guarded(error, [&] {
        auto handle = std::make_unique<xap_database>();
        handle->db = std::make_unique<Xapian::Database>(path);
        result = handle.release();
    });
    return result;
}

xap_database *xap_database_new_sharded(void) noexcept {
    xap_database *result = nullptr;
    guarded(nullptr, [&] {
        auto handle = std::make_unique<xap_database>();
        handle->db = std::make_unique<Xapian::Database>();
        result = handle.release();
    });
    return result;
}

int xap_database_add_shard(xap_database *db, xap_database *shard, xap_error **error) noexcept {
    return guarded(error, [&] { db->db->add_database(*shard->db); });
}

xap_database *xap_database_open_remote_tcp(const char *host, unsigned port, unsigned timeout_ms,
                                           unsigned connect_timeout_ms, xap_error **error) noexcept {
    xap_database *result = nullptr;
    guarded(error, [&] {
        auto handle = std::make_unique<xap_database>();
        handle->db = std::make_unique<Xapian::Database>(Xapian::Remote::open(host, port, timeout_ms, connect_timeout_ms));
        result = handle.release();
    });
    return result;
}

xap_database *xap_database_open_remote_program(const char *program, const char *args, unsigned timeout_ms,
                                               xap_error **error) noexcept {
    xap_database *result = nullptr;
    guarded(error, [&] {
        auto handle = std::make_unique<xap_database>();
        handle->db = std::make_unique<Xapian::Database>(Xapian::Remote::open(program, args, timeout_ms));
        result = handle.release();
    });
    return result;
}

xap_database *xap_database_open_writable(const char *path, unsigned flags, xap_error **error) noexcept {
    xap_database *result = nullptr;
    guarded(error, [&] {
        auto handle = std::make_unique<xap_database>();
        auto db = std::make_unique<Xapian::WritableDatabase>(path, flags);
        handle->writable = db.get();
        handle->db = std::move(db);
        result = handle.release();
    });
    return result;
}

// Xapian's destructors swallow errors (a WritableDatabase's implicit commit included); callers
// that need to know whether pending changes were written call xap_database_commit first.
void xap_database_free(xap_database *db) noexcept { delete db; }

int xap_database_close(xap_database *db, xap_error **error) noexcept {
    return guarded(error, [&] { db->db->close(); });
}

int xap_database_reopen(xap_database *db, int *reopened, xap_error **error) noexcept {
    return guarded(error, [&] { *reopened = db->db->reopen() ? 1 : 0; });
}

int xap_database_doccount(xap_database *db, uint32_t *count, xap_error **error) noexcept {
    return guarded(error, [&] { *count = db->db->get_doccount(); });
}

int xap_database_revision(xap_database *db, uint64_t *revision, xap_error **error) noexcept {
    return guarded(error, [&] { *revision = db->db->get_revision(); });
}

int xap_database_termfreq(xap_database *db, const char *term, uint32_t *freq, xap_error **error) noexcept {
    return guarded(error, [&] { *freq = db->db->get_termfreq(term); });
}

int xap_database_termfreqs(xap_database *db, const char *const *terms, size_t count, uint32_t *freqs,
                           xap_error **error) noexcept {
    return guarded(error, [&] {
        std::vector<Xapian::Query> leaves(terms, terms + count);
        Xapian::Enquire enquire(*db->db);
        // A match gathers the statistics of all its terms from each shard in one exchange (and
        // MSet::get_termfreq reads them); weightless and asking for no document, it does no more.
        enquire.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                        Xapian::Query(Xapian::Query::OP_OR, leaves.begin(), leaves.end()), 0.0));
        Xapian::MSet mset = enquire.get_mset(0, 0);
        for (size_t i = 0; i < count; ++i) freqs[i] = mset.get_termfreq(terms[i]);
    });
}

int xap_database_term_count(xap_database *db, const char *prefix, uint64_t *count, xap_error **error) noexcept {
    return guarded(error, [&] {
        uint64_t n = 0;
        for (auto it = db->db->allterms_begin(prefix); it != db->db->allterms_end(prefix); ++it) ++n;
        *count = n;
    });
}

int xap_database_terms(xap_database *db, const char *prefix, xap_strlist **terms, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = db->db->allterms_begin(prefix); it != db->db->allterms_end(prefix); ++it) {
            list->entries.emplace_back(*it, it.get_termfreq());
        }
        *terms = list.release();
    });
}

int xap_database_postings(xap_database *db, const char *term, uint32_t **docids, size_t *count, xap_error **error) noexcept {
    return guarded(error, [&] {
        std::vector<uint32_t> ids;
        for (auto it = db->db->postlist_begin(term); it != db->db->postlist_end(term); ++it) ids.push_back(*it);
        auto *out = static_cast<uint32_t *>(std::malloc(std::max<size_t>(ids.size(), 1) * sizeof(uint32_t)));
        if (out == nullptr) throw std::bad_alloc();
        std::copy(ids.begin(), ids.end(), out);
        *docids = out;
        *count = ids.size();
    });
}

void xap_docids_free(uint32_t *docids) noexcept { std::free(docids); }

int xap_database_first_posting(xap_database *db, const char *term, uint32_t *docid, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto it = db->db->postlist_begin(term);
        *docid = it == db->db->postlist_end(term) ? 0 : *it;
    });
}

int xap_database_document(xap_database *db, uint32_t docid, xap_document **document, xap_error **error) noexcept {
    return guarded(error, [&] { *document = new xap_document{db->db->get_document(docid)}; });
}

int xap_database_metadata(xap_database *db, const char *key, char **value, size_t *length, xap_error **error) noexcept {
    return guarded(error, [&] { *value = copy_string(db->db->get_metadata(key), length); });
}

int xap_database_metadata_keys(xap_database *db, const char *prefix, xap_strlist **keys, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = db->db->metadata_keys_begin(prefix); it != db->db->metadata_keys_end(prefix); ++it) {
            list->entries.emplace_back(*it, 0);
        }
        *keys = list.release();
    });
}

int xap_database_value_bounds(xap_database *db, uint32_t slot, char **lower, size_t *lower_length, char **upper,
                              size_t *upper_length, xap_error **error) noexcept {
    return guarded(error, [&] {
        std::string lo = db->db->get_value_lower_bound(slot);
        std::string hi = db->db->get_value_upper_bound(slot);
        std::unique_ptr<char, decltype(&std::free)> lo_copy(copy_string(lo, lower_length), &std::free);
        *upper = copy_string(hi, upper_length);
        *lower = lo_copy.release();
    });
}

int xap_database_most_frequent_terms(xap_database *db, const char *prefix, uint32_t limit, xap_strlist **terms,
                                     xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        auto &entries = list->entries;
        for (auto it = db->db->allterms_begin(prefix); it != db->db->allterms_end(prefix); ++it) {
            entries.emplace_back(*it, it.get_termfreq());
        }
        if (entries.size() > limit) {
            // Most frequent first, ties in byte order (the order allterms gave them).
            std::stable_sort(entries.begin(), entries.end(),
                             [](const auto &a, const auto &b) { return a.second > b.second; });
            entries.resize(limit);
            std::sort(entries.begin(), entries.end());
        }
        *terms = list.release();
    });
}

int xap_database_spellings(xap_database *db, xap_strlist **words, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = db->db->spellings_begin(); it != db->db->spellings_end(); ++it) {
            list->entries.emplace_back(*it, it.get_termfreq());
        }
        *words = list.release();
    });
}

int xap_compact_databases(const char *const *sources, size_t count, const char *destination, unsigned flags,
                          xap_error **error) noexcept {
    return guarded(error, [&] {
        Xapian::Database all;
        for (size_t i = 0; i < count; ++i) all.add_database(Xapian::Database(sources[i]));
        all.compact(destination, flags);
    });
}

int xap_database_replace_document(xap_database *db, const char *unique_term, xap_document *document,
                                  uint32_t *docid, xap_error **error) noexcept {
    return guarded(error, [&] { *docid = writable(db).replace_document(unique_term, document->doc); });
}

int xap_database_delete_documents(xap_database *db, const char *term, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).delete_document(term); });
}

int xap_database_set_metadata(xap_database *db, const char *key, const char *value, size_t length,
                              xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).set_metadata(key, std::string(value, length)); });
}

int xap_database_add_spelling(xap_database *db, const char *word, uint32_t increment, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).add_spelling(word, increment); });
}

int xap_database_remove_spelling(xap_database *db, const char *word, uint32_t decrement, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).remove_spelling(word, decrement); });
}

int xap_database_add_synonym(xap_database *db, const char *term, const char *synonym, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).add_synonym(term, synonym); });
}

int xap_database_clear_synonyms(xap_database *db, const char *term, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).clear_synonyms(term); });
}

int xap_database_synonym_keys(xap_database *db, const char *prefix, xap_strlist **keys, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = db->db->synonym_keys_begin(prefix); it != db->db->synonym_keys_end(prefix); ++it) {
            list->entries.emplace_back(*it, 0);
        }
        *keys = list.release();
    });
}

int xap_database_synonyms(xap_database *db, const char *term, xap_strlist **synonyms, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = db->db->synonyms_begin(term); it != db->db->synonyms_end(term); ++it) {
            list->entries.emplace_back(*it, 0);
        }
        *synonyms = list.release();
    });
}

int xap_database_commit(xap_database *db, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).commit(); });
}

int xap_database_begin_transaction(xap_database *db, int flushed, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).begin_transaction(flushed != 0); });
}

int xap_database_commit_transaction(xap_database *db, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).commit_transaction(); });
}

int xap_database_cancel_transaction(xap_database *db, xap_error **error) noexcept {
    return guarded(error, [&] { writable(db).cancel_transaction(); });
}

// MARK: Documents

xap_document *xap_document_new(void) noexcept {
    xap_document *result = nullptr;
    guarded(nullptr, [&] { result = new xap_document{}; });
    return result;
}

void xap_document_free(xap_document *document) noexcept { delete document; }

int xap_document_add_posting(xap_document *document, const char *term, uint32_t position, uint32_t wdf_increment,
                             xap_error **error) noexcept {
    return guarded(error, [&] { document->doc.add_posting(term, position, wdf_increment); });
}

int xap_document_add_term(xap_document *document, const char *term, uint32_t wdf_increment, xap_error **error) noexcept {
    return guarded(error, [&] { document->doc.add_term(term, wdf_increment); });
}

int xap_document_add_boolean_term(xap_document *document, const char *term, xap_error **error) noexcept {
    return guarded(error, [&] { document->doc.add_boolean_term(term); });
}

int xap_document_set_value(xap_document *document, uint32_t slot, const char *value, size_t length,
                           xap_error **error) noexcept {
    return guarded(error, [&] { document->doc.add_value(slot, std::string(value, length)); });
}

int xap_document_value(xap_document *document, uint32_t slot, char **value, size_t *length, xap_error **error) noexcept {
    return guarded(error, [&] { *value = copy_string(document->doc.get_value(slot), length); });
}

int xap_document_set_data(xap_document *document, const char *data, size_t length, xap_error **error) noexcept {
    return guarded(error, [&] { document->doc.set_data(std::string(data, length)); });
}

int xap_document_data(xap_document *document, char **data, size_t *length, xap_error **error) noexcept {
    return guarded(error, [&] { *data = copy_string(document->doc.get_data(), length); });
}

int xap_document_terms(xap_document *document, xap_strlist **terms, xap_error **error) noexcept {
    return guarded(error, [&] {
        auto list = std::make_unique<xap_strlist>();
        for (auto it = document->doc.termlist_begin(); it != document->doc.termlist_end(); ++it) {
            list->entries.emplace_back(*it, it.get_wdf());
        }
        *terms = list.release();
    });
}

// MARK: Stemmers

xap_stem *xap_stem_new(const char *language, xap_error **error) noexcept {
    xap_stem *result = nullptr;
    guarded(error, [&] { result = new xap_stem{Xapian::Stem(language)}; });
    return result;
}

void xap_stem_free(xap_stem *stem) noexcept { delete stem; }

int xap_stem_word(xap_stem *stem, const char *word, char **stemmed, xap_error **error) noexcept {
    return guarded(error, [&] { *stemmed = copy_string(stem->stem(word)); });
}

// MARK: Queries

namespace {
// Xapian 1.4 weighs an OP_SYNONYM as one word whose frequency it estimates from the OR tree it
// builds for it in each shard (LocalSubMatch::make_synonym_postlist, then
// OrPostList::get_termfreq_est_using_stats). The estimate reads every word's frequency over all
// shards, but OrContext::postlist() pairs the words by the shard's own frequencies (rarest first,
// as a Huffman code is built) and every OR node rounds its estimate to a whole number, so the
// estimate, and the synonym's weight, depends on which words the shard has: `sundheds*` in the
// decisions of the samples, 13 words, was weighed in a shard holding 3 of them as if 20 of the
// 44 items had one, in one index as if 21 had. A synonym of two members makes one OR node, the
// same whichever way round, and a member that is itself a synonym gets its own tree (it is not
// merged into its parent's as an OP_OR member is): a balanced tree of two-member synonyms has
// one shape, the query's, in every shard and in one index.
void add_synonym_members(const Xapian::Query &query, std::vector<Xapian::Query> &members) {
    auto type = query.get_type();
    if (type != Xapian::Query::OP_SYNONYM && type != Xapian::Query::OP_OR) {
        members.push_back(query);
        return;
    }
    for (size_t i = 0; i < query.get_num_subqueries(); ++i) add_synonym_members(query.get_subquery(i), members);
}

Xapian::Query paired_synonym(const std::vector<Xapian::Query> &members, size_t begin, size_t end) {
    if (end - begin == 1) return members[begin];
    size_t middle = begin + (end - begin) / 2;
    return Xapian::Query(Xapian::Query::OP_SYNONYM, paired_synonym(members, begin, middle),
                         paired_synonym(members, middle, end));
}

// The query with every OP_SYNONYM (with its OP_OR members opened) as a balanced tree of
// two-member synonyms, the members in their order. Operators with a parameter the API does not
// return (OP_SCALE_WEIGHT's factor, a phrase's window) are kept as they are: the query parser
// puts no synonym under them, and synonyms built here are rewritten when built.
Xapian::Query with_stable_synonyms(const Xapian::Query &query) {
    switch (query.get_type()) {
        case Xapian::Query::OP_SYNONYM: {
            std::vector<Xapian::Query> members;
            add_synonym_members(query, members);
            return paired_synonym(members, 0, members.size());
        }
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_AND_NOT:
        case Xapian::Query::OP_XOR:
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_FILTER:
        case Xapian::Query::OP_MAX: {
            std::vector<Xapian::Query> subqueries;
            for (size_t i = 0; i < query.get_num_subqueries(); ++i) {
                subqueries.push_back(with_stable_synonyms(query.get_subquery(i)));
            }
            return Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
        }
        default:
            return query;
    }
}
}  // namespace

xap_query *xap_query_new_match_all(void) noexcept {
    xap_query *result = nullptr;
    guarded(nullptr, [&] { result = new xap_query{Xapian::Query::MatchAll}; });
    return result;
}

xap_query *xap_query_new_term(const char *term, uint32_t wqf, uint32_t position, xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] { result = new xap_query{Xapian::Query(term, wqf, position)}; });
    return result;
}

xap_query *xap_query_combine(xap_query_op op, xap_query *const *subqueries, size_t count, uint32_t parameter,
                             xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] {
        std::vector<Xapian::Query> subs;
        subs.reserve(count);
        for (size_t i = 0; i < count; ++i) subs.push_back(subqueries[i]->query);
        Xapian::Query query(static_cast<Xapian::Query::op>(op), subs.begin(), subs.end(), parameter);
        result = new xap_query{op == XAP_OP_SYNONYM ? with_stable_synonyms(query) : query};
    });
    return result;
}

xap_query *xap_query_scale_weight(const xap_query *query, double factor, xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] { result = new xap_query{Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query->query, factor)}; });
    return result;
}

xap_query *xap_query_new_value_range(xap_query_op op, uint32_t slot, const char *lower, const char *upper, xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] {
        auto kind = static_cast<Xapian::Query::op>(op);
        switch (kind) {
            case Xapian::Query::OP_VALUE_RANGE:
                result = new xap_query{Xapian::Query(kind, slot, lower, upper)};
                break;
            case Xapian::Query::OP_VALUE_GE:
                result = new xap_query{Xapian::Query(kind, slot, lower)};
                break;
            case Xapian::Query::OP_VALUE_LE:
                result = new xap_query{Xapian::Query(kind, slot, upper)};
                break;
            default:
                throw Xapian::InvalidArgumentError("not a value range operator");
        }
    });
    return result;
}

xap_query *xap_query_new_wildcard(const char *pattern, uint32_t max_expansion, xap_wildcard_limit limit,
                                  xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] {
        result = new xap_query{Xapian::Query(Xapian::Query::OP_WILDCARD, pattern, max_expansion, limit)};
    });
    return result;
}

xap_query *xap_query_clone(const xap_query *query) noexcept {
    xap_query *result = nullptr;
    guarded(nullptr, [&] { result = new xap_query{query->query}; });
    return result;
}

void xap_query_free(xap_query *query) noexcept { delete query; }

char *xap_query_description(const xap_query *query) noexcept {
    char *result = nullptr;
    guarded(nullptr, [&] { result = copy_string(query->query.get_description()); });
    return result;
}

// MARK: Query parser

xap_queryparser *xap_queryparser_new(void) noexcept {
    xap_queryparser *result = nullptr;
    guarded(nullptr, [&] { result = new xap_queryparser{}; });
    return result;
}

void xap_queryparser_free(xap_queryparser *parser) noexcept { delete parser; }

int xap_queryparser_set_stemmer(xap_queryparser *parser, const xap_stem *stem, xap_stem_strategy strategy,
                                xap_error **error) noexcept {
    return guarded(error, [&] {
        parser->parser.set_stemmer(stem->stem);
        parser->parser.set_stemming_strategy(static_cast<Xapian::QueryParser::stem_strategy>(strategy));
    });
}

int xap_queryparser_set_stopwords(xap_queryparser *parser, const char *const *words, size_t count,
                                  xap_error **error) noexcept {
    return guarded(error, [&] {
        auto stopper = std::make_unique<Xapian::SimpleStopper>();
        for (size_t i = 0; i < count; ++i) stopper->add(words[i]);
        // release(): the parser takes ownership through its intrusive pointer.
        parser->parser.set_stopper(stopper.release()->release());
    });
}

int xap_queryparser_set_default_op(xap_queryparser *parser, xap_query_op op, xap_error **error) noexcept {
    return guarded(error, [&] { parser->parser.set_default_op(static_cast<Xapian::Query::op>(op)); });
}

int xap_queryparser_set_database(xap_queryparser *parser, xap_database *db, xap_error **error) noexcept {
    return guarded(error, [&] { parser->parser.set_database(*db->db); });
}

int xap_queryparser_set_max_expansion(xap_queryparser *parser, uint32_t max_expansion, xap_wildcard_limit limit,
                                      xap_error **error) noexcept {
    return guarded(error, [&] { parser->parser.set_max_expansion(max_expansion, limit); });
}

int xap_queryparser_add_prefix(xap_queryparser *parser, const char *field, const char *prefix, xap_error **error) noexcept {
    return guarded(error, [&] { parser->parser.add_prefix(field, prefix); });
}

int xap_queryparser_add_boolean_prefix(xap_queryparser *parser, const char *field, const char *prefix,
                                       xap_error **error) noexcept {
    return guarded(error, [&] { parser->parser.add_boolean_prefix(field, prefix); });
}

namespace {

// The caller's context of a processor, released when the parser frees the processor.
class CallerContext {
  public:
    CallerContext(void *context, xap_context_release release) : context_(context), release_(release) {}
    ~CallerContext() { release_(context_); }
    CallerContext(const CallerContext &) = delete;
    CallerContext &operator=(const CallerContext &) = delete;

  protected:
    void *context_;

  private:
    xap_context_release release_;
};

// A field processor whose expansion the caller (Swift) writes: the shim only carries the call.
class CallbackFieldProcessor : public Xapian::FieldProcessor, private CallerContext {
  public:
    CallbackFieldProcessor(xap_field_expander expand, void *context, xap_context_release release)
        : CallerContext(context, release), expand_(expand) {}

    Xapian::Query operator()(const std::string &text) override {
        std::unique_ptr<xap_query> query(expand_(context_, text.c_str()));
        if (!query) throw Xapian::QueryParserError("cannot expand the field's text: " + text);
        return query->query;
    }

  private:
    xap_field_expander expand_;
};

// Xapian's DateRangeProcessor, asking the caller (Swift) first: the caller's query for the
// bounds as typed, or Xapian's value range when the caller returns none.
class CallbackDateRangeProcessor : public Xapian::DateRangeProcessor, private CallerContext {
  public:
    CallbackDateRangeProcessor(Xapian::valueno slot, const std::string &field, int epoch_year,
                               xap_range_expander expand, void *context, xap_context_release release)
        : Xapian::DateRangeProcessor(slot, field, 0, epoch_year), CallerContext(context, release),
          expand_(expand) {}

    Xapian::Query operator()(const std::string &begin, const std::string &end) override {
        std::unique_ptr<xap_query> query(expand_(context_, begin.c_str(), end.c_str()));
        if (query) return query->query;
        return Xapian::DateRangeProcessor::operator()(begin, end);
    }

  private:
    xap_range_expander expand_;
};

}  // namespace

int xap_queryparser_add_date_range(xap_queryparser *parser, uint32_t slot, const char *field, int epoch_year,
                                   xap_range_expander expand, void *context, xap_context_release release,
                                   xap_error **error) noexcept {
    return add_processor(
        error, context, release,
        [&] { return std::make_unique<CallbackDateRangeProcessor>(slot, field, epoch_year, expand, context, release); },
        [&](Xapian::RangeProcessor *processor) { parser->parser.add_rangeprocessor(processor); });
}

int xap_queryparser_add_field_processor(xap_queryparser *parser, const char *field, xap_field_expander expand,
                                        void *context, xap_context_release release, xap_error **error) noexcept {
    return add_processor(
        error, context, release, [&] { return std::make_unique<CallbackFieldProcessor>(expand, context, release); },
        [&](Xapian::FieldProcessor *processor) { parser->parser.add_prefix(field, processor); });
}

xap_query *xap_queryparser_parse(xap_queryparser *parser, const char *query, unsigned flags,
                                 const char *default_prefix, xap_error **error) noexcept {
    xap_query *result = nullptr;
    guarded(error, [&] {
        result = new xap_query{with_stable_synonyms(parser->parser.parse_query(query, flags, default_prefix))};
    });
    return result;
}

char *xap_queryparser_corrected_query(xap_queryparser *parser) noexcept {
    char *result = nullptr;
    guarded(nullptr, [&] { result = copy_string(parser->parser.get_corrected_query_string()); });
    return result;
}

// MARK: Value counts

namespace {
// A set of document ids, one bit each.
using Bits = std::vector<uint64_t>;

void insert(Bits &bits, Xapian::docid did) {
    if (did / 64 >= bits.size()) throw Xapian::InvalidOperationError("document id past the value table's end");
    bits[did / 64] |= uint64_t(1) << (did % 64);
}

// Sets a bit for every document the matcher runs into (the spy sees every match).
class BitSpy : public Xapian::MatchSpy {
  public:
    explicit BitSpy(Bits &bits) : bits(bits) {}
    void operator()(const Xapian::Document &doc, double) override { insert(bits, doc.get_docid()); }

  private:
    Bits &bits;
};

// Whether query's match includes sub's, known from their shape alone: sub is query, one of an
// OR's members, every member of an OR, or an AND with such a factor. Catches the all-words
// boost `(10 * (a AND b)) OR (a OR b)`, whose AND adds weight but no match.
bool covers(const Xapian::Query &query, const Xapian::Query &sub) {
    if (query.get_description() == sub.get_description()) return true;
    auto members = [](const Xapian::Query &q) {
        std::vector<Xapian::Query> list;
        for (size_t i = 0; i < q.get_num_subqueries(); ++i) list.push_back(q.get_subquery(i));
        return list;
    };
    auto is_or = [](const Xapian::Query &q) {
        auto op = q.get_type();
        return op == Xapian::Query::OP_OR || op == Xapian::Query::OP_SYNONYM || op == Xapian::Query::OP_MAX;
    };
    auto unscaled = [](Xapian::Query q) {
        while (q.get_type() == Xapian::Query::OP_SCALE_WEIGHT) q = q.get_subquery(0);
        return q;
    };
    Xapian::Query inner = unscaled(sub);
    if (inner.get_type() == Xapian::Query::OP_AND || inner.get_type() == Xapian::Query::OP_FILTER) {
        for (const auto &factor : members(inner))
            if (covers(query, factor)) return true;
    }
    if (is_or(inner)) {
        auto all = members(inner);
        if (std::all_of(all.begin(), all.end(), [&](const auto &member) { return covers(query, member); }))
            return true;
    }
    if (is_or(query)) {
        for (const auto &member : members(query))
            if (covers(member, inner)) return true;
    }
    return false;
}

// The documents a query matches, as bits by document id. A match does not depend on weights,
// so what only weighs is not read (OP_SCALE_WEIGHT's factor, AND_MAYBE's right side, an OR's
// member that another member covers), and terms, AND, OR and AND_NOT are read straight from
// the posting lists into bits: the matcher costs several times a bit per document. Anything
// else (phrases, value ranges, wildcards, …) is run by Xapian's matcher, unweighted.
class MatchSet {
  public:
    MatchSet(const Xapian::Database &db, size_t size) : db(db), words(size / 64 + 1) {}

    Bits of(const Xapian::Query &query) {
        Bits bits(words, 0);
        add(query, bits);
        return bits;
    }

  private:
    // bits |= the match of query.
    void add(const Xapian::Query &query, Bits &bits) {
        switch (query.get_type()) {
            case Xapian::Query::LEAF_MATCH_NOTHING:
                return;
            case Xapian::Query::LEAF_TERM:
            case Xapian::Query::LEAF_MATCH_ALL: {
                // MatchAll's term is "", whose posting list is every document.
                std::string term = query.get_type() == Xapian::Query::LEAF_TERM ? *query.get_terms_begin() : "";
                for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) insert(bits, *it);
                return;
            }
            case Xapian::Query::OP_SCALE_WEIGHT:
            case Xapian::Query::OP_AND_MAYBE:
                add(query.get_subquery(0), bits);
                return;
            case Xapian::Query::OP_OR:
            case Xapian::Query::OP_SYNONYM:
            case Xapian::Query::OP_MAX: {
                size_t count = query.get_num_subqueries();
                for (size_t i = 0; i < count; ++i) {
                    Xapian::Query member = query.get_subquery(i);
                    bool covered = false;
                    // Only a scaled member or an AND (the all-words boost) is compared with its
                    // siblings: a long OR of terms (a wildcard's words) is not compared pairwise.
                    auto op = member.get_type();
                    if (op == Xapian::Query::OP_SCALE_WEIGHT || op == Xapian::Query::OP_AND ||
                        op == Xapian::Query::OP_FILTER) {
                        for (size_t j = 0; j < count && !covered; ++j)
                            covered = j != i && covers(query.get_subquery(j), member) &&
                                      !(j > i && covers(member, query.get_subquery(j)));
                    }
                    if (!covered) add(member, bits);
                }
                return;
            }
            case Xapian::Query::OP_AND:
            case Xapian::Query::OP_FILTER: {
                // A filter alone is `MatchAll FILTER filter`: MatchAll's factor, the posting
                // list of every document, is not read.
                std::vector<Xapian::Query> factors;
                for (size_t i = 0; i < query.get_num_subqueries(); ++i)
                    if (query.get_subquery(i).get_type() != Xapian::Query::LEAF_MATCH_ALL)
                        factors.push_back(query.get_subquery(i));
                if (factors.empty()) factors.push_back(Xapian::Query::MatchAll);
                Bits result = of(factors[0]);
                for (size_t i = 1; i < factors.size(); ++i) {
                    Bits factor = of(factors[i]);
                    for (size_t w = 0; w < words; ++w) result[w] &= factor[w];
                }
                for (size_t w = 0; w < words; ++w) bits[w] |= result[w];
                return;
            }
            case Xapian::Query::OP_AND_NOT: {
                Bits result = of(query.get_subquery(0));
                Bits excluded(words, 0);
                for (size_t i = 1; i < query.get_num_subqueries(); ++i) add(query.get_subquery(i), excluded);
                for (size_t w = 0; w < words; ++w) bits[w] |= result[w] & ~excluded[w];
                return;
            }
            default: {
                Xapian::Enquire enquire(db);
                enquire.set_query(query);
                enquire.set_weighting_scheme(Xapian::BoolWeight());
                BitSpy spy(bits);
                enquire.add_matchspy(&spy);
                enquire.get_mset(0, 0, db.get_doccount());
            }
        }
    }

    const Xapian::Database &db;
    size_t words;
};
}  // namespace

struct xap_value_table {
    // Each document's value as a code (by document id; 0: no value) and each code's value.
    std::vector<uint32_t> codes;
    std::vector<std::string> values{""};
};

xap_value_table *xap_value_table_new(xap_database *db, uint32_t slot, xap_error **error) noexcept {
    xap_value_table *result = nullptr;
    guarded(error, [&] {
        auto table = std::make_unique<xap_value_table>();
        table->codes.assign(db->db->get_lastdocid() + 1, 0);
        std::unordered_map<std::string, uint32_t> codes;
        for (auto it = db->db->valuestream_begin(slot); it != db->db->valuestream_end(slot); ++it) {
            auto [entry, added] = codes.emplace(*it, uint32_t(table->values.size()));
            if (added) table->values.push_back(*it);
            table->codes[it.get_docid()] = entry->second;
        }
        result = table.release();
    });
    return result;
}

void xap_value_table_free(xap_value_table *table) noexcept { delete table; }

int xap_value_table_counts(const xap_value_table *table, xap_database *db, const xap_query *query,
                           xap_strlist **values, uint32_t *matches, xap_error **error) noexcept {
    return guarded(error, [&] {
        if (db->db->get_lastdocid() >= table->codes.size())
            throw Xapian::InvalidOperationError("the value table was read on an older revision");
        Bits bits = MatchSet(*db->db, table->codes.size()).of(query->query);
        std::vector<uint32_t> counts(table->values.size(), 0);
        uint32_t total = 0;
        for (size_t w = 0; w < bits.size(); ++w) {
            for (uint64_t word = bits[w]; word != 0; word &= word - 1) {
                ++counts[table->codes[w * 64 + size_t(__builtin_ctzll(word))]];
                ++total;
            }
        }
        auto list = std::make_unique<xap_strlist>();
        for (size_t code = 1; code < counts.size(); ++code)
            if (counts[code] > 0) list->entries.emplace_back(table->values[code], counts[code]);
        // In byte order, as Xapian's spy lists them.
        std::sort(list->entries.begin(), list->entries.end());
        *matches = total;
        *values = list.release();
    });
}

int xap_database_value_counts(xap_database *db, const xap_query *query, uint32_t slot, xap_strlist **values,
                              uint32_t *matches, xap_error **error) noexcept {
    return guarded(error, [&] {
        Xapian::Enquire enquire(*db->db);
        enquire.set_query(query->query);
        // Every match is visited and none is ranked: no weights to compute.
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::ValueCountMatchSpy spy(slot);
        enquire.add_matchspy(&spy);
        Xapian::MSet mset = enquire.get_mset(0, 0, db->db->get_doccount());
        auto list = std::make_unique<xap_strlist>();
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) list->entries.emplace_back(*it, it.get_termfreq());
        *matches = mset.get_matches_estimated();
        *values = list.release();
    });
}

// MARK: Enquire

xap_enquire *xap_enquire_new(xap_database *db, xap_error **error) noexcept {
    xap_enquire *result = nullptr;
    guarded(error, [&] { result = new xap_enquire{Xapian::Enquire(*db->db)}; });
    return result;
}

void xap_enquire_free(xap_enquire *enquire) noexcept { delete enquire; }

int xap_enquire_set_query(xap_enquire *enquire, const xap_query *query, xap_error **error) noexcept {
    return guarded(error, [&] { enquire->enquire.set_query(query->query); });
}

int xap_enquire_set_sort_by_relevance_then_value(xap_enquire *enquire, uint32_t slot, int reverse,
                                                 xap_error **error) noexcept {
    return guarded(error, [&] { enquire->enquire.set_sort_by_relevance_then_value(slot, reverse != 0); });
}

int xap_enquire_set_sort_by_value_then_relevance(xap_enquire *enquire, uint32_t slot, int reverse,
                                                 xap_error **error) noexcept {
    return guarded(error, [&] { enquire->enquire.set_sort_by_value_then_relevance(slot, reverse != 0); });
}

namespace {
// Keeps words, drops field and filter terms: Xapian prefixes start with a capital letter.
struct UnprefixedTerms : Xapian::ExpandDecider {
    bool operator()(const std::string &term) const override {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
    }
};
}  // namespace

int xap_enquire_eset(xap_enquire *enquire, const uint32_t *docids, size_t count, uint32_t max_terms,
                     xap_strlist **terms, xap_error **error) noexcept {
    return guarded(error, [&] {
        Xapian::RSet rset;
        for (size_t i = 0; i < count; ++i) rset.add_document(docids[i]);
        UnprefixedTerms decider;
        // Exact term frequencies: by default Xapian estimates them over several databases
        // (proportional to each one's size), so shards would pick other words than one index.
        Xapian::ESet eset = enquire->enquire.get_eset(max_terms, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &decider);
        auto list = std::make_unique<xap_strlist>();
        for (auto it = eset.begin(); it != eset.end(); ++it) list->entries.emplace_back(*it, 0);
        *terms = list.release();
    });
}

int xap_enquire_mset(xap_enquire *enquire, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                     xap_mset **mset, xap_error **error) noexcept {
    return guarded(error, [&] {
        *mset = new xap_mset{enquire->enquire.get_mset(first, max_items, check_at_least)};
    });
}

// MARK: Match sets

void xap_mset_free(xap_mset *mset) noexcept { delete mset; }
// MSet::size(), get_matches_estimated() and get_max_possible() read fields of the match set: they do not throw.
uint32_t xap_mset_size(const xap_mset *mset) noexcept { return mset->mset.size(); }
uint32_t xap_mset_matches_estimated(const xap_mset *mset) noexcept { return mset->mset.get_matches_estimated(); }
uint32_t xap_mset_matches_lower_bound(const xap_mset *mset) noexcept { return mset->mset.get_matches_lower_bound(); }
double xap_mset_max_possible(const xap_mset *mset) noexcept { return mset->mset.get_max_possible(); }

int xap_mset_item(xap_mset *mset, uint32_t index, uint32_t *docid, double *weight, xap_error **error) noexcept {
    return guarded(error, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("match set index out of range");
        auto it = mset->mset[index];
        *docid = *it;
        *weight = it.get_weight();
    });
}

int xap_mset_document(xap_mset *mset, uint32_t index, xap_document **document, xap_error **error) noexcept {
    return guarded(error, [&] {
        if (index >= mset->mset.size()) throw Xapian::RangeError("match set index out of range");
        *document = new xap_document{mset->mset[index].get_document()};
    });
}

int xap_mset_snippet(xap_mset *mset, const char *text, size_t length, const xap_stem *stem, unsigned flags,
                     const char *highlight_start, const char *highlight_end, const char *omit, char **snippet,
                     xap_error **error) noexcept {
    return guarded(error, [&] {
        *snippet = copy_string(mset->mset.snippet(text, length, stem->stem, flags, highlight_start, highlight_end, omit));
    });
}

}  // extern "C"
