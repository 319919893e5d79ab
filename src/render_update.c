/* render_update.c — the update renderers' driver, and the text and
 * Markdown work lists.
 *
 * Text and Markdown list the entries that need work (everything but
 * `unchanged`), each with where it is, the change word by word
 * (wdiff-style [-old-]{+new+} in text, ~~old~~ **new** in Markdown) and
 * the current translation; then the counts.  JSON, HTML and XLIFF carry
 * every entry (render_update_json.c, render_update_html.c,
 * render_update_xliff.c). */
#include "update.h"
#include "render.h"

#include <string.h>

int ty_update_render(const ty_update *up, ty_format fmt,
                     const ty_render_options *opt, FILE *out, ty_error *err) {
  ty_render_options defaults = {0};
  if (!opt) opt = &defaults;
  int r;
  switch (fmt) {
  case TY_FMT_TEXT: r = ty_render_update_text(up, opt, out); break;
  case TY_FMT_MD: r = ty_render_update_md(up, opt, out); break;
  case TY_FMT_HTML: r = ty_render_update_html(up, opt, out); break;
  case TY_FMT_JSON: r = ty_render_update_json(up, opt, out); break;
  case TY_FMT_XLIFF: r = ty_render_update_xliff(up, opt, out, 0); break;
  case TY_FMT_XLIFF12: r = ty_render_update_xliff(up, opt, out, 1); break;
  default:
    return ty_error_set(err, TY_ERR_USAGE, NULL, 0, 0,
                        "update writes text, md, html, json, xliff or xliff12");
  }
  if (r != 0 || ferror(out))
    return ty_error_set(err, TY_ERR_IO, NULL, 0, 0, "write error");
  return 0;
}

/* "N entries: N unchanged, N changed, ..." (no newline). */
static void put_counts(FILE *f, const ty_update *up) {
  ty_update_summary s;
  ty_update_get_summary(up, &s);
  fprintf(f,
          "%zu entr%s: %zu unchanged, %zu changed, %zu new, %zu renumbered, "
          "%zu deleted; %zu without a translation",
          s.entries, s.entries == 1 ? "y" : "ies", s.unchanged, s.changed,
          s.new_, s.renumbered, s.deleted, s.untranslated);
}

/* ---- text ---------------------------------------------------------------- */

/* Writes s[0..n) with each line break followed by `indent`; control
 * characters but tab shown as U+FFFD. */
static void put_lines(FILE *f, const char *s, size_t n, const char *indent) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != 0x7F) continue;
    if (c == '\t') continue;
    fwrite(s + run, 1, i - run, f);
    if (c == '\n') {
      fputc('\n', f);
      fputs(indent, f);
    } else {
      fputs("\xEF\xBF\xBD", f);
    }
    run = i + 1;
  }
  fwrite(s + run, 1, n - run, f);
}

static void put_text_diff(FILE *f, const ty_update *up,
                          const ty_update_entry *e, int color) {
  for (size_t k = 0; k < e->ndiff; k++) {
    const ty_diff *d = &up->diffs.v[e->diff_off + k];
    const char *s = d->op == TY_DIFF_INSERT ? e->new_.text : e->old.text;
    if (d->op == TY_DIFF_DELETE) fputs(color ? "\033[31m[-" : "[-", f);
    if (d->op == TY_DIFF_INSERT) fputs(color ? "\033[32m{+" : "{+", f);
    put_lines(f, s + d->off, d->len, "    ");
    if (d->op == TY_DIFF_DELETE) fputs(color ? "-]\033[0m" : "-]", f);
    if (d->op == TY_DIFF_INSERT) fputs(color ? "+}\033[0m" : "+}", f);
  }
}

static void put_text_entry(FILE *f, const ty_update *up,
                           const ty_update_entry *e, int color) {
  const ty_update_side *at = e->new_.present ? &e->new_ : &e->old;
  const ty_doc *d = e->new_.present ? up->new_ : up->old;
  fprintf(f, "%s:%d: %s %s", d->name, at->line, ty_change_name(e->status),
          at->key);
  if (e->old.present && e->new_.present && strcmp(e->old.key, e->new_.key))
    fprintf(f, " (was %s, %s:%d)", e->old.key, up->old->name, e->old.line);
  fputc('\n', f);
  if (e->status == TY_CHANGE_CHANGED) {
    fputs("    ", f);
    put_text_diff(f, up, e, color);
  } else if (e->status == TY_CHANGE_RENUMBERED) {
    fprintf(f, "    label %s -> %s: ", e->old.label, e->new_.label);
    put_lines(f, at->text, at->len, "    ");
  } else if (e->status == TY_CHANGE_DELETED && e->new_.present) {
    /* now only a deletion mark: show what is gone, then the mark */
    fputs("    ", f);
    put_lines(f, e->old.text, e->old.len, "    ");
    fputs(" -> ", f);
    put_lines(f, e->new_.text, e->new_.len, "    ");
  } else {
    fputs("    ", f);
    put_lines(f, at->text, at->len, "    ");
  }
  fputc('\n', f);
  if (e->trans.present) {
    fprintf(f, "  %s:%d: %s ", up->trans->name, e->trans.line, e->trans.label);
    put_lines(f, e->trans.text, e->trans.len, "    ");
    fputc('\n', f);
  } else if (e->old.present) {
    fprintf(f, "  %s: no translation\n", up->trans->name);
  }
}

