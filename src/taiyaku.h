/*
 * taiyaku.h — the public interface of libtaiyaku.
 *
 * taiyaku reads a Japanese and an English clause file, matches clauses by
 * their section numbers, aligns what numbers cannot pair by content, checks
 * each pair and renders the result.  The pipeline, one module per stage:
 *
 *   read -> numbering -> outline -> match -> align -> check -> render
 *
 * Ownership: every object returned by a ty_*_new / ty_*_read function is
 * owned by the caller and released with the matching ty_*_free.  Strings
 * reached through a document or an alignment live as long as it does.
 * The library never prints and never exits; failures fill a ty_error.
 */
#ifndef TAIYAKU_H
#define TAIYAKU_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TY_VERSION "0.1.0"

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
  TY_FMT_COUNT
} ty_format;

typedef struct ty_doc ty_doc;
typedef struct ty_alignment ty_alignment;
typedef struct ty_config ty_config;

/* Options for reading a document. */
typedef struct ty_read_options {
  ty_encoding encoding; /* TY_ENC_AUTO by default */
} ty_read_options;

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
} ty_render_options;

/* ---- documents ---------------------------------------------------------- */

/* Reads and parses the clause file at `path` (plain text, or YAML when the
 * name ends in .yaml/.yml, or e-Gov XML when it ends in .xml).  Returns a
 * new document owned by the caller, or NULL with `err` filled. */
ty_doc *ty_doc_read(const char *path, ty_lang lang, const ty_read_options *opt,
                    ty_error *err);

/* Parses `len` bytes of UTF-8 text already in memory; `name` is used in
 * messages.  The bytes are copied.  NULL with `err` filled on failure. */
ty_doc *ty_doc_parse(const char *text, size_t len, const char *name,
                     ty_lang lang, ty_error *err);

/* Releases a document and everything reached through it. */
void ty_doc_free(ty_doc *doc);

/* Number of clauses (numbered clauses and front matter paragraphs). */
size_t ty_doc_clause_count(const ty_doc *doc);

/* Writes how the document was understood (key, label, line, text start),
 * one clause a line.  Returns 0, or -1 on a write error. */
int ty_doc_write_outline(const ty_doc *doc, FILE *out);

/* ---- configuration ------------------------------------------------------ */

/* A configuration with the default severities and no glossary. */
ty_config *ty_config_new(void);

/* Loads `taiyaku.yaml`-style settings from `path` into `cfg`.  Returns 0,
 * or -1 with `err` filled (line and column of the problem). */
int ty_config_load(ty_config *cfg, const char *path, ty_error *err);

/* Sets the severity of one code (TY_SEV_OFF disables it). */
void ty_config_set_severity(ty_config *cfg, ty_code code, ty_severity sev);

/* Releases a configuration. */
void ty_config_free(ty_config *cfg);

/* ---- alignment ---------------------------------------------------------- */

/* Matches and aligns two documents and runs the checks enabled in `cfg`
 * (NULL = defaults).  The documents must outlive the alignment.  Returns a
 * new alignment, or NULL with `err` filled. */
ty_alignment *ty_align(ty_doc *ja, ty_doc *en, const ty_config *cfg,
                       ty_error *err);

/* Releases an alignment (not its documents). */
void ty_alignment_free(ty_alignment *al);

/* Counts of an alignment, as in the JSON summary. */
typedef struct ty_summary {
  size_t pairs, matched, content, missing_en, missing_ja;
  size_t errors, warnings, infos;
} ty_summary;

/* Fills `s` from an alignment. */
void ty_alignment_summary(const ty_alignment *al, ty_summary *s);

/* The highest severity among the findings, or TY_SEV_OFF when none. */
ty_severity ty_alignment_worst(const ty_alignment *al);

/* ---- rendering ---------------------------------------------------------- */

/* Writes `al` in format `fmt` to `out`.  Returns 0, or -1 on a write or
 * library error (err filled). */
int ty_render(const ty_alignment *al, ty_format fmt,
              const ty_render_options *opt, FILE *out, ty_error *err);

/* ---- names -------------------------------------------------------------- */

/* "missing-en", "number-mismatch", ...; NULL for an invalid code. */
const char *ty_code_name(ty_code code);
/* The code named `name`, or -1. */
int ty_code_from_name(const char *name);
/* "info", "warning", "error". */
const char *ty_severity_name(ty_severity sev);
/* The format named `name` ("json", "md", ...), or -1. */
int ty_format_from_name(const char *name);
/* "json", "md", ... */
const char *ty_format_name(ty_format fmt);
/* The usual file extension of a format, without the dot. */
const char *ty_format_extension(ty_format fmt);

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
ty_update *ty_update_new(ty_doc *old_doc, ty_doc *new_doc, ty_doc *translation,
                         const ty_config *cfg, ty_error *err);

/* Releases an update (not its documents). */
void ty_update_free(ty_update *up);

/* Fills `s` from an update. */
void ty_update_get_summary(const ty_update *up, ty_update_summary *s);

/* True when the translation needs work: any entry not unchanged, or an
 * OLD clause without a translation. */
int ty_update_needs_work(const ty_update *up);

/* Writes an update in format `fmt` (text, md, html, json, xliff, xliff12)
 * to `out`.  Returns 0, or -1 with err filled on a write error or a
 * format updates are not written in. */
int ty_update_render(const ty_update *up, ty_format fmt,
                     const ty_render_options *opt, FILE *out, ty_error *err);

/* "unchanged", "changed", "new", "renumbered", "deleted". */
const char *ty_change_name(ty_change c);

#ifdef __cplusplus
}
#endif
#endif
