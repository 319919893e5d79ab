/* test_outline.c — the style stack, keys, front matter, scopes, tables of
 * contents and sequence findings; and the matcher over two outlines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "outline_support.h"

static void test_outline_new_style_opens_level(void **s) {
  (void)s;
  assert_keys("1 a\n(1) b\n(2) c\n- a. d\n- b. e\n(3) f\n2 g\n",
              "1 1.1 1.2 1.2.1 1.2.2 1.3 2");
}

static void test_outline_front_matter_paragraphs(void **s) {
  (void)s;
  assert_keys("Title\n\nSubtitle\nmore\n\n1 first\n", "front-1 front-2 1");
}

static void test_outline_heading_with_body_is_one_clause(void **s) {
  (void)s;
  ty_doc *d = parse(
      "7 intro\n\n(1) 情報共有\n\n日米両国は、\n共有した。\n\n(2) x\n", TY_JA);
  assert_int_equal(d->ncl, 3);
  assert_string_equal(d->cl[1].key, "7.1");
  assert_int_equal(d->cl[1].line, 3);
  assert_int_equal(d->cl[1].end_line, 6);
  ty_buf b = {0};
  ty_clause_flat_text(&d->cl[1], &b);
  assert_string_equal(b.p, "情報共有\n日米両国は、共有した。");
  ty_buf_free(&b);
  ty_doc_free(d);
}

/* Japanese lines joined without a space (issue #11, cause 4: the Debian
 * constitution ja-v1.7.txt 31, "組織・個" / "人の項目"). */
static void test_outline_japanese_lines_join_without_space(void **s) {
  (void)s;
  ty_doc *d =
      parse("1 その場合、監査する側の組織・個\n人の項目にてそのことを示す。\n",
            TY_JA);
  ty_buf b = {0};
  ty_clause_flat_text(&d->cl[0], &b);
  assert_string_equal(
      b.p, "その場合、監査する側の組織・個人の項目にてそのことを示す。");
  ty_buf_free(&b);
  ty_doc_free(d);
}

static void test_outline_marker_inside_paragraph_is_text(void **s) {
  (void)s;
  /* a wrapped line starting "12 月" or "1.4" is not a clause */
  assert_keys("Version 1.5 は 2015 年\n12 月 13 日に批准され\n1.4 "
              "を更新した。\n\n1. はじめに\n",
              "front-1 1");
}

static void test_outline_continuing_list_inside_paragraph(void **s) {
  (void)s;
  assert_keys(" 1. one\n    more\n 2. two\n 3. three\n", "1 2 3");
  /* an item left out: d still opens its clause, with a gap reported */
  ty_doc *d = parse("(2) x\n\n- a. one\n- b. two\n- d. four\n", TY_EN);
  char got[256];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "2 2.1 2.2 2.4");
  assert_int_equal(count_code(d, TY_NUMBERING_GAP), 2);
  ty_doc_free(d);
}

static void test_outline_dotted_sections_and_lists(void **s) {
  (void)s;
  assert_keys("1. Intro\n\n2. Bodies\n\n 1. x\n 2. y\n\n2.1. Rules\n\n 1. z\n\n"
              "3. Dev\n\n3.1. Powers\n\nA. Appendix\n\nA.1. One\n",
              "1 2 2(1) 2(2) 2.1 2.1(1) 3 3.1 A A.1");
}

static void test_outline_right_aligned_numbers_share_level(void **s) {
  (void)s;
  assert_keys(" 8. h\n 9. i\n10. j\n11. k\n", "8 9 10 11");
}

