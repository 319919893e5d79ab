/* test_config.c — finding-code names, default severities, taiyaku.yaml. */
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

/* Loads `yaml` (written to a temporary file) into cfg. */
static int load(ty_config *cfg, const char *yaml, ty_error *err) {
  char path[] = "/tmp/test_config-XXXXXX";
  int fd = mkstemp(path);
  assert_true(fd >= 0);
  size_t n = strlen(yaml);
  assert_int_equal(write(fd, yaml, n), (ssize_t)n);
  close(fd);
  int rc = ty_config_load(cfg, path, err);
  unlink(path);
  return rc;
}

static void test_config_code_names_round_trip(void **state) {
  static const char *const names[TY_CODE_COUNT] = {
      "missing-en",       "missing-ja",
      "duplicate-number", "empty",
      "untranslated",     "numbering-gap",
      "numbering-order",  "number-mismatch",
      "token-mismatch",   "sentence-unpaired",
      "length-ratio",     "glossary",
      "renumbered",       "style-mismatch",
      "suspicious-char",  "punctuation",
      "revisions",        "marked-language"};
  for (int i = 0; i < TY_CODE_COUNT; i++) {
    assert_string_equal(ty_code_name((ty_code)i), names[i]);
    assert_int_equal(ty_code_from_name(names[i]), i);
  }
  assert_null(ty_code_name(TY_CODE_COUNT));
  assert_int_equal(ty_code_from_name("no-such-code"), -1);
  assert_int_equal(ty_code_from_name(""), -1);
  assert_int_equal(ty_code_from_name(NULL), -1);
}

static void test_config_default_severities(void **state) {
  for (int i = 0; i < TY_CODE_COUNT; i++) {
    ty_severity want = i <= TY_UNTRANSLATED ? TY_SEV_ERROR
                       : i <= TY_RENUMBERED ? TY_SEV_WARNING
                                            : TY_SEV_INFO;
    assert_int_equal(ty_code_default_severity((ty_code)i), want);
  }
  assert_string_equal(ty_severity_name(TY_SEV_ERROR), "error");
  assert_string_equal(ty_severity_name(TY_SEV_WARNING), "warning");
  assert_string_equal(ty_severity_name(TY_SEV_INFO), "info");
  assert_string_equal(ty_severity_name(TY_SEV_OFF), "off");
  ty_config *cfg = ty_config_new();
  assert_int_equal(cfg->checks, 1);
  assert_int_equal(cfg->ngloss, 0);
  for (int i = 0; i < TY_CODE_COUNT; i++)
    assert_int_equal(cfg->sev[i], ty_code_default_severity((ty_code)i));
  ty_config_set_severity(cfg, TY_GLOSSARY, TY_SEV_OFF);
  assert_int_equal(cfg->sev[TY_GLOSSARY], TY_SEV_OFF);
  ty_config_free(cfg);
}

static void test_config_severity_and_glossary(void **state) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  int rc =
      load(cfg,
           "severity:            # change a check's severity or turn it off\n"
           "  length-ratio: info\n"
           "  punctuation: off\n"
           "  missing-ja: warning\n"
           "glossary:\n"
           "  - ja: 内閣サイバーセキュリティセンター\n"
           "    en: [NISC, National center of Incident readiness and "
           "Strategy for Cybersecurity]\n"
           "  - {ja: 国土安全保障省, en: Department of Homeland Security}\n",
           &err);
  if (rc) fail_msg("%d:%d: %s", err.line, err.column, err.message);
  assert_int_equal(cfg->sev[TY_LENGTH_RATIO], TY_SEV_INFO);
  assert_int_equal(cfg->sev[TY_PUNCTUATION], TY_SEV_OFF);
  assert_int_equal(cfg->sev[TY_MISSING_JA], TY_SEV_WARNING);
  assert_int_equal(cfg->sev[TY_MISSING_EN], TY_SEV_ERROR);
  assert_int_equal(cfg->ngloss, 2);
  assert_string_equal(cfg->gloss[0].ja, "内閣サイバーセキュリティセンター");
  assert_int_equal(cfg->gloss[0].nen, 2);
  assert_string_equal(cfg->gloss[0].en[0], "NISC");
  assert_string_equal(cfg->gloss[0].en[1],
                      "National center of Incident readiness and Strategy for "
                      "Cybersecurity");
  assert_string_equal(cfg->gloss[1].ja, "国土安全保障省");
  assert_int_equal(cfg->gloss[1].nen, 1);
  assert_string_equal(cfg->gloss[1].en[0], "Department of Homeland Security");
  ty_config_free(cfg);
}

static void test_config_many_entries_and_two_loads(void **state) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  ty_buf b = {0};
  ty_buf_puts(&b, "glossary:\n");
  for (int i = 0; i < 40; i++)
    ty_buf_printf(&b, "  - {ja: 語%d, en: word%d}\n", i, i);
  assert_int_equal(load(cfg, b.p, &err), 0);
  assert_int_equal(load(cfg, "glossary:\n  - {ja: 追加, en: extra}\n", &err),
                   0);
  assert_int_equal(cfg->ngloss, 41);
  for (int i = 0; i < 40; i++) {
    char want[16];
    snprintf(want, sizeof want, "word%d", i);
    assert_string_equal(cfg->gloss[i].en[0], want);
  }
  assert_string_equal(cfg->gloss[40].ja, "追加");
  ty_buf_free(&b);
  ty_config_free(cfg);
}

static void test_config_empty_file_and_empty_sections(void **state) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  assert_int_equal(load(cfg, "", &err), 0);
  assert_int_equal(load(cfg, "# nothing\n", &err), 0);
  assert_int_equal(load(cfg, "severity:\nglossary:\n", &err), 0);
  assert_int_equal(cfg->ngloss, 0);
  assert_int_equal(cfg->sev[TY_EMPTY], TY_SEV_ERROR);
  ty_config_free(cfg);
}

