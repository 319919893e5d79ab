/* test_numbering.c — the section-marker parser, table by table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "internal.h"
#include <unicode/unorm2.h>

typedef struct mcase {
  const char *line;
  int ok;
  ty_kind kind;
  ty_deco deco;
  int ordinal;
  const char *label; /* the label as written */
  const char *text;  /* what follows from text_off */
  int branch;
  ty_kind alt_kind;
  int alt_ordinal;
  const char *path; /* dotted path as "4.9.1"; NULL for none */
  int path_alpha;
  int indent, bullet, heading;
} mcase;

/* A line that is a marker, and one that is not. */
#define P(l, k, d, o, lab, txt, ...)                                           \
  {                                                                            \
    .line = l, .ok = 1, .kind = k, .deco = d, .ordinal = o, .label = lab,      \
    .text = txt, __VA_ARGS__                                                   \
  }
#define N(l)                                                                   \
  { .line = l, .ok = 0 }

#define AR TY_K_ARABIC
#define KJ TY_K_KANJI
#define CI TY_K_CIRCLED
#define LL TY_K_LATIN_LOWER
#define LU TY_K_LATIN_UPPER
#define RL TY_K_ROMAN_LOWER
#define RU TY_K_ROMAN_UPPER
#define IR TY_K_IROHA
#define AI TY_K_AIUEO
#define DT TY_K_DOTTED

/* Returns the number of mismatches, describing each. */
static int check_cases(const mcase *cs, size_t n) {
  int bad = 0;
  for (size_t i = 0; i < n; i++) {
    const mcase *c = &cs[i];
    ty_marker m;
    size_t len = strlen(c->line);
    int ok = ty_number_parse(c->line, len, &m);
    char why[256] = "";
    if (ok != c->ok) {
      snprintf(why, sizeof why, "returned %d", ok);
    } else if (ok) {
      char path[128] = "";
      size_t pl = 0;
      for (int j = 0; j < m.npath && pl < sizeof path - 8; j++)
        pl += (size_t)snprintf(path + pl, sizeof path - pl, "%s%d",
                               j ? "." : "", m.path[j]);
      if (m.kind != c->kind)
        snprintf(why, sizeof why, "kind %s", ty_kind_name(m.kind));
      else if (m.deco != c->deco)
        snprintf(why, sizeof why, "deco %d", (int)m.deco);
      else if (m.ordinal != c->ordinal)
        snprintf(why, sizeof why, "ordinal %d", m.ordinal);
      else if (m.branch != c->branch)
        snprintf(why, sizeof why, "branch %d", m.branch);
      else if (m.alt_kind != c->alt_kind || m.alt_ordinal != c->alt_ordinal)
        snprintf(why, sizeof why, "alt %s %d", ty_kind_name(m.alt_kind),
                 m.alt_ordinal);
      else if (m.label_len != strlen(c->label) ||
               memcmp(c->line + m.label_off, c->label, m.label_len) != 0)
        snprintf(why, sizeof why, "label '%.*s'", (int)m.label_len,
                 c->line + m.label_off);
      else if (m.text_off > len || strcmp(c->line + m.text_off, c->text) != 0)
        snprintf(why, sizeof why, "text '%s'",
                 m.text_off > len ? "(past end)" : c->line + m.text_off);
      else if (strcmp(path, c->path ? c->path : "") != 0 ||
               m.path_alpha != c->path_alpha)
        snprintf(why, sizeof why, "path '%s' alpha %d", path, m.path_alpha);
      else if (m.indent != c->indent || m.bullet != c->bullet ||
               m.heading != c->heading)
        snprintf(why, sizeof why, "indent %d bullet %d heading %d", m.indent,
                 m.bullet, m.heading);
    }
    if (why[0]) {
      print_error("case %zu \"%s\": %s\n", i, c->line, why);
      bad++;
    }
  }
  return bad;
}

#define RUN(table)                                                             \
  assert_int_equal(check_cases(table, sizeof table / sizeof table[0]), 0)

