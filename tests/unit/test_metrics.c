/* test_metrics.c: metrics checked against small examples worked by hand. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/metrics.h"

#define EPS 1e-12

static void *
work_for(long n)
{
	void *w = malloc(metrics_work_size(n));

	ck_assert_ptr_nonnull(w);
	return w;
}

START_TEST(test_work_size)
{
	ck_assert_uint_ge(metrics_work_size(10),
	    10 * (2 * sizeof(double) + sizeof(long)));
	ck_assert_uint_gt(metrics_work_size(0), 0);
}
END_TEST

/*
 * p     0.9 0.8 0.3 0.6 0.2 0.1      threshold 0.5
 * label  1   1   1   0   0   0
 * pred   1   1   0   1   0   0       TP 2, FN 1, FP 1, TN 2
 * accuracy 4/6, precision 2/(2+1), recall 2/(2+1), F1 2PR/(P+R) = 2/3.
 * AUC: 0.9 and 0.8 beat all three negatives, 0.3 beats 0.2 and 0.1:
 * (3 + 3 + 2) / (3 * 3) = 8/9. Majority class: 3 of 6 = 0.5.
 */
START_TEST(test_binary)
{
	static const double p[6] = { 0.9, 0.8, 0.3, 0.6, 0.2, 0.1 };
	static const double y[6] = { 1, 1, 1, 0, 0, 0 };
	static const int label[6] = { 1, 1, 1, 0, 0, 0 };
	void *w = work_for(6);
	struct metrics m;

	m.loss = 0.25;
	metrics_compute(&m, TASK_BINARY, 1, 6, p, y, label, 0.5, w);
	ck_assert(m.loss == 0.25);               /* the caller's */
	ck_assert_int_eq(m.task, TASK_BINARY);
	ck_assert_int_eq(m.n, 6);
	ck_assert_int_eq(m.nclasses, 2);
	ck_assert(m.threshold == 0.5);
	ck_assert(fabs(m.accuracy - 4.0 / 6) < EPS);
	ck_assert(fabs(m.precision - 2.0 / 3) < EPS);
	ck_assert(fabs(m.recall - 2.0 / 3) < EPS);
	ck_assert(fabs(m.f1 - 2.0 / 3) < EPS);
	ck_assert(fabs(m.auc - 8.0 / 9) < EPS);
	ck_assert(m.baseline_accuracy == 0.5);
	ck_assert_int_eq(m.confusion[1][1], 2);
	ck_assert_int_eq(m.confusion[1][0], 1);
	ck_assert_int_eq(m.confusion[0][1], 1);
	ck_assert_int_eq(m.confusion[0][0], 2);

	/* threshold 0.25: 0.3 becomes positive too: TP 3, FP 1, FN 0;
	 * precision 3/4, recall 1, F1 2 * 0.75 / 1.75 = 6/7; AUC unchanged */
	metrics_compute(&m, TASK_BINARY, 1, 6, p, y, label, 0.25, w);
	ck_assert(fabs(m.accuracy - 5.0 / 6) < EPS);
	ck_assert(fabs(m.precision - 0.75) < EPS);
	ck_assert(m.recall == 1);
	ck_assert(fabs(m.f1 - 6.0 / 7) < EPS);
	ck_assert(fabs(m.auc - 8.0 / 9) < EPS);

	/* labels from y when label is NULL: the same numbers */
	metrics_compute(&m, TASK_BINARY, 1, 6, p, y, NULL, 0.5, w);
	ck_assert(fabs(m.precision - 2.0 / 3) < EPS);
	ck_assert(fabs(m.auc - 8.0 / 9) < EPS);

	/* p >= threshold is positive: at threshold 0.6, 0.6 is positive */
	metrics_compute(&m, TASK_BINARY, 1, 6, p, y, label, 0.6, w);
	ck_assert_int_eq(m.confusion[0][1], 1);
	free(w);
}
END_TEST

/* p 0.1 0.4 0.4 0.8, label 0 0 1 1: ranks 1, 2.5, 2.5, 4; positives
 * 2.5 + 4 = 6.5; U = 6.5 - 2*3/2 = 3.5; AUC = 3.5 / (2 * 2) = 0.875.
 * (0.8 beats both negatives, 0.4 beats 0.1 and ties 0.4: 1 + 1 + 1 + 0.5.) */
