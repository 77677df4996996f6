/*
 * csv.c: tables read from and written to CSV files through libcsv.
 *
 * Reading happens in one pass. The bytes go to libcsv one physical line at
 * a time (so that the line where every row starts is known, even when
 * quoted fields hold newlines), and every field is typed and stored in its
 * column as it arrives: numbers as doubles, text as strings. No field is
 * kept as text only to be converted later, so memory stays near the size of
 * the table that is built. Simple decimal numbers are converted without
 * strtod when the result is exact either way (see csv_fast_number).
 *
 * What the reader accepts:
 *  - a header row naming every column (names unique and not empty);
 *  - fields quoted with '"' (a quote inside doubled), holding commas and
 *    newlines; LF, CRLF or CR line ends; a UTF-8 byte-order mark; blank
 *    lines (skipped); spaces and tabs around a field (ignored everywhere,
 *    also inside quotes, so " yes" and "yes" are the same category);
 *  - missing cells: empty, NA or ? (after trimming);
 *  - a column is numeric when its first cell that is neither missing nor
 *    "inf"/"nan"-like parses fully as a finite number; then every other cell
 *    of it must be a finite number or missing. Otherwise it is text.
 *
 * Every error names the file, the line where the row starts and the
 * 1-based field number: "FILE:LINE:COLUMN: what is wrong (what was
 * expected)". Problems of the whole file use line 1, column 1.
 */
#include <csv.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "datautil.h"
#include "util/i18n.h"

#define CSV_SEGMENT 65536      /* most bytes handed to libcsv at a time */
#define CSV_BLOCK 4096         /* growth step of libcsv's field buffer */
#define CSV_FIRST_ROWS 256     /* first capacity of the row arrays */

enum csv_cell { CELL_MISSING, CELL_NUMBER, CELL_NONFINITE, CELL_TEXT };

/* One column as it is read. Its kind is that of its first cell that is a
 * number or text; until that cell comes (kind CELL_MISSING) the cells wait
 * in text[]: NULL for a missing one, the string of a non-finite number. */
struct csv_col {
	enum csv_cell kind;
	double *num;               /* kind CELL_NUMBER */
	char **text;               /* kind CELL_TEXT or not decided yet */
	long bad_row;              /* numeric: first cell that is neither a
	                              finite number nor missing, or -1 */
	enum csv_cell bad_kind;    /* CELL_TEXT or CELL_NONFINITE */
	char bad_show[DATA_SHOW_MAX + 4];
};

/* The state of one read. */
struct csv_reader {
	const char *name;          /* for messages */
	char **err;
	int failed;                /* an error is in *err; ignore the rest */
	struct csv_parser parser;

	long line;                 /* physical line of the next byte */
	unsigned char last;        /* last byte fed, to see CR LF as one end */
	int started;               /* the byte-order mark check is done */
	int in_row;                /* a row has begun and not ended */
	long row_line;             /* line where the current row began */
	long nfield;               /* fields seen in the current row */

	int have_header;
	long header_end;           /* line where the header row ends */
	int ncols;
	char **names;              /* the header's fields */
	size_t nnames, names_cap;

	struct csv_col *cols;      /* ncols, once the header is read */
	long nrows;                /* complete data rows */
	size_t row_cap;            /* rows that lines and every column hold */
	size_t nslots;             /* rows whose text cells are set */
	long *lines;               /* line of each data row */
	char *scratch;             /* one field and a NUL, for strtod */
	size_t scratch_cap;
};

/* A header name with its column, for finding duplicates. */
struct csv_name {
	const char *name;
	int col;
};

