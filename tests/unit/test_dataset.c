/* test_dataset.c: target and task, encoding, splits, missing values,
 * scaling, class weights, applying a saved prep, and the shipped data. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/dataset.h"

static struct table *
table_of(const char *csv)
{
	char *err = NULL;
	struct table *t = table_parse_csv("d.csv", csv, strlen(csv), &err);

	ck_assert_msg(t != NULL, "%s", err != NULL ? err : "");
	return t;
}

/* Options keeping file order and leaving x unscaled. */
static struct data_options
plain_options(void)
{
	struct data_options o;

	data_options_default(&o);
	o.split[0] = 1;
	o.split[1] = 0;
	o.split[2] = 0;
	o.scale = SCALE_NONE;
	return o;
}

static struct dataset *
build_ok(const struct table *t, const struct data_options *o,
    const struct prep *fixed)
{
	char *err = NULL;
	struct dataset *d = dataset_build(t, o, fixed, &err);

	ck_assert_msg(d != NULL, "%s", err != NULL ? err : "");
	return d;
}

static void
build_fails(const struct table *t, const struct data_options *o,
    const struct prep *fixed, const char *want)
{
	char *err = NULL;
	struct dataset *d = dataset_build(t, o, fixed, &err);

	ck_assert_msg(d == NULL, "built: expected \"%s\"", want);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, want);
	free(err);
}

/* A table of n rows: x = i, g = "a"/"b"/"c" in turn, y = class i % k
 * (as text "c0", "c1", ...) but with the first share rows of class 0. */
static struct table *
table_classes(long n, int k)
{
	size_t cap = (size_t)n * 32 + 32, len;
	char *s = malloc(cap);
	struct table *t;
	long i;

	ck_assert_ptr_nonnull(s);
	len = (size_t)snprintf(s, cap, "x,g,y\n");
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(s + len, cap - len, "%ld,%c,c%ld\n", i,
		    "abc"[i % 3], (i * 7) % k);
	t = table_of(s);
	free(s);
	return t;
}

/* ------------------------------------------------------ target and task */

/* Integer targets with 3 to 20 values are classes (as scikit-learn's
 * type_of_target); a fraction, 21 values or --task regress make numbers. */
START_TEST(test_integer_labels)
{
	struct table *t = table_of("x,digit\n1,3\n2,1\n3,2\n4,3\n5,-1\n");
	struct data_options o = plain_options();
	struct dataset *d;
	char buf[4096];
	int i, n = 0;

	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_MULTICLASS);
	ck_assert_int_eq(d->prep->nclasses, 4);
	ck_assert_str_eq(d->prep->classes[0], "-1");
	ck_assert_str_eq(d->prep->classes[3], "3");
	ck_assert_int_eq(d->train.label[0], 3);
	ck_assert_int_eq(d->integer_labels, 1);
	dataset_free(d);
	o.task = TASK_REGRESS;
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_REGRESS);
	ck_assert_int_eq(d->integer_labels, 0);
	dataset_free(d);
	table_free(t);

	o.task = TASK_AUTO;
	t = table_of("x,y\n1,3\n2,1\n3,2.5\n");
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_REGRESS);
	dataset_free(d);
	table_free(t);

	n = snprintf(buf, sizeof buf, "x,y\n");
	for (i = 0; i < 21; i++)
		n += snprintf(buf + n, sizeof buf - (size_t)n, "%d,%d\n", i, i);
	t = table_of(buf);
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_REGRESS);	/* 21 values */
	dataset_free(d);
	table_free(t);
	n = snprintf(buf, sizeof buf, "x,y\n");
	for (i = 0; i < 40; i++)
		n += snprintf(buf + n, sizeof buf - (size_t)n, "%d,%d\n", i, i % 20);
	t = table_of(buf);
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_MULTICLASS);	/* 20 values */
	ck_assert_int_eq(d->prep->nclasses, 20);
	dataset_free(d);
	table_free(t);
}
END_TEST

