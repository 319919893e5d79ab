/* outline.h — what the stages of the outline share: the ranks of
 * structural levels, what the builder knows of a clause beyond ty_clause,
 * the kinds that are articles, supplementary provisions and appendices.
 * Private to outline.c (the scan), outline_toc.c (tables of contents),
 * outline_keys.c (keys) and outline_sequence.c (numbering findings). */
#ifndef TY_OUTLINE_H
#define TY_OUTLINE_H

#include "internal.h"

/* Ranks of structural levels (0 is a list level on the style stack). */
enum {
  R_LIST = 0,
  R_TOP = 1, /* 附則, 別表; in manuals Chapter and Appendix */
  R_PART,
  R_CHAPTER,
  R_SECTION,
  R_SUBSECTION,
  R_DIVISION,
  R_ARTICLE,
  R_PARA /* a numbered paragraph of an article */
};

/* What the builder knows of a clause beyond ty_clause. */
typedef struct cinfo {
  int scope;           /* 1 for the first list, 2.. after restarts */
  int underlined;      /* reST: the marker line is underlined */
  const char *caption; /* statute: the caption line above it, or NULL */
  size_t caption_len;
} cinfo;

static inline int is_article(ty_kind k) {
  return k == TY_K_JA_ARTICLE || k == TY_K_EN_ARTICLE;
}

static inline int is_suppl(ty_kind k) {
  return k == TY_K_JA_SUPPL || k == TY_K_EN_SUPPL;
}

static inline int is_appendix(ty_kind k) {
  return k == TY_K_JA_APPENDIX || k == TY_K_EN_APPENDIX;
}

/* The rank a kind has in a statute. */
static inline int statute_rank(ty_kind k) {
  switch (k) {
  case TY_K_JA_SUPPL:
  case TY_K_EN_SUPPL:
  case TY_K_JA_APPENDIX:
  case TY_K_EN_APPENDIX: return R_TOP;
  case TY_K_JA_PART:
  case TY_K_EN_PART: return R_PART;
  case TY_K_JA_CHAPTER:
  case TY_K_EN_CHAPTER: return R_CHAPTER;
  case TY_K_JA_SECTION:
  case TY_K_EN_SECTION: return R_SECTION;
  case TY_K_JA_SUBSECTION: return R_SUBSECTION;
  case TY_K_JA_DIVISION: return R_DIVISION;
  case TY_K_JA_ARTICLE:
  case TY_K_EN_ARTICLE: return R_ARTICLE;
  default: return R_LIST;
  }
}

/* The nearest supplementary provisions above clause i, or -1. */
static inline int suppl_above(const ty_doc *d, size_t i) {
  for (int p = d->cl[i].parent; p >= 0; p = d->cl[p].parent)
    if (is_suppl(d->cl[p].kind)) return p;
  return -1;
}

/* Removes a table of contents at the top of d, with the entries of info
 * that go with its clauses, and renumbers the scopes left.  Runs before
 * keys are written. */
void ty_outline_drop_toc(ty_doc *d, cinfo *info);

/* Writes every clause's key; info (per clause, or NULL for one scope)
 * gives the scopes, dotted whether the document uses dotted sections,
 * statute whether it is keyed as a statute. */
void ty_outline_assign_keys(ty_doc *d, const cinfo *info, int dotted,
                            int statute);

/* Adds duplicate-number, numbering-gap and numbering-order findings over
 * the keyed clauses of d (info as for ty_outline_assign_keys). */
void ty_outline_sequence_findings(ty_doc *d, const cinfo *info, int statute);

#endif
