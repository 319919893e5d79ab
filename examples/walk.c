/* walk.c — a program using libtaiyaku through its public header only:
 * reads a Japanese and an English clause file, aligns them and prints
 * every pair (key, status, each side's label, line and text) with its
 * sentence pairs, then every finding.
 *
 *   cc walk.c $(pkg-config --cflags --libs taiyaku) -o walk
 *   ./walk ja.txt en.txt
 *
 * Exit status: 0, or 2 when a file cannot be read or the library found
 * is not the one the program was built for. */
#include <taiyaku.h>

#include <stdio.h>
#include <stdlib.h>

static void print_side(const ty_alignment *al, const ty_pair *p, ty_lang side) {
  if (!ty_pair_clause_count(p, side)) {
    printf("  %s: -\n", side == TY_JA ? "ja" : "en");
    return;
  }
  char *label = ty_pair_label_dup(al, p, side);
  char *text = ty_pair_text_dup(al, p, side);
  printf("  %s: line %d, key %s, label \"%s\": %s\n",
         side == TY_JA ? "ja" : "en", ty_pair_line(al, p, side),
         ty_pair_side_key(al, p, side), label, text);
  free(label);
  free(text);
}

static void print_pair(const ty_alignment *al, const ty_pair *p) {
  static const char *const status[] = {"matched", "content", "missing-en",
                                       "missing-ja"};
  printf("pair %s (%s, score %.2f)\n", ty_pair_key(al, p),
         status[ty_pair_get_status(p)], ty_pair_get_score(p));
  print_side(al, p, TY_JA);
  print_side(al, p, TY_EN);
  for (size_t k = 0; k < ty_pair_sentence_count(al, p); k++) {
    const ty_sentpair *s = ty_pair_sentence(al, p, k);
    size_t nja, nen;
    const char *ja = ty_sentpair_text(s, TY_JA, &nja);
    const char *en = ty_sentpair_text(s, TY_EN, &nen);
    printf("    sentence %zu: [%.*s] [%.*s]\n", k + 1, (int)nja, ja ? ja : "",
           (int)nen, en ? en : "");
  }
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fputs("usage: walk JA EN\n", stderr);
    return 2;
  }
  if (ty_version() != TY_VERSION_NUMBER) {
    fprintf(stderr, "walk: built for taiyaku %s, running with %s\n", TY_VERSION,
            ty_version_string());
    return 2;
  }
  ty_error err = {0};
  ty_doc *ja = ty_doc_read(argv[1], TY_JA, NULL, &err);
  ty_doc *en = ja ? ty_doc_read(argv[2], TY_EN, NULL, &err) : NULL;
  ty_alignment *al = en ? ty_align(ja, en, NULL, &err) : NULL;
  if (!al) {
    fprintf(stderr, "walk: %s:%d:%d: %s\n", err.file, err.line, err.column,
            err.message);
    ty_doc_free(en);
    ty_doc_free(ja);
    return 2;
  }
  for (size_t i = 0; i < ty_alignment_pair_count(al); i++)
    print_pair(al, ty_alignment_pair(al, i));
  for (size_t i = 0; i < ty_alignment_finding_count(al); i++) {
    const ty_finding *f = ty_alignment_finding(al, i);
    printf("finding %s %s key=%s ja=%d en=%d confidence=%.2f: %s\n",
           ty_severity_name(ty_finding_get_severity(f)),
           ty_code_name(ty_finding_get_code(f)), ty_finding_get_key(f),
           ty_finding_get_line(f, TY_JA), ty_finding_get_line(f, TY_EN),
           ty_finding_get_confidence(f), ty_finding_get_message(f));
  }
  ty_summary s;
  ty_alignment_summary(al, &s);
  printf("%zu pairs, %zu findings\n", s.pairs, ty_alignment_finding_count(al));
  ty_alignment_free(al);
  ty_doc_free(en);
  ty_doc_free(ja);
  return 0;
}
