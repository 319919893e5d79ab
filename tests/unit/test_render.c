/* test_render.c — the text, Markdown, CSV/TSV and YAML renderers over a
 * small alignment built by hand: every output is read back (CSV and TSV
 * re-parsed, YAML through libyaml's parser, text lines measured in display
 * columns, Markdown rows counted cell by cell). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "internal.h"
#include "render.h"
#include "render_support.h"

/* ---- the fixture ----------------------------------------------------------
 * front-1  content     title paragraphs paired by content (score 0.9)
 * 1        matched     a long Japanese clause, an English one over two
 *                      lines; two sentence pairs, the second unpaired
 * 2        missing-en
 * 3        missing-ja  its text ends in a terminal escape sequence
 * 4        matched     | " , a paragraph break, <script>, =SUM(1) */

#define JA1                                                                                                         \
  "情報共有の強化について、両国はサイバー攻撃に関する情報を迅速かつ適切に共有" \
  "することを確認した。"
#define JA1_S1 "情報共有の強化について、"
#define EN1                                                                    \
  "Strengthening information sharing: both countries confirmed that "          \
  "they\nwill share information on cyber attacks promptly and appropriately."
#define EN1_FLAT                                                               \
  "Strengthening information sharing: both countries confirmed that they "     \
  "will share information on cyber attacks promptly and appropriately."
#define EN3 "An extra clause.\033[2J"
#define EN4 "=SUM(1) a|b \"q\", c\n\n<script>alert(1)</script> & more"
#define EN4_FLAT "=SUM(1) a|b \"q\", c\n<script>alert(1)</script> & more"

static char ja_name[] = "ja/t.txt", en_name[] = "en/t.txt";
static ty_clause ja_cl[4], en_cl[4];
static ty_doc ja_doc, en_doc;
static ty_pair pairs[5];
static ty_sentpair sents[2];
static ty_finding findings[6];
static ty_alignment al;

static int setup(void **state) {
  (void)state;
  clause(&ja_cl[0], "front-1", NULL, "日米サイバー対話", 1);
  clause(&ja_cl[1], "1", "(1)", JA1, 3);
  clause(&ja_cl[2], "2", "(2)", "サイバー攻撃への対処", 5);
  clause(&ja_cl[3], "4", "(4)", "表の記号｜と引用符", 7);
  clause(&en_cl[0], "front-1", NULL, "Japan-U.S. Cyber Dialogue", 1);
  clause(&en_cl[1], "1", "(1)", EN1, 3);
  clause(&en_cl[2], "3", "(3)", EN3, 6);
  clause(&en_cl[3], "4", "(4)", EN4, 8);
  ja_doc = (ty_doc){.name = ja_name, .lang = TY_JA, .cl = ja_cl, .ncl = 4};
  en_doc = (ty_doc){.name = en_name, .lang = TY_EN, .cl = en_cl, .ncl = 4};

  pair(&pairs[0], TY_PAIR_CONTENT, 0, 0);
  pairs[0].score = 0.9;
  pair(&pairs[1], TY_PAIR_MATCHED, 1, 1);
  pairs[1].sent_off = 0;
  pairs[1].nsent = 2;
  pair(&pairs[2], TY_PAIR_MISSING_EN, 2, -1);
  pair(&pairs[3], TY_PAIR_MISSING_JA, -1, 2);
  pair(&pairs[4], TY_PAIR_MATCHED, 3, 3);
  /* sentences are spans of the clause texts */
  size_t cut = strlen(JA1_S1);
  sents[0] = (ty_sentpair){ja_cl[1].text, cut, en_cl[1].text, 34, 3, 3};
  sents[1] = (ty_sentpair){
      ja_cl[1].text + cut, ja_cl[1].text_len - cut, NULL, 0, 3, 0};

  finding(&findings[0], TY_SEV_ERROR, TY_MISSING_EN, "2", 5, 0,
          "no English for (2)");
  finding(&findings[1], TY_SEV_WARNING, TY_TOKEN_MISMATCH, "4", 7, 8,
          "\"SUM\" only in English");
  finding(&findings[2], TY_SEV_WARNING, TY_TOKEN_MISMATCH, "4", 7, 8,
          "\"a|b\" only in English");
  finding(&findings[3], TY_SEV_INFO, TY_PUNCTUATION, "4", 7, 8,
          "half-width <comma>");
  finding(&findings[4], TY_SEV_ERROR, TY_MISSING_JA, "3", 0, 6,
          "no Japanese for (3)");
  finding(&findings[5], TY_SEV_INFO, TY_SUSPICIOUS_CHAR, "", 0, 0,
          "a control character");

  al = (ty_alignment){.ja = &ja_doc,
                      .en = &en_doc,
                      .pairs = pairs,
                      .npairs = 5,
                      .sents = sents,
                      .nsents = 2};
  al.findings = (ty_findings){findings, 6, 6};
  return 0;
}

