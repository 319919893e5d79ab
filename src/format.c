/* format.c — which reader a document goes to, chosen by its content
 * first and its name second, or forced by --input-format. */
#include "internal.h"

#include <string.h>
#include <strings.h>

static const char *const names[TY_IN_COUNT] = {
    [TY_IN_AUTO] = "auto", [TY_IN_TEXT] = "text", [TY_IN_YAML] = "yaml",
    [TY_IN_EGOV] = "egov", [TY_IN_HTML] = "html", [TY_IN_MARKDOWN] = "markdown",
    [TY_IN_DOCX] = "docx", [TY_IN_ODT] = "odt",   [TY_IN_PDF] = "pdf",
};

int ty_input_format_parse(const char *name) {
  if (!name) return -1;
  if (strcasecmp(name, "md") == 0) return TY_IN_MARKDOWN;
  if (strcasecmp(name, "xhtml") == 0) return TY_IN_HTML;
  if (strcasecmp(name, "txt") == 0) return TY_IN_TEXT;
  for (int i = 0; i < TY_IN_COUNT; i++)
    if (strcasecmp(name, names[i]) == 0) return i;
  return -1;
}

const char *ty_input_format_name(ty_input_format f) {
  return f >= 0 && f < TY_IN_COUNT ? names[f] : "auto";
}

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcasecmp(s + n - m, suf) == 0;
}

/* A little-endian 16-bit field of a zip header. */
static unsigned le16(const char *p) {
  return (unsigned)(unsigned char)p[0] | (unsigned)(unsigned char)p[1] << 8;
}

ty_input_format ty_format_sniff_bytes(const char *name, const char *s,
                                      size_t n) {
  if (n >= 5 && memcmp(s, "%PDF-", 5) == 0) return TY_IN_PDF;
  if (n < 30 || memcmp(s, "PK\x03\x04", 4) != 0) return TY_IN_AUTO;
  /* the first member's name follows its 30-byte local header; ODF puts
   * an uncompressed "mimetype" first */
  size_t len = le16(s + 26);
  if (n >= 30 + len && len == 8 && memcmp(s + 30, "mimetype", 8) == 0)
    return TY_IN_ODT;
  if (name && has_suffix(name, ".odt")) return TY_IN_ODT;
  return TY_IN_DOCX;
}

/* s[i..) after white space, comments and processing instructions. */
static size_t skip_prolog(const char *s, size_t n, size_t i, int pis) {
  for (;;) {
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
      i++;
    if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
      const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);
      if (!e) return n;
      i = (size_t)(e - s) + 3;
    } else if (pis && n - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
      const char *e = memmem(s + i + 2, n - i - 2, "?>", 2);
      if (!e) return n;
      i = (size_t)(e - s) + 2;
    } else {
      return i;
    }
  }
}

static int starts_ci(const char *s, size_t n, size_t i, const char *w) {
  size_t m = strlen(w);
  return n - i >= m && strncasecmp(s + i, w, m) == 0;
}

ty_input_format ty_format_sniff_text(const char *name, const char *s,
                                     size_t n) {
  int xml = n >= 5 && memcmp(s, "<?xml", 5) == 0;
  size_t i = skip_prolog(s, n, 0, xml);
  if (starts_ci(s, n, i, "<!doctype html") || starts_ci(s, n, i, "<html"))
    return TY_IN_HTML;
  if (xml && starts_ci(s, n, i, "<!doctype")) {
    const char *e = memchr(s + i, '>', n - i);
    if (e) i = skip_prolog(s, n, (size_t)(e - s) + 1, 1);
  }
  if (xml && (starts_ci(s, n, i, "<html") || starts_ci(s, n, i, "<Law")))
    return starts_ci(s, n, i, "<html") ? TY_IN_HTML : TY_IN_EGOV;
  if (!name) return TY_IN_TEXT;
  if (has_suffix(name, ".yaml") || has_suffix(name, ".yml")) return TY_IN_YAML;
  if (has_suffix(name, ".xml")) return TY_IN_EGOV;
  if (has_suffix(name, ".md") || has_suffix(name, ".markdown") ||
      has_suffix(name, ".mdown") || has_suffix(name, ".mkd"))
    return TY_IN_MARKDOWN;
  if (has_suffix(name, ".html") || has_suffix(name, ".htm") ||
      has_suffix(name, ".xhtml"))
    return TY_IN_HTML;
  return TY_IN_TEXT;
}
