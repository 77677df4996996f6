/*
 * test_session.c: the training session: phases and counters, determinism, a
 * known answer on XOR, rewind, divergence, dead and saturated units, early
 * stopping, learning-rate reduction, L2 and dropout.
 *
 * The data sets are built by hand here, so these tests depend on the data
 * layer only for struct dataset and the metrics of the validation split.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/kernels.h"
#include "engine/session.h"
#include "fixtures.h"

/* ------------------------------------------------------------ data sets */

static double xor_x[8] = { 0, 0, 0, 1, 1, 0, 1, 1 };
static double xor_y[4] = { 0, 1, 1, 0 };
static double xor_w[4] = { 1, 1, 1, 1 };
static int xor_label[4] = { 0, 1, 1, 0 };

static void
xor_data(struct dataset *d)
{
	int i;

	memset(d, 0, sizeof *d);
	d->name = "xor";
	d->ninputs = 2;
	d->noutputs = 1;
	d->task = TASK_BINARY;
	d->train.n = 4;
	d->train.x = xor_x;
	d->train.y = xor_y;
	d->train.w = xor_w;
	d->train.label = xor_label;
	for (i = 0; i < 64; i++)
		d->class_weight[i] = 1;
}

/* A data set with its own arrays. */
struct tset {
	struct dataset d;
	void *mem[8];
};

static void
tset_split(struct tset *t, struct split *sp, long n, int k)
{
	sp->n = n;
	sp->x = t->mem[k] = calloc((size_t)(n > 0 ? n : 1) * t->d.ninputs, sizeof(double));
	sp->y = t->mem[k + 1] = calloc((size_t)(n > 0 ? n : 1) * t->d.noutputs, sizeof(double));
	sp->w = t->mem[k + 2] = calloc((size_t)(n > 0 ? n : 1), sizeof(double));
	sp->label = t->mem[k + 3] = calloc((size_t)(n > 0 ? n : 1), sizeof(int));
	ck_assert(sp->x && sp->y && sp->w && sp->label);
}

static void
tset_init(struct tset *t, int nin, int nout, enum task task, long ntrain, long nval)
{
	int i;

	memset(t, 0, sizeof *t);
	t->d.name = "test";
	t->d.ninputs = nin;
	t->d.noutputs = nout;
	t->d.task = task;
	tset_split(t, &t->d.train, ntrain, 0);
	tset_split(t, &t->d.val, nval, 4);
	for (i = 0; i < 64; i++)
		t->d.class_weight[i] = 1;
}

static void
tset_free(struct tset *t)
{
	int i;

	for (i = 0; i < 8; i++)
		free(t->mem[i]);
}

/*
 * Two classes by the sign of x1 on [-2, 2]^2: 40 training rows with the true
 * labels, 20 validation rows of which 20% have the label flipped. Training
 * makes the network ever more confident, so the validation loss first falls
 * and then rises: overfitting to watch.
 */
static void
noisy_data(struct tset *t)
{
	struct rng r;
	long i;

	tset_init(t, 2, 1, TASK_BINARY, 40, 20);
	rng_seed(&r, 77);
	for (i = 0; i < 40; i++) {
		t->d.train.x[2 * i] = 4 * rng_uniform(&r) - 2;
		t->d.train.x[2 * i + 1] = 4 * rng_uniform(&r) - 2;
		t->d.train.y[i] = t->d.train.x[2 * i] > 0;
		t->d.train.label[i] = (int)t->d.train.y[i];
		t->d.train.w[i] = 1;
	}
	for (i = 0; i < 20; i++) {
		t->d.val.x[2 * i] = 4 * rng_uniform(&r) - 2;
		t->d.val.x[2 * i + 1] = 4 * rng_uniform(&r) - 2;
		t->d.val.y[i] = (t->d.val.x[2 * i] > 0) ^ (i % 10 < 2);
		t->d.val.label[i] = (int)t->d.val.y[i];
		t->d.val.w[i] = 1;
	}
}

static struct session *
new_session(const struct session_config *c, const struct dataset *d)
{
	char *err = NULL;
	struct session *s = session_new(c, d, &err);

	ck_assert_msg(s != NULL, "session_new: %s", err ? err : "?");
	return s;
}

static int
all_finite(const double *x, long n)
{
	long i;

	for (i = 0; i < n; i++)
		if (!isfinite(x[i]))
			return 0;
	return 1;
}

/* --------------------------------------------------- state captures */

/* Everything a learner can see of a session at one moment, as named
 * sections of doubles compared bit for bit. */
#define CAP_MAX_SEC 128

struct cap {
	double *v;
	long len, cap;
	int nsec;
	char name[CAP_MAX_SEC][24];
	long off[CAP_MAX_SEC + 1];
};

static void
cap_put(struct cap *c, const char *name, const void *src, long ndoubles)
{
	ck_assert(c->nsec < CAP_MAX_SEC);
	if (c->len + ndoubles > c->cap) {
		c->cap = (c->len + ndoubles) * 2 + 64;
		c->v = realloc(c->v, (size_t)c->cap * sizeof(double));
		ck_assert_ptr_nonnull(c->v);
	}
	snprintf(c->name[c->nsec], sizeof c->name[0], "%s", name);
	c->off[c->nsec] = c->len;
	if (ndoubles > 0)
		memcpy(c->v + c->len, src, (size_t)ndoubles * sizeof(double));
	c->len += ndoubles;
	c->off[++c->nsec] = c->len;
}

static void
cap_num(struct cap *c, const char *name, double x)
{
	cap_put(c, name, &x, 1);
}

static void
cap_free(struct cap *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* The parts of the state that a phase has produced for the current batch.
 * all: also the buffers of later phases (left from earlier batches). */
static void
cap_take(struct cap *c, const struct session *s, int all)
{
	const struct net *n = s->net;
	const struct session_pos *p = &s->pos;
	enum phase ph = p->phase;
	char nm[24];
	double rng[8];
	long i;
	int l;

	memset(c, 0, sizeof *c);
	cap_num(c, "phase_count", (double)p->phase_count);
	cap_num(c, "phase", ph);
	cap_num(c, "epoch", p->epoch);
	cap_num(c, "batch", (double)p->batch);
	cap_num(c, "step", (double)p->step);
	memcpy(rng, &p->rng, sizeof p->rng);
	memcpy(rng + 4, &p->epoch_rng, sizeof p->epoch_rng);
	cap_put(c, "rng", rng, 8);
	cap_num(c, "finished", p->finished);
	cap_num(c, "diverged", p->diverged.set);
	cap_num(c, "nepochs", p->nepochs);
	cap_num(c, "nevents", p->nevents);
	cap_num(c, "nbatch_loss", (double)p->nbatch_loss);
	cap_num(c, "best_epoch", p->best_epoch);
	cap_num(c, "best_loss", p->best_loss);
	cap_num(c, "lr", p->cfg.lr);
	cap_num(c, "loss_sum", p->loss_sum);
	cap_put(c, "param", n->param, n->nparams);
	cap_put(c, "arena", s->arena, s->arena_len);
	cap_num(c, "batch_n", (double)s->batch_n);
	for (i = 0; i < s->batch_n; i++)
		cap_num(c, "row", (double)session_train_row(s, i));
	if (ph == PHASE_NONE)
		return;
	cap_put(c, "x", n->x, n->n * n->ninputs);
	cap_put(c, "y", n->y, n->n * net_noutputs(n));
	cap_put(c, "w", n->w, n->n);
	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		const struct layer_diag *dg = session_layer_diag(s, l);
		double hist[SESSION_HIST_BINS];
		int b;

		snprintf(nm, sizeof nm, "z[%d]", l + 1);
		cap_put(c, nm, ly->z, n->n * ly->out);
		snprintf(nm, sizeof nm, "a[%d]", l + 1);
		cap_put(c, nm, ly->a, n->n * ly->out);
		if (ly->mask != NULL && ly->dropout > 0) {
			snprintf(nm, sizeof nm, "mask[%d]", l + 1);
			cap_put(c, nm, ly->mask, n->n * ly->out);
		}
		snprintf(nm, sizeof nm, "diag.fwd[%d]", l + 1);
		cap_num(c, nm, dg->act_mean);
		cap_num(c, nm, dg->act_std);
		cap_num(c, nm, dg->inactive_batch);
		for (b = 0; b < SESSION_HIST_BINS; b++)
			hist[b] = dg->hist[b];
		cap_put(c, nm, hist, SESSION_HIST_BINS);
		cap_num(c, nm, dg->dead_fraction);
		cap_num(c, nm, dg->saturated_fraction);
		if (ph >= PHASE_BACKWARD || all) {
			snprintf(nm, sizeof nm, "da[%d]", l + 1);
			cap_put(c, nm, ly->da, n->n * ly->out);
			snprintf(nm, sizeof nm, "dz[%d]", l + 1);
			cap_put(c, nm, ly->dz, n->n * ly->out);
			snprintf(nm, sizeof nm, "diag.bwd[%d]", l + 1);
			cap_num(c, nm, dg->grad_rms);
			cap_num(c, nm, dg->dz_rms);
		}
		if (ph >= PHASE_UPDATE || all) {
			snprintf(nm, sizeof nm, "diag.upd[%d]", l + 1);
			cap_num(c, nm, dg->update_ratio);
		}
	}
	if (ph >= PHASE_LOSS || all) {
		cap_put(c, "sample_loss", n->sample_loss, n->n);
		cap_num(c, "batch_loss", n->batch_loss);
	}
	if (ph >= PHASE_BACKWARD || all)
		cap_put(c, "grad", n->grad, n->nparams);
	if (ph >= PHASE_UPDATE || all) {
		cap_put(c, "prev_param", s->prev_param, n->nparams);
		cap_put(c, "delta", s->delta, n->nparams);
	}
}

/* NULL when equal bit for bit, else the name of the first section that differs. */
static const char *
cap_diff(const struct cap *a, const struct cap *b)
{
	int i;

	if (a->nsec != b->nsec || a->len != b->len)
		return "layout";
	for (i = 0; i < a->nsec; i++) {
		long o = a->off[i], m = a->off[i + 1] - o;

		if (strcmp(a->name[i], b->name[i]) != 0 || b->off[i + 1] - b->off[i] != m)
			return "layout";
		if (m > 0 && memcmp(a->v + o, b->v + o, (size_t)m * sizeof(double)) != 0)
			return a->name[i];
	}
	return NULL;
}

/* ------------------------------------------------------------ observer */

struct rec {
	int what[4096];
	int nwhat;
	long nparams;
	int max_epoch;
	double *param;		/* (max_epoch + 1) x nparams: weights at each epoch's end */
	int *have;
	int restore_seen, restore_equal, early_seen, finished_seen;
	int last_phase;		/* the last phase reported */
};

static void
rec_init(struct rec *r, long nparams, int max_epoch)
{
	memset(r, 0, sizeof *r);
	r->nparams = nparams;
	r->max_epoch = max_epoch;
	r->param = calloc((size_t)(max_epoch + 1) * nparams, sizeof(double));
	r->have = calloc((size_t)max_epoch + 1, sizeof(int));
	ck_assert(r->param && r->have);
}

static void
rec_free(struct rec *r)
{
	free(r->param);
	free(r->have);
}

