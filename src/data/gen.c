/*
 * gen.c: synthetic data sets, the same table for the same seed.
 *
 * Two-dimensional sets (columns x1, x2 and a numeric class "label",
 * 0 .. K-1) have equally many samples per class (within one): the class of
 * each sample is drawn from a shuffled list i mod K, then its point.
 * Every coordinate is rounded to 6 decimals, so a written CSV is short and
 * reads back to exactly the same numbers. N(0,1) is a standard normal draw.
 *
 *  xor      |x1|, |x2| uniform in [0,1], random signs, label 1 when the signs
 *           differ; N(0,1) * noise added afterwards (default noise 0.1).
 *  circles  label 0 on the circle of radius 1, label 1 on radius 0.5, angle
 *           uniform; N(0,1) * noise added (default 0.05).
 *  moons    label 0: (cos t, sin t), label 1: (1 - cos t, 0.5 - sin t), t
 *           uniform in [0, pi]; N(0,1) * noise added (default 0.1).
 *  spiral   K arms: radius r uniform in [0,1], angle 4r + 2 pi k / K +
 *           N(0,1) * noise (default 0.2 radians), point r (cos, sin).
 *  blobs    K round clusters around (2 cos(2 pi k/K), 2 sin(2 pi k/K)),
 *           standard deviation noise (default 0.5).
 *  churn    customers of a telecom company (3000 by default); see
 *           gen_churn() for the columns and the rule that decides churn.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "datautil.h"

#define GEN_MIN_SAMPLES 4
#define GEN_MAX_SAMPLES 1000000
#define GEN_MAX_NOISE 10.0
#define GEN_MIN_CLASSES 2
#define GEN_MAX_CLASSES 10

#define GEN_CHURN_RATE 0.08   /* share of customers who churn */

typedef void (*gen_fn)(struct table *t, struct data_rng *r, double noise,
    int k);

/* One generator: its name, defaults and function. */
struct gen_def {
	const char *name;
	long samples;              /* default number of rows */
	double noise;              /* default noise */
	int classes;               /* default classes */
	int any_classes;           /* 1: --classes may change it */
	enum task task;            /* how its target is to be learnt */
	gen_fn fn;
};

static struct table *gen_new_table(const char *name, long n, int ncols,
    const char *const *names, const int *is_text);
static double gen_round(double v, double scale);
static long *gen_labels(struct data_rng *r, long n, int k);
static void gen_store(struct table *t, long i, double x, double y, long label);
static void gen_xor(struct table *t, struct data_rng *r, double noise, int k);
static void gen_circles(struct table *t, struct data_rng *r, double noise,
    int k);
static void gen_moons(struct table *t, struct data_rng *r, double noise, int k);
static void gen_spiral(struct table *t, struct data_rng *r, double noise,
    int k);
static void gen_blobs(struct table *t, struct data_rng *r, double noise, int k);
static int gen_poisson(struct data_rng *r, double mean);
static const char *gen_pick(struct data_rng *r, const char *const *names,
    const double *cumulative, int n);
static int gen_score_cmp(const void *a, const void *b);
static void gen_churn(struct table *t, struct data_rng *r, double noise, int k);

static const struct gen_def gen_defs[] = {
	{ "xor", 200, 0.1, 2, 0, TASK_BINARY, gen_xor },
	{ "circles", 300, 0.05, 2, 0, TASK_BINARY, gen_circles },
	{ "moons", 300, 0.1, 2, 0, TASK_BINARY, gen_moons },
	{ "spiral", 300, 0.2, 3, 1, TASK_MULTICLASS, gen_spiral },
	{ "blobs", 300, 0.5, 3, 1, TASK_MULTICLASS, gen_blobs },
	{ "churn", 3000, 1.0, 2, 0, TASK_BINARY, gen_churn },
};

const char *const gen_names[] = {
	"xor", "circles", "moons", "spiral", "blobs", "churn", NULL
};

/* ------------------------------------------------------------ helpers */

