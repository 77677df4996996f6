/*
 * optim.h: optimizers as pure functions over arrays of parameters, and the
 * one table (optim.c) that says what each optimizer is. The rules follow the
 * common framework defaults:
 *   sgd       w -= lr g
 *   momentum  v = mu v + g;  w -= lr v                     (mu 0.9)
 *   rmsprop   s = a s + (1-a) g^2;  w -= lr g / (sqrt(s) + eps)   (a 0.99)
 *   adam      m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
 *             w -= lr (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)  (0.9, 0.999)
 * with eps 1e-8.
 *
 * Adding an optimizer: a value here (before OPT_COUNT) and a row of
 * optim_table in optim.c with its step and describe functions.
 */
#ifndef NNSTEP_OPTIM_H
#define NNSTEP_OPTIM_H

#include <stddef.h>

enum optim {
	OPT_SGD = 0,
	OPT_MOMENTUM,
	OPT_RMSPROP,
	OPT_ADAM,
	OPT_COUNT
};

#define OPT_MOMENTUM_MU 0.9
#define OPT_RMSPROP_ALPHA 0.99
#define OPT_ADAM_BETA1 0.9
#define OPT_ADAM_BETA2 0.999
#define OPT_EPS 1e-8

/* What describe writes. */
enum optim_text {
	OPTIM_RULE,	/* the update rule as the inspector shows it */
	OPTIM_KERAS,	/* "keras.optimizers.X(learning_rate=LR, ...)" */
	OPTIM_TORCH	/* "torch.optim.X(model.parameters(), lr=LR, ..." (no closing paren) */
};

struct optim_info {
	const char *name;
	int state_arrays;		/* arrays of the parameters' size it keeps (0-2) */
	/* One update of n parameters w with gradient g, the new values written
	 * to w_out (w itself, or an array apart; see optim_step_to); returns 1
	 * when every new value is finite. */
	int (*step)(double lr, long n, const double *w, double *w_out, const double *g,
	    double *m, double *v, long t, double *delta);
	/* Writes one of enum optim_text, from the constants the step uses. */
	void (*describe)(enum optim_text what, double lr, char *buf, size_t size);
};

const struct optim_info *optim_info(enum optim o);
const char *optim_name(enum optim o);
int optim_parse(const char *s);
/* How many state arrays of the parameters' size the optimizer keeps (0-2). */
int optim_state_arrays(enum optim o);
/* The names in table order, separated by sep and the last two by last. */
const char *optim_names(const char *sep, const char *last, char *buf, size_t size);
/* One of enum optim_text for o, in buf. Returns buf. */
const char *optim_describe(enum optim o, enum optim_text what, double lr, char *buf,
    size_t size);

/*
 * One update of n parameters w with gradient g. m and v are the optimizer's
 * state arrays (unused ones may be NULL); t is the 1-based step number (Adam's
 * bias correction). When delta is not NULL it receives the change made to w.
 * Returns 1 when every new value of w is finite (no NaN, no infinity), else 0.
 */
int optim_step(enum optim o, double lr, long n, double *w, const double *g,
    double *m, double *v, long t, double *delta);
/* The same update with the new values written to w_out, which is w or an
 * array that does not overlap it; w is then left as it was. */
int optim_step_to(enum optim o, double lr, long n, const double *w, double *w_out,
    const double *g, double *m, double *v, long t, double *delta);

#endif
