/* update.h — what the update stage (update.c, update_match.c,
 * update_diff.c) and its renderers (render_update*.c) share.  Not
 * installed.
 *
 * An update compares two versions of an original, OLD and NEW, and puts
 * the translation of OLD beside each clause: for every clause of NEW an
 * entry (unchanged, changed, new, renumbered), and for every clause of OLD
 * that is gone an entry `deleted`, in the order of NEW with each deleted
 * clause after the entry of the OLD clause before it. */
#ifndef TY_UPDATE_H
#define TY_UPDATE_H

#include "internal.h"

/* One piece of a word diff of OLD -> NEW: a run of tokens both texts have
 * (TY_DIFF_EQUAL, in both), that only OLD has (TY_DIFF_DELETE) or only NEW
 * has (TY_DIFF_INSERT).  off/len locate it in the OLD text for EQUAL and
 * DELETE, in the NEW text for INSERT. */
typedef enum ty_diff_op {
  TY_DIFF_EQUAL,
  TY_DIFF_DELETE,
  TY_DIFF_INSERT
} ty_diff_op;

typedef struct ty_diff {
  ty_diff_op op;
  size_t off, len;
} ty_diff;

typedef struct ty_diffs {
  ty_diff *v;
  size_t n, cap;
} ty_diffs;

/* One side of an entry: a clause's label, line and flattened text (in the
 * update's arena), or absent (present == 0). */
typedef struct ty_update_side {
  int present;
  const char *key;
  const char *label;
  int line;
  const char *text;
  size_t len;
} ty_update_side;

typedef struct ty_update_entry {
  ty_change status;
  int old_cl, new_cl; /* clause indices, -1 when absent */
  ty_update_side old, new_, trans;
  size_t diff_off, ndiff; /* pieces in up->diffs (changed entries only) */
} ty_update_entry;

struct ty_update {
  ty_doc *old, *new_, *trans; /* borrowed */
  ty_alignment *al;           /* TRANSLATION aligned with OLD */
  ty_update_entry *v;
  size_t n;
  ty_diffs diffs;
  ty_arena arena;
};

/* Texts of a document's clauses as compared: flattened
 * (ty_clause_flat_text), runs of white space made one space. */
typedef struct ty_version_text {
  const char **s;
  size_t *len;
} ty_version_text;

/* Matches the clauses of two versions of one document: partner[i] is the
 * NEW clause that OLD clause i became, or -1 when it is gone; a NEW
 * clause no OLD clause became is new.  Unique identical texts first (as
 * anchors in order), then between anchors by key where the texts are
 * alike, then by content (a clause that moved keeps its identity), then
 * by key what is left (a clause rewritten in place, or replaced by
 * 削除).  Linear in the documents' size but for the content step, which
 * compares each clause with a bounded window.  (update_match.c) */
void ty_version_match(const ty_doc *old, const ty_version_text *ot,
                      const ty_doc *new_, const ty_version_text *nt,
                      int *partner);

/* True when a clause's text says only that it was deleted: 削除,
 * （削除）, Deleted, [Repealed] ...  (update_match.c) */
int ty_is_deleted_text(const char *s, size_t n);

/* Word boundaries for diffs: an ICU word break iterator per language,
 * opened once. (update_diff.c) */
typedef struct ty_worder ty_worder;

/* A new iterator for `lang`, owned by the caller; never NULL (where ICU
 * cannot open one, tokens are code points). */
ty_worder *ty_worder_new(ty_lang lang);
void ty_worder_free(ty_worder *w);

/* Appends to out the word diff of a[0..na) -> b[0..nb): the texts split
 * at ICU word boundaries (spaces and punctuation are tokens of their
 * own), compared with Myers' O((N+M)D) algorithm after the common prefix
 * and suffix are cut.  Adjacent pieces of one kind are merged.  Past a
 * bound on D the middle is one deletion and one insertion. */
void ty_word_diff(ty_worder *w, const char *a, size_t na, const char *b,
                  size_t nb, ty_diffs *out);

int ty_render_update_text(const ty_update *up, const ty_render_options *o,
                          FILE *f);
int ty_render_update_md(const ty_update *up, const ty_render_options *o,
                        FILE *f);
int ty_render_update_html(const ty_update *up, const ty_render_options *o,
                          FILE *f);
int ty_render_update_json(const ty_update *up, const ty_render_options *o,
                          FILE *f);
/* XLIFF 2.1 (version12 == 0) or 1.2 (version12 == 1). */
int ty_render_update_xliff(const ty_update *up, const ty_render_options *o,
                           FILE *f, int version12);

#endif
