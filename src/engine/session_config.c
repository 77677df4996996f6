/*
 * session_config.c: a session's settings: defaults, comparison, checks, and
 * changes made while training (applied from the next batch).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"

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
	c->reduce_delta = 1e-4;
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
	    a->reduce_min_lr == b->reduce_min_lr && a->reduce_delta == b->reduce_delta && a->diagnostics == b->diagnostics &&
	    a->history_phases == b->history_phases && a->history_bytes == b->history_bytes;
}

enum loss
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

enum act
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
		if (act_info(c->hidden_act[i])->props & ACTP_OUTPUT_ONLY)
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

/* New settings take over: a new optimizer starts with empty state. */
void
session_take_settings(struct session *s, const struct session_config *c)
{
	if (c->optimizer != s->pos.cfg.optimizer) {
		memset(s->opt_m, 0, 2 * (size_t)s->net->nparams * sizeof(double));
		s->opt_arrays = 0;
		s->pos.step = 0;
	}
	s->pos.cfg = *c;
	s->pos.chosen = *c;
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
	/* A replay from an older snapshot would run this batch with the old
	 * settings: the batch that starts with these keeps a snapshot. */
	session_history_branch(s);
}

/* The settings of pos.cfg that live in the network. */
void
session_apply_cfg(struct session *s)
{
	struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers - 1; l++) {
		n->layer[l].act = s->pos.cfg.hidden_act[l];
		n->layer[l].alpha = act_alpha(n->layer[l].act, s->pos.cfg.alpha);
		n->layer[l].dropout = s->pos.cfg.dropout;
	}
}

/* Does b compute a batch differently from a (forward, backward or update)? */
static int
session_batch_setting_changed(const struct session_config *a, const struct session_config *b)
{
	int l;

	for (l = 0; l < a->nhidden; l++)
		if (a->hidden_act[l] != b->hidden_act[l])
			return 1;
	return a->alpha != b->alpha || a->optimizer != b->optimizer || a->lr != b->lr ||
	    a->l2 != b->l2 || a->dropout != b->dropout;
}

int
session_train_on(struct session *s, int more, const char **err)
{
	struct session_config c = s->has_pending ? s->pending : s->pos.cfg;
	int want;

	*err = NULL;
	if (s->pos.diverged.set || s->pos.stopped_early || more < 1 ||
	    c.epochs > 1000000 - more) {
		*err = s->pos.diverged.set ? "training has diverged" : s->pos.stopped_early ?
		    "training stopped early" : "too many epochs";
		return -1;
	}
	want = c.epochs + more;
	if (want > s->epochs_cap) {
		/* The epoch history grows; what it holds stays. */
		int cap = want > 500000 ? 1000000 : want * 2;
		struct epoch_record *e = realloc(s->epochs, (size_t)cap * sizeof *e);

		if (e == NULL) {
			*err = "out of memory";
			return -1;
		}
		memset(e + s->epochs_cap, 0, (size_t)(cap - s->epochs_cap) * sizeof *e);
		s->epochs = e;
		s->epochs_cap = cap;
	}
	c.epochs = want;
	return session_configure(s, &c, err) == 0 ? 0 : -1;
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
	/* Before the first phase nothing has been computed, so the change can
	 * take effect at once. After a batch's update its numbers are still on
	 * screen: a change to how they were computed waits for the next batch
	 * (whose snapshot will hold it), so that nothing shown is labelled
	 * with settings it was not computed with. */
	if (s->pos.phase == PHASE_NONE ||
	    (s->pos.phase == PHASE_UPDATE && !session_batch_setting_changed(o, &want)))
		session_take_settings(s, &want);
	return 0;
}