START_TEST(test_target_by_name_and_number)
{
	struct table *t = table_of("a,b,c\n1.5,x,10.5\n2,y,20\n3,x,30\n");
	struct data_options o = plain_options();
	struct dataset *d;

	d = build_ok(t, &o, NULL);                /* last column: c */
	ck_assert_str_eq(d->prep->target, "c");
	ck_assert_int_eq(d->task, TASK_REGRESS);
	dataset_free(d);

	o.target = "b";
	d = build_ok(t, &o, NULL);
	ck_assert_str_eq(d->prep->target, "b");
	ck_assert_int_eq(d->task, TASK_BINARY);
	dataset_free(d);

	o.target = "1";
	d = build_ok(t, &o, NULL);
	ck_assert_str_eq(d->prep->target, "a");
	ck_assert_int_eq(d->task, TASK_REGRESS);
	ck_assert_int_eq(d->ninputs, 3);          /* b=x, b=y, c */
	dataset_free(d);

	o.target = "foo";
	build_fails(t, &o, NULL,
	    "d.csv:1:1: no column \"foo\" (expected one of: a, b, c)");
	o.target = "4";
	build_fails(t, &o, NULL,
	    "d.csv:1:1: no column number 4 (expected 1 to 3 or a column name)");
	o.target = "0";
	build_fails(t, &o, NULL,
	    "d.csv:1:1: no column number 0 (expected 1 to 3 or a column name)");
	table_free(t);

	/* a column named by digits is a name first */
	t = table_of("2,1\n5.5,0\n6,1\n7,0\n");
	o.target = "2";
	d = build_ok(t, &o, NULL);
	ck_assert_str_eq(d->prep->target, "2");
	ck_assert_int_eq(d->task, TASK_REGRESS);
	dataset_free(d);
	table_free(t);
}
END_TEST

START_TEST(test_task_and_classes)
{
	struct table *t = table_of("x,bin,num,txt,one\n"
	    "1,0,2.5,dog,7\n2,1,10,cat,7\n3,1,-1,emu,7\n4,0,2.5,cat,7\n");
	struct data_options o = plain_options();
	struct dataset *d;

	o.target = "bin";                         /* two numbers: binary */
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_BINARY);
	ck_assert_int_eq(d->noutputs, 1);
	ck_assert_int_eq(d->prep->nclasses, 2);
	ck_assert_str_eq(d->prep->classes[0], "0");
	ck_assert_str_eq(d->prep->classes[1], "1");
	ck_assert(d->train.y[1] == 1 && d->train.y[3] == 0);
	ck_assert_int_eq(d->train.label[2], 1);
	dataset_free(d);

	o.target = "num";                         /* three numbers: regression */
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_REGRESS);
	ck_assert_ptr_null(d->train.label);
	ck_assert(d->train.y[1] == 10);
	ck_assert_int_eq(d->prep->nclasses, 0);
	dataset_free(d);

	o.task = TASK_BINARY;                     /* classify numbers */
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_MULTICLASS);
	ck_assert_int_eq(d->noutputs, 3);
	ck_assert_str_eq(d->prep->classes[0], "-1");   /* numeric order */
	ck_assert_str_eq(d->prep->classes[1], "2.5");
	ck_assert_str_eq(d->prep->classes[2], "10");
	ck_assert_int_eq(d->train.label[0], 1);
	ck_assert_int_eq(d->train.label[1], 2);
	/* one-hot targets */
	ck_assert(d->train.y[0 * 3 + 1] == 1 && d->train.y[0 * 3 + 0] == 0);
	ck_assert(d->train.y[2 * 3 + 0] == 1);
	dataset_free(d);

	o.task = TASK_AUTO;
	o.target = "txt";                         /* text: multiclass */
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_MULTICLASS);
	ck_assert_str_eq(d->prep->classes[0], "cat");
	ck_assert_str_eq(d->prep->classes[1], "dog");
	ck_assert_str_eq(d->prep->classes[2], "emu");
	ck_assert_int_eq(d->train.label[0], 1);
	dataset_free(d);

	o.task = TASK_REGRESS;
	build_fails(t, &o, NULL, "d.csv:2:4: text \"dog\" in target column "
	    "\"txt\" (expected a number for regression)");
	o.task = TASK_AUTO;
	o.target = "one";
	build_fails(t, &o, NULL, "d.csv:1:5: target column \"one\" has only "
	    "one class \"7\" (expected at least two classes)");
	table_free(t);

	/* more than 64 classes */
	t = table_classes(200, 65);
	o.target = NULL;
	build_fails(t, &o, NULL, "d.csv:1:3: target column \"y\" has 65 classes "
	    "(expected at most 64)");
	table_free(t);
}
END_TEST