static int csv_utf8_valid(const unsigned char *s, size_t len);
static int csv_fast_number(const char *s, size_t len, double *v);
static int csv_missing(const char *s, size_t len);
static enum csv_cell csv_classify(const char *s, double *v);
static void csv_fail(struct csv_reader *r, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static const char *csv_cstr(struct csv_reader *r, const char *s, size_t len);
static void csv_reserve_row(struct csv_reader *r);
static void csv_mark_bad(struct csv_col *col, long row, enum csv_cell kind,
    const char *s);
static void csv_decide_number(struct csv_reader *r, struct csv_col *col);
static void csv_store(struct csv_reader *r, const char *s, size_t len,
    enum csv_cell k, double v);
static void csv_on_field(void *s, size_t len, void *data);
static void csv_on_row(int c, void *data);
static int csv_name_cmp(const void *a, const void *b);
static void csv_end_header(struct csv_reader *r);
static void csv_feed(struct csv_reader *r, const char *buf, size_t len);
static struct table *csv_finish(struct csv_reader *r);
static int csv_reader_init(struct csv_reader *r, const char *name, char **err);
static struct table *csv_reader_end(struct csv_reader *r);
static void csv_reader_free(struct csv_reader *r);
static int csv_write_field(FILE *out, const char *s);

/* ------------------------------------------------------------ helpers */

/* Accepts well-formed UTF-8 only: no overlong forms, no surrogates, nothing
 * above U+10FFFF. */
static int
csv_utf8_valid(const unsigned char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];
		size_t n, k;
		uint32_t cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			n = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			n = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			n = 3;
			cp = c & 0x07;
		} else
			return 0;
		if (len - i <= n)
			return 0;
		for (k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return 0;
		i += n + 1;
	}
	return 1;
}

/* The powers of ten that doubles hold exactly. */
static const double csv_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* Converts a plain decimal, [+-]digits[.digits][(e|E)[+-]digits], whose
 * digits (leading zeros left out) make an integer m of at most 2^53 and
 * whose power of ten p is within 22 of 0. Then m and 10^|p| are exact
 * doubles and one multiplication or division rounds the exact value
 * correctly, which is what strtod does: the result is the same bits.
 * Returns 0 for anything else, which then goes to strtod. */
static int
csv_fast_number(const char *s, size_t len, double *v)
{
	size_t i = 0;
	uint64_t m = 0;
	int neg = 0, ndig = 0, any = 0, p = 0;
	double d;

	if (i < len && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	}
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
		any = 1;
		if (m == 0 && s[i] == '0')
			continue;
		if (++ndig > 19)
			return 0;
		m = m * 10 + (uint64_t)(s[i] - '0');
	}
	if (i < len && s[i] == '.') {
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			any = 1;
			p--;
			if (m == 0 && s[i] == '0')
				continue;
			if (++ndig > 19)
				return 0;
			m = m * 10 + (uint64_t)(s[i] - '0');
		}
	}
	if (!any || p < -1000)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		int eneg = 0, e = 0, edig = 0;

		i++;
		if (i < len && (s[i] == '+' || s[i] == '-')) {
			eneg = s[i] == '-';
			i++;
		}
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
			if (++edig > 4)
				return 0;
			e = e * 10 + (s[i] - '0');
		}
		if (edig == 0)
			return 0;
		p += eneg ? -e : e;
	}
	if (i != len || m > (UINT64_C(1) << 53))
		return 0;
	if (m == 0) {
		*v = neg ? -0.0 : 0.0;
		return 1;
	}
	if (p < -22 || p > 22)
		return 0;
	d = (double)m;
	d = p >= 0 ? d * csv_pow10[p] : d / csv_pow10[-p];
	*v = neg ? -d : d;
	return 1;
}

/* s (len bytes, trimmed) marks a missing cell: empty, NA or ?. */
static int
csv_missing(const char *s, size_t len)
{
	return len == 0 || (len == 1 && s[0] == '?') ||
	    (len == 2 && s[0] == 'N' && s[1] == 'A');
}

