/* test_read.c — the reading stage: UTF-8 validation with positions, BOM
 * and line-end cleaning, binary refusal, other encodings. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The fixtures sit beside this file's directory whatever the cwd of the
 * run, as long as it was compiled from the repository root or by path. */
static char *fixture(const char *name) {
  static char path[1024];
  const char *here = __FILE__;
  const char *slash = strrchr(here, '/');
  int dir = slash ? (int)(slash - here) : 0;
  snprintf(path, sizeof path, "%.*s%s../fixtures/read/%s", dir, here,
           slash ? "/" : "", name);
  return path;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  size_t cap = 1 << 16, len = 0;
  char *p = malloc(cap);
  size_t k;
  while ((k = fread(p + len, 1, cap - len, f)) > 0) {
    len += k;
    if (len == cap) p = realloc(p, cap *= 2);
  }
  fclose(f);
  *n = len;
  return p;
}

/* Writes bytes to a fresh temporary file; returns its path (static). */
static const char *temp_file(const char *bytes, size_t n) {
  static char path[64];
  strcpy(path, "/tmp/test_read-XXXXXX");
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  assert_int_equal(write(fd, bytes, n), (ssize_t)n);
  close(fd);
  return path;
}

/* Reads `n` bytes through a file with `enc`; returns the document (text
 * loaded, or NULL on failure with err filled). */
static ty_doc *read_bytes(const char *bytes, size_t n, ty_encoding enc,
                          ty_error *err) {
  const char *path = temp_file(bytes, n);
  ty_doc *d = ty_doc_new(path, TY_JA);
  ty_read_options o = {.encoding = enc};
  int rc = ty_read_text(d, path, &o, err);
  unlink(path);
  if (rc != 0) {
    assert_int_equal(rc, -1);
    ty_doc_free(d);
    return NULL;
  }
  return d;
}

#define READ(lit, enc, err) read_bytes(lit, sizeof lit - 1, enc, err)

static void assert_text(const ty_doc *d, const char *want) {
  assert_int_equal(d->len, strlen(want));
  assert_memory_equal(d->text, want, d->len);
}

/* ---- UTF-8 ---------------------------------------------------------- */

static void test_read_clean_utf8_is_used_as_read(void **state) {
  ty_error err = {0};
  ty_doc *d = READ("第一条\n日本語の本文\n", TY_ENC_AUTO, &err);
  assert_non_null(d);
  assert_text(d, "第一条\n日本語の本文\n");
  /* the buffer read(2) filled is the text: no second copy */
  assert_ptr_equal(d->text, d->owned);
  ty_doc_free(d);
}

static void test_read_bom_is_stripped(void **state) {
  ty_error err = {0};
  ty_doc *d = READ("\xEF\xBB\xBF"
                   "1 one\n",
                   TY_ENC_AUTO, &err);
  assert_non_null(d);
  assert_text(d, "1 one\n");
  assert_non_null(d->owned);
  ty_doc_free(d);
}

static void test_read_crlf_and_cr_become_lf(void **state) {
  ty_error err = {0};
  ty_doc *d = READ("a\r\nb\rc\r\n\r\nd\r", TY_ENC_AUTO, &err);
  assert_non_null(d);
  assert_text(d, "a\nb\nc\n\nd\n");
  ty_doc_free(d);
}

static void test_read_invalid_utf8_line_col(void **state) {
  ty_error err = {0};
  assert_null(READ("abc\n1 ok\n2 bad \377 byte\n", TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_string_equal(err.message, "invalid UTF-8 (byte FF: beyond U+10FFFF)");
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 7);
  assert_int_equal(strncmp(err.file, "/tmp/test_read-", 15), 0);
}

static void test_read_invalid_utf8_column_counts_characters(void **state) {
  /* mostly Japanese UTF-8 with one stray byte: reported, not guessed */
  ty_error err = {0};
  assert_null(READ("日米両国は、サイバー空間における協力を確認した。\n"
                   "国際的な安全保障\x80の課題について議論した。\n",
                   TY_ENC_AUTO, &err));
  assert_string_equal(err.message,
                      "invalid UTF-8 (byte 80: a continuation byte without a "
                      "lead byte)");
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 9);
}

static void test_read_invalid_utf8_after_bom_and_crlf(void **state) {
  ty_error err = {0};
  assert_null(READ("\xEF\xBB\xBF"
                   "ab\xC3",
                   TY_ENC_UTF8, &err));
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 3);
  assert_null(READ("x\r\ny\rz\xFF", TY_ENC_UTF8, &err));
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 2);
}

