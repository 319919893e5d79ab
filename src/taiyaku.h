/*
 * taiyaku.h — the public interface of libtaiyaku.
 *
 * taiyaku reads a Japanese and an English clause file, matches clauses by
 * their section numbers, aligns what numbers cannot pair by content, checks
 * each pair and renders the result.  The pipeline, one module per stage:
 *
 *   read -> numbering -> outline -> match -> align -> check -> render
 *
 * A program needs only this header and `pkg-config --cflags --libs
 * taiyaku`; examples/walk.c reads two files, aligns them and walks the
 * pairs and findings.
 *
 * Ownership: every object returned by a ty_*_new / ty_*_read / ty_*_load
 * function is owned by the caller and released with the matching
 * ty_*_free.  A function whose name ends in _dup returns a string the
 * caller releases with free().  Everything else returned (pairs,
 * findings, strings) is borrowed: it lives as long as the object it was
 * reached through (an alignment's pairs and findings until
 * ty_alignment_free; its texts until its documents are freed too).
 *
 * Errors: calls that can fail return NULL or -1 and fill a ty_error; the
 * library never prints and never exits on bad input, a failed read or
 * write.  Out of memory is the one exception: the library then writes
 * "taiyaku: out of memory" on stderr and calls abort(); no call returns
 * NULL for it.
 *
 * Threads: documents, configurations and alignments are independent
 * objects; different threads may use different ones at once, and may
 * share a configuration or a dictionary (read only) and a document
 * (once read).  Call ty_init() once before starting threads.
 */
#ifndef TAIYAKU_H
#define TAIYAKU_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the functions libtaiyaku exports; everything else is hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define TY_EXPORT __attribute__((visibility("default")))
#else
#define TY_EXPORT
#endif

#define TY_VERSION "0.1.0"
#define TY_VERSION_MAJOR 0
#define TY_VERSION_MINOR 1
#define TY_VERSION_PATCH 0
/* The version as one number, 0xMMmmpp (major, minor, patch). */
#define TY_VERSION_NUMBER                                                      \
  ((TY_VERSION_MAJOR << 16) | (TY_VERSION_MINOR << 8) | TY_VERSION_PATCH)

/* Status codes of library calls (also the kinds of a ty_error). */
typedef enum ty_status_code {
  TY_OK = 0,
  TY_ERR_IO,       /* a file could not be opened, read or written */
  TY_ERR_ENCODING, /* bytes that are not text in the expected encoding */
  TY_ERR_SYNTAX,   /* a structured input (YAML, XML, config) is malformed */
  TY_ERR_USAGE     /* an option or argument is not acceptable */
} ty_status_code;

/* Where and why a call failed.  `line`/`column` are 1-based, 0 if unknown. */
typedef struct ty_error {
  ty_status_code code;
  char file[512];
  int line;
  int column;
  char message[512];
} ty_error;

/* Which language a document is in. */
typedef enum ty_lang { TY_JA = 0, TY_EN = 1 } ty_lang;

/* How serious a finding is. */
typedef enum ty_severity {
  TY_SEV_OFF = -1, /* disabled by configuration */
  TY_SEV_INFO = 0,
  TY_SEV_WARNING = 1,
  TY_SEV_ERROR = 2
} ty_severity;

/* Finding codes; names as in DESIGN.md (see ty_code_name). */
typedef enum ty_code {
  TY_MISSING_EN,
  TY_MISSING_JA,
  TY_DUPLICATE_NUMBER,
  TY_EMPTY,
  TY_UNTRANSLATED,
  TY_NUMBERING_GAP,
  TY_NUMBERING_ORDER,
  TY_NUMBER_MISMATCH,
  TY_TOKEN_MISMATCH,
  TY_SENTENCE_UNPAIRED,
  TY_LENGTH_RATIO,
  TY_GLOSSARY,
  TY_RENUMBERED,
  TY_STYLE_MISMATCH,
  TY_SUSPICIOUS_CHAR,
  TY_PUNCTUATION,
  TY_REVISIONS, /* a Word file with tracked changes, read as accepted */
  /* Japanese-side text with no Japanese its source marks as English */
  TY_MARKED_LANGUAGE,
  TY_CODE_COUNT
} ty_code;