START_TEST(test_auc_ties)
{
	static const double p[4] = { 0.1, 0.4, 0.4, 0.8 };
	static const int label[4] = { 0, 0, 1, 1 };
	static const double y[4] = { 0, 0, 1, 1 };
	static const double same[4] = { 0.3, 0.3, 0.3, 0.3 };
	void *w = work_for(4);
	struct metrics m;

	memset(&m, 0, sizeof m);
	metrics_compute(&m, TASK_BINARY, 1, 4, p, y, label, 0.5, w);
	ck_assert(m.auc == 0.875);
	/* all tied: one half */
	metrics_compute(&m, TASK_BINARY, 1, 4, same, y, label, 0.5, w);
	ck_assert(m.auc == 0.5);
	free(w);
}
END_TEST

/* Undefined is not zero: nothing predicted positive, no positives, one
 * class only are NaN with a reason. */
START_TEST(test_zero_over_zero)
{
	static const double p[3] = { 0.1, 0.2, 0.3 };
	static const int label[3] = { 0, 0, 0 };
	static const double y[3] = { 0, 0, 0 };
	void *w = work_for(3);
	struct metrics m;

	memset(&m, 0, sizeof m);
	metrics_compute(&m, TASK_BINARY, 1, 3, p, y, label, 0.5, w);
	ck_assert(m.accuracy == 1);
	ck_assert(isnan(m.precision));
	ck_assert(isnan(m.recall));
	ck_assert(isnan(m.f1));
	ck_assert(isnan(m.auc));
	ck_assert_str_eq(metrics_undefined_reason(&m, "auc"), "the split has one class only");
	ck_assert_str_eq(metrics_undefined_reason(&m, "precision"), "nothing is predicted positive");
	ck_assert_str_eq(metrics_undefined_reason(&m, "recall"), "the split has no positive row");
	ck_assert(m.baseline_accuracy == 1);
	/* positives but none predicted: precision undefined, recall and F1 0 */
	{
		static const int l2[3] = { 1, 0, 0 };

		metrics_compute(&m, TASK_BINARY, 1, 3, p, y, l2, 0.5, w);
		ck_assert(isnan(m.precision));
		ck_assert(m.recall == 0 && m.f1 == 0);
		ck_assert(metrics_undefined_reason(&m, "recall") == NULL);
		ck_assert(metrics_undefined_reason(&m, "f1") == NULL);
		ck_assert(m.auc == 0);
	}
	metrics_compute(&m, TASK_BINARY, 1, 0, p, y, label, 0.5, w);
	ck_assert(m.accuracy == 0 && m.n == 0);
	free(w);
}
END_TEST

/*
 * Three classes, six samples:
 *   true  predicted (argmax)        probabilities
 *    0     0                        .7 .2 .1
 *    0     1                        .4 .5 .1
 *    1     1                        .1 .8 .1
 *    1     1                        .3 .6 .1
 *    2     2                        .1 .2 .7
 *    2     0                        .5 .1 .4
 * class 0: TP 1, predicted 2, true 2: P 1/2, R 1/2, F1 1/2
 * class 1: TP 2, predicted 3, true 2: P 2/3, R 1,   F1 4/5
 * class 2: TP 1, predicted 1, true 2: P 1,   R 1/2, F1 2/3
 * macro P = (1/2 + 2/3 + 1)/3 = 13/18, R = 2/3, F1 = (1/2+4/5+2/3)/3 = 59/90.
 * AUC one-vs-rest: class 0: positives .7 and .4 against .1 .3 .1 .5:
 * 4 + 3 = 7 of 8; classes 1 and 2 separate perfectly: (7/8 + 1 + 1)/3 = 23/24.
 */
