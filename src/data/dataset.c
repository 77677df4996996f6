/*
 * dataset.c: from a table to arrays a network can train on.
 *
 * dataset_build() works in this order:
 *  1. the target column (name, or 1-based number) and the input columns
 *     (every other column; with a fixed prep, the prep's columns by name);
 *  2. missing values: an error (first missing cell in file order), rows
 *     with any missing cell dropped, or (mean) rows without a target
 *     dropped and the other gaps filled in step 6;
 *  3. the task and the classes: a text target, or a numeric one with at
 *     most two distinct values, is classification (classes sorted: text by
 *     strcmp, numbers numerically and named in their shortest form, "0");
 *     more distinct numbers mean regression;
 *  4. the categories of each text input column, sorted by strcmp, taken
 *     from all kept rows (a vocabulary holds no information about the
 *     target, and val/test then never meet an unknown category);
 *  5. the split: {1,0,0} keeps file order; otherwise a seeded shuffle,
 *     stratified by class (each class gives round(f * count) rows to train
 *     and to validation and the rest to test), then each split shuffled;
 *  6. fill values from the training split: the mean of a numeric column,
 *     the most frequent category of a text column (ties: the first in
 *     sorted order); prep_column.fill holds the mean, or for a text column
 *     the index of that category;
 *  7. one-hot encoding, then the scaler fit on the training split and
 *     applied to all three splits; it applies to every input, one-hot ones
 *     included (a 0/1 column is standardised like any other);
 *  8. class weights: "auto" is w_c = n_train / (K * count_c) (the
 *     "balanced" rule), so the weights of the training samples average 1;
 *     a class absent from train gets 1.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "datautil.h"
#include "util/i18n.h"

#define BUILD_MAX_VALUES (1L << 28)   /* encoded numbers of all splits */
#define BUILD_LIST_MAX 20             /* names listed in a message */

/* Everything dataset_build() works on. */
struct build {
	const struct table *t;
	const struct data_options *o;
	const struct prep *fixed;     /* or NULL: fit everything */
	char **err;
	const char *file;             /* t->source, for messages */
	int target;                   /* table column of the target */
	int nfeat;
	int *feat;                    /* table column of each input column */
	long nkeep;
	long *keep;                   /* table rows in use, in file order */
	int *cls;                     /* per table row: class index or -1 */
	struct prep *p;               /* being built */
	int *offset;                  /* first input of each input column */
	long n[3];                    /* rows of train, val, test */
	long *rows[3];                /* their table rows */
	int integer_labels;           /* TASK_AUTO took integers for classes */
};

static long build_line(const struct build *b, long row);
static int build_missing(const struct column *c, long row);
static const char *build_string(const struct column *c, long row,
    char buf[DATA_NUMBER_MAX]);
static int build_strcmp(const void *a, const void *b);
static int build_dblcmp(const void *a, const void *b);
static char *build_list(char *const *names, long n);
static int build_check_options(struct build *b);
static int build_target(struct build *b);
static int build_features(struct build *b);
static int build_rows(struct build *b);
static int build_classes(struct build *b);
static int build_fresh_classes(struct build *b);
static int build_integer_labels(const double *v, long k);
static int build_fixed_classes(struct build *b);
static int build_categories(struct build *b);
static int build_fixed_categories(struct build *b);
static int build_cat_index(const struct prep_column *pc, const struct column *c,
    long row);
static int build_split(struct build *b);
static int build_given_split(struct build *b);
static void build_fill(struct build *b);
static int build_encode(struct build *b, struct dataset *d);
static void build_scale(struct build *b, struct dataset *d);
static int build_weights(struct build *b, struct dataset *d);
static void build_free(struct build *b);

/* ------------------------------------------------------------ helpers */

static long
build_line(const struct build *b, long row)
{
	return b->t->line != NULL ? b->t->line[row] : row + 2;
}

static int
build_missing(const struct column *c, long row)
{
	return c->is_text ? c->text[row] == NULL : isnan(c->num[row]);
}

/* The cell as text: text cells as they are, numbers in shortest form. */
static const char *
build_string(const struct column *c, long row, char buf[DATA_NUMBER_MAX])
{
	if (c->is_text)
		return c->text[row];
	data_format_number(buf, c->num[row]);
	return buf;
}

static int
build_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
build_dblcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* "a, b, c" of at most BUILD_LIST_MAX names, each shortened for display. */
static char *
build_list(char *const *names, long n)
{
	long i, shown = n < BUILD_LIST_MAX ? n : BUILD_LIST_MAX;
	char (*show)[DATA_SHOW_MAX + 4];
	const char **ptr;
	char *s;

	show = xcalloc((size_t)(shown > 0 ? shown : 1), sizeof *show);
	ptr = xcalloc((size_t)(shown > 0 ? shown : 1), sizeof *ptr);
	for (i = 0; i < shown; i++) {
		data_show(show[i], sizeof show[i],
		    names[i] != NULL ? names[i] : "?");
		ptr[i] = show[i];
	}
	s = data_name_list(ptr, shown, shown);
	if (shown < n) {
		char *t = xasprintf("%s, ... (%ld in all)", s, n);

		free(s);
		s = t;
	}
	free(ptr);
	free(show);
	return s;
}

/* ------------------------------------------------------------ options */

