/* extract_en.c — the numbers of English text: digits, ordinals (21st),
 * percentages, scales ("3.5 million"), number words read with ICU's
 * spell-out rules, Roman numerals, month names and days, implicit years
 * ("this year"), "once"/"twice". */
#include "extract.h"

/* English phrases for a year the reader knows. */
static const char *const en_implicit_years[] = {
    "this year", "last year",          "next year",        "the same year",
    "that year", "the following year", "the previous year"};

/* Reads number words starting at the word s[i..e): a single word from the
 * vocabulary, or a phrase ("twenty-one", "one hundred and five") read by
 * ICU.  Returns the end, or 0. */
static size_t read_words(ty_extractor *x, const char *s, size_t n, size_t i,
                         size_t e, double *v, int *ordinal) {
  char w[WORD_MAX];
  size_t k = e - i;
  if (k >= WORD_MAX) return 0;
  /* most words are no number word by their first letter and length:
   * ty_extract_vocab_find's own test, before the word is copied */
  char l = lower(s[i]);
  if (l < 'a' || l > 'z' || !(x->vocab_lengths[l - 'a'] >> k & 1)) return 0;
  for (size_t j = 0; j < k; j++)
    w[j] = lower(s[i + j]);
  const vocab_word *first = ty_extract_vocab_find(x, w, k);
  if (!first) return 0;
  /* Extend over following vocabulary words joined by a space or hyphen
   * (and "and" inside a phrase). */
  size_t end = e, j = e;
  const vocab_word *last = first;
  int words = 1;
  int multiplier = first->value < 0; /* "hundred", "million" */
  while (j < n && (s[j] == ' ' || s[j] == '-')) {
    size_t a = j + 1;
    if (s[j] == ' ' && starts_word(s, n, a, "and")) a += 4;
    size_t b = a;
    while (b < n && is_alpha(s[b]))
      b++;
    if (b == a || b - a >= WORD_MAX) break;
    for (size_t t = 0; t < b - a; t++)
      w[t] = lower(s[a + t]);
    const vocab_word *next = ty_extract_vocab_find(x, w, b - a);
    if (!next || last->ordinal) break;
    last = next;
    end = j = b;
    words++;
    multiplier |= next->value < 0;
  }
  if (words == 1) {
    /* "a million", "a hundred": the article is the one */
    int article = i >= 2 && s[i - 1] == ' ' && lower(s[i - 2]) == 'a' &&
                  (i == 2 || !is_alpha(s[i - 3]));
    if (first->value < 0 && !(article && first->scale > 0)) return 0;
    *v = first->value < 0 ? first->scale : first->value;
    *ordinal = first->ordinal;
    return e;
  }
  size_t used = 0;
  double pv = ty_extract_spell_parse(x, s + i, end - i, &used, 0);
  /* Strict parsing reads "twenty one" as the year 2001 (ICU's year rules):
   * past a thousand without a multiplier word, ask the lenient parser,
   * slower but rarely needed. */
  if (pv >= 1000 && !multiplier)
    pv = ty_extract_spell_parse(x, s + i, end - i, &used, 1);
  /* ICU may stop early ("one and two" reads as one): keep what it read
   * when that ends a word, else fall back to the first word. */
  size_t stop = i + used;
  if (pv < 0 || stop <= i || (stop < n && is_alpha(s[stop]))) {
    if (first->value < 0) return 0;
    *v = first->value;
    *ordinal = first->ordinal;
    return e;
  }
  while (stop > i && !is_alpha(s[stop - 1]))
    stop--;
  *v = pv;
  *ordinal = stop == end && last->ordinal;
  return stop;
}

/* Where the English scan is: what the numbers just read leave open. */
typedef struct en_state {
  size_t last_num_end;   /* end of the last 1-2 digit number, or -1 */
  size_t last_month;     /* index in out of a month just read, or -1 */
  size_t last_month_end; /* where that month name ends */
  size_t prev_ref;       /* end of a reference just read, or -1 */
} en_state;

/* What follows the digits ending at s[j]: an ordinal suffix (21st), a
 * percent sign or word, a scale word ("3.5 million", *v scaled).  Sets
 * *kind and returns the end of the number. */
static size_t digits_suffix(ty_extractor *x, const char *s, size_t n, size_t j,
                            double *v, ty_num_kind *kind) {
  *kind = TY_NUM_PLAIN;
  if ((starts_word(s, n, j, "st") || starts_word(s, n, j, "nd") ||
       starts_word(s, n, j, "rd") || starts_word(s, n, j, "th"))) {
    *kind = TY_NUM_ORDINAL;
    return j + 2;
  }
  if (j < n && s[j] == '%') {
    *kind = TY_NUM_PERCENT;
    return j + 1;
  }
  size_t a = skip_spaces(s, n, j);
  if (a > j &&
      (starts_word(s, n, a, "percent") || starts_word(s, n, a, "per cent"))) {
    *kind = TY_NUM_PERCENT;
    return a + (starts_word(s, n, a, "percent") ? 7 : 8);
  }
  if (a > j) {
    size_t b = a;
    while (b < n && is_alpha(s[b]))
      b++;
    char w[WORD_MAX];
    if (b > a && b - a < WORD_MAX) {
      for (size_t t = 0; t < b - a; t++)
        w[t] = lower(s[a + t]);
      const vocab_word *sc = ty_extract_vocab_find(x, w, b - a);
      if (sc && sc->scale > 0) { /* "3.5 million" */
        *v *= sc->scale;
        return b;
      }
    }
  }
  return j;
}

