/*
 * test_gradcheck.c: every gradient that backpropagation computes, compared
 * with central differences of the batch loss.
 *
 * For each parameter p: g_fd = (L(p + h) - L(p - h)) / (2h) with h = 1e-6,
 * where L is the weighted batch-mean loss plus 0.5 * l2 * sum(W^2) (the
 * gradient adds l2 * W to dW; biases are not decayed). An entry passes when
 * |g - g_fd| / max(|g|, |g_fd|, 1e-8) < 1e-5.
 *
 * Rounding makes g_fd itself uncertain by about eps * |L| / h = 1e-10 |L|, so
 * an entry far smaller than the loss (a vanishing gradient deep in a sigmoid
 * or leaky-ReLU stack, or an exact 0) cannot meet a relative bound. Such an
 * entry passes when |g - g_fd| < 1e-9 * max(1, |L|), ten times that noise;
 * at most a tenth of the entries of a case may pass that way.
 *
 * Kinks (ReLU and leaky ReLU at z = 0, MAE at a = y, hinge at a margin of 0,
 * Huber's switch at |a - y| = 1) make one-sided slopes differ; an entry whose
 * +h or -h evaluation lands on the other side of any kink than the base point
 * is skipped and counted, and most entries must be checked.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/net.h"

#define GC_H 1e-6
#define GC_TOL 1e-5
#define GC_ABS 1e-9
#define GC_ROWS 5
#define GC_INPUTS 3

static const enum act gc_hidden[] = {
	ACT_LINEAR, ACT_SIGMOID, ACT_TANH, ACT_RELU, ACT_LEAKY_RELU, ACT_ELU
};
#define GC_NHIDDEN_ACTS ((int)(sizeof gc_hidden / sizeof *gc_hidden))

/* Every loss with every output activation it can be paired with. */
static const struct gc_pair {
	enum loss loss;
	enum act out;
	int nout;
} gc_pairs[] = {
	{ LOSS_MSE, ACT_LINEAR, 2 }, { LOSS_MSE, ACT_SIGMOID, 2 }, { LOSS_MSE, ACT_TANH, 2 },
	{ LOSS_MSE, ACT_SOFTMAX, 3 },
	{ LOSS_MAE, ACT_LINEAR, 2 }, { LOSS_MAE, ACT_SIGMOID, 2 }, { LOSS_MAE, ACT_TANH, 2 },
	{ LOSS_HUBER, ACT_LINEAR, 2 }, { LOSS_HUBER, ACT_SIGMOID, 2 }, { LOSS_HUBER, ACT_TANH, 2 },
	{ LOSS_HINGE, ACT_LINEAR, 2 }, { LOSS_HINGE, ACT_SIGMOID, 2 }, { LOSS_HINGE, ACT_TANH, 2 },
	{ LOSS_BCE, ACT_SIGMOID, 1 }, { LOSS_BCE, ACT_SIGMOID, 2 },
	{ LOSS_CCE, ACT_SOFTMAX, 3 },
};
#define GC_NPAIRS ((int)(sizeof gc_pairs / sizeof *gc_pairs))

struct gc_result {
	long checked, skipped, failed;
	long floor;		/* passed by the absolute bound only */
	double max_err;		/* worst relative error of a checked entry */
	double max_grad;	/* largest |analytic gradient| */
	long worst;		/* index of the worst entry */
	double worst_an, worst_fd;
	int layer_zero;		/* a layer whose dW is entirely 0 (1-based), or 0 */
};

/* Which side of each kink every relevant quantity is on. */
static void
gc_signature(const struct net *n, char *sig, long *len)
{
	const struct layer *o = &n->layer[n->nlayers - 1];
	long k = 0, i;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		if (ly->act != ACT_RELU && ly->act != ACT_LEAKY_RELU)
			continue;
		for (i = 0; i < n->n * ly->out; i++)
			sig[k++] = ly->z[i] > 0;
	}
	for (i = 0; i < n->n * o->out; i++) {
		double r = o->a[i] - n->y[i];

		switch (n->loss) {
		case LOSS_MAE:
			sig[k++] = (char)((r > 0) - (r < 0));
			break;
		case LOSS_HUBER:
			sig[k++] = fabs(r) <= 1.0;
			break;
		case LOSS_HINGE:
			sig[k++] = 1.0 - (n->y[i] > 0 ? 1.0 : -1.0) * o->a[i] > 0;
			break;
		default:
			break;
		}
	}
	*len = k;
}

