/*
 * session_epoch.c: closing an epoch: the pass's diagnostics, validation, the
 * epoch history, and the callbacks (best weights, early stop, reduce lr).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"
#include "util/i18n.h"

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

/*
 * An exploding loss is one that grows without becoming NaN (with BCE from
 * logits a huge learning rate can reach 10^5 and stay finite): an epoch's
 * training loss above SESSION_EXPLODE_START times the loss of the first
 * batch (the untrained network's), or above SESSION_EXPLODE_GROWTH times
 * that of three epochs before and above the untrained loss (so that a tiny
 * loss wobbling near 0 is not called exploding). Said once per run, as an event; NaN or Inf
 * stays a divergence.
 */
#define SESSION_EXPLODE_START 100.0
#define SESSION_EXPLODE_GROWTH 10.0

static void
session_check_exploding(struct session *s)
{
	struct session_pos *p = &s->pos;
	const struct epoch_record *e, *before;
	double l;

	if (p->exploding_epoch > 0 || p->nepochs < 1)
		return;
	e = &s->epochs[p->nepochs - 1];
	before = p->nepochs >= 4 ? &s->epochs[p->nepochs - 4] : NULL;
	l = e->loss;
	if (!isfinite(l))
		return;
	if (p->start_loss > 0 && l > SESSION_EXPLODE_START * p->start_loss)
		snprintf(p->exploding_text, sizeof p->exploding_text,
		    "epoch %d: the training loss is exploding: %.6g, %.0f times the untrained "
		    "network's %.6g; the learning rate %g is too large (try a smaller --lr)",
		    e->epoch, l, l / p->start_loss, p->start_loss, e->lr);
	else if (before && before->loss > 0 && l > SESSION_EXPLODE_GROWTH * before->loss &&
	    l > p->start_loss)
		snprintf(p->exploding_text, sizeof p->exploding_text,
		    "epoch %d: the training loss is exploding: %.6g, %.0f times epoch %d's %.6g; "
		    "the learning rate %g is too large (try a smaller --lr)", e->epoch, l,
		    l / before->loss, before->epoch, before->loss, e->lr);
	else
		return;
	p->exploding_epoch = e->epoch;
	session_event(s, EV_EXPLODING, "%s", p->exploding_text);
}

static void
session_restore_best(struct session *s, const char *why)
{
	struct net *n = s->net;

	session_diag_settle(s);
	memcpy(n->param, s->best_param, (size_t)n->nparams * sizeof(double));
	net_sync(n);
	s->pos.restored_epoch = s->pos.best_epoch;
	session_event(s, EV_RESTORE, _("epoch %d: %s; restoring weights of epoch %d"),
	    s->pos.epoch, why, s->pos.best_epoch);
}

void
session_close_epoch(struct session *s)
{
	struct session_pos *p = &s->pos;
	struct session_config *c = &p->cfg;
	struct net *n = s->net;
	const char *what = s->data->val.n > 0 ? _("validation loss") : _("training loss");
	double val = NAN, monitored;
	int improved;

	if (c->diagnostics)
		session_diag_pass(s);
	if (s->data->val.n > 0)
		val = session_evaluate(s, 1, &s->val_metrics);
	session_record_epoch(s, val);
	session_check_exploding(s);
	monitored = s->data->val.n > 0 ? val : s->epochs[p->nepochs - 1].loss;
	p->loss_sum = p->weight_seen = 0;
	p->correct = p->seen = 0;

	improved = p->best_epoch == 0 || monitored < p->best_loss - c->early_stop_delta;
	if (improved) {
		p->best_loss = monitored;
		p->best_epoch = p->epoch;
		memcpy(s->best_param, n->param, (size_t)n->nparams * sizeof(double));
		session_event(s, EV_BEST, _("epoch %d: best %s so far (%.6g)"), p->epoch, what,
		    monitored);
	}
	if (c->early_stop > 0) {
		p->es_wait = improved ? 0 : p->es_wait + 1;
		if (p->es_wait >= c->early_stop) {
			char why[120];

			snprintf(why, sizeof why, _("%s has not improved for %d epochs"), what,
			    p->es_wait);
			p->finished = p->stopped_early = 1;
			session_event(s, EV_EARLY_STOP, _("epoch %d: early stop: %s"), p->epoch, why);
			session_restore_best(s, why);
			return;
		}
	}
	if (c->reduce_lr > 0) {
		if (monitored < p->rlr_best - c->reduce_delta) {
			p->rlr_best = monitored;
			p->rlr_wait = 0;
		} else if (++p->rlr_wait >= c->reduce_lr && c->lr > c->reduce_min_lr) {
			double old = c->lr;

			c->lr = fmax(c->lr * c->reduce_factor, c->reduce_min_lr);
			if (s->has_pending)
				s->pending.lr = c->lr;
			p->rlr_wait = 0;
			session_event(s, EV_REDUCE_LR,
			    _("epoch %d: %s has not improved for %d epochs; learning rate %.6g -> %.6g"),
			    p->epoch, what, c->reduce_lr, old, c->lr);
		}
	}
	if (p->epoch >= c->epochs) {
		p->finished = 1;
		if (c->early_stop > 0 && p->best_epoch != p->epoch)
			session_restore_best(s, _("training finished"));
		session_event(s, EV_FINISHED, _("epoch %d: training finished"), p->epoch);
	}
}