START_TEST(test_one_hot)
{
	struct table *t = table_of("size,color,y\n1,red,0\n2,blue,1\n3,red,1\n"
	    "4,green,0\n");
	struct data_options o = plain_options();
	struct dataset *d = build_ok(t, &o, NULL);
	const struct prep *p = d->prep;
	static const double want[4][4] = {
		{ 1, 0, 0, 1 }, { 2, 1, 0, 0 }, { 3, 0, 0, 1 }, { 4, 0, 1, 0 }
	};
	int i, k;

	ck_assert_int_eq(d->ninputs, 4);
	ck_assert_int_eq(p->ninputs, 4);
	ck_assert_int_eq(p->ncols, 2);
	ck_assert_str_eq(p->input_names[0], "size");
	ck_assert_str_eq(p->input_names[1], "color=blue");
	ck_assert_str_eq(p->input_names[2], "color=green");
	ck_assert_str_eq(p->input_names[3], "color=red");
	ck_assert_int_eq(p->cols[1].is_text, 1);
	ck_assert_int_eq(p->cols[1].ncat, 3);
	ck_assert_str_eq(p->cols[1].cats[0], "blue");
	for (i = 0; i < 4; i++)
		for (k = 0; k < 4; k++)
			ck_assert(d->train.x[i * 4 + k] == want[i][k]);
	ck_assert_str_eq(d->name, "d.csv");
	dataset_free(d);
	table_free(t);
}
END_TEST

START_TEST(test_no_inputs_and_bad_split)
{
	struct table *t = table_of("y\n1\n0\n");
	struct data_options o;

	data_options_default(&o);
	build_fails(t, &o, NULL, "d.csv:1:1: no input columns (expected at least "
	    "one column besides the target \"y\")");
	table_free(t);
	t = table_of("x,y\n1,1\n2,0\n");
	o.split[0] = 0.5;
	o.split[1] = 0.2;
	o.split[2] = 0.2;
	build_fails(t, &o, NULL,
	    "split 0.5/0.2/0.2 (expected three fractions >= 0 that sum to 1)");
	o.split[1] = -0.1;
	o.split[2] = 0.6;
	build_fails(t, &o, NULL,
	    "split 0.5/-0.1/0.6 (expected three fractions >= 0 that sum to 1)");
	table_free(t);
}
END_TEST

/* ------------------------------------------------------------- splits */

START_TEST(test_file_order)
{
	struct table *t = table_of("x,y\n5,a\n6,b\n7,a\n8,b\n9,a\n");
	struct data_options o = plain_options();
	struct dataset *d = build_ok(t, &o, NULL);
	long i;

	ck_assert_int_eq(d->train.n, 5);
	ck_assert_int_eq(d->val.n, 0);
	ck_assert_int_eq(d->test.n, 0);
	for (i = 0; i < 5; i++) {
		ck_assert_int_eq(d->train.row[i], i);
		ck_assert(d->train.x[i] == 5 + i);
		ck_assert_int_eq(d->train.label[i], i % 2);
		ck_assert(d->train.w[i] == 1);
	}
	dataset_free(d);
	table_free(t);
}
END_TEST

/* Count of each class in a split. */
static void
count_classes(const struct split *s, long *count, int k)
{
	long i;

	memset(count, 0, (size_t)k * sizeof *count);
	for (i = 0; i < s->n; i++)
		count[s->label[i]]++;
}