/* How a pair was made. */
typedef enum ty_pair_status {
  TY_PAIR_MATCHED,    /* by section number */
  TY_PAIR_CONTENT,    /* by content (front matter, unnumbered runs) */
  TY_PAIR_MISSING_EN, /* a Japanese clause with no English */
  TY_PAIR_MISSING_JA  /* an English clause with no Japanese */
} ty_pair_status;

/* Input encodings (ty_read_options.encoding). */
typedef enum ty_encoding {
  TY_ENC_AUTO,
  TY_ENC_UTF8,
  TY_ENC_SHIFT_JIS,
  TY_ENC_EUC_JP,
  TY_ENC_ISO2022JP,
  TY_ENC_UTF16
} ty_encoding;

/* Output formats. */
typedef enum ty_format {
  TY_FMT_TEXT,
  TY_FMT_MD,
  TY_FMT_HTML,
  TY_FMT_CSV,
  TY_FMT_TSV,
  TY_FMT_JSON,
  TY_FMT_YAML,
  TY_FMT_TMX,
  TY_FMT_XLIFF,
  TY_FMT_XLIFF12, /* XLIFF 1.2 */
  TY_FMT_XLSX,    /* Excel workbook */
  TY_FMT_DOCX,    /* Word bilingual table */
  TY_FMT_COUNT
} ty_format;

typedef struct ty_doc ty_doc;
typedef struct ty_alignment ty_alignment;
typedef struct ty_config ty_config;
/* One row of an alignment: a clause (or a few, for content pairs) on each
 * side, or one side missing.  Borrowed from its alignment. */
typedef struct ty_pair ty_pair;
/* A sentence pair inside a clause pair.  Borrowed from its alignment. */
typedef struct ty_sentpair ty_sentpair;
/* One finding: a code, a severity, where, a message.  Borrowed. */
typedef struct ty_finding ty_finding;
/* A bilingual word list used as anchors by the content aligner. */
typedef struct ty_dict ty_dict;

/* What the documents are split into before aligning (ty_config_set_by). */
typedef enum ty_unit {
  TY_BY_NUMBER = 0, /* clauses by section number (the default) */
  TY_BY_PARAGRAPH,  /* paragraphs, numbering ignored */
  TY_BY_SENTENCE    /* sentences, numbering ignored */
} ty_unit;

/* Input formats (ty_read_options.format).  TY_IN_AUTO chooses by content
 * (a zip with [Content_Types].xml or an ODF mimetype, %PDF-, an HTML
 * doctype or root, an XML law), then by the name's extension (.md,
 * .yaml, .xml, .html), else plain text. */
typedef enum ty_input_format {
  TY_IN_AUTO = 0,
  TY_IN_TEXT,
  TY_IN_YAML,
  TY_IN_EGOV,
  TY_IN_HTML,
  TY_IN_MARKDOWN,
  TY_IN_DOCX,
  TY_IN_ODT,
  TY_IN_PDF,
  TY_IN_COUNT
} ty_input_format;

/* Options for reading a document. */
typedef struct ty_read_options {
  ty_encoding encoding;   /* TY_ENC_AUTO by default */
  ty_input_format format; /* TY_IN_AUTO by default */
  size_t max_input;       /* largest input in bytes; 0 = TY_DEFAULT_MAX_INPUT */
} ty_read_options;

/* The input format a name stands for ("text", "yaml", "egov", "html",
 * "xhtml", "markdown", "md", "docx", "odt", "pdf", "auto"), or -1. */
TY_EXPORT int ty_input_format_parse(const char *name);

/* The name of an input format ("html"); "auto" for TY_IN_AUTO. */
TY_EXPORT const char *ty_input_format_name(ty_input_format f);

