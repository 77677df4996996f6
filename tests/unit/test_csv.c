/* test_csv.c: reading and writing tables as CSV, and every loader error. */
#include <check.h>
#include <dirent.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "data/dataset.h"
#include "util/numlocale.h"

/* Parses s (strlen) as "data.csv"; NULL on error with the message in *err. */
static struct table *
parse(const char *s, char **err)
{
	*err = NULL;
	return table_parse_csv("data.csv", s, strlen(s), err);
}

/* Asserts that s fails with exactly the message want. */
static void
expect_error_len(const char *s, size_t len, const char *want)
{
	char *err = NULL;
	struct table *t = table_parse_csv("data.csv", s, len, &err);

	ck_assert_msg(t == NULL, "accepted: expected \"%s\"", want);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, want);
	free(err);
}

static void
expect_error(const char *s, const char *want)
{
	expect_error_len(s, strlen(s), want);
}

/* The table written as CSV, in a new string. */
static char *
written(const struct table *t)
{
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(table_write_csv(t, f, &err), 0);
	fclose(f);
	return buf;
}

/* A buffer of n repetitions of unit, then tail. */
static char *
repeat(const char *head, const char *unit, long n, const char *tail)
{
	size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
	char *s = malloc(hl + ul * (size_t)n + tl + 1), *p = s;
	long i;

	ck_assert_ptr_nonnull(s);
	memcpy(p, head, hl);
	p += hl;
	for (i = 0; i < n; i++) {
		memcpy(p, unit, ul);
		p += ul;
	}
	memcpy(p, tail, tl + 1);
	return s;
}

/* ------------------------------------------------------ accepted forms */

