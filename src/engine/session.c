/*
 * session.c: one training run advanced phase by phase.
 *
 * Phases: a step from "ready" (or from the previous batch's update) starts
 * the next batch: it snapshots the state for rewind, advances the batch and
 * epoch counters, shuffles at the start of an epoch, gathers the batch's rows
 * and runs the forward pass. Then loss, backward and update. The update of
 * the last batch of an epoch also closes the epoch: diagnostics of the pass,
 * validation, history and callbacks.
 *
 * Rewind: a snapshot (struct session_pos plus the arena) is kept at the start
 * of every batch in a ring. Going back restores the latest snapshot before the
 * target and replays the phases up to it; the arithmetic is deterministic, so
 * the replay gives the same numbers bit for bit.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session.h"

static int session_phase(struct session *s);
static void session_close_epoch(struct session *s);
static int session_restore_to(struct session *s, long target);
static void session_diag_ranges(struct session *s);
static void session_apply_cfg(struct session *s);
static void session_arena_save(const struct session *s, double *to);
static void session_arena_load(struct session *s, const double *from);
static double session_sum8(const double *x, long n, double c, int sq);

static const char *const phase_names[] = { "ready", "forward", "loss", "backward", "update" };

const char *
phase_name(enum phase p)
{
	return (p >= PHASE_NONE && p <= PHASE_UPDATE) ? phase_names[p] : "?";
}

/* ------------------------------------------------------------ settings */

void
session_config_default(struct session_config *c)
{
	int i;

	memset(c, 0, sizeof *c);
	c->nhidden = 1;
	c->hidden[0] = 4;
	for (i = 0; i < NET_MAX_LAYERS - 1; i++)
		c->hidden_act[i] = ACT_TANH;
	c->out_act = -1;
	c->loss = -1;
	c->alpha = ACT_LEAKY_ALPHA;
	c->optimizer = OPT_SGD;
	c->lr = 0.1;
	c->batch = 0;
	c->epochs = 100;
	c->init = INIT_XAVIER;
	c->init_value = 0.1;
	c->bias_init = 0.0;
	c->seed = 1;
	c->shuffle = 1;
	c->threshold = 0.5;
	c->early_stop_delta = 0.0;
	c->reduce_factor = 0.1;
	c->reduce_min_lr = 0.0;
	c->diagnostics = 1;
	c->history_phases = 512;
	c->history_bytes = (size_t)64 << 20;
}

int
session_config_equal(const struct session_config *a, const struct session_config *b)
{
	int i;

	for (i = 0; i < NET_MAX_LAYERS - 1; i++)
		if (a->hidden[i] != b->hidden[i] || a->hidden_act[i] != b->hidden_act[i])
			return 0;
	return a->nhidden == b->nhidden && a->out_act == b->out_act && a->loss == b->loss &&
	    a->alpha == b->alpha && a->optimizer == b->optimizer && a->lr == b->lr &&
	    a->batch == b->batch && a->epochs == b->epochs && a->init == b->init &&
	    a->init_value == b->init_value && a->bias_init == b->bias_init &&
	    a->seed == b->seed && a->l2 == b->l2 && a->dropout == b->dropout &&
	    a->shuffle == b->shuffle && a->threshold == b->threshold &&
	    a->early_stop == b->early_stop && a->early_stop_delta == b->early_stop_delta &&
	    a->reduce_lr == b->reduce_lr && a->reduce_factor == b->reduce_factor &&
	    a->reduce_min_lr == b->reduce_min_lr && a->diagnostics == b->diagnostics &&
	    a->history_phases == b->history_phases && a->history_bytes == b->history_bytes;
}

static enum loss
session_loss_of(const struct session_config *c, const struct dataset *d)
{
	if (c->loss >= 0)
		return (enum loss)c->loss;
	if (d->task == TASK_BINARY)
		return LOSS_BCE;
	if (d->task == TASK_MULTICLASS)
		return LOSS_CCE;
	return LOSS_MSE;
}

static enum act
session_out_act_of(const struct session_config *c, const struct dataset *d)
{
	return c->out_act >= 0 ? (enum act)c->out_act :
	    loss_default_output(session_loss_of(c, d));
}

const char *
session_config_check(const struct session_config *c, const struct dataset *d)
{
	int i;

	if (c->nhidden < 0 || c->nhidden > NET_MAX_LAYERS - 1)
		return "at most 15 hidden layers";
	if ((int)c->optimizer < 0 || c->optimizer >= OPT_COUNT)
		return "unknown optimizer";
	if ((int)c->init < 0 || c->init >= INIT_COUNT)
		return "unknown initializer";
	if (c->loss < -1 || c->loss >= LOSS_COUNT)
		return "unknown loss";
	if (c->out_act < -1 || c->out_act >= ACT_COUNT)
		return "unknown output activation";
	for (i = 0; i < c->nhidden; i++) {
		if (c->hidden[i] < 1 || c->hidden[i] > NET_MAX_UNITS)
			return "a hidden layer has between 1 and 4096 units";
		if ((int)c->hidden_act[i] < 0 || c->hidden_act[i] >= ACT_COUNT)
			return "unknown hidden activation";
		if (c->hidden_act[i] == ACT_SOFTMAX)
			return "softmax is for the output layer only";
	}
	if (!(c->lr > 0) || !isfinite(c->lr))
		return "the learning rate must be a positive number";
	if (c->batch < 0)
		return "the batch size must be 0 (whole set) or more";
	if (c->epochs < 0 || c->epochs > 2000000)
		return "epochs must be between 1 and 1000000";
	if (!(c->l2 >= 0) || !isfinite(c->l2))
		return "l2 must be 0 or more";
	if (!(c->dropout >= 0 && c->dropout < 1))
		return "dropout must be at least 0 and below 1";
	if (!(c->alpha >= 0) || !isfinite(c->alpha))
		return "the leaky ReLU slope must be 0 or more";
	if (!(c->threshold >= 0 && c->threshold <= 1))
		return "the threshold must be between 0 and 1";
	if (c->early_stop < 0 || c->reduce_lr < 0)
		return "a callback's patience must be 0 (off) or more";
	if (!(c->reduce_factor > 0 && c->reduce_factor < 1))
		return "the plateau factor must be between 0 and 1";
	if (d != NULL) {
		enum loss l = session_loss_of(c, d);
		const char *why;

		if (d->train.n < 1)
			return "the training split is empty";
		if ((why = loss_check_output(l, session_out_act_of(c, d), d->noutputs)))
			return why;
		if (l == LOSS_CCE && d->task != TASK_MULTICLASS)
			return "loss cce needs a target with several classes";
	}
	return NULL;
}

