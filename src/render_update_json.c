/* render_update_json.c — an update as JSON, version 1:
 *
 *   {"taiyaku":1,
 *    "old":{"path","clauses"}, "new":{...}, "translation":{...},
 *    "update":[{"key","old_key","status",
 *               "old":{"label","line","text"}|null, "new":{...}|null,
 *               "translation":{...}|null,
 *               "diff":[{"op":"equal|delete|insert","text"}]}],
 *    "summary":{"entries","unchanged","changed","new","renumbered",
 *               "deleted","untranslated","needs_work"}}
 *
 * Every entry is listed.  `key` is the NEW clause's key (the OLD one's for
 * a clause that is gone), `old_key` the OLD clause's or null.  `diff` is
 * the word diff OLD -> NEW of a changed entry and [] otherwise; the
 * `equal` and `delete` pieces concatenated give the old text, `equal` and
 * `insert` the new one. */
#include "update.h"
#include "render.h"

#include <string.h>

/* s[0..n) as a JSON string; bytes that are not UTF-8 become U+FFFD. */
static void put_string(FILE *f, const char *s, size_t n) {
  fputc('"', f);
  size_t run = 0, i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    int len = 1;
    char esc[8] = "";
    if (c == '"' || c == '\\') {
      esc[0] = '\\';
      esc[1] = (char)c;
      esc[2] = '\0';
    } else if (c == '\n') {
      strcpy(esc, "\\n");
    } else if (c == '\t') {
      strcpy(esc, "\\t");
    } else if (c < 0x20 || c == 0x7F) {
      snprintf(esc, sizeof esc, "\\u%04x", c);
    } else if (c >= 0x80) {
      int32_t cp = ty_utf8_decode(s + i, n - i, &len);
      if (cp == 0xFFFD && len == 1) strcpy(esc, "\\ufffd");
    }
    if (esc[0]) {
      fwrite(s + run, 1, i - run, f);
      fputs(esc, f);
      run = i + (size_t)len;
    }
    i += (size_t)len;
  }
  fwrite(s + run, 1, n - run, f);
  fputc('"', f);
}

static void put_cstr(FILE *f, const char *s) {
  put_string(f, s, strlen(s));
}

static void put_side(FILE *f, const char *name, const ty_update_side *s) {
  fprintf(f, ",\"%s\":", name);
  if (!s->present) {
    fputs("null", f);
    return;
  }
  fputs("{\"label\":", f);
  put_cstr(f, s->label);
  fprintf(f, ",\"line\":%d,\"text\":", s->line);
  put_string(f, s->text, s->len);
  fputc('}', f);
}

static void put_diff(FILE *f, const ty_update *up, const ty_update_entry *e) {
  static const char *const ops[] = {"equal", "delete", "insert"};
  fputs(",\"diff\":[", f);
  for (size_t k = 0; k < e->ndiff; k++) {
    const ty_diff *d = &up->diffs.v[e->diff_off + k];
    const char *s = d->op == TY_DIFF_INSERT ? e->new_.text : e->old.text;
    fprintf(f, "%s{\"op\":\"%s\",\"text\":", k ? "," : "", ops[d->op]);
    put_string(f, s + d->off, d->len);
    fputc('}', f);
  }
  fputc(']', f);
}

static void put_entry(FILE *f, const ty_update *up, const ty_update_entry *e) {
  fputs("{\"key\":", f);
  put_cstr(f, e->new_.present ? e->new_.key : e->old.key);
  fputs(",\"old_key\":", f);
  if (e->old.present)
    put_cstr(f, e->old.key);
  else
    fputs("null", f);
  fprintf(f, ",\"status\":\"%s\"", ty_change_name(e->status));
  put_side(f, "old", &e->old);
  put_side(f, "new", &e->new_);
  put_side(f, "translation", &e->trans);
  put_diff(f, up, e);
  fputc('}', f);
}

static void put_doc(FILE *f, const char *name, const ty_doc *d) {
  fprintf(f, "\"%s\":{\"path\":", name);
  put_cstr(f, d->name);
  fprintf(f, ",\"clauses\":%zu},", d->ncl);
}

int ty_render_update_json(const ty_update *up, const ty_render_options *o,
                          FILE *f) {
  (void)o;
  fputs("{\"taiyaku\":1,", f);
  put_doc(f, "old", up->old);
  put_doc(f, "new", up->new_);
  put_doc(f, "translation", up->trans);
  fputs("\n\"update\":[", f);
  for (size_t k = 0; k < up->n; k++) {
    fputs(k ? ",\n" : "\n", f);
    put_entry(f, up, &up->v[k]);
  }
  ty_update_summary s;
  ty_update_get_summary(up, &s);
  fprintf(f,
          "],\n\"summary\":{\"entries\":%zu,\"unchanged\":%zu,\"changed\":%zu,"
          "\"new\":%zu,\"renumbered\":%zu,\"deleted\":%zu,\"untranslated\":%zu,"
          "\"needs_work\":%s}}\n",
          s.entries, s.unchanged, s.changed, s.new_, s.renumbered, s.deleted,
          s.untranslated, ty_update_needs_work(up) ? "true" : "false");
  return 0;
}