typedef int (*renderer)(const ty_alignment *, const ty_render_options *,
                        FILE *);

static int render_csv(const ty_alignment *a, const ty_render_options *o,
                      FILE *f) {
  return ty_render_csv(a, o, f, ',');
}

static int render_tsv(const ty_alignment *a, const ty_render_options *o,
                      FILE *f) {
  return ty_render_csv(a, o, f, '\t');
}

/* Renders the fixture into a new string (caller frees). */
static char *render(renderer r, const ty_render_options *o, size_t *len) {
  char *out = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&out, &n);
  assert_non_null(f);
  assert_int_equal(r(&al, o, f), 0);
  assert_int_equal(fclose(f), 0);
  if (len) *len = n;
  assert_int_equal(ty_utf8_validate(out, n), n);
  return out;
}

/* The next line of *s (without its '\n'), advancing *s; NULL at the end. */
static char *next_line(char **s) {
  if (!**s) return NULL;
  char *line = *s, *nl = strchr(line, '\n');
  if (nl) {
    *nl = '\0';
    *s = nl + 1;
  } else {
    *s = line + strlen(line);
  }
  return line;
}

static int columns(const char *s) {
  int w = 0;
  size_t n = strlen(s);
  for (size_t i = 0; i < n;) {
    int len;
    w += ty_char_width(ty_utf8_decode(s + i, n - i, &len));
    i += (size_t)len;
  }
  return w;
}

/* ---- text ---------------------------------------------------------------- */

static void test_render_text_lines_fit_the_width(void **state) {
  (void)state;
  static const int widths[] = {20, 33, 40, 57, 80, 100, 0};
  for (size_t k = 0; k < sizeof widths / sizeof *widths; k++) {
    ty_render_options o = {.width = widths[k], .sentences = 1};
    int want = widths[k] ? widths[k] : 100;
    char *out = render(ty_render_text, &o, NULL), *s = out, *line;
    int rows = 0;
    /* the table ends at the first blank line; findings are not wrapped */
    while ((line = next_line(&s)) && *line) {
      if (columns(line) > want) fail_msg("width %d: '%s'", want, line);
      /* kinsoku: ICU's Japanese line breaking never starts a line with
       * a comma or a full stop */
      const char *bar = strstr(line, " |");
      if (bar && bar - line > 2) {
        const char *ja = line + 2;
        while (*ja && *ja != ' ')
          ja++; /* skip the key column */
        while (*ja == ' ')
          ja++;
        assert_true(strncmp(ja, "、", 3) != 0 && strncmp(ja, "。", 3) != 0);
      }
      assert_null(strchr(line, '\033'));
      rows++;
    }
    /* a header, a rule and at least one row per pair and sentence */
    assert_true(rows >= 2 + 5 + 2);
    if (want <= 40) assert_true(rows > 2 + 5 + 2 + 4);
    free(out);
  }
}

static void test_render_text_marks_labels_and_words(void **state) {
  (void)state;
  ty_render_options o = {.width = 100};
  char *out = render(ty_render_text, &o, NULL);
  assert_non_null(strstr(out, "\n~ front-1 日米サイバー対話"));
  assert_non_null(strstr(out, "\n= 1"));
  assert_non_null(strstr(out, "\n+ 2"));
  assert_non_null(strstr(out, "\n- 3"));
  assert_non_null(strstr(out, "\n= 4"));
  assert_non_null(strstr(out, "(1) 情報共有"));
  assert_non_null(strstr(out, "| (1) Strengthening"));
  /* English is broken between words, never inside one */
  assert_non_null(strstr(out, "appropriately."));
  assert_non_null(strstr(out, "confirmed"));
  /* the escape sequence in clause 3 is shown harmlessly */
  assert_null(strchr(out, '\033'));
  assert_non_null(strstr(out, "An extra clause. [2J"));
  /* no sentence rows unless asked */
  assert_null(strstr(out, "#1"));
  free(out);
}