int ty_render_update_text(const ty_update *up, const ty_render_options *o,
                          FILE *f) {
  for (size_t k = 0; k < up->n; k++)
    if (up->v[k].status != TY_CHANGE_UNCHANGED || !up->v[k].trans.present)
      put_text_entry(f, up, &up->v[k], o->color);
  put_counts(f, up);
  fputc('\n', f);
  return 0;
}

/* ---- Markdown ------------------------------------------------------------ */

/* s[0..n) escaped for a GFM table cell; a line break is <br>. */
static void put_md(FILE *f, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep;
    char two[3] = {'\\', (char)c, '\0'};
    if (strchr("|\\*_`[]~#", c) && c)
      rep = two;
    else if (c == '<')
      rep = "&lt;";
    else if (c == '>')
      rep = "&gt;";
    else if (c == '&')
      rep = "&amp;";
    else if (c == '\n')
      rep = "<br>";
    else if (c < 0x20 || c == 0x7F)
      rep = " ";
    else
      continue;
    fwrite(s + run, 1, i - run, f);
    fputs(rep, f);
    run = i + 1;
  }
  fwrite(s + run, 1, n - run, f);
}

static void put_md_side(FILE *f, const ty_update_side *s) {
  if (!s->present) return;
  put_md(f, s->label, strlen(s->label));
  if (*s->label) fputc(' ', f);
  put_md(f, s->text, s->len);
}

static void put_md_entry(FILE *f, const ty_update *up,
                         const ty_update_entry *e) {
  const ty_update_side *at = e->new_.present ? &e->new_ : &e->old;
  fputs("| ", f);
  put_md(f, at->key, strlen(at->key));
  fputs(" | ", f);
  if (e->old.present && strcmp(e->old.key, at->key))
    put_md(f, e->old.key, strlen(e->old.key));
  fprintf(f, " | %s | ", ty_change_name(e->status));
  if (e->status == TY_CHANGE_CHANGED) {
    for (size_t k = 0; k < e->ndiff; k++) {
      const ty_diff *d = &up->diffs.v[e->diff_off + k];
      const char *s = d->op == TY_DIFF_INSERT ? e->new_.text : e->old.text;
      /* markers hug the words: spaces at the edges stay outside */
      size_t a = d->off, z = d->off + d->len;
      while (d->op != TY_DIFF_EQUAL && a < z && s[a] == ' ')
        a++;
      while (d->op != TY_DIFF_EQUAL && z > a && s[z - 1] == ' ')
        z--;
      put_md(f, s + d->off, a - d->off);
      const char *mark = d->op == TY_DIFF_DELETE   ? "~~"
                         : d->op == TY_DIFF_INSERT ? "**"
                                                   : "";
      if (a < z) fputs(mark, f);
      put_md(f, s + a, z - a);
      if (a < z) fputs(mark, f);
      put_md(f, s + z, d->off + d->len - z);
    }
  } else {
    put_md_side(f, at);
  }
  fputs(" | ", f);
  put_md_side(f, &e->trans);
  fputs(" |\n", f);
}

int ty_render_update_md(const ty_update *up, const ty_render_options *o,
                        FILE *f) {
  fputs("# Update: ", f);
  put_md(f, up->old->name, strlen(up->old->name));
  fputs(" → ", f);
  put_md(f, up->new_->name, strlen(up->new_->name));
  fputs("\n\nTranslation: ", f);
  put_md(f, up->trans->name, strlen(up->trans->name));
  fputs("\n\n", f);
  put_counts(f, up);
  fputs("\n\n| key | was | status | change | translation |\n"
        "|---|---|---|---|---|\n",
        f);
  for (size_t k = 0; k < up->n; k++)
    if (up->v[k].status != TY_CHANGE_UNCHANGED || !up->v[k].trans.present)
      put_md_entry(f, up, &up->v[k]);
  return 0;
}