/* s is trimmed. Sets *v for numbers and non-finite numbers. */
static enum csv_cell
csv_classify(const char *s, double *v)
{
	char *end;

	if (s[0] == '\0' || strcmp(s, "NA") == 0 || strcmp(s, "?") == 0)
		return CELL_MISSING;
	if (isspace((unsigned char)s[0]))
		return CELL_TEXT;
	errno = 0;
	*v = strtod(s, &end);
	if (end == s || *end != '\0')
		return CELL_TEXT;
	return isfinite(*v) ? CELL_NUMBER : CELL_NONFINITE;
}

static void
csv_fail(struct csv_reader *r, long line, long col, const char *fmt, ...)
{
	va_list ap;
	char *what;
	int n;

	if (r->failed)
		return;
	r->failed = 1;
	if (r->err == NULL)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	what = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	what[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(what, (size_t)n + 1, fmt, ap);
	va_end(ap);
	*r->err = xasprintf("%s:%ld:%ld: %s", r->name, line, col, what);
	free(what);
}

/* ---------------------------------------------------- storing cells */

/* s (len bytes) with a NUL after it, in memory of the reader. */
static const char *
csv_cstr(struct csv_reader *r, const char *s, size_t len)
{
	r->scratch = data_xgrow(r->scratch, &r->scratch_cap, len + 1, 1, 256);
	memcpy(r->scratch, s, len);
	r->scratch[len] = '\0';
	return r->scratch;
}

/* Makes room for the data row that begins, in every column and in lines;
 * its text cells start missing, so that a row cut short frees cleanly. */
static void
csv_reserve_row(struct csv_reader *r)
{
	size_t row = (size_t)r->nrows;
	int c;

	if (row >= r->row_cap) {
		size_t cap = r->row_cap > 0 ? r->row_cap * 2 : CSV_FIRST_ROWS;

		for (c = 0; c < r->ncols; c++) {
			struct csv_col *col = &r->cols[c];

			if (col->kind == CELL_NUMBER)
				col->num = xreallocarray(col->num, cap, sizeof *col->num);
			else
				col->text = xreallocarray(col->text, cap, sizeof *col->text);
		}
		r->lines = xreallocarray(r->lines, cap, sizeof *r->lines);
		r->row_cap = cap;
	}
	for (c = 0; c < r->ncols; c++)
		if (r->cols[c].kind != CELL_NUMBER)
			r->cols[c].text[row] = NULL;
	r->nslots = row + 1;
}

static void
csv_mark_bad(struct csv_col *col, long row, enum csv_cell kind, const char *s)
{
	if (col->bad_row >= 0)
		return;
	col->bad_row = row;
	col->bad_kind = kind;
	data_show(col->bad_show, sizeof col->bad_show, s);
}

/* The column turns out numeric: the cells that waited (missing, or
 * non-finite numbers, which are errors in a numeric column) become NANs. */
static void
csv_decide_number(struct csv_reader *r, struct csv_col *col)
{
	long i;

	col->kind = CELL_NUMBER;
	col->num = xreallocarray(NULL, r->row_cap, sizeof *col->num);
	for (i = 0; i < r->nrows; i++) {
		if (col->text[i] != NULL) {
			csv_mark_bad(col, i, CELL_NONFINITE, col->text[i]);
			free(col->text[i]);
		}
		col->num[i] = NAN;
	}
	free(col->text);
	col->text = NULL;
}

/* Stores one trimmed field: a header name, or a cell of the current row.
 * k is CELL_NUMBER (with v) when the field is known to be a finite number,
 * else CELL_MISSING: not classified yet. */
static void
csv_store(struct csv_reader *r, const char *s, size_t len, enum csv_cell k,
    double v)
{
	long row = r->nrows;
	struct csv_col *col;

	if (!r->have_header) {
		r->names = data_xgrow(r->names, &r->names_cap, r->nnames + 1,
		    sizeof *r->names, 16);
		r->names[r->nnames++] = xstrndup(s, len);
		return;
	}
	if (row >= DATA_MAX_ROWS)
		return;         /* reported when the row ends */
	if (r->nfield == 1)
		csv_reserve_row(r);
	col = &r->cols[r->nfield - 1];
	if (col->kind == CELL_TEXT) {
		col->text[row] = csv_missing(s, len) ? NULL : xstrndup(s, len);
		return;
	}
	if (k != CELL_NUMBER)
		k = csv_missing(s, len) ? CELL_MISSING :
		    csv_classify(csv_cstr(r, s, len), &v);
	if (col->kind == CELL_MISSING) {
		if (k == CELL_NUMBER)
			csv_decide_number(r, col);
		else if (k == CELL_TEXT)
			col->kind = CELL_TEXT;
	}
	if (col->kind != CELL_NUMBER) {
		col->text[row] = k == CELL_MISSING ? NULL : xstrndup(s, len);
		return;
	}
	col->num[row] = k == CELL_NUMBER ? v : NAN;
	if (k == CELL_TEXT || k == CELL_NONFINITE)
		csv_mark_bad(col, row, k, csv_cstr(r, s, len));
}

/* ---------------------------------------------------------- parsing */

static void
csv_on_field(void *s, size_t len, void *data)
{
	struct csv_reader *r = data;
	const char *f = s != NULL ? s : "";
	const char *t;
	size_t tlen;
	double v = 0;

	if (r->failed)
		return;
	r->nfield++;
	if (!r->have_header) {
		if (r->nfield > DATA_MAX_COLUMNS) {
			csv_fail(r, r->row_line, r->nfield,
			    _("more than %d columns (expected at most %d)"),
			    DATA_MAX_COLUMNS, DATA_MAX_COLUMNS);
			return;
		}
	} else if (r->nfield > r->ncols)
		return;         /* counted; the row is reported when it ends */
	if (len > DATA_MAX_FIELD) {
		csv_fail(r, r->row_line, r->nfield,
		    _("field longer than %d bytes (expected at most %d)"),
		    DATA_MAX_FIELD, DATA_MAX_FIELD);
		return;
	}
	t = f;
	tlen = len;
	while (tlen > 0 && (*t == ' ' || *t == '\t')) {
		t++;
		tlen--;
	}
	while (tlen > 0 && (t[tlen - 1] == ' ' || t[tlen - 1] == '\t'))
		tlen--;
	/* A plain number is ASCII: no NUL, valid UTF-8. */
	if (csv_fast_number(t, tlen, &v)) {
		csv_store(r, t, tlen, CELL_NUMBER, v);
		return;
	}
	if (len > 0 && memchr(f, '\0', len) != NULL) {
		csv_fail(r, r->row_line, r->nfield,
		    _("NUL byte in field (expected text without NUL bytes)"));
		return;
	}
	if (!csv_utf8_valid((const unsigned char *)f, len)) {
		csv_fail(r, r->row_line, r->nfield,
		    _("invalid UTF-8 in field (expected UTF-8 text)"));
		return;
	}
	csv_store(r, t, tlen, CELL_MISSING, 0);
}

static int
csv_name_cmp(const void *a, const void *b)
{
	const struct csv_name *x = a, *y = b;
	int d = strcmp(x->name, y->name);

	return d != 0 ? d : (x->col > y->col) - (x->col < y->col);
}

static void
csv_end_header(struct csv_reader *r)
{
	struct csv_name *names;
	int i, dup = -1, first = -1;

	r->ncols = (int)r->nfield;
	for (i = 0; i < r->ncols; i++) {
		if (r->names[i][0] == '\0') {
			csv_fail(r, r->row_line, i + 1,
			    _("empty column name (expected a name for every column)"));
			return;
		}
	}
	/* Sorted by name, then column: in a run of equal names the first
	 * holds the original and the second the first duplicate of it. */
	names = xcalloc((size_t)r->ncols, sizeof *names);
	for (i = 0; i < r->ncols; i++) {
		names[i].name = r->names[i];
		names[i].col = i;
	}
	qsort(names, (size_t)r->ncols, sizeof *names, csv_name_cmp);
	for (i = 1; i < r->ncols; i++) {
		if (strcmp(names[i - 1].name, names[i].name) != 0)
			continue;
		if (i >= 2 && strcmp(names[i - 2].name, names[i].name) == 0)
			continue;
		if (dup < 0 || names[i].col < dup) {
			dup = names[i].col;
			first = names[i - 1].col;
		}
	}
	free(names);
	if (dup >= 0) {
		char show[DATA_SHOW_MAX + 4];

		data_show(show, sizeof show, r->names[dup]);
		csv_fail(r, r->row_line, dup + 1,
		    _("duplicate column name \"%s\" (expected unique names; "
		    "column %d has the same name)"), show, first + 1);
		return;
	}
	r->cols = xcalloc((size_t)r->ncols, sizeof *r->cols);
	for (i = 0; i < r->ncols; i++) {
		r->cols[i].kind = CELL_MISSING;
		r->cols[i].bad_row = -1;
	}
	r->have_header = 1;
	r->header_end = r->line;
}

static void
csv_on_row(int c, void *data)
{
	struct csv_reader *r = data;

	(void)c;
	if (r->failed)
		return;
	if (!r->have_header) {
		csv_end_header(r);
	} else if (r->nfield != r->ncols) {
		csv_fail(r, r->row_line,
		    r->nfield < r->ncols ? r->nfield + 1 : r->ncols + 1,
		    _("row has %ld field%s (expected %d, as in the header)"),
		    r->nfield, r->nfield == 1 ? "" : "s", r->ncols);
	} else if (r->nrows >= DATA_MAX_ROWS) {
		csv_fail(r, r->row_line, 1,
		    _("more than %d data rows (expected at most %d)"),
		    DATA_MAX_ROWS, DATA_MAX_ROWS);
	} else {
		r->lines[r->nrows++] = r->row_line;
	}
	r->in_row = 0;
	r->nfield = 0;
}

/* Hands buf to libcsv in pieces that end at a line end (or are at most
 * CSV_SEGMENT long), keeping count of lines and of where rows start. */
static void
csv_feed(struct csv_reader *r, const char *buf, size_t len)
{
	size_t i = 0;

	if (!r->started) {
		r->started = 1;
		if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			i = 3;
	}
	while (i < len && !r->failed) {
		size_t j = i, seg, k, done;
		int ended;
		unsigned char before;

		while (j < len && j - i < CSV_SEGMENT && buf[j] != '\n' &&
		    buf[j] != '\r')
			j++;
		ended = j < len && (buf[j] == '\n' || buf[j] == '\r');
		seg = j - i + (ended ? 1 : 0);
		if (!r->in_row) {
			/* libcsv skips blanks and line ends before a row. */
			for (k = i; k < i + seg; k++) {
				char c = buf[k];

				if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
					r->in_row = 1;
					r->row_line = r->line;
					r->nfield = 0;
					break;
				}
			}
		}
		done = csv_parse(&r->parser, buf + i, seg, csv_on_field,
		    csv_on_row, r);
		if (r->failed)
			return;
		if (done != seg) {
			csv_fail(r, r->row_line, r->nfield + 1,
			    _("misplaced quote (expected quotes only around a "
			    "whole field, doubled inside it)"));
			return;
		}
		if (csv_get_buffer_size(&r->parser) > DATA_MAX_FIELD + CSV_BLOCK) {
			csv_fail(r, r->row_line, r->nfield + 1,
			    _("field longer than %d bytes (expected at most %d)"),
			    DATA_MAX_FIELD, DATA_MAX_FIELD);
			return;
		}
		if (ended) {
			before = j > i ? (unsigned char)buf[j - 1] : r->last;
			if (buf[j] == '\r' || before != '\r')
				r->line++;
		}
		r->last = (unsigned char)buf[i + seg - 1];
		i += seg;
	}
}