START_TEST(test_stratified_split)
{
	/* classes of 1000 rows, i*7 % 3: 334, 333, 333 */
	struct table *t = table_classes(1000, 3);
	struct data_options o;
	struct dataset *d, *d2, *d3;
	long tr[3], va[3], te[3], total[3] = { 0 }, i;
	int c, changes = 0, same = 1;

	data_options_default(&o);
	o.split[0] = 0.6;
	o.split[1] = 0.25;
	o.split[2] = 0.15;
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->train.n + d->val.n + d->test.n, 1000);
	count_classes(&d->train, tr, 3);
	count_classes(&d->val, va, 3);
	count_classes(&d->test, te, 3);
	for (i = 0; i < 1000; i++)
		total[(i * 7) % 3]++;
	for (c = 0; c < 3; c++) {
		ck_assert_int_eq(tr[c] + va[c] + te[c], total[c]);
		ck_assert(fabs((double)tr[c] - 0.6 * (double)total[c]) <= 1);
		ck_assert(fabs((double)va[c] - 0.25 * (double)total[c]) <= 1);
		ck_assert(fabs((double)te[c] - 0.15 * (double)total[c]) <= 1);
	}
	/* class 0 has 334 rows: 200.4 -> 200 train, 83.5 -> 84 val, 50 test */
	ck_assert_int_eq(tr[0], 200);
	ck_assert_int_eq(va[0], 84);
	ck_assert_int_eq(te[0], 50);
	/* the rows of a split are mixed, not grouped by class */
	for (i = 1; i < d->train.n; i++)
		changes += d->train.label[i] != d->train.label[i - 1];
	ck_assert_int_gt(changes, 100);
	/* every row appears once */
	{
		char *seen = calloc(1000, 1);
		const struct split *sp[3] = { &d->train, &d->val, &d->test };
		int s;

		for (s = 0; s < 3; s++)
			for (i = 0; i < sp[s]->n; i++) {
				long r = sp[s]->row[i];

				ck_assert(!seen[r]);
				seen[r] = 1;
				ck_assert_int_eq(sp[s]->label[i], (int)((r * 7) % 3));
			}
		free(seen);
	}

	/* the same seed gives the same split, another seed another one */
	d2 = build_ok(t, &o, NULL);
	o.seed = 2;
	d3 = build_ok(t, &o, NULL);
	ck_assert_int_eq(d2->train.n, d->train.n);
	for (i = 0; i < d->train.n; i++)
		ck_assert_int_eq(d2->train.row[i], d->train.row[i]);
	for (i = 0; i < d->val.n; i++)
		ck_assert_int_eq(d2->val.row[i], d->val.row[i]);
	for (i = 0; i < d->train.n && i < d3->train.n; i++)
		same &= d3->train.row[i] == d->train.row[i];
	ck_assert(!same);
	dataset_free(d);
	dataset_free(d2);
	dataset_free(d3);
	table_free(t);
}
END_TEST

START_TEST(test_regression_split)
{
	char csv[4096];
	size_t len = 0;
	struct table *t;
	struct data_options o;
	struct dataset *d;
	int i;

	len += (size_t)snprintf(csv, sizeof csv, "x,y\n");
	for (i = 0; i < 100; i++)
		len += (size_t)snprintf(csv + len, sizeof csv - len, "%d,%d.5\n",
		    i, i);
	t = table_of(csv);
	data_options_default(&o);
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_REGRESS);
	ck_assert_int_eq(d->train.n, 70);
	ck_assert_int_eq(d->val.n, 15);
	ck_assert_int_eq(d->test.n, 15);
	ck_assert(d->test.y[0] == (double)d->test.row[0] + 0.5);
	ck_assert(d->train.w[3] == 1);
	dataset_free(d);
	table_free(t);
}
END_TEST

/* ------------------------------------------------------------ scaling */

