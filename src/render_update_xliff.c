/* render_update_xliff.c — an update as XLIFF for a CAT tool, 2.1 or 1.2,
 * through the libxml2 writer of render_xml.c.  The source is each clause
 * of NEW, the target the translation of its OLD clause:
 *
 *   status      XLIFF 2.1 segment state          XLIFF 1.2 target state
 *   unchanged   final                            final (approved="yes")
 *   renumbered  translated, taiyaku:renumbered   translated
 *   changed     initial, taiyaku:needs-review    needs-review-translation
 *   new         initial (empty target)           needs-translation
 *   NEW 削除     initial, taiyaku:deleted          needs-review-translation
 *
 * so that the tool opens with the unchanged clauses filled in and the
 * changed ones holding the translation to revise.  Unit ids are u1, u2 ...
 * in order; `name` (2.1) / `resname` (1.2) is the clause's key.  A note on
 * each unit that needs work says what changed (the old text of a changed
 * clause, the old number of a renumbered one).  Clauses of OLD that are
 * gone have no source in NEW: they are listed in a note on the file. */
#include "update.h"
#include "render.h"

#include <string.h>

#define XLIFF2_NS "urn:oasis:names:tc:xliff:document:2.0"
#define XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

static const char *lang_code(ty_lang l) {
  return l == TY_JA ? "ja" : "en";
}

/* An entry with a NEW clause is a unit; one without is gone. */
static int is_unit(const ty_update_entry *e) {
  return e->new_.present;
}

/* What a reviewer is told about an entry, into b ("" when nothing). */
static void entry_note(const ty_update_entry *e, ty_buf *b) {
  ty_buf_clear(b);
  switch (e->status) {
  case TY_CHANGE_CHANGED:
    ty_buf_printf(b, "changed; the old text (%s): ", e->old.key);
    ty_buf_put(b, e->old.text, e->old.len);
    break;
  case TY_CHANGE_RENUMBERED:
    ty_buf_printf(b,
                  "renumbered: %s (%s) is now %s (%s); the label of the "
                  "translation must change",
                  e->old.key, e->old.label, e->new_.key, e->new_.label);
    break;
  case TY_CHANGE_NEW: ty_buf_puts(b, "new: needs translating"); break;
  case TY_CHANGE_DELETED:
    ty_buf_puts(b, "deleted: the clause is now only a deletion mark");
    break;
  case TY_CHANGE_UNCHANGED:
    if (!e->trans.present)
      ty_buf_puts(b, "unchanged, but the translation has no counterpart");
    break;
  }
  if (!b->p) ty_buf_put(b, "", 0);
}

/* The clauses of OLD that are gone, as one note ("" when none). */
static void gone_note(const ty_update *up, ty_buf *b) {
  ty_buf_clear(b);
  for (size_t k = 0; k < up->n; k++) {
    const ty_update_entry *e = &up->v[k];
    if (is_unit(e)) continue;
    ty_buf_printf(b, "%sdeleted from %s: %s (line %d)", b->n ? "\n" : "",
                  up->old->name, e->old.key, e->old.line);
    if (e->trans.present)
      ty_buf_printf(b, "; remove %s line %d from the translation",
                    up->trans->name, e->trans.line);
  }
  if (!b->p) ty_buf_put(b, "", 0);
}

static void text_element(ty_xml *x, const char *name, const char *s, size_t n) {
  ty_xml_start(x, name);
  ty_xml_text(x, s, n);
  ty_xml_end(x);
}

/* XLIFF 2.1: state and subState of a unit's segment. */
static void state2(const ty_update_entry *e, const char **state,
                   const char **sub) {
  *sub = NULL;
  switch (e->status) {
  case TY_CHANGE_UNCHANGED:
    *state = e->trans.present ? "final" : "initial";
    break;
  case TY_CHANGE_RENUMBERED:
    *state = "translated";
    *sub = "taiyaku:renumbered";
    break;
  case TY_CHANGE_CHANGED:
    *state = "initial";
    *sub = "taiyaku:needs-review";
    break;
  case TY_CHANGE_DELETED:
    *state = "initial";
    *sub = "taiyaku:deleted";
    break;
  default: *state = "initial"; break;
  }
}

/* XLIFF 1.2: the target's state. */
static const char *state12(const ty_update_entry *e) {
  switch (e->status) {
  case TY_CHANGE_UNCHANGED:
    return e->trans.present ? "final" : "needs-translation";
  case TY_CHANGE_RENUMBERED: return "translated";
  case TY_CHANGE_CHANGED:
  case TY_CHANGE_DELETED: return "needs-review-translation";
  default: return "needs-translation";
  }
}

static int multiline(const ty_update_entry *e) {
  return memchr(e->new_.text, '\n', e->new_.len) ||
         (e->trans.present && memchr(e->trans.text, '\n', e->trans.len));
}

