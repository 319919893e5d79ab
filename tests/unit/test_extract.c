/* test_extract.c — the number and token extractors, table-driven.
 *
 * A case gives a text and the numbers expected from it, written as the
 * value followed by its kind (y year, m month, d day, o ordinal, %
 * percent, nothing for plain), '?' when optional and 'r' when a section
 * reference; "any" is an implicit year (本年, this year).  "" expects no
 * number at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

static ty_extractor *X;

static int setup(void **state) {
  (void)state;
  X = ty_extractor_new();
  return 0;
}

static int teardown(void **state) {
  (void)state;
  ty_extractor_free(X);
  return 0;
}

/* The numbers of `text` in the notation above. */
static void describe(ty_lang lang, const char *text, char *out, size_t cap) {
  ty_buf norm = {0};
  ty_numbers l = {0};
  ty_nfkc(X, text, strlen(text), &norm);
  ty_extract_numbers(X, norm.p, norm.n, lang, &l);
  size_t k = 0;
  out[0] = '\0';
  for (size_t i = 0; i < l.n; i++) {
    const ty_number *e = &l.v[i];
    char v[64];
    if (e->flags & TY_NUM_ANY)
      snprintf(v, sizeof v, "any");
    else if (e->value == (double)(long long)e->value)
      snprintf(v, sizeof v, "%lld", (long long)e->value);
    else
      snprintf(v, sizeof v, "%g", e->value);
    static const char *const kinds[] = {"", "y", "m", "d", "o", "%"};
    k += (size_t)snprintf(
        out + k, cap - k, "%s%s%s%s%s", i ? " " : "", v,
        (e->flags & TY_NUM_ANY) ? "" : kinds[e->kind],
        (e->flags & TY_NUM_OPTIONAL) && !(e->flags & TY_NUM_ANY) ? "?" : "",
        (e->flags & TY_NUM_REF) ? "r" : "");
  }
  ty_numbers_free(&l);
  ty_buf_free(&norm);
}

typedef struct num_case {
  const char *text;
  const char *want;
} num_case;