static struct table *
gen_new_table(const char *name, long n, int ncols, const char *const *names,
    const int *is_text)
{
	struct table *t = xcalloc(1, sizeof *t);
	long i;
	int c;

	t->source = xstrdup(name);
	t->ncols = ncols;
	t->nrows = n;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	t->line = xreallocarray(NULL, (size_t)n, sizeof *t->line);
	for (i = 0; i < n; i++)
		t->line[i] = i + 2;        /* as in the written CSV */
	for (c = 0; c < ncols; c++) {
		t->cols[c].name = xstrdup(names[c]);
		t->cols[c].is_text = is_text != NULL && is_text[c];
		if (t->cols[c].is_text)
			t->cols[c].text = xcalloc((size_t)n,
			    sizeof *t->cols[c].text);
		else
			t->cols[c].num = xcalloc((size_t)n,
			    sizeof *t->cols[c].num);
	}
	return t;
}

/* v rounded to 1/scale; + 0.0 turns -0 into 0. */
static double
gen_round(double v, double scale)
{
	return round(v * scale) / scale + 0.0;
}

/* n class labels, i mod k, in random order. */
static long *
gen_labels(struct data_rng *r, long n, int k)
{
	long *lab = xreallocarray(NULL, (size_t)n, sizeof *lab);
	long i;

	for (i = 0; i < n; i++)
		lab[i] = i % k;
	data_rng_shuffle(r, lab, n);
	return lab;
}

/* Fills columns x1, x2 (rounded) and label. */
static void
gen_store(struct table *t, long i, double x, double y, long label)
{
	t->cols[0].num[i] = gen_round(x, 1e6);
	t->cols[1].num[i] = gen_round(y, 1e6);
	t->cols[2].num[i] = (double)label;
}

/* ------------------------------------------------------ 2-D generators */

static void
gen_xor(struct table *t, struct data_rng *r, double noise, int k)
{
	long *lab = gen_labels(r, t->nrows, k);
	long i;

	for (i = 0; i < t->nrows; i++) {
		double a = data_rng_uniform(r), b = data_rng_uniform(r);
		double s = data_rng_uniform(r) < 0.5 ? -1 : 1;
		double x = s * a, y = lab[i] ? -s * b : s * b;

		x += noise * data_rng_normal(r);
		y += noise * data_rng_normal(r);
		gen_store(t, i, x, y, lab[i]);
	}
	free(lab);
}

static void
gen_circles(struct table *t, struct data_rng *r, double noise, int k)
{
	long *lab = gen_labels(r, t->nrows, k);
	long i;

	for (i = 0; i < t->nrows; i++) {
		double a = 2 * M_PI * data_rng_uniform(r);
		double rad = lab[i] ? 0.5 : 1.0;
		double x = rad * cos(a), y = rad * sin(a);

		x += noise * data_rng_normal(r);
		y += noise * data_rng_normal(r);
		gen_store(t, i, x, y, lab[i]);
	}
	free(lab);
}

static void
gen_moons(struct table *t, struct data_rng *r, double noise, int k)
{
	long *lab = gen_labels(r, t->nrows, k);
	long i;

	for (i = 0; i < t->nrows; i++) {
		double a = M_PI * data_rng_uniform(r);
		double x = lab[i] ? 1 - cos(a) : cos(a);
		double y = lab[i] ? 0.5 - sin(a) : sin(a);

		x += noise * data_rng_normal(r);
		y += noise * data_rng_normal(r);
		gen_store(t, i, x, y, lab[i]);
	}
	free(lab);
}

static void
gen_spiral(struct table *t, struct data_rng *r, double noise, int k)
{
	long *lab = gen_labels(r, t->nrows, k);
	long i;

	for (i = 0; i < t->nrows; i++) {
		double rad = data_rng_uniform(r);
		double a = 4 * rad + 2 * M_PI * (double)lab[i] / k +
		    noise * data_rng_normal(r);

		gen_store(t, i, rad * cos(a), rad * sin(a), lab[i]);
	}
	free(lab);
}

static void
gen_blobs(struct table *t, struct data_rng *r, double noise, int k)
{
	long *lab = gen_labels(r, t->nrows, k);
	long i;

	for (i = 0; i < t->nrows; i++) {
		double a = 2 * M_PI * (double)lab[i] / k;
		double x = 2 * cos(a) + noise * data_rng_normal(r);
		double y = 2 * sin(a) + noise * data_rng_normal(r);

		gen_store(t, i, x, y, lab[i]);
	}
	free(lab);
}