/* ------------------------------------------------------- the table */

/* Checks the types and hands the columns over to a new table. */
static struct table *
csv_finish(struct csv_reader *r)
{
	struct table *t;
	int c, bad = -1;

	if (!r->have_header) {
		csv_fail(r, 1, 1, _("empty file (expected a header row)"));
		return NULL;
	}
	if (r->nrows == 0) {
		csv_fail(r, r->header_end + 1, 1,
		    _("no data rows (expected at least one row after the header)"));
		return NULL;
	}

	/* A column with nothing but missing cells (and non-finite numbers)
	 * is numeric. In a numeric column every cell must be a finite number
	 * or missing; the first one that is not (in file order) is reported. */
	for (c = 0; c < r->ncols; c++) {
		struct csv_col *col = &r->cols[c];

		if (col->kind == CELL_MISSING)
			csv_decide_number(r, col);
		if (col->kind == CELL_NUMBER && col->bad_row >= 0 &&
		    (bad < 0 || col->bad_row < r->cols[bad].bad_row))
			bad = c;
	}
	if (bad >= 0) {
		const struct csv_col *col = &r->cols[bad];
		char name[DATA_SHOW_MAX + 4];

		data_show(name, sizeof name, r->names[bad]);
		if (col->bad_kind == CELL_TEXT)
			csv_fail(r, r->lines[col->bad_row], bad + 1,
			    _("text \"%s\" in numeric column \"%s\" "
			    "(expected a number)"), col->bad_show, name);
		else
			csv_fail(r, r->lines[col->bad_row], bad + 1,
			    _("\"%s\" in column \"%s\" is not a finite "
			    "number (expected a finite number)"), col->bad_show, name);
		return NULL;
	}

	t = xcalloc(1, sizeof *t);
	t->source = xstrdup(r->name);
	t->ncols = r->ncols;
	t->nrows = r->nrows;
	t->cols = xcalloc((size_t)r->ncols, sizeof *t->cols);
	t->line = xreallocarray(r->lines, (size_t)r->nrows, sizeof *t->line);
	r->lines = NULL;
	for (c = 0; c < r->ncols; c++) {
		struct column *out = &t->cols[c];
		struct csv_col *col = &r->cols[c];

		out->name = r->names[c];
		r->names[c] = NULL;
		out->is_text = col->kind == CELL_TEXT;
		if (out->is_text)
			out->text = xreallocarray(col->text, (size_t)r->nrows,
			    sizeof *out->text);
		else
			out->num = xreallocarray(col->num, (size_t)r->nrows,
			    sizeof *out->num);
		col->text = NULL;
		col->num = NULL;
	}
	return t;
}