/* --------------------------------------------------------- small helpers */

/* All finite? Without a branch per element, so the loop vectorises: the
 * exponent field of NaN and infinity is all ones, and adding one to it
 * carries into the sign bit. */
static int
session_finite(const double *x, long n)
{
	uint64_t bad = 0, u;
	long i;

	for (i = 0; i < n; i++) {
		memcpy(&u, &x[i], sizeof u);
		bad |= (u & 0x7ff0000000000000ULL) + 0x0010000000000000ULL;
	}
	return (bad >> 63) == 0;
}

/* Root mean square; scaled by the largest magnitude when squares would
 * overflow, so that huge but finite values give a finite answer. */
static double
session_rms(const double *x, long n)
{
	double s, big = 0;
	long i;

	if (n == 0)
		return 0.0;
	s = session_sum8(x, n, 0, 1);
	if (isfinite(s))
		return sqrt(s / n);
	for (i = 0; i < n; i++)
		if (fabs(x[i]) > big)
			big = fabs(x[i]);
	if (!isfinite(big))
		return big;
	for (s = 0, i = 0; i < n; i++)
		s += (x[i] / big) * (x[i] / big);
	return big * sqrt(s / n);
}

static void
session_event(struct session *s, enum event_kind k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
session_event(struct session *s, enum event_kind k, const char *fmt, ...)
{
	struct session_event *e;
	va_list ap;

	e = &s->events[s->pos.nevents++ % SESSION_MAX_EVENTS];
	e->kind = k;
	e->epoch = s->pos.epoch;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
	if (!s->replaying && s->observer)
		s->observer(s, SESSION_EVENT_BASE + k, s->observer_user);
}

int
session_nlayers(const struct session *s)
{
	return s->net->nlayers;
}

const struct layer *
session_layer(const struct session *s, int l)
{
	return &s->net->layer[l];
}

long
session_train_row(const struct session *s, long i)
{
	return s->batch_rows[i];
}

double
session_lr(const struct session *s)
{
	return s->pos.cfg.lr;
}

const struct session_config *
session_cfg(const struct session *s)
{
	return &s->pos.cfg;
}

double
session_grad_ratio(const struct session *s)
{
	double last = s->pos.diag[s->net->nlayers - 1].grad_rms;

	return last > 0 ? s->pos.diag[0].grad_rms / last : 0.0;
}

static int
session_relu_like(enum act a)
{
	return a == ACT_RELU;
}

static int
session_saturating(enum act a)
{
	return a == ACT_SIGMOID || a == ACT_TANH;
}

double
session_dead_fraction(const struct session *s)
{
	long dead = 0, units = 0;
	int l;

	for (l = 0; l < s->net->nlayers - 1; l++) {
		const struct layer *ly = &s->net->layer[l];

		if (!session_relu_like(ly->act))
			continue;
		units += ly->out;
		dead += lround(s->pos.diag[l].dead_fraction * ly->out);
	}
	return units ? (double)dead / units : 0.0;
}

double
session_saturated_fraction(const struct session *s)
{
	long sat = 0, units = 0;
	int l;

	for (l = 0; l < s->net->nlayers - 1; l++) {
		const struct layer *ly = &s->net->layer[l];

		if (!session_saturating(ly->act))
			continue;
		units += ly->out;
		sat += lround(s->pos.diag[l].saturated_fraction * ly->out);
	}
	return units ? (double)sat / units : 0.0;
}

int
session_unit_dead(const struct session *s, int l, int j)
{
	if (!session_relu_like(s->net->layer[l].act) || l == s->net->nlayers - 1)
		return 0;
	if (s->pos.diag[l].pass_complete)
		return s->unit_dead[s->unit_off[l] + j] != 0;
	return s->pos.pass_samples > 0 && s->unit_alive[s->unit_off[l] + j] == 0;
}

double
session_unit_saturation(const struct session *s, int l, int j)
{
	if (!session_saturating(s->net->layer[l].act))
		return 0;
	if (s->pos.diag[l].pass_complete)
		return s->unit_sat_frac[s->unit_off[l] + j];
	return s->pos.pass_samples > 0 ?
	    s->unit_sat[s->unit_off[l] + j] / s->pos.pass_samples : 0.0;
}

const struct session_event *
session_event_at(const struct session *s, int i)
{
	if (i < 0 || i >= s->pos.nevents || i < s->pos.nevents - SESSION_MAX_EVENTS)
		return NULL;
	return &s->events[i % SESSION_MAX_EVENTS];
}

const struct session_event *
session_last_event(const struct session *s)
{
	return session_event_at(s, s->pos.nevents - 1);
}

/* ------------------------------------------------------- rewind history */

/* A slot holds the position, then the arena. */
static struct session_pos *
session_slot(const struct session *s, int i)
{
	return (struct session_pos *)((char *)s->ring + (size_t)i * s->slot_size);
}

/*
 * What a snapshot holds after its position: the number k of optimizer state
 * arrays in use, those k arrays (the others are all zeros and not copied),
 * the rest of the arena, and the weights.
 */
static void
session_arena_save(const struct session *s, double *to)
{
	long np = s->net->nparams, k = s->opt_arrays;

	to[0] = (double)k;
	to++;
	memcpy(to, s->arena, (size_t)(k * np) * sizeof(double));
	to += k * np;
	memcpy(to, s->arena + 2 * np, (size_t)(s->arena_len - 2 * np) * sizeof(double));
	to += s->arena_len - 2 * np;
	memcpy(to, s->net->param, (size_t)np * sizeof(double));
}

static void
session_arena_load(struct session *s, const double *from)
{
	long np = s->net->nparams, k = (long)from[0];

	from++;
	s->opt_arrays = (int)k;
	memcpy(s->arena, from, (size_t)(k * np) * sizeof(double));
	memset(s->arena + k * np, 0, (size_t)((2 - k) * np) * sizeof(double));
	from += k * np;
	memcpy(s->arena + 2 * np, from, (size_t)(s->arena_len - 2 * np) * sizeof(double));
	from += s->arena_len - 2 * np;
	memcpy(s->net->param, from, (size_t)np * sizeof(double));
}

static void
session_snapshot(struct session *s)
{
	struct session_pos *p;
	int i, n;

	/* A new branch: forget snapshots at or after this point. */
	while (s->ring_count > 0) {
		i = (s->ring_head + s->ring_count - 1) % s->ring_len;
		if (session_slot(s, i)->phase_count < s->pos.phase_count)
			break;
		s->ring_count--;
	}
	if (s->ring_count == s->ring_len) {
		s->ring_head = (s->ring_head + 1) % s->ring_len;
		s->ring_count--;
	}
	n = (s->ring_head + s->ring_count) % s->ring_len;
	p = session_slot(s, n);
	*p = s->pos;
	session_arena_save(s, (double *)(p + 1));
	s->ring_count++;
}

long
session_history_start(const struct session *s)
{
	long first;

	if (s->ring_count == 0)
		return s->pos.phase_count;
	first = session_slot(s, s->ring_head)->phase_count;
	/* A slot can serve targets after it; the slot itself only if it is the start. */
	return first == 0 ? 0 : first + 1;
}

/* Rebuilds this epoch's order of rows from the rng state before its shuffle. */
static void
session_shuffle(struct session *s)
{
	long n = s->data->train.n, i;
	struct rng r = s->pos.epoch_rng;

	for (i = 0; i < n; i++)
		s->order[i] = i;
	if (!s->pos.cfg.shuffle)
		return;
	for (i = n - 1; i > 0; i--) {
		long j = (long)rng_below(&r, (uint64_t)i + 1), t = s->order[i];

		s->order[i] = s->order[j];
		s->order[j] = t;
	}
	s->pos.rng = r;
}

/* Places the current batch's rows in the network's input buffers. */
static void
session_gather(struct session *s)
{
	const struct split *tr = &s->data->train;
	struct net *n = s->net;
	int nin = n->ninputs, nout = net_noutputs(n);
	long start = s->pos.batch * s->batch_size, i;

	s->batch_rows = s->order + start;
	s->batch_n = tr->n - start < s->batch_size ? tr->n - start : s->batch_size;
	n->n = s->batch_n;
	for (i = 0; i < s->batch_n; i++) {
		long r = s->batch_rows[i];

		memcpy(n->x + i * nin, tr->x + r * nin, (size_t)nin * sizeof(double));
		memcpy(n->y + i * nout, tr->y + r * nout, (size_t)nout * sizeof(double));
		n->w[i] = tr->w ? tr->w[r] : 1.0;
	}
}

/* The epoch's order and the batch buffers' rows, from the position. */
static void
session_rebuild_batch(struct session *s)
{
	struct rng keep = s->pos.rng;

	net_sync(s->net);
	session_shuffle(s);
	s->pos.rng = keep;
	if (s->pos.phase_count > 0) {
		session_gather(s);
	} else {
		s->batch_rows = s->order;
		s->batch_n = 0;
		s->net->n = 0;
	}
}

static int
session_restore_to(struct session *s, long target)
{
	int i, k, found = -1;
	struct session_pos *p;

	for (k = s->ring_count - 1; k >= 0; k--) {
		i = (s->ring_head + k) % s->ring_len;
		p = session_slot(s, i);
		if (p->phase_count < target || (p->phase_count == 0 && target == 0)) {
			found = i;
			break;
		}
	}
	if (found < 0)
		return -1;
	p = session_slot(s, found);
	s->pos = *p;
	session_arena_load(s, (const double *)(p + 1));
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
	session_rebuild_batch(s);
	s->replaying = 1;
	while (s->pos.phase_count < target)
		if (session_phase(s) != SESSION_OK)
			break;
	s->replaying = 0;
	return 0;
}

int
session_goto(struct session *s, long pc)
{
	if (pc < 0)
		pc = 0;
	if (pc < s->pos.phase_count) {
		if (pc < session_history_start(s))
			return -1;
		return session_restore_to(s, pc);
	}
	while (s->pos.phase_count < pc)
		if (session_step(s) != SESSION_OK)
			return -1;
	return 0;
}

int
session_back(struct session *s)
{
	if (s->pos.phase_count == 0)
		return -1;
	return session_goto(s, s->pos.phase_count - 1);
}

/* ----------------------------------------------------------- diagnostics */

/*
 * Sum of x[i] (sq: of (x[i] - c)^2) in eight running sums, sum k taking
 * elements k, k+8, ...: independent sums let the loop vectorise. The order
 * is fixed, so the result is the same on every run.
 */
static double
session_sum8(const double *x, long n, double c, int sq)
{
	double p[8] = { 0 };
	long i, k;

	for (i = 0; i + 8 <= n; i += 8)
		for (k = 0; k < 8; k++)
			p[k] += sq ? (x[i + k] - c) * (x[i + k] - c) : x[i + k];
	p[0] = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
	for (; i < n; i++)
		p[0] += sq ? (x[i] - c) * (x[i] - c) : x[i];
	return p[0];
}

static void
session_diag_forward(struct session *s)
{
	struct net *n = s->net;
	unsigned char any[NET_MAX_UNITS];
	int l, j, b;
	long i;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		struct layer_diag *d = &s->pos.diag[l];
		long m = n->n * ly->out, inactive = 0;
		double mean, scale;
		double *alive = s->unit_alive + s->unit_off[l];
		double *sat = s->unit_sat + s->unit_off[l];
		int out = ly->out;

		mean = m ? session_sum8(ly->a, m, 0, 0) / m : 0;
		d->act_mean = mean;
		d->act_std = m ? sqrt(session_sum8(ly->a, m, mean, 1) / m) : 0;
		/* The ranges are 1, 2, 4 or 8 wide: the scale is exact. */
		scale = SESSION_HIST_BINS / (d->hist_hi - d->hist_lo);
		memset(d->hist, 0, sizeof d->hist);
		for (i = 0; i < m; i++) {
			double f = (ly->a[i] - d->hist_lo) * scale;

			/* Clamp as a double: converting a huge or NaN value is undefined. */
			b = !(f >= 0) ? 0 : (f >= SESSION_HIST_BINS ? SESSION_HIST_BINS - 1 : (int)f);
			d->hist[b]++;
		}
		/* Which units fired, and how often each was saturated, row by row. */
		memset(any, 0, (size_t)out);
		for (i = 0; i < n->n; i++) {
			const double *zr = ly->z + i * out, *ar = ly->a + i * out;

			for (j = 0; j < out; j++)
				any[j] |= zr[j] > 0;
			if (ly->act == ACT_SIGMOID)
				for (j = 0; j < out; j++)
					sat[j] += ar[j] * (1.0 - ar[j]) < SESSION_DEAD_DERIV;
			else if (ly->act == ACT_TANH)
				for (j = 0; j < out; j++)
					sat[j] += 1.0 - ar[j] * ar[j] < SESSION_DEAD_DERIV;
		}
		for (j = 0; j < out; j++) {
			if (any[j])
				alive[j] = 1;
			else
				inactive++;
		}
		d->inactive_batch = out ? (double)inactive / out : 0;
	}
	s->pos.pass_samples += n->n;
}

