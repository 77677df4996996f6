/*
 * metrics.c: accuracy, precision, recall, F1, ROC AUC, confusion matrix and
 * regression errors of a set of predictions (see metrics.h).
 *
 * Conventions:
 *  - binary: the predicted class is 1 when P(class 1) >= threshold;
 *    precision, recall and F1 are those of class 1;
 *  - several classes: the predicted class is the first largest output;
 *    precision, recall and F1 are the means over all K classes of the
 *    per-class values (macro average; a class's F1 is 2PR/(P+R));
 *  - an undefined figure is NaN, never 0: precision with no positive
 *    prediction, recall with no positive row, F1 with neither (F1 is
 *    2TP / (2TP + FP + FN)), AUC of a split with one class; for several
 *    classes a class whose figure is undefined is left out of the macro
 *    mean (scikit-learn's zero_division=nan), which is NaN when no class
 *    is left;
 *  - the true class comes from label[], or when it is NULL from y (>= 0.5
 *    for binary, the largest entry for several classes);
 *  - regression: MSE and MAE are means over all n * width values; R^2 is
 *    computed per output (1 - SS_res / SS_tot, 0 when SS_tot is 0) and
 *    averaged over the outputs.
 * No function here allocates: sorting uses the caller's work buffer.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "metrics.h"
#include "util/i18n.h"

/* One prediction in the work buffer: its score and whether it is positive. */
struct metrics_pair {
	double p;
	long pos;
};

static int metrics_cmp_up(const void *a, const void *b);
static int metrics_cmp_down(const void *a, const void *b);
static double metrics_ratio(double a, double b);
static void metrics_add(double *sum, int *used, double v);
static int metrics_true_class(int k, int width, const double *y,
    const int *label, long i);
static int metrics_argmax(const double *v, int width);
static double metrics_auc(struct metrics_pair *w, long n);
static double metrics_cost_at(long n, const double *p, const int *label, double t,
    double cost_fn, double cost_fp);
static void metrics_consider(double t, double cost, double *best, double *best_cost);
static void metrics_regression(struct metrics *m, int width, long n,
    const double *pred, const double *y);

size_t
metrics_work_size(long n)
{
	size_t per = 2 * sizeof(double) + sizeof(long);

	if (sizeof(struct metrics_pair) > per)
		per = sizeof(struct metrics_pair);
	return (size_t)(n > 0 ? n : 1) * per;
}

/* NaN sorts below every number, so that it is never ranked positive. */
static int
metrics_cmp_up(const void *a, const void *b)
{
	double x = ((const struct metrics_pair *)a)->p;
	double y = ((const struct metrics_pair *)b)->p;

	if (isnan(x) || isnan(y))
		return !isnan(x) - !isnan(y);
	return (x > y) - (x < y);
}

static int
metrics_cmp_down(const void *a, const void *b)
{
	return metrics_cmp_up(b, a);
}

static double
metrics_ratio(double a, double b)
{
	return b != 0 ? a / b : NAN;
}

/* Adds v to a macro mean's sum unless it is undefined. */
static void
metrics_add(double *sum, int *used, double v)
{
	if (!isnan(v)) {
		*sum += v;
		(*used)++;
	}
}

static int
metrics_argmax(const double *v, int width)
{
	int j, best = 0;

	for (j = 1; j < width; j++)
		if (v[j] > v[best])
			best = j;
	return best;
}

static int
metrics_true_class(int k, int width, const double *y, const int *label, long i)
{
	if (label != NULL)
		return label[i];
	if (k == 2 && width == 1)
		return y[i] >= 0.5;
	return metrics_argmax(y + (size_t)i * (size_t)width, width);
}

/* ROC AUC as the Mann-Whitney statistic: the chance that a random positive
 * scores above a random negative, ties counting one half. Sorts w. */
static double
metrics_auc(struct metrics_pair *w, long n)
{
	double npos = 0, nneg, ranks = 0;
	long i = 0, j;

	qsort(w, (size_t)n, sizeof *w, metrics_cmp_up);
	while (i < n) {
		long pos = 0;
		double rank;

		for (j = i; j < n && metrics_cmp_up(&w[i], &w[j]) == 0; j++)
			pos += w[j].pos;
		/* tied ranks i+1 .. j share their average */
		rank = ((double)(i + 1) + (double)j) / 2;
		ranks += rank * (double)pos;
		npos += (double)pos;
		i = j;
	}
	nneg = (double)n - npos;
	if (npos == 0 || nneg == 0)
		return NAN;
	return (ranks - npos * (npos + 1) / 2) / (npos * nneg);
}

