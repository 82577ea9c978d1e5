/*
 * writer.c: the JSON writer of writer.h, and Python's float repr.
 *
 * Floats: Python's repr prints the shortest digit string that reads back as
 * the same double, and of those the one nearest to it (David Gay's dtoa in
 * mode 0). This file finds it with the C library: for a precision p,
 * printf's correctly rounded p-digit decimal d is the p-digit decimal
 * nearest to the value, so if any p-digit decimal reads back as the value,
 * either d does or, when d fell outside the (possibly lopsided, at a power
 * of two) rounding interval, the p-digit decimal next to d on the other
 * side of the value does. That test is exact, and it is monotonic in p
 * (p-digit decimals are also (p+1)-digit ones), so a binary search over
 * 1..17 finds the shortest in about five printf/strtod rounds. Integral
 * values below 1e16, the most common floats by far, skip all that.
 *
 * Decimals are handed to strtod as an integer mantissa and an exponent
 * ("12345e-7"), and the digits are read back from printf skipping whatever
 * the decimal point is, so the locale's decimal separator never matters.
 */
#include "json/writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/*=== MARK: Buffer ==========================================================*/

void gql_json_writer_init(gql_json_writer *w) {
    *w = (gql_json_writer)GQL_JSON_WRITER_INIT;
}

void gql_json_writer_free(gql_json_writer *w) {
    gql_free(w->buf);
    gql_json_writer_init(w);
}

char *gql_json_writer_finish(gql_json_writer *w, size_t *length) {
    char *out = NULL;
    if (!w->nomem) {
        if (!w->buf) {
            w->buf = gql_malloc(1);
            if (w->buf) w->cap = 1;
        }
        if (w->buf) {
            w->buf[w->len] = '\0';
            out = w->buf;
            if (length) *length = w->len;
            w->buf = NULL;
        }
    }
    gql_json_writer_free(w);
    return out;
}

/* Grow so that extra more bytes and the final NUL fit; false when out of
 * memory (the writer is then in its nomem state). */
static bool grow(gql_json_writer *w, size_t extra) {
    if (w->nomem) return false;
    if (extra > SIZE_MAX / 2 - w->len) {
        w->nomem = true;
        gql_free(w->buf);
        w->buf = NULL;
        w->len = w->cap = 0;
        return false;
    }
    size_t need = w->len + extra + 1;
    size_t cap = w->cap ? w->cap : 256;
    while (cap < need) cap *= 2;
    char *p = gql_realloc(w->buf, cap);
    if (!p) {
        w->nomem = true;
        gql_free(w->buf);
        w->buf = NULL;
        w->len = w->cap = 0;
        return false;
    }
    w->buf = p;
    w->cap = cap;
    return true;
}

static inline bool reserve(gql_json_writer *w, size_t extra) {
    return (w->cap - w->len > extra && !w->nomem) || grow(w, extra);
}

static inline void put(gql_json_writer *w, const char *s, size_t n) {
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

/* The comma before a value or key that follows another. */
static inline void separate(gql_json_writer *w) {
    if (w->comma) w->buf[w->len++] = ',';
}

/*=== MARK: Structure =======================================================*/

static void open_container(gql_json_writer *w, char c) {
    if (!reserve(w, 2)) return;
    separate(w);
    w->buf[w->len++] = c;
    w->comma = false;
}

static void close_container(gql_json_writer *w, char c) {
    if (!reserve(w, 1)) return;
    w->buf[w->len++] = c;
    w->comma = true;
}

void gql_json_begin_object(gql_json_writer *w) { open_container(w, '{'); }
void gql_json_end_object(gql_json_writer *w) { close_container(w, '}'); }
void gql_json_begin_array(gql_json_writer *w) { open_container(w, '['); }
void gql_json_end_array(gql_json_writer *w) { close_container(w, ']'); }

/*=== MARK: Strings =========================================================*/

/* What json.dumps writes for each byte that needs escaping; NULL for the
 * bytes copied as they are. */
static const char *const escapes[128] = {
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
    "\\b",     "\\t",     "\\n",     "\\u000b", "\\f",     "\\r",     "\\u000e", "\\u000f",
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ['"'] = "\\\"",
    ['\\'] = "\\\\",
};

/* The quoted, escaped string (no separator). */
static void put_string(gql_json_writer *w, const char *s, size_t n) {
    /* Room for the plain case; escapes reserve more as they come. */
    if (!reserve(w, n + 2)) return;
    w->buf[w->len++] = '"';
    size_t run = 0; /* start of the bytes not yet copied */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 128 || !escapes[c]) continue;
        const char *e = escapes[c];
        size_t elen = strlen(e);
        /* The run so far, the escape, and the rest plus the closing quote. */
        if (!reserve(w, (i - run) + elen + (n - i) + 1)) return;
        put(w, s + run, i - run);
        put(w, e, elen);
        run = i + 1;
    }
    put(w, s + run, n - run);
    w->buf[w->len++] = '"';
}