START_TEST(test_multiclass)
{
	static const double p[18] = {
		0.7, 0.2, 0.1, 0.4, 0.5, 0.1, 0.1, 0.8, 0.1,
		0.3, 0.6, 0.1, 0.1, 0.2, 0.7, 0.5, 0.1, 0.4
	};
	static const int label[6] = { 0, 0, 1, 1, 2, 2 };
	double y[18] = { 0 };
	void *w = work_for(6);
	struct metrics m;
	int i;

	for (i = 0; i < 6; i++)
		y[i * 3 + label[i]] = 1;
	memset(&m, 0, sizeof m);
	metrics_compute(&m, TASK_MULTICLASS, 3, 6, p, y, label, 0.5, w);
	ck_assert_int_eq(m.nclasses, 3);
	ck_assert(fabs(m.accuracy - 4.0 / 6) < EPS);
	ck_assert(fabs(m.precision - 13.0 / 18) < EPS);
	ck_assert(fabs(m.recall - 2.0 / 3) < EPS);
	ck_assert(fabs(m.f1 - 59.0 / 90) < EPS);
	ck_assert(fabs(m.auc - 23.0 / 24) < EPS);
	ck_assert(fabs(m.baseline_accuracy - 2.0 / 6) < EPS);
	ck_assert_int_eq(m.confusion[0][0], 1);
	ck_assert_int_eq(m.confusion[0][1], 1);
	ck_assert_int_eq(m.confusion[1][1], 2);
	ck_assert_int_eq(m.confusion[2][2], 1);
	ck_assert_int_eq(m.confusion[2][0], 1);
	ck_assert_int_eq(m.confusion[1][0], 0);

	/* the same from one-hot y alone */
	metrics_compute(&m, TASK_MULTICLASS, 3, 6, p, y, NULL, 0.5, w);
	ck_assert(fabs(m.f1 - 59.0 / 90) < EPS);

	/* the first four samples only: class 2 has no positives and leaves
	 * the AUC mean; class 0: .7, .4 against .1, .3: 1; class 1: .8, .6
	 * against .2, .5: 1. Class 2: P = 0/0, R = 0/0 are undefined and
	 * leave the means: P = (1 + 2/3)/2 = 5/6 and R = (1/2 + 1)/2 = 3/4. */
	metrics_compute(&m, TASK_MULTICLASS, 3, 4, p, y, label, 0.5, w);
	ck_assert(m.auc == 1);
	ck_assert(fabs(m.precision - 5.0 / 6) < EPS);
	ck_assert(fabs(m.recall - 0.75) < EPS);
	ck_assert(fabs(m.baseline_accuracy - 0.5) < EPS);
	free(w);
}
END_TEST

/* pred 1 2 3, y 1 3 5: errors 0 1 2; MSE 5/3, MAE 1; mean y 3,
 * SS_tot 4 + 0 + 4 = 8, SS_res 5: R^2 = 1 - 5/8 = 0.375. */
START_TEST(test_regression)
{
	static const double pred[3] = { 1, 2, 3 }, y[3] = { 1, 3, 5 };
	static const double flat_pred[2] = { 1, 3 }, flat_y[2] = { 2, 2 };
	void *w = work_for(3);
	struct metrics m;

	memset(&m, 0, sizeof m);
	metrics_compute(&m, TASK_REGRESS, 1, 3, pred, y, NULL, 0.5, w);
	ck_assert_int_eq(m.task, TASK_REGRESS);
	ck_assert(fabs(m.mse - 5.0 / 3) < EPS);
	ck_assert(m.mae == 1);
	ck_assert(m.r2 == 0.375);
	ck_assert(m.accuracy == 0);
	/* constant targets: SS_tot = 0, R^2 = 0 */
	metrics_compute(&m, TASK_REGRESS, 1, 2, flat_pred, flat_y, NULL, 0.5, w);
	ck_assert(m.mse == 1 && m.mae == 1 && m.r2 == 0);
	free(w);
}
END_TEST

/*
 * p      .95  .7  .55  .45  .3  .2  .1
 * label   1    0   1    1    0   1   0        4 positives, 3 negatives
 * cut above: FN, FP
 *   1 (nobody): 4, 0   .95: 3, 0    .7: 3, 1    .55: 2, 1   (.5 the same)
 *   .45: 1, 1    .3: 1, 2    .2: 0, 2    .1: 0, 3
 * The threshold chosen is halfway between the last score called positive
 * and the next lower one.
 * cost 5 FN + 1 FP: 20 15 16 11 11 6 7 2 3 -> between .2 and .1 (cost 2)
 * cost 1 FN + 1 FP:  4 3 4 3 3 2 3 2 3 -> .375 and .15 tie; .375 is nearer .5
 * cost 1 FN + 10 FP: 4 3 13 12 12 11 21 20 30 -> between .95 and .7
 * cost 1 FN + 10 FP with .95 a negative: nobody positive (cost 3)
 */