static double
gc_l2_term(const struct net *n, double l2)
{
	double s = 0;
	long i;
	int l;

	if (l2 == 0)
		return 0;
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		for (i = 0; i < (long)ly->in * ly->out; i++)
			s += n->param[ly->w_off + i] * n->param[ly->w_off + i];
	}
	return 0.5 * l2 * s;
}

/* The objective at the current parameters; the dropout masks are drawn from a
 * copy of the same generator state every time, so they do not change. */
static double
gc_objective(struct net *n, const struct rng *mask_rng, double l2)
{
	struct rng r = *mask_rng;

	net_sync(n);
	net_forward(n, 1, &r);
	net_loss(n);
	return n->batch_loss + gc_l2_term(n, l2);
}

/*
 * Builds the network, fills a batch (inputs, targets for the loss, weights)
 * and compares the backward pass with central differences.
 */
static void
gc_run(const struct net_shape *sh, uint64_t seed, int weighted, double l2, struct gc_result *res)
{
	struct net *n;
	const char *err = NULL;
	struct rng r, mask_rng;
	double *g, base;
	char *sig, *sigp;
	long siglen, siglen2, i, nout;
	int l;

	memset(res, 0, sizeof *res);
	n = net_new(sh, GC_ROWS, &err);
	ck_assert_msg(n != NULL, "net_new: %s", err ? err : "?");
	nout = net_noutputs(n);
	rng_seed(&r, seed);
	net_init(n, INIT_XAVIER, 0, 0, &r);
	/* small random biases everywhere, so no layer starts symmetric */
	for (l = 0; l < n->nlayers; l++)
		for (i = 0; i < n->layer[l].out; i++)
			n->param[n->layer[l].b_off + i] = 0.4 * rng_uniform(&r) - 0.2;
	net_sync(n);
	n->n = GC_ROWS;
	for (i = 0; i < GC_ROWS * sh->ninputs; i++)
		n->x[i] = 3.0 * rng_uniform(&r) - 1.5;
	for (i = 0; i < GC_ROWS; i++) {
		long j;

		if (sh->out_act == ACT_SOFTMAX) {
			long hot = (long)rng_below(&r, (uint64_t)nout);

			for (j = 0; j < nout; j++)
				n->y[i * nout + j] = j == hot;
		} else {
			for (j = 0; j < nout; j++) {
				double u = rng_uniform(&r);

				if (sh->loss == LOSS_BCE || sh->loss == LOSS_HINGE)
					n->y[i * nout + j] = u < 0.5 ? 0.0 : 1.0;
				else
					/* [-1.5, 2.5): residuals on both sides of Huber's kink */
					n->y[i * nout + j] = 4.0 * u - 1.5;
			}
		}
		n->w[i] = weighted ? 0.2 + 1.8 * rng_uniform(&r) : 1.0;
	}
	mask_rng = r;

	/* the analytic gradient */
	gc_objective(n, &mask_rng, l2);
	net_backward(n, l2);
	g = malloc((size_t)n->nparams * sizeof *g);
	sig = malloc(65536);
	sigp = malloc(65536);
	ck_assert(g != NULL && sig != NULL && sigp != NULL);
	memcpy(g, n->grad, (size_t)n->nparams * sizeof *g);
	gc_signature(n, sig, &siglen);
	base = n->batch_loss;
	ck_assert(isfinite(base));

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		double m = 0;

		for (i = 0; i < (long)ly->in * ly->out; i++)
			m = fmax(m, fabs(g[ly->w_off + i]));
		if (m == 0 && res->layer_zero == 0)
			res->layer_zero = l + 1;
	}
	for (i = 0; i < n->nparams; i++) {
		double keep = n->param[i], lp, lm, step, fd, an = g[i], err_rel;
		int crossed;

		res->max_grad = fmax(res->max_grad, fabs(an));
		n->param[i] = keep + GC_H;
		step = n->param[i];
		lp = gc_objective(n, &mask_rng, l2);
		gc_signature(n, sigp, &siglen2);
		crossed = siglen2 != siglen || memcmp(sig, sigp, (size_t)siglen) != 0;
		n->param[i] = keep - GC_H;
		step -= n->param[i];
		lm = gc_objective(n, &mask_rng, l2);
		gc_signature(n, sigp, &siglen2);
		crossed |= siglen2 != siglen || memcmp(sig, sigp, (size_t)siglen) != 0;
		n->param[i] = keep;
		if (crossed) {
			res->skipped++;
			continue;
		}
		fd = (lp - lm) / step;
		err_rel = fabs(an - fd) / fmax(fmax(fabs(an), fabs(fd)), 1e-8);
		res->checked++;
		if (err_rel >= GC_TOL) {
			if (fabs(an - fd) < GC_ABS * fmax(1.0, fabs(base)))
				res->floor++;
			else
				res->failed++;
		}
		if (err_rel > res->max_err || res->checked == 1) {
			res->max_err = err_rel;
			res->worst = i;
			res->worst_an = an;
			res->worst_fd = fd;
		}
	}
	net_sync(n);
	free(g);
	free(sig);
	free(sigp);
	net_free(n);
}