START_TEST(test_standard_scaling_numbers)
{
	/* train = all four rows: x = 1,2,3,4, mean 2.5, population variance
	 * (2.25+0.25+0.25+2.25)/4 = 1.25; the constant column keeps scale 1. */
	struct table *t = table_of("x,k,y\n1,5,a\n2,5,b\n3,5,a\n4,5,b\n");
	struct data_options o = plain_options();
	struct dataset *d;

	o.scale = SCALE_STANDARD;
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->prep->scale, SCALE_STANDARD);
	ck_assert(d->prep->offset[0] == 2.5);
	ck_assert(d->prep->scalev[0] == sqrt(1.25));
	ck_assert(d->prep->offset[1] == 5);
	ck_assert(d->prep->scalev[1] == 1);
	ck_assert(d->train.x[0] == (1 - 2.5) / sqrt(1.25));
	ck_assert(d->train.x[3 * 2] == (4 - 2.5) / sqrt(1.25));
	ck_assert(d->train.x[1] == 0);
	dataset_free(d);

	o.scale = SCALE_MINMAX;
	d = build_ok(t, &o, NULL);
	ck_assert(d->prep->offset[0] == 1);
	ck_assert(d->prep->scalev[0] == 3);
	ck_assert(d->prep->scalev[1] == 1);
	ck_assert(d->train.x[2 * 2] == 2.0 / 3);
	dataset_free(d);

	o.scale = SCALE_NONE;
	d = build_ok(t, &o, NULL);
	ck_assert(d->prep->offset[0] == 0 && d->prep->scalev[0] == 1);
	ck_assert(d->train.x[2 * 2] == 3);
	dataset_free(d);
	table_free(t);
}
END_TEST

START_TEST(test_scaler_fit_on_train_only)
{
	struct table *t = table_classes(60, 2);
	struct data_options o;
	struct dataset *d, *d2;
	double off[4], sc[4], mean = 0, var = 0;
	long row, i;
	int k;

	data_options_default(&o);
	d = build_ok(t, &o, NULL);
	ck_assert_int_gt(d->val.n, 0);
	memcpy(off, d->prep->offset, sizeof off);
	memcpy(sc, d->prep->scalev, sizeof sc);
	/* the scaler is that of the training rows' x */
	for (i = 0; i < d->train.n; i++)
		mean += t->cols[0].num[d->train.row[i]];
	mean /= (double)d->train.n;
	for (i = 0; i < d->train.n; i++) {
		double e = t->cols[0].num[d->train.row[i]] - mean;

		var += e * e;
	}
	ck_assert(fabs(off[0] - mean) < 1e-12);
	ck_assert(fabs(sc[0] - sqrt(var / (double)d->train.n)) < 1e-12);

	/* a validation value changes: the scaler does not */
	row = d->val.row[0];
	t->cols[0].num[row] = 1e6;
	d2 = build_ok(t, &o, NULL);
	for (k = 0; k < 4; k++) {
		ck_assert(d2->prep->offset[k] == off[k]);
		ck_assert(d2->prep->scalev[k] == sc[k]);
	}
	/* ... but the validation row is scaled with it */
	ck_assert(d2->val.x[0] == (1e6 - off[0]) / sc[0]);
	dataset_free(d2);

	/* a training value changes: the scaler does */
	t->cols[0].num[d->train.row[0]] = 1e6;
	d2 = build_ok(t, &o, NULL);
	ck_assert(d2->prep->offset[0] != off[0]);
	dataset_free(d2);
	dataset_free(d);
	table_free(t);
}
END_TEST

/* ------------------------------------------------------ missing values */

START_TEST(test_missing_values)
{
	struct table *t = table_of("a,c,y\n1,u,p\nNA,v,q\n5,,p\n3,v,\n4,v,q\n");
	struct data_options o = plain_options();
	struct dataset *d;

	build_fails(t, &o, NULL, "d.csv:3:1: missing value in column \"a\" "
	    "(expected a value; use --missing drop or --missing mean)");

	o.missing = MISSING_DROP;                /* rows 1, 2, 3 go */
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->train.n, 2);
	ck_assert_int_eq(d->train.row[0], 0);
	ck_assert_int_eq(d->train.row[1], 4);
	ck_assert(d->train.x[1 * 3] == 4);
	dataset_free(d);

	/* mean: the row without a target goes; a = NA gets the mean of the
	 * other training values (1 + 5 + 4) / 3 = 10/3; the missing text cell
	 * gets the most frequent category, v (rows 2, 5; u once). */
	o.missing = MISSING_MEAN;
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->train.n, 4);
	ck_assert_int_eq(d->train.row[2], 2);
	ck_assert(d->prep->cols[0].fill == 10.0 / 3);
	ck_assert(d->prep->cols[1].fill == 1);   /* cats u, v */
	ck_assert(d->train.x[1 * 3] == 10.0 / 3);
	ck_assert(d->train.x[2 * 3 + 1] == 0 && d->train.x[2 * 3 + 2] == 1);
	dataset_free(d);
	table_free(t);

	t = table_of("a,y\nNA,1\n2,\n");
	o.missing = MISSING_DROP;
	build_fails(t, &o, NULL, "d.csv:1:1: no rows left after dropping rows with "
	    "missing values (expected at least one row with every value)");
	table_free(t);
}
END_TEST