static const mcase arabic[] = {
    P("1 Text", AR, TY_D_BARE, 1, "1", "Text"),
    P("1 text", AR, TY_D_BARE, 1, "1", "text"),
    P("1. text", AR, TY_D_DOT, 1, "1.", "text"),
    P("1) text", AR, TY_D_CLOSE, 1, "1)", "text"),
    P("(1) text", AR, TY_D_PAREN, 1, "(1)", "text"),
    P("(1)情報共有", AR, TY_D_PAREN, 1, "(1)", "情報共有"),
    P("１．目的", AR, TY_D_DOT, 1, "１．", "目的"),
    P("１． 目的", AR, TY_D_DOT, 1, "１．", "目的"),
    P("（１）　目的", AR, TY_D_PAREN, 1, "（１）", "目的"),
    P("（１）目的", AR, TY_D_PAREN, 1, "（１）", "目的"),
    P("(１)目的", AR, TY_D_PAREN, 1, "(１)", "目的"),
    P("１　天皇は", AR, TY_D_BARE, 1, "１", "天皇は"),
    P("12. Twelve", AR, TY_D_DOT, 12, "12.", "Twelve"),
    P("４．", AR, TY_D_DOT, 4, "４．", ""),
    P("4.", AR, TY_D_DOT, 4, "4.", ""),
    P("7", AR, TY_D_BARE, 7, "7", ""),
    P("999 Last", AR, TY_D_BARE, 999, "999", "Last"),
    P("１２　月", AR, TY_D_BARE, 12, "１２", "月"),
    P("(10)", AR, TY_D_PAREN, 10, "(10)", ""),
    P("3、三つ目", AR, TY_D_COMMA, 3, "3、", "三つ目"),
    P("２）次に", AR, TY_D_CLOSE, 2, "２）", "次に"),
    P("   9. Nine", AR, TY_D_DOT, 9, "9.", "Nine", .indent = 3),
    P("\t2. Tab", AR, TY_D_DOT, 2, "2.", "Tab", .indent = 8),
    P("\xc2\xa0"
      "5 Nbsp",
      AR, TY_D_BARE, 5, "5", "Nbsp", .indent = 1),
    P("　３　全角", AR, TY_D_BARE, 3, "３", "全角", .indent = 2),
    P("○２　天皇は", AR, TY_D_MARU, 2, "○２", "天皇は"),
    P("〇３　前項", AR, TY_D_MARU, 3, "〇３", "前項"),
    P("○2 half", AR, TY_D_MARU, 2, "○2", "half"),
    P("- 1. dash", AR, TY_D_DOT, 1, "1.", "dash", .bullet = 1),
    P("* (2) star", AR, TY_D_PAREN, 2, "(2)", "star", .bullet = 1),
    P("・（３）点", AR, TY_D_PAREN, 3, "（３）", "点", .bullet = 1),
    P("• 4 Bullet", AR, TY_D_BARE, 4, "4", "Bullet", .bullet = 1),
    P("## 2. Heading", AR, TY_D_DOT, 2, "2.", "Heading", .heading = 2),
    P("# 1 Top", AR, TY_D_BARE, 1, "1", "Top", .heading = 1),
    P("  - 3) nested", AR, TY_D_CLOSE, 3, "3)", "nested", .indent = 2,
      .bullet = 1),
};

static const mcase circled[] = {
    P("①　情報", CI, TY_D_CIRCLE, 1, "①", "情報"),
    P("①情報", CI, TY_D_CIRCLE, 1, "①", "情報"),
    P("⑳ twenty", CI, TY_D_CIRCLE, 20, "⑳", "twenty"),
    P("㉑ 二十一", CI, TY_D_CIRCLE, 21, "㉑", "二十一"),
    P("⑴ paren", CI, TY_D_PAREN, 1, "⑴", "paren"),
    P("⑵", CI, TY_D_PAREN, 2, "⑵", ""),
    P("⒈ dot", CI, TY_D_DOT, 1, "⒈", "dot"),
    P("⒊ dot", CI, TY_D_DOT, 3, "⒊", "dot"),
    P("⒜ a", LL, TY_D_PAREN, 1, "⒜", "a"),
    P("ⓑ b", LL, TY_D_CIRCLE, 2, "ⓑ", "b"),
    P("㈡ 二", KJ, TY_D_PAREN, 2, "㈡", "二"),
};

static const mcase kanji[] = {
    P("一　憲法改正", KJ, TY_D_BARE, 1, "一", "憲法改正"),
    P("一、総則", KJ, TY_D_COMMA, 1, "一、", "総則"),
    P("一、 総則", KJ, TY_D_COMMA, 1, "一、", "総則"),
    P("（一）総則", KJ, TY_D_PAREN, 1, "（一）", "総則"),
    P("(二) 二", KJ, TY_D_PAREN, 2, "(二)", "二"),
    P("十　儀式を行ふこと。", KJ, TY_D_BARE, 10, "十", "儀式を行ふこと。"),
    P("十二　十二", KJ, TY_D_BARE, 12, "十二", "十二"),
    P("二十一　二十一", KJ, TY_D_BARE, 21, "二十一", "二十一"),
    P("百三　百三", KJ, TY_D_BARE, 103, "百三", "百三"),
    P("三．三", KJ, TY_D_DOT, 3, "三．", "三"),
    P("四", KJ, TY_D_BARE, 4, "四", ""),
    P("参　参", KJ, TY_D_BARE, 3, "参", "参"),
};

