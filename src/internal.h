/*
 * internal.h — data structures shared by the stages of libtaiyaku.
 * Not installed.  Every cross-module symbol carries the ty_ prefix.
 */
#ifndef TY_INTERNAL_H
#define TY_INTERNAL_H

#include "taiyaku.h"

#include <stdarg.h>
#include <stdint.h>

/* ---- memory: arena and growable buffer (arena.c) ------------------------ */

/* Aborts the process with a message: the one place out-of-memory ends. */
void ty_oom(void);
/* malloc/realloc/calloc that never return NULL (they call ty_oom). */
void *ty_xmalloc(size_t n);
void *ty_xrealloc(void *p, size_t n);
void *ty_xcalloc(size_t n, size_t size);
/* Grows the array p of *cap elements of `size` bytes to hold at least n,
 * doubling from 256, the new elements zeroed; returns it (p if no growth). */
void *ty_xgrow_zeroed(void *p, size_t *cap, size_t n, size_t size);
char *ty_xstrdup(const char *s);

typedef struct ty_arena_chunk ty_arena_chunk;
/* A bump allocator: everything is released at once by ty_arena_free. */
typedef struct ty_arena {
  ty_arena_chunk *head;
} ty_arena;

void *ty_arena_alloc(ty_arena *a, size_t n);
char *ty_arena_strndup(ty_arena *a, const char *s, size_t n);
char *ty_arena_printf(ty_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ty_arena_free(ty_arena *a);
/* Moves every block of `from` into `to` (from is left empty). */
void ty_arena_adopt(ty_arena *to, ty_arena *from);

/* A growable byte buffer, always NUL-terminated when non-empty. */
typedef struct ty_buf {
  char *p;
  size_t n, cap;
} ty_buf;

void ty_buf_reserve(ty_buf *b, size_t extra);
void ty_buf_put(ty_buf *b, const char *s, size_t n);
void ty_buf_puts(ty_buf *b, const char *s);
void ty_buf_putc(ty_buf *b, char c);
void ty_buf_printf(ty_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ty_buf_clear(ty_buf *b);
void ty_buf_free(ty_buf *b);

/* Fills an error record (printf-style message). Returns -1 for chaining. */
int ty_error_set(ty_error *err, ty_status_code code, const char *file, int line,
                 int column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- UTF-8 helpers (utf8.c) -------------------------------------------- */

/* Decodes one code point at s[0..n); stores its byte length in *len.
 * Invalid or truncated sequences give U+FFFD with *len = 1.  n must be > 0. */
int32_t ty_utf8_decode(const char *s, size_t n, int *len);
/* Encodes `c` into out (at least 4 bytes); returns the byte count. */
int ty_utf8_encode(int32_t c, char *out);
/* Index of the first invalid byte in s[0..n), or n when all is valid. */
size_t ty_utf8_validate(const char *s, size_t n);
/* The characters of s[0..n) (UTF-8 lead bytes and ASCII) that are not a
 * space, a tab or a newline. */
size_t ty_utf8_count_nonblank(const char *s, size_t n);
/* Line and column (1-based; columns in characters, lines ended by LF) of
 * byte `at` of s[0..n). */
void ty_utf8_line_col(const char *s, size_t n, size_t at, int *line, int *col);
/* True for the spaces a clause file uses: ASCII space, tab, NBSP U+00A0,
 * ideographic space U+3000 (and other Zs). */
int ty_is_space(int32_t c);
/* Display width of a code point in columns (East Asian wide = 2). */
int ty_char_width(int32_t c);
/* True for Han, Hiragana, Katakana (Japanese script). */
int ty_is_japanese(int32_t c);

/* ---- numbering (numbering.c) ------------------------------------------- */

/* The numeral system or word family of a section marker. */
typedef enum ty_kind {
  TY_K_NONE = 0,
  TY_K_ARABIC,      /* 1  １ */
  TY_K_KANJI,       /* 一  十二  二〇 */
  TY_K_CIRCLED,     /* ①  ⑴  ⒈ (the decoration tells them apart) */
  TY_K_LATIN_LOWER, /* a */
  TY_K_LATIN_UPPER, /* A */
  TY_K_ROMAN_LOWER, /* iv */
  TY_K_ROMAN_UPPER, /* IV  Ⅳ */
  TY_K_IROHA,       /* イ ロ ハ */
  TY_K_AIUEO,       /* ア イ ウ */
  TY_K_DOTTED,      /* 4.9.1  A.1 : see ty_marker.path */
  /* Japanese 第N forms; the unit word decides the kind */
  TY_K_JA_DAI,        /* 第N with no unit */
  TY_K_JA_PART,       /* 第N編 */
  TY_K_JA_CHAPTER,    /* 第N章 */
  TY_K_JA_SECTION,    /* 第N節 */
  TY_K_JA_SUBSECTION, /* 第N款 */
  TY_K_JA_DIVISION,   /* 第N目 */
  TY_K_JA_ARTICLE,    /* 第N条 */
  TY_K_JA_PARAGRAPH,  /* 第N項 */
  TY_K_JA_ITEM,       /* 第N号 */
  TY_K_JA_APPENDIX,   /* 付録A  別表第一 */
  TY_K_JA_SUPPL,      /* 附則 */
  /* English words */
  TY_K_EN_PART,
  TY_K_EN_CHAPTER,
  TY_K_EN_SECTION, /* Section 2, § 2 */
  TY_K_EN_ARTICLE, /* Article 10, Art. 3 */
  TY_K_EN_PARAGRAPH,
  TY_K_EN_ITEM,
  TY_K_EN_APPENDIX, /* Appendix A, Appended Table 1 */
  TY_K_EN_SUPPL,    /* Supplementary Provisions */
  TY_K_COUNT
} ty_kind;

/* How the numeral is dressed. */
typedef enum ty_deco {
  TY_D_BARE = 0, /* "1 "  "一　" */
  TY_D_DOT,      /* "1."  "１．"  "⒈" */
  TY_D_PAREN,    /* "(1)"  "（１）"  "⑴" */
  TY_D_CLOSE,    /* "1)"  "a)" */
  TY_D_COMMA,    /* "一、" */
  TY_D_CIRCLE,   /* "①" */
  TY_D_MARU,     /* "○２" */
  TY_D_WORD      /* 第N条, Article N: the word carries the style */
} ty_deco;

#define TY_MAX_PATH 16

/* A section marker recognised at the start of a line. */
typedef struct ty_marker {
  ty_kind kind;
  ty_deco deco;
  int ordinal; /* 1-based value in its system (a=1, ii=2, ロ=2) */
  int branch;  /* 第十条の二 / Article 10-2 -> 2; 0 when none */
  /* A second reading of the same label, decided by the sequence in the
   * outline: "i." is latin 9 or roman 1; "イ" is iroha 1 or aiueo 2;
   * "C." latin 3 or roman 100 ... TY_K_NONE when there is none. */
  ty_kind alt_kind;
  int alt_ordinal;
  /* TY_K_DOTTED: the components (4.9.1 -> 4,9,1).  path_alpha is 1 when
   * the first component was a letter (A.1 -> path 1,1 with path_alpha). */
  int npath;
  int path[TY_MAX_PATH];
  int path_alpha;
  int indent;       /* display columns of whitespace before the marker */
  int bullet;       /* a "- ", "* " or "・" bullet came first */
  int heading;      /* number of Markdown '#' before it (0 = none) */
  int weak;         /* a bare number past 999 or before a counter
                       ("6 月", "1 つ"): a marker only where it continues
                       an open sequence (else a year, a sum, a date) */
  size_t label_off; /* byte offset of the marker as written */
  size_t label_len; /* its byte length (bullet excluded) */
  size_t text_off;  /* byte offset where the clause text starts */
} ty_marker;

/* Recognises a section marker at the start of `line` (`len` bytes, no
 * line terminator).  Returns 1 and fills `m` when the line starts with
 * one, 0 otherwise.  Pure: depends on nothing but its input. */
int ty_number_parse(const char *line, size_t len, ty_marker *m);

/* Reads a kanji numeral (一 二 … 十 百 千 万, 〇/零, 壱 弐 参 拾; also
 * full-width and ASCII digits mixed in) at the start of s.  Stores the
 * byte length used in *used and returns the value, or -1 if s does not
 * start with one. */
long long ty_kanji_number(const char *s, size_t n, size_t *used);

/* Short name of a kind, for outlines and messages ("arabic", "kanji"...). */
const char *ty_kind_name(ty_kind k);

/* ---- findings ---------------------------------------------------------- */

/* One finding: what is wrong, where.  Lines are 1-based, 0 when the side
 * has no line.  Strings live in the owning arena. */
typedef struct ty_finding {
  ty_severity severity;
  ty_code code;
  const char *key; /* canonical key of the pair or clause ("" if none) */
  int ja_line;
  int en_line;
  const char *message;
  /* How sure the check is that a reviewer wants this finding, 0–1; 1.0
   * where the check is certain.  Below TY_CONFIDENCE_DEMOTE the finding
   * is info whatever its code's severity: a guess is listed, not raised. */
  double confidence;
  /* Nonzero for a place a document-wide finding of the same cause names
   * (the untranslated places, checks.c): it is at most info. */
  int named;
} ty_finding;

#define TY_CONFIDENCE_DEMOTE 0.5

typedef struct ty_findings {
  ty_finding *v;
  size_t n, cap;
} ty_findings;

/* Appends a finding whose message is formatted into `arena`. (codes.c) */
void ty_findings_add(ty_findings *f, ty_arena *arena, ty_code code,
                     const char *key, int ja_line, int en_line, const char *fmt,
                     ...) __attribute__((format(printf, 7, 8)));
/* Sets the confidence (clamped to 0–1) of the finding added last. */
void ty_findings_set_confidence(ty_findings *f, double confidence);
/* Default severity of a code. */
ty_severity ty_code_default_severity(ty_code code);

/* ---- documents (read.c, outline.c) ------------------------------------- */

#define TY_CL_FRONT 1u   /* front matter or unnumbered paragraph */
#define TY_CL_HEADING 2u /* a marker line followed by body paragraphs */
/* A statute article whose first paragraph is numbered, in writing
 * ("Article 3 (1)") or by the paragraphs after it (○２, (2)): the items of
 * its first paragraph are keyed under paragraph 1 ("3.1.2"). */
#define TY_CL_PARAS 4u

/* One clause: a numbered section or an unnumbered front-matter paragraph.
 * `label` and `text` point into the document's text buffer. */
typedef struct ty_clause {
  const char *key;   /* canonical key ("7.2.3", "front-1"); NUL-terminated */
  const char *label; /* the marker as written; NULL for front matter */
  size_t label_len;
  const char *text; /* body: after the marker up to the next clause;
                       may hold line breaks; trailing blanks trimmed */
  size_t text_len;
  int line, col; /* 1-based position of the marker (or first text) */
  int end_line;  /* last line of the body */
  int depth;     /* 1 = top level; 0 for front matter */
  int parent;    /* index of the parent clause, -1 at top */
  ty_kind kind;
  ty_deco deco;
  int ordinal;
  int branch;
  unsigned flags;
  /* the language the source marks for most of the clause's text (HTML
   * lang/xml:lang, DOCX w:lang, ODT fo:language) when it differs from
   * the document's, as written ("en", "en-US"), in the arena; else NULL */
  const char *lang;
} ty_clause;

struct ty_doc {
  char *name; /* path as given */
  ty_lang lang;
  const char *text; /* UTF-8, LF line ends, no BOM */
  size_t len;
  char *owned; /* malloc'd text when it was converted or cleaned */
  ty_clause *cl;
  size_t ncl, cap;
  ty_findings findings; /* per-file: duplicate-number, gaps, order */
  ty_arena arena;
  ty_input_format format;    /* how it was read (TY_IN_TEXT ...) */
  const char *declared_lang; /* a structured document's own language
                                (<html lang>), in the arena; or NULL */
  /* while a structured reader's layout is outlined: per line of text
   * (index line-1), 1 for verbatim lines (pre, code blocks), where the
   * outline starts no clause; NULL otherwise (layout.c) */
  const unsigned char *verbatim;
  size_t nverbatim;
};

/* Loads the bytes of `path` as UTF-8 text into `doc` (text/len and map or
 * owned): validates UTF-8 (line:column of the first bad byte), strips a
 * BOM, turns CRLF/CR into LF, detects and converts other encodings.
 * Returns 0, or -1 with `err` filled. (read.c) */
int ty_read_text(ty_doc *doc, const char *path, const ty_read_options *opt,
                 ty_error *err);

/* Same for bytes already in memory (copied). (read.c) */
int ty_read_buffer(ty_doc *doc, const char *bytes, size_t len,
                   const ty_read_options *opt, ty_error *err);

/* Makes room for n clauses in all (a reader that knows how many at most:
 * one allocation instead of a doubling series). (doc.c) */
void ty_doc_reserve_clauses(ty_doc *d, size_t n);

/* Builds the clause tree of a plain-text document from doc->text
 * (numbering + style stack) and records per-file findings. (outline.c) */
void ty_outline_build(ty_doc *doc);

/* Keys and per-file findings for a clause list whose kinds, ordinals,
 * branches, parents, depths and flags are set (as a reader of structured
 * input leaves them): the keys the outline gives the same structure in
 * plain text.  `statute` selects the statute scheme (articles keyed by
 * their own number, ch2 / ch2.sec1 for groupings, suppl: for
 * supplementary provisions). (outline.c) */
void ty_outline_finish(ty_doc *doc, int statute);

/* The keys alone of ty_outline_finish (the one key scheme; every reader
 * of structured input keys through it).  The document counts as dotted
 * when a clause is TY_K_DOTTED, as the plain-text scan decides. */
void ty_outline_keys(ty_doc *doc, int statute);

/* Parses an e-Gov law XML document already loaded in doc->text into
 * clauses keyed as the plain-text form of the same law.  Returns 0, or -1
 * with err filled (line). (read_egov.c) */
int ty_read_egov(ty_doc *doc, ty_error *err);

/* Parses a YAML clause file already loaded in doc->text into clauses.
 * Returns 0, or -1 with err filled (line, column). (read_yaml.c) */
int ty_read_yaml(ty_doc *doc, ty_error *err);
/* Fills err for a libyaml reader error (invalid UTF-8, a control
 * character) at byte `offset` of text[0..len), which libyaml gives without
 * a line and column: the first invalid UTF-8 byte, else that offset.
 * Returns -1. (config.c) */
int ty_yaml_reader_error(ty_error *err, const char *path, const char *text,
                         size_t len, size_t offset, const char *problem);

/* Appends a clause to doc and returns it (zeroed, parent -1). */
ty_clause *ty_doc_add_clause(ty_doc *doc);

/* A new empty document (used by the readers). */
ty_doc *ty_doc_new(const char *name, ty_lang lang);

/* Writes a clause's text with line breaks inside paragraphs joined (a space
 * between Latin words, nothing between Japanese characters) and paragraph
 * breaks kept as one '\n'.  Appends to `out`. (doc.c) */
void ty_clause_flat_text(const ty_clause *c, ty_buf *out);
/* The clause of d at `line` with `key`, or -1 (d's clauses are in line
 * order: a binary search on the line). (doc.c) */
long ty_doc_clause_at(const ty_doc *d, int line, const char *key);

/* ---- alignment (match.c, align.c) -------------------------------------- */

/* The language the source marks a pair side's clauses in (ty_clause.lang,
 * the same for each joined clause), or NULL: none, or the document's.
 * (pairs.c) */
const char *ty_pair_lang(const ty_alignment *al, const ty_pair *p,
                         ty_lang side);

/* A sentence pair inside a clause pair: spans in the documents' text (in
 * the alignment's arena when a content pair's clauses divide them),
 * NULL/0 on a side with no counterpart. */
typedef struct ty_sentpair {
  const char *ja;
  size_t ja_len;
  const char *en;
  size_t en_len;
  int ja_line, en_line;
} ty_sentpair;

/* One row of the alignment.  Content pairs may join two clauses on one
 * side (2-1 moves): clauses ja .. ja+nja-1 with en .. en+nen-1. */
typedef struct ty_pair {
  ty_pair_status status;
  int ja, en;             /* first clause index per side, -1 when missing */
  int nja, nen;           /* clause counts (0 on a missing side) */
  double score;           /* 1 for number matches; content confidence 0..1 */
  size_t sent_off, nsent; /* sentence pairs in al->sents (none when
                             each side is one sentence) */
} ty_pair;

struct ty_alignment {
  ty_doc *ja, *en; /* borrowed */
  ty_pair *pairs;
  size_t npairs, cap;
  ty_sentpair *sents;
  size_t nsents, scap;
  ty_findings findings;
  ty_arena arena;
};

/* Joins the two clause lists on canonical keys into al->pairs (document
 * order), pairs front matter by content, records missing-en/missing-ja
 * and empty findings. (match.c) */
void ty_match(ty_alignment *al);

/* Appends a pair and returns it. (pairs.c) */
ty_pair *ty_alignment_add_pair(ty_alignment *al);

/* Makes room for n pairs in all (one allocation where the count is
 * bounded: a doubling series of 4 KiB pages faulted ~2,000 times on
 * gen/100000). (pairs.c) */
void ty_alignment_reserve_pairs(ty_alignment *al, size_t n);

/* ---- configuration (config.c) ------------------------------------------ */

typedef struct ty_gloss {
  const char *ja;
  const char **en; /* renderings */
  size_t nen;
} ty_gloss;

/* ty_unit (--by) and ty_dict (align.c) are declared in taiyaku.h. */

struct ty_config {
  ty_severity sev[TY_CODE_COUNT];
  ty_gloss *gloss;
  size_t ngloss;
  int checks;            /* 0 = structure only (--no-checks) */
  ty_unit by;            /* --by */
  int prefer_content;    /* --prefer content: renumbered clauses by content */
  const ty_dict *dict;   /* --dict, borrowed; NULL = none */
  double min_confidence; /* --min-confidence: findings below it dropped */
  ty_arena arena;
  int sentences; /* sentence pairs wanted with checks off (--sentences) */
  int threads;   /* for the pairs' checks and sentences; 0 = the cores */
};

/* ---- extractors (extract.c) -------------------------------------------- */

/* What a stated number is; informative, the checks compare values. */
typedef enum ty_num_kind {
  TY_NUM_PLAIN,
  TY_NUM_YEAR,    /* 2017年, 令和元年, the 2017 of July 21, 2017 */
  TY_NUM_MONTH,   /* 7月, July */
  TY_NUM_DAY,     /* 21日 after a month, 21 beside a month name */
  TY_NUM_ORDINAL, /* 第5, 21st, fifth */
  TY_NUM_PERCENT  /* 15%, 15 percent, 3割 (as 30) */
} ty_num_kind;

/* The value may match one on the other side but is never reported as
 * missing there: English number words ("one of", "the first"), month
 * names outside a date, a lone kanji 一. */
#define TY_NUM_OPTIONAL 1u
/* An implicit year (本年, this year): matches any year on the other side. */
#define TY_NUM_ANY 2u
/* A cross-reference to a section (Section 12.1, §4.1, 4.1節, 第3章 in
 * prose): checked against the other side's references, left alone when
 * that side refers by title instead (「意見」を参照). */
#define TY_NUM_REF 4u

/* One number a text states; off/len locate it in the text extracted. */
typedef struct ty_number {
  double value;
  double alt; /* another value it may stand for (2回以上: "more than
                 once", 1), else the value itself */
  ty_num_kind kind;
  unsigned flags;
  size_t off, len;
} ty_number;

typedef struct ty_numbers {
  ty_number *v;
  size_t n, cap;
} ty_numbers;

typedef struct ty_span {
  size_t off, len;
} ty_span;

typedef struct ty_spans {
  ty_span *v;
  size_t n, cap;
} ty_spans;

/* The ICU objects the extractors use (NFKC, English spell-out, month
 * names, the Japanese calendar), opened once per run. */
typedef struct ty_extractor ty_extractor;

/* A new extractor, owned by the caller (ty_extractor_free).  Never NULL:
 * what ICU cannot open is left out (no number words, no era dates). */
ty_extractor *ty_extractor_new(void);
void ty_extractor_free(ty_extractor *x);

/* Replaces out's content with the NFKC form of s[0..n) (ＮＩＳＣ -> NISC,
 * １，０００ -> 1,000); the extractors expect NFKC text. */
void ty_nfkc(ty_extractor *x, const char *s, size_t n, ty_buf *out);

/* Appends the numbers stated in the NFKC text s[0..n) of language `lang`
 * to out (in text order). */
void ty_extract_numbers(ty_extractor *x, const char *s, size_t n, ty_lang lang,
                        ty_numbers *out);

/* Appends the distinct Latin-script tokens of the NFKC text s[0..n)
 * (acronyms, codes, names: NISC, IoT, G7, e-Gov; not bare numbers or
 * single letters) as spans into s. */
void ty_extract_tokens(const char *s, size_t n, ty_spans *out);

#define TY_FIND_FOLD 1u   /* ignore ASCII case */
#define TY_FIND_PREFIX 2u /* the word may go on (policy -> policies) */
#define TY_FIND_PLURAL 4u /* the word may take a plural s (URLs) */
#define TY_FIND_LINES 8u  /* a line end in hay counts as a space */

/* True when hay[0..n) holds w[0..k) as a word (starting and, unless
 * TY_FIND_PREFIX, ending at a word boundary).  A token the text wraps
 * at a joiner ("autotools-" / "dev", "/usr/share" / "/common-licenses",
 * joined with a space) still holds it. */
int ty_find_word(const char *hay, size_t n, const char *w, size_t k,
                 unsigned how);

/* How a token t[0..n) from the Japanese is looked for in the English
 * (TY_FIND_* flags; acronyms with two or more capitals exactly, but for
 * a plural s),
 * and in *stem how much of it (a word's final y or e may change). */
unsigned ty_token_match(const char *t, size_t n, size_t *stem);

/* Whether two extracted values are the same number. */
int ty_number_equal(double a, double b);

void ty_numbers_free(ty_numbers *l);
void ty_spans_free(ty_spans *l);

/* ---- sentences (sentence.c) ------------------------------------------- */

/* ICU sentence break iterators for both languages, opened once and reused
 * (opening one costs far more than segmenting a clause). */
typedef struct ty_segmenter ty_segmenter;

/* A new segmenter, owned by the caller (ty_segmenter_free).  Never NULL:
 * where ICU cannot open an iterator, a paragraph is one sentence. */
ty_segmenter *ty_segmenter_new(void);
void ty_segmenter_free(ty_segmenter *sg);

/* Appends the sentences of s[0..n) in language `lang` to out as spans
 * into s, trimmed of white space.  Blank lines end paragraphs; a single
 * line break inside a paragraph is a wrapped line, not a sentence end.
 * Japanese sentences end at 。！？, English ones at . ? ! but not after
 * abbreviations such as "U.S." (ICU's suppressions). */
void ty_sentences(ty_segmenter *sg, const char *s, size_t n, ty_lang lang,
                  ty_spans *out);

/* ---- content alignment (align.c) --------------------------------------- */

/* After ty_match (or, with cfg->by, instead of it): aligns by content the
 * runs of clauses numbers left unpaired and the front matter, reports
 * renumbered clauses, pairs the sentences of every clause pair into
 * al->sents with sentence-unpaired findings, and flags length-ratio
 * outliers.  With cfg->by set, the documents must have been split with
 * ty_doc_split_units; every unit is then aligned by content.  The sentence
 * segmenter is ctx's. */
void ty_align_content(ty_alignment *al, const ty_config *cfg, ty_context *ctx);

/* One cause, one finding (group.c): folds the findings a missing or
 * renumbered clause causes (its sub-clauses' missing-*, the numbering
 * findings of its number on the other side) into its own finding. */
void ty_group_findings(ty_alignment *al);

/* Replaces doc's clauses by its paragraphs (blank-line separated, or lines
 * when the text has no blank line) or sentences (lines when the text has
 * no blank line, else ICU sentences), keys "1", "2", ... and clears its
 * numbering findings.  Sentences are found with ctx's segmenter. */
void ty_doc_split_units(ty_doc *doc, ty_unit by, ty_context *ctx);

/* ty_dict_load, ty_dict_free: declared in taiyaku.h (align.c). */

/* ---- checks (checks.c) ------------------------------------------------- */

/* Runs the content checks enabled in cfg (NULL: all) over every pair of
 * al: number-mismatch, token-mismatch, untranslated, suspicious-char,
 * punctuation, glossary.  Findings carry the pair's key and the line of
 * each side.  The ICU objects they need are ctx's (opened on first use). */
void ty_check_all(ty_alignment *al, const ty_config *cfg, ty_context *ctx);

/* style-mismatch: list items of one file written in different styles.
 * (check_style.c) */
void ty_check_style(ty_alignment *al);

/* Applies cfg's severities to al->findings (dropping disabled codes) and
 * sorts them by position. (pairs.c) */
void ty_findings_finish(ty_alignment *al, const ty_config *cfg);

/* ---- pair accessors (pairs.c) ------------------------------------------ */

/* Text of one side of a pair, flattened (ty_clause_flat_text over its
 * clauses, joined by '\n'). Empty for a missing side. */
void ty_pair_text(const ty_alignment *al, const ty_pair *p, ty_lang side,
                  ty_buf *out);

/* The same text without a copy where one is not needed: the clause's own
 * text when it is one line already flat, else ty_pair_text's into tmp.
 * Valid until tmp changes.  (pairs.c) */
const char *ty_pair_text_view(const ty_alignment *al, const ty_pair *p,
                              ty_lang side, ty_buf *tmp, size_t *len);

/* Label (as written) of one side of a pair; "" when missing. */
void ty_pair_label(const ty_alignment *al, const ty_pair *p, ty_lang side,
                   ty_buf *out);
/* ty_pair_key, ty_pair_line: declared in taiyaku.h. */
/* "matched", "content", "missing-en", "missing-ja". */
const char *ty_pair_status_name(ty_pair_status s);

/* Appends where a finding is, "FILE:LINE": the Japanese file when the
 * finding has a Japanese line, else the English file (":LINE" left out
 * when neither side has a line). (render_lines.c) */
void ty_finding_location(const ty_alignment *al, const ty_finding *x,
                         ty_buf *out);
/* Appends a finding as one line in the compiler format
 * "FILE:LINE: severity: [code] key: message" (no newline). (render_lines.c) */
void ty_finding_line(const ty_alignment *al, const ty_finding *x, ty_buf *out);
/* Appends "[code] key: message" (and "(confidence C)" below 1), the part
 * of ty_finding_line after the severity. (render_lines.c) */
void ty_finding_tail(const ty_finding *x, ty_buf *out);
/* Appends the one-line summary "N pairs: N matched, N content,
 * N missing-en, N missing-ja; N errors, N warnings, N infos" (no newline).
 * (render_lines.c) */
void ty_summary_line(const ty_alignment *al, ty_buf *out);

/* Which pair each finding belongs to: a new array (caller frees) of
 * al->findings.n pair indices, SIZE_MAX where no pair holds the finding.
 * A finding's line decides where it has one (the pair whose clauses span
 * it), else its key. (pairs.c) */
size_t *ty_finding_pairs(const ty_alignment *al);

/* ---- numbers in a numbering system (numfmt.c) -------------------------- */

typedef enum ty_numsys {
  TY_NS_DECIMAL = 0,
  TY_NS_DECIMAL_ZERO, /* 01 .. 09, 10 */
  TY_NS_LOWER_ROMAN,
  TY_NS_UPPER_ROMAN,
  TY_NS_JPAN,     /* 十二 */
  TY_NS_JPANFIN,  /* 拾弐 */
  TY_NS_HANIDEC,  /* 一二 */
  TY_NS_FULLWIDE, /* １２ */
  TY_NS_HANS,
  TY_NS_HANT,
  TY_NS_LOWER_LATIN,
  TY_NS_UPPER_LATIN,
  TY_NS_KATAKANA, /* ア .. ヰ ヱ ヲ ン (CSS) */
  TY_NS_AIUEO,    /* ア .. ヲ ン (Word) */
  TY_NS_KATAKANA_IROHA,
  TY_NS_HIRAGANA,
  TY_NS_HIRAGANA_IROHA,
  TY_NS_STEMS,            /* 甲乙丙 */
  TY_NS_ZODIAC,           /* 子丑寅 */
  TY_NS_CIRCLED,          /* ① .. ㊿ */
  TY_NS_FULLSTOP,         /* ⒈ */
  TY_NS_PAREN,            /* ⑴ */
  TY_NS_IDEOGRAPH_CIRCLED /* ㊀ */
} ty_numsys;

/* How an alphabetic system counts past its last symbol. */
typedef enum ty_numseq {
  TY_NUM_ALPHABETIC, /* z, aa, ab (CSS) */
  TY_NUM_REPEATED,   /* z, aa, bb (Word's letters) */
  TY_NUM_CYCLIC      /* ン, ア (Word's kana) */
} ty_numseq;

#define TY_NUMFMT_ICU 8
/* ICU's formatters, opened on first use ({0} to start; ty_numfmt_close). */
typedef struct ty_numfmt {
  void *icu[TY_NUMFMT_ICU];
} ty_numfmt;

/* Appends v written in system sys to out.  f may be NULL (nothing kept
 * open).  Returns 1, or 0 with nothing written when the system has no
 * numeral for v (below 1 for the alphabetic ones, past 3999 in roman,
 * past the set of enclosed digits). */
int ty_numfmt_put(ty_numfmt *f, ty_numsys sys, ty_numseq seq, long v,
                  ty_buf *out);
void ty_numfmt_close(ty_numfmt *f);

/* ---- list markers a browser displays (counter.c) ----------------------- */

typedef enum ty_counter_style {
  TY_CS_DECIMAL = 0,
  TY_CS_DECIMAL_ZERO,
  TY_CS_LOWER_LATIN,
  TY_CS_UPPER_LATIN,
  TY_CS_LOWER_ROMAN,
  TY_CS_UPPER_ROMAN,
  TY_CS_CJK,         /* cjk-ideographic, japanese-informal: 十二 */
  TY_CS_CJK_FORMAL,  /* japanese-formal: 壱拾弐 */
  TY_CS_CJK_DECIMAL, /* cjk-decimal: 一二 */
  TY_CS_KATAKANA,
  TY_CS_KATAKANA_IROHA,
  TY_CS_HIRAGANA,
  TY_CS_HIRAGANA_IROHA,
  TY_CS_BULLET, /* disc, circle, square */
  TY_CS_NONE
} ty_counter_style;

/* The style a CSS list-style-type keyword names (s[0..n), any case).
 * Returns 1 and sets *out, or 0 for a keyword it does not know. */
int ty_counter_style_named(const char *s, size_t n, ty_counter_style *out);
/* The style of an <ol>/<li> `type` attribute ("1", "a", "A", "i", "I"). */
int ty_counter_style_of_type(const char *type, ty_counter_style *out);
/* The marker a browser shows for value v in style s, suffix included
 * ("3.", "iv.", "十二、", "ハ、", "-" for a bullet, "" for none): in b,
 * cleared first.  Values out of the style's range are shown in decimal. */
void ty_counter_marker(ty_buf *b, ty_counter_style s, long v);

/* ---- input formats (format.c) ----------------------------------------- */

/* The format the first bytes of a file show when they are not text: a
 * zip (DOCX, or ODT when its first member is the ODF mimetype) or a PDF;
 * TY_IN_AUTO otherwise.  `name` breaks a tie by its extension. */
ty_input_format ty_format_sniff_bytes(const char *name, const char *s,
                                      size_t n);
/* The format of a document already loaded as text: HTML by its doctype
 * or root element, an e-Gov law by its XML root, then by the name's
 * extension (.md .markdown, .yaml .yml, .xml, .html .htm .xhtml), else
 * TY_IN_TEXT. */
ty_input_format ty_format_sniff_text(const char *name, const char *s, size_t n);

/* ---- structured documents laid out as text (layout.c) ------------------ */

/* The text an HTML or Markdown document reads as, built block by block;
 * see layout.c.  Zero-initialise; the reader sets `indent` (columns of
 * the current list nesting) as it goes. */
typedef struct ty_layout {
  ty_buf text; /* the laid-out text so far */
  int *src;    /* per laid-out line: its source line */
  size_t nlines, cap;
  ty_buf para;   /* the block being filled (inline text) */
  int para_line; /* source line of its first text, 0 when empty */
  ty_buf mark;   /* the list marker the next block starts with */
  int mark_line;
  int indent;
  int bare_titles, dressed_titles; /* see ty_layout_heading_seen */
  unsigned char *verbatim;         /* per laid-out line: 1 when verbatim */
  size_t vcap;
  /* the language the reader marks the text it hands over next in
   * (ty_layout_lang), NULL for the document's; per laid-out line, the
   * language of most of its block's text */
  const char *lang;
  const char **langs;
  size_t lcap;
  struct ty_lang_tally {
    const char *lang;
    size_t chars;
  } tally[8]; /* the current block's text by language */
  int ntally;
  const char **tags; /* distinct language tags seen (ty_layout_lang) */
  size_t ntags;
} ty_layout;

/* Inline text of the current block from source line `src` (0: unknown):
 * runs of white space become one space, none at a line break between
 * Japanese characters. */
void ty_layout_text(ty_layout *l, const char *s, size_t n, int src);
/* Inline text kept as written (code): only line breaks become spaces. */
void ty_layout_raw(ty_layout *l, const char *s, size_t n, int src);
/* A line break inside the block (<br>, a Markdown hard break). */
void ty_layout_break(ty_layout *l);
/* Ends the current block and starts a list item: the next block begins
 * with `marker` ("3.", "ハ、", "-"). */
void ty_layout_marker(ty_layout *l, const char *marker, int src);
/* Counts a heading of the document (before the layout starts): whether
 * its number is bare ("1 概要") or dressed ("2.1.", "(1)"). */
void ty_layout_heading_seen(ty_layout *l, const char *s, size_t n);
/* Ends the current block, a heading: underlined when the document's
 * numbered headings are all dressed (two at least), so that the outline
 * reads them as titles. */
void ty_layout_title(ty_layout *l);
/* Ends the current block (nothing when it is empty).  A list marker with
 * no text after it yet stays for the next block when keep_marker is 1
 * (<li><p>...), and is a block of its own when it is 0 (<li><ol>...). */
void ty_layout_flush(ty_layout *l, int keep_marker);
/* A verbatim block (pre, code) starting at source line `src`: its
 * non-blank lines as written, continuing the block before it. */
void ty_layout_verbatim(ty_layout *l, const char *s, size_t n, int src);
/* Makes the laid-out text the document's text (in its arena), builds the
 * outline over it and moves clause and finding lines to the source's. */
void ty_layout_finish(ty_layout *l, ty_doc *d);
void ty_layout_free(ty_layout *l);
/* Whether the document's headings are laid out as titles (see
 * ty_layout_title); lists are then indented below them. */
int ty_layout_titled(const ty_layout *l);
/* The language tag s[0..n) as the layout keeps it (interned in d's arena,
 * spaces trimmed); NULL for an empty tag. */
const char *ty_layout_lang(ty_layout *l, ty_doc *d, const char *s, size_t n);
/* Sets each clause's lang from lang[line-1] for the lines of d->text
 * (n of them; NULL: the document's language): the language of most of
 * the clause's text, when it is not the document's (d->declared_lang,
 * else d->lang), comparing primary subtags.  Call after the outline is
 * built and before its lines are mapped to the source's. (layout.c) */
void ty_doc_mark_langs(ty_doc *d, const char *const *lang, size_t n);

/* Parses an HTML or XHTML document already loaded in doc->text into
 * clauses (libxml2).  Returns 0, or -1 with err filled (line, column:
 * XHTML that is not well-formed, a NUL byte, no document). (read_html.c) */
int ty_read_html(ty_doc *doc, ty_error *err);

/* Parses a CommonMark document already loaded in doc->text into clauses
 * (libcmark).  Returns 0, or -1 with err filled. (read_md.c) */
int ty_read_md(ty_doc *doc, ty_error *err);
/* ---- ZIP containers (zip.c) -------------------------------------------- */

/* An archive read from memory (the bytes must outlive it). */
typedef struct ty_zip ty_zip;

/* Opens the archive bytes[0..len); `name` is the file for messages.
 * Returns NULL with err filled when it is not a complete zip archive
 * (truncated, damaged). */
ty_zip *ty_zip_open(const char *bytes, size_t len, const char *name,
                    ty_error *err);
/* Whether the archive holds a member of that name. */
int ty_zip_has(const ty_zip *z, const char *member);
/* The inflated size the archive's directory gives the member (which
 * ty_zip_read and ty_zip_stream do not trust), 0 when it has none. */
size_t ty_zip_size(const ty_zip *z, const char *member);
/* Replaces out's content with the inflated member (NUL-terminated).
 * Returns 0; 1 when there is no such member; -1 with err filled when it
 * inflates past `limit` bytes (a zip bomb), is damaged or fails its CRC. */
int ty_zip_read(ty_zip *z, const char *member, size_t limit, ty_buf *out,
                ty_error *err);
/* Inflates the member in chunks, each passed to fn(ctx, chunk, size)
 * (which returns 0, or -1 to stop, having filled err itself).  Returns 0;
 * 1 when there is no such member; -1 as ty_zip_read, or when fn failed. */
int ty_zip_stream(ty_zip *z, const char *member, size_t limit,
                  int (*fn)(void *ctx, const char *p, size_t n), void *ctx,
                  ty_error *err);
void ty_zip_close(ty_zip *z);

/* An archive being written to a file (created or truncated). */
typedef struct ty_zip_writer ty_zip_writer;

/* Starts an archive at `path`; NULL with err filled on failure. */
ty_zip_writer *ty_zip_create(const char *path, ty_error *err);
/* Adds member data[0..n) (copied), deflated or, with `stored`, stored
 * (as an ODF/EPUB mimetype must be).  Returns 0 or -1 with err filled. */
int ty_zip_add(ty_zip_writer *w, const char *member, const char *data, size_t n,
               int stored, ty_error *err);
/* Writes the archive and frees w.  Returns 0 or -1 with err filled. */
int ty_zip_commit(ty_zip_writer *w, ty_error *err);
/* Frees w without writing anything. */
void ty_zip_abandon(ty_zip_writer *w);
/* A writer into a new temporary file (in $TMPDIR, else /tmp), for a
 * caller that writes to a stream: ty_zip_commit_to finishes the archive,
 * appends it to f and removes the file (also on failure); ty_zip_abandon
 * removes it too. */
ty_zip_writer *ty_zip_create_temp(ty_error *err);
int ty_zip_commit_to(ty_zip_writer *w, FILE *f, ty_error *err);

/* ---- office documents and PDF (read_office.c, read_docx.c, read_odt.c,
 * read_pdf.c) ------------------------------------------------------------ */

/* The most a member of a DOCX/ODT archive may inflate to. */
#define TY_ZIP_MEMBER_LIMIT ((size_t)256 << 20)

/* Whether bytes[0..n) start a container taiyaku reads with its own
 * reader: 'z' a zip archive, 'p' a PDF, 0 neither. */
int ty_office_sniff(const char *bytes, size_t n);

/* Reads a DOCX, ODT or PDF held in bytes[0..len) into doc: the text as
 * the producer shows it (automatic numbers written out) is installed as
 * doc->text and built into clauses by the outline; clause and finding
 * lines are then the positions in the file (paragraph; page*1000+line in
 * a PDF).  Returns 0, or -1 with err filled (exit-2 trouble). */
int ty_read_office(ty_doc *doc, const char *bytes, size_t len, ty_error *err);

/* Same for a file: returns 1 (nothing read) when `path` is not a regular
 * file starting as a zip archive or a PDF. */
int ty_read_office_file(ty_doc *doc, const char *path, ty_error *err);

/* The text a reader extracted, one paragraph a line or more, blank lines
 * between paragraphs, and for each line of it the position in the file. */
typedef struct ty_office_text {
  ty_buf text;
  int *pos; /* pos[line-1]: the position of that line */
  size_t npos, cap;
  int revisions; /* tracked changes were read as accepted */
  /* the language of the paragraph ty_office_para adds next (NULL: the
   * document's), set by the reader; per line, the language it was in
   * (NULL until a line has one); the tags, interned in `arena` (the
   * document's) by ty_office_lang */
  const char *lang;
  const char **langs;
  size_t lcap;
  ty_arena *arena;
  const char **tags;
  size_t ntags;
  /* for each character from U+3000 to U+FFFF, 0 until it is met, then 1
   * + whether it is Japanese (ty_is_japanese); NULL until one is met */
  unsigned char *japanese;
} ty_office_text;

/* The characters of a paragraph by the language their run marks (DOCX
 * w:lang, ODT fo:language), NULL for those it does not. */
typedef struct ty_office_langs {
  struct ty_lang_tally v[8];
  int n;
  size_t marked; /* characters counted under a language */
  /* bytes of the text taken by some of those characters (all of them
   * but where a row's tallies left a ninth language out) */
  size_t marked_bytes;
} ty_office_langs;

/* The language tag lang[-country] (country NULL or "" for none) as the
 * reader keeps it, interned; NULL for none ("", "zxx", "none").
 * (read_office.c) */
const char *ty_office_lang(ty_office_text *t, const char *lang,
                           const char *country);
/* Counts the characters of s[0..n) that are not blanks: Japanese ones
 * under slot[1] (w:eastAsia, style:language-asian), the others under
 * slot[0] (w:val, fo:language); nothing for a NULL slot. */
void ty_office_count(ty_office_text *t, ty_office_langs *c,
                     const char *const slot[2], const char *s, size_t n);
/* Adds from's counts to into's (a row's cells), and clears from. */
void ty_office_langs_merge(ty_office_langs *into, ty_office_langs *from);
/* The language of most of the paragraph text[0..n) whose marked
 * characters c counted (NULL: the document's), and c cleared. */
const char *ty_office_para_lang(ty_office_langs *c, const char *text, size_t n);

/* Appends one paragraph (no blank line inside; newlines kept as wrapped
 * lines) at position `pos`, with a blank line before it. */
void ty_office_para(ty_office_text *t, const char *s, size_t n, int pos);
/* Makes room in t for the text of an XML part of xml_size bytes (the
 * text is shorter), the pages to be written given as huge ones where the
 * system has them. (read_office.c) */
void ty_office_reserve(ty_office_text *t, size_t xml_size);
/* Appends n bytes of an XML part's character data to a paragraph being
 * read, tabs and newlines as spaces (layout, not text). (read_office.c) */
void ty_office_chars(ty_buf *b, const char *s, size_t n);

/* What the SAX walks of read_docx.c and read_odt.c share: the element
 * depth, an ignored subtree, the first XML error. (read_office.c) */
struct _xmlError;
typedef struct ty_office_walk {
  int depth;   /* element depth */
  int skip_at; /* depth of an ignored subtree's root, 0 when none */
  char errmsg[300];
  int errline, errcol;
} ty_office_walk;
/* At an element's start: 1 when it is inside an ignored subtree. */
int ty_office_enter(ty_office_walk *w);
/* The element just entered, and all it holds, is not read. */
void ty_office_skip(ty_office_walk *w);
/* At an element's end: 1 when it was in an ignored subtree or its root. */
int ty_office_leave(ty_office_walk *w);
/* libxml2's structured error handler (ctx: the ty_office_walk): keeps
 * the first error. */
void ty_office_xml_error(void *ctx, const struct _xmlError *e);
/* Fills err with the kept error as "file: part:line:col: message". */
int ty_office_xml_failed(const ty_office_walk *w, ty_error *err,
                         const char *file, const char *part);
/* The value of attribute `name` (of namespace ns; any when ns is NULL)
 * among SAX2's n attributes (5 pointers each), copied into buf, or NULL. */
const char *ty_office_attr(const unsigned char **attrs, int n, const char *ns,
                           const char *name, char *buf, size_t cap);
/* The same as an int, dflt when absent. */
int ty_office_iattr(const unsigned char **attrs, int n, const char *ns,
                    const char *name, int dflt);
/* Appends a cell's paragraph to a table row, a space between. */
void ty_office_cell(ty_buf *row, const char *s, size_t n);
/* Appends a line to a note being read, a newline between. */
void ty_office_line(ty_buf *b, const char *s, size_t n);

/* The per-format readers: fill t from the archive or the PDF. */
int ty_read_docx(ty_zip *z, const char *name, ty_office_text *t, ty_error *err);
int ty_read_odt(ty_zip *z, const char *name, ty_office_text *t, ty_error *err);
int ty_read_pdf(const char *bytes, size_t len, const char *name,
                ty_office_text *t, ty_error *err);

/* Word's numbering definitions (word/numbering.xml) with their counters.
 * (wordnum.c) */
typedef struct ty_wnum ty_wnum;
/* Reads numbering.xml (NULL: none; damaged parts give no numbering).
 * Never NULL; free with ty_wnum_free. */
ty_wnum *ty_wnum_load(const char *xml, size_t n);
void ty_wnum_free(ty_wnum *w);
/* Advances the counters for a paragraph numbered (num_id, ilvl) and
 * appends the label Word shows, with its suffix as a space.  Returns 1
 * when a label was written, 0 when the paragraph shows none. */
int ty_wnum_next(ty_wnum *w, int num_id, int ilvl, ty_buf *out);
/* Appends value v in Word's number format `fmt` ("decimal",
 * "japaneseCounting", "irohaFullWidth", ...; unknown ones as decimal). */
void ty_wnum_format(ty_wnum *w, const char *fmt, int v, ty_buf *out);
/* The level of instance num_id whose w:pStyle is `style`, or -1. */
int ty_wnum_style_level(const ty_wnum *w, int num_id, const char *style);

/* ---- check_untranslated.c ---- */
/* The lower-case words of letters in s[0..n), outside code-like words
 * (with / @ _ = $ or digits): the evidence that English is prose. */
size_t ty_prose_words(const char *s, size_t n);
/* Whether s[0..n) is a licence or copyright notice (kept in English). */
int ty_licence_notice(const char *s, size_t n);
/* How surely a Japanese-side text without Japanese, s[0..n), is English
 * prose left untranslated (0: names, paths, commands; below 0.5: a
 * title or a licence notice; 1: prose). */
double ty_untranslated_confidence(const char *s, size_t n);

/* ---- check_tokens.c ---- */
/* Appends to msg ("A, B") the Latin-script tokens of the NFKC Japanese
 * ja[0..jn) that the English en[0..n) does not hold, acronyms spelt out,
 * glosses, slashes and localised addresses allowed for; returns how
 * many.  *confidence: 1, or below TY_CONFIDENCE_DEMOTE when every one
 * is weak evidence (stated elsewhere in the English document doc[0..dn),
 * its lines as read, which may be NULL; a lower-case word; a Japanese
 * address). */
size_t ty_tokens_missing(const char *ja, size_t jn, const char *en, size_t n,
                         const char *doc, size_t dn, ty_buf *msg,
                         double *confidence);

/* ---- context.c: what one thread reuses from one alignment to the next */

/* Each object opened by the first stage that asks for it (NULL until
 * then), closed by ty_context_free. */
struct ty_context {
  ty_segmenter *sg;        /* ty_context_segmenter */
  ty_extractor *x;         /* ty_context_extractor */
  struct USet *jis;        /* the suspicious-char check's JIS Han (checks.c) */
  unsigned char *jis_bits; /* the same as a bitmap of U+3400..U+9FFF */
  int jis_opened;          /* 1 once checks.c tried to open jis */
};
/* The context's segmenter or extractor, opened on first use; borrowed. */
ty_segmenter *ty_context_segmenter(ty_context *ctx);
ty_extractor *ty_context_extractor(ty_context *ctx);

#endif