static void
session_diag_backward(struct session *s)
{
	struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];

		s->pos.diag[l].grad_rms = session_rms(n->grad + ly->w_off, (long)ly->in * ly->out);
		s->pos.diag[l].dz_rms = session_rms(ly->dz, n->n * ly->out);
	}
}

static void
session_diag_update(struct session *s)
{
	struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		long m = (long)ly->in * ly->out;
		double w = session_rms(n->param + ly->w_off, m);

		s->pos.diag[l].update_ratio = w > 0 ?
		    session_rms(s->delta + ly->w_off, m) / w : 0.0;
	}
}

/* Closes the pass over the training set: which units were dead or saturated. */
static void
session_diag_pass(struct session *s)
{
	struct net *n = s->net;
	int l, j;

	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		struct layer_diag *d = &s->pos.diag[l];
		long off = s->unit_off[l], dead = 0, sat = 0;

		for (j = 0; j < ly->out; j++) {
			double share = s->pos.pass_samples ?
			    s->unit_sat[off + j] / s->pos.pass_samples : 0;

			s->unit_dead[off + j] = session_relu_like(ly->act) && s->unit_alive[off + j] == 0;
			s->unit_sat_frac[off + j] = session_saturating(ly->act) ? share : 0;
			dead += s->unit_dead[off + j] != 0;
			sat += session_saturating(ly->act) && share >= SESSION_SATURATED_SHARE;
			s->unit_alive[off + j] = 0;
			s->unit_sat[off + j] = 0;
		}
		d->dead_fraction = ly->out ? (double)dead / ly->out : 0;
		d->saturated_fraction = ly->out ? (double)sat / ly->out : 0;
		d->pass_complete = 1;
	}
	s->pos.pass_samples = 0;
}