static void
rec_observer(struct session *s, int what, void *user)
{
	struct rec *r = user;

	if (r->nwhat < 4096)
		r->what[r->nwhat++] = what;
	if (what < SESSION_EVENT_BASE)
		r->last_phase = what;
	if (what == PHASE_UPDATE && s->pos.batch == s->nbatches - 1 &&
	    s->pos.epoch <= r->max_epoch && r->param != NULL) {
		memcpy(r->param + (long)s->pos.epoch * r->nparams, s->net->param,
		    (size_t)r->nparams * sizeof(double));
		r->have[s->pos.epoch] = 1;
	}
	if (what == SESSION_EVENT_BASE + EV_EARLY_STOP)
		r->early_seen = 1;
	if (what == SESSION_EVENT_BASE + EV_FINISHED)
		r->finished_seen = 1;
	if (what == SESSION_EVENT_BASE + EV_RESTORE && r->param != NULL) {
		int b = s->pos.best_epoch;

		r->restore_seen = 1;
		r->restore_equal = b >= 1 && b <= r->max_epoch && r->have[b] &&
		    memcmp(r->param + (long)b * r->nparams, s->net->param,
		    (size_t)r->nparams * sizeof(double)) == 0;
	}
}

/* -------------------------------------------------- phases and counters */

START_TEST(test_phases_in_order)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	struct rec r;
	int k, seen[4];

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.epochs = 3;
	s = new_session(&c, &d);
	rec_init(&r, s->net->nparams, 3);
	session_set_observer(s, rec_observer, &r);
	ck_assert_int_eq(s->nbatches, 2);
	ck_assert_int_eq(s->batch_size, 2);
	ck_assert_int_eq(s->pos.phase, PHASE_NONE);
	ck_assert_int_eq(s->pos.phase_count, 0);
	ck_assert_int_eq(s->pos.epoch, 1);
	ck_assert_int_eq(s->pos.batch, 0);
	ck_assert_str_eq(phase_name(PHASE_NONE), "ready");
	ck_assert_str_eq(phase_name(PHASE_BACKWARD), "backward");
	for (k = 1; k <= 24; k++) {
		long i;

		ck_assert_int_eq(session_step(s), SESSION_OK);
		ck_assert_int_eq(s->pos.phase, (k - 1) % 4 + 1);
		ck_assert_int_eq(s->pos.phase_count, k);
		ck_assert_int_eq(s->pos.epoch, (k - 1) / 8 + 1);
		ck_assert_int_eq(s->pos.batch, ((k - 1) / 4) % 2);
		ck_assert_int_eq(s->pos.step, k / 4);
		ck_assert_int_eq(s->pos.nepochs, k / 8);
		ck_assert_int_eq(s->batch_n, 2);
		ck_assert_int_eq(r.last_phase, (k - 1) % 4 + 1);
		/* the batch's inputs are the rows it names */
		for (i = 0; i < 2; i++) {
			long row = session_train_row(s, i);

			ck_assert(row >= 0 && row < 4);
			ck_assert(s->net->x[2 * i] == xor_x[2 * row]);
			ck_assert(s->net->x[2 * i + 1] == xor_x[2 * row + 1]);
			ck_assert(s->net->y[i] == xor_y[row]);
		}
		/* the two batches of an epoch cover the four rows once */
		if (k % 8 == 1)
			memset(seen, 0, sizeof seen);
		if (k % 4 == 1)
			for (i = 0; i < 2; i++)
				seen[session_train_row(s, i)]++;
		if (k % 8 == 0)
			ck_assert(seen[0] == 1 && seen[1] == 1 && seen[2] == 1 && seen[3] == 1);
	}
	ck_assert(s->pos.finished);
	ck_assert_int_eq(s->epochs[2].epoch, 3);
	ck_assert_int_eq(session_last_event(s)->kind, EV_FINISHED);
	ck_assert_int_eq(r.what[r.nwhat - 1], SESSION_EVENT_BASE + EV_FINISHED);
	ck_assert_int_eq(session_step(s), SESSION_FINISHED);
	ck_assert_int_eq(s->pos.phase_count, 24);
	/* the observer heard each phase once, in order; events come only
	 * between the update that ends an epoch and the next forward */
	{
		int i, nph = 0;

		for (i = 0; i < r.nwhat; i++) {
			if (r.what[i] < SESSION_EVENT_BASE) {
				ck_assert_int_eq(r.what[i], nph % 4 + 1);
				nph++;
			} else {
				ck_assert(nph % 8 == 0 && nph > 0);
			}
		}
		ck_assert_int_eq(nph, 24);
		ck_assert(r.nwhat > 24);
	}
	session_free(s);
	rec_free(&r);
}
END_TEST

START_TEST(test_uneven_batches)
{
	struct dataset d;
	struct session_config c;
	struct session *s;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 3;	/* 3 + 1 rows */
	s = new_session(&c, &d);
	ck_assert_int_eq(s->nbatches, 2);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(s->batch_n, 3);
	ck_assert_int_eq(s->pos.phase, PHASE_UPDATE);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(s->batch_n, 1);
	ck_assert_int_eq(s->net->n, 1);
	ck_assert_int_eq(s->pos.nepochs, 1);
	/* the epoch's loss is the mean over its four samples */
	ck_assert(isfinite(s->epochs[0].loss));
	session_free(s);

	c.batch = 0;	/* the whole set */
	s = new_session(&c, &d);
	ck_assert_int_eq(s->nbatches, 1);
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(s->batch_n, 4);
	ck_assert_int_eq(s->pos.phase_count, 4);
	ck_assert_int_eq(s->pos.epoch, 1);
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(s->pos.epoch, 2);
	ck_assert_int_eq(s->pos.phase_count, 8);
	session_free(s);
}
END_TEST

START_TEST(test_step_batch_and_epoch)
{
	struct dataset d;
	struct session_config c;
	struct session *s;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 1;	/* 4 batches per epoch */
	s = new_session(&c, &d);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	/* from the middle of a batch to its end */
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(s->pos.phase, PHASE_UPDATE);
	ck_assert_int_eq(s->pos.phase_count, 4);
	ck_assert_int_eq(s->pos.batch, 0);
	/* to the end of the epoch */
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(s->pos.phase_count, 16);
	ck_assert_int_eq(s->pos.batch, 3);
	ck_assert_int_eq(s->pos.epoch, 1);
	ck_assert_int_eq(s->pos.nepochs, 1);
	/* a whole next epoch */
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(s->pos.phase_count, 32);
	ck_assert_int_eq(s->pos.epoch, 2);
	ck_assert_int_eq(s->pos.nepochs, 2);
	ck_assert_int_eq(s->pos.step, 8);
	session_free(s);
}
END_TEST

/* The session's update is the optimizer's rule applied to the gradient it
 * shows: Adam's first step, computed again here from prev_param and grad. */
START_TEST(test_update_uses_optimizer)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	double w[64], m[64] = { 0 }, v[64] = { 0 }, delta[64];
	long np;

	xor_data(&d);
	session_config_default(&c);
	c.optimizer = OPT_ADAM;
	c.lr = 0.01;
	s = new_session(&c, &d);
	np = s->net->nparams;
	ck_assert(np <= 64);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	memcpy(w, s->prev_param, (size_t)np * sizeof *w);
	optim_step(OPT_ADAM, 0.01, np, w, s->net->grad, m, v, 1, delta);
	ck_assert(memcmp(w, s->net->param, (size_t)np * sizeof *w) == 0);
	ck_assert(memcmp(delta, s->delta, (size_t)np * sizeof *w) == 0);
	ck_assert(memcmp(m, s->opt_m, (size_t)np * sizeof *w) == 0);
	ck_assert(memcmp(v, s->opt_v, (size_t)np * sizeof *w) == 0);
	/* the forward pass uses the updated weights (W^T kept in step) */
	ck_assert_int_eq(session_step(s), SESSION_OK);
	{
		struct net *n = s->net;
		double z = n->param[n->layer[0].b_off];
		long row = session_train_row(s, 0);

		z += n->param[0] * xor_x[2 * row] + n->param[1] * xor_x[2 * row + 1];
		ck_assert_double_eq_tol(n->layer[0].z[0], z, 1e-15);
	}
	session_free(s);
}
END_TEST

/* ---------------------------------------------------------- determinism */

static struct session *
run_epochs(const struct dataset *d, uint64_t seed, int epochs)
{
	struct session_config c;
	struct session *s;
	int e;

	session_config_default(&c);
	c.batch = 2;
	c.optimizer = OPT_ADAM;
	c.lr = 0.02;
	c.dropout = 0.2;
	c.hidden[0] = 6;
	c.seed = seed;
	c.epochs = epochs;
	s = new_session(&c, d);
	for (e = 0; e < epochs; e++)
		ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	return s;
}

/* A session that keeps no copy of the last update (headless) finds the same
 * update ratios, bit for bit, as one that keeps it (the terminal UI): with
 * each optimizer, layers of more than a block and not a multiple of 8, and
 * with updates so large that their squares overflow (the scaled sums). */
static void
same_updates(enum optim o, double lr, int *overflowed)
{
	struct dataset d;
	struct session_config c;
	struct session *a, *b;
	int k, l;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.optimizer = o;
	c.lr = lr;
	c.hidden[0] = 301;
	c.seed = 9;
	c.epochs = 4;
	a = new_session(&c, &d);
	b = new_session(&c, &d);
	ck_assert_int_eq(session_keep_updates(b, 0, 0), 0);
	ck_assert_ptr_null(b->prev_param);
	ck_assert_ptr_null(b->delta);
	ck_assert_ptr_nonnull(a->delta);
	for (k = 0; k < 6; k++) {
		int ra = session_step_batch(a), rb = session_step_batch(b);

		ck_assert_int_eq(ra, rb);
		ck_assert(memcmp(a->net->param, b->net->param,
		    (size_t)a->net->nparams * sizeof(double)) == 0);
		for (l = 0; l < a->net->nlayers; l++) {
			double ua = session_layer_diag(a, l)->update_ratio;
			double ub = session_layer_diag(b, l)->update_ratio;

			ck_assert_msg(memcmp(&ua, &ub, sizeof ua) == 0,
			    "optimizer %d batch %d layer %d: %.17g kept, %.17g in blocks", o, k, l,
			    ua, ub);
			if (l == 0 && ua > 0 && isfinite(ua) && k == 0)
				*overflowed |= !isfinite(kern_sum8(a->delta, 2 * 301, 0, 1));
		}
		if (ra != SESSION_OK)
			break;
	}
	session_free(a);
	session_free(b);
}

/* The weights and the weights before the update take turns in two
 * buffers: prev_param holds exactly the weights before each update, and
 * dropping it after an odd number of updates (the weights then in the
 * second buffer) keeps the weights, and training goes on bit for bit. */
