/* test_gen.c: the synthetic data sets: determinism, shape, balance, the
 * churn rule, option errors, and the CSVs shipped in datasets/. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/dataset.h"

static struct table *
gen_ok(const char *name, long samples, double noise, int classes,
    uint64_t seed)
{
	struct gen_options o = { samples, noise, classes, seed };
	char *err = NULL;
	struct table *t = gen_table(name, &o, &err);

	ck_assert_msg(t != NULL, "%s: %s", name, err != NULL ? err : "");
	return t;
}

static void
gen_fails(const char *name, long samples, double noise, int classes,
    const char *want)
{
	struct gen_options o = { samples, noise, classes, 1 };
	char *err = NULL;
	struct table *t = gen_table(name, &o, &err);

	ck_assert_msg(t == NULL, "generated: expected \"%s\"", want);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, want);
	free(err);
}

static char *
csv_of(const struct table *t)
{
	char *buf = NULL, *err = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(table_write_csv(t, f, &err), 0);
	fclose(f);
	return buf;
}

static char *
file_contents(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(f != NULL, "cannot open %s (run from the top folder)", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Rows per class of the numeric "label" column, all within one of n/k. */
static void
assert_balanced(const struct table *t, int k)
{
	long count[16] = { 0 }, i;
	int c;

	ck_assert_str_eq(t->cols[2].name, "label");
	for (i = 0; i < t->nrows; i++) {
		double v = t->cols[2].num[i];

		ck_assert(v == floor(v) && v >= 0 && v < k);
		count[(int)v]++;
	}
	for (c = 0; c < k; c++)
		ck_assert_msg(count[c] == t->nrows / k ||
		    count[c] == t->nrows / k + 1, "class %d: %ld of %ld", c,
		    count[c], t->nrows);
}

START_TEST(test_names_and_defaults)
{
	static const long rows[6] = { 200, 300, 300, 300, 300, 3000 };
	int i;

	for (i = 0; gen_names[i] != NULL; i++) {
		struct table *t = gen_ok(gen_names[i], 0, -1, 0, 1);

		ck_assert_int_eq(t->nrows, rows[i]);
		ck_assert_str_eq(t->source, gen_names[i]);
		ck_assert_int_eq(t->line[0], 2);
		ck_assert_int_eq(t->line[t->nrows - 1], t->nrows + 1);
		table_free(t);
	}
	ck_assert_int_eq(i, 6);
	ck_assert_int_eq(gen_task("moons"), TASK_BINARY);
	ck_assert_int_eq(gen_task("spiral"), TASK_MULTICLASS);
	ck_assert_int_eq(gen_task("blobs"), TASK_MULTICLASS);
	ck_assert_int_eq(gen_task("churn"), TASK_BINARY);
	ck_assert_int_eq(gen_task("nope"), TASK_AUTO);
}
END_TEST

START_TEST(test_deterministic)
{
	int i;

	for (i = 0; gen_names[i] != NULL; i++) {
		struct table *a = gen_ok(gen_names[i], 101, -1, 0, 7);
		struct table *b = gen_ok(gen_names[i], 101, -1, 0, 7);
		struct table *c = gen_ok(gen_names[i], 101, -1, 0, 8);
		char *sa = csv_of(a), *sb = csv_of(b), *sc = csv_of(c);

		ck_assert_str_eq(sa, sb);
		ck_assert_str_ne(sa, sc);
		free(sa);
		free(sb);
		free(sc);
		table_free(a);
		table_free(b);
		table_free(c);
	}
}
END_TEST

/* Every number is rounded, so the CSV reads back exactly. */
START_TEST(test_read_back)
{
	int i;

	for (i = 0; gen_names[i] != NULL; i++) {
		struct table *t = gen_ok(gen_names[i], 0, -1, 0, 3), *back;
		char *s = csv_of(t), *err = NULL;
		long r;
		int c;

		back = table_parse_csv("g.csv", s, strlen(s), &err);
		ck_assert_msg(back != NULL, "%s", err ? err : "");
		ck_assert_int_eq(back->ncols, t->ncols);
		ck_assert_int_eq(back->nrows, t->nrows);
		for (c = 0; c < t->ncols; c++) {
			ck_assert_int_eq(back->cols[c].is_text, t->cols[c].is_text);
			for (r = 0; r < t->nrows; r++)
				if (t->cols[c].is_text)
					ck_assert_str_eq(back->cols[c].text[r],
					    t->cols[c].text[r]);
				else {
					double v = t->cols[c].num[r];

					ck_assert(back->cols[c].num[r] == v);
					/* at most 6 decimals */
					ck_assert(round(v * 1e6) / 1e6 == v);
				}
		}
		table_free(back);
		table_free(t);
		free(s);
	}
}
END_TEST