static int
build_check_options(struct build *b)
{
	const struct data_options *o = b->o;
	double sum = 0;
	int i;

	for (i = 0; i < 3; i++) {
		if (!(o->split[i] >= 0) || !(o->split[i] <= 1))
			break;
		sum += o->split[i];
	}
	if (i < 3 || fabs(sum - 1) > 1e-9) {
		data_fail(b->err, _("split %g/%g/%g (expected three fractions "
		    ">= 0 that sum to 1)"), o->split[0], o->split[1], o->split[2]);
		return -1;
	}
	if (o->class_weight_auto && o->nclass_weights > 0) {
		data_fail(b->err, _("class weights given both as auto and as "
		    "numbers (expected one of the two)"));
		return -1;
	}
	if (o->nclass_weights < 0 || o->nclass_weights > 64) {
		data_fail(b->err, _("%d class weights (expected 1 to 64)"),
		    o->nclass_weights);
		return -1;
	}
	for (i = 0; i < o->nclass_weights; i++)
		if (!(o->class_weights[i] >= 0) || !isfinite(o->class_weights[i])) {
			data_fail(b->err, _("class weight %g for class %d (expected "
			    "a finite number >= 0)"), o->class_weights[i], i + 1);
			return -1;
		}
	return 0;
}

/* ------------------------------------------------------------ columns */

static int
build_target(struct build *b)
{
	const struct table *t = b->t;
	const char *name = b->fixed != NULL ? b->fixed->target : b->o->target;
	char show[DATA_SHOW_MAX + 4];
	char **names;
	char *list;
	int c;

	if (name == NULL && b->fixed != NULL) {
		data_fail(b->err, _("%s:1:1: the model names no target column "
		    "(expected a target in its preprocessing)"), b->file);
		return -1;
	}
	if (name == NULL) {
		b->target = t->ncols - 1;
		return 0;
	}
	for (c = 0; c < t->ncols; c++)
		if (strcmp(t->cols[c].name, name) == 0) {
			b->target = c;
			return 0;
		}
	if (b->fixed == NULL && name[0] != '\0' &&
	    strspn(name, "0123456789") == strlen(name)) {
		long k = strlen(name) <= 9 ? strtol(name, NULL, 10) : 0;

		if (k >= 1 && k <= t->ncols) {
			b->target = (int)k - 1;
			return 0;
		}
		data_fail(b->err, _("%s:1:1: no column number %s (expected 1 to "
		    "%d or a column name)"), b->file, name, t->ncols);
		return -1;
	}
	names = xcalloc((size_t)t->ncols, sizeof *names);
	for (c = 0; c < t->ncols; c++)
		names[c] = t->cols[c].name;
	list = build_list(names, t->ncols);
	data_show(show, sizeof show, name);
	data_fail(b->err, _("%s:1:1: no column \"%s\" (expected one of: %s)"),
	    b->file, show, list);
	free(list);
	free(names);
	return -1;
}

static int
build_features(struct build *b)
{
	const struct table *t = b->t;
	int c, j;

	if (b->fixed == NULL) {
		b->feat = xcalloc((size_t)t->ncols, sizeof *b->feat);
		for (c = 0; c < t->ncols; c++)
			if (c != b->target)
				b->feat[b->nfeat++] = c;
		if (b->nfeat == 0) {
			char show[DATA_SHOW_MAX + 4];

			data_show(show, sizeof show, t->cols[b->target].name);
			data_fail(b->err, _("%s:1:1: no input columns (expected at "
			    "least one column besides the target \"%s\")"),
			    b->file, show);
			return -1;
		}
		return 0;
	}
	if (b->fixed->ncols <= 0 || b->fixed->cols == NULL) {
		data_fail(b->err, _("%s:1:1: the model has no input columns "
		    "(expected at least one in its preprocessing)"), b->file);
		return -1;
	}
	b->feat = xcalloc((size_t)b->fixed->ncols, sizeof *b->feat);
	for (j = 0; j < b->fixed->ncols; j++) {
		const char *name = b->fixed->cols[j].name;

		for (c = 0; c < t->ncols; c++)
			if (name != NULL && c != b->target &&
			    strcmp(t->cols[c].name, name) == 0)
				break;
		if (c == t->ncols) {
			char **names = xcalloc((size_t)b->fixed->ncols,
			    sizeof *names);
			char show[DATA_SHOW_MAX + 4];
			char *list;
			int k;

			for (k = 0; k < b->fixed->ncols; k++)
				names[k] = b->fixed->cols[k].name != NULL ?
				    b->fixed->cols[k].name : "?";
			list = build_list(names, b->fixed->ncols);
			data_show(show, sizeof show, name != NULL ? name : "?");
			data_fail(b->err, _("%s:1:1: no column \"%s\" (expected the "
			    "input columns of the model: %s)"), b->file, show, list);
			free(list);
			free(names);
			return -1;
		}
		b->feat[b->nfeat++] = c;
	}
	return 0;
}

/* --------------------------------------------------------------- rows */