START_TEST(test_prev_param_turns)
{
	struct dataset d;
	struct session_config c;
	struct session *a, *b;
	double before[64];
	int k;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.seed = 4;
	a = new_session(&c, &d);
	b = new_session(&c, &d);
	ck_assert_int_le(a->net->nparams, 64);
	for (k = 0; k < 3; k++) {
		memcpy(before, a->net->param, (size_t)a->net->nparams * sizeof(double));
		ck_assert_int_eq(session_step_batch(a), SESSION_OK);
		ck_assert_int_eq(session_step_batch(b), SESSION_OK);
		ck_assert(memcmp(a->prev_param, before,
		    (size_t)a->net->nparams * sizeof(double)) == 0);
		ck_assert(a->net->param != a->prev_param);
	}
	/* three updates: the weights are in the buffer prev_param started in */
	ck_assert_ptr_eq(a->prev_param, a->net->param_block);
	ck_assert_int_eq(session_keep_updates(a, 0, 1), 0);
	ck_assert_ptr_null(a->prev_param);
	ck_assert_ptr_eq(a->net->param, a->net->param_block);
	ck_assert(memcmp(a->net->param, b->net->param,
	    (size_t)a->net->nparams * sizeof(double)) == 0);
	for (k = 0; k < 4; k++) {
		ck_assert_int_eq(session_step_batch(a), SESSION_OK);
		ck_assert_int_eq(session_step_batch(b), SESSION_OK);
		ck_assert(memcmp(a->net->param, b->net->param,
		    (size_t)a->net->nparams * sizeof(double)) == 0);
	}
	/* kept again: zero until the next update, then the weights before it */
	ck_assert_int_eq(session_keep_updates(a, 1, 1), 0);
	memcpy(before, a->net->param, (size_t)a->net->nparams * sizeof(double));
	ck_assert_int_eq(session_step_batch(a), SESSION_OK);
	ck_assert(memcmp(a->prev_param, before, (size_t)a->net->nparams * sizeof(double)) == 0);
	session_free(a);
	session_free(b);
}
END_TEST

START_TEST(test_update_ratio_without_delta)
{
	int o, overflowed = 0;

	for (o = OPT_SGD; o <= OPT_ADAM; o++)
		same_updates(o, 0.05, &overflowed);
	ck_assert_int_eq(overflowed, 0);
	same_updates(OPT_SGD, 1e200, &overflowed);
	ck_assert_msg(overflowed, "the large update did not reach the scaled sums");
}
END_TEST

START_TEST(test_determinism)
{
	struct dataset d;
	struct session *a, *b, *c;
	size_t bytes;
	int e;

	xor_data(&d);
	a = run_epochs(&d, 5, 30);
	b = run_epochs(&d, 5, 30);
	c = run_epochs(&d, 6, 30);
	bytes = (size_t)a->net->nparams * sizeof(double);
	ck_assert(memcmp(a->net->param, b->net->param, bytes) == 0);
	ck_assert(memcmp(a->arena, b->arena, (size_t)a->arena_len * sizeof(double)) == 0);
	for (e = 0; e < 30; e++)
		ck_assert(memcmp(&a->epochs[e].loss, &b->epochs[e].loss, sizeof(double)) == 0);
	ck_assert(memcmp(a->net->param, c->net->param, bytes) != 0);
	ck_assert(a->epochs[0].loss != c->epochs[0].loss);
	/* reset to the same seed replays the same run */
	session_reset(c, 5);
	ck_assert_int_eq(c->pos.phase_count, 0);
	for (e = 0; e < 30; e++)
		ck_assert_int_eq(session_step_epoch(c), SESSION_OK);
	ck_assert(memcmp(a->net->param, c->net->param, bytes) == 0);
	session_free(a);
	session_free(b);
	session_free(c);
}
END_TEST

/* A run exported mid-epoch and imported into a fresh session continues bit
 * for bit like the run that was never stopped, even when exported in the
 * middle of a batch (the batch is redone). */
START_TEST(test_export_import_resumes)
{
	struct dataset d;
	struct session_config c;
	struct session *a, *b;
	struct session_state st;
	size_t bytes;
	int i;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.optimizer = OPT_ADAM;
	c.lr = 0.02;
	c.dropout = 0.2;
	c.hidden[0] = 6;
	c.epochs = 12;
	a = new_session(&c, &d);
	for (i = 0; i < 5; i++)
		ck_assert_int_eq(session_step_epoch(a), SESSION_OK);
	ck_assert_int_eq(session_step_batch(a), SESSION_OK);
	ck_assert_int_eq(session_step(a), SESSION_OK);	/* mid-batch: forward */
	session_export(a, &st);
	ck_assert_int_eq(st.epoch, 6);
	ck_assert_int_eq(st.batch, 0);
	ck_assert_int_eq(st.phase, PHASE_UPDATE);
	ck_assert_int_eq(st.epochs_done, 5);
	ck_assert_int_eq(st.nhistory, 5);
	ck_assert_ptr_nonnull(st.opt_v);
	ck_assert(st.step == 11);
	b = new_session(&c, &d);
	session_import(b, st.param, &st);
	ck_assert_int_eq(b->pos.epoch, 6);
	ck_assert_int_eq(b->pos.nepochs, 5);
	ck_assert(b->pos.step == 11);
	ck_assert_int_eq(session_history_start(b), 0);
	/* both finish the run: the same weights and losses */
	while (session_step_epoch(a) == SESSION_OK)
		;
	while (session_step_epoch(b) == SESSION_OK)
		;
	bytes = (size_t)a->net->nparams * sizeof(double);
	ck_assert(memcmp(a->net->param, b->net->param, bytes) == 0);
	ck_assert_int_eq(a->pos.nepochs, b->pos.nepochs);
	/* The epoch the run was stopped in is left out: its running loss sum
	 * is not part of the saved state. */
	for (i = 0; i < a->pos.nepochs; i++)
		if (i != 5)
			ck_assert(memcmp(&a->epochs[i].loss, &b->epochs[i].loss,
			    sizeof(double)) == 0);
	/* weights only: the training state starts fresh */
	session_reset(b, 1);
	session_import(b, a->net->param, NULL);
	ck_assert(memcmp(a->net->param, b->net->param, bytes) == 0);
	ck_assert_int_eq(b->pos.nepochs, 0);
	ck_assert(b->pos.step == 0);
	session_free(a);
	session_free(b);
}
END_TEST

/* A reset starts again from the settings in force, not from those that
 * callbacks changed (reduce-lr): the second run equals the first. */
START_TEST(test_reset_reproduces)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	double first[64];
	long np;

	noisy_data(&t);
	session_config_default(&c);
	c.batch = 10;
	c.lr = 0.1;
	c.epochs = 20;
	c.reduce_lr = 3;
	c.reduce_factor = 0.5;
	s = new_session(&c, &t.d);
	np = s->net->nparams;
	ck_assert(np <= 64);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert(session_lr(s) < 0.1);
	memcpy(first, s->net->param, (size_t)np * sizeof *first);
	session_reset(s, c.seed);
	ck_assert(session_lr(s) == 0.1);
	ck_assert_int_eq(s->pos.nepochs, 0);
	ck_assert(!s->pos.finished);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert_int_eq(s->pos.nepochs, 20);
	ck_assert(memcmp(first, s->net->param, (size_t)np * sizeof *first) == 0);
	session_free(s);
	tset_free(&t);
}
END_TEST

/* ------------------------------------------------------- known answer */

/*
 * XOR with a 2-4-1 network: tanh hidden layer, sigmoid output and binary
 * cross-entropy, Xavier init from seed 1, Adam with lr 0.05 on the whole set
 * (one batch per epoch). The mean training loss first drops below 0.05 in
 * epoch 55 (0.0487251), is 0.0137829 at epoch 100 and 0.0027480 at 300.
 */
START_TEST(test_xor_known_answer)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	double pred[4];
	int e, first = 0;

	xor_data(&d);
	session_config_default(&c);
	c.nhidden = 1;
	c.hidden[0] = 4;
	c.hidden_act[0] = ACT_TANH;
	c.loss = LOSS_BCE;
	c.optimizer = OPT_ADAM;
	c.lr = 0.05;
	c.batch = 0;
	c.init = INIT_XAVIER;
	c.seed = 1;
	c.epochs = 300;
	s = new_session(&c, &d);
	ck_assert_int_eq(s->net->layer[1].act, ACT_SIGMOID);
	for (e = 1; e <= 300; e++) {
		ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
		if (!first && s->epochs[e - 1].loss < 0.05)
			first = e;
	}
	ck_assert_int_eq(first, 55);
	ck_assert_double_eq_tol(s->epochs[0].loss, 0.7378083307479949, 1e-9);
	ck_assert_double_eq_tol(s->epochs[54].loss, 0.048725122935165566, 1e-9);
	ck_assert_double_eq_tol(s->epochs[99].loss, 0.013782938485823485, 1e-9);
	ck_assert_double_eq_tol(s->epochs[299].loss, 0.0027480144492891354, 1e-9);
	ck_assert(s->epochs[299].accuracy == 1.0);
	ck_assert_int_eq(session_step(s), SESSION_FINISHED);
	/* the trained network classifies the four points */
	net_evaluate(s->net, xor_x, xor_y, NULL, 4, pred);
	ck_assert(pred[0] < 0.01 && pred[1] > 0.99 && pred[2] > 0.99 && pred[3] < 0.01);
	session_free(s);
}
END_TEST

/* ------------------------------------------------------------ rewind */

static struct session *
rewind_session(const struct dataset *d, int history)
{
	struct session_config c;

	session_config_default(&c);
	c.batch = 2;		/* 2 batches, 8 phases per epoch */
	c.optimizer = OPT_ADAM;
	c.lr = 0.05;
	c.dropout = 0.25;	/* masks come from the generator too */
	c.hidden[0] = 5;
	c.history_phases = history;
	c.seed = 11;
	return new_session(&c, d);
}

/* Step to k, record; step m more, record; go back m phases one at a time and
 * compare with the record at k; step m again and compare with the record at
 * k + m. Bit for bit. */