static void test_render_text_sentence_rows(void **state) {
  (void)state;
  ty_render_options o = {.width = 120, .sentences = 1};
  char *out = render(ty_render_text, &o, NULL);
  const char *one = strstr(out, "\n  #1");
  const char *two = strstr(out, "\n  #2");
  assert_non_null(one);
  assert_non_null(two);
  assert_true(one < two);
  assert_true(two < strstr(out, "\n+ 2"));
  assert_non_null(strstr(one, JA1_S1));
  assert_non_null(strstr(one, "| Strengthening information sharing:"));
  free(out);
}

static const char findings_text[] =
    "ja/t.txt:5: error: [missing-en] 2: no English for (2)\n"
    "ja/t.txt:7: warning: [token-mismatch] 4: \"SUM\" only in English\n"
    "ja/t.txt:7: warning: [token-mismatch] 4: \"a|b\" only in English\n"
    "ja/t.txt:7: info: [punctuation] 4: half-width <comma>\n"
    "en/t.txt:6: error: [missing-ja] 3: no Japanese for (3)\n"
    "en/t.txt: info: [suspicious-char] a control character\n"
    "5 pairs: 2 matched, 1 content, 1 missing-en, 1 missing-ja; "
    "2 errors, 2 warnings, 2 infos\n";

static void test_render_text_findings_only(void **state) {
  (void)state;
  ty_render_options o = {.findings_only = 1};
  char *out = render(ty_render_text, &o, NULL);
  assert_string_equal(out, findings_text);
  free(out);
}

static void test_render_text_findings_follow_the_table(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_text, &o, &n);
  size_t m = strlen(findings_text);
  assert_true(n > m + 2);
  assert_string_equal(out + n - m, findings_text);
  assert_memory_equal(out + n - m - 2, "\n\n", 2); /* a blank line */
  free(out);
}

/* A confidence that prints as 1.00 (as JSON writes it) is not shown; one
 * that rounds below is. */
static void test_render_text_confidence_shown_below_one_only(void **state) {
  (void)state;
  ty_finding x = {.code = TY_LENGTH_RATIO, .key = "1", .message = "m"};
  ty_buf b = {0};
  x.confidence = 0.996;
  ty_finding_tail(&x, &b);
  assert_null(strstr(b.p, "confidence"));
  ty_buf_clear(&b);
  x.confidence = 0.99;
  ty_finding_tail(&x, &b);
  assert_non_null(strstr(b.p, " (confidence 0.99)"));
  ty_buf_free(&b);
}

static void test_render_text_color_only_when_asked(void **state) {
  (void)state;
  ty_render_options o = {.color = 1, .width = 60};
  char *out = render(ty_render_text, &o, NULL);
  assert_non_null(strstr(out, "\033[32m=\033[0m \033[2m1\033[0m"));
  assert_non_null(strstr(out, "\033[1m(1)\033[0m"));
  assert_non_null(strstr(out, "\033[1;31m") || strstr(out, "\033[1m\033[31m"));
  /* only our own sequences: the one in clause 3 is still a space */
  assert_non_null(strstr(out, "An extra clause. [2J"));
  free(out);
}

/* ---- Markdown ------------------------------------------------------------ */

/* Cell separators of a table row: '|' not escaped by a backslash. */
static int bars(const char *line) {
  int n = 0;
  for (const char *p = line; *p; p++) {
    if (*p == '\\' && p[1])
      p++;
    else if (*p == '|')
      n++;
  }
  return n;
}