static const mcase latin_roman[] = {
    P("a. text", LL, TY_D_DOT, 1, "a.", "text"),
    P("a) text", LL, TY_D_CLOSE, 1, "a)", "text"),
    P("(a) text", LL, TY_D_PAREN, 1, "(a)", "text"),
    P("(a)text", LL, TY_D_PAREN, 1, "(a)", "text"),
    P("A. Standard", LU, TY_D_DOT, 1, "A.", "Standard"),
    P("B) bee", LU, TY_D_CLOSE, 2, "B)", "bee"),
    P("z. last", LL, TY_D_DOT, 26, "z.", "last"),
    P("Ｂ．全角", LU, TY_D_DOT, 2, "Ｂ．", "全角"),
    P("（ｂ）全角", LL, TY_D_PAREN, 2, "（ｂ）", "全角"),
    P("i. one", LL, TY_D_DOT, 9, "i.", "one", .alt_kind = RL, .alt_ordinal = 1),
    P("(i) one", LL, TY_D_PAREN, 9, "(i)", "one", .alt_kind = RL,
      .alt_ordinal = 1),
    P("v. five", LL, TY_D_DOT, 22, "v.", "five", .alt_kind = RL,
      .alt_ordinal = 5),
    P("x) ten", LL, TY_D_CLOSE, 24, "x)", "ten", .alt_kind = RL,
      .alt_ordinal = 10),
    P("c. hundred", LL, TY_D_DOT, 3, "c.", "hundred", .alt_kind = RL,
      .alt_ordinal = 100),
    P("l. fifty", LL, TY_D_DOT, 12, "l.", "fifty", .alt_kind = RL,
      .alt_ordinal = 50),
    P("d. d", LL, TY_D_DOT, 4, "d.", "d", .alt_kind = RL, .alt_ordinal = 500),
    P("m. m", LL, TY_D_DOT, 13, "m.", "m", .alt_kind = RL, .alt_ordinal = 1000),
    P("C. Upper", LU, TY_D_DOT, 3, "C.", "Upper", .alt_kind = RU,
      .alt_ordinal = 100),
    P("I. One", LU, TY_D_DOT, 9, "I.", "One", .alt_kind = RU, .alt_ordinal = 1),
    P("ii. two", RL, TY_D_DOT, 2, "ii.", "two"),
    P("(iv) four", RL, TY_D_PAREN, 4, "(iv)", "four"),
    P("(iii)", RL, TY_D_PAREN, 3, "(iii)", ""),
    P("xii) twelve", RL, TY_D_CLOSE, 12, "xii)", "twelve"),
    P("IV. Four", RU, TY_D_DOT, 4, "IV.", "Four"),
    P("XIV. Fourteen", RU, TY_D_DOT, 14, "XIV.", "Fourteen"),
    P("(XL) forty", RU, TY_D_PAREN, 40, "(XL)", "forty"),
    P("Ⅳ　四", RU, TY_D_BARE, 4, "Ⅳ", "四"),
    P("Ⅻ. twelve", RU, TY_D_DOT, 12, "Ⅻ.", "twelve"),
    P("ⅲ) three", RL, TY_D_CLOSE, 3, "ⅲ)", "three"),
    P("（Ⅱ）二", RU, TY_D_PAREN, 2, "（Ⅱ）", "二"),
    P("- a. 政府", LL, TY_D_DOT, 1, "a.", "政府", .bullet = 1),
};