/* The input size limit when ty_read_options.max_input is 0 (1 GiB: a
 * document that size takes about twice as much memory to align). */
#define TY_DEFAULT_MAX_INPUT ((size_t)1 << 30)

/* Options for rendering an alignment. */
typedef struct ty_render_options {
  int width;         /* text format: total columns; 0 = 100 */
  int color;         /* text format: use ANSI colour */
  int sentences;     /* show sentence pairs inside clauses */
  int bom;           /* csv/tsv: start with a UTF-8 byte-order mark */
  ty_lang source;    /* xliff: source language (default TY_JA) */
  int findings_only; /* text format: print findings, not pairs (check) */
  int by_clause;     /* tmx/xliff: a unit per clause pair, labels left out,
                        instead of the document's own segments */
  int its_marks;     /* xliff: ITS issues also as inline <mrk> (--its-marks) */
} ty_render_options;

/* ---- documents ---------------------------------------------------------- */

/* Reads and parses the clause file at `path` (plain text, or YAML when the
 * name ends in .yaml/.yml, or e-Gov XML when it ends in .xml).  Returns a
 * new document owned by the caller, or NULL with `err` filled. */
TY_EXPORT ty_doc *ty_doc_read(const char *path, ty_lang lang,
                              const ty_read_options *opt, ty_error *err);

/* Reads the two documents of a pair as ty_doc_read does, the Japanese on
 * a second thread meanwhile (one thread when none can be started): the
 * documents are the same as two calls give, and so is the error, the
 * Japanese side's when both fail.  Returns 0 with *ja and *en owned by the
 * caller, or -1 with both NULL and `err` filled. */
TY_EXPORT int ty_doc_read_pair(const char *ja_path, const char *en_path,
                               const ty_read_options *opt, ty_doc **ja,
                               ty_doc **en, ty_error *err);

/* Parses `len` bytes of UTF-8 text already in memory; `name` is used in
 * messages.  The bytes are copied.  NULL with `err` filled on failure. */
TY_EXPORT ty_doc *ty_doc_parse(const char *text, size_t len, const char *name,
                               ty_lang lang, ty_error *err);

/* Releases a document and everything reached through it. */
TY_EXPORT void ty_doc_free(ty_doc *doc);

/* Number of clauses (numbered clauses and front matter paragraphs). */
TY_EXPORT size_t ty_doc_clause_count(const ty_doc *doc);

/* Writes how the document was understood (key, label, line, text start),
 * one clause a line.  Returns 0, or -1 on a write error. */
TY_EXPORT int ty_doc_write_outline(const ty_doc *doc, FILE *out);
/* The same as one JSON object: {"taiyaku":1, "path", "format", "lang"
 * (the document's own, or null), "clauses":[{"key", "label", "line",
 * "depth", "kind", "lang" (only when the source marks the clause's text
 * in another language), "text"}]}.  Returns 0, or -1 on a write error. */
TY_EXPORT int ty_doc_write_outline_json(const ty_doc *doc, FILE *out);

/* ---- configuration ------------------------------------------------------ */

/* A configuration with the default severities and no glossary. */
TY_EXPORT ty_config *ty_config_new(void);

/* Loads `taiyaku.yaml`-style settings from `path` into `cfg`.  Returns 0,
 * or -1 with `err` filled (line and column of the problem). */
TY_EXPORT int ty_config_load(ty_config *cfg, const char *path, ty_error *err);

/* Sets the severity of one code (TY_SEV_OFF disables it). */
TY_EXPORT void ty_config_set_severity(ty_config *cfg, ty_code code,
                                      ty_severity sev);

/* Releases a configuration. */
TY_EXPORT void ty_config_free(ty_config *cfg);

/* ---- alignment ---------------------------------------------------------- */

/* Matches and aligns two documents and runs the checks enabled in `cfg`
 * (NULL = defaults).  The documents must outlive the alignment.  Returns a
 * new alignment, or NULL with `err` filled. */
TY_EXPORT ty_alignment *ty_align(ty_doc *ja, ty_doc *en, const ty_config *cfg,
                                 ty_error *err);

