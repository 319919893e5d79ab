/* render_html_page.c — what the two HTML pages (render_html.c, an
 * alignment; render_update_html.c, an update) share: the escaping of every
 * string from the input, and the page head (doctype, language, character
 * set, viewport, generator, title, the page's style sheet). */
#include "internal.h"
#include "render.h"

#include <string.h>

void ty_html_text(FILE *f, const char *s, size_t n, int br) {
  size_t run = 0, i = 0;
  while (i < n) {
    unsigned char b = (unsigned char)s[i];
    const char *rep = NULL;
    int len = 1;
    if (b >= 0x80) {
      int32_t c = ty_utf8_decode(s + i, n - i, &len);
      if ((c == 0xFFFD && len == 1) || c == 0xFFFE || c == 0xFFFF)
        rep = "\xEF\xBF\xBD";
    } else if (b == '&') {
      rep = "&amp;";
    } else if (b == '<') {
      rep = "&lt;";
    } else if (b == '>') {
      rep = "&gt;";
    } else if (b == '"') {
      rep = "&quot;";
    } else if (b == '\n') {
      rep = br ? "<br>" : " ";
    } else if ((b < 0x20 && b != '\t') || b == 0x7F) {
      rep = "\xEF\xBF\xBD";
    }
    if (rep) {
      fwrite(s + run, 1, i - run, f);
      fputs(rep, f);
      run = i + (size_t)len;
    }
    i += (size_t)len;
  }
  fwrite(s + run, 1, n - run, f);
}

void ty_html_cstr(FILE *f, const char *s) {
  ty_html_text(f, s, strlen(s), 0);
}

void ty_html_head(FILE *f, const char *lang, const char *const *title,
                  const char *style) {
  fprintf(f,
          "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
          "<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"taiyaku " TY_VERSION "\">\n"
          "<title>",
          lang);
  for (size_t i = 0; title[i]; i++)
    if (i % 2)
      fputs(title[i], f); /* the page's own punctuation, already HTML */
    else
      ty_html_cstr(f, title[i]);
  fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
}