static int
build_rows(struct build *b)
{
	const struct table *t = b->t;
	enum missing_policy policy = b->o->missing;
	const struct column *tc = &t->cols[b->target];
	char *used;
	long row;
	int j;

	used = xcalloc((size_t)t->ncols, 1);
	used[b->target] = 1;
	for (j = 0; j < b->nfeat; j++)
		used[b->feat[j]] = 1;
	b->keep = xreallocarray(NULL, (size_t)t->nrows, sizeof *b->keep);
	for (row = 0; row < t->nrows; row++) {
		int c, bad = -1;

		/* the first missing cell of this row, in column order */
		for (c = 0; c < t->ncols && bad < 0; c++)
			if (used[c] && build_missing(&t->cols[c], row))
				bad = c;
		if (bad < 0 || (policy == MISSING_MEAN && !build_missing(tc, row))) {
			b->keep[b->nkeep++] = row;
			continue;
		}
		if (policy == MISSING_ERROR) {
			char show[DATA_SHOW_MAX + 4];

			data_show(show, sizeof show, t->cols[bad].name);
			data_fail(b->err, _("%s:%ld:%d: missing value in column "
			    "\"%s\" (expected a value; use --missing drop or "
			    "--missing mean)"), b->file, build_line(b, row),
			    bad + 1, show);
			free(used);
			return -1;
		}
	}
	free(used);
	if (b->nkeep == 0) {
		data_fail(b->err, _("%s:1:1: no rows left after dropping rows "
		    "with missing values (expected at least one row with %s)"),
		    b->file, policy == MISSING_MEAN ? "a target value" :
		    "every value");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------ classes */

static int
build_classes(struct build *b)
{
	long row;

	b->cls = xreallocarray(NULL, (size_t)(b->t->nrows > 0 ?
	    b->t->nrows : 1), sizeof *b->cls);
	for (row = 0; row < b->t->nrows; row++)
		b->cls[row] = -1;
	return b->fixed != NULL ? build_fixed_classes(b) : build_fresh_classes(b);
}

/* Distinct sorted target values that are all integers, at most
 * DATA_MAX_INT_CLASSES of them, are class labels (as scikit-learn's
 * type_of_target decides), not numbers to regress on. */
static int
build_integer_labels(const double *v, long k)
{
	long i;

	if (k > DATA_MAX_INT_CLASSES)
		return 0;
	for (i = 0; i < k; i++)
		if (!isfinite(v[i]) || v[i] != floor(v[i]))
			return 0;
	return 1;
}

static int
build_fresh_classes(struct build *b)
{
	const struct column *tc = &b->t->cols[b->target];
	struct prep *p = b->p;
	enum task want = b->o->task;
	char show[DATA_SHOW_MAX + 4], name[DATA_SHOW_MAX + 4];
	long i, k = 0;

	data_show(name, sizeof name, tc->name);
	if (tc->is_text) {
		const char **v;

		if (want == TASK_REGRESS) {
			for (i = 0; i < b->nkeep; i++)
				if (tc->text[b->keep[i]] != NULL)
					break;
			data_show(show, sizeof show, tc->text[b->keep[i]]);
			data_fail(b->err, _("%s:%ld:%d: text \"%s\" in target column "
			    "\"%s\" (expected a number for regression)"), b->file,
			    build_line(b, b->keep[i]), b->target + 1, show, name);
			return -1;
		}
		v = xcalloc((size_t)b->nkeep, sizeof *v);
		for (i = 0; i < b->nkeep; i++)
			v[i] = tc->text[b->keep[i]];
		qsort(v, (size_t)b->nkeep, sizeof *v, build_strcmp);
		for (i = 0; i < b->nkeep; i++)
			if (k == 0 || strcmp(v[k - 1], v[i]) != 0)
				v[k++] = v[i];
		if (k >= 2 && k <= 64) {
			p->classes = xcalloc((size_t)k, sizeof *p->classes);
			for (i = 0; i < k; i++)
				p->classes[i] = xstrdup(v[i]);
			p->nclasses = (int)k;
			for (i = 0; i < b->nkeep; i++) {
				const char *s = tc->text[b->keep[i]];
				const char **hit = bsearch(&s, v, (size_t)k,
				    sizeof *v, build_strcmp);

				b->cls[b->keep[i]] = (int)(hit - v);
			}
		}
		if (k == 1)
			data_show(show, sizeof show, v[0]);
		free(v);
	} else {
		double *v = xreallocarray(NULL, (size_t)b->nkeep, sizeof *v);
		char num[DATA_NUMBER_MAX];

		for (i = 0; i < b->nkeep; i++)
			v[i] = tc->num[b->keep[i]] + 0.0;   /* -0 is 0 */
		qsort(v, (size_t)b->nkeep, sizeof *v, build_dblcmp);
		for (i = 0; i < b->nkeep; i++)
			if (k == 0 || v[k - 1] != v[i])
				v[k++] = v[i];
		if (want == TASK_REGRESS || (want == TASK_AUTO && k > 2 &&
		    !build_integer_labels(v, k))) {
			free(v);
			p->task = TASK_REGRESS;
			return 0;
		}
		b->integer_labels = want == TASK_AUTO && k > 2;
		if (k >= 2 && k <= 64) {
			p->classes = xcalloc((size_t)k, sizeof *p->classes);
			for (i = 0; i < k; i++) {
				data_format_number(num, v[i]);
				p->classes[i] = xstrdup(num);
			}
			p->nclasses = (int)k;
			for (i = 0; i < b->nkeep; i++) {
				double x = tc->num[b->keep[i]] + 0.0;
				double *hit = bsearch(&x, v, (size_t)k, sizeof *v,
				    build_dblcmp);

				b->cls[b->keep[i]] = (int)(hit - v);
			}
		}
		if (k == 1) {
			data_format_number(num, v[0]);
			data_show(show, sizeof show, num);
		}
		free(v);
	}
	if (k < 2) {
		data_fail(b->err, _("%s:1:%d: target column \"%s\" has only one "
		    "class \"%s\" (expected at least two classes)"), b->file,
		    b->target + 1, name, show);
		return -1;
	}
	if (k > 64) {
		data_fail(b->err, _("%s:1:%d: target column \"%s\" has %ld classes "
		    "(expected at most 64)"), b->file, b->target + 1, name, k);
		return -1;
	}
	p->task = k == 2 ? TASK_BINARY : TASK_MULTICLASS;
	return 0;
}

static int
build_fixed_classes(struct build *b)
{
	const struct column *tc = &b->t->cols[b->target];
	const struct prep *f = b->fixed;
	char num[DATA_NUMBER_MAX], show[DATA_SHOW_MAX + 4];
	char name[DATA_SHOW_MAX + 4];
	long i;
	int c;

	data_show(name, sizeof name, tc->name);
	if (f->task == TASK_REGRESS) {
		if (!tc->is_text)
			return 0;
		for (i = 0; i < b->nkeep; i++)
			if (tc->text[b->keep[i]] != NULL)
				break;
		data_show(show, sizeof show, tc->text[b->keep[i]]);
		data_fail(b->err, _("%s:%ld:%d: text \"%s\" in target column \"%s\" "
		    "(expected a number for regression)"), b->file,
		    build_line(b, b->keep[i]), b->target + 1, show, name);
		return -1;
	}
	if (f->nclasses < 2 || f->nclasses > 64 || f->classes == NULL) {
		data_fail(b->err, _("%s:1:1: the model has %d classes (expected "
		    "2 to 64)"), b->file, f->nclasses);
		return -1;
	}
	b->p->task = f->nclasses == 2 ? TASK_BINARY : TASK_MULTICLASS;
	for (i = 0; i < b->nkeep; i++) {
		long row = b->keep[i];
		const char *s = build_string(tc, row, num);

		for (c = 0; c < f->nclasses; c++)
			if (f->classes[c] != NULL && strcmp(f->classes[c], s) == 0)
				break;
		if (c == f->nclasses) {
			char *list = build_list(f->classes, f->nclasses);

			data_show(show, sizeof show, s);
			data_fail(b->err, _("%s:%ld:%d: unknown class \"%s\" in "
			    "target column \"%s\" (expected one of: %s)"), b->file,
			    build_line(b, row), b->target + 1, show, name, list);
			free(list);
			return -1;
		}
		b->cls[row] = c;
	}
	return 0;
}

/* --------------------------------------------------------- categories */

/* Index of the cell's category in pc->cats (sorted by strcmp), -1 if the
 * cell is missing or its value unknown. */
static int
build_cat_index(const struct prep_column *pc, const struct column *c, long row)
{
	char num[DATA_NUMBER_MAX];
	const char *s;
	char **hit;

	if (build_missing(c, row) || pc->ncat <= 0)
		return -1;
	s = build_string(c, row, num);
	hit = bsearch(&s, pc->cats, (size_t)pc->ncat, sizeof *pc->cats,
	    build_strcmp);
	return hit != NULL ? (int)(hit - pc->cats) : -1;
}

static int
build_categories(struct build *b)
{
	struct prep *p = b->p;
	int j, width = 0;
	long i;

	if (b->fixed != NULL) {
		if (build_fixed_categories(b) != 0)
			return -1;
	} else {
		p->ncols = b->nfeat;
		p->cols = xcalloc((size_t)b->nfeat, sizeof *p->cols);
		for (j = 0; j < b->nfeat; j++) {
			const struct column *tc = &b->t->cols[b->feat[j]];
			struct prep_column *pc = &p->cols[j];
			const char **v;
			long k = 0;

			pc->name = xstrdup(tc->name);
			pc->is_text = tc->is_text;
			if (!tc->is_text)
				continue;
			v = xcalloc((size_t)b->nkeep, sizeof *v);
			for (i = 0; i < b->nkeep; i++)
				if (tc->text[b->keep[i]] != NULL)
					v[k++] = tc->text[b->keep[i]];
			qsort(v, (size_t)k, sizeof *v, build_strcmp);
			pc->ncat = 0;
			for (i = 0; i < k; i++)
				if (pc->ncat == 0 || strcmp(v[pc->ncat - 1], v[i]) != 0)
					v[pc->ncat++] = v[i];
			if (pc->ncat == 0 || pc->ncat > DATA_MAX_CATEGORIES) {
				char show[DATA_SHOW_MAX + 4];

				data_show(show, sizeof show, tc->name);
				if (pc->ncat == 0)
					data_fail(b->err, _("%s:1:%d: column \"%s\" has "
					    "no values (expected at least one)"),
					    b->file, b->feat[j] + 1, show);
				else
					data_fail(b->err, _("%s:1:%d: column \"%s\" has "
					    "%d distinct values (expected at most %d "
					    "categories)"), b->file, b->feat[j] + 1, show,
					    pc->ncat, DATA_MAX_CATEGORIES);
				pc->ncat = 0;
				free(v);
				return -1;
			}
			pc->cats = xcalloc((size_t)pc->ncat, sizeof *pc->cats);
			for (i = 0; i < pc->ncat; i++)
				pc->cats[i] = xstrdup(v[i]);
			free(v);
		}
	}

	/* Input names and where each column's inputs start. */
	b->offset = xcalloc((size_t)b->nfeat, sizeof *b->offset);
	for (j = 0; j < b->nfeat; j++) {
		b->offset[j] = width;
		width += p->cols[j].is_text ? p->cols[j].ncat : 1;
		if (width > DATA_MAX_INPUTS && b->fixed == NULL) {
			char show[DATA_SHOW_MAX + 4];

			/* Name the column that passes the limit, and why it does. */
			data_show(show, sizeof show, p->cols[j].name);
			if (p->cols[j].is_text)
				data_fail(b->err, _("%s:1:%d: one-hot encoding of column \"%s\" (%d "
				    "categories) makes more than %d inputs (expected at most %d "
				    "inputs in all: fewer categories or columns)"), b->file,
				    b->feat[j] + 1, show, p->cols[j].ncat, DATA_MAX_INPUTS,
				    DATA_MAX_INPUTS);
			else
				data_fail(b->err, _("%s:1:%d: column \"%s\" makes more than %d inputs "
				    "with the one-hot encoded columns before it (expected at most %d "
				    "inputs in all: fewer categories or columns)"), b->file,
				    b->feat[j] + 1, show, DATA_MAX_INPUTS, DATA_MAX_INPUTS);
			return -1;
		}
	}
	if (b->fixed != NULL) {
		if (width != p->ninputs || p->offset == NULL || p->scalev == NULL) {
			data_fail(b->err, _("%s:1:1: the model's preprocessing has "
			    "%d inputs but its columns make %d (expected them "
			    "to agree)"), b->file, p->ninputs, width);
			return -1;
		}
		return 0;
	}
	p->ninputs = width;
	p->input_names = xcalloc((size_t)width, sizeof *p->input_names);
	for (j = 0; j < b->nfeat; j++) {
		struct prep_column *pc = &p->cols[j];

		if (!pc->is_text)
			p->input_names[b->offset[j]] = xstrdup(pc->name);
		else
			for (i = 0; i < pc->ncat; i++)
				p->input_names[b->offset[j] + i] = xasprintf(
				    "%s=%s", pc->name, pc->cats[i]);
	}
	return 0;
}

/* With a model's prep: the table must fit its columns, row by row. */
static int
build_fixed_categories(struct build *b)
{
	const struct prep *f = b->fixed;
	char num[DATA_NUMBER_MAX], show[DATA_SHOW_MAX + 4];
	char name[DATA_SHOW_MAX + 4];
	long i;
	int j;

	for (j = 0; j < b->nfeat; j++)
		if (f->cols[j].is_text && (f->cols[j].ncat <= 0 ||
		    f->cols[j].cats == NULL)) {
			data_show(name, sizeof name, f->cols[j].name);
			data_fail(b->err, _("%s:1:1: the model has no categories for "
			    "column \"%s\" (expected at least one)"), b->file, name);
			return -1;
		}
	for (i = 0; i < b->nkeep; i++) {
		long row = b->keep[i];

		for (j = 0; j < b->nfeat; j++) {
			const struct column *tc = &b->t->cols[b->feat[j]];
			const struct prep_column *pc = &f->cols[j];
			char *list;

			if (build_missing(tc, row))
				continue;
			data_show(name, sizeof name, tc->name);
			if (!pc->is_text && tc->is_text) {
				data_show(show, sizeof show, tc->text[row]);
				data_fail(b->err, _("%s:%ld:%d: text \"%s\" in numeric "
				    "column \"%s\" (expected a number)"), b->file,
				    build_line(b, row), b->feat[j] + 1, show, name);
				return -1;
			}
			if (!pc->is_text || build_cat_index(pc, tc, row) >= 0)
				continue;
			list = build_list(pc->cats, pc->ncat);
			data_show(show, sizeof show, build_string(tc, row, num));
			data_fail(b->err, _("%s:%ld:%d: unknown category \"%s\" in "
			    "column \"%s\" (expected one of: %s)"), b->file,
			    build_line(b, row), b->feat[j] + 1, show, name, list);
			free(list);
			return -1;
		}
	}
	return 0;
}

/* -------------------------------------------------------------- split */

/* The split a checkpoint recorded: every row in use exactly once. */
static int
build_given_split(struct build *b)
{
	char *seen = xcalloc((size_t)(b->t->nrows > 0 ? b->t->nrows : 1), 1);
	long i, total = 0;
	int s;

	for (i = 0; i < b->nkeep; i++)
		seen[b->keep[i]] = 1;
	for (s = 0; s < 3; s++) {
		if (b->o->nrows[s] > b->nkeep - total) {
			free(seen);
			data_fail(b->err, _("%s: the saved split has more rows than the %ld in use "
			    "(expected the data the model was trained on)"), b->file, b->nkeep);
			return -1;
		}
		for (i = 0; i < b->o->nrows[s]; i++) {
			long r = b->o->rows[s][i];

			if (r < 0 || r >= b->t->nrows || seen[r] != 1) {
				const char *why = r < 0 || r >= b->t->nrows ? "not in the file" :
				    seen[r] == 2 ? "named twice" : "not in use";

				free(seen);
				data_fail(b->err, _("%s: the saved split names data row %ld, which is "
				    "%s (expected the data the model was trained on)"), b->file, r + 1,
				    why);
				return -1;
			}
			seen[r] = 2;
			b->rows[s][b->n[s]++] = r;
		}
		total += b->o->nrows[s];
	}
	free(seen);
	if (total != b->nkeep) {
		data_fail(b->err, _("%s: %ld rows are in use but the saved split holds %ld "
		    "(expected the data the model was trained on)"), b->file, b->nkeep, total);
		return -1;
	}
	if (b->n[0] == 0) {
		data_fail(b->err, _("%s: the saved training split is empty"), b->file);
		return -1;
	}
	return 0;
}

static int
build_split(struct build *b)
{
	const double *f = b->o->split;
	struct data_rng rng;
	long i, s;
	int c;

	for (s = 0; s < 3; s++)
		b->rows[s] = xreallocarray(NULL, (size_t)b->nkeep,
		    sizeof *b->rows[s]);
	if (b->o->rows[0] != NULL)
		return build_given_split(b);
	if (f[0] == 1 && f[1] == 0 && f[2] == 0) {
		memcpy(b->rows[0], b->keep, (size_t)b->nkeep * sizeof *b->keep);
		b->n[0] = b->nkeep;
		return 0;
	}
	data_rng_seed(&rng, b->o->seed);
	if (b->p->task == TASK_REGRESS) {
		long *all = xreallocarray(NULL, (size_t)b->nkeep, sizeof *all);
		long ntr = lround(f[0] * (double)b->nkeep);
		long nva = lround(f[1] * (double)b->nkeep);

		memcpy(all, b->keep, (size_t)b->nkeep * sizeof *all);
		data_rng_shuffle(&rng, all, b->nkeep);
		if (ntr > b->nkeep)
			ntr = b->nkeep;
		if (nva > b->nkeep - ntr)
			nva = b->nkeep - ntr;
		for (i = 0; i < b->nkeep; i++) {
			s = i < ntr ? 0 : i < ntr + nva ? 1 : 2;
			b->rows[s][b->n[s]++] = all[i];
		}
		free(all);
	} else {
		long *group = xreallocarray(NULL, (size_t)b->nkeep,
		    sizeof *group);

		for (c = 0; c < b->p->nclasses; c++) {
			long k = 0, ntr, nva;

			for (i = 0; i < b->nkeep; i++)
				if (b->cls[b->keep[i]] == c)
					group[k++] = b->keep[i];
			data_rng_shuffle(&rng, group, k);
			ntr = lround(f[0] * (double)k);
			nva = lround(f[1] * (double)k);
			if (ntr > k)
				ntr = k;
			if (nva > k - ntr)
				nva = k - ntr;
			for (i = 0; i < k; i++) {
				s = i < ntr ? 0 : i < ntr + nva ? 1 : 2;
				b->rows[s][b->n[s]++] = group[i];
			}
		}
		free(group);
	}
	/* Mix the classes within each split. */
	for (s = 0; s < 3; s++)
		data_rng_shuffle(&rng, b->rows[s], b->n[s]);
	if (b->n[0] == 0) {
		data_fail(b->err, _("%s:1:1: the training split is empty (expected "
		    "more rows or a larger training fraction)"), b->file);
		return -1;
	}
	return 0;
}

/* --------------------------------------------------------- fill values */

static void
build_fill(struct build *b)
{
	long i, *count;
	int j, c;

	if (b->fixed != NULL)
		return;
	for (j = 0; j < b->nfeat; j++) {
		const struct column *tc = &b->t->cols[b->feat[j]];
		struct prep_column *pc = &b->p->cols[j];
		long n = 0;
		double sum = 0;

		if (!pc->is_text) {
			for (i = 0; i < b->n[0]; i++)
				if (!isnan(tc->num[b->rows[0][i]])) {
					sum += tc->num[b->rows[0][i]];
					n++;
				}
			pc->fill = n > 0 ? sum / (double)n : 0;
			continue;
		}
		count = xcalloc((size_t)pc->ncat, sizeof *count);
		for (i = 0; i < b->n[0]; i++) {
			c = build_cat_index(pc, tc, b->rows[0][i]);
			if (c >= 0)
				count[c]++;
		}
		pc->fill = 0;
		for (c = 1; c < pc->ncat; c++)
			if (count[c] > count[(int)pc->fill])
				pc->fill = c;
		free(count);
	}
}

/* ----------------------------------------------------------- encoding */

static int
build_encode(struct build *b, struct dataset *d)
{
	const struct prep *p = b->p;
	struct split *sp[3] = { &d->train, &d->val, &d->test };
	long total = b->n[0] + b->n[1] + b->n[2];
	long i;
	int s, j;

	if (p->ninputs > 0 && total > BUILD_MAX_VALUES / p->ninputs) {
		data_fail(b->err, _("%s:1:1: %ld rows of %d inputs are too many "
		    "numbers (expected at most %ld in all)"), b->file, total,
		    p->ninputs, BUILD_MAX_VALUES);
		return -1;
	}
	for (s = 0; s < 3; s++) {
		struct split *q = sp[s];
		long n = b->n[s];

		q->n = n;
		if (n == 0)
			continue;
		q->x = xcalloc((size_t)n * (size_t)p->ninputs, sizeof *q->x);
		q->y = xcalloc((size_t)n * (size_t)d->noutputs, sizeof *q->y);
		q->w = xreallocarray(NULL, (size_t)n, sizeof *q->w);
		q->row = xreallocarray(NULL, (size_t)n, sizeof *q->row);
		if (p->task != TASK_REGRESS)
			q->label = xreallocarray(NULL, (size_t)n,
			    sizeof *q->label);
		for (i = 0; i < n; i++) {
			long row = b->rows[s][i];
			double *x = q->x + (size_t)i * (size_t)p->ninputs;

			q->row[i] = row;
			for (j = 0; j < b->nfeat; j++) {
				const struct column *tc = &b->t->cols[b->feat[j]];
				const struct prep_column *pc = &p->cols[j];
				int c;

				if (!pc->is_text) {
					x[b->offset[j]] = build_missing(tc, row) ?
					    pc->fill : tc->num[row];
					continue;
				}
				c = build_cat_index(pc, tc, row);
				if (c < 0)
					c = pc->fill >= 0 && pc->fill < pc->ncat ?
					    (int)pc->fill : 0;
				x[b->offset[j] + c] = 1;
			}
			if (p->task == TASK_REGRESS) {
				q->y[i] = b->t->cols[b->target].num[row];
				q->w[i] = 1;
			} else {
				int c = b->cls[row];

				q->label[i] = c;
				if (p->task == TASK_BINARY)
					q->y[i] = c;
				else
					q->y[(size_t)i * (size_t)d->noutputs + (size_t)c] = 1;
			}
		}
	}
	return 0;
}

/* The scaler is fit on the training split only, then applied to all. */
static void
build_scale(struct build *b, struct dataset *d)
{
	struct prep *p = b->p;
	struct split *sp[3] = { &d->train, &d->val, &d->test };
	const struct split *tr = &d->train;
	int k, s, m = p->ninputs;
	long i;

	if (b->fixed == NULL) {
		p->offset = xcalloc((size_t)(m > 0 ? m : 1), sizeof *p->offset);
		p->scalev = xcalloc((size_t)(m > 0 ? m : 1), sizeof *p->scalev);
		for (k = 0; k < m; k++) {
			double off = 0, sc = 1;

			if (p->scale == SCALE_STANDARD) {
				double sum = 0, ss = 0;

				for (i = 0; i < tr->n; i++)
					sum += tr->x[(size_t)i * (size_t)m + (size_t)k];
				off = sum / (double)tr->n;
				for (i = 0; i < tr->n; i++) {
					double e = tr->x[(size_t)i * (size_t)m +
					    (size_t)k] - off;

					ss += e * e;
				}
				sc = sqrt(ss / (double)tr->n);
			} else if (p->scale == SCALE_MINMAX) {
				double lo = tr->x[k], hi = tr->x[k];

				for (i = 1; i < tr->n; i++) {
					double v = tr->x[(size_t)i * (size_t)m + (size_t)k];

					lo = v < lo ? v : lo;
					hi = v > hi ? v : hi;
				}
				off = lo;
				sc = hi - lo;
			}
			if (!(sc > 0) || !isfinite(sc))
				sc = 1;
			p->offset[k] = off;
			p->scalev[k] = sc;
		}
	}
	for (s = 0; s < 3; s++)
		for (i = 0; i < sp[s]->n; i++)
			for (k = 0; k < m; k++) {
				double *v = &sp[s]->x[(size_t)i * (size_t)m + (size_t)k];

				*v = (*v - p->offset[k]) / p->scalev[k];
			}
}

static int
build_weights(struct build *b, struct dataset *d)
{
	const struct data_options *o = b->o;
	struct split *sp[3] = { &d->train, &d->val, &d->test };
	int c, s, k = b->p->nclasses;
	long i;

	for (c = 0; c < 64; c++)
		d->class_weight[c] = 1;
	if (b->p->task == TASK_REGRESS) {
		if (o->class_weight_auto || o->nclass_weights > 0) {
			data_fail(b->err, _("class weights for a regression target "
			    "(expected a classification target)"));
			return -1;
		}
		return 0;
	}
	if (o->nclass_weights > 0) {
		if (o->nclass_weights != k) {
			char *list = build_list(b->p->classes, k);

			data_fail(b->err, _("%d class weight%s for %d classes "
			    "(expected one weight per class: %s)"),
			    o->nclass_weights, o->nclass_weights == 1 ? "" : "s",
			    k, list);
			free(list);
			return -1;
		}
		for (c = 0; c < k; c++)
			d->class_weight[c] = o->class_weights[c];
	} else if (o->class_weight_auto) {
		long count[64] = { 0 };

		for (i = 0; i < d->train.n; i++)
			count[d->train.label[i]]++;
		for (c = 0; c < k; c++)
			if (count[c] > 0)
				d->class_weight[c] = (double)d->train.n /
				    ((double)k * (double)count[c]);
	}
	for (s = 0; s < 3; s++)
		for (i = 0; i < sp[s]->n; i++)
			sp[s]->w[i] = d->class_weight[sp[s]->label[i]];
	return 0;
}

static void
build_free(struct build *b)
{
	int s;

	free(b->feat);
	free(b->keep);
	free(b->cls);
	free(b->offset);
	for (s = 0; s < 3; s++)
		free(b->rows[s]);
	prep_free(b->p);
}

/* ------------------------------------------------------------- public */

void
data_options_default(struct data_options *o)
{
	memset(o, 0, sizeof *o);
	o->target = NULL;
	o->task = TASK_AUTO;
	o->split[0] = 0.7;
	o->split[1] = 0.15;
	o->split[2] = 0.15;
	o->scale = SCALE_STANDARD;
	o->missing = MISSING_ERROR;
	o->seed = 1;
}

/* --image HxW: the feature columns must be exactly the H x W pixels. */
static int
build_image(struct build *b, struct dataset *d)
{
	long want = (long)b->o->image_h * b->o->image_w;

	if (b->o->image_h <= 0 || b->o->image_w <= 0)
		return 0;
	if (want != d->ninputs) {
		data_fail(b->err, _("%s: --image %dx%d needs %ld feature columns, but the data has "
		    "%d (expected H x W to equal the number of inputs)"), b->file,
		    b->o->image_h, b->o->image_w, want, d->ninputs);
		return -1;
	}
	d->image_h = b->o->image_h;
	d->image_w = b->o->image_w;
	return 0;
}

struct dataset *
dataset_build(const struct table *t, const struct data_options *o,
    const struct prep *fixed, char **err)
{
	struct data_options defaults;
	struct build b;
	struct dataset *d = NULL;

	if (t == NULL || t->ncols <= 0 || t->nrows <= 0)
		return data_fail(err, _("%s:1:1: no data (expected a table with "
		    "columns and rows)"), t != NULL && t->source != NULL ?
		    t->source : "(table)");
	if (o == NULL) {
		data_options_default(&defaults);
		o = &defaults;
	}
	memset(&b, 0, sizeof b);
	b.t = t;
	b.o = o;
	b.fixed = fixed;
	b.err = err;
	b.file = t->source != NULL ? t->source : "(table)";
	if (fixed != NULL) {
		b.p = prep_copy(fixed);
	} else {
		b.p = xcalloc(1, sizeof *b.p);
		b.p->scale = o->scale;
	}

	if (build_check_options(&b) != 0 || build_target(&b) != 0 ||
	    build_features(&b) != 0 || build_rows(&b) != 0 ||
	    build_classes(&b) != 0 || build_categories(&b) != 0 ||
	    build_split(&b) != 0)
		goto out;
	if (fixed == NULL)
		b.p->target = xstrdup(t->cols[b.target].name);
	build_fill(&b);

	d = xcalloc(1, sizeof *d);
	d->name = xstrdup(data_basename(b.file));
	d->task = b.p->task;
	d->integer_labels = b.integer_labels;
	memcpy(d->split, o->split, sizeof d->split);
	d->split_seed = o->seed;
	d->missing = o->missing;
	d->class_weight_auto = o->class_weight_auto;
	d->nclass_weights = o->nclass_weights;
	d->ninputs = b.p->ninputs;
	d->noutputs = b.p->task == TASK_MULTICLASS ? b.p->nclasses : 1;
	if (build_image(&b, d) != 0 || build_encode(&b, d) != 0)
		goto fail;
	build_scale(&b, d);
	if (build_weights(&b, d) != 0)
		goto fail;
	d->prep = b.p;
	b.p = NULL;
	goto out;
fail:
	dataset_free(d);
	d = NULL;
out:
	build_free(&b);
	return d;
}

static void
dataset_free_split(struct split *s)
{
	free(s->x);
	free(s->y);
	free(s->label);
	free(s->w);
	free(s->row);
}

void
dataset_free(struct dataset *d)
{
	if (d == NULL)
		return;
	free(d->name);
	free(d->origin);
	free(d->gen_args);
	prep_free(d->prep);
	dataset_free_split(&d->train);
	dataset_free_split(&d->val);
	dataset_free_split(&d->test);
	free(d);
}

struct dataset *
dataset_xor(void)
{
	static const double x1[4] = { 0, 0, 1, 1 }, x2[4] = { 0, 1, 0, 1 };
	static const double y[4] = { 0, 1, 1, 0 };
	const double *v[3] = { x1, x2, y };
	static const char *const names[3] = { "x1", "x2", "y" };
	struct data_options o;
	struct table *t;
	struct dataset *d;
	int c;

	t = xcalloc(1, sizeof *t);
	t->source = xstrdup("xor");
	t->ncols = 3;
	t->nrows = 4;
	t->cols = xcalloc(3, sizeof *t->cols);
	t->line = xcalloc(4, sizeof *t->line);
	for (c = 0; c < 4; c++)
		t->line[c] = c + 2;
	for (c = 0; c < 3; c++) {
		t->cols[c].name = xstrdup(names[c]);
		t->cols[c].num = xcalloc(4, sizeof *t->cols[c].num);
		memcpy(t->cols[c].num, v[c], 4 * sizeof *v[c]);
	}
	data_options_default(&o);
	o.split[0] = 1;
	o.split[1] = 0;
	o.split[2] = 0;
	o.scale = SCALE_NONE;
	d = dataset_build(t, &o, NULL, NULL);
	table_free(t);
	return d;
}