/* Releases an alignment (not its documents). */
TY_EXPORT void ty_alignment_free(ty_alignment *al);

/* What one thread reuses from one alignment to the next: the ICU objects
 * that are slow to open (sentence break iterators, number formatters and
 * calendars, the JIS character set of suspicious-char), each opened the
 * first time an alignment needs it.  ty_align opens and closes its own; a
 * program aligning many pairs gives each thread a context and calls
 * ty_context_align (taiyaku align --batch does).  One thread at a time.
 * Owned by the caller: ty_context_free (NULL is a no-op). */
typedef struct ty_context ty_context;
TY_EXPORT ty_context *ty_context_new(void);
TY_EXPORT void ty_context_free(ty_context *ctx);
/* ty_align with the objects of ctx, which must outlive the call only. */
TY_EXPORT ty_alignment *ty_context_align(ty_context *ctx, ty_doc *ja,
                                         ty_doc *en, const ty_config *cfg,
                                         ty_error *err);

/* Counts of an alignment, as in the JSON summary. */
typedef struct ty_summary {
  size_t pairs, matched, content, missing_en, missing_ja;
  size_t errors, warnings, infos;
} ty_summary;

/* Fills `s` from an alignment. */
TY_EXPORT void ty_alignment_summary(const ty_alignment *al, ty_summary *s);

/* The highest severity among the findings, or TY_SEV_OFF when none. */
TY_EXPORT ty_severity ty_alignment_worst(const ty_alignment *al);

/* ---- rendering ---------------------------------------------------------- */

/* Writes `al` in format `fmt` to `out`.  Returns 0, or -1 on a write or
 * library error (err filled). */
TY_EXPORT int ty_render(const ty_alignment *al, ty_format fmt,
                        const ty_render_options *opt, FILE *out, ty_error *err);

/* ---- names -------------------------------------------------------------- */

/* "missing-en", "number-mismatch", ...; NULL for an invalid code. */
TY_EXPORT const char *ty_code_name(ty_code code);
/* The code named `name`, or -1. */
TY_EXPORT int ty_code_from_name(const char *name);
/* "info", "warning", "error". */
TY_EXPORT const char *ty_severity_name(ty_severity sev);
/* The format named `name` ("json", "md", ...), or -1. */
TY_EXPORT int ty_format_from_name(const char *name);
/* "json", "md", ... */
TY_EXPORT const char *ty_format_name(ty_format fmt);
/* The usual file extension of a format, without the dot. */
TY_EXPORT const char *ty_format_extension(ty_format fmt);

/* ---- library ------------------------------------------------------------ */

/* The library's version as TY_VERSION_NUMBER (0xMMmmpp); compare it with
 * the header's to find a program running against another build. */
TY_EXPORT int ty_version(void);
/* The version as a string, "0.1.0"; static, never freed. */
TY_EXPORT const char *ty_version_string(void);

/* Sets up the libraries taiyaku uses (libxml2's parser).  Every entry
 * point calls it itself; a program that uses taiyaku from several threads
 * calls it once before it starts them.  Safe to call more than once. */
TY_EXPORT void ty_init(void);

/* ---- options ------------------------------------------------------------ */

/* These set what ty_align does; a configuration starts with by =
 * TY_BY_NUMBER, prefer-number, no dictionary and checks on. */

/* Splits the documents into `by` units instead of matching numbers. */
TY_EXPORT void ty_config_set_by(ty_config *cfg, ty_unit by);
/* Non-zero: a renumbered clause is paired by content, not by number. */
TY_EXPORT void ty_config_set_prefer_content(ty_config *cfg, int on);
/* 0: structure only (no content checks, no sentence pairs); else on. */
TY_EXPORT void ty_config_set_checks(ty_config *cfg, int on);
/* Non-zero: the sentence pairs inside clause pairs are computed with the
 * checks off too (with them on they always are). */
