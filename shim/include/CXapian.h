/* CXapian: a plain C interface over Xapian 1.4 (Debian's libxapian-dev).
 *
 * Thin, exception-safe wrappers: every function is noexcept (XAP_NOEXCEPT); a C++ exception
 * never crosses this boundary. A function that can fail returns 0 on success (or a non-NULL handle) and, on
 * failure, a non-zero status (or NULL) with *error set to a new xap_error naming the Xapian
 * exception class and its message; free it with xap_error_free. Strings returned through
 * `char **` are malloc'd and freed with xap_string_free. Handles are not thread-safe: use each
 * from one thread at a time. No C++ or Xapian header is included here on purpose.
 */
#ifndef CXAPIAN_H
#define CXAPIAN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define XAP_NOEXCEPT noexcept
extern "C" {
#else
#define XAP_NOEXCEPT
#endif

/* Xapian's constants by name. CXapian.cpp checks each against Xapian's own value. */

/* Xapian's DB_* flags for xap_database_open_writable: one mode, optionally or-ed with options. */
typedef enum xap_db_flag {
    XAP_DB_CREATE_OR_OPEN = 0x00,
    XAP_DB_CREATE_OR_OVERWRITE = 0x01,
    XAP_DB_CREATE = 0x02,
    XAP_DB_OPEN = 0x03,
    XAP_DB_NO_SYNC = 0x04,
    XAP_DB_RETRY_LOCK = 0x40,
} xap_db_flag;

/* Xapian::Compactor levels, or-ed with Xapian's DBCOMPACT_* flags. */
typedef enum xap_compact_flag {
    XAP_COMPACT_STANDARD = 0,
    XAP_COMPACT_FULL = 1,
    XAP_COMPACT_FULLER = 2,
    XAP_DBCOMPACT_NO_RENUMBER = 4,
} xap_compact_flag;

/* Xapian::Query::op. */
typedef enum xap_query_op {
    XAP_OP_AND = 0,
    XAP_OP_OR = 1,
    XAP_OP_AND_NOT = 2,
    XAP_OP_XOR = 3,
    XAP_OP_AND_MAYBE = 4,
    XAP_OP_FILTER = 5,
    XAP_OP_NEAR = 6,
    XAP_OP_PHRASE = 7,
    XAP_OP_VALUE_RANGE = 8,
    XAP_OP_SCALE_WEIGHT = 9,
    XAP_OP_ELITE_SET = 10,
    XAP_OP_VALUE_GE = 11,
    XAP_OP_VALUE_LE = 12,
    XAP_OP_SYNONYM = 13,
} xap_query_op;

/* Xapian::Query's WILDCARD_LIMIT_*: what a wildcard does past its expansion limit. */
typedef enum xap_wildcard_limit {
    XAP_WILDCARD_LIMIT_ERROR = 0,
    XAP_WILDCARD_LIMIT_FIRST = 1,
    XAP_WILDCARD_LIMIT_MOST_FREQUENT = 2,
} xap_wildcard_limit;

/* Xapian::QueryParser::feature_flag, or-ed together. */
typedef enum xap_qp_flag {
    XAP_FLAG_BOOLEAN = 1,
    XAP_FLAG_PHRASE = 2,
    XAP_FLAG_LOVEHATE = 4,
    XAP_FLAG_BOOLEAN_ANY_CASE = 8,
    XAP_FLAG_WILDCARD = 16,
    XAP_FLAG_PURE_NOT = 32,
    XAP_FLAG_PARTIAL = 64,
    XAP_FLAG_SPELLING_CORRECTION = 128,
    XAP_FLAG_SYNONYM = 256,
    XAP_FLAG_AUTO_SYNONYMS = 512,
    XAP_FLAG_AUTO_MULTIWORD_SYNONYMS = 1024,
    XAP_FLAG_DEFAULT = XAP_FLAG_PHRASE | XAP_FLAG_BOOLEAN | XAP_FLAG_LOVEHATE,
} xap_qp_flag;

/* Xapian::QueryParser::stem_strategy. */
typedef enum xap_stem_strategy {
    XAP_STEM_NONE = 0,
    XAP_STEM_SOME = 1,
    XAP_STEM_ALL = 2,
    XAP_STEM_ALL_Z = 3,
    XAP_STEM_SOME_FULL_POS = 4,
} xap_stem_strategy;

/* Xapian::MSet::snippet_flags, or-ed together. */
typedef enum xap_snippet_flag {
    XAP_SNIPPET_BACKGROUND_MODEL = 1,
    XAP_SNIPPET_EXHAUSTIVE = 2,
    XAP_SNIPPET_EMPTY_WITHOUT_MATCH = 4,
} xap_snippet_flag;

typedef struct xap_error xap_error;
typedef struct xap_database xap_database;
typedef struct xap_document xap_document;
typedef struct xap_stem xap_stem;
typedef struct xap_query xap_query;
typedef struct xap_queryparser xap_queryparser;
typedef struct xap_enquire xap_enquire;
typedef struct xap_mset xap_mset;
typedef struct xap_strlist xap_strlist;
typedef struct xap_value_table xap_value_table;

/* Errors */
const char *_Nonnull xap_error_type(const xap_error *_Nonnull error) XAP_NOEXCEPT;
const char *_Nonnull xap_error_message(const xap_error *_Nonnull error) XAP_NOEXCEPT;
void xap_error_free(xap_error *_Nullable error) XAP_NOEXCEPT;
void xap_string_free(char *_Nullable string) XAP_NOEXCEPT;

/* A list of byte strings with an optional count each (terms with frequencies, keys, values). */
size_t xap_strlist_size(const xap_strlist *_Nonnull list) XAP_NOEXCEPT;
const char *_Nonnull xap_strlist_get(const xap_strlist *_Nonnull list, size_t index, size_t *_Nonnull length) XAP_NOEXCEPT;
uint32_t xap_strlist_count(const xap_strlist *_Nonnull list, size_t index) XAP_NOEXCEPT;
void xap_strlist_free(xap_strlist *_Nullable list) XAP_NOEXCEPT;

/* Databases. One handle type for readers and writers; the write calls fail on a reader. */
xap_database *_Nullable xap_database_open(const char *_Nonnull path, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* flags: xap_db_flag values. */
/* A database of no shards yet (Xapian::Database()), for xap_database_add_shard. NULL only when
 * out of memory. */
xap_database *_Nullable xap_database_new_sharded(void) XAP_NOEXCEPT;
/* Adds shard's sub-databases to db (Database::add_database); db searches them as one, with
 * global statistics. shard stays the caller's to free. */
int xap_database_add_shard(xap_database *_Nonnull db, xap_database *_Nonnull shard,
                           xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Xapian::Remote::open over TCP: xapian-tcpsrv at host:port. timeout_ms bounds each exchange,
 * connect_timeout_ms the connection (0: no limit); exceeded, NetworkTimeoutError. */
xap_database *_Nullable xap_database_open_remote_tcp(const char *_Nonnull host, unsigned port, unsigned timeout_ms,
                                                     unsigned connect_timeout_ms,
                                                     xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Xapian::Remote::open over a pipe to a program (e.g. "ssh", "host xapian-progsrv /db"). */
xap_database *_Nullable xap_database_open_remote_program(const char *_Nonnull program, const char *_Nonnull args,
                                                         unsigned timeout_ms,
                                                         xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
xap_database *_Nullable xap_database_open_writable(const char *_Nonnull path, unsigned flags,
                                                   xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
void xap_database_free(xap_database *_Nullable db) XAP_NOEXCEPT;
int xap_database_close(xap_database *_Nonnull db, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_reopen(xap_database *_Nonnull db, int *_Nonnull reopened, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_doccount(xap_database *_Nonnull db, uint32_t *_Nonnull count, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_revision(xap_database *_Nonnull db, uint64_t *_Nonnull revision, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_termfreq(xap_database *_Nonnull db, const char *_Nonnull term, uint32_t *_Nonnull freq,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Each term's frequency into freqs, asked of every shard at once (xap_database_termfreq asks each
 * shard once per term: a round trip per term to each remote shard). */
int xap_database_termfreqs(xap_database *_Nonnull db, const char *_Nonnull const *_Nullable terms, size_t count,
                           uint32_t *_Nullable freqs, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Number of distinct terms starting with prefix ("" for all). */
int xap_database_term_count(xap_database *_Nonnull db, const char *_Nonnull prefix, uint64_t *_Nonnull count,
                            xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Terms starting with prefix, with their document frequencies. */
int xap_database_terms(xap_database *_Nonnull db, const char *_Nonnull prefix, xap_strlist *_Nullable *_Nonnull terms,
                       xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Every document indexed by term, in docid order: a malloc'd array (free with xap_docids_free). */
int xap_database_postings(xap_database *_Nonnull db, const char *_Nonnull term, uint32_t *_Nullable *_Nonnull docids,
                          size_t *_Nonnull count, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
void xap_docids_free(uint32_t *_Nullable docids) XAP_NOEXCEPT;
/* The first document indexed by term, or *docid = 0 when none is. */
int xap_database_first_posting(xap_database *_Nonnull db, const char *_Nonnull term, uint32_t *_Nonnull docid,
                               xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_document(xap_database *_Nonnull db, uint32_t docid, xap_document *_Nullable *_Nonnull document,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_metadata(xap_database *_Nonnull db, const char *_Nonnull key, char *_Nullable *_Nonnull value,
                          size_t *_Nonnull length, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Metadata keys starting with prefix. */
int xap_database_metadata_keys(xap_database *_Nonnull db, const char *_Nonnull prefix,
                               xap_strlist *_Nullable *_Nonnull keys, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* The smallest and largest value in a slot; empty strings when the slot is unused. */
int xap_database_value_bounds(xap_database *_Nonnull db, uint32_t slot, char *_Nullable *_Nonnull lower,
                              size_t *_Nonnull lower_length, char *_Nullable *_Nonnull upper,
                              size_t *_Nonnull upper_length, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* The terms starting with prefix that index the most documents (at most limit of them; ties go to
 * the term first in byte order), in byte order, with their frequencies: a wildcard's expansion
 * chosen over all of db's shards at once. */
int xap_database_most_frequent_terms(xap_database *_Nonnull db, const char *_Nonnull prefix, uint32_t limit,
                                     xap_strlist *_Nullable *_Nonnull terms,
                                     xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Words in the spelling data with their frequencies, in byte order. */
int xap_database_spellings(xap_database *_Nonnull db, xap_strlist *_Nullable *_Nonnull words,
                           xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Database::compact of the databases at sources[0..count) into destination (a new directory), as
 * one database: documents renumbered source after source, spelling frequencies summed, synonyms
 * and metadata merged (a key in several sources keeps the first one's value). flags:
 * xap_compact_flag values. */
int xap_compact_databases(const char *_Nonnull const *_Nonnull sources, size_t count,
                          const char *_Nonnull destination, unsigned flags,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Writing (the handle must come from xap_database_open_writable). */
int xap_database_replace_document(xap_database *_Nonnull db, const char *_Nonnull unique_term,
                                  xap_document *_Nonnull document, uint32_t *_Nonnull docid,
                                  xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_delete_documents(xap_database *_Nonnull db, const char *_Nonnull term,
                                  xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_set_metadata(xap_database *_Nonnull db, const char *_Nonnull key, const char *_Nonnull value,
                              size_t length, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_add_spelling(xap_database *_Nonnull db, const char *_Nonnull word, uint32_t increment,
                              xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_remove_spelling(xap_database *_Nonnull db, const char *_Nonnull word, uint32_t decrement,
                                 xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_add_synonym(xap_database *_Nonnull db, const char *_Nonnull term, const char *_Nonnull synonym,
                             xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_clear_synonyms(xap_database *_Nonnull db, const char *_Nonnull term,
                                xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Terms that have synonyms, starting with prefix. */
int xap_database_synonym_keys(xap_database *_Nonnull db, const char *_Nonnull prefix,
                              xap_strlist *_Nullable *_Nonnull keys, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* The synonyms of term, in byte order. */
int xap_database_synonyms(xap_database *_Nonnull db, const char *_Nonnull term,
                          xap_strlist *_Nullable *_Nonnull synonyms, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_commit(xap_database *_Nonnull db, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_begin_transaction(xap_database *_Nonnull db, int flushed, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_commit_transaction(xap_database *_Nonnull db, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_database_cancel_transaction(xap_database *_Nonnull db, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Documents */
xap_document *_Nullable xap_document_new(void) XAP_NOEXCEPT; /* NULL only when out of memory */
void xap_document_free(xap_document *_Nullable document) XAP_NOEXCEPT;
int xap_document_add_posting(xap_document *_Nonnull document, const char *_Nonnull term, uint32_t position,
                             uint32_t wdf_increment, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_add_term(xap_document *_Nonnull document, const char *_Nonnull term, uint32_t wdf_increment,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_add_boolean_term(xap_document *_Nonnull document, const char *_Nonnull term,
                                  xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_set_value(xap_document *_Nonnull document, uint32_t slot, const char *_Nonnull value,
                           size_t length, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_value(xap_document *_Nonnull document, uint32_t slot, char *_Nullable *_Nonnull value,
                       size_t *_Nonnull length, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_set_data(xap_document *_Nonnull document, const char *_Nonnull data, size_t length,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_document_data(xap_document *_Nonnull document, char *_Nullable *_Nonnull data, size_t *_Nonnull length,
                      xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* The document's terms with their wdf. */
int xap_document_terms(xap_document *_Nonnull document, xap_strlist *_Nullable *_Nonnull terms,
                       xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Stemmers */
xap_stem *_Nullable xap_stem_new(const char *_Nonnull language, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
void xap_stem_free(xap_stem *_Nullable stem) XAP_NOEXCEPT;
int xap_stem_word(xap_stem *_Nonnull stem, const char *_Nonnull word, char *_Nullable *_Nonnull stemmed,
                  xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Queries. Every OP_SYNONYM built here or parsed is a balanced tree of two-member synonyms, so
 * that each shard of a sharded index weighs it as one index does (why: CXapian.cpp). */
xap_query *_Nullable xap_query_new_match_all(void) XAP_NOEXCEPT; /* NULL only when out of memory */
xap_query *_Nullable xap_query_new_term(const char *_Nonnull term, uint32_t wqf, uint32_t position,
                                        xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
xap_query *_Nullable xap_query_combine(xap_query_op op, xap_query *_Nonnull const *_Nullable subqueries, size_t count,
                                       uint32_t parameter, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
xap_query *_Nullable xap_query_scale_weight(const xap_query *_Nonnull query, double factor,
                                            xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* OP_VALUE_RANGE, OP_VALUE_GE (upper ignored) or OP_VALUE_LE (lower ignored). */
xap_query *_Nullable xap_query_new_value_range(xap_query_op op, uint32_t slot, const char *_Nonnull lower,
                                               const char *_Nonnull upper, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Xapian's OP_WILDCARD: terms starting with pattern (a prefix included), at most max_expansion
 * of them (0: no limit), chosen by limit. */
xap_query *_Nullable xap_query_new_wildcard(const char *_Nonnull pattern, uint32_t max_expansion,
                                            xap_wildcard_limit limit, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* A second handle on the same query (Xapian queries are immutable); NULL only when out of memory. */
xap_query *_Nullable xap_query_clone(const xap_query *_Nonnull query) XAP_NOEXCEPT;
void xap_query_free(xap_query *_Nullable query) XAP_NOEXCEPT;
char *_Nullable xap_query_description(const xap_query *_Nonnull query) XAP_NOEXCEPT;

/* Query parser. Parse flags are xap_qp_flag values. */
xap_queryparser *_Nullable xap_queryparser_new(void) XAP_NOEXCEPT; /* NULL only when out of memory */
void xap_queryparser_free(xap_queryparser *_Nullable parser) XAP_NOEXCEPT;
/* The parser keeps its own copy of the stemmer. */
int xap_queryparser_set_stemmer(xap_queryparser *_Nonnull parser, const xap_stem *_Nonnull stem,
                                xap_stem_strategy strategy, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_queryparser_set_stopwords(xap_queryparser *_Nonnull parser, const char *_Nonnull const *_Nullable words,
                                  size_t count, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_queryparser_set_default_op(xap_queryparser *_Nonnull parser, xap_query_op op,
                                   xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* The parser keeps a reference to the database (for wildcards, spelling and synonyms). */
int xap_queryparser_set_database(xap_queryparser *_Nonnull parser, xap_database *_Nonnull db,
                                 xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* For the parser's own wildcards (FLAG_WILDCARD). */
int xap_queryparser_set_max_expansion(xap_queryparser *_Nonnull parser, uint32_t max_expansion,
                                      xap_wildcard_limit limit, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_queryparser_add_prefix(xap_queryparser *_Nonnull parser, const char *_Nonnull field,
                               const char *_Nonnull prefix, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_queryparser_add_boolean_prefix(xap_queryparser *_Nonnull parser, const char *_Nonnull field,
                                       const char *_Nonnull prefix, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* A Xapian::FieldProcessor written by the caller: for `field:text` the parser calls
 * expand(context, text), which returns a new query the parser takes ownership of, or NULL to fail
 * the parse with a QueryParserError. release(context) is called once the parser no longer needs
 * the processor (when the parser is freed, or if adding it fails). */
typedef xap_query *_Nullable (*xap_field_expander)(void *_Nullable context, const char *_Nonnull text);
typedef void (*xap_context_release)(void *_Nullable context);
/* For "field:begin..end" ranges the parser first calls expand(context, begin, end) (the bounds
 * as typed, the field removed; an open end is ""), which returns a new query the parser takes
 * ownership of, or NULL to leave the range to a Xapian::DateRangeProcessor on slot (values stored
 * as YYYYMMDD). release(context) as for a field processor. */
typedef xap_query *_Nullable (*xap_range_expander)(void *_Nullable context, const char *_Nonnull begin,
                                                   const char *_Nonnull end);
int xap_queryparser_add_date_range(xap_queryparser *_Nonnull parser, uint32_t slot, const char *_Nonnull field,
                                   int epoch_year, xap_range_expander _Nonnull expand, void *_Nullable context,
                                   xap_context_release _Nonnull release,
                                   xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_queryparser_add_field_processor(xap_queryparser *_Nonnull parser, const char *_Nonnull field,
                                        xap_field_expander _Nonnull expand, void *_Nullable context,
                                        xap_context_release _Nonnull release, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
xap_query *_Nullable xap_queryparser_parse(xap_queryparser *_Nonnull parser, const char *_Nonnull query,
                                           unsigned flags, const char *_Nonnull default_prefix,
                                           xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* After a parse with FLAG_SPELLING_CORRECTION: the corrected query string, "" when none. */
char *_Nullable xap_queryparser_corrected_query(xap_queryparser *_Nonnull parser) XAP_NOEXCEPT;

/* The non-empty values of slot over every document query matches, in byte order, each with its
 * number of documents (an unranked pass of Xapian's matcher over the whole match, with its
 * ValueCountMatchSpy, which the remote backend runs too), and the number of matches. */
int xap_database_value_counts(xap_database *_Nonnull db, const xap_query *_Nonnull query, uint32_t slot,
                              xap_strlist *_Nullable *_Nonnull values, uint32_t *_Nonnull matches,
                              xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Every document's value in slot, read once through a value stream: counting then looks a
 * match's value up by document id instead of reading it. Immutable once made, so threads may
 * share it; it belongs to the revision of db it was read on. */
xap_value_table *_Nullable xap_value_table_new(xap_database *_Nonnull db, uint32_t slot,
                                               xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
void xap_value_table_free(xap_value_table *_Nullable table) XAP_NOEXCEPT;
/* As xap_database_value_counts, from table, with the match read as a set of document ids
 * (posting lists straight into bits; the matcher only for phrases, value ranges and the like).
 * db must be at the revision table was read on (a later document id is an error). */
int xap_value_table_counts(const xap_value_table *_Nonnull table, xap_database *_Nonnull db,
                           const xap_query *_Nonnull query, xap_strlist *_Nullable *_Nonnull values,
                           uint32_t *_Nonnull matches, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Enquire */
xap_enquire *_Nullable xap_enquire_new(xap_database *_Nonnull db, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
void xap_enquire_free(xap_enquire *_Nullable enquire) XAP_NOEXCEPT;
int xap_enquire_set_query(xap_enquire *_Nonnull enquire, const xap_query *_Nonnull query,
                          xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Enquire::set_sort_by_relevance_then_value: by relevance, equal weights ordered by the value in
 * slot (descending when reverse is non-zero) instead of by document id. */
int xap_enquire_set_sort_by_relevance_then_value(xap_enquire *_Nonnull enquire, uint32_t slot, int reverse,
                                                 xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Enquire::set_sort_by_value_then_relevance: documents ordered by the value in slot (byte-wise,
 * descending when reverse is non-zero: an empty value then sorts last), ties by relevance. */
int xap_enquire_set_sort_by_value_then_relevance(xap_enquire *_Nonnull enquire, uint32_t slot, int reverse,
                                                 xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* Enquire::get_eset over the relevance set of the given documents: up to max_terms terms that best
 * characterise them, best first, unprefixed terms only (Xapian's convention: prefixes are capitals). */
int xap_enquire_eset(xap_enquire *_Nonnull enquire, const uint32_t *_Nullable docids, size_t count,
                     uint32_t max_terms, xap_strlist *_Nullable *_Nonnull terms,
                     xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_enquire_mset(xap_enquire *_Nonnull enquire, uint32_t first, uint32_t max_items, uint32_t check_at_least,
                     xap_mset *_Nullable *_Nonnull mset, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

/* Match sets */
void xap_mset_free(xap_mset *_Nullable mset) XAP_NOEXCEPT;
uint32_t xap_mset_size(const xap_mset *_Nonnull mset) XAP_NOEXCEPT;
uint32_t xap_mset_matches_estimated(const xap_mset *_Nonnull mset) XAP_NOEXCEPT;
/* MSet::get_matches_lower_bound: at least this many documents match. */
uint32_t xap_mset_matches_lower_bound(const xap_mset *_Nonnull mset) XAP_NOEXCEPT;
/* MSet::get_max_possible: the most any match of the query can weigh (0: the query weighs nothing). */
double xap_mset_max_possible(const xap_mset *_Nonnull mset) XAP_NOEXCEPT;
int xap_mset_item(xap_mset *_Nonnull mset, uint32_t index, uint32_t *_Nonnull docid, double *_Nonnull weight,
                  xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
int xap_mset_document(xap_mset *_Nonnull mset, uint32_t index, xap_document *_Nullable *_Nonnull document,
                      xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;
/* MSet::snippet with the given stemmer (the query's, so stemmed matches are highlighted). */
int xap_mset_snippet(xap_mset *_Nonnull mset, const char *_Nonnull text, size_t length,
                     const xap_stem *_Nonnull stem, unsigned flags, const char *_Nonnull highlight_start,
                     const char *_Nonnull highlight_end, const char *_Nonnull omit,
                     char *_Nullable *_Nonnull snippet, xap_error *_Nullable *_Nonnull error) XAP_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* CXAPIAN_H */