static void
rewind_roundtrip(long k, long m)
{
	struct dataset d;
	struct session *s;
	struct cap at_k, at_km, now;
	const char *diff;
	long i;

	xor_data(&d);
	s = rewind_session(&d, 512);
	for (i = 0; i < k; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	cap_take(&at_k, s, 0);
	for (i = 0; i < m; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	cap_take(&at_km, s, 0);
	for (i = 0; i < m; i++)
		ck_assert_int_eq(session_back(s), 0);
	ck_assert_int_eq(s->pos.phase_count, k);
	cap_take(&now, s, 0);
	diff = cap_diff(&at_k, &now);
	ck_assert_msg(diff == NULL, "back %ld phases from %ld: %s differs", m, k + m, diff);
	cap_free(&now);
	for (i = 0; i < m; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	cap_take(&now, s, 0);
	diff = cap_diff(&at_km, &now);
	ck_assert_msg(diff == NULL, "forward again to %ld: %s differs", k + m, diff);
	cap_free(&now);
	/* session_goto both ways */
	ck_assert_int_eq(session_goto(s, k), 0);
	cap_take(&now, s, 0);
	diff = cap_diff(&at_k, &now);
	ck_assert_msg(diff == NULL, "goto %ld: %s differs", k, diff);
	cap_free(&now);
	ck_assert_int_eq(session_goto(s, k + m), 0);
	cap_take(&now, s, 0);
	diff = cap_diff(&at_km, &now);
	ck_assert_msg(diff == NULL, "goto %ld: %s differs", k + m, diff);
	cap_free(&now);
	cap_free(&at_k);
	cap_free(&at_km);
	session_free(s);
}

/* Inside one batch, before its update: the weights are those of the batch's
 * start, so going back and forth replays the same forward pass (the same
 * dropout masks from the generator), loss and gradients. */
START_TEST(test_rewind_inside_batch)
{
	rewind_roundtrip(9, 2);		/* epoch 2, batch 0: forward -> backward */
	rewind_roundtrip(13, 1);	/* epoch 2, batch 1: forward -> loss */
	rewind_roundtrip(14, 1);	/* loss -> backward */
}
END_TEST

/* Once failed: the snapshots of session_snapshot hold struct session_pos and the
 * arena (optimizer state, best weights, unit statistics) but not net->param,
 * and session_restore_to does not put the weights back: going back over an
 * update keeps the later weights and the replay applies the updates again. */
START_TEST(test_rewind_within_epoch)
{
	rewind_roundtrip(9, 3);		/* epoch 2: forward of batch 0 -> backward */
	rewind_roundtrip(1, 1);		/* back to the first forward */
}
END_TEST

/* Snapshots are kept every K batches (K = 64 for this small network at
 * batch 1): going back anywhere in the history replays from the nearest one
 * and gives the state of a session stepped straight there, bit for bit,
 * also across a change of settings made between two snapshots. */
static struct session *
sparse_session(const struct dataset *d)
{
	struct session_config c;

	session_config_default(&c);
	c.batch = 1;
	c.optimizer = OPT_ADAM;
	c.lr = 0.05;
	c.dropout = 0.25;
	c.hidden[0] = 5;
	c.epochs = 1000;
	c.seed = 5;
	return new_session(&c, d);
}

static void
sparse_step(struct session *s, long to)
{
	const char *err;

	while (s->pos.phase_count < to) {
		/* at the start of batch 150, a new learning rate */
		if (s->pos.phase_count == 600) {
			struct session_config c = *session_cfg(s);

			c.lr = 0.02;
			ck_assert_int_eq(session_configure(s, &c, &err), 0);
		}
		ck_assert_int_eq(session_step(s), SESSION_OK);
	}
}

START_TEST(test_rewind_sparse_snapshots)
{
	static const long back[] = { 1, 2, 3, 4, 5, 37, 255, 256, 257, 300, 511, 512 };
	struct dataset d;
	struct session *s, *ref;
	struct cap at_end, a, b;
	long pc = 900, hs, target;
	size_t k;

	xor_data(&d);
	s = sparse_session(&d);
	sparse_step(s, pc);
	cap_take(&at_end, s, 0);
	hs = session_history_start(s);
	ck_assert_msg(pc - hs >= 512, "only %ld phases of history", pc - hs);
	for (k = 0; k < sizeof back / sizeof back[0]; k++) {
		target = pc - back[k];
		ck_assert_int_eq(session_goto(s, target), 0);
		ref = sparse_session(&d);
		sparse_step(ref, target);
		cap_take(&a, s, 0);
		cap_take(&b, ref, 0);
		ck_assert_msg(cap_diff(&a, &b) == NULL, "back %ld phases: %s differs",
		    back[k], cap_diff(&a, &b));
		ck_assert(session_lr(s) == session_lr(ref));
		cap_free(&a);
		cap_free(&b);
		session_free(ref);
		/* and forward again to where it was */
		sparse_step(s, pc);
		cap_take(&a, s, 0);
		ck_assert_msg(cap_diff(&a, &at_end) == NULL, "forward after %ld back: %s differs",
		    back[k], cap_diff(&a, &at_end));
		cap_free(&a);
	}
	cap_free(&at_end);
	session_free(s);
}
END_TEST

/* Once failed: as test_rewind_within_epoch. */
START_TEST(test_rewind_across_epochs)
{
	rewind_roundtrip(13, 7);	/* epoch 2 batch 1 -> epoch 3 batch 0 */
	rewind_roundtrip(5, 12);	/* across two epoch boundaries */
	rewind_roundtrip(3, 30);
}
END_TEST

/* Once failed: as test_rewind_within_epoch. Going back to the very start: the
 * state equals a fresh session. */
START_TEST(test_rewind_to_start)
{
	struct dataset d;
	struct session *s, *fresh;
	long i;

	xor_data(&d);
	s = rewind_session(&d, 512);
	fresh = rewind_session(&d, 512);
	for (i = 0; i < 6; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_goto(s, 0), 0);
	ck_assert_int_eq(s->pos.phase_count, 0);
	ck_assert_int_eq(s->pos.phase, PHASE_NONE);
	ck_assert_int_eq(s->pos.step, 0);
	ck_assert(memcmp(s->net->param, fresh->net->param,
	    (size_t)s->net->nparams * sizeof(double)) == 0);
	ck_assert(memcmp(&s->pos.rng, &fresh->pos.rng, sizeof s->pos.rng) == 0);
	ck_assert_int_eq(session_back(s), -1);
	session_free(s);
	session_free(fresh);
}
END_TEST

/* The history is bounded: with 16 phases asked for, going back at least 16
 * phases works, going back past the start of the history fails and leaves the
 * state as it was. */
START_TEST(test_history_cap)
{
	struct dataset d;
	struct session *s;
	struct cap before, after;
	long hs, pc, backs = 0;
	int i;

	xor_data(&d);
	s = rewind_session(&d, 16);
	for (i = 0; i < 42; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	pc = s->pos.phase_count;
	hs = session_history_start(s);
	ck_assert_msg(pc - hs >= 16, "only %ld phases of history", pc - hs);
	ck_assert_msg(pc - hs < 32, "%ld phases of history for 16 asked", pc - hs);
	cap_take(&before, s, 1);
	ck_assert_int_eq(session_goto(s, hs - 1), -1);
	cap_take(&after, s, 1);
	ck_assert_msg(cap_diff(&before, &after) == NULL, "a failed goto changed %s",
	    cap_diff(&before, &after));
	cap_free(&after);
	ck_assert_int_eq(s->pos.phase_count, pc);
	/* step back one phase at a time until the history runs out */
	while (session_back(s) == 0)
		backs++;
	ck_assert_int_eq(backs, pc - hs);
	ck_assert_int_eq(s->pos.phase_count, hs);
	ck_assert_int_eq(session_history_start(s), hs);
	cap_free(&before);
	session_free(s);
}
END_TEST

/* Once failed: as test_rewind_within_epoch: at the start of the history the weights
 * are those of the phase stepped back from. */
START_TEST(test_history_cap_state)
{
	struct dataset d;
	struct session *s, *ref;
	struct cap a, b;
	long hs;
	int i;

	xor_data(&d);
	s = rewind_session(&d, 16);
	ref = rewind_session(&d, 16);
	for (i = 0; i < 42; i++)
		ck_assert_int_eq(session_step(s), SESSION_OK);
	hs = session_history_start(s);
	ck_assert_int_eq(session_goto(s, hs), 0);
	for (i = 0; i < hs; i++)
		ck_assert_int_eq(session_step(ref), SESSION_OK);
	cap_take(&a, s, 0);
	cap_take(&b, ref, 0);
	ck_assert_msg(cap_diff(&a, &b) == NULL, "at %ld after going back: %s differs", hs,
	    cap_diff(&a, &b));
	cap_free(&a);
	cap_free(&b);
	session_free(s);
	session_free(ref);
}
END_TEST

/* --------------------------------------------------------- divergence */

/*
 * Inputs of 1e300 through a linear hidden layer: z and a are finite but the
 * squared error overflows, so the first loss phase diverges.
 */
START_TEST(test_diverge_in_loss)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	double first[64];
	long i;
	int r;

	tset_init(&t, 2, 1, TASK_REGRESS, 4, 0);
	for (i = 0; i < 4; i++) {
		t.d.train.x[2 * i] = (i % 2 ? -1e300 : 1e300);
		t.d.train.x[2 * i + 1] = 0.5e300;
		t.d.train.y[i] = 1;
		t.d.train.w[i] = 1;
	}
	session_config_default(&c);
	c.hidden_act[0] = ACT_LINEAR;
	/* the histogram of activations near 1e300 is undefined behaviour (see
	 * test_histogram_far_out); this test is about the guard */
	c.diagnostics = 0;
	s = new_session(&c, &t.d);
	ck_assert_int_eq(s->net->loss, LOSS_MSE);
	memcpy(first, s->net->param, (size_t)s->net->nparams * sizeof(double));
	ck_assert_int_eq(session_step(s), SESSION_OK);
	r = session_step(s);
	ck_assert_int_eq(r, SESSION_DIVERGED);
	ck_assert(s->pos.diverged.set);
	ck_assert_int_eq(s->pos.diverged.phase, PHASE_LOSS);
	ck_assert_str_eq(s->pos.diverged.quantity, "loss");
	ck_assert_int_eq(s->pos.diverged.layer, 2);
	ck_assert_int_eq(s->pos.diverged.epoch, 1);
	ck_assert_int_eq(s->pos.diverged.batch, 0);
	/* the last good state: after the forward pass */
	ck_assert_int_eq(s->pos.phase_count, 1);
	ck_assert_int_eq(s->pos.phase, PHASE_FORWARD);
	ck_assert(memcmp(first, s->net->param, (size_t)s->net->nparams * sizeof(double)) == 0);
	ck_assert_int_eq(session_last_event(s)->kind, EV_DIVERGED);
	/* stuck until the learner goes back */
	ck_assert_int_eq(session_step(s), SESSION_DIVERGED);
	ck_assert_int_eq(session_step_batch(s), SESSION_DIVERGED);
	ck_assert_int_eq(session_step_epoch(s), SESSION_DIVERGED);
	ck_assert_int_eq(s->pos.phase_count, 1);
	ck_assert_int_eq(session_back(s), 0);
	ck_assert(!s->pos.diverged.set);
	ck_assert_int_eq(s->pos.phase_count, 0);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	session_free(s);
	tset_free(&t);
}
END_TEST

/*
 * Inputs of 1e100 through linear layers with lr 1e200: the forward pass, the
 * loss (about 1e200) and the gradients (about 1e200) are finite, and the
 * update makes W overflow. The session keeps the state before the update.
 */
static struct session *
diverge_update_session(struct tset *t)
{
	struct session_config c;
	long i;

	tset_init(t, 2, 1, TASK_REGRESS, 4, 0);
	for (i = 0; i < 4; i++) {
		t->d.train.x[2 * i] = (i % 2 ? -1e100 : 1e100);
		t->d.train.x[2 * i + 1] = (i / 2 ? -0.5e100 : 0.5e100);
		t->d.train.y[i] = (double)i;
		t->d.train.w[i] = 1;
	}
	session_config_default(&c);
	c.hidden_act[0] = ACT_LINEAR;
	c.lr = 1e200;
	c.diagnostics = 0;	/* as in test_diverge_in_loss */
	return new_session(&c, &t->d);
}

/* Part 1: what is reported. */
START_TEST(test_diverge_in_update_reported)
{
	struct tset t;
	struct session *s;

	s = diverge_update_session(&t);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert(all_finite(s->net->grad, s->net->nparams));
	ck_assert_int_eq(session_step(s), SESSION_DIVERGED);
	ck_assert(s->pos.diverged.set);
	ck_assert_int_eq(s->pos.diverged.phase, PHASE_UPDATE);
	ck_assert_str_eq(s->pos.diverged.quantity, "W");
	ck_assert_int_eq(s->pos.diverged.layer, 1);
	ck_assert_int_eq(s->pos.diverged.epoch, 1);
	ck_assert_int_eq(s->pos.diverged.batch, 0);
	ck_assert_int_eq(session_last_event(s)->kind, EV_DIVERGED);
	ck_assert_int_eq(session_step(s), SESSION_DIVERGED);
	session_free(s);
	tset_free(&t);
}
END_TEST

/* Once failed: the weights after a divergence in the update are not the last good
 * ones: they stay infinite (the snapshot restored does not hold them). */
START_TEST(test_diverge_in_update_restores)
{
	struct tset t, tref;
	struct session *s, *ref;
	struct cap a, b;

	s = diverge_update_session(&t);
	ref = diverge_update_session(&tref);
	ck_assert_int_eq(session_step_batch(s), SESSION_DIVERGED);
	ck_assert_int_eq(session_step(ref), SESSION_OK);
	ck_assert_int_eq(session_step(ref), SESSION_OK);
	ck_assert_int_eq(session_step(ref), SESSION_OK);
	ck_assert(all_finite(s->net->param, s->net->nparams));
	ck_assert_int_eq(s->pos.phase_count, 3);
	ck_assert_int_eq(s->pos.phase, PHASE_BACKWARD);
	/* bit for bit the state after the backward pass, apart from the flag
	 * and the event that tells of it */
	ck_assert_int_eq(s->pos.nevents, ref->pos.nevents + 1);
	s->pos.diverged.set = 0;
	s->pos.nevents--;
	cap_take(&a, s, 0);
	cap_take(&b, ref, 0);
	s->pos.diverged.set = 1;
	s->pos.nevents++;
	ck_assert_msg(cap_diff(&a, &b) == NULL, "%s differs from the last good state",
	    cap_diff(&a, &b));
	cap_free(&a);
	cap_free(&b);
	/* going back clears the flag */
	ck_assert_int_eq(session_back(s), 0);
	ck_assert(!s->pos.diverged.set);
	ck_assert_int_eq(s->pos.phase_count, 2);
	ck_assert(all_finite(s->net->param, s->net->nparams));
	session_free(s);
	session_free(ref);
	tset_free(&t);
	tset_free(&tref);
}
END_TEST

/* ------------------------------------------------- dead and saturated */

static struct session *
dead_session(const struct dataset *d, enum act act, double bias)
{
	struct session_config c;

	session_config_default(&c);
	c.hidden[0] = 6;
	c.hidden_act[0] = act;
	c.bias_init = bias;
	c.batch = 2;
	return new_session(&c, d);
}

START_TEST(test_dead_relu)
{
	struct dataset d;
	struct session *s;
	int j;

	/* XOR inputs are 0 or 1 and Xavier weights at most sqrt(6/7) = 0.93,
	 * so z <= 1.86 - 10 < 0 on every row: no unit ever fires */
	xor_data(&d);
	s = dead_session(&d, ACT_RELU, -10);
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert(session_layer_diag(s, 0)->pass_complete);
	ck_assert(session_layer_diag(s, 0)->dead_fraction == 1.0);
	ck_assert(session_layer_diag(s, 0)->inactive_batch == 1.0);
	for (j = 0; j < 6; j++)
		ck_assert(session_unit_dead(s, 0, j));
	ck_assert(session_dead_fraction(s) == 1.0);
	ck_assert(s->epochs[0].dead_fraction == 1.0);
	/* dead units get no gradient: the hidden weights never move */
	ck_assert(session_layer_diag(s, 0)->grad_rms == 0.0);
	session_free(s);

	/* the same with leaky ReLU: the units keep a slope, none is dead */
	s = dead_session(&d, ACT_LEAKY_RELU, -10);
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert(session_layer_diag(s, 0)->dead_fraction == 0.0);
	for (j = 0; j < 6; j++)
		ck_assert(!session_unit_dead(s, 0, j));
	ck_assert(session_dead_fraction(s) == 0.0);
	ck_assert(session_layer_diag(s, 0)->grad_rms > 0.0);
	session_free(s);

	/* ReLU with zero biases: a unit is dead only if z <= 0 on all rows;
	 * on (1,1) or (0,1)/(1,0) some units fire */
	s = dead_session(&d, ACT_RELU, 0);
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert(session_layer_diag(s, 0)->dead_fraction < 1.0);
	{
		const struct layer *ly = session_layer(s, 0);
		int dead = 0;

		for (j = 0; j < ly->out; j++)
			dead += session_unit_dead(s, 0, j);
		ck_assert_int_eq(dead, (int)lround(session_layer_diag(s, 0)->dead_fraction * ly->out));
	}
	session_free(s);
}
END_TEST

/*
 * Batches of one row have their units counted in blocks of rows: the
 * counts read in the middle of a pass, after going back three batches and
 * at the end of the pass are those of counting every batch as it came,
 * worked out here from each forward pass's z and a (f'(z) of the sigmoid
 * is a(1 - a), what its backward pass gives for dL/da = 1).
 */
struct unit_ref {
	int on;
	long rows;
	double alive[8], sat[8];
};

static void
unit_ref_observe(struct session *s, int what, void *user)
{
	struct unit_ref *r = user;
	const struct layer *relu = session_layer(s, 0), *sig = session_layer(s, 1);
	long i;
	int j;

	if (!r->on || what != PHASE_FORWARD)
		return;
	for (i = 0; i < s->net->n; i++)
		for (j = 0; j < 8; j++) {
			if (relu->z[i * 8 + j] > 0)
				r->alive[j] = 1;
			r->sat[j] += act_deriv(ACT_SIGMOID, sig->alpha, sig->z[i * 8 + j],
			    sig->a[i * 8 + j]) < SESSION_DEAD_DERIV;
		}
	r->rows += s->net->n;
}

START_TEST(test_small_batch_unit_counts)
{
	struct dataset *d = fixture_moons();
	struct session_config c;
	struct session *s;
	struct unit_ref r;
	double sat[8];
	int dead[8], j, k, some_dead = 0, some_sat = 0;

	memset(&r, 0, sizeof r);
	session_config_default(&c);
	c.nhidden = 2;
	c.hidden[0] = c.hidden[1] = 8;
	c.hidden_act[0] = ACT_RELU;
	c.hidden_act[1] = ACT_SIGMOID;
	c.init = INIT_UNIFORM;
	c.init_value = 3;	/* wide weights: some units dead, some saturated */
	c.bias_init = -4;
	c.batch = 1;
	c.lr = 0.01;
	s = new_session(&c, d);
	session_set_observer(s, unit_ref_observe, &r);
	r.on = 1;
	for (k = 0; k < 45; k++)
		ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(r.rows, 45);
	for (j = 0; j < 8; j++) {
		dead[j] = session_unit_dead(s, 0, j);
		sat[j] = session_unit_saturation(s, 1, j);
		ck_assert_int_eq(dead[j], r.alive[j] == 0);
		ck_assert_msg(sat[j] == r.sat[j] / 45, "unit %d: %g, counted %g of 45", j,
		    sat[j], r.sat[j]);
	}
	/* three batches on and back again */
	r.on = 0;
	for (k = 0; k < 3; k++)
		ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	for (k = 0; k < 12; k++)
		ck_assert_int_eq(session_back(s), 0);
	for (j = 0; j < 8; j++) {
		ck_assert_int_eq(session_unit_dead(s, 0, j), dead[j]);
		ck_assert(session_unit_saturation(s, 1, j) == sat[j]);
	}
	/* on to the end of the pass */
	r.on = 1;
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(r.rows, 140);
	ck_assert(session_layer_diag(s, 0)->pass_complete);
	for (j = 0; j < 8; j++) {
		ck_assert_int_eq(session_unit_dead(s, 0, j), r.alive[j] == 0);
		ck_assert(session_unit_saturation(s, 1, j) == r.sat[j] / 140);
		some_dead += r.alive[j] == 0;
		some_sat += r.sat[j] > 0;
	}
	/* the case means something: both kinds of count are not all zero */
	ck_assert(some_dead > 0 && some_sat > 0);
	session_free(s);
	dataset_free(d);
}
END_TEST

START_TEST(test_saturated)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	long i;
	int j, k;
	static const enum act acts[2] = { ACT_SIGMOID, ACT_TANH };

	/* inputs in [0.5, 1.5]: with every weight 50, z >= 50 on every row */
	tset_init(&t, 2, 1, TASK_BINARY, 8, 0);
	for (i = 0; i < 8; i++) {
		t.d.train.x[2 * i] = 0.5 + i / 8.0;
		t.d.train.x[2 * i + 1] = 1.5 - i / 8.0;
		t.d.train.y[i] = i % 2;
		t.d.train.label[i] = (int)(i % 2);
		t.d.train.w[i] = 1;
	}
	for (k = 0; k < 2; k++) {
		session_config_default(&c);
		c.hidden[0] = 3;
		c.hidden_act[0] = acts[k];
		c.init = INIT_CONSTANT;
		c.init_value = 50;
		c.batch = 4;
		s = new_session(&c, &t.d);
		ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
		ck_assert_msg(session_layer_diag(s, 0)->saturated_fraction == 1.0, "%s: %g", act_name(acts[k]),
		    session_layer_diag(s, 0)->saturated_fraction);
		ck_assert(session_saturated_fraction(s) == 1.0);
		for (j = 0; j < 3; j++)
			ck_assert(session_unit_saturation(s, 0, j) == 1.0);
		ck_assert(session_layer_diag(s, 0)->dead_fraction == 0.0);
		session_free(s);

		/* small Xavier weights: nothing saturated */
		c.init = INIT_XAVIER;
		s = new_session(&c, &t.d);
		ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
		ck_assert(session_layer_diag(s, 0)->saturated_fraction == 0.0);
		ck_assert(session_saturated_fraction(s) == 0.0);
		session_free(s);
	}
	tset_free(&t);
}
END_TEST

/* ---------------------------------------------------- early stopping */

/*
 * SGD with lr 0.1, batches of 10 (4 per epoch), seed 1, patience 5: the
 * validation loss is lowest after epoch 8 (0.468067) and rises after, so
 * training stops at the end of epoch 13 and the weights of epoch 8 come back.
 */
START_TEST(test_early_stop_restores_best)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	struct rec r;
	int ret, e, best;

	noisy_data(&t);
	session_config_default(&c);
	c.batch = 10;
	c.lr = 0.1;
	c.epochs = 200;
	c.early_stop = 5;
	s = new_session(&c, &t.d);
	rec_init(&r, s->net->nparams, 200);
	session_set_observer(s, rec_observer, &r);
	while ((ret = session_step_epoch(s)) == SESSION_OK && !s->pos.finished)
		;
	ck_assert_int_eq(ret, SESSION_OK);
	ck_assert(s->pos.finished);
	ck_assert(s->pos.stopped_early);
	best = s->pos.best_epoch;
	ck_assert_int_eq(best, 8);
	ck_assert_int_eq(s->pos.epoch, 13);
	ck_assert_int_eq(s->pos.nepochs, 13);
	/* the best epoch has the lowest validation loss, and the five after it
	 * are no better */
	for (e = 0; e < 13; e++) {
		ck_assert(isfinite(s->epochs[e].val_loss));
		if (e + 1 != best)
			ck_assert(s->epochs[e].val_loss > s->epochs[best - 1].val_loss);
	}
	ck_assert_double_eq_tol(s->epochs[best - 1].val_loss, 0.468067, 1e-6);
	ck_assert(s->pos.best_loss == s->epochs[best - 1].val_loss);
	/* the events, in order: early stop, then restore */
	ck_assert(r.early_seen);
	ck_assert(r.restore_seen);
	ck_assert_msg(r.restore_equal, "at the restore event the weights are not epoch %d's", best);
	ck_assert_int_eq(session_event_at(s, s->pos.nevents - 2)->kind, EV_EARLY_STOP);
	ck_assert_int_eq(session_event_at(s, s->pos.nevents - 1)->kind, EV_RESTORE);
	/* the weights are those at the end of the best epoch, bit for bit */
	ck_assert(r.have[best]);
	ck_assert(memcmp(r.param + (long)best * r.nparams, s->net->param,
	    (size_t)r.nparams * sizeof(double)) == 0);
	ck_assert(memcmp(r.param + 13L * r.nparams, s->net->param,
	    (size_t)r.nparams * sizeof(double)) != 0);
	/* ... and the network uses them (W^T in step): its validation loss is
	 * the best epoch's */
	ck_assert(net_evaluate(s->net, t.d.val.x, t.d.val.y, t.d.val.w, t.d.val.n, NULL) ==
	    s->epochs[best - 1].val_loss);
	ck_assert_int_eq(session_step(s), SESSION_FINISHED);
	session_free(s);
	rec_free(&r);
	tset_free(&t);
}
END_TEST

/* Without early stopping nothing is restored at the end. */
START_TEST(test_no_early_stop_no_restore)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	struct rec r;

	noisy_data(&t);
	session_config_default(&c);
	c.batch = 10;
	c.lr = 0.1;
	c.epochs = 15;
	s = new_session(&c, &t.d);
	rec_init(&r, s->net->nparams, 15);
	session_set_observer(s, rec_observer, &r);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert(s->pos.finished);
	ck_assert(!s->pos.stopped_early);
	ck_assert_int_eq(s->pos.nepochs, 15);
	ck_assert(!r.restore_seen);
	ck_assert_int_eq(s->pos.best_epoch, 8);
	ck_assert(memcmp(r.param + 15L * r.nparams, s->net->param,
	    (size_t)r.nparams * sizeof(double)) == 0);
	session_free(s);
	rec_free(&r);
	tset_free(&t);
}
END_TEST