START_TEST(test_missing_mean_uses_train)
{
	/* With a split, the fill is the mean of the training rows only. */
	struct table *t = table_classes(40, 2);
	struct data_options o;
	struct dataset *d;
	double sum = 0;
	long i, n = 0, gap;

	data_options_default(&o);
	o.missing = MISSING_MEAN;
	o.scale = SCALE_NONE;
	d = build_ok(t, &o, NULL);
	gap = d->test.row[0];
	dataset_free(d);
	t->cols[0].num[gap] = NAN;
	d = build_ok(t, &o, NULL);
	for (i = 0; i < d->train.n; i++) {
		sum += t->cols[0].num[d->train.row[i]];
		n++;
	}
	ck_assert(d->prep->cols[0].fill == sum / (double)n);
	ck_assert(d->test.row[0] == gap);
	ck_assert(d->test.x[0] == sum / (double)n);
	dataset_free(d);
	table_free(t);
}
END_TEST

/* ------------------------------------------------------ class weights */

START_TEST(test_class_weights)
{
	/* train: three of class a, one of class b. balanced weights
	 * n / (K * count): a = 4 / (2 * 3) = 2/3, b = 4 / (2 * 1) = 2; their
	 * mean over the four samples is (3 * 2/3 + 2) / 4 = 1. */
	struct table *t = table_of("x,y\n1,a\n2,a\n3,b\n4,a\n");
	struct data_options o = plain_options();
	struct dataset *d;
	double sum = 0;
	long i;

	d = build_ok(t, &o, NULL);
	ck_assert(d->class_weight[0] == 1 && d->class_weight[1] == 1);
	dataset_free(d);

	o.class_weight_auto = 1;
	d = build_ok(t, &o, NULL);
	ck_assert(d->class_weight[0] == 4.0 / 6);
	ck_assert(d->class_weight[1] == 2);
	ck_assert(d->train.w[0] == 4.0 / 6);
	ck_assert(d->train.w[2] == 2);
	for (i = 0; i < 4; i++)
		sum += d->train.w[i];
	ck_assert(fabs(sum / 4 - 1) < 1e-15);
	dataset_free(d);

	o.class_weight_auto = 0;
	o.nclass_weights = 2;
	o.class_weights[0] = 1;
	o.class_weights[1] = 19;
	d = build_ok(t, &o, NULL);
	ck_assert(d->train.w[1] == 1);
	ck_assert(d->train.w[2] == 19);
	ck_assert(d->class_weight[1] == 19);
	dataset_free(d);

	o.nclass_weights = 3;
	build_fails(t, &o, NULL, "3 class weights for 2 classes (expected one "
	    "weight per class: a, b)");
	o.nclass_weights = 2;
	o.class_weights[1] = -1;
	build_fails(t, &o, NULL, "class weight -1 for class 2 (expected a finite "
	    "number >= 0)");
	table_free(t);
}
END_TEST

/* ---------------------------------------------------- a saved prep */