TY_EXPORT void ty_config_set_sentences(ty_config *cfg, int on);
/* Anchors the content aligner with `dict` (NULL: none).  Borrowed: it must
 * outlive every ty_align call that uses cfg. */
TY_EXPORT void ty_config_set_dict(ty_config *cfg, const ty_dict *dict);
/* Drops findings whose confidence is below `min` (0..1; 0 keeps all). */
TY_EXPORT void ty_config_set_min_confidence(ty_config *cfg, double min);
/* How many threads ty_align may give the checks and sentence pairs of one
 * alignment (0, the default: one a core, at most 4; 1: the calling thread
 * only).  The result is the same for every number. */
TY_EXPORT void ty_config_set_threads(ty_config *cfg, int n);

/* Reads a word list: EDICT lines "漢字 [かな] /gloss/gloss/" (UTF-8 or
 * EUC-JP) or "ja<TAB>en" lines.  Returns a new dictionary owned by the
 * caller (ty_dict_free), or NULL with `err` filled. */
TY_EXPORT ty_dict *ty_dict_load(const char *path, ty_error *err);
/* Releases a dictionary (NULL is a no-op). */
TY_EXPORT void ty_dict_free(ty_dict *d);

/* ---- walking an alignment ------------------------------------------------ */

/* Number of pairs, in document order. */
TY_EXPORT size_t ty_alignment_pair_count(const ty_alignment *al);
/* Pair `i` (0-based, < ty_alignment_pair_count), borrowed from `al`;
 * NULL when out of range. */
TY_EXPORT const ty_pair *ty_alignment_pair(const ty_alignment *al, size_t i);
/* How the pair was made. */
TY_EXPORT ty_pair_status ty_pair_get_status(const ty_pair *p);
/* Content confidence 0..1 (1 for pairs matched by number). */
TY_EXPORT double ty_pair_get_score(const ty_pair *p);
/* Canonical key of a pair (the ja side's where both exist; "" when none).
 * Borrowed from the documents. */
TY_EXPORT const char *ty_pair_key(const ty_alignment *al, const ty_pair *p);
/* Canonical key of one side's (first) clause; "" on a missing side.
 * Borrowed from the documents. */
TY_EXPORT const char *ty_pair_side_key(const ty_alignment *al, const ty_pair *p,
                                       ty_lang side);
/* 1-based line of one side, 0 on a missing side. */
TY_EXPORT int ty_pair_line(const ty_alignment *al, const ty_pair *p,
                           ty_lang side);
/* Number of clauses on one side (0 on a missing side; 2 or more when a
 * content pair joins clauses). */
TY_EXPORT int ty_pair_clause_count(const ty_pair *p, ty_lang side);
/* The section marker of one side as written ("第三条", "(2)"), "" when the
 * side is missing or unnumbered.  A new string; the caller frees it. */
TY_EXPORT char *ty_pair_label_dup(const ty_alignment *al, const ty_pair *p,
                                  ty_lang side);
/* The text of one side, wrapped lines joined, paragraphs (and the clauses
 * of a content pair) separated by '\n'; "" on a missing side.  A new
 * string; the caller frees it. */
TY_EXPORT char *ty_pair_text_dup(const ty_alignment *al, const ty_pair *p,
                                 ty_lang side);

/* Number of sentence pairs inside a pair (0 when each side is one
 * sentence, or with checks off unless ty_config_set_sentences). */
TY_EXPORT size_t ty_pair_sentence_count(const ty_alignment *al,
                                        const ty_pair *p);
/* Sentence pair `k` of `p`, borrowed; NULL when out of range. */
TY_EXPORT const ty_sentpair *ty_pair_sentence(const ty_alignment *al,
                                              const ty_pair *p, size_t k);
/* One side of a sentence pair: its bytes (not NUL-terminated; borrowed
 * from the documents or the alignment) with the length in *len, or NULL
 * and *len = 0 when that side has no counterpart. */
TY_EXPORT const char *ty_sentpair_text(const ty_sentpair *s, ty_lang side,
                                       size_t *len);