static void
gc_shape(struct net_shape *sh, int nhidden, const enum act *hid, const struct gc_pair *p)
{
	static const int sizes[] = { 4, 5, 3 };
	int l;

	memset(sh, 0, sizeof *sh);
	sh->ninputs = GC_INPUTS;
	sh->nhidden = nhidden;
	for (l = 0; l < nhidden; l++) {
		sh->hidden[l] = sizes[l];
		sh->hidden_act[l] = hid[l];
	}
	sh->out_act = p->out;
	sh->noutputs = p->nout;
	sh->alpha = ACT_LEAKY_ALPHA;
	sh->loss = p->loss;
}

static void
gc_expect(const struct net_shape *sh, const char *what, const struct gc_result *res)
{
	long total = res->checked + res->skipped;

	ck_assert_msg(res->failed == 0,
	    "%s: %ld of %ld entries off; worst rel err %.3g at param %ld (backprop %.17g, fd %.17g)",
	    what, res->failed, res->checked, res->max_err, res->worst, res->worst_an,
	    res->worst_fd);
	ck_assert_msg(res->checked * 10 >= total * 9, "%s: only %ld of %ld entries checked",
	    what, res->checked, total);
	ck_assert_msg(res->floor * 10 <= res->checked,
	    "%s: %ld of %ld entries pass only by the absolute bound", what, res->floor,
	    res->checked);
	ck_assert_msg(res->max_grad > 1e-6, "%s: the gradient is all zero (max %g)", what,
	    res->max_grad);
	(void)sh;
}

/* One loss/output pair with one hidden activation, at every depth from 1 to 4
 * layers, with uniform and with non-uniform sample weights and L2. */
START_TEST(test_gc_pair_act)
{
	const struct gc_pair *p = &gc_pairs[_i / GC_NHIDDEN_ACTS];
	enum act a = gc_hidden[_i % GC_NHIDDEN_ACTS];
	enum act hid[3] = { a, a, a };
	struct net_shape sh;
	struct gc_result res;
	int depth, setting;
	char what[160];

	for (depth = 0; depth <= 3; depth++) {
		/* the network without hidden layers has no hidden activation */
		if (depth == 0 && a != ACT_LINEAR)
			continue;
		for (setting = 0; setting < 2; setting++) {
			double l2 = setting ? 0.1 : 0.0;

			gc_shape(&sh, depth, hid, p);
			gc_run(&sh, 1000 + (uint64_t)_i * 16 + (uint64_t)depth * 2 + (uint64_t)setting,
			    setting, l2, &res);
			snprintf(what, sizeof what, "%s+%s/%d, %d x %s, %s, l2 %g",
			    loss_name(p->loss), act_name(p->out), p->nout, depth, act_name(a),
			    setting ? "weighted" : "unweighted", l2);
			gc_expect(&sh, what, &res);
		}
	}
}
END_TEST

