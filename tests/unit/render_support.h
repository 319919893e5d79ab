/* render_support.h — builders for the hand-made alignments the renderer
 * tests share (no parsing involved, so each renderer is tested alone).
 * Include after cmocka.h and internal.h. */
#ifndef TY_RENDER_SUPPORT_H
#define TY_RENDER_SUPPORT_H

#include <string.h>

/* A clause with a key, a label (NULL: front matter), a text and a line. */
static inline void clause(ty_clause *c, const char *key, const char *label,
                          const char *text, int line) {
  memset(c, 0, sizeof *c);
  c->key = key;
  c->label = label;
  c->label_len = label ? strlen(label) : 0;
  c->text = text;
  c->text_len = strlen(text);
  c->line = c->end_line = line;
  c->depth = label ? 1 : 0;
  c->parent = -1;
  c->flags = label ? 0 : TY_CL_FRONT;
}

/* A pair of clause ja with clause en (-1: missing on that side). */
static inline void pair(ty_pair *p, ty_pair_status st, int ja, int en) {
  memset(p, 0, sizeof *p);
  p->status = st;
  p->ja = ja;
  p->en = en;
  p->nja = ja >= 0;
  p->nen = en >= 0;
  p->score = 1;
}

static inline void finding(ty_finding *x, ty_severity sev, ty_code code,
                           const char *key, int ja_line, int en_line,
                           const char *msg) {
  *x = (ty_finding){sev, code, key, ja_line, en_line, msg, 1.0, 0};
}

#endif