/* A number written in digits at s[i]; returns the end of what was read. */
static size_t digits_number(ty_extractor *x, const char *s, size_t n, size_t i,
                            en_state *st, ty_numbers *out) {
  double v;
  int plain;
  size_t idiom = ty_extract_idiom(s, n, i);
  if (idiom) return idiom;
  size_t e = ty_extract_decimal(s, n, i, &v, &plain);
  if (ty_extract_in_format(s, i) || ty_extract_in_name(s, n, i, e)) return e;
  if (plain && ty_extract_bound(s, n, i, e, v, out)) return e;
  size_t digits = e - i;
  ty_num_kind kind;
  size_t j = digits_suffix(x, s, n, e, &v, &kind);
  if (kind == TY_NUM_PLAIN && plain && digits == 4 && v >= 1000 && v <= 2999)
    kind = TY_NUM_YEAR;
  /* A day beside a month name: "July 21", "21 July". */
  if (plain && digits <= 2 && v >= 1 && v <= 31 &&
      (kind == TY_NUM_PLAIN || kind == TY_NUM_ORDINAL) &&
      st->last_month != (size_t)-1 &&
      skip_spaces(s, n, st->last_month_end) == i)
    kind = TY_NUM_DAY;
  unsigned flags = ty_extract_enclosed(s, n, i, e) ? TY_NUM_OPTIONAL : 0;
  if (ty_extract_ref_before(s, i, st->prev_ref)) flags |= TY_NUM_REF;
  ty_extract_add(out, v, kind, flags, i, j - i);
  st->prev_ref = (flags & TY_NUM_REF) ? j : (size_t)-1;
  st->last_num_end = (plain && digits <= 2) ? j : (size_t)-1;
  st->last_month = (size_t)-1;
  return j;
}

/* A capitalised month name s[i..e), a date's when a day or year stands
 * next to it (the day before it becomes a day).  Returns 1 when added. */
static int month_word(ty_extractor *x, const char *s, size_t n, size_t i,
                      size_t e, en_state *st, ty_numbers *out) {
  size_t a = e;
  if (a < n && s[a] == '.') a++;
  a = skip_spaces(s, n, a);
  int dated_after = a < n && is_digit(s[a]);
  int dated_before = st->last_num_end != (size_t)-1 &&
                     skip_spaces(s, n, st->last_num_end) == i;
  int m = ty_extract_month(x, s, i, e, dated_after || dated_before);
  if (!m) return 0;
  if (dated_before && out->n && out->v[out->n - 1].value <= 31)
    out->v[out->n - 1].kind = TY_NUM_DAY;
  ty_extract_add(out, m, TY_NUM_MONTH,
                 (dated_after || dated_before) ? 0 : TY_NUM_OPTIONAL, i, e - i);
  st->last_month = out->n - 1;
  st->last_month_end = (e < n && s[e] == '.') ? e + 1 : e;
  st->last_num_end = (size_t)-1;
  return 1;
}

/* A full month name in lower case, s[i..e), before a year of four digits:
 * the month of a date.  Returns 1 when added. */
static int lower_month_year(ty_extractor *x, const char *s, size_t n, size_t i,
                            size_t e, ty_numbers *out) {
  char w[WORD_MAX];
  if (e - i < 3 || e - i >= WORD_MAX) return 0;
  size_t a = skip_spaces(s, n, e);
  size_t b = a;
  while (b < n && is_digit(s[b]))
    b++;
  if (b - a != 4 || (b < n && is_alnum(s[b]))) return 0;
  memcpy(w, s + i, e - i);
  w[0] = (char)(w[0] - 'a' + 'A');
  int m = ty_extract_month(x, w, 0, e - i, 0);
  if (!m) return 0;
  ty_extract_add(out, m, TY_NUM_MONTH, 0, i, e - i);
  return 1;
}

/* An implicit-year phrase at the word s[i..e) ("this year"): its length
 * once added, or 0. */
static size_t implicit_year(const char *s, size_t n, size_t i, size_t e,
                            ty_numbers *out) {
  /* the phrases start with "this", "last", "next", "the", "that" */
  char l = lower(s[i]);
  if (!((e - i == 3 || e - i == 4) && (l == 't' || l == 'l' || l == 'n')))
    return 0;
  for (size_t k = 0; k < sizeof en_implicit_years / sizeof(char *); k++) {
    const char *p = en_implicit_years[k];
    if (starts_word(s, n, i, p)) {
      ty_extract_add(out, 0, TY_NUM_YEAR, TY_NUM_OPTIONAL | TY_NUM_ANY, i,
                     strlen(p));
      return strlen(p);
    }
  }
  return 0;
}

