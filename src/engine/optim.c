/* optim.c: the update rules, one row each, beside how they are shown. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "kernels.h"
#include "optim.h"

/* --------------------------------------------------------------- sgd */

KERN_WIDE static int
sgd_step(double lr, long n, const double *w, double *w_out, const double *g, double *m,
    double *v, long t, double *delta)
{
	double step;
	uint64_t bad = 0;
	long i;

	for (i = 0; i < n; i++) {
		step = lr * g[i];
		w_out[i] = w[i] - step;
		bad |= kern_nonfinite(w_out[i]);
		if (delta)
			delta[i] = -step;
	}
	return (bad >> 63) == 0;
}

static void
sgd_describe(enum optim_text what, double lr, char *buf, size_t size)
{
	if (what == OPTIM_RULE)
		snprintf(buf, size, "w <- w - lr*dL/dw");
	else if (what == OPTIM_KERAS)
		snprintf(buf, size, "keras.optimizers.SGD(learning_rate=%g)", lr);
	else
		snprintf(buf, size, "torch.optim.SGD(model.parameters(), lr=%g", lr);
}

/* ---------------------------------------------------------- momentum */

KERN_WIDE static int
momentum_step(double lr, long n, const double *w, double *w_out, const double *g, double *m,
    double *v, long t, double *delta)
{
	double step;
	uint64_t bad = 0;
	long i;

	for (i = 0; i < n; i++) {
		m[i] = OPT_MOMENTUM_MU * m[i] + g[i];
		step = lr * m[i];
		w_out[i] = w[i] - step;
		bad |= kern_nonfinite(w_out[i]);
		if (delta)
			delta[i] = -step;
	}
	return (bad >> 63) == 0;
}

static void
momentum_describe(enum optim_text what, double lr, char *buf, size_t size)
{
	if (what == OPTIM_RULE)
		snprintf(buf, size, "v <- %gv + dL/dw; w <- w - lr*v", OPT_MOMENTUM_MU);
	else if (what == OPTIM_KERAS)
		snprintf(buf, size, "keras.optimizers.SGD(learning_rate=%g, momentum=%g)", lr,
		    OPT_MOMENTUM_MU);
	else
		snprintf(buf, size, "torch.optim.SGD(model.parameters(), lr=%g, momentum=%g", lr,
		    OPT_MOMENTUM_MU);
}

/* ----------------------------------------------------------- rmsprop */

KERN_WIDE static int
rmsprop_step(double lr, long n, const double *w, double *w_out, const double *g, double *m,
    double *v, long t, double *delta)
{
	double step;
	uint64_t bad = 0;
	long i;

	for (i = 0; i < n; i++) {
		m[i] = OPT_RMSPROP_ALPHA * m[i] + (1.0 - OPT_RMSPROP_ALPHA) * g[i] * g[i];
		step = lr * g[i] / (sqrt(m[i]) + OPT_EPS);
		w_out[i] = w[i] - step;
		bad |= kern_nonfinite(w_out[i]);
		if (delta)
			delta[i] = -step;
	}
	return (bad >> 63) == 0;
}

/* eps (OPT_EPS) is written 1e-8 as the frameworks write it; %g would give 1e-08. */
static void
rmsprop_describe(enum optim_text what, double lr, char *buf, size_t size)
{
	if (what == OPTIM_RULE)
		snprintf(buf, size, "s <- %gs + %gg^2; w <- w - lr*g/(sqrt(s)+eps)",
		    OPT_RMSPROP_ALPHA, 1.0 - OPT_RMSPROP_ALPHA);
	else if (what == OPTIM_KERAS)
		snprintf(buf, size, "keras.optimizers.RMSprop(learning_rate=%g, rho=%g, "
		    "epsilon=1e-8)", lr, OPT_RMSPROP_ALPHA);
	else
		snprintf(buf, size, "torch.optim.RMSprop(model.parameters(), lr=%g, alpha=%g, "
		    "eps=1e-8", lr, OPT_RMSPROP_ALPHA);
}

/* -------------------------------------------------------------- adam */

KERN_WIDE static int
adam_step(double lr, long n, const double *w, double *w_out, const double *g, double *m,
    double *v, long t, double *delta)
{
	double c1 = 1.0 - pow(OPT_ADAM_BETA1, (double)t);
	double c2 = 1.0 - pow(OPT_ADAM_BETA2, (double)t);
	double step;
	uint64_t bad = 0;
	long i;

	for (i = 0; i < n; i++) {
		m[i] = OPT_ADAM_BETA1 * m[i] + (1.0 - OPT_ADAM_BETA1) * g[i];
		v[i] = OPT_ADAM_BETA2 * v[i] + (1.0 - OPT_ADAM_BETA2) * g[i] * g[i];
		step = lr * (m[i] / c1) / (sqrt(v[i] / c2) + OPT_EPS);
		w_out[i] = w[i] - step;
		bad |= kern_nonfinite(w_out[i]);
		if (delta)
			delta[i] = -step;
	}
	return (bad >> 63) == 0;
}

/* eps as in rmsprop_describe. */
static void
adam_describe(enum optim_text what, double lr, char *buf, size_t size)
{
	if (what == OPTIM_RULE)
		snprintf(buf, size, "w <- w - lr*m'/(sqrt(v')+eps), m' v' bias-corrected");
	else if (what == OPTIM_KERAS)
		snprintf(buf, size, "keras.optimizers.Adam(learning_rate=%g, epsilon=1e-8)", lr);
	else
		snprintf(buf, size, "torch.optim.Adam(model.parameters(), lr=%g, eps=1e-8", lr);
}

/* ------------------------------------------------------------- table */

static const struct optim_info optim_table[OPT_COUNT] = {
	[OPT_SGD] = { "sgd", 0, sgd_step, sgd_describe },
	[OPT_MOMENTUM] = { "momentum", 1, momentum_step, momentum_describe },
	[OPT_RMSPROP] = { "rmsprop", 1, rmsprop_step, rmsprop_describe },
	[OPT_ADAM] = { "adam", 2, adam_step, adam_describe },
};

const struct optim_info *
optim_info(enum optim o)
{
	return &optim_table[o];
}

const char *
optim_name(enum optim o)
{
	return (o >= 0 && o < OPT_COUNT) ? optim_table[o].name : "?";
}

int
optim_parse(const char *s)
{
	int i;

	for (i = 0; i < OPT_COUNT; i++)
		if (strcmp(s, optim_table[i].name) == 0)
			return i;
	return -1;
}

int
optim_state_arrays(enum optim o)
{
	return optim_table[o].state_arrays;
}

const char *
optim_names(const char *sep, const char *last, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < OPT_COUNT && len < size; i++) {
		snprintf(buf + len, size - len, "%s%s", i == 0 ? "" : i == OPT_COUNT - 1 ? last : sep,
		    optim_table[i].name);
		len += strlen(buf + len);
	}
	return buf;
}

const char *
optim_describe(enum optim o, enum optim_text what, double lr, char *buf, size_t size)
{
	optim_table[o].describe(what, lr, buf, size);
	return buf;
}

int
optim_step(enum optim o, double lr, long n, double *w, const double *g,
    double *m, double *v, long t, double *delta)
{
	return optim_table[o].step(lr, n, w, w, g, m, v, t, delta);
}

int
optim_step_to(enum optim o, double lr, long n, const double *w, double *w_out,
    const double *g, double *m, double *v, long t, double *delta)
{
	return optim_table[o].step(lr, n, w, w_out, g, m, v, t, delta);
}