START_TEST(test_fixed_prep)
{
	struct table *a = table_of("n,c,y\n1,red,no\n3,blue,yes\n5,red,no\n"
	    "7,blue,no\n");
	struct table *b = table_of("extra,c,n,y\nq,red,3,yes\nq,blue,9,no\n");
	struct data_options o = plain_options();
	struct dataset *da, *db;
	struct prep *saved;

	o.scale = SCALE_STANDARD;
	da = build_ok(a, &o, NULL);
	saved = prep_copy(da->prep);
	dataset_free(da);

	/* columns by name, in the saved order; the saved scaler: mean of n is
	 * 4, std sqrt(5); c=blue is 2/4 in train, std 1/2 */
	db = build_ok(b, &o, saved);
	ck_assert_int_eq(db->ninputs, 3);
	ck_assert_int_eq(db->train.n, 2);
	ck_assert(db->train.x[0] == (3 - 4) / sqrt(5));
	ck_assert(db->train.x[1] == (0 - 0.5) / 0.5);
	ck_assert(db->train.x[3 + 0] == (9 - 4) / sqrt(5));
	ck_assert(db->train.x[3 + 1] == (1 - 0.5) / 0.5);
	ck_assert_int_eq(db->train.label[0], 1);
	ck_assert_int_eq(db->task, TASK_BINARY);
	ck_assert(db->prep->offset[0] == 4);
	dataset_free(db);
	table_free(b);

	b = table_of("n,c,y\n1,red,no\n2,green,yes\n");
	build_fails(b, &o, saved, "d.csv:3:2: unknown category \"green\" in column "
	    "\"c\" (expected one of: blue, red)");
	table_free(b);
	b = table_of("n,c,y\n1,red,no\n2,red,maybe\n");
	build_fails(b, &o, saved, "d.csv:3:3: unknown class \"maybe\" in target "
	    "column \"y\" (expected one of: no, yes)");
	table_free(b);
	b = table_of("c,y\nred,no\n");
	build_fails(b, &o, saved, "d.csv:1:1: no column \"n\" (expected the input "
	    "columns of the model: n, c)");
	table_free(b);
	b = table_of("n,c,y\nmany,red,no\n");
	build_fails(b, &o, saved, "d.csv:2:1: text \"many\" in numeric column "
	    "\"n\" (expected a number)");
	table_free(b);
	prep_free(saved);
	table_free(a);
}
END_TEST

START_TEST(test_prep_copy)
{
	struct table *t = table_of("n,c,y\n1,red,0\n3,blue,1\n");
	struct data_options o = plain_options();
	struct dataset *d = build_ok(t, &o, NULL);
	struct prep *p = prep_copy(d->prep);

	ck_assert_ptr_null(prep_copy(NULL));
	ck_assert_ptr_ne(p->cols, d->prep->cols);
	ck_assert_ptr_ne(p->input_names[1], d->prep->input_names[1]);
	ck_assert_str_eq(p->input_names[1], "c=blue");
	ck_assert_str_eq(p->cols[1].cats[1], "red");
	ck_assert_str_eq(p->classes[1], "1");
	ck_assert_str_eq(p->target, "y");
	ck_assert(p->scalev[2] == d->prep->scalev[2]);
	dataset_free(d);
	prep_free(p);
	prep_free(NULL);
	dataset_free(NULL);
	table_free(t);
}
END_TEST

/* ------------------------------------------------------- built-in data */

START_TEST(test_xor)
{
	struct dataset *d = dataset_xor();
	static const double x[8] = { 0, 0, 0, 1, 1, 0, 1, 1 };
	static const double y[4] = { 0, 1, 1, 0 };
	int i;

	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->name, "xor");
	ck_assert_int_eq(d->task, TASK_BINARY);
	ck_assert_int_eq(d->ninputs, 2);
	ck_assert_int_eq(d->noutputs, 1);
	ck_assert_int_eq(d->train.n, 4);
	ck_assert_int_eq(d->val.n, 0);
	ck_assert_int_eq(d->test.n, 0);
	for (i = 0; i < 8; i++)
		ck_assert(d->train.x[i] == x[i]);
	for (i = 0; i < 4; i++) {
		ck_assert(d->train.y[i] == y[i]);
		ck_assert_int_eq(d->train.label[i], (int)y[i]);
		ck_assert(d->train.w[i] == 1);
	}
	ck_assert_int_eq(d->prep->scale, SCALE_NONE);
	ck_assert_str_eq(d->prep->input_names[0], "x1");
	ck_assert_str_eq(d->prep->input_names[1], "x2");
	ck_assert_str_eq(d->prep->target, "y");
	ck_assert_str_eq(d->prep->classes[0], "0");
	ck_assert_str_eq(d->prep->classes[1], "1");
	dataset_free(d);
}
END_TEST

