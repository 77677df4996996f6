/*
 * checks.c: sanity checks of a training set-up (in the manner of Karpathy's
 * "recipe for training neural networks" and CS231n's "babysitting the
 * learning process"), and the learning rate seen along the gradient.
 *
 * The checks train sessions of their own, built from the settings; the
 * numeric gradient moves one weight of a session and puts it back exactly.
 * Arithmetic of training stays in the session and the network: this file
 * only steps, measures and compares.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"

static const char *const check_names[CK_COUNT] = {
	"init_loss", "gradient_check", "update_ratio", "overfit_tiny", "dead_units",
	"saturated_units", "symmetry",
};

const char *
check_verdict_name(enum check_verdict v)
{
	return v == CHECK_OK ? "ok" : v == CHECK_WARN ? "warn" : "fail";
}

double
check_rel_error(double analytic, double numeric)
{
	double m = fmax(fabs(analytic), fabs(numeric));

	if (isnan(analytic) || isnan(numeric))
		return NAN;
	return m > 0 ? fabs(analytic - numeric) / m : 0.0;
}

/* ------------------------------------------------- numeric gradient */

/* Loss of the current batch with the current weights, as backprop sees it:
 * the batch's weighted mean loss plus l2/2 * ||W||^2 (no dropout). */
static double
batch_objective(const struct session *s, struct net_scratch *sc)
{
	const struct net *n = s->net;
	double loss = net_evaluate_in(n, sc, n->x, n->y, n->w, n->n, NULL), sq = 0;
	int l;
	long i;

	if (s->pos.cfg.l2 > 0) {
		for (l = 0; l < n->nlayers; l++) {
			const struct layer *ly = &n->layer[l];

			for (i = 0; i < (long)ly->in * ly->out; i++)
				sq += sc->param[ly->w_off + i] * sc->param[ly->w_off + i];
		}
		loss += 0.5 * s->pos.cfg.l2 * sq;
	}
	return loss;
}

double
session_numeric_grad(const struct session *s, long k, double h)
{
	const struct net *n = s->net;
	struct net_scratch sc;
	double old, up, down;

	if (k < 0 || k >= n->nparams || n->n == 0 || s->pos.phase == PHASE_NONE ||
	    s->pos.cfg.dropout > 0)
		return NAN;
	memset(&sc, 0, sizeof sc);
	if (net_scratch_fit(&sc, n) != 0)
		return NAN;
	/* The weight moves in a copy: the session is only read. */
	old = sc.param[k];
	sc.param[k] = old + h;
	net_scratch_sync(&sc, n);
	up = batch_objective(s, &sc);
	sc.param[k] = old - h;
	net_scratch_sync(&sc, n);
	down = batch_objective(s, &sc);
	net_scratch_free(&sc);
	return (up - down) / (2 * h);
}

/* ------------------------------------------------------ sessions */

/* A dataset that shares d's arrays, with only the first `rows` training
 * rows and no validation or test split. */
static struct dataset
data_head(const struct dataset *d, long rows)
{
	struct dataset t = *d;

	t.train.n = rows < d->train.n ? rows : d->train.n;
	t.val.n = 0;
	t.test.n = 0;
	return t;
}

/* The settings of a check's own session: no history, no callbacks. */
static struct session_config
check_cfg(const struct session_config *cfg)
{
	struct session_config c = *cfg;

	c.history_phases = 0;
	c.early_stop = 0;
	c.reduce_lr = 0;
	c.diagnostics = 1;
	return c;
}