static void
metrics_regression(struct metrics *m, int width, long n, const double *pred,
    const double *y)
{
	double se = 0, ae = 0, r2 = 0;
	long i;
	int j;

	for (i = 0; i < n * width; i++) {
		double e = pred[i] - y[i];

		se += e * e;
		ae += fabs(e);
	}
	for (j = 0; j < width; j++) {
		double mean = 0, tot = 0, res = 0;

		for (i = 0; i < n; i++)
			mean += y[(size_t)i * (size_t)width + (size_t)j];
		mean /= (double)n;
		for (i = 0; i < n; i++) {
			size_t at = (size_t)i * (size_t)width + (size_t)j;
			double d = y[at] - mean, e = y[at] - pred[at];

			tot += d * d;
			res += e * e;
		}
		r2 += tot != 0 ? 1 - res / tot : 0;
	}
	m->mse = se / ((double)n * width);
	m->mae = ae / ((double)n * width);
	m->r2 = r2 / width;
}

void
metrics_compute(struct metrics *m, enum task task, int width, long n,
    const double *pred, const double *y, const int *label, double threshold,
    void *work)
{
	struct metrics_pair *w = work;
	double loss = m->loss, correct = 0, most = 0;
	long count[METRICS_MAX_CLASSES] = { 0 };
	long i;
	int k, c;

	memset(m, 0, sizeof *m);
	m->loss = loss;
	m->n = n;
	m->threshold = threshold;
	if (task == TASK_AUTO)
		task = label == NULL && width == 1 ? TASK_REGRESS :
		    width == 1 ? TASK_BINARY : TASK_MULTICLASS;
	m->task = task;
	if (n <= 0 || width <= 0)
		return;
	if (task == TASK_REGRESS) {
		metrics_regression(m, width, n, pred, y);
		return;
	}

	k = task == TASK_BINARY ? 2 : width;
	if (k > METRICS_MAX_CLASSES)
		k = METRICS_MAX_CLASSES;
	m->nclasses = k;
	for (i = 0; i < n; i++) {
		int t = metrics_true_class(k, width, y, label, i);
		int p;

		if (task == TASK_BINARY)
			p = pred[i] >= threshold;
		else
			p = metrics_argmax(pred + (size_t)i * (size_t)width, k);
		if (t < 0 || t >= k)
			continue;
		m->confusion[t][p]++;
		count[t]++;
		correct += t == p;
	}
	for (c = 0; c < k; c++)
		if ((double)count[c] > most)
			most = (double)count[c];
	m->accuracy = correct / (double)n;
	m->baseline_accuracy = most / (double)n;

	if (task == TASK_BINARY) {
		double tp = (double)m->confusion[1][1];
		double fp = (double)m->confusion[0][1];
		double fn = (double)m->confusion[1][0];

		m->precision = metrics_ratio(tp, tp + fp);
		m->recall = metrics_ratio(tp, tp + fn);
		m->f1 = metrics_ratio(2 * tp, 2 * tp + fp + fn);
		for (i = 0; i < n; i++) {
			w[i].p = pred[i];
			w[i].pos = metrics_true_class(k, width, y, label, i) == 1;
		}
		m->auc = metrics_auc(w, n);
		return;
	}

	{
		double auc = 0, pr = 0, rc = 0, f1 = 0;
		int used = 0, npr = 0, nrc = 0, nf1 = 0;

		for (c = 0; c < k; c++) {
			double tp = (double)m->confusion[c][c], predicted = 0;
			int t;

			for (t = 0; t < k; t++)
				predicted += (double)m->confusion[t][c];
			metrics_add(&pr, &npr, metrics_ratio(tp, predicted));
			metrics_add(&rc, &nrc, metrics_ratio(tp, (double)count[c]));
			metrics_add(&f1, &nf1, metrics_ratio(2 * tp, predicted + (double)count[c]));
			if (count[c] == 0 || count[c] == n)
				continue;
			for (i = 0; i < n; i++) {
				w[i].p = pred[(size_t)i * (size_t)width + (size_t)c];
				w[i].pos = metrics_true_class(k, width, y, label, i) == c;
			}
			metrics_add(&auc, &used, metrics_auc(w, n));
		}
		m->precision = npr > 0 ? pr / npr : NAN;
		m->recall = nrc > 0 ? rc / nrc : NAN;
		m->f1 = nf1 > 0 ? f1 / nf1 : NAN;
		m->auc = used > 0 ? auc / used : NAN;
	}
}

