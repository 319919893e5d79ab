/* render_update_html.c — an update as one HTML page: the counts, then a
 * table with a row per entry (key, status, the new text with the word
 * diff as <del>/<ins>, the current translation beside it).  Unchanged rows
 * are kept for context but dimmed; a checkbox hides them.  No script, no
 * external resource. */
#include "update.h"
#include "render.h"

#include <string.h>

static const char style[] =
    "body{font-family:sans-serif;margin:1em}"
    "table{border-collapse:collapse;width:100%}"
    "td,th{border:1px solid #ccc;padding:.3em "
    ".5em;vertical-align:top;text-align:left}"
    "del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-"
    "decoration:none}"
    "tr.unchanged{color:#888}"
    "#hide:checked~table tr.unchanged{display:none}"
    ".status{white-space:nowrap;font-weight:bold}"
    "tr.changed .status{color:#a60}tr.new .status{color:#06a}"
    "tr.deleted .status{color:#900}tr.renumbered .status{color:#609}"
    ".label{color:#555}.was{color:#777;font-size:90%}";

static void put_head(FILE *f, const ty_update *up) {
  const char *lang = up->new_->lang == TY_JA ? "ja" : "en";
  const char *const title[] = {
      "", "Update: ", up->old->name, " → ", up->new_->name, "", NULL};
  ty_html_head(f, lang, title, style);
  fputs("<h1>Update: ", f);
  ty_html_cstr(f, up->old->name);
  fputs(" → ", f);
  ty_html_cstr(f, up->new_->name);
  fputs("</h1>\n<p>Translation: ", f);
  ty_html_cstr(f, up->trans->name);
  fputs("</p>\n", f);
}

static void put_summary(FILE *f, const ty_update *up) {
  ty_update_summary s;
  ty_update_get_summary(up, &s);
  fprintf(
      f,
      "<p class=\"summary\">%zu entries: %zu unchanged, %zu changed, "
      "%zu new, %zu renumbered, %zu deleted; %zu without a translation</p>\n",
      s.entries, s.unchanged, s.changed, s.new_, s.renumbered, s.deleted,
      s.untranslated);
}

static void put_side(FILE *f, const ty_update_side *s) {
  if (!s->present) return;
  if (*s->label) {
    fputs("<span class=\"label\">", f);
    ty_html_cstr(f, s->label);
    fputs("</span> ", f);
  }
  ty_html_text(f, s->text, s->len, 1);
}

static void put_change(FILE *f, const ty_update *up, const ty_update_entry *e) {
  if (e->status != TY_CHANGE_CHANGED) {
    const ty_update_side *s = e->new_.present ? &e->new_ : &e->old;
    if (e->status == TY_CHANGE_DELETED) fputs("<del>", f);
    if (e->status == TY_CHANGE_NEW) fputs("<ins>", f);
    if (e->status == TY_CHANGE_RENUMBERED) {
      fputs("<del>", f);
      ty_html_cstr(f, e->old.label);
      fputs("</del><ins>", f);
      ty_html_cstr(f, e->new_.label);
      fputs("</ins> ", f);
      ty_html_text(f, s->text, s->len, 1);
    } else {
      put_side(f, s);
    }
    if (e->status == TY_CHANGE_DELETED) fputs("</del>", f);
    if (e->status == TY_CHANGE_NEW) fputs("</ins>", f);
    return;
  }
  if (*e->new_.label) {
    fputs("<span class=\"label\">", f);
    ty_html_cstr(f, e->new_.label);
    fputs("</span> ", f);
  }
  for (size_t k = 0; k < e->ndiff; k++) {
    const ty_diff *d = &up->diffs.v[e->diff_off + k];
    const char *s = d->op == TY_DIFF_INSERT ? e->new_.text : e->old.text;
    const char *tag = d->op == TY_DIFF_DELETE   ? "del"
                      : d->op == TY_DIFF_INSERT ? "ins"
                                                : NULL;
    if (tag) fprintf(f, "<%s>", tag);
    ty_html_text(f, s + d->off, d->len, 1);
    if (tag) fprintf(f, "</%s>", tag);
  }
}

static void put_row(FILE *f, const ty_update *up, const ty_update_entry *e) {
  const ty_update_side *at = e->new_.present ? &e->new_ : &e->old;
  const char *name = ty_change_name(e->status);
  fprintf(f, "<tr class=\"%s\" id=\"u%zu\"><td>", name,
          (size_t)(e - up->v) + 1);
  ty_html_cstr(f, at->key);
  if (e->old.present && strcmp(e->old.key, at->key)) {
    fputs(" <span class=\"was\">(was ", f);
    ty_html_cstr(f, e->old.key);
    fputs(")</span>", f);
  }
  fprintf(f, "</td><td class=\"status\">%s</td><td lang=\"%s\">", name,
          up->new_->lang == TY_JA ? "ja" : "en");
  put_change(f, up, e);
  fprintf(f, "</td><td lang=\"%s\">", up->trans->lang == TY_JA ? "ja" : "en");
  put_side(f, &e->trans);
  fputs("</td></tr>\n", f);
}

int ty_render_update_html(const ty_update *up, const ty_render_options *o,
                          FILE *f) {
  (void)o;
  put_head(f, up);
  put_summary(f, up);
  fputs("<input type=\"checkbox\" id=\"hide\"><label for=\"hide\"> hide "
        "unchanged clauses</label>\n<table>\n<thead><tr><th>key</th>"
        "<th>status</th><th>",
        f);
  ty_html_cstr(f, up->new_->name);
  fputs(" (changes from ", f);
  ty_html_cstr(f, up->old->name);
  fputs(")</th><th>", f);
  ty_html_cstr(f, up->trans->name);
  fputs("</th></tr></thead>\n<tbody>\n", f);
  for (size_t k = 0; k < up->n; k++)
    put_row(f, up, &up->v[k]);
  fputs("</tbody>\n</table>\n</body>\n</html>\n", f);
  return 0;
}