static void test_outline_restart_after_heading_opens_scope(void **s) {
  (void)s;
  ty_doc *d = parse("Contract\n\n 1. a\n\n    body\n\n 2. b\n\nGuidelines\n\n "
                    "1. c\n\n 2. d\n",
                    TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 1 2 s2 s2:1 s2:2");
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  ty_doc_free(d);
}

static void test_outline_roman_vs_latin_by_sequence(void **s) {
  (void)s;
  assert_keys("1 x\n(a) a\n(b) b\n(c) c\n(d) d\n(e) e\n(f) f\n(g) g\n(h) "
              "h\n(i) i\n(j) j\n",
              "1 1.1 1.2 1.3 1.4 1.5 1.6 1.7 1.8 1.9 1.10");
  assert_keys("1 x\n(i) a\n(ii) b\n(iii) c\n", "1 1.1 1.2 1.3");
}

static void test_outline_iroha_vs_aiueo_by_sequence(void **s) {
  (void)s;
  assert_keys("一　x\nア　a\nイ　b\nウ　c\n", "1 1.1 1.2 1.3");
  assert_keys("一　x\nイ　a\nロ　b\nハ　c\n", "1 1.1 1.2 1.3");
}

static void test_outline_weak_numbers_only_in_sequence(void **s) {
  (void)s;
  /* "2017 was" opens no clause; 1000 after 999 does */
  assert_keys("998 a\n\n999 b\n\n1000 c\n\n2017 was a year.\n", "998 999 1000");
}

/* The lines of tests/bench's unmatched sets ("%c.%d Text.", the letter
 * cycling): "M.1000" was text, folding every later line into "L.999". */
static void test_outline_dotted_items_past_999(void **s) {
  (void)s;
  assert_keys("K.998 Text.\nL.999 Text.\nM.1000 Text.\nN.1001 Text.\n",
              "K.998 L.999 M.1000 N.1001");
}

static void test_outline_branch_article_is_peer(void **s) {
  (void)s;
  assert_keys("第十条　a\n第十条の二　b\n第十一条　c\n", "10 10-2 11");
}

static void test_outline_gap_order_duplicate(void **s) {
  (void)s;
  ty_doc *d = parse("1 a\n2 b\n4 c\n4 d\n3 e\n", TY_JA);
  assert_int_equal(count_code(d, TY_NUMBERING_GAP), 1);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 1);
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 1);
  ty_doc_free(d);
}

