/*
 * metrics.h: how good are the predictions? Pure functions of predictions and
 * targets; nothing here allocates except where stated.
 */
#ifndef NNSTEP_METRICS_H
#define NNSTEP_METRICS_H

#include "dataset.h"

#define METRICS_MAX_CLASSES 64

struct metrics {
	enum task task;
	long n;
	double loss;               /* filled by the caller (the session) */
	/* classification */
	double accuracy, precision, recall, f1, auc;
	double threshold;          /* binary decision threshold used */
	double baseline_accuracy;  /* always predicting the majority class */
	int nclasses;
	long confusion[METRICS_MAX_CLASSES][METRICS_MAX_CLASSES]; /* [true][predicted] */
	/* regression */
	double mse, mae, r2;
};

/*
 * Computes the metrics of n predictions.
 *  pred: n * width outputs of the network (probabilities for classification:
 *        width 1 for binary (P(class 1)), width K for several classes).
 *  y:    n * width targets (as in struct split).
 *  label: n class indices (classification) or NULL.
 *  work: scratch of at least 2*n doubles + n longs worth of space
 *        (metrics_work_size(n) bytes), so that no allocation happens here.
 * Precision, recall and F1 are of class 1 for binary and macro-averaged for
 * several classes; AUC is the ROC AUC with ties counted as one half
 * (one-vs-rest macro for several classes). An undefined figure is NaN
 * (see metrics.c), never 0; metrics_undefined_reason() says why.
 */
size_t metrics_work_size(long n);
void metrics_compute(struct metrics *m, enum task task, int width, long n,
    const double *pred, const double *y, const int *label, double threshold,
    void *work);

/* Why m's figure `which` ("precision", "recall", "f1", "auc") is
 * undefined, in a few words; NULL when it is defined. */
const char *metrics_undefined_reason(const struct metrics *m, const char *which);

/*
 * The threshold in [0,1] that minimises cost_fn * FN + cost_fp * FP on the
 * given binary predictions (a sample is positive when p >= threshold).
 * Candidates: 0.5, the midpoint between every two adjacent distinct scores
 * (so a score a rounding step away in another tool stays on its side),
 * half the lowest score (everyone positive) and halfway from the highest to
 * 1 (nobody positive). Equal costs go to the candidate nearest 0.5. work as
 * above.
 */
double metrics_best_threshold(long n, const double *p, const int *label,
    double cost_fn, double cost_fp, void *work);

#endif