static const num_case ja_cases[] = {
    /* dates and era years */
    {"2017年7月21日", "2017y 7m 21d"},
    /* the same idioms and names as in English */
    {"24/7 で運用", ""},
    {"I18n のサポート", ""},
    {"２０１７年７月２１日", "2017y 7m 21d"},
    {"2015年4月27日に発出された", "2015y 4m 27d"},
    {"2017年7月20日及び21日", "2017y 7m 20d 21"},
    {"2017年2月の会談", "2017y 2m"},
    {"令和元年5月1日", "2019y 5m 1d"},
    {"平成31年4月30日", "2019y 4m 30d"},
    {"平成元年", "1989y"},
    {"昭和64年1月7日", "1989y 1m 7d"},
    {"昭和六十四年", "1989y"},
    {"令和２年", "2020y"},
    {"明治45年", "1912y"},
    {"大正元年", "1912y"},
    {"二〇一七年", "2017y"},
    {"二千十七年", "2017y"},
    {"本年5月", "any 5m"},
    {"昨年", "any"},
    {"同年12月", "any 12m"},
    {"2020年東京オリンピック", "2020y"},
    {"1990年代", "1990y"},
    /* separators, 万 億 兆, decimals, percentages */
    {"1,000人", "1000"},
    {"１，０００人", "1000"},
    {"3億5000万", "350000000"},
    {"三億五千万円", "350000000"},
    {"1億", "100000000"},
    {"十万人", "100000"},
    {"2,000億円", "200000000000"},
    {"5兆円", "5000000000000"},
    {"0.5", "0.5"},
    {"3.5％", "3.5%"},
    {"15%", "15%"},
    {"50パーセント", "50%"},
    {"3割", "30%"},
    {"4.9.1", "4 9 1?"},
    /* a gloss the translator added to a name: debian-faq ja.txt 6.5.1 */
    {"NoRCBugs (RCバグ0) (https://wiki.debian.org/)", "0?"},
    {"バグ (RCバグ0)", "0"},
    /* the bracket opened within 64 bytes before the number, or no gloss */
    {"NoRCBugs (ああああああああああRCバグ0)", "0?"},
    {"NoRCBugs (ああああああああああああああああああああああRCバグ0)", "0"},
    /* debian-faq ja.txt 4.1, the same formula as in English */
    {"Motorola 680x0 プロセッサ (68020 以降)", "680 0 68020"},
    {"680x0 (x>=2)", "680 0 2? 68020?"},
    /* kanji numerals that are numbers: after 第, before a counter */
    {"第五回", "5o"},
    {"第5回日米サイバー対話", "5o"},
    {"第5会期国連政府専門家会合", "5o"},
    {"第百三条", "103o"},
    {"第3四半期", "3o"},
    {"第三国", "3o"},
    {"三十日", "30"},
    {"百年", "100"},
    {"三つ", "3?"},
    {"3つ", "3"},
    {"五か国", "5?"},
    {"3か月", "3"},
    {"二十一世紀", "21"},
    {"七十周年", "70"},
    {"三分の一", "3?"},
    {"三分の二以上", "3?"},
    {"G7伊勢志摩サイバーグループ", "7"},
    /* a lone 一 is optional */
    {"第一に", "1o?"},
    {"一つ", "1?"},
    {"一人ひとり", "1?"},
    /* a 1 is optional outside dates, and so is an enumerator */
    {"1 カ月近くにおよぶ", "1?"},
    {"1 対 1 勝敗表", "1? 1?"},
    {"(1) 選択肢 A が (2) A が", "1? 2?"},
    {"第Ⅲ章", "3"},
    {"16進数", "16?"},
    /* printf conversions of software messages are no numbers */
    {"テーブル\"%2$s\"の列\"%1$s\"", ""},
    {"ターゲット `%1$.250s' の状態", ""},
    {"1月1日", "1m 1d"},
    /* and a half */
    {"42か月 (3年半)", "42 3.5"},
    {"1時間半", "1.5"},
    {"2020年半ば", "2020y"},
    /* kanji numerals inside words are not numbers */
    {"二国間", ""},
    {"一部", ""},
    {"第三者", ""},
    {"一層", ""},
    {"一方", ""},
    {"一致", ""},
    {"一般", ""},
    {"唯一", ""},
    {"統一", ""},
    {"一環", ""},
    {"同一", ""},
    {"十分に達成し得る", ""},
    {"万一の場合", ""},
    {"万全", ""},
    {"万人", ""},
    {"一時的", ""},
    {"数十年", ""},
    {"何百", ""},
    {"十数年", ""},
    {"一億総活躍", ""},
    {"千葉", ""},
    {"四国", ""},
    {"九州", ""},
    {"五輪", ""},
    {"三位一体", ""},
    {"二次被害", ""},
    {"唯一無二", ""},
    {"〇〇年", ""},
    {"平成", ""},
    {"令和の時代", ""},
    {"両国は一層", ""},
};