/* Deep networks that mix every hidden activation. */
START_TEST(test_gc_mixed)
{
	static const enum act mixes[][3] = {
		{ ACT_RELU, ACT_TANH, ACT_SIGMOID }, { ACT_ELU, ACT_LEAKY_RELU, ACT_LINEAR },
		{ ACT_SIGMOID, ACT_RELU, ACT_ELU }, { ACT_TANH, ACT_LINEAR, ACT_LEAKY_RELU },
	};
	struct net_shape sh;
	struct gc_result res;
	int m, p;
	char what[160];

	for (m = 0; m < 4; m++) {
		for (p = 0; p < GC_NPAIRS; p++) {
			gc_shape(&sh, 3, mixes[m], &gc_pairs[p]);
			gc_run(&sh, 7000 + (uint64_t)(m * GC_NPAIRS + p), 1, 0.03, &res);
			snprintf(what, sizeof what, "%s+%s, %s-%s-%s", loss_name(gc_pairs[p].loss),
			    act_name(gc_pairs[p].out), act_name(mixes[m][0]), act_name(mixes[m][1]),
			    act_name(mixes[m][2]));
			gc_expect(&sh, what, &res);
		}
	}
}
END_TEST

/* With dropout the function is still differentiable for fixed masks: the
 * backward pass must go through the same masks. */
START_TEST(test_gc_dropout)
{
	static const enum act hid[3] = { ACT_TANH, ACT_RELU, ACT_SIGMOID };
	struct net_shape sh;
	struct gc_result res;
	int p;
	char what[160];

	for (p = 0; p < GC_NPAIRS; p++) {
		gc_shape(&sh, 3, hid, &gc_pairs[p]);
		sh.hidden[0] = 8;
		sh.hidden[1] = 8;
		sh.dropout = 0.5;
		gc_run(&sh, 9000 + (uint64_t)p, p % 2, 0.0, &res);
		snprintf(what, sizeof what, "dropout 0.5, %s+%s", loss_name(gc_pairs[p].loss),
		    act_name(gc_pairs[p].out));
		gc_expect(&sh, what, &res);
	}
}
END_TEST

/* A check of the check: a wrong gradient must be caught. */
START_TEST(test_gc_detects_error)
{
	struct net_shape sh;
	struct net *n;
	const char *err;
	struct rng r;
	double an, lp, lm, step, keep;
	int i;

	gc_shape(&sh, 1, gc_hidden + 2, &gc_pairs[0]);
	n = net_new(&sh, GC_ROWS, &err);
	ck_assert_ptr_nonnull(n);
	rng_seed(&r, 5);
	net_init(n, INIT_XAVIER, 0, 0, &r);
	n->n = GC_ROWS;
	for (i = 0; i < GC_ROWS * GC_INPUTS; i++)
		n->x[i] = rng_uniform(&r) - 0.5;
	for (i = 0; i < GC_ROWS * 2; i++)
		n->y[i] = rng_uniform(&r);
	for (i = 0; i < GC_ROWS; i++)
		n->w[i] = 1;
	net_forward(n, 1, &r);
	net_loss(n);
	net_backward(n, 0.0);
	/* the gradient of the loss alone, while the objective includes L2 = 1:
	 * the difference is W itself, far above the tolerance */
	an = n->grad[0];
	keep = n->param[0];
	n->param[0] = keep + GC_H;
	step = n->param[0];
	lp = gc_objective(n, &r, 1.0);
	n->param[0] = keep - GC_H;
	step -= n->param[0];
	lm = gc_objective(n, &r, 1.0);
	n->param[0] = keep;
	ck_assert(fabs(an - (lp - lm) / step) / fmax(fabs(an), fabs((lp - lm) / step)) > GC_TOL);
	net_free(n);
}
END_TEST

/*
 * dL/dz of the output layer for the fused pairs (sigmoid + BCE and softmax +
 * CCE), against central differences in z: the output's a is recomputed from
 * the perturbed z and the loss taken through net_loss.
 */