static void
csv_reader_free(struct csv_reader *r)
{
	size_t i;
	int c;

	csv_free(&r->parser);
	for (i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	for (c = 0; r->cols != NULL && c < r->ncols; c++) {
		struct csv_col *col = &r->cols[c];

		if (col->text != NULL)
			for (i = 0; i < r->nslots; i++)
				free(col->text[i]);
		free(col->text);
		free(col->num);
	}
	free(r->cols);
	free(r->lines);
	free(r->scratch);
}

static int
csv_reader_init(struct csv_reader *r, const char *name, char **err)
{
	memset(r, 0, sizeof *r);
	r->name = name;
	r->err = err;
	r->line = 1;
	if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		data_fail(err, _("%s:1:1: cannot start the CSV parser "
		    "(expected enough memory)"), name);
		return -1;
	}
	csv_set_blk_size(&r->parser, CSV_BLOCK);
	return 0;
}

/* Ends the input: flushes the last row and builds the table. */
static struct table *
csv_reader_end(struct csv_reader *r)
{
	struct table *t = NULL;

	if (!r->failed &&
	    csv_fini(&r->parser, csv_on_field, csv_on_row, r) != 0)
		csv_fail(r, r->row_line, r->nfield + 1,
		    _("unterminated quoted field (expected a closing quote "
		    "before the end of the file)"));
	if (!r->failed)
		t = csv_finish(r);
	csv_reader_free(r);
	return t;
}