START_TEST(test_balance)
{
	struct table *t;
	int k;

	t = gen_ok("xor", 201, -1, 0, 1);
	assert_balanced(t, 2);
	table_free(t);
	t = gen_ok("circles", 300, -1, 0, 2);
	assert_balanced(t, 2);
	table_free(t);
	t = gen_ok("moons", 77, -1, 0, 3);
	assert_balanced(t, 2);
	table_free(t);
	for (k = 2; k <= 10; k++) {
		t = gen_ok("spiral", 301, -1, k, 4);
		assert_balanced(t, k);
		table_free(t);
		t = gen_ok("blobs", 299, -1, k, 5);
		assert_balanced(t, k);
		table_free(t);
	}
}
END_TEST

START_TEST(test_shapes_without_noise)
{
	struct table *t;
	long i;

	/* xor: label 1 exactly when the signs differ */
	t = gen_ok("xor", 400, 0, 0, 1);
	for (i = 0; i < t->nrows; i++) {
		double x = t->cols[0].num[i], y = t->cols[1].num[i];

		ck_assert(fabs(x) <= 1 && fabs(y) <= 1);
		if (x != 0 && y != 0)
			ck_assert(t->cols[2].num[i] == (x * y < 0));
	}
	table_free(t);
	/* circles: radius 1 for label 0, 0.5 for label 1 (to rounding) */
	t = gen_ok("circles", 200, 0, 0, 1);
	for (i = 0; i < t->nrows; i++) {
		double r = hypot(t->cols[0].num[i], t->cols[1].num[i]);

		ck_assert(fabs(r - (t->cols[2].num[i] == 0 ? 1 : 0.5)) < 2e-6);
	}
	table_free(t);
	/* moons: label 0 on the upper unit half circle, label 1 on the lower
	 * one centred at (1, 0.5) */
	t = gen_ok("moons", 200, 0, 0, 1);
	for (i = 0; i < t->nrows; i++) {
		double x = t->cols[0].num[i], y = t->cols[1].num[i];

		if (t->cols[2].num[i] == 0)
			ck_assert(fabs(hypot(x, y) - 1) < 2e-6 && y >= 0);
		else
			ck_assert(fabs(hypot(x - 1, y - 0.5) - 1) < 2e-6 &&
			    y <= 0.5);
	}
	table_free(t);
	/* blobs: every point on its centre */
	t = gen_ok("blobs", 40, 0, 4, 1);
	for (i = 0; i < t->nrows; i++) {
		double a = 2 * M_PI * t->cols[2].num[i] / 4;

		ck_assert(fabs(t->cols[0].num[i] - 2 * cos(a)) < 1e-6);
		ck_assert(fabs(t->cols[1].num[i] - 2 * sin(a)) < 1e-6);
	}
	table_free(t);
	/* spiral: inside the unit disc */
	t = gen_ok("spiral", 300, 0, 3, 1);
	for (i = 0; i < t->nrows; i++)
		ck_assert(hypot(t->cols[0].num[i], t->cols[1].num[i]) <= 1 + 1e-6);
	table_free(t);
}
END_TEST

START_TEST(test_churn)
{
	static const char *const names[8] = { "tenure_months", "monthly_charge",
	    "contract", "internet", "support_calls", "payment_method", "senior",
	    "churned" };
	uint64_t seed;
	int c;

	for (seed = 1; seed <= 5; seed++) {
		struct table *t = gen_ok("churn", 0, -1, 0, seed);
		long i, yes = 0;
		double rate;

		ck_assert_int_eq(t->nrows, 3000);
		ck_assert_int_eq(t->ncols, 8);
		for (c = 0; c < 8; c++)
			ck_assert_str_eq(t->cols[c].name, names[c]);
		for (i = 0; i < t->nrows; i++) {
			double tenure = t->cols[0].num[i];
			double charge = t->cols[1].num[i];
			double calls = t->cols[4].num[i];
			const char *k = t->cols[2].text[i];
			const char *pay = t->cols[5].text[i];

			ck_assert(tenure == floor(tenure) && tenure >= 1 &&
			    tenure <= 72);
			ck_assert(fabs(charge * 100 - round(charge * 100)) < 1e-6);
			ck_assert(charge >= 18 && charge <= 110);
			ck_assert(calls == floor(calls) && calls >= 0 && calls <= 9);
			ck_assert(strcmp(k, "month-to-month") == 0 ||
			    strcmp(k, "one-year") == 0 || strcmp(k, "two-year") == 0);
			ck_assert(strcmp(pay, "card") == 0 || strcmp(pay, "bank") == 0 ||
			    strcmp(pay, "electronic-check") == 0 ||
			    strcmp(pay, "mailed-check") == 0);
			ck_assert(t->cols[6].num[i] == 0 || t->cols[6].num[i] == 1);
			yes += strcmp(t->cols[7].text[i], "yes") == 0;
			if (strcmp(t->cols[7].text[i], "yes") != 0)
				ck_assert_str_eq(t->cols[7].text[i], "no");
		}
		rate = (double)yes / (double)t->nrows;
		ck_assert_msg(rate >= 0.07 && rate <= 0.09, "seed %d: rate %g",
		    (int)seed, rate);
		table_free(t);
	}
}
END_TEST

