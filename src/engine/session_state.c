/*
 * session_state.c: the training state that checkpoints carry, exported from
 * a session and imported into one (see struct session_state).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "session_impl.h"

void
session_export(const struct session *s, struct session_state *st)
{
	const struct session_config *c = &s->pos.cfg;
	const struct session_pos *p = &s->pos;
	int arrays = optim_state_arrays(c->optimizer);

	memset(st, 0, sizeof *st);
	st->param = s->net->param;
	st->optimizer = c->optimizer;
	st->opt_m = arrays >= 1 ? s->opt_m : NULL;
	st->opt_v = arrays >= 2 ? s->opt_v : NULL;
	st->step = p->step;
	st->lr = c->lr;
	st->seed = c->seed;
	st->epoch = p->epoch;
	st->batch = p->batch;
	st->phase = p->phase;
	st->batch_size = s->batch_size;
	st->rng = p->rng;
	st->epoch_rng = p->epoch_rng;
	/* Mid-batch, the position to resume from is the start of the batch
	 * (the weights, the step count and the epoch's figures are the same). */
	if (p->phase != PHASE_NONE && p->phase != PHASE_UPDATE) {
		st->epoch = s->batch_start.epoch;
		st->batch = s->batch_start.batch;
		st->phase = s->batch_start.phase;
		st->rng = s->batch_start.rng;
		st->epoch_rng = s->batch_start.epoch_rng;
	}
	st->epochs_done = p->nepochs;
	st->history = s->epochs;
	st->nhistory = p->nepochs < s->epochs_cap ? p->nepochs : s->epochs_cap;
	st->best_epoch = p->best_epoch;
	st->best_loss = p->best_loss;
	st->best_param = c->early_stop > 0 ? s->best_param : NULL;
	st->es_wait = p->es_wait;
	st->rlr_wait = p->rlr_wait;
	st->rlr_best = p->rlr_best;
}

/* Position, callbacks and history from a saved state. */
static void
session_import_training(struct session *s, const struct session_state *st)
{
	struct session_pos *p = &s->pos;
	long np = s->net->nparams;
	int arrays = optim_state_arrays(p->cfg.optimizer), l;

	if (st->optimizer == p->cfg.optimizer) {
		if (arrays >= 1 && st->opt_m != NULL)
			memcpy(s->opt_m, st->opt_m, (size_t)np * sizeof(double));
		if (arrays >= 2 && st->opt_v != NULL)
			memcpy(s->opt_v, st->opt_v, (size_t)np * sizeof(double));
		p->step = st->step;
	}
	if (st->lr > 0)
		p->cfg.lr = st->lr;
	p->rng = st->rng;
	p->epoch_rng = st->epoch_rng;
	p->nepochs = st->epochs_done;
	p->epoch = st->epoch;
	p->batch = st->batch;
	p->phase = st->phase == PHASE_UPDATE ? PHASE_UPDATE : PHASE_NONE;
	if (st->batch_size != s->batch_size || p->batch < 0 || p->batch >= s->nbatches ||
	    p->epoch < 1) {
		/* Another batch size: resume at the next epoch boundary. */
		p->epoch = p->nepochs > 0 ? p->nepochs : 1;
		p->batch = s->nbatches - 1;
		p->phase = p->nepochs > 0 ? PHASE_UPDATE : PHASE_NONE;
		if (p->phase == PHASE_NONE)
			p->batch = 0;
	}
	p->best_epoch = st->best_epoch;
	p->best_loss = st->best_loss;
	p->rlr_best = st->rlr_best;
	p->es_wait = st->es_wait;
	p->rlr_wait = st->rlr_wait;
	memcpy(s->best_param, st->best_param ? st->best_param : s->net->param,
	    (size_t)np * sizeof(double));
	if (p->nepochs > s->epochs_cap)
		p->nepochs = s->epochs_cap;
	for (l = 0; l < p->nepochs; l++) {
		struct epoch_record *r = &s->epochs[l];

		memset(r, 0, sizeof *r);
		r->epoch = l + 1;
		r->loss = l < st->nhistory ? st->history[l].loss : NAN;
		r->val_loss = l < st->nhistory ? st->history[l].val_loss : NAN;
		r->val_accuracy = r->val_auc = r->accuracy = NAN;
		r->lr = p->cfg.lr;
	}
	p->finished = p->nepochs >= p->cfg.epochs;
}