/* ------------------------------------------------------------ divergence */

static int
session_check(struct session *s, enum phase ph)
{
	struct net *n = s->net;
	struct divergence *d = &s->pos.diverged;
	int l;

#define BAD(layer_, what_) do { d->layer = (layer_); \
	snprintf(d->quantity, sizeof d->quantity, "%s", (what_)); goto bad; } while (0)
	switch (ph) {
	case PHASE_FORWARD:
		for (l = 0; l < n->nlayers; l++) {
			if (!session_finite(n->layer[l].z, n->n * n->layer[l].out))
				BAD(l + 1, "z");
			if (!session_finite(n->layer[l].a, n->n * n->layer[l].out))
				BAD(l + 1, "a");
		}
		break;
	case PHASE_LOSS:
		if (!session_finite(n->sample_loss, n->n) || !isfinite(n->batch_loss))
			BAD(n->nlayers, "loss");
		break;
	case PHASE_BACKWARD:
		for (l = n->nlayers - 1; l >= 0; l--) {
			struct layer *ly = &n->layer[l];

			if (!session_finite(ly->dz, n->n * ly->out))
				BAD(l + 1, "dL/dz");
			if (!session_finite(n->grad + ly->w_off, (long)ly->in * ly->out))
				BAD(l + 1, "dW");
			if (!session_finite(n->grad + ly->b_off, ly->out))
				BAD(l + 1, "db");
		}
		break;
	case PHASE_UPDATE:
		for (l = 0; l < n->nlayers; l++) {
			struct layer *ly = &n->layer[l];

			if (!session_finite(n->param + ly->w_off, (long)ly->in * ly->out))
				BAD(l + 1, "W");
			if (!session_finite(n->param + ly->b_off, ly->out))
				BAD(l + 1, "b");
		}
		break;
	default:
		break;
	}