/* ------------------------------------------------------- reduce lr */

/*
 * The expected rule (the common framework default, min_delta 1e-4): an epoch
 * improves when its monitored loss is below the best so far minus 1e-4; after
 * `patience` epochs in a row without improvement the lr is multiplied by the
 * factor (not below min_lr) and the count restarts. Returns the number of
 * reductions and checks every epoch's lr.
 */
static int
check_lr_schedule(const struct session *s, double lr0, int patience, double factor,
    double min_lr, int *waits_below)
{
	double best = INFINITY, lr = lr0;
	int e, wait = 0, reductions = 0;

	*waits_below = 0;
	for (e = 0; e < s->pos.nepochs; e++) {
		double mon = s->data->val.n > 0 ? s->epochs[e].val_loss : s->epochs[e].loss;

		ck_assert_msg(s->epochs[e].lr == lr, "epoch %d: lr %.17g, want %.17g", e + 1,
		    s->epochs[e].lr, lr);
		if (mon < best - 1e-4) {
			best = mon;
			wait = 0;
		} else if (++wait >= patience && lr > min_lr) {
			lr = fmax(lr * factor, min_lr);
			wait = 0;
			reductions++;
		} else if (wait < patience) {
			(*waits_below)++;
		}
	}
	return reductions;
}