static void unit2(ty_xml *x, const ty_update_entry *e, size_t id,
                  ty_buf *note) {
  char ids[32];
  snprintf(ids, sizeof ids, "u%zu", id);
  ty_xml_indent(x, 2);
  ty_xml_start(x, "unit");
  ty_xml_attr(x, "id", ids);
  ty_xml_attr(x, "name", e->new_.key);
  if (multiline(e)) ty_xml_attr(x, "xml:space", "preserve");
  entry_note(e, note);
  if (note->n) {
    ty_xml_indent(x, 3);
    ty_xml_start(x, "notes");
    ty_xml_start(x, "note");
    ty_xml_attr(x, "category", ty_change_name(e->status));
    ty_xml_text(x, note->p, note->n);
    ty_xml_end(x);
    ty_xml_end(x);
  }
  const char *state, *sub;
  state2(e, &state, &sub);
  ty_xml_indent(x, 3);
  ty_xml_start(x, "segment");
  ty_xml_attr(x, "id", "s1");
  ty_xml_attr(x, "state", state);
  if (sub) ty_xml_attr(x, "subState", sub);
  ty_xml_indent(x, 4);
  text_element(x, "source", e->new_.text, e->new_.len);
  ty_xml_indent(x, 4);
  if (e->status == TY_CHANGE_NEW || !e->trans.present)
    text_element(x, "target", "", 0);
  else
    text_element(x, "target", e->trans.text, e->trans.len);
  ty_xml_indent(x, 3);
  ty_xml_end(x);
  ty_xml_indent(x, 2);
  ty_xml_end(x);
}

static void unit12(ty_xml *x, const ty_update_entry *e, size_t id,
                   ty_buf *note) {
  char ids[32];
  snprintf(ids, sizeof ids, "u%zu", id);
  ty_xml_indent(x, 3);
  ty_xml_start(x, "trans-unit");
  ty_xml_attr(x, "id", ids);
  ty_xml_attr(x, "resname", e->new_.key);
  if (e->status == TY_CHANGE_UNCHANGED && e->trans.present)
    ty_xml_attr(x, "approved", "yes");
  if (multiline(e)) ty_xml_attr(x, "xml:space", "preserve");
  ty_xml_indent(x, 4);
  text_element(x, "source", e->new_.text, e->new_.len);
  ty_xml_indent(x, 4);
  ty_xml_start(x, "target");
  ty_xml_attr(x, "state", state12(e));
  if (e->status != TY_CHANGE_NEW && e->trans.present)
    ty_xml_text(x, e->trans.text, e->trans.len);
  ty_xml_end(x);
  entry_note(e, note);
  if (note->n) {
    ty_xml_indent(x, 4);
    text_element(x, "note", note->p, note->n);
  }
  ty_xml_indent(x, 3);
  ty_xml_end(x);
}

static void root(ty_xml *x, const ty_update *up, int v12) {
  ty_xml_start(x, "xliff");
  ty_xml_attr(x, "xmlns", v12 ? XLIFF12_NS : XLIFF2_NS);
  ty_xml_attr(x, "version", v12 ? "1.2" : "2.1");
  if (!v12) {
    ty_xml_attr(x, "srcLang", lang_code(up->new_->lang));
    ty_xml_attr(x, "trgLang", lang_code(up->trans->lang));
  }
  ty_xml_indent(x, 1);
  ty_xml_start(x, "file");
  if (v12) {
    ty_xml_attr(x, "original", up->new_->name);
    ty_xml_attr(x, "source-language", lang_code(up->new_->lang));
    ty_xml_attr(x, "target-language", lang_code(up->trans->lang));
    ty_xml_attr(x, "datatype", "plaintext");
  } else {
    ty_xml_attr(x, "id", "f1");
    ty_xml_attr(x, "original", up->new_->name);
  }
}

int ty_render_update_xliff(const ty_update *up, const ty_render_options *o,
                           FILE *f, int v12) {
  (void)o;
  ty_xml x;
  if (ty_xml_open(&x, f) != 0) return -1;
  root(&x, up, v12);
  ty_buf note = {0};
  gone_note(up, &note);
  if (note.n) {
    ty_xml_indent(&x, 2);
    ty_xml_start(&x, v12 ? "header" : "notes");
    if (v12) ty_xml_indent(&x, 3);
    text_element(&x, "note", note.p, note.n);
    if (v12) ty_xml_indent(&x, 2);
    ty_xml_end(&x);
  }
  if (v12) {
    ty_xml_indent(&x, 2);
    ty_xml_start(&x, "body");
  }
  size_t id = 0;
  for (size_t k = 0; k < up->n; k++) {
    if (!is_unit(&up->v[k])) continue;
    if (v12)
      unit12(&x, &up->v[k], ++id, &note);
    else
      unit2(&x, &up->v[k], ++id, &note);
  }
  if (v12) {
    ty_xml_indent(&x, 2);
    ty_xml_end(&x);
  }
  ty_xml_indent(&x, 1);
  ty_xml_end(&x); /* file */
  ty_xml_indent(&x, 0);
  ty_xml_end(&x); /* xliff */
  ty_buf_free(&note);
  return ty_xml_close(&x);
}