static const mcase kana[] = {
    P("ア　一つ目", AI, TY_D_BARE, 1, "ア", "一つ目", .alt_kind = IR,
      .alt_ordinal = 36),
    P("（ア）一つ目", AI, TY_D_PAREN, 1, "（ア）", "一つ目", .alt_kind = IR,
      .alt_ordinal = 36),
    P("ウ　三", AI, TY_D_BARE, 3, "ウ", "三", .alt_kind = IR,
      .alt_ordinal = 24),
    P("イ　一", IR, TY_D_BARE, 1, "イ", "一", .alt_kind = AI, .alt_ordinal = 2),
    P("（イ）一", IR, TY_D_PAREN, 1, "（イ）", "一", .alt_kind = AI,
      .alt_ordinal = 2),
    P("ロ　二", IR, TY_D_BARE, 2, "ロ", "二", .alt_kind = AI,
      .alt_ordinal = 43),
    P("ハ　三", IR, TY_D_BARE, 3, "ハ", "三", .alt_kind = AI,
      .alt_ordinal = 26),
    P("ニ．四", IR, TY_D_DOT, 4, "ニ．", "四", .alt_kind = AI,
      .alt_ordinal = 22),
    P("カ、六", AI, TY_D_COMMA, 6, "カ、", "六", .alt_kind = IR,
      .alt_ordinal = 14),
};

static const mcase dotted[] = {
    P("4.9.1 text", DT, TY_D_DOT, 1, "4.9.1", "text", .path = "4.9.1"),
    P("4.9.1. text", DT, TY_D_DOT, 1, "4.9.1.", "text", .path = "4.9.1"),
    P("2.1. General rules", DT, TY_D_DOT, 1, "2.1.", "General rules",
      .path = "2.1"),
    P("A.1 text", DT, TY_D_DOT, 1, "A.1", "text", .path = "1.1",
      .path_alpha = 1),
    P("A.1.2 text", DT, TY_D_DOT, 2, "A.1.2", "text", .path = "1.1.2",
      .path_alpha = 1),
    P("A.0. Proposal", DT, TY_D_DOT, 0, "A.0.", "Proposal", .path = "1.0",
      .path_alpha = 1),
    P("B.2.", DT, TY_D_DOT, 2, "B.2.", "", .path = "2.2", .path_alpha = 1),
    P("１．２　全角", DT, TY_D_DOT, 2, "１．２", "全角", .path = "1.2"),
    P("3.5 percent", DT, TY_D_DOT, 5, "3.5", "percent", .path = "3.5"),
    P("1.2.3.4.5.6 deep", DT, TY_D_DOT, 6, "1.2.3.4.5.6", "deep",
      .path = "1.2.3.4.5.6"),
    P("### 10.2 Ten", DT, TY_D_DOT, 2, "10.2", "Ten", .path = "10.2",
      .heading = 3),
    P("    1.1. indented", DT, TY_D_DOT, 1, "1.1.", "indented", .path = "1.1",
      .indent = 4),
    /* later components past 999 (tests/bench's unmatched sets) */
    P("M.1000 Text.", DT, TY_D_DOT, 1000, "M.1000", "Text.", .path = "13.1000",
      .path_alpha = 1),
    P("2.1234567 x", DT, TY_D_DOT, 1234567, "2.1234567", "x",
      .path = "2.1234567"),
};

static const mcase ja_words[] = {
    P("第1", TY_K_JA_DAI, TY_D_WORD, 1, "第1", ""),
    P("第一　総則", TY_K_JA_DAI, TY_D_WORD, 1, "第一", "総則"),
    P("第一章　天皇", TY_K_JA_CHAPTER, TY_D_WORD, 1, "第一章", "天皇"),
    P("第3章概要", TY_K_JA_CHAPTER, TY_D_WORD, 3, "第3章", "概要"),
    P("第九条", TY_K_JA_ARTICLE, TY_D_WORD, 9, "第九条", ""),
    P("第一条　目的", TY_K_JA_ARTICLE, TY_D_WORD, 1, "第一条", "目的"),
    P("第二条この法律", TY_K_JA_ARTICLE, TY_D_WORD, 2, "第二条", "この法律"),
    P("第百三条　この憲法", TY_K_JA_ARTICLE, TY_D_WORD, 103, "第百三条",
      "この憲法"),
    P("第十条の二　枝", TY_K_JA_ARTICLE, TY_D_WORD, 10, "第十条の二", "枝",
      .branch = 2),
    P("第十条の二の三　枝", TY_K_JA_ARTICLE, TY_D_WORD, 10, "第十条の二の三",
      "枝", .branch = 2),
    P("第１０条の２", TY_K_JA_ARTICLE, TY_D_WORD, 10, "第１０条の２", "",
      .branch = 2),
    P("第二項　項", TY_K_JA_PARAGRAPH, TY_D_WORD, 2, "第二項", "項"),
    P("第三号　号", TY_K_JA_ITEM, TY_D_WORD, 3, "第三号", "号"),
    P("第四節　節", TY_K_JA_SECTION, TY_D_WORD, 4, "第四節", "節"),
    P("第五編　編", TY_K_JA_PART, TY_D_WORD, 5, "第五編", "編"),
    P("第六款　款", TY_K_JA_SUBSECTION, TY_D_WORD, 6, "第六款", "款"),
    P("第七目　目", TY_K_JA_DIVISION, TY_D_WORD, 7, "第七目", "目"),
    P("第四条―第二十条の二", TY_K_JA_ARTICLE, TY_D_WORD, 4, "第四条",
      "―第二十条の二"),
    P("附則", TY_K_JA_SUPPL, TY_D_WORD, 1, "附則", ""),
    P("附則　抄", TY_K_JA_SUPPL, TY_D_WORD, 1, "附則", "抄"),
    P("附則（平成二年法律第一号）", TY_K_JA_SUPPL, TY_D_WORD, 1, "附則",
      "（平成二年法律第一号）"),
    P("付録A　用語", TY_K_JA_APPENDIX, TY_D_WORD, 1, "付録A", "用語"),
    P("付録１　用語", TY_K_JA_APPENDIX, TY_D_WORD, 1, "付録１", "用語"),
    P("付録Ｂ", TY_K_JA_APPENDIX, TY_D_WORD, 2, "付録Ｂ", ""),
    P("別表第一（第六条関係）", TY_K_JA_APPENDIX, TY_D_WORD, 1, "別表第一",
      "（第六条関係）"),
    P("別表第二", TY_K_JA_APPENDIX, TY_D_WORD, 2, "別表第二", ""),
    P("別表", TY_K_JA_APPENDIX, TY_D_WORD, 1, "別表", ""),
};