static void
say(struct check_result *r, enum check_verdict v, double value, double expected,
    const char *expected_text, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void
say(struct check_result *r, enum check_verdict v, double value, double expected,
    const char *expected_text, const char *fmt, ...)
{
	va_list ap;

	r->verdict = v;
	r->value = value;
	r->expected = expected;
	snprintf(r->expected_text, sizeof r->expected_text, "%s", expected_text);
	va_start(ap, fmt);
	vsnprintf(r->text, sizeof r->text, fmt, ap);
	va_end(ap);
}

/* ---------------------------------------------------------- checks */

/* The loss an uninformed model has: ln C for cross-entropy (the network
 * says 1/C for every class), else the loss of predicting the mean target. */
static double
reference_loss(const struct session *s, const char **name)
{
	const struct net *n = s->net;
	const struct split *sp = &s->data->train;
	int w = net_noutputs(n), j;
	double *mean, *out, ref = 0;
	long i;

	if (n->loss == LOSS_BCE || n->loss == LOSS_CCE) {
		int c = n->loss == LOSS_BCE ? 2 : w;

		*name = c == 2 ? "ln 2" : "ln C";
		return log((double)c);
	}
	*name = n->loss == LOSS_HINGE ? "hinge of 0" : "loss of the mean";
	if (sp->n == 0)
		return NAN;
	mean = calloc((size_t)w * (size_t)sp->n, sizeof *mean);
	out = calloc((size_t)sp->n, sizeof *out);
	if (mean == NULL || out == NULL) {
		free(mean);
		free(out);
		return NAN;
	}
	if (n->loss != LOSS_HINGE) {
		for (i = 0; i < sp->n; i++)
			for (j = 0; j < w; j++)
				mean[j] += sp->y[i * w + j] / (double)sp->n;
		for (i = 1; i < sp->n; i++)
			memcpy(mean + i * w, mean, (size_t)w * sizeof *mean);
	}
	loss_per_sample(n->loss, ACT_LINEAR, mean, mean, sp->y, sp->n, w, out);
	ref = loss_mean(out, sp->w, sp->n);
	free(mean);
	free(out);
	return ref;
}

static void
check_init_loss(struct session *s, struct check_result *r)
{
	const char *name;
	double v = session_evaluate(s, 0, NULL), e = reference_loss(s, &name), q;
	int ce = s->net->loss == LOSS_BCE || s->net->loss == LOSS_CCE;
	char et[48];

	snprintf(et, sizeof et, "%s = %.4g", name, e);
	q = v / e;
	if (!isfinite(v) || !isfinite(q))
		say(r, CHECK_FAIL, v, e, et, "The loss at initialisation is not a number: the "
		    "weights or the data are broken.");
	else if (ce ? q >= 0.75 && q <= 1.5 : q >= 0.25 && q <= 4)
		say(r, CHECK_OK, v, e, et, "The loss at initialisation (%.4g) is what a network "
		    "that knows nothing yet should have.", v);
	else if (ce ? q >= 0.5 && q <= 3 : q >= 0.1 && q <= 10)
		say(r, CHECK_WARN, v, e, et, "The loss at initialisation (%.4g) is %.1f times %s: "
		    "the first outputs are more confident than they should be.", v, q, name);
	else
		say(r, CHECK_FAIL, v, e, et, "The loss at initialisation (%.4g) is %.3g times "
		    "%s: the initial weights are far too large (or too small) for this loss.",
		    v, q, name);
}

static void
check_gradient(const struct session_config *cfg, const struct dataset *d,
    struct check_result *r, char **err)
{
	struct dataset head = data_head(d, CHECK_GRAD_ROWS);
	struct session_config c = check_cfg(cfg);
	struct session *s;
	double worst, num, diff = 0, na = 0, nn = 0;
	long k, step, n;

	c.batch = 0;
	c.dropout = 0;
	s = session_new(&c, &head, err);
	if (s == NULL)
		return;
	session_step(s);	/* forward */
	session_step(s);	/* loss */
	session_step(s);	/* backward */
	n = s->net->nparams;
	/* Every parameter of a small network; an even sample of a large one. */
	step = n > 400 ? n / 400 : 1;
	for (k = 0; k < n; k += step) {
		double a = s->net->grad[k];

		num = session_numeric_grad(s, k, CHECK_GRAD_H);
		diff += (a - num) * (a - num);
		na += a * a;
		nn += num * num;
	}
	/* Relative error of the whole gradient, ||a - n|| / max(||a||, ||n||):
	 * a weight whose gradient is nearly zero does not make it noisy. */
	worst = fmax(na, nn) > 0 ? sqrt(diff) / sqrt(fmax(na, nn)) : 0;
	if (!isfinite(diff + na + nn))
		worst = INFINITY;
	if (worst < 1e-7)
		say(r, CHECK_OK, worst, 1e-7, "< 1e-7", "Backprop agrees with central "
		    "differences on %ld rows: relative error %.2g.", s->net->n, worst);
	else if (worst <= 1e-2)
		say(r, CHECK_WARN, worst, 1e-7, "< 1e-7", "Backprop and central differences "
		    "differ by up to %.2g (relative): a kink such as ReLU at 0, or a gradient "
		    "this small, can do that; a bug can too.", worst);
	else
		say(r, CHECK_FAIL, worst, 1e-7, "< 1e-7", "Backprop and central differences "
		    "disagree (relative error %.2g): the gradient is wrong.", worst);
	session_free(s);
}

static void
check_update_ratio(struct session *s, struct check_result *r)
{
	const struct net *n = s->net;
	double worst = 1e-3, far = -1;
	int l, at = 0;

	for (l = 0; l < n->nlayers; l++) {
		double u = session_layer_diag(s, l)->update_ratio, d = u > 0 ? fabs(log10(u / 1e-3)) : INFINITY;

		if (d > far) {
			far = d;
			worst = u;
			at = l + 1;
		}
	}
	if (worst >= 2e-5 && worst <= 5e-2)
		say(r, CHECK_OK, worst, 1e-3, "about 1e-3", "The first update moves each layer's "
		    "weights by a small share of their size (farthest from 1e-3: layer %d, %.2g).", at,
		    worst);
	else if (worst >= 3e-6 && worst <= 0.3)
		say(r, CHECK_WARN, worst, 1e-3, "about 1e-3", "Layer %d's first update is %.2g of "
		    "its weights: the learning rate looks too %s.", at, worst,
		    worst > 1e-3 ? "high" : "low");
	else if (worst == 0)
		say(r, CHECK_FAIL, worst, 1e-3, "about 1e-3", "Layer %d's weights did not move "
		    "(or are all zero): nothing is learning there.", at);
	else
		say(r, CHECK_FAIL, worst, 1e-3, "about 1e-3", "Layer %d's first update is %.2g of "
		    "its weights: the learning rate is far too %s.", at, worst,
		    worst > 1e-3 ? "high" : "low");
}

static void
check_overfit(const struct session_config *cfg, const struct dataset *d,
    struct check_result *r, char **err)
{
	struct dataset head = data_head(d, CHECK_TINY_ROWS);
	struct session_config c = check_cfg(cfg);
	struct session *s;
	double first, last;
	int e;

	c.batch = 0;
	c.dropout = 0;
	c.l2 = 0;
	c.epochs = CHECK_TINY_EPOCHS;
	s = session_new(&c, &head, err);
	if (s == NULL)
		return;
	first = session_evaluate(s, 0, NULL);
	for (e = 0; e < CHECK_TINY_EPOCHS; e++) {
		if (session_step_epoch(s) != SESSION_OK)
			break;
		if (session_evaluate(s, 0, NULL) < 1e-3 * first)
			break;
	}
	last = session_evaluate(s, 0, NULL);
	if (isfinite(last) && (last <= 0.05 * first || last < 1e-3))
		say(r, CHECK_OK, last, 0, "near 0", "On %ld rows the network drives the loss from "
		    "%.3g to %.3g in %d epochs: it can learn.", head.train.n, first, last, e + 1);
	else if (isfinite(last) && last <= 0.3 * first)
		say(r, CHECK_WARN, last, 0, "near 0", "On %ld rows the loss only fell from %.3g to "
		    "%.3g in %d epochs: too little capacity or too small a learning rate.",
		    head.train.n, first, last, e);
	else
		say(r, CHECK_FAIL, last, 0, "near 0", "Even %ld rows cannot be learnt (loss %.3g "
		    "to %.3g in %d epochs): something stops the network from learning.",
		    head.train.n, first, last, e);
	session_free(s);
}

static int
has_act(const struct net *n, int relu)
{
	int l;

	for (l = 0; l + 1 < n->nlayers; l++) {
		enum act a = n->layer[l].act;

		if (relu ? a == ACT_RELU : a == ACT_SIGMOID || a == ACT_TANH)
			return 1;
	}
	return 0;
}

static void
check_dead(struct session *s, struct check_result *r)
{
	double f = session_dead_fraction(s);

	if (!has_act(s->net, 1))
		say(r, CHECK_OK, 0, 0, "0", "No ReLU units: none can die.");
	else if (f <= 0.1)
		say(r, CHECK_OK, f, 0, "0", "%.0f%% of the ReLU units never fired over the first "
		    "epoch.", 100 * f);
	else if (f <= 0.5)
		say(r, CHECK_WARN, f, 0, "0", "%.0f%% of the ReLU units never fired over the first "
		    "epoch: dead ReLUs (lower the learning rate, or try leaky ReLU).", 100 * f);
	else
		say(r, CHECK_FAIL, f, 0, "0", "%.0f%% of the ReLU units never fired over the first "
		    "epoch: most of the network is dead.", 100 * f);
}

static void
check_saturated(struct session *s, struct check_result *r)
{
	double f = session_saturated_fraction(s);

	if (!has_act(s->net, 0))
		say(r, CHECK_OK, 0, 0, "0", "No sigmoid or tanh units: none can saturate.");
	else if (f <= 0.1)
		say(r, CHECK_OK, f, 0, "0", "%.0f%% of the sigmoid/tanh units were saturated over "
		    "the first epoch.", 100 * f);
	else if (f <= 0.5)
		say(r, CHECK_WARN, f, 0, "0", "%.0f%% of the sigmoid/tanh units were saturated: "
		    "their gradients vanish (scale the inputs, or use smaller weights).", 100 * f);
	else
		say(r, CHECK_FAIL, f, 0, "0", "%.0f%% of the sigmoid/tanh units were saturated: "
		    "little gradient gets through.", 100 * f);
}

/* Is unit j of layer l the same as another unit of that layer (incoming
 * weights and bias equal)? */
static int
unit_twin(const struct net *n, int l, int j)
{
	const struct layer *ly = &n->layer[l];
	int k, i;

	for (k = 0; k < ly->out; k++) {
		if (k == j)
			continue;
		const double *a = n->param + ly->w_off + (long)j * ly->in;
		const double *b = n->param + ly->w_off + (long)k * ly->in;

		if (n->param[ly->b_off + j] != n->param[ly->b_off + k])
			continue;
		for (i = 0; i < ly->in && a[i] == b[i]; i++)
			;
		if (i == ly->in)
			return 1;
	}
	return 0;
}

static void
check_symmetry(struct session *s, struct check_result *r)
{
	const struct net *n = s->net;
	int l, j, units = 0, twins = 0;

	for (l = 0; l + 1 < n->nlayers; l++) {
		for (j = 0; j < n->layer[l].out; j++)
			twins += unit_twin(n, l, j);
		units += n->layer[l].out;
	}
	if (units == 0)
		say(r, CHECK_OK, 0, 0, "0", "No hidden layer: nothing to tell apart.");
	else if (twins == 0)
		say(r, CHECK_OK, 0, 0, "0", "After the first epoch every hidden unit differs from "
		    "the others of its layer.");
	else if (2 * twins < units)
		say(r, CHECK_WARN, (double)twins / units, 0, "0", "%d of %d hidden units have an "
		    "identical twin in their layer after the first epoch.", twins, units);
	else
		say(r, CHECK_FAIL, (double)twins / units, 0, "0", "%d of %d hidden units have an "
		    "identical twin in their layer: identical initial weights (zero or constant) "
		    "give identical gradients, so they never become different.", twins, units);
}

int
checks_run(const struct session_config *cfg, const struct dataset *d,
    struct check_result out[CK_COUNT], char **err)
{
	struct session_config c = check_cfg(cfg);
	struct session *s;
	int i;

	*err = NULL;
	memset(out, 0, CK_COUNT * sizeof *out);
	for (i = 0; i < CK_COUNT; i++) {
		out[i].name = check_names[i];
		out[i].value = out[i].expected = NAN;
	}
	c.epochs = 1;
	s = session_new(&c, d, err);
	if (s == NULL)
		return -1;
	check_init_loss(s, &out[CK_INIT_LOSS]);
	session_step_batch(s);
	check_update_ratio(s, &out[CK_UPDATE_RATIO]);
	session_step_epoch(s);
	check_dead(s, &out[CK_DEAD_UNITS]);
	check_saturated(s, &out[CK_SATURATED_UNITS]);
	check_symmetry(s, &out[CK_SYMMETRY]);
	session_free(s);
	check_gradient(cfg, d, &out[CK_GRADIENT_CHECK], err);
	if (*err == NULL)
		check_overfit(cfg, d, &out[CK_OVERFIT_TINY], err);
	return *err ? -1 : 0;
}

/* ------------------------------------------------ the learning rate */

int
lr_line(const struct session *s, double *alpha, double *loss, int n)
{
	const struct net *net = s->net;
	struct net_scratch sc;
	double lr = s->pos.cfg.lr;
	long k;
	int i;

	if (n < 2 || net->n == 0 || s->pos.phase < PHASE_BACKWARD || lr <= 0)
		return 0;
	memset(&sc, 0, sizeof sc);
	if (net_scratch_fit(&sc, net) != 0)
		return 0;
	/* The moved weights live in a copy: the session is only read. */
	for (i = 0; i < n; i++) {
		alpha[i] = lr * pow(10.0, -2.0 + 4.0 * i / (n - 1));
		for (k = 0; k < net->nparams; k++)
			sc.param[k] = net->param[k] - alpha[i] * net->grad[k];
		net_scratch_sync(&sc, net);
		loss[i] = net_evaluate_in(net, &sc, net->x, net->y, net->w, net->n, NULL);
	}
	net_scratch_free(&sc);
	return n;
}

int
lr_range_test(const struct session *s, double lo, double hi, int batches,
    double *lr, double *loss, double *suggested, char **err)
{
	struct session_config c = check_cfg(&s->pos.cfg);
	struct session *t;
	double best = INFINITY, smooth = 0, *sm, steepest = INFINITY;
	int i, n = 0;
	const char *why = NULL;

	*err = NULL;
	*suggested = NAN;
	c.epochs = 1000000;
	c.lr = lo;
	t = session_new(&c, s->data, err);
	if (t == NULL)
		return -1;
	/* A copy of the current weights; the optimizer starts afresh. */
	session_import(t, s->net->param, NULL);
	sm = calloc((size_t)batches, sizeof *sm);
	if (sm == NULL) {
		session_free(t);
		return -1;
	}
	for (i = 0; i < batches; i++) {
		c.lr = lo * pow(hi / lo, (double)i / (batches > 1 ? batches - 1 : 1));
		if (session_configure(t, &c, &why) < 0)
			break;
		if (session_step_batch(t) != SESSION_OK && t->pos.diverged.set)
			break;
		lr[n] = c.lr;
		loss[n] = t->net->batch_loss;
		if (!isfinite(loss[n]))
			break;
		/* An exponential moving average, bias-corrected, as lr_find plots. */
		smooth = 0.98 * smooth + 0.02 * loss[n];
		sm[n] = smooth / (1 - pow(0.98, n + 1));
		if (sm[n] < best)
			best = sm[n];
		n++;
		if (sm[n - 1] > 4 * best)
			break;
	}
	/* The steepest fall of the smoothed loss against log lr, leaving out
	 * the first tenth (the average is still settling) and the last points
	 * (where it blows up), as lr_find does. */
	for (i = n / 10 + 1; i < n - n / 20; i++) {
		double g = (sm[i] - sm[i - 1]) / (log(lr[i]) - log(lr[i - 1]));

		if (g < steepest) {
			steepest = g;
			*suggested = lr[i];
		}
	}
	free(sm);
	session_free(t);
	return n;
}