START_TEST(test_reduce_lr)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	int red, waits, e, nred = 0;

	noisy_data(&t);
	session_config_default(&c);
	c.batch = 10;
	c.lr = 0.1;
	c.epochs = 30;
	c.reduce_lr = 3;
	c.reduce_factor = 0.5;
	s = new_session(&c, &t.d);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert_int_eq(s->pos.nepochs, 30);
	red = check_lr_schedule(s, 0.1, 3, 0.5, 0.0, &waits);
	/* best after epoch 8; reductions at the end of epochs 11, 14, 17, ... 29 */
	ck_assert_int_eq(red, 7);
	ck_assert(s->epochs[10].lr == 0.1);
	ck_assert(s->epochs[11].lr == 0.05);
	ck_assert(s->epochs[29].lr == 0.1 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5);
	ck_assert(session_lr(s) == s->epochs[29].lr);
	for (e = 0; e < s->pos.nevents; e++)
		if (s->events[e].kind == EV_REDUCE_LR) {
			ck_assert_int_eq(s->events[e].epoch, 11 + 3 * nred);
			nred++;
		}
	ck_assert_int_eq(nred, 7);
	session_free(s);

	/* a floor: 0.1 -> 0.05 -> 0.03 and no lower */
	c.reduce_min_lr = 0.03;
	s = new_session(&c, &t.d);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	red = check_lr_schedule(s, 0.1, 3, 0.5, 0.03, &waits);
	ck_assert_int_eq(red, 2);
	ck_assert(s->epochs[29].lr == 0.03);
	session_free(s);
	tset_free(&t);
}
END_TEST

/* While the monitored loss keeps improving, the lr stays. Training loss on
 * XOR (no validation split) with Adam falls every epoch. */
START_TEST(test_reduce_lr_not_while_improving)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	int red, waits, e;

	xor_data(&d);
	session_config_default(&c);
	c.optimizer = OPT_ADAM;
	c.lr = 0.05;
	c.epochs = 80;
	c.reduce_lr = 2;
	c.reduce_factor = 0.5;
	s = new_session(&c, &d);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert_int_eq(s->pos.nepochs, 80);
	for (e = 1; e < 80; e++)
		ck_assert(s->epochs[e].loss < s->epochs[e - 1].loss - 1e-4);
	red = check_lr_schedule(s, 0.05, 2, 0.5, 0.0, &waits);
	ck_assert_int_eq(red, 0);
	ck_assert(session_lr(s) == 0.05);
	session_free(s);
}
END_TEST

/* ----------------------------------------------------- L2 and dropout */

START_TEST(test_l2_gradient)
{
	struct dataset d;
	struct session_config c;
	struct session *s0, *s1;
	const double l2 = 0.01;
	int l, i;

	xor_data(&d);
	session_config_default(&c);
	c.hidden[0] = 3;
	s0 = new_session(&c, &d);
	c.l2 = l2;
	s1 = new_session(&c, &d);
	for (i = 0; i < 3; i++) {
		ck_assert_int_eq(session_step(s0), SESSION_OK);
		ck_assert_int_eq(session_step(s1), SESSION_OK);
	}
	for (l = 0; l < 2; l++) {
		const struct layer *ly = session_layer(s0, l);
		const double *W = s1->net->param + ly->w_off;
		const double *g0 = s0->net->grad, *g1 = s1->net->grad;

		/* dW(l2) = dW(0) + l2 W, computed the same way bit for bit */
		for (i = 0; i < ly->in * ly->out; i++) {
			ck_assert(W[i] != 0);
			ck_assert_msg(g1[ly->w_off + i] == g0[ly->w_off + i] + l2 * W[i],
			    "layer %d dW[%d]: %.17g vs %.17g + %g * %.17g", l + 1, i,
			    g1[ly->w_off + i], g0[ly->w_off + i], l2, W[i]);
		}
		/* biases are not decayed */
		for (i = 0; i < ly->out; i++)
			ck_assert(g1[ly->b_off + i] == g0[ly->b_off + i]);
	}
	session_free(s0);
	session_free(s1);
}
END_TEST

START_TEST(test_dropout)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	const struct layer *h, *o;
	struct net *n;
	double pred[4], pred2[4], loss1, loss2;
	struct rng before;
	long i, zeros = 0, m;

	xor_data(&d);
	session_config_default(&c);
	c.hidden[0] = 16;
	c.dropout = 0.5;
	s = new_session(&c, &d);
	n = s->net;
	ck_assert_int_eq(session_step(s), SESSION_OK);
	h = session_layer(s, 0);
	o = session_layer(s, 1);
	ck_assert(h->dropout == 0.5);
	ck_assert(o->mask == NULL || o->dropout == 0);
	m = n->n * h->out;
	ck_assert_int_eq(m, 64);
	for (i = 0; i < m; i++) {
		ck_assert_msg(h->mask[i] == 0.0 || h->mask[i] == 2.0, "mask %g", h->mask[i]);
		zeros += h->mask[i] == 0.0;
		ck_assert(h->out_a[i] == h->a[i] * h->mask[i]);
	}
	/* about half dropped: 64 draws, 5 standard deviations either side */
	ck_assert_msg(zeros > 12 && zeros < 52, "%ld of 64 dropped", zeros);
	ck_assert(h->out_a != h->a);
	/* the backward pass goes through the same mask: a dropped unit gets no
	 * gradient */
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	for (i = 0; i < m; i++)
		if (h->mask[i] == 0.0)
			ck_assert(h->dz[i] == 0.0);
	/* evaluation uses no dropout, draws nothing and leaves the batch alone */
	before = s->pos.rng;
	loss1 = net_evaluate(n, xor_x, xor_y, NULL, 4, pred);
	loss2 = net_evaluate(n, xor_x, xor_y, NULL, 4, pred2);
	ck_assert(loss1 == loss2);
	ck_assert(memcmp(pred, pred2, sizeof pred) == 0);
	ck_assert(memcmp(&before, &s->pos.rng, sizeof before) == 0);
	ck_assert(h->out_a == h->drop_a);
	/* the same as a forward pass with training off, on the same weights */
	memcpy(n->x, xor_x, sizeof xor_x);
	n->n = 4;
	net_forward(n, 0, NULL);
	ck_assert(n->layer[0].out_a == n->layer[0].a);
	for (i = 0; i < 4; i++)
		ck_assert(pred[i] == o->a[i]);
	ck_assert(session_evaluate(s, 0, NULL) == loss1);
	session_free(s);
}
END_TEST

/* ------------------------------------------------- changing settings */

/* A new lr applies from the next batch, also right after an update (whose
 * numbers are still on screen); before the first phase at once. SGD's change
 * is -lr * grad exactly. */
static void
expect_sgd_delta(const struct session *s, double lr)
{
	long i;

	for (i = 0; i < s->net->nparams; i++)
		ck_assert_msg(s->delta[i] == -(lr * s->net->grad[i]),
		    "delta[%ld] %.17g, -lr*g %.17g (lr %g)", i, s->delta[i],
		    -(lr * s->net->grad[i]), lr);
}

START_TEST(test_configure_lr)
{
	struct dataset d;
	struct session_config c, c2;
	struct session *s;
	const char *err;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.lr = 0.1;
	s = new_session(&c, &d);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	expect_sgd_delta(s, 0.1);
	/* after the update: the batch keeps naming the lr it used */
	c2 = *session_cfg(s);
	c2.lr = 0.3;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert(session_lr(s) == 0.1);
	ck_assert(s->has_pending && s->pending.lr == 0.3);
	/* a change that alters nothing the batch computed applies at once */
	c2.threshold = 0.25;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert(session_cfg(s)->threshold == 0.5);
	c2.lr = 0.1;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert(session_cfg(s)->threshold == 0.25 && !s->has_pending);
	c2.lr = 0.3;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert(session_lr(s) == 0.3);
	expect_sgd_delta(s, 0.3);
	/* mid-batch: from the next batch */
	ck_assert_int_eq(session_step(s), SESSION_OK);
	c2.lr = 0.05;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert(session_lr(s) == 0.3);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	expect_sgd_delta(s, 0.3);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert(session_lr(s) == 0.05);
	expect_sgd_delta(s, 0.05);
	/* settings that need a new network are refused with 1, invalid ones with -1 */
	c2.hidden[0] = 7;
	ck_assert_int_eq(session_configure(s, &c2, &err), 1);
	c2.hidden[0] = session_cfg(s)->hidden[0];
	c2.lr = -1;
	ck_assert_int_eq(session_configure(s, &c2, &err), -1);
	ck_assert_ptr_nonnull(err);
	session_free(s);
}
END_TEST

/* Once failed: a setting changed in the middle of a batch is applied at the start of
 * the next batch after that batch's snapshot was taken (session_begin_batch
 * snapshots first), so going back into that batch replays it with the old
 * setting. */