static const mcase en_words[] = {
    P("Article 10", TY_K_EN_ARTICLE, TY_D_WORD, 10, "Article 10", ""),
    P("Article 1. The Emperor", TY_K_EN_ARTICLE, TY_D_WORD, 1, "Article 1.",
      "The Emperor"),
    P("Article 10-2 Branch", TY_K_EN_ARTICLE, TY_D_WORD, 10, "Article 10-2",
      "Branch", .branch = 2),
    P("Art. 3 Short", TY_K_EN_ARTICLE, TY_D_WORD, 3, "Art. 3", "Short"),
    P("ARTICLE 3", TY_K_EN_ARTICLE, TY_D_WORD, 3, "ARTICLE 3", ""),
    P("Section 2 Scope", TY_K_EN_SECTION, TY_D_WORD, 2, "Section 2", "Scope"),
    P("§ 2 Scope", TY_K_EN_SECTION, TY_D_WORD, 2, "§ 2", "Scope"),
    P("§2", TY_K_EN_SECTION, TY_D_WORD, 2, "§2", ""),
    P("Chapter IV", TY_K_EN_CHAPTER, TY_D_WORD, 4, "Chapter IV", ""),
    P("CHAPTER I. THE EMPEROR", TY_K_EN_CHAPTER, TY_D_WORD, 1, "CHAPTER I.",
      "THE EMPEROR"),
    P("Chapter 3. Rules", TY_K_EN_CHAPTER, TY_D_WORD, 3, "Chapter 3.", "Rules"),
    P("Part II", TY_K_EN_PART, TY_D_WORD, 2, "Part II", ""),
    P("Paragraph 2", TY_K_EN_PARAGRAPH, TY_D_WORD, 2, "Paragraph 2", ""),
    P("Item (iii) Third", TY_K_EN_ITEM, TY_D_WORD, 3, "Item (iii)", "Third"),
    P("Appendix A", TY_K_EN_APPENDIX, TY_D_WORD, 1, "Appendix A", ""),
    P("Appendix C. Forms", TY_K_EN_APPENDIX, TY_D_WORD, 3, "Appendix C.",
      "Forms"),
    P("Appended Table 1", TY_K_EN_APPENDIX, TY_D_WORD, 1, "Appended Table 1",
      ""),
    P("Supplementary Provisions", TY_K_EN_SUPPL, TY_D_WORD, 1,
      "Supplementary Provisions", ""),
    P("SUPPLEMENTARY PROVISIONS (Act No. 1)", TY_K_EN_SUPPL, TY_D_WORD, 1,
      "SUPPLEMENTARY PROVISIONS", "(Act No. 1)"),
    P("# Article 5 Heading", TY_K_EN_ARTICLE, TY_D_WORD, 5, "Article 5",
      "Heading", .heading = 1),
    P("Article 5: colon", TY_K_EN_ARTICLE, TY_D_WORD, 5, "Article 5",
      ": colon"),
    P("Article 3. of", TY_K_EN_ARTICLE, TY_D_WORD, 3, "Article 3.", "of"),
    P("Section 12 Scope", TY_K_EN_SECTION, TY_D_WORD, 12, "Section 12",
      "Scope"),
};