#undef BAD
	return 0;
bad:
	d->set = 1;
	d->phase = ph;
	d->epoch = s->pos.epoch;
	d->batch = s->pos.batch;
	return -1;
}

/* ------------------------------------------------------------ the phases */

/* New settings take over: a new optimizer starts with empty state. */
static void
session_take_settings(struct session *s, const struct session_config *c)
{
	if (c->optimizer != s->pos.cfg.optimizer) {
		memset(s->opt_m, 0, 2 * (size_t)s->net->nparams * sizeof(double));
		s->opt_arrays = 0;
		s->pos.step = 0;
	}
	s->pos.cfg = *c;
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
}

static void
session_begin_batch(struct session *s)
{
	/* Settings first, so that a replay of this batch uses them too. */
	if (s->has_pending && !s->replaying)
		session_take_settings(s, &s->pending);
	if (!s->replaying)
		session_snapshot(s);
	if (s->pos.phase == PHASE_UPDATE) {
		if (++s->pos.batch == s->nbatches) {
			s->pos.batch = 0;
			s->pos.epoch++;
		}
	}
	if (s->pos.batch == 0) {
		s->pos.epoch_rng = s->pos.rng;
		session_shuffle(s);
	}
	session_gather(s);
}

/* The settings of pos.cfg that live in the network. */
static void
session_apply_cfg(struct session *s)
{
	struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers - 1; l++) {
		n->layer[l].act = s->pos.cfg.hidden_act[l];
		n->layer[l].alpha = n->layer[l].act == ACT_ELU ? ACT_ELU_ALPHA : s->pos.cfg.alpha;
		n->layer[l].dropout = s->pos.cfg.dropout;
	}
}

static void
session_count_correct(struct session *s)
{
	struct net *n = s->net;
	const struct layer *o = &n->layer[n->nlayers - 1];
	int nout = o->out, j;
	long i;

	if (s->data->task == TASK_REGRESS)
		return;
	for (i = 0; i < n->n; i++) {
		const double *a = o->a + i * nout, *y = n->y + i * nout;
		int p = 0, t = 0;

		if (nout == 1) {
			p = a[0] >= s->pos.cfg.threshold;
			t = y[0] >= 0.5;
		} else {
			for (j = 1; j < nout; j++) {
				if (a[j] > a[p])
					p = j;
				if (y[j] > y[t])
					t = j;
			}
		}
		s->pos.correct += p == t;
	}
	s->pos.seen += n->n;
}

/*
 * The loss curve: when the array is full, neighbours are averaged and each
 * entry stands for twice as many batches from then on. (After a rewind past
 * such a halving the curve keeps the coarser resolution; it is for display.)
 */
static void
session_record_batch_loss(struct session *s, double loss)
{
	long k = s->pos.nbatch_loss / s->batch_loss_stride, i;

	if (k >= s->batch_loss_cap) {
		for (i = 0; i < s->batch_loss_cap / 2; i++)
			s->batch_loss[i] = (s->batch_loss[2 * i] + s->batch_loss[2 * i + 1]) / 2;
		s->batch_loss_stride *= 2;
		k = s->pos.nbatch_loss / s->batch_loss_stride;
	}
	if (s->pos.nbatch_loss % s->batch_loss_stride == 0)
		s->batch_loss[k] = 0;
	s->batch_loss[k] += loss / s->batch_loss_stride;
	s->pos.nbatch_loss++;
}