static void test_render_md_table_is_escaped(void **state) {
  (void)state;
  ty_render_options o = {0};
  char *out = render(ty_render_md, &o, NULL);
  char *copy = strdup(out), *s = copy, *line;
  int rows = 0;
  const char *row4 = NULL;
  while ((line = next_line(&s))) {
    if (line[0] != '|') continue;
    assert_int_equal(bars(line), 5);
    if (rows == 0)
      assert_string_equal(line, "| key | 日本語 | English | status |");
    if (strncmp(line, "| 4 |", 5) == 0) row4 = line;
    rows++;
  }
  assert_int_equal(rows, 2 + 5);
  assert_non_null(row4);
  assert_string_equal(
      row4,
      "| 4 | **(4)** 表の記号｜と引用符 | **(4)** =SUM(1) a\\|b \"q\", "
      "c<br>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more | matched |");
  assert_null(strstr(out, "<script"));
  assert_null(strchr(out, '\033'));
  assert_non_null(strstr(out, "| front-1 | 日米サイバー対話 | Japan-U.S. Cyber "
                              "Dialogue | content (0.90) |"));
  assert_non_null(
      strstr(out, "| 2 | **(2)** サイバー攻撃への対処 |  | missing-en |"));
  free(copy);
  free(out);
}

static void test_render_md_findings_and_summary(void **state) {
  (void)state;
  ty_render_options o = {0};
  char *out = render(ty_render_md, &o, NULL);
  const char *h = strstr(out, "\n## Findings\n\n");
  assert_non_null(h);
  assert_non_null(strstr(
      h, "\n- ja/t.txt:5: error: \\[missing-en\\] 2: no English for (2)\n"));
  assert_non_null(strstr(
      h, "\n- ja/t.txt:7: warning: \\[token-mismatch\\] 4: \"a\\|b\" only"));
  assert_non_null(strstr(h, "half-width &lt;comma&gt;\n"));
  assert_non_null(strstr(h, "\n\n5 pairs: 2 matched, 1 content, 1 missing-en, "
                            "1 missing-ja; 2 errors, 2 warnings, 2 infos\n"));
  free(out);
}

static void test_render_md_sentence_rows(void **state) {
  (void)state;
  ty_render_options o = {.sentences = 1};
  char *out = render(ty_render_md, &o, NULL);
  const char *p1 = strstr(out, "\n| 1 |");
  assert_non_null(p1);
  assert_non_null(strstr(p1, "\n| #1 | " JA1_S1
                             " | Strengthening information sharing: | "
                             "sentence |\n| #2 | "));
  assert_non_null(strstr(p1, " |  | sentence |\n| 2 |"));
  free(out);
}

/* ---- CSV and TSV --------------------------------------------------------- */

typedef struct table {
  char *f[16][12]; /* records x fields, each malloc'd */
  int nrec, nfield[16];
} table;

/* Parses RFC 4180 CSV, requiring CRLF after every record. */
static void parse_csv(const char *s, table *t) {
  memset(t, 0, sizeof *t);
  ty_buf b = {0};
  while (*s) {
    assert_true(t->nrec < 16);
    int r = t->nrec++;
    for (;;) {
      ty_buf_clear(&b);
      ty_buf_put(&b, "", 0);
      if (*s == '"') {
        for (s++;; s++) {
          assert_true(*s != '\0');
          if (*s == '"' && s[1] == '"') {
            ty_buf_putc(&b, '"');
            s++;
          } else if (*s == '"') {
            s++;
            break;
          } else {
            ty_buf_putc(&b, *s);
          }
        }
      } else {
        while (*s && *s != ',' && *s != '\r' && *s != '\n') {
          assert_true(*s != '"');
          ty_buf_putc(&b, *s++);
        }
      }
      assert_true(t->nfield[r] < 12);
      t->f[r][t->nfield[r]++] = strdup(b.p);
      if (*s == ',') {
        s++;
        continue;
      }
      assert_memory_equal(s, "\r\n", 2);
      s += 2;
      break;
    }
  }
  ty_buf_free(&b);
}

/* Parses TSV with the \n \r \\ escapes, requiring LF after every record. */
static void parse_tsv(const char *s, table *t) {
  memset(t, 0, sizeof *t);
  ty_buf b = {0};
  while (*s) {
    assert_true(t->nrec < 16);
    int r = t->nrec++;
    for (;;) {
      ty_buf_clear(&b);
      ty_buf_put(&b, "", 0);
      while (*s && *s != '\t' && *s != '\n') {
        assert_true(*s != '\r');
        if (*s == '\\') {
          s++;
          assert_true(*s == 'n' || *s == 'r' || *s == '\\');
          ty_buf_putc(&b, *s == 'n' ? '\n' : *s == 'r' ? '\r' : '\\');
          s++;
        } else {
          ty_buf_putc(&b, *s++);
        }
      }
      assert_true(t->nfield[r] < 12);
      t->f[r][t->nfield[r]++] = strdup(b.p);
      if (*s == '\t') {
        s++;
        continue;
      }
      assert_int_equal(*s, '\n');
      s++;
      break;
    }
  }
  ty_buf_free(&b);
}