/* --------------------------------------------------------------- churn */

/* Knuth's method; fine for a small mean. */
static int
gen_poisson(struct data_rng *r, double mean)
{
	double limit = exp(-mean), prod = data_rng_uniform(r);
	int n = 0;

	while (prod > limit) {
		n++;
		prod *= data_rng_uniform(r);
	}
	return n;
}

static const char *
gen_pick(struct data_rng *r, const char *const *names,
    const double *cumulative, int n)
{
	double u = data_rng_uniform(r);
	int i;

	for (i = 0; i < n - 1; i++)
		if (u < cumulative[i])
			break;
	return names[i];
}

/* A customer's churn score with its row, sorted highest first. */
struct gen_score {
	double s;
	long row;
};

static int
gen_score_cmp(const void *a, const void *b)
{
	const struct gen_score *x = a, *y = b;

	if (x->s != y->s)
		return x->s < y->s ? 1 : -1;
	return (x->row > y->row) - (x->row < y->row);
}

/*
 * Columns (drawn independently):
 *   tenure_months   integer, uniform 1..72
 *   monthly_charge  2 decimals; by internet: none 18-30, dsl 40-70,
 *                   fiber 70-110 (uniform)
 *   contract        month-to-month 55%, one-year 25%, two-year 20%
 *   internet        none 20%, dsl 40%, fiber 40%
 *   support_calls   Poisson with mean 1.5, at most 9
 *   payment_method  card 30%, bank 25%, electronic-check 30%,
 *                   mailed-check 15%
 *   senior          1 for 16% of customers, else 0
 *   churned         yes / no
 *
 * The rule: each customer has the score
 *   z = 1.5 [month-to-month] - 1.2 [two-year] - 0.05 tenure_months
 *       + 0.6 support_calls + 0.025 monthly_charge
 *       + 0.8 [electronic-check] + 0.5 senior
 *       + noise * e,   e drawn from the standard logistic distribution,
 * and the round(8% of n) customers (at least one) with the highest scores
 * churn. So P(churn | features) = sigmoid((z - c) / noise) for the cut c
 * that the 8% rate sets: logistic regression is the right model, and a
 * network can learn the rule from the data. noise 0 makes churn a
 * deterministic function of the features.
 */
static void
gen_churn(struct table *t, struct data_rng *r, double noise, int k)
{
	static const char *const contracts[] = { "month-to-month", "one-year",
	    "two-year" };
	static const double contract_p[] = { 0.55, 0.80, 1 };
	static const char *const internets[] = { "none", "dsl", "fiber" };
	static const double internet_p[] = { 0.20, 0.60, 1 };
	static const char *const payments[] = { "card", "bank",
	    "electronic-check", "mailed-check" };
	static const double payment_p[] = { 0.30, 0.55, 0.85, 1 };
	struct gen_score *score;
	long i, nchurn;

	(void)k;
	score = xcalloc((size_t)t->nrows, sizeof *score);
	for (i = 0; i < t->nrows; i++) {
		long tenure = 1 + data_rng_below(r, 72);
		const char *contract = gen_pick(r, contracts, contract_p, 3);
		const char *internet = gen_pick(r, internets, internet_p, 3);
		double base = internet[0] == 'n' ? 18 : internet[0] == 'd' ? 40 : 70;
		double span = internet[0] == 'n' ? 12 : internet[0] == 'd' ? 30 : 40;
		double charge = gen_round(base + span * data_rng_uniform(r), 100);
		int calls = gen_poisson(r, 1.5);
		const char *payment = gen_pick(r, payments, payment_p, 4);
		int senior = data_rng_uniform(r) < 0.16;
		double u = 1.0 - data_rng_uniform(r);    /* (0, 1] */
		double z;

		if (calls > 9)
			calls = 9;
		z = 1.5 * (strcmp(contract, "month-to-month") == 0) -
		    1.2 * (strcmp(contract, "two-year") == 0) -
		    0.05 * (double)tenure + 0.6 * calls + 0.025 * charge +
		    0.8 * (strcmp(payment, "electronic-check") == 0) +
		    0.5 * senior;
		if (u < 1)
			z += noise * log(u / (1 - u));
		score[i].s = z;
		score[i].row = i;

		t->cols[0].num[i] = (double)tenure;
		t->cols[1].num[i] = charge;
		t->cols[2].text[i] = xstrdup(contract);
		t->cols[3].text[i] = xstrdup(internet);
		t->cols[4].num[i] = calls;
		t->cols[5].text[i] = xstrdup(payment);
		t->cols[6].num[i] = senior;
	}
	qsort(score, (size_t)t->nrows, sizeof *score, gen_score_cmp);
	nchurn = lround(GEN_CHURN_RATE * (double)t->nrows);
	if (nchurn < 1)
		nchurn = 1;
	for (i = 0; i < t->nrows; i++)
		t->cols[7].text[score[i].row] = xstrdup(i < nchurn ? "yes" :
		    "no");
	free(score);
}