static void test_read_truncated_sequence_at_eof(void **state) {
  ty_error err = {0};
  assert_null(READ("あいう\n漢字\xE5\xAD", TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_string_equal(err.message, "invalid UTF-8 (bytes E5 AD: a sequence cut "
                                   "by the end of the file)");
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 3);
}

static void test_read_overlong_and_surrogate_are_invalid(void **state) {
  ty_error err = {0};
  assert_null(READ("ok \xC0\xAF", TY_ENC_UTF8, &err));
  assert_int_equal(err.column, 4);
  assert_null(READ("ok \xED\xA0\x80", TY_ENC_UTF8, &err));
  assert_int_equal(err.column, 4);
}

/* Issue 12: whatever the detector concludes about bytes that are not
 * UTF-8, the error names the line and column of the first of them. */
static void test_read_auto_detected_errors_have_a_position(void **state) {
  static const struct {
    const char *text, *start;
    int line, column;
  } cases[] = {
      {"1. ok\n2. caf\xE9 au lait\n", "invalid UTF-8 (byte E9:", 2, 7},
      {"1. ok\n2. \x93quoted\x94 text\n", "invalid UTF-8 (byte 93:", 2, 4},
      {"1. ok\n2. a\xED\xA0\x80"
       "b\n",
       "invalid UTF-8 (bytes ED A0 80: a UTF-16 surrogate)", 2, 5},
      {"1. ok\n2. a\xC0\xAF"
       "b\n",
       "invalid UTF-8 (bytes C0 AF: an overlong form)", 2, 5},
      {"1. ok\n2. 日本\xE8\xAA",
       "invalid UTF-8 (bytes E8 AA: a sequence cut by the end of the file)", 2,
       6},
      {"1. 日本語\n2. 語\xE8\xAA\n3. 日本語\n",
       "invalid UTF-8 (bytes E8 AA: a sequence cut short)", 2, 5},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ty_error err = {0};
    assert_null(
        read_bytes(cases[i].text, strlen(cases[i].text), TY_ENC_AUTO, &err));
    assert_int_equal(err.code, TY_ERR_ENCODING);
    assert_int_equal(
        strncmp(err.message, cases[i].start, strlen(cases[i].start)), 0);
    assert_int_equal(err.line, cases[i].line);
    assert_int_equal(err.column, cases[i].column);
  }
}

/* ---- files ---------------------------------------------------------- */

static void test_read_empty_file(void **state) {
  ty_error err = {0};
  ty_doc *d = read_bytes("", 0, TY_ENC_AUTO, &err);
  assert_non_null(d);
  assert_int_equal(d->len, 0);
  assert_non_null(d->text);
  ty_doc_free(d);
}

static void test_read_directory(void **state) {
  ty_error err = {0};
  ty_doc *d = ty_doc_new("/tmp", TY_JA);
  assert_int_equal(ty_read_text(d, "/tmp", NULL, &err), -1);
  assert_int_equal(err.code, TY_ERR_IO);
  assert_string_equal(err.message, "is a directory");
  assert_string_equal(err.file, "/tmp");
  ty_doc_free(d);
}

static void test_read_missing_file(void **state) {
  ty_error err = {0};
  ty_doc *d = ty_doc_new("x", TY_JA);
  assert_int_equal(ty_read_text(d, "/nonexistent/nosuch.txt", NULL, &err), -1);
  assert_int_equal(err.code, TY_ERR_IO);
  assert_string_equal(err.message, "No such file or directory");
  assert_string_equal(err.file, "/nonexistent/nosuch.txt");
  assert_int_equal(err.line, 0);
  ty_doc_free(d);
}

static void test_read_nul_bytes_are_binary(void **state) {
  ty_error err = {0};
  assert_null(READ("text\0with a NUL\n", TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_string_equal(err.message, "binary file, not text");
  assert_null(READ("text\0with a NUL\n", TY_ENC_UTF8, &err));
  assert_string_equal(err.message, "binary file, not text");
}

static void test_read_control_bytes_are_binary(void **state) {
  ty_error err = {0};
  assert_null(READ("\x01\x02\x03\x04\x05\x06\x07\x08 abc\x0e\x0f\x10\x11",
                   TY_ENC_AUTO, &err));
  assert_string_equal(err.message, "binary file, not text");
}

static void test_read_executable_is_binary(void **state) {
  size_t n;
  char *p = slurp("/bin/sh", &n);
  ty_error err = {0};
  assert_null(read_bytes(p, n < 3000 ? n : 3000, TY_ENC_AUTO, &err));
  assert_string_equal(err.message, "binary file, not text");
  free(p);
}

/* A pipe cannot be mapped: its bytes are read, and kept when clean. */
static void test_read_pipe(void **state) {
  static const char *const inputs[] = {"1 一\n2 二\n", "1 一\r\n2 二\r\n"};
  for (int i = 0; i < 2; i++) {
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    size_t n = strlen(inputs[i]);
    assert_int_equal(write(fds[1], inputs[i], n), (ssize_t)n);
    close(fds[1]);
    char path[32];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    ty_doc *d = ty_doc_new(path, TY_JA);
    ty_error err = {0};
    assert_int_equal(ty_read_text(d, path, NULL, &err), 0);
    close(fds[0]);
    assert_text(d, "1 一\n2 二\n");
    assert_ptr_equal(d->text, d->owned);
    ty_doc_free(d);
  }
}

static void test_read_buffer_copies(void **state) {
  static const char text[] = "1 one\n2 two\n";
  ty_doc *d = ty_doc_new("mem", TY_EN);
  ty_error err = {0};
  assert_int_equal(ty_read_buffer(d, text, sizeof text - 1, NULL, &err), 0);
  assert_text(d, text);
  assert_ptr_not_equal(d->text, text);
  assert_non_null(d->owned);
  ty_doc_free(d);

  d = ty_doc_new("mem", TY_EN);
  assert_int_equal(ty_read_buffer(d, "bad\n\xFF", 5, NULL, &err), -1);
  assert_string_equal(err.file, "mem");
  assert_int_equal(err.line, 2);
  ty_doc_free(d);
}

/* ---- other encodings ------------------------------------------------ */

/* Reads fixture `name` with `enc` and expects the bytes of `utf8`. */
static void read_fixture_as(const char *name, ty_encoding enc,
                            const char *utf8) {
  size_t want_n;
  char *want = slurp(fixture(utf8), &want_n);
  ty_doc *d = ty_doc_new(name, TY_JA);
  ty_error err = {0};
  ty_read_options o = {.encoding = enc};
  int rc = ty_read_text(d, fixture(name), &o, &err);
  if (rc != 0)
    fail_msg("%s: %s (%d:%d)", name, err.message, err.line, err.column);
  assert_int_equal(d->len, want_n);
  assert_memory_equal(d->text, want, want_n);
  ty_doc_free(d);
  free(want);
}

static void test_read_shift_jis_detected(void **state) {
  read_fixture_as("seed-jis.sjis.txt", TY_ENC_AUTO, "seed-jis.utf8.txt");
  read_fixture_as("seed-jis.sjis.txt", TY_ENC_SHIFT_JIS, "seed-jis.utf8.txt");
}

static void test_read_euc_jp_detected(void **state) {
  read_fixture_as("seed-jis.eucjp.txt", TY_ENC_AUTO, "seed-jis.utf8.txt");
  read_fixture_as("seed-jis.eucjp.txt", TY_ENC_EUC_JP, "seed-jis.utf8.txt");
}

static void test_read_iso2022jp_detected(void **state) {
  read_fixture_as("seed-jis.iso2022jp.txt", TY_ENC_AUTO, "seed-jis.utf8.txt");
  read_fixture_as("seed-jis.iso2022jp.txt", TY_ENC_ISO2022JP,
                  "seed-jis.utf8.txt");
}

static void test_read_utf16(void **state) {
  read_fixture_as("seed.utf16le-bom.txt", TY_ENC_AUTO, "seed.utf8.txt");
  read_fixture_as("seed.utf16be-bom.txt", TY_ENC_AUTO, "seed.utf8.txt");
  read_fixture_as("seed.utf16le.txt", TY_ENC_AUTO, "seed.utf8.txt");
  read_fixture_as("seed.utf16le.txt", TY_ENC_UTF16, "seed.utf8.txt");
  read_fixture_as("seed.utf16be-bom.txt", TY_ENC_UTF16, "seed.utf8.txt");
}

static void test_read_utf16_crlf_cleaned(void **state) {
  ty_error err = {0};
  ty_doc *d = READ("\xFF\xFE"
                   "1\0 \0\x2C\x67\r\0\n\0"
                   "2\0\r\0",
                   TY_ENC_AUTO, &err);
  assert_non_null(d);
  assert_text(d, "1 本\n2\n");
  ty_doc_free(d);
}

static void test_read_utf16_odd_length_is_refused(void **state) {
  ty_error err = {0};
  assert_null(READ("\xFF\xFE"
                   "a\0b\0\n\0c",
                   TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_string_equal(err.message, "invalid UTF-16");
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 1);
}

static void test_read_wrong_explicit_encoding(void **state) {
  size_t n;
  char *sjis = slurp(fixture("seed-jis.sjis.txt"), &n);
  ty_error err = {0};
  assert_null(read_bytes(sjis, n, TY_ENC_UTF8, &err));
  assert_int_equal(strncmp(err.message, "invalid UTF-8 (byte", 19), 0);
  assert_int_equal(err.line, 3); /* the first line with Japanese */
  assert_int_equal(err.column, 1);
  assert_null(read_bytes(sjis, n, TY_ENC_ISO2022JP, &err));
  assert_string_equal(err.message, "invalid ISO-2022-JP");
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 1);
  free(sjis);
}

static void test_read_explicit_encoding_error_position(void **state) {
  /* "1 日本\n2 " then a lead byte followed by an illegal trail byte */
  ty_error err = {0};
  assert_null(
      READ("1 \x93\xfa\x96\x7b\n2 \x93\xfa\x81\x01", TY_ENC_SHIFT_JIS, &err));
  assert_string_equal(err.message, "invalid Shift_JIS");
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 4);
}

static void test_read_broken_shift_jis_is_refused(void **state) {
  /* plainly Shift_JIS, then a byte Shift_JIS cannot hold: no mojibake */
  size_t n;
  char *sjis = slurp(fixture("seed-jis.sjis.txt"), &n);
  sjis[n - 2] = (char)0xFF;
  ty_error err = {0};
  assert_null(read_bytes(sjis, n, TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_non_null(strstr(err.message, "the encoding cannot be decided (best "
                                      "guesses: Shift_JIS 100%"));
  assert_true(err.line > 0 && err.column > 0);
  assert_non_null(strstr(err.message, "not Shift_JIS at line"));
  assert_non_null(strstr(err.message, "; use --encoding"));
  free(sjis);
}

static void test_read_undecidable_bytes_are_refused(void **state) {
  ty_error err = {0};
  /* "1 東京" in Shift_JIS: too little to tell, so no guess is acted on */
  assert_null(READ("1 \x93\x8c\x8b\x9e\n", TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_non_null(strstr(err.message, "; the encoding cannot be decided "
                                      "(best guesses: "));
  /* the first byte that is not UTF-8, whatever the detector concluded */
  assert_int_equal(strncmp(err.message, "invalid UTF-8 (byte 93:", 23), 0);
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 3);
  assert_null(READ("ab \xA4\xA4 cd \xE9\xE9\xE9 ef \xF5\n", TY_ENC_AUTO, &err));
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_int_equal(strncmp(err.message, "invalid UTF-8 (byte A4:", 23), 0);
  assert_int_equal(err.line, 1);
  assert_int_equal(err.column, 4);
  assert_non_null(strstr(err.message, "; use --encoding"));
}

/* ---- YAML clause files ---------------------------------------------- */

static ty_doc *parse_yaml(const char *text, ty_error *err) {
  return ty_doc_parse(text, strlen(text), "clauses.yaml", TY_JA, err);
}

static const char nested_yaml[] = "title: 日米サイバー対話\n"
                                  "clauses:\n"
                                  "  - text: 共同プレスリリース（仮訳）\n"
                                  "  - id: 第十条の二\n"
                                  "    text: 日本語の本文\n"
                                  "    clauses:\n"
                                  "      - id: \"(1)\"\n"
                                  "        text: \"引用\\nされた\"\n"
                                  "      - id: (2)\n"
                                  "        text: |\n"
                                  "          literal\n"
                                  "          block\n"
                                  "        clauses:\n"
                                  "          - {id: c., text: 三番目}\n"
                                  "  - id: 4.9.1\n"
                                  "    text: dotted   \n"
                                  "  - id: \"7\"\n"
                                  "    clauses:\n"
                                  "      - id: 4.9.2\n"
                                  "      - text: unnumbered\n"
                                  "        clauses:\n"
                                  "          - id: a)\n";

static int in_text(const ty_doc *d, const char *p) {
  return p >= d->text && p < d->text + d->len;
}

static void test_read_yaml_nesting_and_keys(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml(nested_yaml, &err);
  if (!d) fail_msg("%d:%d: %s", err.line, err.column, err.message);
  static const char *const keys[] = {"front-1",  "10-2",  "10-2.1", "10-2.2",
                                     "10-2.2.3", "4.9.1", "7",      "4.9.2",
                                     "front-2",  "7.1"};
  static const int parents[] = {-1, -1, 1, 1, 3, -1, -1, 6, 6, 8};
  static const int depths[] = {0, 1, 2, 2, 3, 1, 1, 2, 0, 3};
  assert_int_equal(d->ncl, 10);
  for (size_t i = 0; i < 10; i++) {
    assert_string_equal(d->cl[i].key, keys[i]);
    assert_int_equal(d->cl[i].parent, parents[i]);
    assert_int_equal(d->cl[i].depth, depths[i]);
  }
  const ty_clause *c = &d->cl[1];
  assert_int_equal(c->kind, TY_K_JA_ARTICLE);
  assert_int_equal(c->ordinal, 10);
  assert_int_equal(c->branch, 2);
  assert_int_equal(c->label_len, strlen("第十条の二"));
  assert_memory_equal(c->label, "第十条の二", c->label_len);
  assert_true(in_text(d, c->label));
  assert_true(in_text(d, c->text));
  assert_int_equal(c->text_len, strlen("日本語の本文"));
  assert_int_equal(d->cl[0].flags & TY_CL_FRONT, TY_CL_FRONT);
  assert_null(d->cl[0].label);
  assert_int_equal(d->cl[1].flags & TY_CL_FRONT, 0);
  /* quoted without escapes: a view past the quote; escaped: a copy */
  assert_true(in_text(d, d->cl[2].label));
  assert_int_equal(d->cl[2].label_len, 3);
  assert_memory_equal(d->cl[2].label, "(1)", 3);
  assert_false(in_text(d, d->cl[2].text));
  assert_int_equal(d->cl[2].text_len, strlen("引用\nされた"));
  assert_memory_equal(d->cl[2].text, "引用\nされた", d->cl[2].text_len);
  /* a literal block, its final newline trimmed; trailing blanks trimmed */
  assert_int_equal(d->cl[3].text_len, strlen("literal\nblock"));
  assert_memory_equal(d->cl[3].text, "literal\nblock", d->cl[3].text_len);
  assert_int_equal(d->cl[5].text_len, 6);
  assert_int_equal(d->cl[4].kind, TY_K_LATIN_LOWER);
  assert_int_equal(d->cl[4].ordinal, 3);
  assert_int_equal(d->cl[5].kind, TY_K_DOTTED);
  ty_doc_free(d);
}

/* Keys follow the outline's convention for documents with dotted
 * sections: items below a section in parentheses, lettered sections. */
static void test_read_yaml_dotted_document_keys(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml(
      "clauses:\n"
      "  - id: \"1.\"\n"
      "    text: intro\n"
      "    clauses:\n"
      "      - {id: 1.1, text: sub, clauses: [{id: (a), text: item}]}\n"
      "      - {id: (1), text: para}\n"
      "  - id: A.\n"
      "    clauses:\n"
      "      - {id: A.1, text: appendix}\n",
      &err);
  if (!d) fail_msg("%d:%d: %s", err.line, err.column, err.message);
  static const char *const keys[] = {"1", "1.1", "1.1(1)", "1(1)", "A", "A.1"};
  assert_int_equal(d->ncl, 6);
  for (size_t i = 0; i < 6; i++)
    assert_string_equal(d->cl[i].key, keys[i]);
  ty_doc_free(d);
}

static void test_read_yaml_positions(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml(nested_yaml, &err);
  assert_non_null(d);
  assert_int_equal(d->cl[0].line, 3);
  assert_int_equal(d->cl[0].col, 5);
  assert_int_equal(d->cl[1].line, 4);
  assert_int_equal(d->cl[1].col, 5);
  assert_int_equal(d->cl[3].line, 9);
  assert_int_equal(d->cl[3].end_line, 12);
  assert_int_equal(d->cl[4].line, 14);
  assert_int_equal(d->cl[4].col, 13); /* the flow mapping's brace */
  ty_doc_free(d);
}

static void test_read_yaml_duplicate_is_a_finding(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml("clauses:\n  - {id: \"1\", text: a}\n"
                         "  - {id: (1), text: b}\n",
                         &err);
  assert_non_null(d);
  assert_int_equal(d->findings.n, 1);
  assert_int_equal(d->findings.v[0].code, TY_DUPLICATE_NUMBER);
  assert_string_equal(d->findings.v[0].key, "1");
  assert_int_equal(d->findings.v[0].ja_line, 3);
  ty_doc_free(d);
}

static void test_read_yaml_scalar_alias(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml("common: &t shared text\n"
                         "clauses:\n  - {id: \"1\", text: *t}\n",
                         &err);
  assert_non_null(d);
  assert_int_equal(d->cl[0].text_len, strlen("shared text"));
  assert_memory_equal(d->cl[0].text, "shared text", d->cl[0].text_len);
  ty_doc_free(d);
}

/* Parsing `text` fails at line:col with a message starting `msg`. */
static void yaml_fails(const char *text, int line, int col, const char *msg) {
  ty_error err = {0};
  ty_doc *d = parse_yaml(text, &err);
  if (d) fail_msg("parsed: %s", text);
  assert_int_equal(err.code, TY_ERR_SYNTAX);
  assert_string_equal(err.file, "clauses.yaml");
  if (strncmp(err.message, msg, strlen(msg)) != 0)
    fail_msg("'%s' does not start with '%s'", err.message, msg);
  assert_int_equal(err.line, line);
  assert_int_equal(err.column, col);
}

static void test_read_yaml_errors(void **state) {
  yaml_fails("clauses:\n  - id: 1\n   text: x\n", 3, 4,
             "did not find expected '-' indicator");
  yaml_fails("clauses:\n  - id: \"1\n", 3, 1, "found unexpected end of stream");
  yaml_fails("clauses:\n  - just a string\n", 2, 5,
             "a clause must be a mapping");
  yaml_fails("clauses:\n  - id: 1\n    txt: x\n", 3, 5, "unknown key 'txt'");
  yaml_fails("clauses:\n  - id: [1]\n", 2, 9, "id must be a string");
  yaml_fails("clauses: {id: 1}\n", 1, 10, "clauses must be a list");
  yaml_fails("- 1\n- 2\n", 1, 1, "a clause file must be a mapping");
  yaml_fails("title: x\n", 1, 1, "a clause file must be a mapping");
  yaml_fails("clauses: []\n---\nclauses: []\n", 2, 1,
             "a clause file holds one");
}

/* Issue 12: a key written twice in a clause file is an error naming both
 * places (libyaml lets the last win silently). */
static void test_read_yaml_duplicate_keys_name_both_positions(void **state) {
  yaml_fails("clauses:\n  - id: \"1\"\n    text: a\n    id: \"2\"\n", 4, 5,
             "duplicate key 'id' (first at 2:5)");
  yaml_fails("clauses:\n  - id: \"1\"\n    clauses: []\n    text: a\n"
             "    clauses: []\n",
             5, 5, "duplicate key 'clauses' (first at 3:5)");
  yaml_fails("title: x\nclauses:\n  - id: \"1\"\ntitle: y\n", 4, 1,
             "duplicate key 'title' (first at 1:1)");
  yaml_fails("clauses:\n  - id: \"1\"\nclauses: []\n", 3, 1,
             "duplicate key 'clauses' (first at 1:1)");
}

/* A control character, which libyaml's reader reports without a line. */
static void test_read_yaml_control_character_position(void **state) {
  yaml_fails("clauses:\n  - id: \"1\"\n    text: a\x01b\n", 3, 12,
             "control characters are not allowed");
}

static void test_read_yaml_bombs_refused(void **state) {
  yaml_fails("a: &a [x, x]\nb: &b [*a, *a]\nclauses: [*b, *b]\n", 3, 11,
             "a clause must be a mapping");
  ty_buf b = {0};
  ty_buf_puts(&b, "x: &a v\nclauses:\n");
  for (int i = 0; i < 101; i++)
    ty_buf_puts(&b, "  - {text: *a}\n");
  yaml_fails(b.p, 103, 12, "more than 100 aliases");
  ty_buf_clear(&b);
  ty_buf_puts(&b, "clauses:\n");
  for (int i = 0; i < 40; i++)
    ty_buf_printf(&b, "%*s- id: \"1\"\n%*s  clauses:\n", 2 * i + 2, "",
                  2 * i + 2, "");
  ty_error err = {0};
  assert_null(parse_yaml(b.p, &err));
  assert_string_equal(err.message, "clauses nested more than 32 deep");
  ty_buf_free(&b);
}

static void test_read_yaml_empty_file(void **state) {
  ty_error err = {0};
  ty_doc *d = parse_yaml("", &err);
  assert_non_null(d);
  assert_int_equal(d->ncl, 0);
  ty_doc_free(d);
  d = parse_yaml("clauses:\n", &err);
  assert_non_null(d);
  assert_int_equal(d->ncl, 0);
  ty_doc_free(d);
}

/* The two documents of a pair read at once (the Japanese on a second
 * thread) are those two ty_doc_read calls give. */
static void test_read_pair_same_as_two_reads(void **state) {
  (void)state;
  static const char ja_text[] = "1 第一\n2 第二\n\n3 第三\n";
  static const char en_text[] = "1 One\n2 Two\n\n3 Three\n";
  char ja_path[64], en_path[64];
  strcpy(ja_path, temp_file(ja_text, sizeof ja_text - 1));
  strcpy(en_path, temp_file(en_text, sizeof en_text - 1));
  ty_error err = {0};
  ty_doc *ja, *en;
  assert_int_equal(ty_doc_read_pair(ja_path, en_path, NULL, &ja, &en, &err), 0);
  ty_doc *ja1 = ty_doc_read(ja_path, TY_JA, NULL, &err);
  ty_doc *en1 = ty_doc_read(en_path, TY_EN, NULL, &err);
  assert_non_null(ja1);
  assert_non_null(en1);
  const ty_doc *got[2] = {ja, en}, *want[2] = {ja1, en1};
  for (int s = 0; s < 2; s++) {
    assert_int_equal(got[s]->lang, want[s]->lang);
    assert_int_equal(got[s]->ncl, want[s]->ncl);
    for (size_t i = 0; i < got[s]->ncl; i++) {
      assert_string_equal(got[s]->cl[i].key, want[s]->cl[i].key);
      assert_int_equal(got[s]->cl[i].text_len, want[s]->cl[i].text_len);
      assert_memory_equal(got[s]->cl[i].text, want[s]->cl[i].text,
                          got[s]->cl[i].text_len);
    }
  }
  ty_doc_free(ja);
  ty_doc_free(en);
  ty_doc_free(ja1);
  ty_doc_free(en1);
  unlink(ja_path);
  unlink(en_path);
}

/* The error of a pair is the one reading ja, then en, stops at: the
 * Japanese side's when both fail; no document is left. */
static void test_read_pair_error_is_the_first_failing_side(void **state) {
  (void)state;
  static const char text[] = "1 x\n";
  char ok_path[64];
  strcpy(ok_path, temp_file(text, sizeof text - 1));
  ty_error err = {0};
  ty_doc *ja = (ty_doc *)1, *en = (ty_doc *)1;
  assert_int_equal(ty_doc_read_pair("/nonexistent/ja.txt",
                                    "/nonexistent/en.txt", NULL, &ja, &en,
                                    &err),
                   -1);
  assert_string_equal(err.file, "/nonexistent/ja.txt");
  assert_null(ja);
  assert_null(en);
  memset(&err, 0, sizeof err);
  assert_int_equal(
      ty_doc_read_pair(ok_path, "/nonexistent/en.txt", NULL, &ja, &en, &err),
      -1);
  assert_string_equal(err.file, "/nonexistent/en.txt");
  assert_null(ja);
  assert_null(en);
  unlink(ok_path);
}

/* The count of characters other than blanks, sixteen bytes a step with
 * 255 steps to a tally, is the byte-wise count at every length and offset
 * (ASCII, blanks, kana, a four-byte sequence, stray continuation bytes). */
static void test_read_utf8_count_nonblank_as_bytewise(void **state) {
  (void)state;
  static const char *const pieces[] = {
      "a",    " ",       "\t", "\n", "\xE3\x81\x82", "\xF0\xA0\x80\x8B",
      "\x80", "\xC3\xA9"};
  size_t cap = 16 * 600;
  char *buf = malloc(cap);
  assert_non_null(buf);
  srand(7);
  for (size_t n = 0; n < cap - 4; n += n < 64 ? 1 : 97) {
    size_t k = 0;
    while (k < n) {
      const char *p = pieces[rand() % (sizeof pieces / sizeof *pieces)];
      size_t len = strlen(p);
      memcpy(buf + k, p, len < n - k ? len : n - k);
      k += len;
    }
    for (size_t off = 0; off < 3 && off <= n; off++) {
      size_t want = 0;
      for (size_t i = off; i < n; i++) {
        unsigned char c = (unsigned char)buf[i];
        want += c != ' ' && c != '\t' && c != '\n' && (c & 0xC0) != 0x80;
      }
      assert_int_equal(ty_utf8_count_nonblank(buf + off, n - off), want);
    }
  }
  free(buf);
}

/* The validator takes runs of kana and kanji fifteen bytes a step: a bad
 * sequence at any place of such a run is found where it starts, and the
 * leads with a restricted second byte (E0, ED) are told apart. */
static void test_read_utf8_validate_in_runs_of_kana(void **state) {
  (void)state;
  static const char *const bad[] = {
      "\xED\xA0\x80", /* a surrogate */
      "\xE0\x80\x80", /* an overlong form */
      "\xE3\x81"
      "A",            /* cut short */
      "\xE3\xC1\x82", /* a lead where a continuation byte belongs */
  };
  static const char *const good[] = {"\xE0\xA0\x80", "\xED\x9F\xBF",
                                     "\xEF\xBC\x91"};
  char buf[128];
  for (int k = 0; k < 24; k++) {
    for (size_t b = 0; b < sizeof bad / sizeof *bad; b++) {
      size_t n = 0;
      for (int i = 0; i < 30; i++) {
        const char *c = i == k ? bad[b] : "\xE3\x81\x82"; /* あ */
        memcpy(buf + n, c, 3);
        n += 3;
      }
      assert_int_equal(ty_utf8_validate(buf, n), (size_t)(3 * k));
    }
    for (size_t g = 0; g < sizeof good / sizeof *good; g++) {
      size_t n = 0;
      for (int i = 0; i < 30; i++) {
        memcpy(buf + n, i == k ? good[g] : "\xE6\xBC\xA2", 3); /* 漢 */
        n += 3;
      }
      assert_int_equal(ty_utf8_validate(buf, n), n);
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_read_clean_utf8_is_used_as_read),
      cmocka_unit_test(test_read_bom_is_stripped),
      cmocka_unit_test(test_read_crlf_and_cr_become_lf),
      cmocka_unit_test(test_read_invalid_utf8_line_col),
      cmocka_unit_test(test_read_invalid_utf8_column_counts_characters),
      cmocka_unit_test(test_read_invalid_utf8_after_bom_and_crlf),
      cmocka_unit_test(test_read_truncated_sequence_at_eof),
      cmocka_unit_test(test_read_overlong_and_surrogate_are_invalid),
      cmocka_unit_test(test_read_auto_detected_errors_have_a_position),
      cmocka_unit_test(test_read_empty_file),
      cmocka_unit_test(test_read_directory),
      cmocka_unit_test(test_read_missing_file),
      cmocka_unit_test(test_read_nul_bytes_are_binary),
      cmocka_unit_test(test_read_control_bytes_are_binary),
      cmocka_unit_test(test_read_executable_is_binary),
      cmocka_unit_test(test_read_pipe),
      cmocka_unit_test(test_read_buffer_copies),
      cmocka_unit_test(test_read_shift_jis_detected),
      cmocka_unit_test(test_read_euc_jp_detected),
      cmocka_unit_test(test_read_iso2022jp_detected),
      cmocka_unit_test(test_read_utf16),
      cmocka_unit_test(test_read_utf16_crlf_cleaned),
      cmocka_unit_test(test_read_utf16_odd_length_is_refused),
      cmocka_unit_test(test_read_wrong_explicit_encoding),
      cmocka_unit_test(test_read_explicit_encoding_error_position),
      cmocka_unit_test(test_read_broken_shift_jis_is_refused),
      cmocka_unit_test(test_read_undecidable_bytes_are_refused),
      cmocka_unit_test(test_read_yaml_nesting_and_keys),
      cmocka_unit_test(test_read_yaml_dotted_document_keys),
      cmocka_unit_test(test_read_yaml_positions),
      cmocka_unit_test(test_read_yaml_duplicate_is_a_finding),
      cmocka_unit_test(test_read_yaml_scalar_alias),
      cmocka_unit_test(test_read_yaml_errors),
      cmocka_unit_test(test_read_yaml_bombs_refused),
      cmocka_unit_test(test_read_yaml_duplicate_keys_name_both_positions),
      cmocka_unit_test(test_read_yaml_control_character_position),
      cmocka_unit_test(test_read_yaml_empty_file),
      cmocka_unit_test(test_read_utf8_validate_in_runs_of_kana),
      cmocka_unit_test(test_read_utf8_count_nonblank_as_bytewise),
      cmocka_unit_test(test_read_pair_same_as_two_reads),
      cmocka_unit_test(test_read_pair_error_is_the_first_failing_side),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