START_TEST(test_plain)
{
	char *err;
	struct table *t = parse("a,b,name\n1,2.5,x\n-3,1e3,y\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->source, "data.csv");
	ck_assert_int_eq(t->ncols, 3);
	ck_assert_int_eq(t->nrows, 2);
	ck_assert_str_eq(t->cols[0].name, "a");
	ck_assert_str_eq(t->cols[2].name, "name");
	ck_assert_int_eq(t->cols[0].is_text, 0);
	ck_assert_int_eq(t->cols[1].is_text, 0);
	ck_assert_int_eq(t->cols[2].is_text, 1);
	ck_assert(t->cols[0].num[1] == -3);
	ck_assert(t->cols[1].num[0] == 2.5);
	ck_assert(t->cols[1].num[1] == 1000);
	ck_assert_str_eq(t->cols[2].text[1], "y");
	ck_assert_int_eq(t->line[0], 2);
	ck_assert_int_eq(t->line[1], 3);
	table_free(t);
}
END_TEST

START_TEST(test_quoted_fields)
{
	char *err;
	/* line 1 header; row 1 on line 2 holds a comma and a doubled quote;
	 * row 2 starts on line 3 and its quoted field runs to line 5; row 3
	 * therefore starts on line 6. */
	struct table *t = parse("id,text\n"
	    "1,\"a, b \"\"c\"\"\"\n"
	    "2,\"one\ntwo\n\"\"three\"\"\"\n"
	    "3,plain\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->nrows, 3);
	ck_assert_str_eq(t->cols[1].text[0], "a, b \"c\"");
	ck_assert_str_eq(t->cols[1].text[1], "one\ntwo\n\"three\"");
	ck_assert_str_eq(t->cols[1].text[2], "plain");
	ck_assert_int_eq(t->line[0], 2);
	ck_assert_int_eq(t->line[1], 3);
	ck_assert_int_eq(t->line[2], 6);
	table_free(t);
}
END_TEST

START_TEST(test_line_numbers_after_newline_in_field)
{
	/* The quoted field of row 1 spans lines 2-4, so the bad cell of the
	 * next row is on line 5. */
	expect_error("n,s\n1,\"x\ny\nz\"\nabc,t\n",
	    "data.csv:5:1: text \"abc\" in numeric column \"n\" "
	    "(expected a number)");
	/* CRLF inside a quoted field counts as one line end. */
	expect_error("n,s\r\n1,\"x\r\ny\"\r\nabc,t\r\n",
	    "data.csv:4:1: text \"abc\" in numeric column \"n\" "
	    "(expected a number)");
}
END_TEST

START_TEST(test_crlf_bom_blank_lines)
{
	char *err;
	struct table *t = parse("\xEF\xBB\xBFx,y\r\n1,2\r\n\r\n3,4\r\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->cols[0].name, "x");       /* no BOM in the name */
	ck_assert_int_eq(t->nrows, 2);
	ck_assert(t->cols[1].num[0] == 2);             /* no CR in the value */
	ck_assert(t->cols[0].num[1] == 3);
	ck_assert_int_eq(t->line[0], 2);
	ck_assert_int_eq(t->line[1], 4);               /* line 3 is blank */
	table_free(t);

	/* Old Mac line ends (CR only) and no final line end. */
	t = parse("x,y\r1,2\r3,4", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->nrows, 2);
	ck_assert_int_eq(t->line[1], 3);
	ck_assert(t->cols[1].num[1] == 4);
	table_free(t);
}
END_TEST

START_TEST(test_spaces_and_missing)
{
	char *err;
	struct table *t = parse("a , b,c\n  1.5 ,\t-2 ,\" yes \"\n"
	    "NA,?,\n , \"\" ,no\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->cols[0].name, "a");
	ck_assert_str_eq(t->cols[1].name, "b");
	ck_assert_int_eq(t->cols[0].is_text, 0);
	ck_assert_int_eq(t->cols[1].is_text, 0);
	ck_assert(t->cols[0].num[0] == 1.5);
	ck_assert(t->cols[1].num[0] == -2);
	ck_assert_str_eq(t->cols[2].text[0], "yes");   /* trimmed */
	ck_assert(isnan(t->cols[0].num[1]));
	ck_assert(isnan(t->cols[1].num[1]));
	ck_assert_ptr_null(t->cols[2].text[1]);
	ck_assert(isnan(t->cols[0].num[2]));
	ck_assert(isnan(t->cols[1].num[2]));
	ck_assert_str_eq(t->cols[2].text[2], "no");
	table_free(t);
}
END_TEST

START_TEST(test_typing)
{
	char *err;
	/* a: text first, so "1" is a category; b: missing, then numbers;
	 * c: all missing is numeric; d: "nan" first does not decide, "Bob"
	 * makes it text. */
	struct table *t = parse("a,b,c,d\nx,NA,,nan\n1,2,?,Bob\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_int_eq(t->cols[0].is_text, 1);
	ck_assert_str_eq(t->cols[0].text[1], "1");
	ck_assert_int_eq(t->cols[1].is_text, 0);
	ck_assert(t->cols[1].num[1] == 2);
	ck_assert_int_eq(t->cols[2].is_text, 0);
	ck_assert(isnan(t->cols[2].num[0]) && isnan(t->cols[2].num[1]));
	ck_assert_int_eq(t->cols[3].is_text, 1);
	ck_assert_str_eq(t->cols[3].text[0], "nan");
	table_free(t);
}
END_TEST

START_TEST(test_utf8_text)
{
	char *err;
	struct table *t = parse("이름,x\n김철수,1\nnaïve,2\n", &err);

	ck_assert_ptr_nonnull(t);
	ck_assert_str_eq(t->cols[0].name, "이름");
	ck_assert_str_eq(t->cols[0].text[0], "김철수");
	table_free(t);
}
END_TEST

START_TEST(test_read_file)
{
	char *err = NULL;
	struct table *t = table_read_csv("tests/data/csv/quoted_crlf_bom.csv", &err);

	ck_assert_msg(t != NULL, "%s", err ? err : "");
	ck_assert_int_eq(t->ncols, 3);
	ck_assert_int_eq(t->nrows, 3);
	ck_assert_str_eq(t->cols[0].name, "age");
	ck_assert_str_eq(t->cols[1].text[1], "Smith, Jane");
	ck_assert_str_eq(t->cols[1].text[2], "two\r\nlines");
	ck_assert(t->cols[2].num[2] == 0.25);
	ck_assert_int_eq(t->line[2], 4);
	table_free(t);

	t = table_read_csv("tests/data/csv/no_such_file.csv", &err);
	ck_assert_ptr_null(t);
	ck_assert_str_eq(err, "tests/data/csv/no_such_file.csv:1:1: cannot read: "
	    "No such file or directory (expected a readable file)");
	free(err);

	t = table_read_csv("tests/data/csv/ragged.csv", &err);
	ck_assert_ptr_null(t);
	ck_assert_str_eq(err, "tests/data/csv/ragged.csv:4:3: row has 2 fields "
	    "(expected 3, as in the header)");
	free(err);
}
END_TEST

/* Numbers are converted as strtod converts them, bit for bit, whether or
 * not the reader takes its own path for plain decimals. */
START_TEST(test_numbers_as_strtod)
{
	static const char *fixed[] = {
		"0", "-0", "+0", "0.0", "-0.000", "00012", "1e5", "1E-5", ".5", "5.",
		"-.5e3", "+3", "1e22", "1e23", "3e-22", "3e-23", "9007199254740992",
		"9007199254740993", "123456789012345678901234", "0.1", "0.3",
		"4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308",
		"0.000000000000000000000000001", "0x1p3", "1.0000000000000002",
		"7.0e-10", "-2.5E+07", "1e-0", "1e0005"
	};
	enum { N = 20000 };
	char *buf = malloc((size_t)N * 40 + 16), *err = NULL;
	const char *cell[N];
	size_t len = 0, nfixed = sizeof fixed / sizeof fixed[0];
	unsigned long x = 12345;
	struct table *t;
	long i;

	len += (size_t)sprintf(buf, "v\n");
	for (i = 0; i < N; i++) {
		cell[i] = buf + len;
		if ((size_t)i < nfixed)
			len += (size_t)sprintf(buf + len, "%s", fixed[i]);
		else {
			/* digits, a point somewhere, sometimes an exponent */
			unsigned long m;
			int ndig, point, e;

			x = x * 6364136223846793005UL + 1442695040888963407UL;
			ndig = 1 + (int)(x >> 59) % 19;
			point = (int)(x >> 40) % (ndig + 1);
			e = (int)((x >> 20) % 61) - 30;
			m = (x >> 3) % 10000000000000000000UL;
			len += (size_t)sprintf(buf + len, "%s%.*s%s%.*s",
			    (x & 1) ? "-" : "", point,
			    &"0123456789012345678901234567890"[m % 10], point < ndig ? "." : "",
			    ndig - point, &"9876543210987654321098765432109"[m % 9]);
			if (x & 2)
				len += (size_t)sprintf(buf + len, "e%d", e);
		}
		buf[len++] = '\0';
	}
	/* The cells were NUL-terminated for strtod; now make lines of them. */
	for (i = 0; i < N; i++)
		*(char *)(cell[i] + strlen(cell[i])) = '\n';
	for (i = 0; i < N; i++) {
		char one[64];
		size_t n = (size_t)(strchr(cell[i], '\n') - cell[i]);

		ck_assert_uint_lt(n, sizeof one);
		memcpy(one, cell[i], n);
		one[n] = '\0';
		cell[i] = strdup(one);
	}
	t = table_parse_csv("data.csv", buf, len, &err);
	ck_assert_msg(t != NULL, "%s", err ? err : "");
	ck_assert_int_eq(t->nrows, N);
	for (i = 0; i < N; i++) {
		double want = strtod(cell[i], NULL);

		ck_assert_msg(memcmp(&want, &t->cols[0].num[i], sizeof want) == 0,
		    "%s: read %a, strtod %a", cell[i], t->cols[0].num[i], want);
		free((char *)cell[i]);
	}
	table_free(t);
	free(buf);
}
END_TEST

/* The first bad cell in file order is reported, also when its column was
 * only known to be numeric after it. */
START_TEST(test_error_order)
{
	expect_error("a,b\ninf,1\n2,x\n",
	    "data.csv:2:1: \"inf\" in column \"a\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,NA\n2,inf\nx,3\n",
	    "data.csv:3:2: \"inf\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,x\ny,2\n",
	    "data.csv:3:1: text \"y\" in numeric column \"a\" (expected a number)");
	/* A column of nothing but missing cells and infinities is numeric. */
	expect_error("a,b\n1,\n2,-inf\n",
	    "data.csv:3:2: \"-inf\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	/* A wrong row is reported before a type error above it. */
	expect_error("a,b\n1,x\ny,2\n3\n",
	    "data.csv:4:2: row has 1 field (expected 2, as in the header)");
}
END_TEST

/* A text column keeps the non-finite numbers before its first text. */
START_TEST(test_text_after_infinity)
{
	char *err;
	struct table *t = parse("a,b\ninf,1\n,2\nyes,3\n", &err);

	ck_assert_msg(t != NULL, "%s", err ? err : "");
	ck_assert_int_eq(t->cols[0].is_text, 1);
	ck_assert_str_eq(t->cols[0].text[0], "inf");
	ck_assert_ptr_null(t->cols[0].text[1]);
	ck_assert_str_eq(t->cols[0].text[2], "yes");
	ck_assert(t->cols[1].num[2] == 3);
	table_free(t);
}
END_TEST

/* Reading 2,000,000 one-digit cells (4 MB of CSV, 16 MB of numbers) in a
 * child process: its peak resident memory grows by little more than the
 * numbers (a reader that kept every field as text first needed 2.4 times
 * as much). Sanitizers add memory of their own; then only the reading is
 * checked. */
START_TEST(test_memory_near_numbers)
{
	enum { ROWS = 100000, COLS = 20 };
	char path[] = "/tmp/nnstep-csv-memory-XXXXXX";
	int fd = mkstemp(path), fds[2], status, c;
	long i, grew = -1;
	FILE *f;
	pid_t pid;

	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	for (c = 0; c < COLS; c++)
		fprintf(f, "%sc%d", c ? "," : "", c);
	fputc('\n', f);
	for (i = 0; i < ROWS; i++)
		for (c = 0; c < COLS; c++)
			fprintf(f, "%ld%c", (i + c) % 10, c + 1 < COLS ? ',' : '\n');
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rusage before, after;
		struct table *t;
		char *err = NULL;
		long kb;

		close(fds[0]);
		getrusage(RUSAGE_SELF, &before);
		t = table_read_csv(path, &err);
		getrusage(RUSAGE_SELF, &after);
		kb = t != NULL && t->nrows == ROWS && t->ncols == COLS &&
		    t->cols[3].num[ROWS - 1] == (ROWS - 1 + 3) % 10 ?
		    after.ru_maxrss - before.ru_maxrss : -1;
		if (write(fds[1], &kb, sizeof kb) != (ssize_t)sizeof kb)
			_exit(2);
		_exit(0);
	}
	close(fds[1]);
	ck_assert_int_eq(read(fds[0], &grew, sizeof grew), (ssize_t)sizeof grew);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	remove(path);
	ck_assert_int_eq(status, 0);
	ck_assert_msg(grew >= 0, "the child did not read the table");
#if !defined(__SANITIZE_ADDRESS__)
	{
		long numbers_kb = (long)ROWS * COLS * (long)sizeof(double) / 1024;

		ck_assert_msg(grew <= numbers_kb * 5 / 4 + 1024,
		    "reading %ld KB of numbers grew the peak memory by %ld KB",
		    numbers_kb, grew);
	}
#endif
}
END_TEST

/* ------------------------------------------------------------- errors */

START_TEST(test_error_ragged)
{
	expect_error("a,b,c\n1,2,3\n4,5\n",
	    "data.csv:3:3: row has 2 fields (expected 3, as in the header)");
	expect_error("a,b\n1,2\n3,4,5,6\n",
	    "data.csv:3:3: row has 4 fields (expected 2, as in the header)");
	expect_error("a,b\n1,2\n3\n",
	    "data.csv:3:2: row has 1 field (expected 2, as in the header)");
	/* a trailing comma is one more (empty) field */
	expect_error("a,b\n1,2,\n",
	    "data.csv:2:3: row has 3 fields (expected 2, as in the header)");
}
END_TEST

START_TEST(test_error_text_in_numeric)
{
	expect_error("id,age\n1,30\n2,40\n3,30\n4,31\n5,33\n6,abc\n",
	    "data.csv:7:2: text \"abc\" in numeric column \"age\" "
	    "(expected a number)");
	/* the first bad cell in file order is reported */
	expect_error("a,b,c\n1,2,3\n4,5,x\n6,y,7\n",
	    "data.csv:3:3: text \"x\" in numeric column \"c\" (expected a number)");
	/* a missing marker is not text */
	expect_error("a,b\n1,2\nNA,?\n-,3\n",
	    "data.csv:4:1: text \"-\" in numeric column \"a\" (expected a number)");
	/* long values are cut in the message */
	expect_error("a\n1\n0123456789012345678901234567890123456789012345678901234\n"
	    "x\n",
	    "data.csv:4:1: text \"x\" in numeric column \"a\" (expected a number)");
	expect_error("a\n1\nx123456789012345678901234567890123456789012345678901234\n",
	    "data.csv:3:1: text \"x12345678901234567890123456789012345678901234567...\" "
	    "in numeric column \"a\" (expected a number)");
}
END_TEST

START_TEST(test_error_not_finite)
{
	expect_error("a,b\n1,1e999\n",
	    "data.csv:2:2: \"1e999\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,2\n3,inf\n",
	    "data.csv:3:2: \"inf\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,2\n3,nan\n",
	    "data.csv:3:2: \"nan\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,-nan\n3,4\n",
	    "data.csv:2:2: \"-nan\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
	expect_error("a,b\n1,2\n3,-1e400\n",
	    "data.csv:3:2: \"-1e400\" in column \"b\" is not a finite number "
	    "(expected a finite number)");
}
END_TEST

START_TEST(test_error_empty_and_header_only)
{
	expect_error("", "data.csv:1:1: empty file (expected a header row)");
	expect_error("\n\n  \r\n", "data.csv:1:1: empty file (expected a header row)");
	expect_error("\xEF\xBB\xBF", "data.csv:1:1: empty file (expected a header row)");
	expect_error("a,b\n",
	    "data.csv:2:1: no data rows (expected at least one row after the header)");
	expect_error("a,b",
	    "data.csv:2:1: no data rows (expected at least one row after the header)");
	expect_error("\na,b\n\n",
	    "data.csv:3:1: no data rows (expected at least one row after the header)");
}
END_TEST

START_TEST(test_error_header)
{
	expect_error("a,b,a\n1,2,3\n",
	    "data.csv:1:3: duplicate column name \"a\" (expected unique names; "
	    "column 1 has the same name)");
	expect_error("x,y,z,y,x\n1,2,3,4,5\n",
	    "data.csv:1:4: duplicate column name \"y\" (expected unique names; "
	    "column 2 has the same name)");
	/* names are trimmed like every field */
	expect_error("a, b ,\"b\"\n1,2,3\n",
	    "data.csv:1:3: duplicate column name \"b\" (expected unique names; "
	    "column 2 has the same name)");
	expect_error("a,,c\n1,2,3\n",
	    "data.csv:1:2: empty column name (expected a name for every column)");
}
END_TEST

START_TEST(test_error_bytes)
{
	expect_error_len("a,b\n1,x\0y\n", 10,
	    "data.csv:2:2: NUL byte in field (expected text without NUL bytes)");
	expect_error("a,b\n1,\xFF\n",
	    "data.csv:2:2: invalid UTF-8 in field (expected UTF-8 text)");
	/* overlong "/" */
	expect_error("a,b\n1,\xC0\xAF\n",
	    "data.csv:2:2: invalid UTF-8 in field (expected UTF-8 text)");
	/* a UTF-16 surrogate */
	expect_error("a,b\n1,\xED\xA0\x80\n",
	    "data.csv:2:2: invalid UTF-8 in field (expected UTF-8 text)");
	/* cut short at the end of the field */
	expect_error("a,b\n1,\"\xE2\x82\"\n",
	    "data.csv:2:2: invalid UTF-8 in field (expected UTF-8 text)");
	expect_error("\xE9t\xE9,b\n1,2\n",
	    "data.csv:1:1: invalid UTF-8 in field (expected UTF-8 text)");
}
END_TEST

START_TEST(test_error_quotes)
{
	expect_error("a,b\n1,\"abc\n",
	    "data.csv:2:2: unterminated quoted field (expected a closing quote "
	    "before the end of the file)");
	expect_error("a,b\n1,2\n3,\"x\ny\nz\n",
	    "data.csv:3:2: unterminated quoted field (expected a closing quote "
	    "before the end of the file)");
	expect_error("a,b\n1,ab\"c\n",
	    "data.csv:2:2: misplaced quote (expected quotes only around a whole "
	    "field, doubled inside it)");
	expect_error("a,b\n\"1\"x,2\n",
	    "data.csv:2:1: misplaced quote (expected quotes only around a whole "
	    "field, doubled inside it)");
}
END_TEST

START_TEST(test_error_limits)
{
	char *s;
	char want[128];

	/* DATA_MAX_COLUMNS + 1 columns */
	s = repeat("c", ",c", DATA_MAX_COLUMNS, "\n1\n");
	expect_error(s, "data.csv:1:4097: more than 4096 columns (expected at "
	    "most 4096)");
	free(s);
	/* a field one byte over DATA_MAX_FIELD, quoted or not */
	s = repeat("a,b\n1,", "x", DATA_MAX_FIELD + 1, "\n");
	expect_error(s, "data.csv:2:2: field longer than 1048576 bytes "
	    "(expected at most 1048576)");
	free(s);
	s = repeat("a,b\n1,\"", "y", 3 * DATA_MAX_FIELD, "\"\n");
	expect_error(s, "data.csv:2:2: field longer than 1048576 bytes "
	    "(expected at most 1048576)");
	free(s);
	/* exactly DATA_MAX_FIELD bytes is fine */
	s = repeat("a,b\n1,", "z", DATA_MAX_FIELD, "\n");
	{
		char *err;
		struct table *t = parse(s, &err);

		ck_assert_ptr_nonnull(t);
		ck_assert_uint_eq(strlen(t->cols[1].text[0]), DATA_MAX_FIELD);
		table_free(t);
	}
	free(s);
	/* DATA_MAX_ROWS + 1 rows */
	s = repeat("a\n", "1\n", DATA_MAX_ROWS + 1, "");
	snprintf(want, sizeof want, "data.csv:%d:1: more than 2000000 data rows "
	    "(expected at most 2000000)", DATA_MAX_ROWS + 2);
	expect_error(s, want);
	free(s);
}
END_TEST

/* Mangled CSV must give a table or an error, never a crash or a leak. */
START_TEST(test_mangled_input)
{
	static const char base[] = "\xEF\xBB\xBFid,\"na,me\",v\r\n1,\"a\nb\",2.5\n"
	    "2,x,NA\n3,\"q\"\"q\",1e3\n";
	static const char bytes[] = ",\"\r\n \tx1.e-NA?\0\xC3\xA9\xFF";
	char buf[sizeof base + 8];
	unsigned long state = 12345;
	int round;

	for (round = 0; round < 3000; round++) {
		size_t len = sizeof base - 1, i;
		int edits = 1 + round % 4, e;
		struct table *t;
		char *err = NULL;

		memcpy(buf, base, len);
		for (e = 0; e < edits && len > 0; e++) {
			state = state * 6364136223846793005UL + 1442695040888963407UL;
			i = (state >> 33) % len;
			switch ((state >> 20) % 3) {
			case 0:          /* replace a byte */
				buf[i] = bytes[(state >> 40) % (sizeof bytes - 1)];
				break;
			case 1:          /* delete a byte */
				memmove(buf + i, buf + i + 1, len - i - 1);
				len--;
				break;
			default:         /* cut the input short */
				len = i + 1;
				break;
			}
		}
		t = table_parse_csv("m.csv", buf, len, &err);
		ck_assert((t == NULL) != (err == NULL));
		if (t != NULL) {
			ck_assert_int_gt(t->ncols, 0);
			ck_assert_int_gt(t->nrows, 0);
		} else
			ck_assert_msg(strncmp(err, "m.csv:", 6) == 0, "%s", err);
		table_free(t);
		free(err);
	}
}
END_TEST

/* Every tests/data/csv/bad/NAME.csv fails with the message in NAME.err. */
START_TEST(test_bad_corpus)
{
	const char *dir = "tests/data/csv/bad";
	DIR *d = opendir(dir);
	struct dirent *e;
	int files = 0;

	ck_assert_msg(d != NULL, "cannot open %s (run from the top folder)", dir);
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);
		char path[512], want[1024], *err = NULL;
		struct table *t;
		FILE *f;

		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%.*s.err", dir, (int)(len - 4),
		    e->d_name);
		f = fopen(path, "r");
		ck_assert_msg(f != NULL, "no %s", path);
		ck_assert_ptr_nonnull(fgets(want, sizeof want, f));
		fclose(f);
		want[strcspn(want, "\n")] = '\0';
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		t = table_read_csv(path, &err);
		ck_assert_msg(t == NULL, "%s was accepted", path);
		ck_assert_str_eq(err, want);
		free(err);
		files++;
	}
	closedir(d);
	ck_assert_int_ge(files, 10);
}
END_TEST

/* ------------------------------------------------------------ writing */

START_TEST(test_write_round_trip)
{
	static const char in[] = "name,\"a,b\",n\n"
	    "plain,\"with, comma\",0.1\n"
	    "\"say \"\"hi\"\"\",\"two\nlines\",-2\n"
	    "x,NA,1e-07\n"
	    "y,z,\n";
	char *err, *out, *again;
	struct table *t = parse(in, &err), *t2;

	ck_assert_ptr_nonnull(t);
	out = written(t);
	ck_assert_str_eq(out, "name,\"a,b\",n\n"
	    "plain,\"with, comma\",0.1\n"
	    "\"say \"\"hi\"\"\",\"two\nlines\",-2\n"
	    "x,,1e-07\n"
	    "y,z,\n");
	t2 = parse(out, &err);
	ck_assert_ptr_nonnull(t2);
	again = written(t2);
	ck_assert_str_eq(out, again);
	table_free(t);
	table_free(t2);
	free(out);
	free(again);
}
END_TEST

START_TEST(test_write_numbers_read_back)
{
	/* shortest form that reads back exactly, never more than 17 digits */
	static const double v[] = { 0.1, 1.0 / 3, -2.5, 1e300, 5e-324, 123456789,
	    0.30000000000000004, -0.0 };
	struct table t;
	struct column col;
	double num[8];
	long line[8];
	char *out, *err;
	struct table *back;
	int i;

	memset(&t, 0, sizeof t);
	memset(&col, 0, sizeof col);
	memcpy(num, v, sizeof v);
	for (i = 0; i < 8; i++)
		line[i] = i + 2;
	col.name = "v";
	col.num = num;
	t.source = "mem";
	t.ncols = 1;
	t.nrows = 8;
	t.cols = &col;
	t.line = line;
	out = written(&t);
	ck_assert_str_eq(out, "v\n0.1\n0.3333333333333333\n-2.5\n1e+300\n"
	    "4.94065645841247e-324\n123456789\n0.30000000000000004\n0\n");
	back = parse(out, &err);
	ck_assert_ptr_nonnull(back);
	for (i = 0; i < 8; i++)
		ck_assert(back->cols[0].num[i] == v[i]);
	table_free(back);
	free(out);
}
END_TEST

/* A full device: the write error is reported, not lost. */
START_TEST(test_write_error)
{
	char *err = NULL;
	struct table *t = parse("a\n1\n", &err);
	FILE *f = fopen("/dev/full", "w");

	ck_assert_ptr_nonnull(t);
	if (f != NULL) {
		ck_assert_int_eq(table_write_csv(t, f, &err), -1);
		ck_assert_str_eq(err, "data.csv: cannot write: No space left on device");
		free(err);
		fclose(f);
	}
	table_free(t);
}
END_TEST

/* Under a decimal-comma locale in the environment, the locale policy keeps
 * numbers in the C locale (checked where such a locale is installed; the
 * command-line test tests/cli/locale.sh generates one). */
START_TEST(test_numeric_locale)
{
	static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8",
	    "fr_FR.UTF-8", "fr_FR.utf8", NULL };
	const char *old = getenv("LC_ALL");
	char *saved = old ? strdup(old) : NULL;
	char *err, *out;
	struct table *t;
	int i;

	for (i = 0; names[i] != NULL; i++)
		if (setlocale(LC_ALL, names[i]) != NULL)
			break;
	if (names[i] != NULL)
		setenv("LC_ALL", names[i], 1);
	numlocale_init();
	t = parse("x\n1.5\n", &err);
	ck_assert_ptr_nonnull(t);
	ck_assert(t->cols[0].num[0] == 1.5);
	out = written(t);
	ck_assert_str_eq(out, "x\n1.5\n");
	free(out);
	table_free(t);
	if (saved) {
		setenv("LC_ALL", saved, 1);
		free(saved);
	} else {
		unsetenv("LC_ALL");
	}
	numlocale_init();
}
END_TEST

Suite *
csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("read");
	TCase *te = tcase_create("errors");
	TCase *tw = tcase_create("write");

	tcase_add_test(tc, test_plain);
	tcase_add_test(tc, test_quoted_fields);
	tcase_add_test(tc, test_line_numbers_after_newline_in_field);
	tcase_add_test(tc, test_crlf_bom_blank_lines);
	tcase_add_test(tc, test_spaces_and_missing);
	tcase_add_test(tc, test_typing);
	tcase_add_test(tc, test_utf8_text);
	tcase_add_test(tc, test_read_file);
	tcase_add_test(tc, test_numbers_as_strtod);
	tcase_add_test(tc, test_text_after_infinity);
	tcase_add_test(tc, test_memory_near_numbers);
	suite_add_tcase(s, tc);

	tcase_add_test(te, test_error_ragged);
	tcase_add_test(te, test_error_text_in_numeric);
	tcase_add_test(te, test_error_not_finite);
	tcase_add_test(te, test_error_order);
	tcase_add_test(te, test_error_empty_and_header_only);
	tcase_add_test(te, test_error_header);
	tcase_add_test(te, test_error_bytes);
	tcase_add_test(te, test_error_quotes);
	tcase_add_test(te, test_error_limits);
	tcase_add_test(te, test_mangled_input);
	tcase_add_test(te, test_bad_corpus);
	tcase_set_timeout(te, 120);
	suite_add_tcase(s, te);

	tcase_add_test(tw, test_write_round_trip);
	tcase_add_test(tw, test_write_numbers_read_back);
	tcase_add_test(tw, test_write_error);
	tcase_add_test(tw, test_numeric_locale);
	suite_add_tcase(s, tw);
	return s;
}