START_TEST(test_iris)
{
	char *err = NULL;
	struct table *t = table_read_csv("datasets/iris.csv", &err);
	struct data_options o;
	struct dataset *d;
	long count[3];

	ck_assert_msg(t != NULL, "%s", err ? err : "");
	ck_assert_int_eq(t->nrows, 150);
	ck_assert_int_eq(t->ncols, 5);
	data_options_default(&o);
	d = build_ok(t, &o, NULL);
	ck_assert_str_eq(d->name, "iris.csv");
	ck_assert_int_eq(d->task, TASK_MULTICLASS);
	ck_assert_int_eq(d->ninputs, 4);
	ck_assert_int_eq(d->noutputs, 3);
	ck_assert_str_eq(d->prep->target, "species");
	ck_assert_str_eq(d->prep->classes[0], "setosa");
	ck_assert_str_eq(d->prep->classes[1], "versicolor");
	ck_assert_str_eq(d->prep->classes[2], "virginica");
	ck_assert_int_eq(d->train.n + d->val.n + d->test.n, 150);
	/* 50 per class: 35 train, round(7.5) = 8 validation, 7 test */
	count_classes(&d->train, count, 3);
	ck_assert(count[0] == 35 && count[1] == 35 && count[2] == 35);
	count_classes(&d->val, count, 3);
	ck_assert(count[0] == 8 && count[1] == 8 && count[2] == 8);
	dataset_free(d);
	table_free(t);
}
END_TEST

START_TEST(test_breast_cancer)
{
	char *err = NULL;
	struct table *t = table_read_csv("datasets/breast_cancer.csv", &err);
	struct data_options o = plain_options();
	struct dataset *d;
	long i, malignant = 0;

	ck_assert_msg(t != NULL, "%s", err ? err : "");
	ck_assert_int_eq(t->nrows, 569);
	ck_assert_int_eq(t->ncols, 31);
	d = build_ok(t, &o, NULL);
	ck_assert_int_eq(d->task, TASK_BINARY);
	ck_assert_int_eq(d->ninputs, 30);
	ck_assert_str_eq(d->prep->target, "diagnosis");
	ck_assert_str_eq(d->prep->classes[0], "benign");
	ck_assert_str_eq(d->prep->classes[1], "malignant");
	for (i = 0; i < d->train.n; i++)
		malignant += d->train.label[i] == 1;
	ck_assert_int_eq(malignant, 212);
	/* the first row of the file is malignant */
	ck_assert(d->train.y[0] == 1);
	dataset_free(d);
	table_free(t);
}
END_TEST

Suite *
dataset_suite(void)
{
	Suite *s = suite_create("dataset");
	TCase *tb = tcase_create("build");
	TCase *ts = tcase_create("split");
	TCase *tf = tcase_create("files");

	tcase_add_test(tb, test_target_by_name_and_number);
	tcase_add_test(tb, test_integer_labels);
	tcase_add_test(tb, test_task_and_classes);
	tcase_add_test(tb, test_one_hot);
	tcase_add_test(tb, test_no_inputs_and_bad_split);
	tcase_add_test(tb, test_missing_values);
	tcase_add_test(tb, test_missing_mean_uses_train);
	tcase_add_test(tb, test_class_weights);
	tcase_add_test(tb, test_fixed_prep);
	tcase_add_test(tb, test_prep_copy);
	tcase_add_test(tb, test_xor);
	suite_add_tcase(s, tb);

	tcase_add_test(ts, test_file_order);
	tcase_add_test(ts, test_stratified_split);
	tcase_add_test(ts, test_regression_split);
	tcase_add_test(ts, test_standard_scaling_numbers);
	tcase_add_test(ts, test_scaler_fit_on_train_only);
	suite_add_tcase(s, ts);

	tcase_add_test(tf, test_iris);
	tcase_add_test(tf, test_breast_cancer);
	suite_add_tcase(s, tf);
	return s;
}