START_TEST(test_configure_then_rewind)
{
	struct dataset d;
	struct session_config c, c2;
	struct session *s;
	struct cap a, b;
	const char *err;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.lr = 0.1;
	s = new_session(&c, &d);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);		/* batch 2: forward */
	c2 = *session_cfg(s);
	c2.lr = 0.4;
	c2.hidden_act[0] = ACT_SIGMOID;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);	/* batch 2 ends */
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);	/* batch 3 with the change */
	ck_assert(session_lr(s) == 0.4);
	ck_assert_int_eq(session_layer(s, 0)->act, ACT_SIGMOID);
	cap_take(&a, s, 0);
	ck_assert_int_eq(session_back(s), 0);
	ck_assert_int_eq(session_back(s), 0);
	ck_assert_int_eq(s->pos.phase, PHASE_LOSS);
	ck_assert_msg(session_lr(s) == 0.4, "back in batch 3 the lr is %g", session_lr(s));
	ck_assert_int_eq(session_layer(s, 0)->act, ACT_SIGMOID);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	cap_take(&b, s, 0);
	ck_assert_msg(cap_diff(&a, &b) == NULL, "replayed batch: %s differs", cap_diff(&a, &b));
	cap_free(&a);
	cap_free(&b);
	session_free(s);
}
END_TEST

/* Once failed: session_configure clears the optimizer state and the step count when
 * it is called, not when the new optimizer takes over; changed in the middle
 * of a batch, the old optimizer's update of that batch counts a step, so
 * Adam's first update uses t = 2 with empty moments. */
START_TEST(test_configure_optimizer_mid_batch)
{
	struct dataset d;
	struct session_config c, c2;
	struct session *s;
	const char *err;
	double w[64], m[64] = { 0 }, v[64] = { 0 };
	long np;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	c.optimizer = OPT_SGD;
	s = new_session(&c, &d);
	np = s->net->nparams;
	ck_assert(np <= 64);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);		/* batch 2: forward */
	c2 = *session_cfg(s);
	c2.optimizer = OPT_ADAM;
	c2.lr = 0.01;
	ck_assert_int_eq(session_configure(s, &c2, &err), 0);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);	/* batch 2: still SGD */
	expect_sgd_delta(s, 0.1);
	ck_assert_int_eq(session_step_batch(s), SESSION_OK);	/* batch 3: Adam's first step */
	memcpy(w, s->prev_param, (size_t)np * sizeof *w);
	optim_step(OPT_ADAM, 0.01, np, w, s->net->grad, m, v, 1, NULL);
	ck_assert_msg(memcmp(w, s->net->param, (size_t)np * sizeof *w) == 0,
	    "Adam's first update after the change: w[0] %.17g, want %.17g", s->net->param[0], w[0]);
	session_free(s);
}
END_TEST

/* Once failed: session_config_check accepts an optimizer, initializer or loss out
 * of range, and an output activation out of range when the loss does not
 * name its own (mse): the session then runs with no update rule, all-zero
 * weights or a loss of 0. */
START_TEST(test_config_check_enums)
{
	struct dataset d;
	struct session_config c;

	xor_data(&d);
	session_config_default(&c);
	ck_assert_ptr_null(session_config_check(&c, &d));
	c.hidden_act[0] = ACT_COUNT;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	session_config_default(&c);
	c.optimizer = OPT_COUNT;
	ck_assert_msg(session_config_check(&c, &d) != NULL, "optimizer %d accepted", OPT_COUNT);
	session_config_default(&c);
	c.init = INIT_COUNT;
	ck_assert_msg(session_config_check(&c, &d) != NULL, "init %d accepted", INIT_COUNT);
	session_config_default(&c);
	c.loss = LOSS_COUNT;
	ck_assert_msg(session_config_check(&c, &d) != NULL, "loss %d accepted", LOSS_COUNT);
	session_config_default(&c);
	c.loss = LOSS_MSE;
	c.out_act = ACT_COUNT;
	ck_assert_msg(session_config_check(&c, &d) != NULL, "output activation %d accepted",
	    ACT_COUNT);
}
END_TEST

START_TEST(test_config_check)
{
	struct dataset d;
	struct session_config c;
	char *err = NULL;

	xor_data(&d);
	session_config_default(&c);
	ck_assert_ptr_null(session_config_check(&c, &d));
	c.lr = 0;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	ck_assert_ptr_null(session_new(&c, &d, &err));
	ck_assert_ptr_nonnull(err);
	free(err);
	session_config_default(&c);
	c.dropout = 1.0;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	session_config_default(&c);
	c.loss = LOSS_CCE;	/* XOR is binary */
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	session_config_default(&c);
	c.loss = LOSS_BCE;
	c.out_act = ACT_LINEAR;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	session_config_default(&c);
	c.hidden_act[0] = ACT_SOFTMAX;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	session_config_default(&c);
	c.reduce_factor = 1.0;
	ck_assert_ptr_nonnull(session_config_check(&c, &d));
	/* the defaults of the design notes */
	session_config_default(&c);
	ck_assert(c.alpha == 0.01);
	ck_assert_int_eq(c.loss, -1);
	ck_assert_int_eq(c.out_act, -1);
}
END_TEST

/* A copy is equal; every field counts, hidden sizes past nhidden too. */
START_TEST(test_config_equal)
{
	struct session_config a, b;

	session_config_default(&a);
	b = a;
	ck_assert(session_config_equal(&a, &b));
	b.threshold = 0.25;
	ck_assert(!session_config_equal(&a, &b));
	b = a;
	b.hidden[NET_MAX_LAYERS - 2] = 3;
	ck_assert(!session_config_equal(&a, &b));
	b = a;
	b.hidden_act[1] = ACT_RELU;
	ck_assert(!session_config_equal(&a, &b));
	b = a;
	b.history_bytes++;
	ck_assert(!session_config_equal(&a, &b));
	b = a;
	b.seed = 2;
	ck_assert(!session_config_equal(&a, &b));
}
END_TEST

/* --------------------------------------------------------- long runs */

/* The event log is a ring of the last 1024 events, and the observer hears
 * every event, so a long run still reports that it finished. Adam on XOR
 * improves every epoch, so each epoch adds an EV_BEST event. */
START_TEST(test_events_after_many_epochs)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	struct rec r;

	xor_data(&d);
	session_config_default(&c);
	c.optimizer = OPT_ADAM;
	c.lr = 0.01;
	c.epochs = 1100;
	s = new_session(&c, &d);
	rec_init(&r, s->net->nparams, 0);
	session_set_observer(s, rec_observer, &r);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert(s->pos.finished);
	ck_assert_int_eq(s->pos.nepochs, 1100);
	/* more events than the log keeps: the oldest are gone, the newest kept */
	ck_assert_int_gt(s->pos.nevents, SESSION_MAX_EVENTS);
	ck_assert_ptr_null(session_event_at(s, 0));
	ck_assert_ptr_nonnull(session_event_at(s, s->pos.nevents - SESSION_MAX_EVENTS));
	ck_assert_msg(r.finished_seen, "the observer was not told that training finished");
	ck_assert_int_eq(session_last_event(s)->kind, EV_FINISHED);
	session_free(s);
	rec_free(&r);
}
END_TEST

/* Once failed: the loss curve (batch_loss) stops at 65536 batches: the stride that
 * should merge older points when it is full is never raised. */
START_TEST(test_loss_curve_long_run)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	long stored;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 1;		/* 4 batches per epoch */
	c.epochs = 17000;	/* 68000 batches */
	c.diagnostics = 0;
	c.history_phases = 0;
	s = new_session(&c, &d);
	while (session_step_epoch(s) == SESSION_OK && !s->pos.finished)
		;
	ck_assert_int_eq(s->pos.nepochs, 17000);
	ck_assert_msg(s->pos.nbatch_loss == 68000, "%ld batches in the loss curve",
	    s->pos.nbatch_loss);
	stored = (s->pos.nbatch_loss + s->batch_loss_stride - 1) / s->batch_loss_stride;
	ck_assert(stored <= s->batch_loss_cap);
	ck_assert(s->batch_loss_stride >= 2);
	session_free(s);
}
END_TEST

/* The first points of the loss curve are the batch losses themselves. */
START_TEST(test_loss_curve)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	int k;

	xor_data(&d);
	session_config_default(&c);
	c.batch = 2;
	s = new_session(&c, &d);
	for (k = 0; k < 10; k++) {
		ck_assert_int_eq(session_step(s), SESSION_OK);
		ck_assert_int_eq(session_step(s), SESSION_OK);
		ck_assert_int_eq(s->pos.nbatch_loss, k + 1);
		ck_assert(s->batch_loss[k] == s->net->batch_loss);
		ck_assert_int_eq(session_step_batch(s), SESSION_OK);
	}
	/* the epoch's loss is the mean of its two batches (equal sizes) */
	ck_assert_double_eq_tol(s->epochs[0].loss, (s->batch_loss[0] + s->batch_loss[1]) / 2, 1e-15);
	ck_assert_double_eq_tol(s->epochs[4].loss, (s->batch_loss[8] + s->batch_loss[9]) / 2, 1e-15);
	session_free(s);
}
END_TEST

/* Once failed: session_diag_forward converts (a - lo) / (hi - lo) * 16 to int
 * before clamping it, which is undefined beyond the range of int; on x86 the
 * result is INT_MIN, so an activation above about 1e9 is counted in the
 * lowest bin of the histogram instead of the highest. */
START_TEST(test_histogram_far_out)
{
	struct tset t;
	struct session_config c;
	struct session *s;
	const struct layer *h;
	long i, above = 0, below = 0;

	tset_init(&t, 1, 1, TASK_REGRESS, 4, 0);
	for (i = 0; i < 4; i++) {
		t.d.train.x[i] = (i % 2 ? 1e12 : -1e12);
		t.d.train.y[i] = 0;
		t.d.train.w[i] = 1;
	}
	session_config_default(&c);
	c.hidden[0] = 4;
	c.hidden_act[0] = ACT_LINEAR;
	s = new_session(&c, &t.d);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	h = session_layer(s, 0);
	for (i = 0; i < 16; i++) {
		above += h->a[i] > session_layer_diag(s, 0)->hist_hi;
		below += h->a[i] < session_layer_diag(s, 0)->hist_lo;
	}
	ck_assert_int_eq(above, 8);
	ck_assert_int_eq(below, 8);
	ck_assert_int_eq(session_layer_diag(s, 0)->hist[SESSION_HIST_BINS - 1], above);
	ck_assert_int_eq(session_layer_diag(s, 0)->hist[0], below);
	session_free(s);
	tset_free(&t);
}
END_TEST

/* The histogram of a normal range: every activation counted once, in the bin
 * of its value. */
START_TEST(test_histogram)
{
	struct dataset d;
	struct session_config c;
	struct session *s;
	const struct layer *h;
	int b, total = 0, want[SESSION_HIST_BINS] = { 0 };
	long i;

	xor_data(&d);
	session_config_default(&c);
	c.hidden[0] = 8;
	c.init = INIT_UNIFORM;
	c.init_value = 2.0;
	s = new_session(&c, &d);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	h = session_layer(s, 0);
	ck_assert(session_layer_diag(s, 0)->hist_lo == -1 && session_layer_diag(s, 0)->hist_hi == 1);
	for (i = 0; i < 32; i++) {
		b = (int)((h->a[i] + 1) / 2 * SESSION_HIST_BINS);
		want[b < SESSION_HIST_BINS ? b : SESSION_HIST_BINS - 1]++;
	}
	for (b = 0; b < SESSION_HIST_BINS; b++) {
		ck_assert_int_eq(session_layer_diag(s, 0)->hist[b], want[b]);
		total += session_layer_diag(s, 0)->hist[b];
	}
	ck_assert_int_eq(total, 32);
	session_free(s);
}
END_TEST