static void table_free(table *t) {
  for (int r = 0; r < t->nrec; r++)
    for (int c = 0; c < t->nfield[r]; c++)
      free(t->f[r][c]);
}

/* The records both formats must hold. */
static void check_records(const table *t) {
  static const char *const header[] = {"key",     "status",  "ja_label",
                                       "ja_line", "ja_text", "en_label",
                                       "en_line", "en_text", "findings"};
  assert_int_equal(t->nrec, 6);
  for (int r = 0; r < 6; r++)
    assert_int_equal(t->nfield[r], 9);
  for (int c = 0; c < 9; c++)
    assert_string_equal(t->f[0][c], header[c]);
  static const char *const want[5][9] = {
      {"front-1", "content", "", "1", "日米サイバー対話", "", "1",
       "Japan-U.S. Cyber Dialogue", ""},
      {"1", "matched", "(1)", "3", JA1, "(1)", "3", EN1_FLAT, ""},
      {"2", "missing-en", "(2)", "5", "サイバー攻撃への対処", "", "", "",
       "missing-en"},
      {"3", "missing-ja", "", "", "", "(3)", "6", EN3, "missing-ja"},
      {"4", "matched", "(4)", "7", "表の記号｜と引用符", "(4)", "8",
       "'" EN4_FLAT, "token-mismatch;punctuation"},
  };
  for (int r = 0; r < 5; r++)
    for (int c = 0; c < 9; c++)
      assert_string_equal(t->f[r + 1][c], want[r][c]);
}

static void test_render_csv_reparses(void **state) {
  (void)state;
  ty_render_options o = {0};
  char *out = render(render_csv, &o, NULL);
  assert_memory_equal(out, "key,status,", 11);
  /* quoted only where RFC 4180 needs it */
  assert_non_null(strstr(out, "\r\n1,matched,(1),3,情報共有"));
  assert_non_null(strstr(out, ",\"'=SUM(1) a|b \"\"q\"\", c\n<script>"));
  table t;
  parse_csv(out, &t);
  check_records(&t);
  table_free(&t);
  free(out);
}

static void test_render_csv_bom_first(void **state) {
  (void)state;
  ty_render_options o = {.bom = 1};
  char *out = render(render_csv, &o, NULL);
  assert_memory_equal(out, "\xEF\xBB\xBFkey,status,", 14);
  table t;
  parse_csv(out + 3, &t);
  check_records(&t);
  table_free(&t);
  free(out);
}

static void test_render_tsv_escapes(void **state) {
  (void)state;
  ty_render_options o = {0};
  char *out = render(render_tsv, &o, NULL);
  assert_memory_equal(out, "key\tstatus\tja_label\t", 18);
  assert_non_null(strstr(out, "\t'=SUM(1) a|b \"q\", c\\n<script>"));
  assert_null(strchr(out, '\r'));
  table t;
  parse_tsv(out, &t);
  check_records(&t);
  table_free(&t);
  free(out);
}

/* ---- YAML ---------------------------------------------------------------- */

static yaml_node_t *get(yaml_document_t *d, yaml_node_t *map, const char *key) {
  assert_int_equal(map->type, YAML_MAPPING_NODE);
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top; p++) {
    yaml_node_t *k = yaml_document_get_node(d, p->key);
    if (strcmp((char *)k->data.scalar.value, key) == 0)
      return yaml_document_get_node(d, p->value);
  }
  fail_msg("no key '%s'", key);
  return NULL;
}

static yaml_node_t *item(yaml_document_t *d, yaml_node_t *seq, int i) {
  assert_int_equal(seq->type, YAML_SEQUENCE_NODE);
  assert_true(seq->data.sequence.items.start + i <
              seq->data.sequence.items.top);
  return yaml_document_get_node(d, seq->data.sequence.items.start[i]);
}