static int
session_phase(struct session *s)
{
	struct net *n = s->net;
	enum phase next;

	if (s->pos.diverged.set)
		return SESSION_DIVERGED;
	if (s->pos.finished)
		return SESSION_FINISHED;
	next = s->pos.phase == PHASE_UPDATE ? PHASE_FORWARD : s->pos.phase + 1;
	switch (next) {
	case PHASE_FORWARD:
		session_begin_batch(s);
		session_apply_cfg(s);
		net_forward(n, 1, &s->pos.rng);
		if (s->pos.cfg.diagnostics)
			session_diag_forward(s);
		break;
	case PHASE_LOSS:
		net_loss(n);
		s->pos.loss_sum += n->batch_loss * n->n;
		s->pos.weight_seen += n->n;
		session_count_correct(s);
		break;
	case PHASE_BACKWARD:
		net_backward(n, s->pos.cfg.l2);
		if (s->pos.cfg.diagnostics)
			session_diag_backward(s);
		break;
	case PHASE_UPDATE:
		memcpy(s->prev_param, n->param, (size_t)n->nparams * sizeof(double));
		s->pos.step++;
		if (s->opt_arrays < optim_state_arrays(s->pos.cfg.optimizer))
			s->opt_arrays = optim_state_arrays(s->pos.cfg.optimizer);
		optim_step(s->pos.cfg.optimizer, s->pos.cfg.lr, n->nparams, n->param, n->grad,
		    s->opt_m, s->opt_v, s->pos.step, s->delta);
		net_sync(n);
		if (s->pos.cfg.diagnostics)
			session_diag_update(s);
		break;
	default:
		break;
	}
	if (session_check(s, next) != 0) {
		struct divergence d = s->pos.diverged;
		long target = s->pos.phase_count;

		/* Keep the last good state: go back to before this phase. With no
		 * snapshot old enough the state stays as it is; the divergence is
		 * recorded either way (a rewind replaces the whole position). */
		s->pos.diverged.set = 0;
		if (!s->replaying)
			session_restore_to(s, target);
		s->pos.diverged = d;
		if (!s->replaying)
			session_event(s, EV_DIVERGED,
			    "epoch %d, batch %ld: %s%s%.0d became NaN or infinite in the %s phase",
			    d.epoch, d.batch + 1, strcmp(d.quantity, "loss") ? d.quantity : "the loss",
			    strcmp(d.quantity, "loss") ? " of layer " : "",
			    strcmp(d.quantity, "loss") ? d.layer : 0, phase_name(d.phase));
		return SESSION_DIVERGED;
	}
	s->pos.phase = next;
	s->pos.phase_count++;
	if (next == PHASE_LOSS)
		session_record_batch_loss(s, n->batch_loss);
	if (!s->replaying && s->observer)
		s->observer(s, next, s->observer_user);
	if (next == PHASE_UPDATE && s->pos.batch == s->nbatches - 1)
		session_close_epoch(s);
	return SESSION_OK;
}

/* ------------------------------------------------------- epoch and callbacks */

static void
session_record_epoch(struct session *s, double val_loss)
{
	struct epoch_record *e;
	struct metrics *m = &s->val_metrics;

	if (s->pos.nepochs >= s->epochs_cap)
		return;
	e = &s->epochs[s->pos.nepochs++];
	e->epoch = s->pos.epoch;
	e->loss = s->pos.weight_seen > 0 ? s->pos.loss_sum / s->pos.weight_seen : 0;
	e->accuracy = s->pos.seen > 0 ? (double)s->pos.correct / s->pos.seen : NAN;
	e->val_loss = val_loss;
	e->val_accuracy = NAN;
	e->val_auc = NAN;
	if (s->data->val.n > 0) {
		e->val_accuracy = s->data->task == TASK_REGRESS ? m->r2 : m->accuracy;
		e->val_auc = s->data->task == TASK_REGRESS ? NAN : m->auc;
	}
	e->lr = s->pos.cfg.lr;
	e->dead_fraction = session_dead_fraction(s);
	e->saturated_fraction = session_saturated_fraction(s);
	e->grad_ratio = session_grad_ratio(s);
}

static void
session_restore_best(struct session *s, const char *why)
{
	struct net *n = s->net;

	memcpy(n->param, s->best_param, (size_t)n->nparams * sizeof(double));
	net_sync(n);
	session_event(s, EV_RESTORE, "epoch %d: %s; restoring weights of epoch %d",
	    s->pos.epoch, why, s->pos.best_epoch);
}

static void
session_close_epoch(struct session *s)
{
	struct session_pos *p = &s->pos;
	struct session_config *c = &p->cfg;
	struct net *n = s->net;
	const char *what = s->data->val.n > 0 ? "validation loss" : "training loss";
	double val = NAN, monitored;
	int improved;

	if (c->diagnostics)
		session_diag_pass(s);
	if (s->data->val.n > 0)
		val = session_evaluate(s, 1, &s->val_metrics);
	session_record_epoch(s, val);
	monitored = s->data->val.n > 0 ? val : s->epochs[p->nepochs - 1].loss;
	p->loss_sum = p->weight_seen = 0;
	p->correct = p->seen = 0;

	improved = p->best_epoch == 0 || monitored < p->best_loss - c->early_stop_delta;
	if (improved) {
		p->best_loss = monitored;
		p->best_epoch = p->epoch;
		memcpy(s->best_param, n->param, (size_t)n->nparams * sizeof(double));
		session_event(s, EV_BEST, "epoch %d: best %s so far (%.6g)", p->epoch, what,
		    monitored);
	}
	if (c->early_stop > 0) {
		p->es_wait = improved ? 0 : p->es_wait + 1;
		if (p->es_wait >= c->early_stop) {
			char why[120];

			snprintf(why, sizeof why, "%s has not improved for %d epochs", what,
			    p->es_wait);
			p->finished = p->stopped_early = 1;
			session_event(s, EV_EARLY_STOP, "epoch %d: early stop: %s", p->epoch, why);
			session_restore_best(s, why);
			return;
		}
	}
	if (c->reduce_lr > 0) {
		if (monitored < p->rlr_best - 1e-4) {
			p->rlr_best = monitored;
			p->rlr_wait = 0;
		} else if (++p->rlr_wait >= c->reduce_lr && c->lr > c->reduce_min_lr) {
			double old = c->lr;

			c->lr = fmax(c->lr * c->reduce_factor, c->reduce_min_lr);
			if (s->has_pending)
				s->pending.lr = c->lr;
			p->rlr_wait = 0;
			session_event(s, EV_REDUCE_LR,
			    "epoch %d: %s has not improved for %d epochs; learning rate %.6g -> %.6g",
			    p->epoch, what, c->reduce_lr, old, c->lr);
		}
	}
	if (p->epoch >= c->epochs) {
		p->finished = 1;
		if (c->early_stop > 0 && p->best_epoch != p->epoch)
			session_restore_best(s, "training finished");
		session_event(s, EV_FINISHED, "epoch %d: training finished", p->epoch);
	}
}

