/* render_lines.c — the one-line forms the line-oriented formats share:
 * where a finding is ("FILE:LINE"), a finding in the compiler format
 * ("FILE:LINE: severity: [code] key: message"), and the summary line.
 * Used by the text, Markdown and XLSX renderers, so that none of them
 * depends on another's file. */
#include "internal.h"
#include "render.h"

#include <stdio.h>
#include <string.h>

static const char *plural(size_t n) {
  return n == 1 ? "" : "s";
}

void ty_finding_location(const ty_alignment *al, const ty_finding *x,
                         ty_buf *out) {
  if (x->ja_line) {
    ty_buf_printf(out, "%s:%d", al->ja->name, x->ja_line);
  } else {
    ty_buf_puts(out, al->en->name);
    if (x->en_line) ty_buf_printf(out, ":%d", x->en_line);
  }
}

/* "[code] key: message (confidence C)", the part after the severity. */
void ty_finding_tail(const ty_finding *x, ty_buf *out) {
  ty_buf_printf(out, "[%s] ", ty_code_name(x->code));
  if (x->key && *x->key) ty_buf_printf(out, "%s: ", x->key);
  ty_buf_puts(out, x->message ? x->message : "");
  /* shown when it prints below 1.00 (0.996 is "1.00" in JSON too) */
  char c[16];
  snprintf(c, sizeof c, "%.2f", x->confidence);
  if (strcmp(c, "1.00") != 0) ty_buf_printf(out, " (confidence %s)", c);
}

void ty_finding_line(const ty_alignment *al, const ty_finding *x, ty_buf *out) {
  ty_finding_location(al, x, out);
  ty_buf_printf(out, ": %s: ", ty_severity_name(x->severity));
  ty_finding_tail(x, out);
}

void ty_summary_line(const ty_alignment *al, ty_buf *out) {
  ty_summary s;
  ty_alignment_summary(al, &s);
  ty_buf_printf(out,
                "%zu pair%s: %zu matched, %zu content, %zu missing-en, "
                "%zu missing-ja; %zu error%s, %zu warning%s, %zu info%s",
                s.pairs, plural(s.pairs), s.matched, s.content, s.missing_en,
                s.missing_ja, s.errors, plural(s.errors), s.warnings,
                plural(s.warnings), s.infos, plural(s.infos));
}