static int count(yaml_node_t *seq) {
  return (int)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

/* A string scalar: it must be quoted unless plain reads as a string. */
static void assert_str(yaml_node_t *n, const char *want) {
  assert_int_equal(n->type, YAML_SCALAR_NODE);
  assert_string_equal((char *)n->data.scalar.value, want);
}

/* A scalar read by its form (int, float, null): plain. */
static void assert_plain(yaml_node_t *n, const char *want) {
  assert_str(n, want);
  assert_int_equal(n->data.scalar.style, YAML_PLAIN_SCALAR_STYLE);
}

static void assert_quoted(yaml_node_t *n, const char *want) {
  assert_str(n, want);
  assert_int_not_equal(n->data.scalar.style, YAML_PLAIN_SCALAR_STYLE);
}

static void test_render_yaml_reads_back(void **state) {
  (void)state;
  ty_render_options o = {0};
  size_t n;
  char *out = render(ty_render_yaml, &o, &n);
  /* UTF-8 as it is, block style, keys in JSON order */
  assert_non_null(strstr(out, "日米サイバー対話"));
  assert_memory_equal(out, "taiyaku: 1\nja:\n  path: ja/t.txt\n", 32);

  yaml_parser_t p;
  yaml_document_t d;
  assert_true(yaml_parser_initialize(&p));
  yaml_parser_set_input_string(&p, (unsigned char *)out, n);
  assert_true(yaml_parser_load(&p, &d));
  yaml_node_t *root = yaml_document_get_root_node(&d);
  assert_non_null(root);
  static const char *const keys[] = {"taiyaku", "ja",       "en",
                                     "pairs",   "findings", "summary"};
  assert_int_equal(
      root->data.mapping.pairs.top - root->data.mapping.pairs.start, 6);
  for (int i = 0; i < 6; i++) {
    yaml_node_t *k =
        yaml_document_get_node(&d, root->data.mapping.pairs.start[i].key);
    assert_string_equal((char *)k->data.scalar.value, keys[i]);
  }
  assert_plain(get(&d, root, "taiyaku"), "1");
  assert_str(get(&d, get(&d, root, "en"), "path"), "en/t.txt");
  assert_plain(get(&d, get(&d, root, "en"), "clauses"), "4");

  yaml_node_t *ps = get(&d, root, "pairs");
  assert_int_equal(count(ps), 5);
  yaml_node_t *p0 = item(&d, ps, 0);
  assert_str(get(&d, p0, "key"), "front-1");
  assert_str(get(&d, p0, "status"), "content");
  assert_plain(get(&d, p0, "score"), "0.900");
  assert_quoted(get(&d, get(&d, p0, "ja"), "label"), "");
  yaml_node_t *p1 = item(&d, ps, 1);
  assert_quoted(get(&d, p1, "key"), "1");
  assert_str(get(&d, get(&d, p1, "ja"), "text"), JA1);
  assert_str(get(&d, get(&d, p1, "en"), "text"), EN1_FLAT);
  assert_plain(get(&d, get(&d, p1, "en"), "line"), "3");
  yaml_node_t *ss = get(&d, p1, "sentences");
  assert_int_equal(count(ss), 2);
  assert_str(get(&d, item(&d, ss, 0), "en"),
             "Strengthening information sharing:");
  assert_plain(get(&d, item(&d, ss, 1), "en"), "null");
  assert_plain(get(&d, item(&d, ps, 2), "en"), "null");
  assert_plain(get(&d, item(&d, ps, 3), "ja"), "null");
  assert_str(get(&d, get(&d, item(&d, ps, 3), "en"), "text"), EN3);
  yaml_node_t *p4 = item(&d, ps, 4);
  assert_str(get(&d, get(&d, p4, "en"), "text"), EN4_FLAT);
  assert_str(get(&d, get(&d, p4, "ja"), "label"), "(4)");

  yaml_node_t *fs = get(&d, root, "findings");
  assert_int_equal(count(fs), 6);
  yaml_node_t *f0 = item(&d, fs, 0);
  assert_str(get(&d, f0, "severity"), "error");
  assert_str(get(&d, f0, "code"), "missing-en");
  assert_quoted(get(&d, f0, "key"), "2");
  assert_plain(get(&d, f0, "ja_line"), "5");
  assert_plain(get(&d, f0, "en_line"), "null");
  assert_str(get(&d, f0, "message"), "no English for (2)");
  assert_quoted(get(&d, item(&d, fs, 5), "key"), "");

  yaml_node_t *sum = get(&d, root, "summary");
  static const char *const sk[] = {"pairs",      "matched",    "content",
                                   "missing_en", "missing_ja", "errors",
                                   "warnings",   "infos"};
  static const char *const sv[] = {"5", "2", "1", "1", "1", "2", "2", "2"};
  for (int i = 0; i < 8; i++)
    assert_plain(get(&d, sum, sk[i]), sv[i]);
  yaml_document_delete(&d);
  yaml_parser_delete(&p);
  free(out);
}

static void test_render_yaml_quotes_what_would_not_read_as_text(void **s) {
  (void)s;
  /* labels and texts a YAML reader would take for numbers, booleans or
   * null keep their type */
  static const char *const odd[] = {
      "1",    "1.5", "-2", ".5", "yes", "No", "null", "~",  "on", "- a",
      "a: b", "#x",  "=",  "<<", "@x",  "%x", "!x",   "*x", "&x"};
  for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
    clause(&en_cl[1], "1", odd[i], odd[i], 3);
    ty_render_options o = {0};
    size_t n;
    char *out = render(ty_render_yaml, &o, &n);
    yaml_parser_t p;
    yaml_document_t d;
    assert_true(yaml_parser_initialize(&p));
    yaml_parser_set_input_string(&p, (unsigned char *)out, n);
    assert_true(yaml_parser_load(&p, &d));
    yaml_node_t *en =
        get(&d, item(&d, get(&d, yaml_document_get_root_node(&d), "pairs"), 1),
            "en");
    assert_quoted(get(&d, en, "label"), odd[i]);
    assert_quoted(get(&d, en, "text"), odd[i]);
    yaml_document_delete(&d);
    yaml_parser_delete(&p);
    free(out);
  }
  clause(&en_cl[1], "1", "(1)", EN1, 3);
}