/* --------------------------------------------------------- public stepping */

int
session_step(struct session *s)
{
	return session_phase(s);
}

int
session_step_batch(struct session *s)
{
	int r;

	do
		r = session_phase(s);
	while (r == SESSION_OK && s->pos.phase != PHASE_UPDATE);
	return r;
}

int
session_step_epoch(struct session *s)
{
	int r;

	do
		r = session_step_batch(s);
	while (r == SESSION_OK && s->pos.batch != s->nbatches - 1);
	return r;
}

double
session_evaluate(struct session *s, int which, struct metrics *m)
{
	const struct split *sp = which == 0 ? &s->data->train :
	    which == 1 ? &s->data->val : &s->data->test;
	int width = net_noutputs(s->net);
	double loss;

	loss = net_evaluate(s->net, sp->x, sp->y, sp->w, sp->n, s->pred[which]);
	if (m != NULL) {
		metrics_compute(m, s->data->task, width, sp->n, s->pred[which], sp->y,
		    sp->label, s->pos.cfg.threshold, s->metrics_work);
		m->loss = loss;
	}
	return loss;
}

/* ------------------------------------------------------- life cycle */

static void
session_diag_ranges(struct session *s)
{
	int l;

	for (l = 0; l < s->net->nlayers; l++) {
		struct layer_diag *d = &s->pos.diag[l];

		switch (s->net->layer[l].act) {
		case ACT_SIGMOID:
		case ACT_SOFTMAX:
			d->hist_lo = 0, d->hist_hi = 1;
			break;
		case ACT_TANH:
			d->hist_lo = -1, d->hist_hi = 1;
			break;
		case ACT_RELU:
			d->hist_lo = 0, d->hist_hi = 4;
			break;
		default:
			d->hist_lo = -4, d->hist_hi = 4;
			break;
		}
	}
}

static void
session_start(struct session *s, uint64_t seed)
{
	struct net *n = s->net;

	memset(&s->pos.diag, 0, sizeof s->pos.diag);
	s->pos.cfg = s->start_cfg;
	s->pos.phase_count = 0;
	s->pos.phase = PHASE_NONE;
	s->pos.epoch = 1;
	s->pos.batch = 0;
	s->pos.step = 0;
	s->pos.finished = s->pos.stopped_early = 0;
	memset(&s->pos.diverged, 0, sizeof s->pos.diverged);
	s->pos.cfg.seed = seed;
	s->pos.best_loss = INFINITY;
	s->pos.best_epoch = 0;
	s->pos.es_wait = s->pos.rlr_wait = 0;
	s->pos.rlr_best = INFINITY;
	s->pos.loss_sum = s->pos.weight_seen = 0;
	s->pos.correct = s->pos.seen = 0;
	s->pos.pass_samples = 0;
	s->pos.nepochs = 0;
	s->pos.nbatch_loss = 0;
	s->pos.nevents = 0;
	s->batch_loss_stride = 1;
	memset(s->arena, 0, (size_t)s->arena_len * sizeof(double));
	s->opt_arrays = 0;
	rng_seed(&s->pos.rng, seed);
	session_apply_cfg(s);
	net_init(n, s->pos.cfg.init, s->pos.cfg.init_value, s->pos.cfg.bias_init, &s->pos.rng);
	memset(s->prev_param, 0, (size_t)n->nparams * sizeof(double));
	memset(s->delta, 0, (size_t)n->nparams * sizeof(double));
	s->pos.epoch_rng = s->pos.rng;
	session_rebuild_batch(s);
	session_diag_ranges(s);
	s->ring_head = s->ring_count = 0;
	s->has_pending = 0;
}

void
session_resync(struct session *s)
{
	s->opt_arrays = 2;	/* a checkpoint may have written both */
	s->pos.phase_count = 0;
	s->ring_head = s->ring_count = 0;
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
	session_rebuild_batch(s);
}

void
session_reset(struct session *s, uint64_t seed)
{
	session_start(s, seed);
}