const char *
metrics_undefined_reason(const struct metrics *m, const char *which)
{
	int binary = m->task == TASK_BINARY;

	if (m->task == TASK_REGRESS || m->n <= 0)
		return NULL;
	if (strcmp(which, "auc") == 0 && isnan(m->auc))
		return binary ? N_("the split has one class only") :
		    N_("no class has both positive and negative rows");
	if (strcmp(which, "precision") == 0 && isnan(m->precision))
		return binary ? N_("nothing is predicted positive") : N_("no class is ever predicted");
	if (strcmp(which, "recall") == 0 && isnan(m->recall))
		return N_("the split has no positive row");
	if (strcmp(which, "f1") == 0 && isnan(m->f1))
		return N_("no positive row and nothing predicted positive");
	return NULL;
}

/* The cost of calling positive every sample with p >= t, by counting. */
static double
metrics_cost_at(long n, const double *p, const int *label, double t, double cost_fn,
    double cost_fp)
{
	double fn = 0, fp = 0;
	long i;

	for (i = 0; i < n; i++) {
		int positive = label[i] == 1;

		if (p[i] >= t)
			fp += !positive;
		else
			fn += positive;
	}
	return cost_fn * fn + cost_fp * fp;
}

/* Keeps t when it costs less than *best_cost, or as much but nearer 0.5. */
static void
metrics_consider(double t, double cost, double *best, double *best_cost)
{
	if (cost < *best_cost || (cost == *best_cost &&
	    (fabs(t - 0.5) < fabs(*best - 0.5) ||
	    (fabs(t - 0.5) == fabs(*best - 0.5) && t < *best)))) {
		*best = t;
		*best_cost = cost;
	}
}

double
metrics_best_threshold(long n, const double *p, const int *label,
    double cost_fn, double cost_fp, void *work)
{
	struct metrics_pair *w = work;
	double best = 0.5, best_cost, npos = 0, tp = 0, fp = 0;
	long i, j, m = 0;

	if (n <= 0 || p == NULL || label == NULL)
		return 0.5;
	best_cost = metrics_cost_at(n, p, label, 0.5, cost_fn, cost_fp);
	/* Only scores in [0,1] take part; NaN is never called positive. */
	for (i = 0; i < n; i++) {
		npos += label[i] == 1;
		if (p[i] >= 0 && p[i] <= 1) {
			w[m].p = p[i];
			w[m].pos = label[i] == 1;
			m++;
		}
	}
	qsort(w, (size_t)m, sizeof *w, metrics_cmp_down);
	/* Nobody positive: a cut above the highest score (none exists when
	 * the highest score is 1 itself). */
	if (m == 0 || w[0].p < 1)
		metrics_consider(m > 0 ? (w[0].p + 1) / 2 : 1, cost_fn * npos, &best, &best_cost);
	/* From the highest score down: after each group of equal scores, the
	 * cut halfway to the next lower score (or to 0 below the lowest) calls
	 * positive exactly the samples seen so far. */
	for (i = 0; i < m; i = j) {
		double hi = w[i].p, lo, t;

		for (j = i; j < m && w[j].p == hi; j++) {
			tp += (double)w[j].pos;
			fp += (double)!w[j].pos;
		}
		lo = j < m ? w[j].p : 0;
		t = (hi + lo) / 2;
		if (!(t > lo))
			t = hi;	/* adjacent doubles, or a last score of 0 */
		metrics_consider(t, cost_fn * (npos - tp) + cost_fp * fp, &best, &best_cost);
	}
	return best;
}