void
session_import(struct session *s, const double *param, const struct session_state *train)
{
	session_diag_settle(s);
	memcpy(s->net->param, param, (size_t)s->net->nparams * sizeof(double));
	if (train != NULL)
		session_import_training(s, train);
	s->opt_arrays = 2;	/* a checkpoint may have written both */
	s->pos.phase_count = 0;
	session_history_clear(s);
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
	session_rebuild_batch(s);
}

int
session_set_param(struct session *s, long k, double v)
{
	if (k < 0 || k >= s->net->nparams || !isfinite(v))
		return -1;
	/* Mid-batch, back to the batch's start: its forward pass must see the
	 * new value. */
	while (s->pos.phase != PHASE_NONE && s->pos.phase != PHASE_UPDATE)
		if (session_back(s) != 0)
			break;
	session_diag_settle(s);
	s->net->param[k] = v;
	net_sync(s->net);
	/* The snapshots hold the weights before the edit: a replay from them
	 * would undo it, so the history starts again here. */
	session_history_clear(s);
	return 0;
}

int
session_data_changed(struct session *s, const char **err)
{
	const struct dataset *d = s->data;
	long n = d->train.n, bs, nb, most, *order;
	double *pred;
	void *work;
	int closed;

	if (n < 1) {
		*err = N_("the training split is empty");
		return -1;
	}
	bs = s->pos.cfg.batch == 0 || s->pos.cfg.batch > n ? n : s->pos.cfg.batch;
	if (bs > s->net->cap) {
		*err = N_("the batch would outgrow the network's buffers");
		return -1;
	}
	order = realloc(s->order, (size_t)n * sizeof(long));
	if (order == NULL)
		goto oom;
	s->order = order;
	pred = realloc(s->pred[0], (size_t)n * (size_t)d->noutputs * sizeof(double));
	if (pred == NULL)
		goto oom;
	s->pred[0] = pred;
	most = n > d->val.n ? n : d->val.n;
	most = most > d->test.n ? most : d->test.n;
	work = realloc(s->metrics_work, metrics_work_size(most));
	if (work == NULL)
		goto oom;
	s->metrics_work = work;
	/* Mid-batch, back to the batch's start (its rows are gone). */
	while (s->pos.phase != PHASE_NONE && s->pos.phase != PHASE_UPDATE)
		if (session_back(s) != 0)
			break;
	session_diag_settle(s);
	closed = s->pos.phase == PHASE_UPDATE && s->pos.batch == s->nbatches - 1;
	nb = (n + bs - 1) / bs;
	s->batch_size = bs;
	s->nbatches = nb;
	if (s->pos.phase_count > 0 && closed) {
		/* Between epochs: the next epoch is the first on the new data. */
		s->pos.batch = nb - 1;
	} else if (s->pos.phase_count > 0) {
		/* Mid-epoch: the epoch starts again on the new data, from its
		 * first batch, shuffled from the generator as it stands. */
		s->pos.phase = PHASE_NONE;
		s->pos.batch = 0;
		s->pos.epoch_rng = s->pos.rng;
		s->pos.loss_sum = s->pos.weight_seen = 0;
		s->pos.correct = s->pos.seen = 0;
	}
	s->batch_start.epoch = s->pos.epoch;
	s->batch_start.batch = s->pos.batch;
	s->batch_start.phase = s->pos.phase;
	s->batch_start.rng = s->pos.rng;
	s->batch_start.epoch_rng = s->pos.epoch_rng;
	session_rebuild_batch(s);
	/* The snapshots hold the old rows' positions: the history starts again. */
	session_history_clear(s);
	return 0;
oom:
	*err = "out of memory";
	return -1;
}