/* ---- all formats --------------------------------------------------------- */

static void test_render_write_error_is_reported(void **state) {
  (void)state;
  FILE *f = fopen("/dev/full", "w");
  if (!f) skip();
  setvbuf(f, NULL, _IONBF, 0);
  ty_render_options o = {.sentences = 1};
  assert_int_equal(ty_render_text(&al, &o, f), -1);
  clearerr(f);
  assert_int_equal(ty_render_md(&al, &o, f), -1);
  clearerr(f);
  assert_int_equal(ty_render_csv(&al, &o, f, ','), -1);
  clearerr(f);
  assert_int_equal(ty_render_csv(&al, &o, f, '\t'), -1);
  clearerr(f);
  assert_int_equal(ty_render_yaml(&al, &o, f), -1);
  fclose(f);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup(test_render_text_lines_fit_the_width, setup),
      cmocka_unit_test_setup(test_render_text_marks_labels_and_words, setup),
      cmocka_unit_test_setup(test_render_text_sentence_rows, setup),
      cmocka_unit_test_setup(test_render_text_findings_only, setup),
      cmocka_unit_test_setup(test_render_text_findings_follow_the_table, setup),
      cmocka_unit_test_setup(test_render_text_confidence_shown_below_one_only,
                             setup),
      cmocka_unit_test_setup(test_render_text_color_only_when_asked, setup),
      cmocka_unit_test_setup(test_render_md_table_is_escaped, setup),
      cmocka_unit_test_setup(test_render_md_findings_and_summary, setup),
      cmocka_unit_test_setup(test_render_md_sentence_rows, setup),
      cmocka_unit_test_setup(test_render_csv_reparses, setup),
      cmocka_unit_test_setup(test_render_csv_bom_first, setup),
      cmocka_unit_test_setup(test_render_tsv_escapes, setup),
      cmocka_unit_test_setup(test_render_yaml_reads_back, setup),
      cmocka_unit_test_setup(
          test_render_yaml_quotes_what_would_not_read_as_text, setup),
      cmocka_unit_test_setup(test_render_write_error_is_reported, setup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