/* Lines that do not start with a marker. */
static const mcase negatives[] = {
    N(""),
    N("   "),
    N("2017年7月21日"),
    N("一方、"),
    N("一部の"),
    N("二国間の"),
    N("二〇一七年"),
    N("I think"),
    N("A person may"),
    N("a lot"),
    N("1,000 people"),
    N("12:30"),
    N("(note)"),
    N("(i.e. this)"),
    N("e.g. this"),
    N("Article"),
    N("Article 3, paragraph 2"),
    N("Articles 4 to 20-2"),
    N("article 3 says"),
    N("（目的）"),
    N("第三者"),
    N("第5会期"),
    N("第五回の会合"),
    N("第一条の規定により"),
    N("・"),
    N("-"),
    N("- text"),
    N("* text"),
    N("1st"),
    N("2nd"),
    N("100%"),
    N("1/2"),
    N("V.I.P."),
    N("IV"),
    N("iv the"),
    N("mix."),
    N("dim."),
    N("Section 2.1"),
    N("The Developers"),
    N("日本国民は、"),
    N("共同プレスリリース（仮訳）"),
    N("アメリカ合衆国"),
    N("#hashtag"),
    N("-1 below zero"),
    N("\"quoted\""),
    N("10.5% growth"),
    N("2017.7.21"),
    N("付録"),
    N("附則の規定"),
    N("千葉県"),
    N("十分な"),
    N("万一の"),
    N("○印"),
    N("Appendix"),
    N("Supplementary"),
    N("a"),
    N("1.x"),
    N("Chapter III of this Constitution"),
    N("Article 3 of the Act"),
    N("Section 4 and Section 5"),
    N("Item (iii) of Article 3"),
};

/* Lines copied from the corpus (see /work/shared/corpus/README.md) and the
 * seed text. */
static const mcase corpus[] = {
    /* constitution-of-japan/ja.egov.txt */
    P("第一章　天皇", TY_K_JA_CHAPTER, TY_D_WORD, 1, "第一章", "天皇"),
    P("第九条　日本国民は、正義と秩序を基調とする", TY_K_JA_ARTICLE, TY_D_WORD,
      9, "第九条", "日本国民は、正義と秩序を基調とする"),
    P("○２　前項の目的を達するため", AR, TY_D_MARU, 2, "○２",
      "前項の目的を達するため"),
    P("一　憲法改正、法律、政令及び条約を公布すること。", KJ, TY_D_BARE, 1,
      "一", "憲法改正、法律、政令及び条約を公布すること。"),
    N("昭和二十一年憲法"),
    /* constitution-of-japan/en.pg612.txt */
    P("                     CHAPTER I. THE EMPEROR", TY_K_EN_CHAPTER, TY_D_WORD,
      1, "CHAPTER I.", "THE EMPEROR", .indent = 21),
    P("                 CHAPTER II. RENUNCIATION OF WAR", TY_K_EN_CHAPTER,
      TY_D_WORD, 2, "CHAPTER II.", "RENUNCIATION OF WAR", .indent = 17),
    P("     Article 103. The Ministers of State", TY_K_EN_ARTICLE, TY_D_WORD,
      103, "Article 103.", "The Ministers of State", .indent = 5),
    P("     (2) The Emperor may delegate", AR, TY_D_PAREN, 2, "(2)",
      "The Emperor may delegate", .indent = 5),
    N("of the unity of the people, deriving his position from the will"),
    /* debian-constitution/en-v1.7.txt */
    P(" 1. The Developers, by way of General Resolution", AR, TY_D_DOT, 1, "1.",
      "The Developers, by way of General Resolution", .indent = 1),
    P("2.1. General rules", DT, TY_D_DOT, 1, "2.1.", "General rules",
      .path = "2.1"),
    P("A.1. Discussion and Amendment", DT, TY_D_DOT, 1, "A.1.",
      "Discussion and Amendment", .path = "1.1", .path_alpha = 1),
    P("A. Standard Resolution Procedure", LU, TY_D_DOT, 1, "A.",
      "Standard Resolution Procedure"),
    P("3.1. 権限", DT, TY_D_DOT, 1, "3.1.", "権限", .path = "3.1"),
    /* seeds/000_*.txt */
    P("1 2017年2月の安倍晋三内閣総理大臣", AR, TY_D_BARE, 1, "1",
      "2017年2月の安倍晋三内閣総理大臣"),
    P("(1) 情報共有", AR, TY_D_PAREN, 1, "(1)", "情報共有"),
    P("- a. 政府全体としてのアプローチ", LL, TY_D_DOT, 1, "a.",
      "政府全体としてのアプローチ", .bullet = 1),
    P("b. 日米両国は", LL, TY_D_DOT, 2, "b.", "日米両国は"),
    N("2017年7月21日"),
    N("日米サイバー対話"),
};