/* The rule is learnable: month-to-month customers and those who call
 * support often churn far more than two-year customers. */
START_TEST(test_churn_rule)
{
	struct table *t = gen_ok("churn", 20000, -1, 0, 9);
	long n[3] = { 0 }, yes[3] = { 0 }, calls_n[2] = { 0 }, calls_yes[2] = { 0 };
	long i;

	for (i = 0; i < t->nrows; i++) {
		const char *k = t->cols[2].text[i];
		int j = k[0] == 'm' ? 0 : k[0] == 'o' ? 1 : 2;
		int churned = t->cols[7].text[i][0] == 'y';
		int many = t->cols[4].num[i] >= 3;

		n[j]++;
		yes[j] += churned;
		calls_n[many]++;
		calls_yes[many] += churned;
	}
	ck_assert((double)yes[0] / (double)n[0] > 4 * (double)yes[2] / (double)n[2]);
	ck_assert((double)calls_yes[1] / (double)calls_n[1] >
	    1.5 * (double)calls_yes[0] / (double)calls_n[0]);
	table_free(t);
}
END_TEST

START_TEST(test_errors)
{
	gen_fails("swirl", 0, -1, 0, "unknown generator \"swirl\" (expected one "
	    "of: xor, circles, moons, spiral, blobs, churn)");
	gen_fails("moons", 3, -1, 0,
	    "--samples 3 is out of range (expected 4 to 1000000)");
	gen_fails("moons", 1000001, -1, 0,
	    "--samples 1000001 is out of range (expected 4 to 1000000)");
	gen_fails("moons", -5, -1, 0,
	    "--samples -5 is out of range (expected 4 to 1000000)");
	gen_fails("moons", 0, 11, 0,
	    "--noise 11 is out of range (expected 0 to 10)");
	gen_fails("moons", 0, NAN, 0,
	    "--noise nan is out of range (expected 0 to 10)");
	gen_fails("spiral", 0, -1, 11,
	    "--classes 11 is out of range (expected 2 to 10)");
	gen_fails("blobs", 0, -1, 1,
	    "--classes 1 is out of range (expected 2 to 10)");
	gen_fails("moons", 0, -1, 3, "--classes 3 does not apply to moons "
	    "(expected 2; spiral and blobs take 2 to 10)");
}
END_TEST

/* datasets/NAME.csv is exactly `nnstep gen NAME --seed 1` (default size). */
START_TEST(test_shipped_csvs)
{
	int i;

	for (i = 0; gen_names[i] != NULL; i++) {
		char path[64];
		struct table *t = gen_ok(gen_names[i], 0, -1, 0, 1);
		char *want = csv_of(t), *have;

		snprintf(path, sizeof path, "datasets/%s.csv", gen_names[i]);
		have = file_contents(path);
		ck_assert_msg(strcmp(want, have) == 0, "%s differs from the "
		    "generator", path);
		free(want);
		free(have);
		table_free(t);
	}
}
END_TEST

/* A generated set builds into a dataset of the intended task. */
START_TEST(test_builds)
{
	struct data_options o;
	struct table *t;
	struct dataset *d;
	char *err = NULL;

	data_options_default(&o);
	t = gen_ok("churn", 0, -1, 0, 1);
	d = dataset_build(t, &o, NULL, &err);
	ck_assert_msg(d != NULL, "%s", err ? err : "");
	ck_assert_int_eq(d->task, TASK_BINARY);
	ck_assert_str_eq(d->prep->classes[1], "yes");
	/* 4 numbers + contract (3) + internet (3) + payment (4) */
	ck_assert_int_eq(d->ninputs, 4 + 3 + 3 + 4);
	dataset_free(d);
	table_free(t);

	t = gen_ok("spiral", 0, -1, 0, 1);
	o.task = gen_task("spiral");
	d = dataset_build(t, &o, NULL, &err);
	ck_assert_msg(d != NULL, "%s", err ? err : "");
	ck_assert_int_eq(d->task, TASK_MULTICLASS);
	ck_assert_int_eq(d->noutputs, 3);
	ck_assert_str_eq(d->prep->classes[2], "2");
	dataset_free(d);
	table_free(t);
}
END_TEST

Suite *
gen_suite(void)
{
	Suite *s = suite_create("gen");
	TCase *tc = tcase_create("gen");

	tcase_add_test(tc, test_names_and_defaults);
	tcase_add_test(tc, test_deterministic);
	tcase_add_test(tc, test_read_back);
	tcase_add_test(tc, test_balance);
	tcase_add_test(tc, test_shapes_without_noise);
	tcase_add_test(tc, test_churn);
	tcase_add_test(tc, test_churn_rule);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_shipped_csvs);
	tcase_add_test(tc, test_builds);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