/* The batch statistics are worked out when first read, not every batch.
 * Read after every phase, they are recorded by phase count; whatever is done
 * later, the figures shown at a phase count are those recorded there: after
 * a change of activation at a batch boundary (a new histogram range over the
 * last batch's histogram), an edited weight (the last update's ratio is of
 * the weights it made), and rewinds to before a snapshot and to just after
 * one (a snapshot does not keep the buffers the figures are worked out
 * from). A second session read only at those moments agrees too, and
 * after a rewind to any phase of the history. */
static struct layer_diag diag_rec[600][NET_MAX_LAYERS];

static void
diag_same(const struct session *s, int at)
{
	long pc = s->pos.phase_count;
	int l;

	for (l = 0; l < session_nlayers(s); l++) {
		const struct layer_diag *d = session_layer_diag(s, l), *r = &diag_rec[pc][l];

		ck_assert_msg(d->act_mean == r->act_mean && d->act_std == r->act_std &&
		    memcmp(d->hist, r->hist, sizeof d->hist) == 0 && d->grad_rms == r->grad_rms &&
		    d->dz_rms == r->dz_rms && d->update_ratio == r->update_ratio,
		    "step %d (phase count %ld), layer %d: not as shown before", at, pc, l + 1);
	}
}

START_TEST(test_diag_when_read)
{
	struct tset t;
	struct session_config c;
	struct session *s[2];
	const char *err;
	int i, k, l, moment;

	noisy_data(&t);
	session_config_default(&c);
	c.batch = 4;
	c.hidden[0] = 6;
	c.hidden_act[0] = ACT_TANH;
	c.optimizer = OPT_ADAM;
	c.lr = 0.05;
	c.epochs = 50;
	s[0] = new_session(&c, &t.d);
	s[1] = new_session(&c, &t.d);
	for (i = 0; i < 520; i++) {
		moment = 1;
		for (k = 0; k < 2; k++) {
			if (i == 56) {
				c.hidden_act[0] = ACT_SIGMOID;
				ck_assert_int_eq(session_configure(s[k], &c, &err), 0);
			} else if (i == 130)
				ck_assert_int_eq(session_set_param(s[k], 3, 40.0), 0);
			else if (i == 250)	/* the edit started the history at 128 */
				ck_assert_int_eq(session_goto(s[k], 129), 0);
			else if (i == 300)
				ck_assert_int_eq(session_goto(s[k], 190), 0);
			else if (i == 510)
				ck_assert_int_eq(session_goto(s[k], s[k]->pos.phase_count - 1), 0);
			else {
				moment = 0;
				ck_assert_int_eq(session_step(s[k]), SESSION_OK);
			}
		}
		ck_assert_int_eq(s[0]->pos.phase_count, s[1]->pos.phase_count);
		if (moment) {
			diag_same(s[0], i);
			diag_same(s[1], i);
		}
		for (l = 0; l < session_nlayers(s[0]); l++)
			diag_rec[s[0]->pos.phase_count][l] = *session_layer_diag(s[0], l);
	}
	ck_assert(session_layer_diag(s[1], 0)->grad_rms > 0);
	ck_assert(session_layer_diag(s[1], 0)->update_ratio > 0);
	/* Back to every phase the history holds, the nearest snapshot's
	 * first phases included. */
	ck_assert_int_eq(s[1]->pos.phase_count, 407);	/* snapshots at 128 and 384 */
	for (long pc = s[1]->pos.phase_count; pc >= session_history_start(s[1]); pc--) {
		ck_assert_int_eq(session_goto(s[1], pc), 0);
		diag_same(s[1], (int)pc);
	}
	session_free(s[0]);
	session_free(s[1]);
	tset_free(&t);
}
END_TEST

/* Rewind across updates, settings changed mid-batch, long runs. */
static void
add_history_tests(TCase *tc)
{
	tcase_add_test(tc, test_rewind_within_epoch);
	tcase_add_test(tc, test_diag_when_read);
	tcase_add_test(tc, test_rewind_across_epochs);
	tcase_add_test(tc, test_rewind_to_start);
	tcase_add_test(tc, test_history_cap_state);
	tcase_add_test(tc, test_rewind_sparse_snapshots);
	tcase_add_test(tc, test_diverge_in_update_restores);
	tcase_add_test(tc, test_configure_then_rewind);
	tcase_add_test(tc, test_configure_optimizer_mid_batch);
	tcase_add_test(tc, test_config_check_enums);
	tcase_add_test(tc, test_events_after_many_epochs);
	tcase_add_test(tc, test_loss_curve_long_run);
	tcase_add_test(tc, test_histogram_far_out);
}

/* Adding and removing training rows mid-epoch: the epoch starts again on
 * the new rows, the history starts here, and two runs agree bit for bit. */
START_TEST(test_data_edit)
{
	struct dataset *d[2];
	struct session *s[2];
	struct session_config c;
	const char *err = NULL;
	double p[2] = { 0.52, -0.31 };
	long n0;
	int k, i;

	session_config_default(&c);
	c.batch = 16;
	for (k = 0; k < 2; k++) {
		d[k] = fixture_moons();
		s[k] = new_session(&c, d[k]);
	}
	n0 = d[0]->train.n;
	ck_assert_int_eq(n0, 140);
	ck_assert_int_eq(s[0]->nbatches, 9);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < 3; i++)
			ck_assert_int_eq(session_step_batch(s[k]), SESSION_OK);
		ck_assert_int_eq(session_step(s[k]), SESSION_OK);	/* batch 4's forward */
		ck_assert_int_eq(s[k]->pos.batch, 3);
		ck_assert_int_eq(dataset_train_add(d[k], p, 1, &err), 0);
		ck_assert_int_eq(session_data_changed(s[k], &err), 0);
	}
	ck_assert_int_eq(d[0]->train.n, n0 + 1);
	ck_assert_double_eq(d[0]->train.x[n0 * 2], 0.52);
	ck_assert_double_eq(d[0]->train.x[n0 * 2 + 1], -0.31);
	ck_assert_double_eq(d[0]->train.y[n0], 1.0);
	ck_assert_int_eq(d[0]->train.label[n0], 1);
	ck_assert_int_eq(d[0]->train.row[n0], -1);
	/* 141 rows in batches of 16: 9 batches, the last of 13 */
	ck_assert_int_eq(s[0]->nbatches, 9);
	ck_assert_int_eq(s[0]->pos.epoch, 1);
	ck_assert_int_eq(s[0]->pos.batch, 0);
	ck_assert_int_eq(s[0]->pos.phase, PHASE_NONE);
	ck_assert_int_eq(s[0]->pos.phase_count, 12);	/* three batches, one forward pass undone */
	ck_assert_int_eq(session_history_start(s[0]), 12);
	ck_assert_int_eq(session_back(s[0]), -1);
	/* the new epoch's order holds every row once, the new one too */
	{
		long seen = 0, j;

		for (j = 0; j < d[0]->train.n; j++)
			seen += s[0]->order[j] == n0;
		ck_assert_int_eq(seen, 1);
	}
	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(session_step_epoch(s[k]), SESSION_OK);
		ck_assert_int_eq(s[k]->pos.nepochs, 1);
		ck_assert_int_eq(s[k]->batch_n, 141 - 8 * 16);
	}
	ck_assert(isfinite(s[0]->epochs[0].loss));
	ck_assert_mem_eq(s[0]->net->param, s[1]->net->param,
	    (size_t)s[0]->net->nparams * sizeof(double));
	/* between epochs: removing a row keeps the epoch closed */
	ck_assert_double_eq(d[0]->train.x[2], d[0]->train.x[1 * 2]);
	{
		double second = d[0]->train.x[2];

		ck_assert_int_eq(dataset_train_remove(d[0], 0, &err), 0);
		ck_assert_double_eq(d[0]->train.x[0], second);
	}
	ck_assert_int_eq(d[0]->train.n, 140);
	ck_assert_int_eq(session_data_changed(s[0], &err), 0);
	ck_assert_int_eq(s[0]->pos.epoch, 1);
	ck_assert_int_eq(s[0]->pos.batch, 8);
	ck_assert_int_eq(session_step(s[0]), SESSION_OK);
	ck_assert_int_eq(s[0]->pos.epoch, 2);
	ck_assert_int_eq(s[0]->pos.batch, 0);
	ck_assert_int_eq(session_step_epoch(s[0]), SESSION_OK);
	ck_assert_int_eq(s[0]->pos.nepochs, 2);
	ck_assert_int_eq(s[0]->batch_n, 140 - 8 * 16);
	/* refused: a wrong class, a point not finite, the last row */
	ck_assert_int_eq(dataset_train_add(d[0], p, 2, &err), -1);
	p[0] = NAN;
	ck_assert_int_eq(dataset_train_add(d[0], p, 0, &err), -1);
	ck_assert_int_eq(dataset_train_remove(d[0], 140, &err), -1);
	ck_assert_int_eq(dataset_train_nearest(d[0], d[0]->train.x[10], d[0]->train.x[11]), 5);
	for (k = 0; k < 2; k++) {
		session_free(s[k]);
		dataset_free(d[k]);
	}
}
END_TEST

Suite *
session_suite(void)
{
	Suite *s = suite_create("session");
	TCase *tc = tcase_create("session");

	tcase_set_timeout(tc, 60);
	add_history_tests(tc);
	tcase_add_test(tc, test_phases_in_order);
	tcase_add_test(tc, test_uneven_batches);
	tcase_add_test(tc, test_data_edit);
	tcase_add_test(tc, test_step_batch_and_epoch);
	tcase_add_test(tc, test_update_uses_optimizer);
	tcase_add_test(tc, test_determinism);
	tcase_add_test(tc, test_update_ratio_without_delta);
	tcase_add_test(tc, test_prev_param_turns);
	tcase_add_test(tc, test_export_import_resumes);
	tcase_add_test(tc, test_reset_reproduces);
	tcase_add_test(tc, test_xor_known_answer);
	tcase_add_test(tc, test_rewind_inside_batch);
	tcase_add_test(tc, test_history_cap);
	tcase_add_test(tc, test_diverge_in_loss);
	tcase_add_test(tc, test_diverge_in_update_reported);
	tcase_add_test(tc, test_dead_relu);
	tcase_add_test(tc, test_saturated);
	tcase_add_test(tc, test_small_batch_unit_counts);
	tcase_add_test(tc, test_early_stop_restores_best);
	tcase_add_test(tc, test_no_early_stop_no_restore);
	tcase_add_test(tc, test_reduce_lr);
	tcase_add_test(tc, test_reduce_lr_not_while_improving);
	tcase_add_test(tc, test_l2_gradient);
	tcase_add_test(tc, test_dropout);
	tcase_add_test(tc, test_configure_lr);
	tcase_add_test(tc, test_config_check);
	tcase_add_test(tc, test_config_equal);
	tcase_add_test(tc, test_loss_curve);
	tcase_add_test(tc, test_histogram);
	suite_add_tcase(s, tc);
	return s;
}