static void test_numbering_arabic(void **state) {
  RUN(arabic);
}
static void test_numbering_circled(void **state) {
  RUN(circled);
}
static void test_numbering_kanji(void **state) {
  RUN(kanji);
}
static void test_numbering_latin_and_roman(void **state) {
  RUN(latin_roman);
}
static void test_numbering_iroha_vs_aiueo(void **state) {
  RUN(kana);
}
static void test_numbering_dotted(void **state) {
  RUN(dotted);
}
static void test_numbering_japanese_words(void **state) {
  RUN(ja_words);
}
static void test_numbering_english_words(void **state) {
  RUN(en_words);
}
static void test_numbering_negatives(void **state) {
  RUN(negatives);
}
static void test_numbering_corpus_lines(void **state) {
  RUN(corpus);
}

/* A marker is recognised in a line that is not NUL-terminated, and the
 * parser reads nothing past `len`. */
static void test_numbering_respects_length(void **state) {
  ty_marker m;
  const char *s = "1. text";
  assert_int_equal(ty_number_parse(s, 2, &m), 1);
  assert_int_equal(m.kind, TY_K_ARABIC);
  assert_int_equal(m.text_off, 2);
  /* "第三者" cut after 第三 is a bare 第N */
  const char *dai = "第三者";
  assert_int_equal(ty_number_parse(dai, 6, &m), 1);
  assert_int_equal(m.kind, TY_K_JA_DAI);
  assert_int_equal(ty_number_parse(dai, 9, &m), 0);
  /* half a UTF-8 sequence is not a digit */
  assert_int_equal(ty_number_parse("１", 2, &m), 0);
  assert_int_equal(ty_number_parse("", 0, &m), 0);
}

/* A date and a long decimal are no dotted markers: the first component
 * stops at 999, the later ones at seven digits. */
static void test_numbering_dotted_limits(void **state) {
  (void)state;
  ty_marker m;
  const char *date = "2017.12.31 was a Sunday";
  const char *pi = "3.14159265 is pi";
  assert_true(!ty_number_parse(date, strlen(date), &m) ||
              m.kind != TY_K_DOTTED);
  assert_true(!ty_number_parse(pi, strlen(pi), &m) || m.kind != TY_K_DOTTED);
}

/* The numbering reads full-width ASCII (U+FF01..FF5E) by subtracting
 * 0xFEE0: that is NFKC's mapping of every one of them. */
static void test_numbering_fullwidth_fold_is_nfkc(void **state) {
  (void)state;
  UErrorCode e = U_ZERO_ERROR;
  const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&e);
  assert_true(U_SUCCESS(e));
  for (UChar32 c = 0xFF01; c <= 0xFF5E; c++) {
    UChar buf[4];
    int32_t k = unorm2_getDecomposition(nfkc, c, buf, 4, &e);
    assert_true(U_SUCCESS(e));
    assert_int_equal(k, 1);
    assert_int_equal(buf[0], c - 0xFEE0);
  }
  ty_marker m;
  assert_int_equal(ty_number_parse("（３）　全角", strlen("（３）　全角"), &m),
                   1);
  assert_int_equal(m.ordinal, 3);
  assert_int_equal(m.deco, TY_D_PAREN);
}

/* The outline re-reads a dotted label alone to build its key. */
static void test_numbering_label_reparses(void **state) {
  ty_marker m, again;
  const char *s = "A.1.2. Text";
  assert_int_equal(ty_number_parse(s, strlen(s), &m), 1);
  assert_int_equal(ty_number_parse(s + m.label_off, m.label_len, &again), 1);
  assert_int_equal(again.kind, TY_K_DOTTED);
  assert_int_equal(again.npath, 3);
  assert_int_equal(again.path_alpha, 1);
}

typedef struct kcase {
  const char *s;
  long long value;
  size_t used; /* bytes */
} kcase;