static void test_outline_table_of_contents_skipped(void **s) {
  (void)s;
  ty_doc *d =
      parse("Manual\n\n1. Intro\n2. Setup\n3. Use\n\n1. Intro\n\nText.\n\n"
            "2. Setup\n\nText.\n\n3. Use\n\nText.\n",
            TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 1 2 3");
  assert_int_equal(d->cl[1].line, 7);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  ty_doc_free(d);
}

static void test_outline_chapter_words_key_like_numbers(void **s) {
  (void)s;
  /* 第3章 (with or without a space) and Chapter 3. key like "3." */
  const char *ja = "第1章はじめに\n\n本文。\n\n第2章 使い方\n\n2.1. 起動\n\n"
                   " 1. 開く\n 2. 閉じる\n\n付録A 資料\n\nA.1. 表\n";
  const char *en = "Chapter 1. Introduction\n\nText.\n\nChapter 2. Usage\n\n"
                   "2.1. Starting\n\n 1. Open\n 2. Close\n\n"
                   "Appendix A. Material\n\nA.1. Table\n";
  const char *plain =
      "1. Introduction\n\nText.\n\n2. Usage\n\n2.1. Starting\n\n"
      " 1. Open\n 2. Close\n\nA. Material\n\nA.1. Table\n";
  const char *want = "1 2 2.1 2.1(1) 2.1(2) A A.1";
  /* a reference reads as a sentence and stays text */
  ty_marker m;
  const char *ref = "第3章では、設定を説明する。";
  assert_int_equal(ty_number_parse(ref, strlen(ref), &m), 0);
  ty_doc *d = parse(ja, TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, want);
  ty_doc_free(d);
  d = parse(en, TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, want);
  ty_doc_free(d);
  d = parse(plain, TY_EN);
  keys_of(d, got, sizeof got);
  assert_string_equal(got, want);
  ty_doc_free(d);
}

/* "第 1 章" with spaces around the number, as manuals' text output writes
 * chapter headings (issue #11, cause 3), keys like 第1章; spaced, the
 * unit must follow ("第 1" alone stays text). */
static void test_outline_chapter_heading_with_spaces(void **s) {
  (void)s;
  const char *ja = "第 1 章 はじめに\n\n本文。\n\n第 2 章 使い方\n\n"
                   "2.1. 起動\n\n第 1\n";
  ty_doc *d = parse(ja, TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 2 2.1");
  ty_doc_free(d);
}

/* Lists of tables and examples after the table of contents (issue #11,
 * cause 3: 表の一覧, 例の一覧, List of Tables, as DocBook's text output
 * writes them, the labels in the debian-faq layout): their entries are
 * captions, dropped with the table, no duplicate 1.1. */
static void test_outline_lists_of_tables_dropped(void **s) {
  (void)s;
  const char *ja =
      "目次\n\n1. はじめに\n2. 使い方\n3. 終わりに\n\n表の一覧\n\n"
      "1.1. オプション\n2.1. 終了状態\n\n例の一覧\n\n"
      "1.1. 最初の例\n2.1. 次の例\n\n第 1 章 はじめに\n\n本文。\n\n"
      "第 2 章 使い方\n\n本文。\n\n第 3 章 終わりに\n\n以上。\n";
  const char *en = "Table of Contents\n\n1. Introduction\n2. Usage\n"
                   "3. Conclusion\n\nList of Tables\n\n1.1. Options\n"
                   "2.1. Exit status\n\nList of Examples\n\n1.1. A first "
                   "example\n2.1. Another example\n\nChapter 1. Introduction"
                   "\n\nText.\n\nChapter 2. Usage\n\nText.\n\nChapter 3. "
                   "Conclusion\n\nThat is all.\n";
  for (int side = 0; side < 2; side++) {
    ty_doc *d = parse(side ? en : ja, side ? TY_EN : TY_JA);
    char got[512];
    keys_of(d, got, sizeof got);
    assert_string_equal(got, "1 2 3");
    assert_int_equal(d->findings.n, 0);
    ty_doc_free(d);
  }
}

static void test_outline_indented_table_of_contents_skipped(void **s) {
  (void)s;
  ty_doc *d =
      parse("Manual\n\nContents\n\n  Chapter 1. Introduction\n"
            "  Chapter 2. Usage\n    2.1 Starting\n  Appendix A. Tools\n\n"
            "Chapter 1. Introduction\n\nText.\n\nChapter 2. Usage\n\n"
            "Text.\n\n2.1 Starting\n\nText.\n\nAppendix A. Tools\n\nText.\n",
            TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 1 2 2.1 A"); /* "Contents" went too */
  assert_int_equal(d->cl[1].line, 10);
  assert_int_equal(d->cl[1].depth, 1);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  ty_doc_free(d);
}

/* debian-faq (ja.txt lines 40-110, abridged): a table of contents numbered
 * "1." above chapters written 第1章 (with and without a space), whose
 * long entries keep their indented, wrapped sub-entries in their text */
static void test_outline_toc_of_chapters_dropped(void **s) {
  (void)s;
  ty_doc *d = parse(
      "目次\n"
      "\n"
      "1. 定義と概要\n"
      "    1.1. この FAQ は何?\n"
      "    1.2. Debian GNU/Linux とは何?\n"
      "2. Debian GNU/Linux の取得とインストール\n"
      "    2.1. Debian の最新のバージョンは何?\n"
      "3. Debian ディストリビューションの選択\n"
      "    3.1. 自分にはどの Debian ディストリビューション (stable/testing/\n"
      "    unstable) が合いますか?\n"
      "        3.1.1. 安定版 (stable) をインストールするように勧められたけど\n"
      "        安定版だとハードウェアが全然検出されない/機能しない。どうすれ\n"
      "        ばいい?\n"
      "        3.1.2. 異なるディストリビューションではパッケージのバージョン\n"
      "        も異なりますか?\n"
      "        3.1.3. 安定版 (stable) ディストリビューションには相当古くなっ\n"
      "        ているパッケージが収録されています。Kde、Gnome、Xorg、さらに\n"
      "        はカーネルも。すごく古いです。これはどうして?\n"
      "        3.1.4. 別のディストリビューションへの変更を決心したとして、そ\n"
      "        れは可能ですか?\n"
      "        3.1.5. 安定版 (stable) やテスト版 (testing)、不安定版 \n"
      "        (unstable) をインストールすべきですか?\n"
      "        3.1.6. テスト版 (testing) が壊れているということですがそれは\n"
      "        どういう意味ですか?\n"
      "        3.1.7. テスト版 (testing) が何ヶ月も壊れている可能性があると\n"
      "        いうのはどうして? 不安定版 (unstable) に取り込まれた修正はテ\n"
      "        スト版 (testing) にそのまま流れてくるのでは?\n"
      "        3.1.8. 管理者として注意が必要なのはどのディストリビューション\n"
      "        ですか?\n"
      "        3.1.9. 新しいリリースができたら何が起きますか?\n"
      "4. 互換性の問題\n"
      "\n"
      "第1章定義と概要\n"
      "\n"
      "1.1. この FAQ は何?\n"
      "\n"
      "    本文。\n"
      "\n"
      "第2章 Debian GNU/Linux の取得とインストール\n"
      "\n"
      "2.1. Debian の最新のバージョンは何?\n"
      "\n"
      "    本文。\n"
      "\n"
      "第3章 Debian ディストリビューションの選択\n"
      "\n"
      "3.1. 自分にはどの Debian ディストリビューション (stable/testing/\n"
      "unstable) が合いますか?\n"
      "\n"
      "    本文。\n"
      "\n"
      "第4章 互換性の問題\n"
      "\n"
      "    本文。\n",
      TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "1 1.1 2 2.1 3 3.1 4"); /* 目次 went too */
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 0);
  ty_doc_free(d);
}

/* debian-faq ja.txt 3.1.7 (lines 831-858): bullets whose text starts
 * with a quantity ("6 月 10 日に", "5 日後に") are not items 6 and 5; a
 * statute paragraph "２　日本国民は" still is */
static void test_outline_quantity_at_line_start_is_no_marker(void **s) {
  (void)s;
  assert_keys(
      "3.1.7. テスト版 (testing) が何ヶ月も壊れている可能性があるというのは\n"
      "どうして?\n\n"
      "    以下の状況を考えてみましょう:\n\n"
      "      * パッケージ XYZ に関心があるものとしてください。\n\n"
      "      * 6 月 10 日にテスト版 (testing) のバージョンが XYZ-3.6 で不安\n"
      "        定版 (unstable) では XYZ-3.7 だと仮定しましょう。\n\n"
      "      * 5 日後に XYZ-3.7 は不安定版 (unstable) からテスト版 (testing)\n"
      "        に移行します。\n\n"
      "    1 つのディレクトリ以外含まず他にどのファイルも無い場合。\n",
      "3.1.7");
  assert_keys("1 "
              "前文。\n\n２　日本国民は、正当に選挙された国会における代表者を通"
              "じて行動する。\n",
              "1 2");
}

/* debian-faq en.txt 11.6 (lines 3329-3351): a bullet is the marker of
 * its item, the number after it the item's text ("* 1 (single-user
 * mode)", "* 2 through 5"): no items 1, 2, 6 and no gap before 6 */
static void test_outline_number_after_bullet_is_text(void **s) {
  (void)s;
  ty_doc *d = parse(
      "11.6. And how about Debian and traditional System V init?\n\n"
      "    After completing the boot process, init executes all start\n"
      "    scripts in a directory specified by the default runlevel. Like "
      "most\n    System V compatible Unices, Linux has 7 runlevels:\n\n"
      "      * 0 (halt the system),\n\n"
      "      * 1 (single-user mode),\n   \n"
      "      * 2 through 5 (various multi-user modes), and\n\n"
      "      * 6 (reboot the system).\n\n"
      "    Debian systems come with id=2.\n",
      TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "11.6");
  for (size_t i = 0; i < d->findings.n; i++) /* 11.6 itself follows no 11 */
    assert_string_equal(d->findings.v[i].key, "11.6");
  ty_doc_free(d);
}

/* debian-faq ja.txt lines 1-8: a line with no letter or digit (">", a
 * rule of dashes) is no paragraph of the front matter */
static void test_outline_front_line_without_letters_is_no_paragraph(void **s) {
  (void)s;
  ty_doc *d = parse(">\n\n\n                        Debian GNU/Linux FAQ\n\n\n"
                    "-----------------------------------------------------\n"
                    "                                  \n"
                    "                            Version 11.0\n\n"
                    "1. 定義と概要\n",
                    TY_JA);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 front-2 1");
  ty_buf b = {0};
  ty_clause_flat_text(&d->cl[0], &b);
  assert_string_equal(b.p, "Debian GNU/Linux FAQ");
  ty_buf_free(&b);
  ty_doc_free(d);
}

/* constitution-of-japan/en.pg612.txt, its last lines: the Project
 * Gutenberg footer is no part of Article 103 */
static void test_outline_ebook_footer_ends_the_text(void **s) {
  (void)s;
  ty_doc *d =
      parse("     Article 102. The term of office for half the members of the\n"
            "House of Councillors shall be three years.\n\n"
            "     Article 103. When, however, successors are elected\n"
            "or appointed under the provisions of this Constitution, they\n"
            "shall forfeit their positions as a matter of course.\n\n\n\n\n\n"
            "End of Project Gutenberg's The Constitution of Japan, 1946, by "
            "Japan\n",
            TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "102 103");
  ty_buf b = {0};
  ty_clause_flat_text(&d->cl[1], &b);
  assert_null(strstr(b.p, "Gutenberg"));
  assert_int_equal(d->cl[1].end_line, 6);
  ty_buf_free(&b);
  ty_doc_free(d);
}

/* one swap is one order finding, not a count down and a gap */
static void test_outline_swap_is_not_counting_down(void **s) {
  (void)s;
  ty_doc *d = parse("1 一。\n\n3 三。\n\n2 二。\n\n4 四。\n", TY_JA);
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 1);
  assert_int_equal(count_code(d, TY_NUMBERING_GAP), 1); /* 2 before 3 */
  ty_doc_free(d);
}

static void test_outline_rst_underlined_titles(void **s) {
  (void)s;
  /* Sphinx text: a bulleted table of contents (with an unnumbered
   * "Appendix" title in it), underlined numbered titles, lists inside
   * sections, and an appendix numbered from 1 again */
  ty_doc *d =
      parse("Guide\n*****\n\n* 1. Scope\n\n* 2. Use\n\n  * 2.1. Start\n\n"
            "Appendix\n^^^^^^^^\n\n* 1. Tools\n\n\n"
            "1. Scope\n********\n\nText.\n\n"
            "2. Use\n******\n\nSteps:\n\n1. Open it.\n\n2. Close it.\n\n"
            "* 7 days: the delay.\n\n"
            "2.1. Start\n==========\n\nText.\n\n"
            "1. Tools\n********\n\nText.\n\n1.1. Core\n=========\n\nText.\n",
            TY_EN);
  char got[512];
  keys_of(d, got, sizeof got);
  assert_string_equal(got, "front-1 1 2 2(1) 2(2) 2.1 s2:1 s2:1.1");
  /* titles without their underlines; the heading's text follows */
  ty_buf b = {0};
  ty_clause_flat_text(&d->cl[0], &b);
  assert_string_equal(b.p, "Guide");
  ty_buf_clear(&b);
  ty_clause_flat_text(&d->cl[1], &b);
  assert_string_equal(b.p, "Scope\nText.");
  ty_buf_free(&b);
  assert_int_equal(d->cl[3].parent, 2);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 0);
  assert_int_equal(count_code(d, TY_NUMBERING_ORDER), 0);
  ty_doc_free(d);
}