/* ---------------------------------------------------------- reading */

struct table *
table_parse_csv(const char *name, const char *buf, size_t len, char **err)
{
	struct csv_reader r;
	struct table *t;

	if (csv_reader_init(&r, name, err) != 0)
		return NULL;
	csv_feed(&r, buf, len);
	t = csv_reader_end(&r);
	return t;
}

struct table *
table_read_csv(const char *path, char **err)
{
	struct csv_reader r;
	struct table *t;
	FILE *f;
	char *buf;
	size_t n;

	f = fopen(path, "rb");
	if (f == NULL)
		return data_fail(err, _("%s:1:1: cannot read: %s (expected a "
		    "readable file)"), path, strerror(errno));
	if (csv_reader_init(&r, path, err) != 0) {
		fclose(f);
		return NULL;
	}
	buf = xmalloc(CSV_SEGMENT);
	while (!r.failed && (n = fread(buf, 1, CSV_SEGMENT, f)) > 0)
		csv_feed(&r, buf, n);
	if (!r.failed && ferror(f))
		csv_fail(&r, 1, 1, _("cannot read: %s (expected a readable file)"),
		    strerror(errno));
	t = csv_reader_end(&r);
	free(buf);
	fclose(f);
	return t;
}

void
table_free(struct table *t)
{
	int c;
	long row;

	if (t == NULL)
		return;
	for (c = 0; t->cols != NULL && c < t->ncols; c++) {
		struct column *col = &t->cols[c];

		free(col->name);
		free(col->num);
		if (col->text != NULL)
			for (row = 0; row < t->nrows; row++)
				free(col->text[row]);
		free(col->text);
	}
	free(t->cols);
	free(t->line);
	free(t->source);
	free(t);
}