struct session *
session_new(const struct session_config *cfg, const struct dataset *d, char **err)
{
	struct session *s;
	struct net_shape sh;
	const char *why;
	long units = 0, slots, i;
	int l;

	*err = NULL;
	if ((why = session_config_check(cfg, d)) != NULL) {
		*err = strdup(why);
		return NULL;
	}
	memset(&sh, 0, sizeof sh);
	sh.ninputs = d->ninputs;
	sh.nhidden = cfg->nhidden;
	for (l = 0; l < cfg->nhidden; l++) {
		sh.hidden[l] = cfg->hidden[l];
		sh.hidden_act[l] = cfg->hidden_act[l];
	}
	sh.out_act = session_out_act_of(cfg, d);
	sh.noutputs = d->noutputs;
	sh.alpha = cfg->alpha;
	/* Masks are always allocated so dropout can be switched on later. */
	sh.dropout = 0.5;
	sh.loss = session_loss_of(cfg, d);
	s = calloc(1, sizeof *s);
	if (s == NULL) {
		*err = strdup("out of memory");
		return NULL;
	}
	s->data = d;
	s->pos.cfg = *cfg;
	s->pos.cfg.out_act = sh.out_act;
	s->pos.cfg.loss = sh.loss;
	s->start_cfg = s->pos.cfg;
	s->batch_size = cfg->batch == 0 || cfg->batch > d->train.n ? d->train.n : cfg->batch;
	s->nbatches = (d->train.n + s->batch_size - 1) / s->batch_size;
	/* Evaluation runs in chunks of the batch buffers; give small batches room. */
	s->net = net_new(&sh, s->batch_size < 256 ? 256 : s->batch_size, &why);
	if (s->net == NULL) {
		*err = strdup(why);
		free(s);
		return NULL;
	}
	for (l = 0; l < s->net->nlayers; l++) {
		s->unit_off[l] = units;
		units += s->net->layer[l].out;
	}
	s->arena_len = 3 * s->net->nparams + 4 * units;
	s->arena = calloc((size_t)s->arena_len, sizeof(double));
	s->prev_param = calloc((size_t)s->net->nparams, sizeof(double));
	s->delta = calloc((size_t)s->net->nparams, sizeof(double));
	s->order = calloc((size_t)d->train.n, sizeof(long));
	s->epochs_cap = cfg->epochs < 1000 ? 1000 : cfg->epochs;
	s->epochs = calloc((size_t)s->epochs_cap, sizeof *s->epochs);
	s->batch_loss_cap = 1L << 16;
	s->batch_loss = calloc((size_t)s->batch_loss_cap, sizeof(double));
	s->events = calloc(SESSION_MAX_EVENTS, sizeof *s->events);
	for (i = 0; i < 3; i++) {
		const struct split *sp = i == 0 ? &d->train : i == 1 ? &d->val : &d->test;

		s->pred[i] = calloc((size_t)(sp->n > 0 ? sp->n : 1) * d->noutputs, sizeof(double));
	}
	s->metrics_work = malloc(metrics_work_size(d->train.n > d->val.n ?
	    (d->train.n > d->test.n ? d->train.n : d->test.n) :
	    (d->val.n > d->test.n ? d->val.n : d->test.n)));
	s->slot_size = sizeof(struct session_pos) +
	    (size_t)(1 + s->arena_len + s->net->nparams) * sizeof(double);
	s->slot_size = (s->slot_size + 15) & ~(size_t)15;
	slots = cfg->history_phases / 4 + 2;
	if ((size_t)slots * s->slot_size > cfg->history_bytes)
		slots = (long)(cfg->history_bytes / s->slot_size);
	if (slots < 2)
		slots = 2;
	s->ring_len = (int)slots;
	s->ring = malloc((size_t)slots * s->slot_size);
	if (!s->arena || !s->prev_param || !s->delta || !s->order || !s->epochs ||
	    !s->batch_loss || !s->events || !s->pred[0] || !s->pred[1] || !s->pred[2] ||
	    !s->metrics_work || !s->ring) {
		session_free(s);
		*err = strdup("out of memory for the session");
		return NULL;
	}
	s->opt_m = s->arena;
	s->opt_v = s->opt_m + s->net->nparams;
	s->best_param = s->opt_v + s->net->nparams;
	s->unit_alive = s->best_param + s->net->nparams;
	s->unit_sat = s->unit_alive + units;
	s->unit_dead = s->unit_sat + units;
	s->unit_sat_frac = s->unit_dead + units;
	session_start(s, cfg->seed);
	return s;
}

void
session_free(struct session *s)
{
	int i;

	if (s == NULL)
		return;
	net_free(s->net);
	free(s->arena);
	free(s->prev_param);
	free(s->delta);
	free(s->order);
	free(s->epochs);
	free(s->batch_loss);
	free(s->events);
	for (i = 0; i < 3; i++)
		free(s->pred[i]);
	free(s->metrics_work);
	free(s->ring);
	free(s);
}

void
session_set_observer(struct session *s, session_observer fn, void *user)
{
	s->observer = fn;
	s->observer_user = user;
}

int
session_configure(struct session *s, const struct session_config *c, const char **err)
{
	const struct session_config *o = &s->pos.cfg;
	struct session_config want = *c;
	int l;

	*err = session_config_check(c, s->data);
	if (*err != NULL)
		return -1;
	want.out_act = session_out_act_of(c, s->data);
	want.loss = session_loss_of(c, s->data);
	if (want.nhidden != o->nhidden || want.out_act != o->out_act ||
	    want.loss != o->loss || want.batch != o->batch || want.init != o->init ||
	    want.init_value != o->init_value || want.bias_init != o->bias_init ||
	    want.seed != o->seed || want.history_phases != o->history_phases ||
	    want.history_bytes != o->history_bytes || want.epochs > s->epochs_cap)
		return 1;
	for (l = 0; l < want.nhidden; l++)
		if (want.hidden[l] != o->hidden[l])
			return 1;
	if (want.epochs > s->pos.nepochs && !s->pos.stopped_early)
		s->pos.finished = 0;
	s->pending = want;
	s->has_pending = 1;
	s->start_cfg = want;
	/* Between batches the change can take effect at once; the snapshot of
	 * the next batch will hold it. */
	if (s->pos.phase == PHASE_NONE || s->pos.phase == PHASE_UPDATE)
		session_take_settings(s, &want);
	return 0;
}