static void test_outline_repeated_lines_are_no_table_of_contents(void **s) {
  (void)s;
  /* the same numbered line five times: duplicates to report, not a table
   * of contents to drop */
  ty_doc *d =
      parse("1. 同じ番号。\n1. 同じ番号。\n1. 同じ番号。\n1. 同じ番号。\n"
            "1. 同じ番号。\n",
            TY_JA);
  assert_int_equal(d->ncl, 5);
  assert_int_equal(count_code(d, TY_DUPLICATE_NUMBER), 4);
  ty_doc_free(d);
}

static void test_outline_empty_and_blank_files(void **s) {
  (void)s;
  assert_keys("", "");
  assert_keys("\n\n  \n", "");
}

static void test_match_missing_and_order(void **s) {
  (void)s;
  ty_doc *ja = parse("1 a\n2 b\n3 c\n", TY_JA);
  ty_doc *en = parse("1 a\n3 c\n4 d\n", TY_EN);
  ty_error err = {0};
  ty_config *cfg = ty_config_new();
  cfg->checks = 0;
  ty_alignment *al = ty_align(ja, en, cfg, &err);
  assert_non_null(al);
  assert_int_equal(al->npairs, 4);
  assert_int_equal(al->pairs[0].status, TY_PAIR_MATCHED);
  assert_int_equal(al->pairs[1].status, TY_PAIR_MISSING_EN);
  assert_int_equal(al->pairs[2].status, TY_PAIR_MATCHED);
  assert_int_equal(al->pairs[3].status, TY_PAIR_MISSING_JA);
  ty_summary sum;
  ty_alignment_summary(al, &sum);
  assert_int_equal(sum.matched, 2);
  assert_int_equal(sum.missing_en, 1);
  assert_int_equal(sum.missing_ja, 1);
  ty_alignment_free(al);
  ty_config_free(cfg);
  ty_doc_free(ja);
  ty_doc_free(en);
}

