/*
 * checks.h: the practitioner's sanity checks of a training set-up, and the
 * learning rate seen along the gradient.
 *
 * Each check builds sessions of its own from the settings and the data (the
 * caller's session is never touched), so `nnstep check`, the terminal UI and
 * a lesson get the same verdicts for the same settings. A check has a value,
 * what is expected, a verdict and one sentence:
 *
 *   init_loss        loss at initialisation against -ln(1/C) (ln 2 binary)
 *   gradient_check   central differences against backprop on a few rows
 *   update_ratio     ||dW|| / ||W|| of the first update, per layer, near 1e-3
 *   overfit_tiny     a handful of rows trained to near-zero loss
 *   dead_units       ReLU units that never fire over the first epoch
 *   saturated_units  sigmoid/tanh units saturated over the first epoch
 *   symmetry         units of a layer identical after the first epoch
 */
#ifndef NNSTEP_CHECKS_H
#define NNSTEP_CHECKS_H

#include "session.h"

enum check_verdict { CHECK_OK = 0, CHECK_WARN, CHECK_FAIL };

enum check_id {
	CK_INIT_LOSS = 0,
	CK_GRADIENT_CHECK,
	CK_UPDATE_RATIO,
	CK_OVERFIT_TINY,
	CK_DEAD_UNITS,
	CK_SATURATED_UNITS,
	CK_SYMMETRY,
	CK_COUNT
};

struct check_result {
	const char *name;		/* "init_loss", ... (JSON keys, tests) */
	enum check_verdict verdict;
	double value;			/* what was measured (NaN: could not be) */
	double expected;		/* the reference it is held against */
	char expected_text[48];		/* "ln 2 = 0.693", "< 1e-07", ... */
	char text[240];			/* one sentence for people */
};

#define CHECK_GRAD_ROWS 4		/* rows of the gradient check */
#define CHECK_TINY_ROWS 8		/* rows of overfit_tiny */
#define CHECK_TINY_EPOCHS 2000		/* its training budget */
#define CHECK_GRAD_H 1e-5		/* step of the central differences */

const char *check_verdict_name(enum check_verdict v);	/* "ok" "warn" "fail" */

/* Runs every check for cfg on d. Returns 0, or -1 with *err (malloc'd) when
 * no session can be built. */
int checks_run(const struct session_config *cfg, const struct dataset *d,
    struct check_result out[CK_COUNT], char **err);

/*
 * dL/dparam[k] of s's current batch by central differences (step h): the
 * batch loss plus the L2 term l2/2 * ||W||^2 whose gradient backprop adds,
 * with the weight moved by +h and -h in a copy of the weights (the session
 * is only read). Needs a forward pass in the batch; dropout is not applied
 * (NaN when it is on, or when memory ran out).
 */
double session_numeric_grad(const struct session *s, long k, double h);

/* Relative error of a numeric and an analytic gradient: |a-n| / max(|a|,|n|),
 * 0 when both are 0. */
double check_rel_error(double analytic, double numeric);

/* ----------------------------------------------- the learning rate */

#define LR_LINE_POINTS 25		/* the log grid of the line */
#define LR_RANGE_BATCHES 100		/* batches of the range test */

/*
 * The loss of s's current batch along its gradient: L(theta - alpha * g) for
 * n values of alpha on a log grid from lr/100 to lr*100 (alpha[i], loss[i]),
 * with the weights moved in a copy (s is only read). Needs a backward pass in the
 * batch. Returns n, or 0 when there is no gradient yet.
 */
int lr_line(const struct session *s, double *alpha, double *loss, int n);

/*
 * The LR range test (as fast.ai's lr_find): from a copy of s, trains
 * `batches` batches with the learning rate growing exponentially from lo to
 * hi, recording (lr, loss) after each; stops early when the loss passes 4
 * times its best. *suggested is the lr where the smoothed loss falls
 * fastest. Returns the number of points, or -1 with *err.
 */
int lr_range_test(const struct session *s, double lo, double hi, int batches,
    double *lr, double *loss, double *suggested, char **err);

#endif