static const num_case en_cases[] = {
    /* dates in the usual orders */
    {"July 21, 2017", "7m 21d 2017y"},
    {"21 July 2017", "21d 7m 2017y"},
    {"July 2017", "7m 2017y"},
    {"in February 2017", "2m 2017y"},
    {"on July 20 and 21, 2017", "7m 20d 21 2017y"},
    {"on 20 and 21 July 2017", "20 21d 7m 2017y"},
    {"April 27, 2015", "4m 27d 2015y"},
    {"May 1, 2019", "5m 1d 2019y"},
    {"Sept. 5", "9m 5d"},
    {"Jan 3, 2020", "1m 3d 2020y"},
    {"in May", "5m?"},
    {"in May this year", "5m? any"},
    {"last year", "any"},
    {"in 2020", "2020y"},
    {"the 1990s", "1990y"},
    /* digits, separators, scales, percentages */
    {"1,000", "1000"},
    {"20,000 people", "20000"},
    {"3.5", "3.5"},
    {"3.5 million", "3500000"},
    {"350 million yen", "350000000"},
    {"10 billion", "10000000000"},
    {"2 trillion", "2000000000000"},
    {"15%", "15%"},
    {"15 percent", "15%"},
    {"15 per cent", "15%"},
    {"3.5%", "3.5%"},
    {"4.9.1", "4 9 1?"},
    /* a condition written as a formula, and the family member it names:
     * debian-faq en.txt 4.1 */
    {"a Motorola 680x0 processor for x>=2; with MMU.", "680 0 2? 68020?"},
    {"for n > 1 and x ≥ 2", "1? 2?"},
    {"where k = 3", "3"},
    {"5 > 3", "5 3"},
    {"G7", "7"},
    {"COVID-19", "19"},
    {"IPv6", "6"},
    /* ordinals with digits are stated; words are optional */
    {"21st", "21o"},
    {"2nd", "2o"},
    {"3rd", "3o"},
    {"the 5th meeting", "5o"},
    {"fifth", "5o?"},
    {"the Fifth Japan-U.S. Cyber Dialogue", "5o?"},
    {"twenty-first", "21o?"},
    {"ninety-ninth", "99o?"},
    {"the first time", "1o?"},
    {"a second meeting", "2o?"},
    {"first and second", "1o? 2o?"},
    {"twenty-one", "21?"},
    {"twenty one", "21?"},
    {"seventeen", "17?"},
    {"one hundred and five", "105?"},
    {"three thousand", "3000?"},
    {"two countries", "2?"},
    {"one of the", "1?"},
    {"one and two", "1? 2?"},
    {"appears twice, at most thrice", "2? 3?"},
    {"1 person", "1?"},
    {"Chapter III of this Constitution", "3r"},
    {"World War II", "2"},
    {"could not read block %u: read only %d of %08x bytes", ""},
    {"Title XIV", "14"},
    {"I have IT and DC offices", ""},
    {"see (1) and (12)", "1? 12?"},
    {"42 months (3.5 years)", "42 3.5"},
    {"January 1st", "1m 1d"},
    /* not numbers */
    {"a", ""},
    {"an item", ""},
    {"a thousand", "1000?"},
    {"a million people", "1000000?"},
    {"the million", ""},
    {"hundreds of", ""},
    {"thousands", ""},
    {"someone", ""},
    {"money", ""},
    {"once", "1?"},
    {"none of them", ""},
    {"tenant", ""},
    {"often", ""},
    {"oneself", ""},
    {"seconds", ""},
    {"may be", ""},
    {"the Mayor", ""},
    {"Augustine", ""},
    /* debian-faq en.txt: every component of a dotted reference is one
     * (8.1.3 "see Section 8.1.5, “tasksel”"; NFKC made the no-break space
     * a space) */
    {"see Section 8.1.5, “tasksel”", "8r 1?r 5r"},
    {"see Section 12.1, “What other", "12.1r"},
    /* numeronyms and identifiers state no number (15.2 "I18n support") */
    {"I18n support in all debconf-using packages", ""},
    {"L10n and a11y", ""},
    {"libdb4.2 and x86", "4.2 86"},
    /* an idiom (3.2.1 "Debian is designed to run 24/7") */
    {"Debian is designed to run 24/7. Moreover", ""},
    {"24/70", "24 70"},
    /* a month in lower case before a year (5.10 "In november 2007") */
    {"In november 2007 however", "11m 2007y"},
    {"november rain", ""},
    /* dozen: twelve, or ten as a translator counts (5.9, 9.1) */
    {"nearly two dozen keyboards", "24?"},
    {"a dozen or more new packages", "12?"},
    {"dozens of", ""},
    /* developers-reference en.txt 6.6.3.1.4 "The double underscore" */
    {"The double underscore will split", "2?"},
};

static void run_cases(ty_lang lang, const num_case *cases, size_t n) {
  int bad = 0;
  char got[512];
  for (size_t i = 0; i < n; i++) {
    describe(lang, cases[i].text, got, sizeof got);
    if (strcmp(got, cases[i].want) != 0) {
      print_error("%s: \"%s\" gave \"%s\", wanted \"%s\"\n",
                  lang == TY_JA ? "ja" : "en", cases[i].text, got,
                  cases[i].want);
      bad++;
    }
  }
  assert_int_equal(bad, 0);
}