/* "dozen" at the word s[i..e), after "a" or a number ending just before
 * it: twelve as the English counts, ten as translators often count it
 * (the alternative value).  debian-faq en.txt 5.9 "nearly two dozen
 * keyboards" for 20以上, 9.1 "a dozen or more new packages" for 10 以上.
 * Returns 1 when read. */
static int dozen(const char *s, size_t n, size_t i, size_t e, ty_numbers *out) {
  if (e - i != 5 || !starts_word(s, n, i, "dozen") || i < 2 || s[i - 1] != ' ')
    return 0;
  ty_number *last = out->n ? &out->v[out->n - 1] : NULL;
  if (last && last->off + last->len == i - 1 && last->kind == TY_NUM_PLAIN) {
    last->alt = last->value * 10;
    last->value *= 12;
    last->len = e - last->off;
    last->flags |= TY_NUM_OPTIONAL;
    return 1;
  }
  if (lower(s[i - 2]) == 'a' && (i == 2 || !is_alpha(s[i - 3]))) {
    ty_extract_add(out, 12, TY_NUM_PLAIN, TY_NUM_OPTIONAL, i, e - i);
    out->v[out->n - 1].alt = 10;
    return 1;
  }
  return 0;
}

/* Number words at the word s[i..e), or "once", "twice", "thrice" (adverbs
 * of how often, which spell-out rules do not have): added as optional.
 * Returns the end of what was read. */
static size_t number_words(ty_extractor *x, const char *s, size_t n, size_t i,
                           size_t e, ty_numbers *out) {
  if (dozen(s, n, i, e, out)) return e;
  double v;
  int ordinal;
  size_t w = read_words(x, s, n, i, e, &v, &ordinal);
  /* and "double", "triple": "The double underscore" for 2つのアンダース
   * コア (developers-reference 6.6.3.1.4) */
  static const char *const times[] = {"once", "twice", "thrice"};
  static const char *const fold[] = {"double", "triple"};
  char l = lower(s[i]);
  for (int k = 0; !w && (l == 'o' || l == 't') && k < 3; k++)
    if (e - i == strlen(times[k]) && starts_word(s, n, i, times[k])) {
      v = k + 1;
      ordinal = 0;
      w = e;
    }
  for (int k = 0; !w && (l == 'd' || l == 't') && k < 2; k++)
    if (e - i == strlen(fold[k]) && starts_word(s, n, i, fold[k])) {
      v = k + 2;
      ordinal = 0;
      w = e;
    }
  if (!w) return e;
  ty_extract_add(out, v, ordinal ? TY_NUM_ORDINAL : TY_NUM_PLAIN,
                 TY_NUM_OPTIONAL, i, w - i);
  return w;
}

/* A word of letters s[i..e) not inside a token: a Roman numeral, a month,
 * an implicit year or number words.  Returns where the scan goes on. */
static size_t word_number(ty_extractor *x, const char *s, size_t n, size_t i,
                          size_t e, en_state *st, ty_numbers *out) {
  double roman = ty_extract_roman(x, s, i, e);
  if (roman > 0) { /* Chapter III: a reference */
    ty_extract_add(out, roman, TY_NUM_PLAIN,
                   ty_extract_ref_before(s, i, st->prev_ref) ? TY_NUM_REF : 0,
                   i, e - i);
    st->last_num_end = (size_t)-1;
    st->last_month = (size_t)-1;
    return e;
  }
  /* Month names: capitalised, as ICU writes them; in lower case only
   * before a year ("In november 2007", debian-faq en.txt 5.10). */
  if (s[i] >= 'A' && s[i] <= 'Z' && month_word(x, s, n, i, e, st, out))
    return e;
  if (s[i] >= 'a' && s[i] <= 'z' && lower_month_year(x, s, n, i, e, out))
    return e;
  size_t implicit = implicit_year(s, n, i, e, out);
  if (implicit) return i + implicit;
  size_t end = number_words(x, s, n, i, e, out);
  st->last_num_end = (size_t)-1;
  st->last_month = (size_t)-1;
  return end;
}

void ty_extract_en(ty_extractor *x, const char *s, size_t n, ty_numbers *out) {
  en_state st = {(size_t)-1, (size_t)-1, 0, (size_t)-1};
  size_t i = 0;
  while (i < n) {
    char c = s[i];
    if (is_digit(c)) {
      i = digits_number(x, s, n, i, &st, out);
      continue;
    }
    if (!is_alpha(c)) {
      i++;
      continue;
    }
    size_t e = i;
    while (e < n && is_alpha(s[e]))
      e++;
    if (i > 0 && is_alnum(s[i - 1])) /* inside a token ("G7x") */
      i = e;
    else
      i = word_number(x, s, n, i, e, &st, out);
  }
}