static void test_numbering_kanji_number(void **state) {
  static const kcase cs[] = {
      {"一", 1, 3},
      {"十", 10, 3},
      {"十二", 12, 6},
      {"二十", 20, 6},
      {"二十一", 21, 9},
      {"百", 100, 3},
      {"百三", 103, 6},
      {"三百五十", 350, 12},
      {"千九百四十六", 1946, 18},
      {"二〇一七", 2017, 12},
      {"二〇一七年", 2017, 12},
      {"〇", 0, 3},
      {"零", 0, 3},
      {"壱", 1, 3},
      {"弐拾", 20, 6},
      {"参拾五", 35, 9},
      {"一万", 10000, 6},
      {"二万三千", 23000, 12},
      {"一億二千万", 120000000, 15},
      {"万", 10000, 3},
      {"２０", 20, 6},
      {"20万", 200000, 5},
      {"3千", 3000, 4},
      {"12", 12, 2},
      {"一部", 1, 3},
      {"九条", 9, 3},
  };
  for (size_t i = 0; i < sizeof cs / sizeof cs[0]; i++) {
    size_t used = 99;
    long long v = ty_kanji_number(cs[i].s, strlen(cs[i].s), &used);
    if (v != cs[i].value || used != cs[i].used)
      print_error("\"%s\": %lld used %zu\n", cs[i].s, v, used);
    assert_int_equal(v, cs[i].value);
    assert_int_equal(used, cs[i].used);
  }
  size_t used = 99;
  assert_int_equal(ty_kanji_number("方", 3, &used), -1);
  assert_int_equal(ty_kanji_number("abc", 3, &used), -1);
  assert_int_equal(ty_kanji_number("", 0, &used), -1);
  /* ① and Ⅳ have numeric values but are markers, not kanji numerals */
  assert_int_equal(ty_kanji_number("①", 3, &used), -1);
  assert_int_equal(ty_kanji_number("Ⅳ", 3, &used), -1);
  assert_int_equal(used, 99);
}

/* A bare number past 999 is read but marked weak: the outline takes it
 * only where it continues a sequence (clause 1000 of a long file), not
 * where it is a year ("2017 was a year"). */
static void test_numbering_bare_number_past_999_is_weak(void **state) {
  (void)state;
  ty_marker m;
  assert_int_equal(ty_number_parse("2017 was a year", 15, &m), 1);
  assert_int_equal(m.ordinal, 2017);
  assert_true(m.weak);
  assert_int_equal(ty_number_parse("999 text", 8, &m), 1);
  assert_false(m.weak);
  assert_int_equal(ty_number_parse("1000. text", 10, &m), 1);
  assert_false(m.weak);
}

static void test_numbering_kind_names(void **state) {
  assert_string_equal(ty_kind_name(TY_K_ARABIC), "arabic");
  assert_string_equal(ty_kind_name(TY_K_KANJI), "kanji");
  assert_string_equal(ty_kind_name(TY_K_DOTTED), "dotted");
  assert_string_equal(ty_kind_name(TY_K_JA_ARTICLE), "ja-article");
  assert_string_equal(ty_kind_name(TY_K_EN_SUPPL), "en-suppl");
  assert_string_equal(ty_kind_name(TY_K_COUNT), "unknown");
  for (int k = 0; k < TY_K_COUNT; k++) {
    assert_non_null(ty_kind_name((ty_kind)k));
    for (int j = 0; j < k; j++)
      assert_string_not_equal(ty_kind_name((ty_kind)k),
                              ty_kind_name((ty_kind)j));
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_numbering_arabic),
      cmocka_unit_test(test_numbering_circled),
      cmocka_unit_test(test_numbering_kanji),
      cmocka_unit_test(test_numbering_latin_and_roman),
      cmocka_unit_test(test_numbering_iroha_vs_aiueo),
      cmocka_unit_test(test_numbering_dotted),
      cmocka_unit_test(test_numbering_dotted_limits),
      cmocka_unit_test(test_numbering_fullwidth_fold_is_nfkc),
      cmocka_unit_test(test_numbering_japanese_words),
      cmocka_unit_test(test_numbering_english_words),
      cmocka_unit_test(test_numbering_negatives),
      cmocka_unit_test(test_numbering_corpus_lines),
      cmocka_unit_test(test_numbering_respects_length),
      cmocka_unit_test(test_numbering_label_reparses),
      cmocka_unit_test(test_numbering_kanji_number),
      cmocka_unit_test(test_numbering_bare_number_past_999_is_weak),
      cmocka_unit_test(test_numbering_kind_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