START_TEST(test_best_threshold)
{
	static const double p[7] = { 0.95, 0.7, 0.55, 0.45, 0.3, 0.2, 0.1 };
	static const int label[7] = { 1, 0, 1, 1, 0, 1, 0 };
	static const int label2[7] = { 0, 0, 1, 1, 0, 1, 0 };
	static const double q[2] = { 0.9, 0.1 };
	static const int ql[2] = { 1, 0 };
	void *w = work_for(7);

	ck_assert(metrics_best_threshold(7, p, label, 5, 1, w) == (0.2 + 0.1) / 2);
	ck_assert(metrics_best_threshold(7, p, label, 1, 1, w) == (0.45 + 0.3) / 2);
	ck_assert(metrics_best_threshold(7, p, label, 1, 10, w) == (0.95 + 0.7) / 2);
	ck_assert(metrics_best_threshold(7, p, label2, 1, 10, w) == (0.95 + 1) / 2);
	/* 0.5 and every cut between 0.1 and 0.9 cost 0: 0.5 wins the tie */
	ck_assert(metrics_best_threshold(2, q, ql, 1, 1, w) == 0.5);
	ck_assert(metrics_best_threshold(0, q, ql, 1, 1, w) == 0.5);
	free(w);
}
END_TEST

/* The cost at the chosen threshold equals the lowest over every possible
 * threshold, found by brute force over a fine grid and every score, on
 * random data with ties and scores of exactly 0 and 1. */
START_TEST(test_best_threshold_brute_force)
{
	enum { N = 60 };
	double p[N];
	int label[N], trial, i, g;
	void *w = work_for(N);
	uint64_t r = 12345;

	for (trial = 0; trial < 300; trial++) {
		double cfn = 1 + trial % 7, cfp = 1 + (trial / 7) % 5, t, best = HUGE_VAL, cost;
		int n = 1 + trial % N;

		for (i = 0; i < n; i++) {
			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			p[i] = (double)((r >> 33) % 21) / 20;	/* 0, 0.05, ..., 1: many ties */
			label[i] = (int)((r >> 20) % 3 == 0);
		}
		for (g = 0; g <= 4000; g++) {
			double fn = 0, fp = 0;
			double u = g < 4000 ? g / 4000.0 + 1e-9 : 1.0;

			for (i = 0; i < n; i++) {
				if (p[i] >= u)
					fp += !label[i];
				else
					fn += label[i];
			}
			cost = cfn * fn + cfp * fp;
			if (cost < best)
				best = cost;
			if (g == 0) {	/* everyone positive */
				fn = fp = 0;
				for (i = 0; i < n; i++)
					fp += !label[i];
				if (cfp * fp < best)
					best = cfp * fp;
			}
		}
		t = metrics_best_threshold(n, p, label, cfn, cfp, w);
		cost = 0;
		for (i = 0; i < n; i++)
			cost += p[i] >= t ? cfp * !label[i] : cfn * label[i];
		ck_assert_msg(cost == best, "trial %d: cost %g at %g, brute force %g", trial, cost,
		    t, best);
		ck_assert(t >= 0 && t <= 1);
	}
	free(w);
}
END_TEST

Suite *
metrics_suite(void)
{
	Suite *s = suite_create("metrics");
	TCase *tc = tcase_create("metrics");

	tcase_add_test(tc, test_work_size);
	tcase_add_test(tc, test_binary);
	tcase_add_test(tc, test_auc_ties);
	tcase_add_test(tc, test_zero_over_zero);
	tcase_add_test(tc, test_multiclass);
	tcase_add_test(tc, test_regression);
	tcase_add_test(tc, test_best_threshold);
	tcase_add_test(tc, test_best_threshold_brute_force);
	suite_add_tcase(s, tc);
	return s;
}