static void test_numbers_japanese(void **state) {
  (void)state;
  run_cases(TY_JA, ja_cases, sizeof ja_cases / sizeof *ja_cases);
}

static void test_numbers_english(void **state) {
  (void)state;
  run_cases(TY_EN, en_cases, sizeof en_cases / sizeof *en_cases);
}

/* The same date written in the two languages gives the same values. */
static void test_numbers_dates_agree(void **state) {
  (void)state;
  static const char *const pairs[][2] = {
      {"2017年7月", "July 2017"},           {"2017年7月21日", "July 21, 2017"},
      {"2017年7月21日", "21 July 2017"},    {"令和元年5月1日", "May 1, 2019"},
      {"平成31年4月30日", "30 April 2019"},
  };
  for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
    char ja[128], en[128];
    describe(TY_JA, pairs[i][0], ja, sizeof ja);
    describe(TY_EN, pairs[i][1], en, sizeof en);
    /* same multiset: compare sorted words */
    char *wj[8], *we[8];
    int nj = 0, ne = 0;
    for (char *t = strtok(ja, " "); t && nj < 8; t = strtok(NULL, " "))
      wj[nj++] = t;
    for (char *t = strtok(en, " "); t && ne < 8; t = strtok(NULL, " "))
      we[ne++] = t;
    assert_int_equal(nj, ne);
    for (int a = 0; a < nj; a++) {
      int found = 0;
      for (int b = 0; b < ne; b++)
        if (we[b] && strcmp(wj[a], we[b]) == 0) {
          we[b] = NULL;
          found = 1;
          break;
        }
      if (!found) print_error("%s: %s unmatched\n", pairs[i][0], wj[a]);
      assert_true(found);
    }
  }
}

static void test_numbers_offsets_point_at_text(void **state) {
  (void)state;
  const char *s = "on July 21, 2017 the fifth";
  ty_numbers l = {0};
  ty_extract_numbers(X, s, strlen(s), TY_EN, &l);
  assert_int_equal(l.n, 4);
  assert_memory_equal(s + l.v[0].off, "July", l.v[0].len);
  assert_memory_equal(s + l.v[2].off, "2017", l.v[2].len);
  assert_memory_equal(s + l.v[3].off, "fifth", l.v[3].len);
  ty_numbers_free(&l);
}

/* ---- NFKC and tokens ---------------------------------------------------- */

static void test_nfkc_full_width(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"ＮＩＳＣ", "NISC"},
      {"１，０００", "1,000"},
      {"㍻", "平成"},
      {"（ＣＤＰＷＧ）", "(CDPWG)"},
      {"plain ASCII", "plain ASCII"},
      {"日米", "日米"},
  };
  ty_buf b = {0};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    ty_nfkc(X, cases[i][0], strlen(cases[i][0]), &b);
    assert_string_equal(b.p, cases[i][1]);
  }
  ty_buf_free(&b);
}

/* Tokens of a text joined by spaces. */
static void tokens_of(const char *text, char *out, size_t cap) {
  ty_buf norm = {0};
  ty_spans t = {0};
  ty_nfkc(X, text, strlen(text), &norm);
  ty_extract_tokens(norm.p, norm.n, &t);
  size_t k = 0;
  out[0] = '\0';
  for (size_t i = 0; i < t.n; i++)
    k += (size_t)snprintf(out + k, cap - k, "%s%.*s", i ? " " : "",
                          (int)t.v[i].len, norm.p + t.v[i].off);
  ty_spans_free(&t);
  ty_buf_free(&norm);
}