static void test_match_duplicate_takes_later_occurrence(void **s) {
  (void)s;
  /* the English labels 37 as a second 39: ja 39 pairs with the 39 after
   * 38.  The matcher alone: the content stage after it may pair the
   * left-overs by their text. */
  ty_doc *ja = parse("36 a\n37 b\n38 c\n39 d\n", TY_JA);
  ty_doc *en = parse("36 a\n39 b\n38 c\n39 d\n", TY_EN);
  ty_alignment al = {0};
  al.ja = ja;
  al.en = en;
  ty_match(&al);
  int missing_en_37 = 0, matched_39_line = 0;
  for (size_t i = 0; i < al.npairs; i++) {
    const ty_pair *p = &al.pairs[i];
    if (p->status == TY_PAIR_MISSING_EN && strcmp(ja->cl[p->ja].key, "37") == 0)
      missing_en_37 = 1;
    if (p->status == TY_PAIR_MATCHED && strcmp(ja->cl[p->ja].key, "39") == 0)
      matched_39_line = en->cl[p->en].line;
  }
  assert_true(missing_en_37);
  assert_int_equal(matched_39_line, 4);
  free(al.pairs);
  free(al.sents);
  free(al.findings.v);
  ty_arena_free(&al.arena);
  ty_doc_free(ja);
  ty_doc_free(en);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_outline_new_style_opens_level),
      cmocka_unit_test(test_outline_front_matter_paragraphs),
      cmocka_unit_test(test_outline_heading_with_body_is_one_clause),
      cmocka_unit_test(test_outline_marker_inside_paragraph_is_text),
      cmocka_unit_test(test_outline_continuing_list_inside_paragraph),
      cmocka_unit_test(test_outline_dotted_sections_and_lists),
      cmocka_unit_test(test_outline_right_aligned_numbers_share_level),
      cmocka_unit_test(test_outline_restart_after_heading_opens_scope),
      cmocka_unit_test(test_outline_roman_vs_latin_by_sequence),
      cmocka_unit_test(test_outline_iroha_vs_aiueo_by_sequence),
      cmocka_unit_test(test_outline_weak_numbers_only_in_sequence),
      cmocka_unit_test(test_outline_dotted_items_past_999),
      cmocka_unit_test(test_outline_branch_article_is_peer),
      cmocka_unit_test(test_outline_gap_order_duplicate),
      cmocka_unit_test(test_outline_table_of_contents_skipped),
      cmocka_unit_test(test_outline_chapter_words_key_like_numbers),
      cmocka_unit_test(test_outline_chapter_heading_with_spaces),
      cmocka_unit_test(test_outline_japanese_lines_join_without_space),
      cmocka_unit_test(test_outline_lists_of_tables_dropped),
      cmocka_unit_test(test_outline_indented_table_of_contents_skipped),
      cmocka_unit_test(test_outline_rst_underlined_titles),
      cmocka_unit_test(test_outline_repeated_lines_are_no_table_of_contents),
      cmocka_unit_test(test_outline_empty_and_blank_files),
      cmocka_unit_test(test_outline_toc_of_chapters_dropped),
      cmocka_unit_test(test_outline_swap_is_not_counting_down),
      cmocka_unit_test(test_outline_quantity_at_line_start_is_no_marker),
      cmocka_unit_test(test_outline_number_after_bullet_is_text),
      cmocka_unit_test(test_outline_front_line_without_letters_is_no_paragraph),
      cmocka_unit_test(test_outline_ebook_footer_ends_the_text),
      cmocka_unit_test(test_match_missing_and_order),
      cmocka_unit_test(test_match_duplicate_takes_later_occurrence),
  };
  return cmocka_run_group_tests_name("outline", tests, NULL, NULL);
}