/* Loading `yaml` fails at line:col with a message starting `msg`, and
 * leaves the configuration as it was. */
static void fails(const char *yaml, int line, int col, const char *msg) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  assert_int_equal(load(cfg, yaml, &err), -1);
  assert_int_equal(err.code, TY_ERR_SYNTAX);
  if (strncmp(err.message, msg, strlen(msg)) != 0)
    fail_msg("'%s' does not start with '%s'", err.message, msg);
  if (err.line != line || err.column != col)
    fail_msg("%s: at %d:%d, not %d:%d", err.message, err.line, err.column, line,
             col);
  assert_int_equal(strncmp(err.file, "/tmp/test_config-", 17), 0);
  for (int i = 0; i < TY_CODE_COUNT; i++)
    assert_int_equal(cfg->sev[i], ty_code_default_severity((ty_code)i));
  assert_int_equal(cfg->ngloss, 0);
  ty_config_free(cfg);
}

static void test_config_errors(void **state) {
  fails("severity:\n  length-ratio: info\n  no-such-check: off\n", 3, 3,
        "unknown finding code 'no-such-check'");
  fails("severity:\n  punctuation: sometimes\n", 2, 16,
        "unknown severity 'sometimes'");
  fails("severity:\n  punctuation: [off]\n", 2, 16, "a severity is one word");
  fails("severity: off\n", 1, 11, "severity must map finding codes");
  fails("checks: none\n", 1, 1, "unknown key 'checks'");
  fails("glossary:\n  - {ja: 省, en: Ministry}\n  - {ja: 庁}\n", 3, 5,
        "glossary: an entry needs en");
  fails("glossary:\n  - {en: Agency}\n", 2, 5, "glossary: an entry needs ja");
  fails("glossary:\n  - {ja: 省, en: Ministry, fr: Ministère}\n", 2, 27,
        "glossary: unknown key 'fr'");
  fails("glossary:\n  - {ja: \"\", en: x}\n", 2, 10,
        "glossary: ja needs a non-empty string");
  fails("glossary:\n  - 省\n", 2, 5, "glossary: each entry must be a mapping");
  fails("glossary: {ja: 省}\n", 1, 11, "glossary must be a list");
  fails("severity:\n  empty: info\n  - bad\n", 3, 3,
        "did not find expected key while parsing a block mapping");
  fails("severity:\n  empty: &x info\n  glossary: *x\n", 3, 13,
        "aliases are not supported");
  fails("- severity\n", 1, 1, "the configuration must be a mapping");
  fails("severity: {}\n---\nseverity: {}\n", 2, 1,
        "the configuration holds more than one document");
}

static void test_config_missing_file(void **state) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  assert_int_equal(ty_config_load(cfg, "/nonexistent/taiyaku.yaml", &err), -1);
  assert_int_equal(err.code, TY_ERR_IO);
  assert_string_equal(err.message, "No such file or directory");
  assert_string_equal(err.file, "/nonexistent/taiyaku.yaml");
  ty_config_free(cfg);
}

/* Issue 12: libyaml's reader gives bad bytes no line; ours is theirs. */
static void test_config_invalid_utf8_at_its_position(void **state) {
  ty_config *cfg = ty_config_new();
  ty_error err = {0};
  assert_int_equal(load(cfg, "severity:\n  length\xE9: info\n", &err), -1);
  assert_int_equal(err.code, TY_ERR_ENCODING);
  assert_string_equal(err.message, "invalid UTF-8");
  assert_int_equal(err.line, 2);
  assert_int_equal(err.column, 9);
  assert_int_equal(load(cfg, "glossary:\n  - ja: 日本\n    en: a\x01\n", &err),
                   -1);
  assert_string_equal(err.message, "control characters are not allowed");
  assert_int_equal(err.line, 3);
  assert_int_equal(err.column, 10);
  ty_config_free(cfg);
}

/* Issue 12: a key written twice is an error naming both places, at every
 * level (libyaml would let the last one win silently). */
static void test_config_duplicate_keys_name_both_positions(void **state) {
  static const struct {
    const char *yaml, *message;
    int line, column;
  } cases[] = {
      {"severity:\n  length-ratio: info\n  length-ratio: off\n",
       "duplicate key 'length-ratio' (first at 2:3)", 3, 3},
      {"severity: {}\nglossary: []\nseverity:\n",
       "duplicate key 'severity' (first at 1:1)", 3, 1},
      {"glossary:\n  - ja: 法律\n    en: law\n    ja: 法\n",
       "duplicate key 'ja' (first at 2:5)", 4, 5},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ty_config *cfg = ty_config_new();
    ty_error err = {0};
    assert_int_equal(load(cfg, cases[i].yaml, &err), -1);
    assert_string_equal(err.message, cases[i].message);
    assert_int_equal(err.line, cases[i].line);
    assert_int_equal(err.column, cases[i].column);
    /* and the configuration is left as it was */
    assert_int_equal(cfg->sev[TY_LENGTH_RATIO], TY_SEV_WARNING);
    ty_config_free(cfg);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_config_code_names_round_trip),
      cmocka_unit_test(test_config_default_severities),
      cmocka_unit_test(test_config_severity_and_glossary),
      cmocka_unit_test(test_config_many_entries_and_two_loads),
      cmocka_unit_test(test_config_empty_file_and_empty_sections),
      cmocka_unit_test(test_config_errors),
      cmocka_unit_test(test_config_missing_file),
      cmocka_unit_test(test_config_invalid_utf8_at_its_position),
      cmocka_unit_test(test_config_duplicate_keys_name_both_positions),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