/* ------------------------------------------------------------- public */

enum task
gen_task(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof gen_defs / sizeof gen_defs[0]; i++)
		if (name != NULL && strcmp(gen_defs[i].name, name) == 0)
			return gen_defs[i].task;
	return TASK_AUTO;
}

struct table *
gen_table(const char *name, const struct gen_options *o, char **err)
{
	static const char *const xy[] = { "x1", "x2", "label" };
	static const char *const churn[] = { "tenure_months", "monthly_charge",
	    "contract", "internet", "support_calls", "payment_method",
	    "senior", "churned" };
	static const int churn_text[] = { 0, 0, 1, 1, 0, 1, 0, 1 };
	struct gen_options defaults = { 0, -1, 0, 1 };
	const struct gen_def *g = NULL;
	struct data_rng rng;
	struct table *t;
	double noise;
	long n;
	size_t i;
	int k;

	for (i = 0; i < sizeof gen_defs / sizeof gen_defs[0]; i++)
		if (name != NULL && strcmp(gen_defs[i].name, name) == 0)
			g = &gen_defs[i];
	if (g == NULL) {
		char show[DATA_SHOW_MAX + 4];
		char *list = data_name_list(gen_names,
		    (long)(sizeof gen_defs / sizeof gen_defs[0]), 100);

		data_show(show, sizeof show, name != NULL ? name : "");
		data_fail(err, "unknown generator \"%s\" (expected one of: %s)",
		    show, list);
		free(list);
		return NULL;
	}
	if (o == NULL)
		o = &defaults;
	n = o->samples != 0 ? o->samples : g->samples;
	if (n < GEN_MIN_SAMPLES || n > GEN_MAX_SAMPLES)
		return data_fail(err, "--samples %ld is out of range (expected "
		    "%d to %d)", o->samples, GEN_MIN_SAMPLES, GEN_MAX_SAMPLES);
	noise = o->noise < 0 ? g->noise : o->noise;
	if (!(noise <= GEN_MAX_NOISE))
		return data_fail(err, "--noise %g is out of range (expected "
		    "0 to %g)", o->noise, GEN_MAX_NOISE);
	k = o->classes != 0 ? o->classes : g->classes;
	if (g->any_classes && (k < GEN_MIN_CLASSES || k > GEN_MAX_CLASSES))
		return data_fail(err, "--classes %d is out of range (expected "
		    "%d to %d)", o->classes, GEN_MIN_CLASSES, GEN_MAX_CLASSES);
	if (!g->any_classes && k != g->classes)
		return data_fail(err, "--classes %d does not apply to %s "
		    "(expected %d; spiral and blobs take %d to %d)", o->classes,
		    g->name, g->classes, GEN_MIN_CLASSES, GEN_MAX_CLASSES);

	if (g->fn == gen_churn)
		t = gen_new_table(g->name, n, 8, churn, churn_text);
	else
		t = gen_new_table(g->name, n, 3, xy, NULL);
	data_rng_seed(&rng, o->seed);
	g->fn(t, &rng, noise, k);
	return t;
}
