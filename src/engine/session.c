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
 * The other jobs of a session live beside this file: settings
 * (session_config.c), rewind history (session_history.c), diagnostics
 * (session_diag.c), closing an epoch and its callbacks (session_epoch.c),
 * events (session_event.c), evaluation (session_eval.c) and the training
 * state that checkpoints carry (session_state.c); session_impl.h joins them.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"
#include "session_impl.h"
#include "util/i18n.h"

/* Marked for the catalogue; shown through _() where people read them. */
const char *const phase_names[] = { N_("ready"), N_("forward"), N_("loss"),
	N_("backward"), N_("update"), NULL };

const char *
phase_name(enum phase p)
{
	return (p >= PHASE_NONE && p <= PHASE_UPDATE) ? phase_names[p] : "?";
}

/* --------------------------------------------------------- small helpers */

static int
session_finite(const double *x, long n)
{
	return kern_all_finite(x, n);
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

const struct session_config *
session_pending(const struct session *s)
{
	return s->has_pending ? &s->pending : NULL;
}

const struct session_config *
session_next_cfg(const struct session *s)
{
	return s->has_pending ? &s->pending : &s->pos.cfg;
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
void
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
			struct layer *ly = &n->layer[l];

			if (kern_all_finite2(ly->z, ly->a, n->n * ly->out))
				continue;
			if (!session_finite(ly->z, n->n * ly->out))
				BAD(l + 1, "z");
			BAD(l + 1, "a");
		}
		break;
	case PHASE_LOSS:
		if (!session_finite(n->sample_loss, n->n) || !isfinite(n->batch_loss))
			BAD(n->nlayers, "loss");
		break;
	case PHASE_BACKWARD:
		/* The kernels tested every dW and db; only a failure looks for
		 * which. A NaN or infinity in dL/dz reaches db, the sum of dL/dz
		 * over the batch (adding finite numbers never makes it finite
		 * again), so finite gradients mean a finite dL/dz. */
		if (n->grad_finite)
			break;
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
		/* The optimizer tested every new value as it wrote it. */
		if (s->update_finite)
			break;
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

static void
session_begin_batch(struct session *s)
{
	/* Settings first, so that a replay of this batch uses them too. */
	if (s->has_pending && !s->replaying)
		session_take_settings(s, &s->pending);
	s->batch_start.epoch = s->pos.epoch;
	s->batch_start.batch = s->pos.batch;
	s->batch_start.phase = s->pos.phase;
	s->batch_start.rng = s->pos.rng;
	s->batch_start.epoch_rng = s->pos.epoch_rng;
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

int
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
		if (s->pos.start_loss <= 0 && isfinite(n->batch_loss))
			s->pos.start_loss = n->batch_loss;
		session_count_correct(s);
		break;
	case PHASE_BACKWARD:
		net_backward(n, s->pos.cfg.l2);
		if (s->pos.cfg.diagnostics)
			session_diag_backward(s);
		break;
	case PHASE_UPDATE:
		s->updates_written = 1;
		s->pos.step++;
		if (s->opt_arrays < optim_state_arrays(s->pos.cfg.optimizer))
			s->opt_arrays = optim_state_arrays(s->pos.cfg.optimizer);
		/* Without the delta kept, its per-layer size is measured first,
		 * from the same arithmetic on copies of a block at a time. */
		if (s->pos.cfg.diagnostics && s->delta == NULL)
			session_diag_update_blocks(s);
		if (s->prev_param != NULL) {
			/* The new weights go to the other buffer, and the two
			 * change places: the old weights are kept without a copy. */
			double *old = n->param;

			s->update_finite = optim_step_to(s->pos.cfg.optimizer, s->pos.cfg.lr,
			    n->nparams, old, s->prev_param, n->grad, s->opt_m, s->opt_v,
			    s->pos.step, s->delta);
			n->param = s->prev_param;
			s->prev_param = old;
		} else {
			s->update_finite = optim_step(s->pos.cfg.optimizer, s->pos.cfg.lr,
			    n->nparams, n->param, n->grad, s->opt_m, s->opt_v, s->pos.step,
			    s->delta);
		}
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
			    _("epoch %d, batch %ld: %s%s%.0d became NaN or infinite in the %s phase"),
			    d.epoch, d.batch + 1, strcmp(d.quantity, "loss") ? d.quantity : _("the loss"),
			    strcmp(d.quantity, "loss") ? _(" of layer ") : "",
			    strcmp(d.quantity, "loss") ? d.layer : 0, _(phase_name(d.phase)));
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

/* ------------------------------------------------------- life cycle */

static void
session_start(struct session *s, uint64_t seed)
{
	struct net *n = s->net;

	memset(&s->pos.diag_cache, 0, sizeof s->pos.diag_cache);
	s->pos.diag_due = 0;
	s->pos.cfg = s->start_cfg;
	s->pos.phase_count = 0;
	s->pos.phase = PHASE_NONE;
	s->pos.epoch = 1;
	s->pos.batch = 0;
	s->pos.step = 0;
	s->pos.finished = s->pos.stopped_early = 0;
	memset(&s->pos.diverged, 0, sizeof s->pos.diverged);
	s->pos.cfg.seed = seed;
	s->pos.chosen = s->pos.cfg;
	s->pos.best_loss = INFINITY;
	s->pos.best_epoch = 0;
	s->pos.es_wait = s->pos.rlr_wait = 0;
	s->pos.rlr_best = INFINITY;
	s->pos.loss_sum = s->pos.weight_seen = 0;
	s->pos.correct = s->pos.seen = 0;
	s->pos.pass_samples = 0;
	session_diag_stage_drop(s);
	s->pos.nepochs = 0;
	s->pos.nbatch_loss = 0;
	s->pos.nevents = 0;
	s->batch_loss_stride = 1;
	/* Only the optimizer arrays in use can be non-zero; the others stay
	 * untouched, so a large network's unused state takes no memory. */
	memset(s->arena, 0, (size_t)s->opt_arrays * (size_t)n->nparams * sizeof(double));
	memset(s->arena + 2 * n->nparams, 0,
	    (size_t)(s->arena_len - 2 * n->nparams) * sizeof(double));
	s->opt_arrays = 0;
	rng_seed(&s->pos.rng, seed);
	session_apply_cfg(s);
	net_init(n, s->pos.cfg.init, s->pos.cfg.init_value, s->pos.cfg.bias_init, &s->pos.rng);
	/* (Zero from calloc until the first update: not touched before, so
	 * that a session that drops them never has them resident.) */
	if (s->updates_written) {
		if (s->prev_param != NULL)
			memset(s->prev_param, 0, (size_t)n->nparams * sizeof(double));
		if (s->delta != NULL)
			memset(s->delta, 0, (size_t)n->nparams * sizeof(double));
		s->updates_written = 0;
	}
	s->pos.epoch_rng = s->pos.rng;
	session_rebuild_batch(s);
	session_diag_ranges(s);
	session_history_clear(s);
	s->has_pending = 0;
}

void
session_reset(struct session *s, uint64_t seed)
{
	/* The settings on screen: after a rewind, those of the batch gone back
	 * to, not the last ones chosen before it. */
	s->start_cfg = s->has_pending ? s->pending : s->pos.chosen;
	session_start(s, seed);
}

struct session *
session_new(const struct session_config *cfg, const struct dataset *d, char **err)
{
	struct session *s;
	struct net_shape sh;
	const char *why;
	long units = 0, i;
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
	s->diag_pos = &s->pos;
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
	s->prev_param = kern_calloc(s->net->nparams);
	s->delta = kern_calloc(s->net->nparams);
	s->order = calloc((size_t)d->train.n, sizeof(long));
	s->diag_fprime = malloc(NET_MAX_UNITS * sizeof(double));
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
	if (!s->arena || !s->prev_param || !s->delta || !s->order || !s->diag_fprime || !s->epochs ||
	    !s->batch_loss || !s->events || !s->pred[0] || !s->pred[1] || !s->pred[2] ||
	    !s->metrics_work || session_history_new(s, cfg) != 0 ||
	    session_diag_stage_new(s) != 0) {
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
	session_keep_updates(s, 0, 0);
	net_free(s->net);
	free(s->arena);
	free(s->order);
	free(s->diag_fprime);
	session_diag_stage_free(s);
	free(s->epochs);
	free(s->batch_loss);
	free(s->events);
	for (i = 0; i < 3; i++)
		free(s->pred[i]);
	free(s->metrics_work);
	session_history_free(s);
	free(s);
}

int
session_keep_updates(struct session *s, int prev, int delta)
{
	double **arr[2] = { &s->prev_param, &s->delta };
	int keep[2] = { prev, delta }, i;

	/* The weights and prev_param take turns in two buffers: the one the
	 * network was made with stays the weights' when prev_param goes. */
	if (!prev && s->prev_param != NULL && s->net != NULL &&
	    s->prev_param == s->net->param_block) {
		memcpy(s->prev_param, s->net->param, (size_t)s->net->nparams * sizeof(double));
		s->prev_param = s->net->param;
		s->net->param = s->net->param_block;
	}
	for (i = 0; i < 2; i++) {
		if (!keep[i]) {
			kern_free(*arr[i]);
			*arr[i] = NULL;
		} else if (*arr[i] == NULL) {
			/* (zero until the next update) */
			*arr[i] = kern_calloc(s->net->nparams);
			if (*arr[i] == NULL)
				return -1;
		}
	}
	return 0;
}

void
session_set_observer(struct session *s, session_observer fn, void *user)
{
	s->observer = fn;
	s->observer_user = user;
}