static void test_tokens_latin_in_japanese(void **state) {
  (void)state;
  static const char *const cases[][2] = {
      {"内閣サイバーセキュリティセンター(NISC)は", "NISC"},
      {"ＮＩＳＣ及びＡＩＳ", "NISC AIS"},
      {"モノのインターネット化(IoT)を通じ、IoTの", "IoT"},
      {"G7伊勢志摩サイバーグループ(ISCG)", "G7 ISCG"},
      {"ドナルド・J・トランプ大統領", ""},
      {"e-Govで", "e-Gov"},
      {"U.S.との", "U.S"},
      {"2017年7月21日", ""},
      {"a. 政府全体", ""},
      {"ワーキンググループ(CDPWG)の", "CDPWG"},
      {"第III章とISCG", "ISCG"},
      {"%li時間、%0Aパスフレーズ", ""},
  };
  char got[256];
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    tokens_of(cases[i][0], got, sizeof got);
    assert_string_equal(got, cases[i][1]);
  }
}

static void test_find_word_boundaries_and_case(void **state) {
  (void)state;
  const char *en = "NISC's participation in the AIS programme, daisy, IoT.";
  size_t n = strlen(en);
  assert_true(ty_find_word(en, n, "NISC", 4, 0));
  assert_true(ty_find_word(en, n, "AIS", 3, 0));
  assert_true(ty_find_word(en, n, "IoT", 3, 0));
  assert_false(ty_find_word(en, n, "IOT", 3, 0));
  assert_true(ty_find_word(en, n, "IOT", 3, TY_FIND_FOLD));
  assert_false(ty_find_word(en, n, "ais", 3, 0));
  assert_false(ty_find_word("daisy", 5, "ais", 3, TY_FIND_FOLD));
  assert_false(ty_find_word(en, n, "CDPWG", 5, 0));
  assert_false(ty_find_word(en, n, "program", 7, TY_FIND_FOLD));
  assert_true(ty_find_word(en, n, "program", 7, TY_FIND_FOLD | TY_FIND_PREFIX));
  /* a token wrapped at a joiner: the line end a space with TY_FIND_LINES */
  const char *wrapped = "the autotools-\ndev and /usr/share\n/common-licenses";
  size_t wn = strlen(wrapped);
  assert_false(ty_find_word(wrapped, wn, "autotools-dev", 13, 0));
  assert_true(ty_find_word(wrapped, wn, "autotools-dev", 13, TY_FIND_LINES));
  assert_true(ty_find_word(wrapped, wn, "/usr/share/common-licenses", 26,
                           TY_FIND_LINES));
  assert_false(ty_find_word("auto\ntools", 10, "autotools", 9, TY_FIND_LINES));
}

/* Acronyms exactly; codes ignoring case; glossed words also inflected. */
static void test_token_match_by_shape(void **state) {
  (void)state;
  static const struct {
    const char *token, *english;
    int found;
  } cases[] = {
      {"NISC", "the NISC announced", 1},
      {"NISC", "the Nisc announced", 0},
      {"IoT", "security of IoT devices", 1},
      {"IoT", "security of the IOT", 0},
      {"G7", "the g7 summit", 1},
      {"e-Gov", "the E-Gov portal", 1},
      {"policy", "or contain any policies except", 1},
      {"Developer", "The Developers, by way of", 1},
      {"Delegate", "Delegates appointed by", 1},
      {"Delegate", "the Project Leader", 0},
      {"AIS", "daisy chains", 0},
      {"URL", "ignore OCSP service URLs", 1},
      {"NGO", "NGOs and NGOS", 1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const char *t = cases[i].token, *e = cases[i].english;
    size_t stem;
    unsigned how = ty_token_match(t, strlen(t), &stem);
    int got = ty_find_word(e, strlen(e), t, stem, how);
    if (got != cases[i].found) print_error("%s in \"%s\": %d\n", t, e, got);
    assert_int_equal(got, cases[i].found);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numbers_japanese),
      cmocka_unit_test(test_numbers_english),
      cmocka_unit_test(test_numbers_dates_agree),
      cmocka_unit_test(test_numbers_offsets_point_at_text),
      cmocka_unit_test(test_nfkc_full_width),
      cmocka_unit_test(test_tokens_latin_in_japanese),
      cmocka_unit_test(test_find_word_boundaries_and_case),
      cmocka_unit_test(test_token_match_by_shape),
  };
  return cmocka_run_group_tests_name("extract", tests, setup, teardown);
}