/* 1-based line where one side of a sentence pair starts, 0 when none. */
TY_EXPORT int ty_sentpair_line(const ty_sentpair *s, ty_lang side);

/* Number of findings, sorted by position (Japanese line, then English). */
TY_EXPORT size_t ty_alignment_finding_count(const ty_alignment *al);
/* Finding `i`, borrowed from `al`; NULL when out of range. */
TY_EXPORT const ty_finding *ty_alignment_finding(const ty_alignment *al,
                                                 size_t i);
TY_EXPORT ty_code ty_finding_get_code(const ty_finding *f);
/* Its severity after the configuration was applied (never TY_SEV_OFF). */
TY_EXPORT ty_severity ty_finding_get_severity(const ty_finding *f);
/* Key of the pair or clause concerned; "" when none.  Borrowed. */
TY_EXPORT const char *ty_finding_get_key(const ty_finding *f);
/* 1-based line on one side, 0 when the finding has none there. */
TY_EXPORT int ty_finding_get_line(const ty_finding *f, ty_lang side);
/* What is wrong, in English, one line.  Borrowed. */
TY_EXPORT const char *ty_finding_get_message(const ty_finding *f);
/* How sure the check is that a reviewer wants this finding, 0..1 (1:
 * certain).  Below 0.5 the finding was reported one severity lower than
 * its code's. */
TY_EXPORT double ty_finding_get_confidence(const ty_finding *f);

/* ---- updates: a revised original and the translation of the old one --- */

typedef struct ty_update ty_update;

/* What a revision did to a clause (see ty_update_new). */
typedef enum ty_change {
  TY_CHANGE_UNCHANGED,  /* same text: the translation stands */
  TY_CHANGE_CHANGED,    /* reworded: the translation needs revising */
  TY_CHANGE_NEW,        /* not in the old version: needs translating */
  TY_CHANGE_RENUMBERED, /* same text, new number: the label must change */
  TY_CHANGE_DELETED     /* gone (or now 削除): remove from the translation */
} ty_change;

/* Counts of an update, as in the JSON summary.  `untranslated`: entries
 * of OLD clauses the translation has no counterpart for. */
typedef struct ty_update_summary {
  size_t entries, unchanged, changed, new_, renumbered, deleted;
  size_t untranslated;
} ty_update_summary;

/* Compares OLD and NEW, two versions of one original in language
 * old->lang, and aligns TRANSLATION (the translation of OLD, in the other
 * language) with OLD as ty_align does (cfg as there; NULL = defaults).
 * Each clause of NEW gets a status and a word diff of OLD -> NEW where it
 * changed; each clause of OLD that is gone is `deleted`; every entry has
 * the translation of its OLD clause beside it.  The documents must
 * outlive the update.  Returns a new update owned by the caller
 * (ty_update_free), or NULL with err filled (TY_ERR_USAGE when the
 * languages do not fit). */
TY_EXPORT ty_update *ty_update_new(ty_doc *old_doc, ty_doc *new_doc,
                                   ty_doc *translation, const ty_config *cfg,
                                   ty_error *err);

/* Releases an update (not its documents). */
TY_EXPORT void ty_update_free(ty_update *up);

/* Fills `s` from an update. */
TY_EXPORT void ty_update_get_summary(const ty_update *up, ty_update_summary *s);

/* True when the translation needs work: any entry not unchanged, or an
 * OLD clause without a translation. */
TY_EXPORT int ty_update_needs_work(const ty_update *up);

/* Writes an update in format `fmt` (text, md, html, json, xliff, xliff12)
 * to `out`.  Returns 0, or -1 with err filled on a write error or a
 * format updates are not written in. */
TY_EXPORT int ty_update_render(const ty_update *up, ty_format fmt,
                               const ty_render_options *opt, FILE *out,
                               ty_error *err);

/* "unchanged", "changed", "new", "renumbered", "deleted". */
TY_EXPORT const char *ty_change_name(ty_change c);

#ifdef __cplusplus
}
#endif
#endif