void gql_json_string(gql_json_writer *w, const char *s, size_t n) {
    if (!reserve(w, 1)) return;
    separate(w);
    put_string(w, s, n);
    w->comma = true;
}

void gql_json_key(gql_json_writer *w, const char *s, size_t n) {
    if (!reserve(w, 1)) return;
    separate(w);
    put_string(w, s, n);
    if (!reserve(w, 1)) return;
    w->buf[w->len++] = ':';
    w->comma = false;
}

void gql_json_key_name(gql_json_writer *w, const char *s, size_t n) {
    if (!reserve(w, n + 4)) return;
    separate(w);
    w->buf[w->len++] = '"';
    put(w, s, n);
    w->buf[w->len++] = '"';
    w->buf[w->len++] = ':';
    w->comma = false;
}

/*=== MARK: Scalars =========================================================*/

void gql_json_raw(gql_json_writer *w, const char *s, size_t n) {
    if (!reserve(w, n + 1)) return;
    separate(w);
    put(w, s, n);
    w->comma = true;
}

void gql_json_null(gql_json_writer *w) { gql_json_raw(w, "null", 4); }

void gql_json_bool(gql_json_writer *w, bool value) {
    if (value)
        gql_json_raw(w, "true", 4);
    else
        gql_json_raw(w, "false", 5);
}

/* Decimal digits of v at the end of buf[0, 24); returns where they start. */
static char *format_u64(uint64_t v, char *end) {
    char *p = end;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return p;
}

void gql_json_int(gql_json_writer *w, int64_t value) {
    char buf[24];
    char *end = buf + sizeof buf;
    uint64_t mag = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    char *p = format_u64(mag, end);
    if (value < 0) *--p = '-';
    gql_json_raw(w, p, (size_t)(end - p));
}

bool gql_json_double(gql_json_writer *w, double value) {
    char buf[GQL_DOUBLE_REPR_MAX];
    size_t n = gql_format_double(value, buf);
    if (!n) return false;
    gql_json_raw(w, buf, n);
    return true;
}

/*=== MARK: Float repr ======================================================*/

/* A positive decimal: the integer digits[0, n) times 10^exp. */
typedef struct decimal {
    char digits[24];  /* '0'..'9'; at most 18 (17 plus a carry) */
    int n;            /* number of digits */
    int exp;          /* power of ten of the last digit */
} decimal;

/* The p-digit decimal nearest to v > 0, as printf rounds it. */
static void nearest(double v, int p, decimal *d) {
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
    const char *s = tmp;
    d->n = 0;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') d->digits[d->n++] = *s;
    int e = *s ? atoi(s + 1) : 0;
    d->exp = e - (d->n - 1);
}

static double value_of(const decimal *d) {
    char tmp[48];
    memcpy(tmp, d->digits, (size_t)d->n);
    snprintf(tmp + d->n, sizeof tmp - (size_t)d->n, "e%d", d->exp);
    return strtod(tmp, NULL);
}

/* d plus or minus one unit in its last digit (a borrow may leave a
 * leading zero, a carry may add a digit: both read back correctly). */
static void step(decimal *d, bool up) {
    int i = d->n - 1;
    if (up) {
        while (i >= 0 && d->digits[i] == '9') d->digits[i--] = '0';
        if (i >= 0) {
            d->digits[i]++;
        } else {
            memmove(d->digits + 1, d->digits, (size_t)d->n);
            d->digits[0] = '1';
            d->n++;
        }
    } else {
        while (i >= 0 && d->digits[i] == '0') d->digits[i--] = '9';
        if (i >= 0) d->digits[i]--;
    }
}

/* Whether some p-digit decimal reads back as v; if so, the nearest one
 * in *out. */
static bool shortest_at(double v, int p, decimal *out) {
    nearest(v, p, out);
    double x = value_of(out);
    if (x == v) return true;
    step(out, x < v);
    return value_of(out) == v;
}