/* ---------------------------------------------------------- writing */

/* Quotes a field when it holds a delimiter, quote, line end or would lose
 * surrounding blanks; doubles the quotes inside. */
static int
csv_write_field(FILE *out, const char *s)
{
	size_t len = strlen(s);
	int quote = len > 0 && (strpbrk(s, ",\"\r\n") != NULL ||
	    s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t');

	if (!quote)
		return fputs(s, out) < 0 ? -1 : 0;
	if (putc('"', out) == EOF)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '"' && putc('"', out) == EOF)
			return -1;
		if (putc(*s, out) == EOF)
			return -1;
	}
	return putc('"', out) == EOF ? -1 : 0;
}

int
table_write_csv(const struct table *t, FILE *out, char **err)
{
	char num[DATA_NUMBER_MAX];
	int c, bad = 0;
	long row;

	for (c = 0; c < t->ncols && !bad; c++) {
		if (c > 0 && putc(',', out) == EOF)
			bad = 1;
		if (!bad && csv_write_field(out, t->cols[c].name) != 0)
			bad = 1;
	}
	if (!bad && putc('\n', out) == EOF)
		bad = 1;
	for (row = 0; row < t->nrows && !bad; row++) {
		for (c = 0; c < t->ncols && !bad; c++) {
			const struct column *col = &t->cols[c];

			if (c > 0 && putc(',', out) == EOF)
				bad = 1;
			else if (col->is_text) {
				if (col->text[row] != NULL &&
				    csv_write_field(out, col->text[row]) != 0)
					bad = 1;
			} else if (!isnan(col->num[row])) {
				data_format_number(num, col->num[row]);
				if (fputs(num, out) < 0)
					bad = 1;
			}
		}
		if (!bad && putc('\n', out) == EOF)
			bad = 1;
	}
	if (!bad && fflush(out) != 0)
		bad = 1;
	if (bad || ferror(out)) {
		data_fail(err, _("%s: cannot write: %s"), t->source,
		    strerror(errno));
		return -1;
	}
	return 0;
}
