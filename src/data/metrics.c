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
 *  - any 0/0 is 0 (also the AUC when a class has no positives or no
 *    negatives; for several classes such classes are left out of the mean);
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

/* One prediction in the work buffer: its score and whether it is positive. */
struct metrics_pair {
	double p;
	long pos;
};

static int metrics_cmp_up(const void *a, const void *b);
static int metrics_cmp_down(const void *a, const void *b);
static double metrics_ratio(double a, double b);
static int metrics_true_class(int k, int width, const double *y,
    const int *label, long i);
static int metrics_argmax(const double *v, int width);
static double metrics_auc(struct metrics_pair *w, long n);
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
	return b != 0 ? a / b : 0;
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
		return 0;
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
		m->f1 = metrics_ratio(2 * m->precision * m->recall,
		    m->precision + m->recall);
		for (i = 0; i < n; i++) {
			w[i].p = pred[i];
			w[i].pos = metrics_true_class(k, width, y, label, i) == 1;
		}
		m->auc = metrics_auc(w, n);
		return;
	}

	{
		double auc = 0;
		int used = 0;

		for (c = 0; c < k; c++) {
			double tp = (double)m->confusion[c][c], predicted = 0;
			double pr, rc;
			int t;

			for (t = 0; t < k; t++)
				predicted += (double)m->confusion[t][c];
			pr = metrics_ratio(tp, predicted);
			rc = metrics_ratio(tp, (double)count[c]);
			m->precision += pr;
			m->recall += rc;
			m->f1 += metrics_ratio(2 * pr * rc, pr + rc);
			if (count[c] == 0 || count[c] == n)
				continue;
			for (i = 0; i < n; i++) {
				w[i].p = pred[(size_t)i * (size_t)width + (size_t)c];
				w[i].pos = metrics_true_class(k, width, y, label, i) == c;
			}
			auc += metrics_auc(w, n);
			used++;
		}
		m->precision /= k;
		m->recall /= k;
		m->f1 /= k;
		m->auc = used > 0 ? auc / used : 0;
	}
}

double
metrics_best_threshold(long n, const double *p, const int *label,
    double cost_fn, double cost_fp, void *work)
{
	struct metrics_pair *w = work;
	double best = 0.5, best_cost, npos = 0, tp = 0, fp = 0;
	double fn_half = 0, fp_half = 0;
	long i, j;

	if (n <= 0 || p == NULL || label == NULL)
		return 0.5;
	/* The cost at 0.5 is the one to beat. */
	for (i = 0; i < n; i++) {
		int positive = label[i] == 1;

		npos += positive;
		if (p[i] >= 0.5)
			fp_half += !positive;
		else
			fn_half += positive;
		w[i].p = p[i];
		w[i].pos = positive;
	}
	best_cost = cost_fn * fn_half + cost_fp * fp_half;
	/* From the highest probability down: at threshold v, every sample
	 * with p >= v is called positive. */
	qsort(w, (size_t)n, sizeof *w, metrics_cmp_down);
	for (i = 0; i < n; i = j) {
		double v = w[i].p, cost;

		for (j = i; j < n && metrics_cmp_up(&w[i], &w[j]) == 0; j++) {
			tp += (double)w[j].pos;
			fp += (double)!w[j].pos;
		}
		if (!(v >= 0 && v <= 1))
			continue;
		cost = cost_fn * (npos - tp) + cost_fp * fp;
		if (cost < best_cost || (cost == best_cost &&
		    (fabs(v - 0.5) < fabs(best - 0.5) ||
		    (fabs(v - 0.5) == fabs(best - 0.5) && v < best)))) {
			best = v;
			best_cost = cost;
		}
	}
	return best;
}