static void
gc_dz_check(enum loss loss, enum act out, int nout, uint64_t seed)
{
	struct net_shape sh;
	struct net *n;
	struct layer *o;
	const char *err;
	struct rng r;
	double dz[GC_ROWS * 3], maxg = 0;
	long i, m;

	memset(&sh, 0, sizeof sh);
	sh.ninputs = 2;
	sh.nhidden = 1;
	sh.hidden[0] = 3;
	sh.hidden_act[0] = ACT_TANH;
	sh.out_act = out;
	sh.noutputs = nout;
	sh.loss = loss;
	n = net_new(&sh, GC_ROWS, &err);
	ck_assert_ptr_nonnull(n);
	rng_seed(&r, seed);
	net_init(n, INIT_UNIFORM, 2.0, 0.3, &r);
	n->n = GC_ROWS;
	for (i = 0; i < GC_ROWS * 2; i++)
		n->x[i] = 4.0 * rng_uniform(&r) - 2.0;
	for (i = 0; i < GC_ROWS; i++) {
		long j, hot = (long)rng_below(&r, (uint64_t)nout);

		for (j = 0; j < nout; j++)
			n->y[i * nout + j] = loss == LOSS_BCE ? (double)(rng_uniform(&r) < 0.5) :
			    (double)(j == hot);
		n->w[i] = 0.5 + rng_uniform(&r);
	}
	o = &n->layer[1];
	m = GC_ROWS * nout;
	net_forward(n, 1, &r);
	net_loss(n);
	net_backward(n, 0.0);
	memcpy(dz, o->dz, (size_t)m * sizeof *dz);
	for (i = 0; i < m; i++) {
		double keep = o->z[i], lp, lm, step, fd;

		o->z[i] = keep + GC_H;
		step = o->z[i];
		act_forward(out, 0, o->z, o->a, n->n, nout);
		net_loss(n);
		lp = n->batch_loss;
		o->z[i] = keep - GC_H;
		step -= o->z[i];
		act_forward(out, 0, o->z, o->a, n->n, nout);
		net_loss(n);
		lm = n->batch_loss;
		o->z[i] = keep;
		fd = (lp - lm) / step;
		ck_assert_msg(fabs(dz[i] - fd) / fmax(fmax(fabs(dz[i]), fabs(fd)), 1e-8) < GC_TOL,
		    "%s+%s dL/dz[%ld] = %.17g, fd %.17g", loss_name(loss), act_name(out), i, dz[i], fd);
		maxg = fmax(maxg, fabs(dz[i]));
	}
	ck_assert(maxg > 1e-6);
	/* the closed forms: w_i (p - y) / (n * width) and w_i (p - y) / n */
	act_forward(out, 0, o->z, o->a, n->n, nout);
	for (i = 0; i < m; i++) {
		ck_assert_double_eq_tol(dz[i], n->w[i / nout] * (o->a[i] - n->y[i]) /
		    (GC_ROWS * (loss == LOSS_BCE ? nout : 1)), 1e-15);
	}
	net_free(n);
}

START_TEST(test_gc_output_dz)
{
	gc_dz_check(LOSS_BCE, ACT_SIGMOID, 1, 11);
	gc_dz_check(LOSS_BCE, ACT_SIGMOID, 3, 12);
	gc_dz_check(LOSS_CCE, ACT_SOFTMAX, 3, 13);
	gc_dz_check(LOSS_CCE, ACT_SOFTMAX, 2, 14);
}
END_TEST

Suite *
gradcheck_suite(void)
{
	Suite *s = suite_create("gradcheck");
	TCase *tc = tcase_create("gradcheck");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_gc_pair_act, 0, GC_NPAIRS * GC_NHIDDEN_ACTS);
	tcase_add_test(tc, test_gc_mixed);
	tcase_add_test(tc, test_gc_dropout);
	tcase_add_test(tc, test_gc_detects_error);
	tcase_add_test(tc, test_gc_output_dz);
	suite_add_tcase(s, tc);
	return s;
}