/*
 * The common case without printf: a value with at most 15 decimals that is
 * exactly m / 10^k for an integer m below 2^50 (12.5, 3.25, 1999.99). With
 * m's trailing zeros dropped (k the smallest), m's digits are the shortest
 * that read back as the value: any other decimal reading back as it would differ from m / 10^k by
 * a multiple of 10^-k, more than the value's ulp, which is below
 * 0.25 * 10^-k since m < 2^50. Only fixed notation (1e-4 <= |v| < 1e16) is
 * written here; 0 leaves the rest to the general path.
 */
static size_t format_short_decimal(double value, char *out) {
    static const double pow10[16] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    double a = fabs(value);
    if (!(a >= 1e-4 && a < 1e16)) return 0;
    for (int k = 0; k < 16; k++) {
        double m = a * pow10[k];
        if (m >= 1125899906842624.0) return 0; /* 2^50 */
        if (m != floor(m) || m / pow10[k] != a) continue;
        /* m * 10^k may have been rounded to an integer at a larger k than
         * needed: the same number without m's trailing zeros. */
        uint64_t u = (uint64_t)m;
        while (k > 0 && u % 10 == 0) {
            u /= 10;
            k--;
        }
        char digits[24];
        int n = 0;
        do {
            digits[n++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        char *o = out;
        if (value < 0) *o++ = '-';
        if (k == 0) {
            while (n) *o++ = digits[--n];
            *o++ = '.';
            *o++ = '0';
        } else if (n <= k) {
            *o++ = '0';
            *o++ = '.';
            for (int z = n; z < k; z++) *o++ = '0';
            while (n) *o++ = digits[--n];
        } else {
            while (n > k) *o++ = digits[--n];
            *o++ = '.';
            while (n) *o++ = digits[--n];
        }
        *o = '\0';
        return (size_t)(o - out);
    }
    return 0;
}

size_t gql_format_double(double value, char out[GQL_DOUBLE_REPR_MAX]) {
    out[0] = '\0';
    if (!isfinite(value)) return 0;
    size_t quick = format_short_decimal(value, out);
    if (quick) return quick;
    char *o = out;
    if (signbit(value)) {
        *o++ = '-';
        value = -value;
    }
    if (value < 1e16 && value == (double)(uint64_t)value) {
        /* Integral: its own digits are the shortest. */
        char buf[24];
        char *end = buf + sizeof buf;
        char *p = format_u64((uint64_t)value, end);
        memcpy(o, p, (size_t)(end - p));
        o += end - p;
        memcpy(o, ".0", 3);
        return (size_t)(o + 2 - out);
    }
    int lo = 1, hi = 17;
    decimal d;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (shortest_at(value, mid, &d))
            hi = mid;
        else
            lo = mid + 1;
    }
    if (!shortest_at(value, lo, &d)) nearest(value, 17, &d); /* not reached */
    /* Drop leading zeros (from a borrow) and trailing zeros. */
    int start = 0;
    while (start < d.n - 1 && d.digits[start] == '0') start++;
    const char *digits = d.digits + start;
    int n = d.n - start;
    int exp = d.exp;
    while (n > 1 && digits[n - 1] == '0') n--, exp++;
    int decpt = n + exp; /* value = 0.digits x 10^decpt */
    if (decpt <= -4 || decpt > 16) {
        *o++ = digits[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, digits + 1, (size_t)(n - 1));
            o += n - 1;
        }
        int e = decpt - 1;
        *o++ = 'e';
        *o++ = e < 0 ? '-' : '+';
        if (e < 0) e = -e;
        if (e >= 100) *o++ = (char)('0' + e / 100);
        *o++ = (char)('0' + e / 10 % 10);
        *o++ = (char)('0' + e % 10);
    } else if (decpt <= 0) {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -decpt; i++) *o++ = '0';
        memcpy(o, digits, (size_t)n);
        o += n;
    } else if (decpt >= n) {
        memcpy(o, digits, (size_t)n);
        o += n;
        for (int i = n; i < decpt; i++) *o++ = '0';
        *o++ = '.';
        *o++ = '0';
    } else {
        memcpy(o, digits, (size_t)decpt);
        o += decpt;
        *o++ = '.';
        memcpy(o, digits + decpt, (size_t)(n - decpt));
        o += n - decpt;
    }
    *o = '\0';
    return (size_t)(o - out);
}
