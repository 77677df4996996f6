/*
 * player.c: the lesson state machine. Directives run against one session,
 * or two to four side by side after `compare`; the player stops at each
 * `pause` and `ask`, and goes back by replaying from the start.
 *
 * The player does no arithmetic of its own: stepping, settings and metrics
 * all go through the session API, so the numbers a lesson checks are the
 * numbers the learner sees.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/run.h"
#include "app/options.h"
#include "engine/checks.h"
#include "io/checkpoint.h"
#include "lesson/lutil.h"
#include "lesson/player.h"
#include "util/i18n.h"

/* One run of the lesson. */
struct prun {
	struct options opt;		/* its settings */
	struct session *s;
	struct dataset *data;
	struct checkpoint *ck;		/* of a load, freed after the session */
	char label[96];			/* "lr=0.1" in a comparison */
	int seen_events;		/* session events already reported */
};

struct lesson_player {
	const struct lesson *l;
	struct options set;		/* the lesson's settings so far */
	int stale;			/* sessions must be built anew */
	int nruns;
	struct prun run[LESSON_MAX_RUNS];
	int pc;				/* next directive */
	int stop;			/* stops passed */
	int state;			/* enum player_state */
	struct lu_buf text;		/* narration of the current stretch */
	const struct lesson_ask *ask;	/* open question (shown) */
	struct lesson_ask shown;	/* the question with its values */
	int answer;			/* its answer (from 1), or 0 */
	double typed;			/* a number question: the number given */
	struct player_view view;
	struct player_event *ev;	/* everything reported since the start */
	int nev, evcap;
	int passed, failed;		/* expects so far */
	char *warning;			/* the last failed expect of this stretch */
	char *error;			/* "FILE:LINE:COLUMN: ..." in PLAYER_ERROR */
	char *folder;			/* private folder of save/load */
	char **made;			/* files and folders made in it, in order */
	int nmade;
	double work;			/* training done so far: rows x parameters x epochs */
	double max_work;		/* its bound (LESSON_MAX_WORK) */
};

/* ------------------------------------------------------------- events */

static void
player_report(struct lesson_player *p, int kind, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
player_report(struct lesson_player *p, int kind, int line, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (p->nev == p->evcap) {
		p->evcap = p->evcap ? p->evcap * 2 : 32;
		p->ev = xreallocarray(p->ev, (size_t)p->evcap, sizeof *p->ev);
	}
	p->ev[p->nev].kind = kind;
	p->ev[p->nev].line = line;
	p->ev[p->nev].text = xstrdup(buf);
	p->nev++;
	if (kind == PEV_FAIL) {
		free(p->warning);
		p->warning = xasprintf(_("line %d: %s"), line, buf);
	}
}

/* Set from a signal handler: every player stops at its next batch. */
static volatile sig_atomic_t player_signal;

void
player_interrupt(int sig)
{
	player_signal = sig;
}

int
player_interrupted(void)
{
	return player_signal;
}

/* A run-time failure of directive d: the player stops in PLAYER_ERROR. */
static int
player_fail(struct lesson_player *p, const struct lesson_directive *d, int col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
player_fail(struct lesson_player *p, const struct lesson_directive *d, int col,
    const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	free(p->error);
	p->error = xasprintf("%s:%d:%d: %s", p->l->file, d ? d->line : 1,
	    col > 0 ? col : (d ? d->col : 1), buf);
	p->state = PLAYER_ERROR;
	return -1;
}

/* Reports what the sessions told since the last look (early stop, lr
 * reduced, divergence, ...), except the frequent "best so far". */
static void
player_session_events(struct lesson_player *p, int line)
{
	int i;

	for (i = 0; i < p->nruns; i++) {
		struct prun *r = &p->run[i];
		const struct session *s = r->s;

		for (; r->seen_events < s->pos.nevents; r->seen_events++) {
			const struct session_event *e = session_event_at(s, r->seen_events);

			if (e == NULL || e->kind == EV_BEST)
				continue;
			player_report(p, PEV_NOTE, line, "%s%s%s", r->label,
			    r->label[0] ? ": " : "", e->text);
		}
	}
}

/* ------------------------------------------------------------- runs */

static void
player_free_runs(struct lesson_player *p)
{
	int i;

	for (i = 0; i < p->nruns; i++) {
		session_free(p->run[i].s);
		dataset_free(p->run[i].data);
		checkpoint_free(p->run[i].ck);
	}
	memset(p->run, 0, sizeof p->run);
	p->nruns = 0;
}

/* Builds the sessions from the settings (and the checkpoint at path, or
 * NULL). Returns 0, or -1 in PLAYER_ERROR. */
static int
player_build(struct lesson_player *p, const struct lesson_directive *d, const char *path)
{
	struct app_run built[LESSON_MAX_RUNS];
	struct options o = p->set;
	char *err = NULL;
	int n, i;

	player_free_runs(p);
	o.load_path = path;
	n = app_runs_build(&o, built, LESSON_MAX_RUNS, &err);
	if (n < 0) {
		if (n == APP_RUN_BAD_VALUE)
			player_fail(p, d, 0, "%s", err);
		else
			player_fail(p, d, 0, _("cannot start the session: %s"),
			    err ? err : _("unknown error"));
		free(err);
		return -1;
	}
	for (i = 0; i < n; i++) {
		struct prun *r = &p->run[i];

		r->opt = built[i].opt;
		r->opt.load_path = NULL;
		r->s = built[i].s;
		r->data = built[i].data;
		r->ck = built[i].ck;
		snprintf(r->label, sizeof r->label, "%s", built[i].label);
	}
	p->nruns = n;
	p->stale = 0;
	return 0;
}

/* Makes sure the sessions exist and follow the settings. */
static int
player_ensure(struct lesson_player *p, const struct lesson_directive *d)
{
	if (p->nruns > 0 && !p->stale)
		return 0;
	return player_build(p, d, NULL);
}

/* Settings that a running session takes without a new network. */
static int
live_setting(const char *key)
{
	static const char *const live[] = { "act", "alpha", "optimizer", "lr", "l2",
		"dropout", "shuffle", "threshold", "early-stop", "reduce-lr", "epochs", NULL };
	int i;

	for (i = 0; live[i]; i++)
		if (strcmp(key, live[i]) == 0)
			return 1;
	return 0;
}

static int
play_set(struct lesson_player *p, const struct lesson_directive *d)
{
	char *err = NULL;
	const char *why;
	int i;

	if (options_set(&p->set, d->key, d->value, &err) != 0) {
		player_fail(p, d, d->arg_col, "%s", err);
		free(err);
		return -1;
	}
	if (p->nruns == 0 || p->stale)
		return 0;
	if (!live_setting(d->key)) {
		p->stale = 1;
		return 0;
	}
	for (i = 0; i < p->nruns; i++) {
		struct prun *r = &p->run[i];
		int rc;

		if (options_set(&r->opt, d->key, d->value, &err) != 0) {
			player_fail(p, d, d->arg_col, "%s", err);
			free(err);
			return -1;
		}
		rc = session_configure(r->s, &r->opt.cfg, &why);
		if (rc < 0)
			return player_fail(p, d, d->arg_col, _("set %s: %s"), d->key, why);
		if (rc > 0)
			p->stale = 1;
	}
	return 0;
}

/* ------------------------------------------------------------- quantities */

/* Loss and metrics of a split with the current weights. Returns 0 with *m
 * set, or -1: spelt out below, as callers read *m only after a 0. */
static int
player_metrics(struct lesson_player *p, const struct lesson_directive *d, struct session *s,
    int which, int classify, struct metrics *m)
{
	const struct split *sp = which == 0 ? &s->data->train : &s->data->val;

	if (sp->n == 0) {
		player_fail(p, d, 0, _("the data has no validation rows (expected set split "
		    "with a validation fraction)"));
		return -1;
	}
	if (classify && s->data->task == TASK_REGRESS) {
		player_fail(p, d, 0, _("this metric needs a classification task, and the "
		    "target is numeric (expected set task classify, or a loss metric)"));
		return -1;
	}
	session_evaluate(s, which, m);
	return 0;
}

/* Layer L (from 1) of s, checked. */
static int
player_layer(struct lesson_player *p, const struct lesson_directive *d, struct session *s,
    int l, int allow_input)
{
	int n = s->net->nlayers;

	if (l < (allow_input ? 0 : 1) || l > n)
		return player_fail(p, d, 0, _("layer %d does not exist (expected %d to %d: %s%d "
		    "hidden, %d the output)"), l, allow_input ? 0 : 1, n,
		    allow_input ? _("0 the input, ") : "", n - 1, n);
	return 0;
}

/* Quantities of one layer, which the parser never leaves without one
 * (`grad_rms layer L`, `weight L J K`). */
static int
metric_of_layer(enum lesson_metric m)
{
	switch (m) {
	case LM_GRAD_RMS:
	case LM_DZ_RMS:
	case LM_UPDATE_RATIO:
	case LM_WEIGHT:
	case LM_BIAS:
	case LM_Z:
	case LM_A:
	case LM_GRAD:
	case LM_NUMGRAD:
	case LM_DZ:
	case LM_DA:
	case LM_SLOPE:
		return 1;
	default:
		return 0;
	}
}

/* The value of q in run r. Returns 0, or -1 in PLAYER_ERROR. */
static int
quantity(struct lesson_player *p, const struct lesson_directive *d,
    const struct lesson_quantity *q, int r, double *v)
{
	struct session *s = p->run[q->run >= 0 ? q->run : r].s;
	const struct session_pos *pos = &s->pos;
	const struct net *net = s->net;
	const struct layer *ly = NULL;
	struct metrics m;
	int split = s->data->val.n > 0 ? 1 : 0;

	*v = NAN;
	if (q->layer > 0) {
		if (player_layer(p, d, s, q->layer, 0) != 0)
			return -1;
		ly = &net->layer[q->layer - 1];
	} else if (metric_of_layer(q->metric)) {
		return player_fail(p, d, 0, _("%s needs a layer (expected 1 to %d)"),
		    lesson_metric_name(q->metric), net->nlayers);
	}
	switch (q->metric) {
	case LM_LOSS:
		if (pos->nepochs > 0)
			*v = s->epochs[pos->nepochs - 1].loss;
		else if (pos->phase >= PHASE_LOSS)
			*v = net->batch_loss;
		break;
	case LM_BATCH_LOSS:
		if (pos->phase >= PHASE_LOSS)
			*v = net->batch_loss;
		break;
	case LM_TRAIN_LOSS:
		*v = session_evaluate(s, 0, NULL);
		break;
	case LM_VAL_LOSS:
		if (player_metrics(p, d, s, 1, 0, &m) != 0)
			return -1;
		*v = m.loss;
		break;
	case LM_ACCURACY:
	case LM_VAL_ACCURACY:
		if (player_metrics(p, d, s, q->metric == LM_ACCURACY ? 0 : 1, 1, &m) != 0)
			return -1;
		*v = m.accuracy;
		break;
	case LM_PRECISION:
	case LM_RECALL:
	case LM_F1:
	case LM_AUC:
	case LM_BASELINE_ACCURACY:
		if (player_metrics(p, d, s, split, 1, &m) != 0)
			return -1;
		*v = q->metric == LM_PRECISION ? m.precision : q->metric == LM_RECALL ? m.recall :
		    q->metric == LM_F1 ? m.f1 : q->metric == LM_AUC ? m.auc : m.baseline_accuracy;
		break;
	case LM_DEAD_FRACTION:
		*v = ly ? session_layer_diag(s, q->layer - 1)->dead_fraction : session_dead_fraction(s);
		break;
	case LM_SATURATED_FRACTION:
		*v = ly ? session_layer_diag(s, q->layer - 1)->saturated_fraction :
		    session_saturated_fraction(s);
		break;
	case LM_GRAD_RMS:
		*v = session_layer_diag(s, q->layer - 1)->grad_rms;
		break;
	case LM_DZ_RMS:
		*v = session_layer_diag(s, q->layer - 1)->dz_rms;
		break;
	case LM_UPDATE_RATIO:
		*v = session_layer_diag(s, q->layer - 1)->update_ratio;
		break;
	case LM_GRAD_RATIO:
		*v = session_grad_ratio(s);
		break;
	case LM_ROUGHNESS:
		if (s->data->image_h <= 0)
			return player_fail(p, d, 0, _("roughness needs picture inputs (set image HxW)"));
		*v = net_weight_roughness(s->net, s->data->image_h, s->data->image_w);
		break;
	case LM_WEIGHT:
	case LM_BIAS:
	case LM_Z:
	case LM_A:
	case LM_GRAD:
	case LM_NUMGRAD:
	case LM_DZ:
	case LM_DA:
	case LM_SLOPE:
		if (q->unit > ly->out)
			return player_fail(p, d, 0, _("layer %d has %d neurons (expected a neuron "
			    "from 1 to %d)"), q->layer, ly->out, ly->out);
		if (q->metric == LM_NUMGRAD) {
			long at = ly->w_off + (long)(q->unit - 1) * ly->in + q->input - 1;

			if (q->input > ly->in)
				return player_fail(p, d, 0, _("layer %d has %d inputs (expected an "
				    "input from 1 to %d)"), q->layer, ly->in, ly->in);
			if (pos->phase != PHASE_BACKWARD)
				return player_fail(p, d, 0, _("numgrad: the gradient check needs the "
				    "backward phase of this batch (expected step phase until "
				    "backward)"));
			*v = session_numeric_grad(s, at, CHECK_GRAD_H);
		} else if (q->metric == LM_WEIGHT || q->metric == LM_GRAD) {
			long at = ly->w_off + (long)(q->unit - 1) * ly->in + q->input - 1;

			if (q->input > ly->in)
				return player_fail(p, d, 0, _("layer %d has %d inputs (expected an "
				    "input from 1 to %d)"), q->layer, ly->in, ly->in);
			*v = q->metric == LM_WEIGHT ? net->param[at] : net->grad[at];
		} else if (q->metric == LM_BIAS) {
			*v = net->param[ly->b_off + q->unit - 1];
		} else {
			long row = q->sample > 0 ? q->sample - 1 : 0;

			if (pos->phase == PHASE_NONE || net->n == 0)
				return player_fail(p, d, 0, _("%s: no forward pass yet (expected a step "
				    "before)"), lesson_metric_name(q->metric));
			if (row >= net->n)
				return player_fail(p, d, 0, _("the batch has %ld rows (expected a sample "
				    "from 1 to %ld)"), net->n, net->n);
			long at = row * ly->out + q->unit - 1;

			if ((q->metric == LM_DZ || q->metric == LM_DA) &&
			    pos->phase < PHASE_BACKWARD)
				return player_fail(p, d, 0, _("%s: no backward pass in this batch yet "
				    "(expected step phase until backward)"),
				    lesson_metric_name(q->metric));
			if (q->metric == LM_SLOPE)
				*v = act_deriv(ly->act, ly->alpha, ly->z[at], ly->a[at]);
			else
				*v = (q->metric == LM_Z ? ly->z : q->metric == LM_A ? ly->a :
				    q->metric == LM_DZ ? ly->dz : ly->da)[at];
		}
		break;
	case LM_X:
	case LM_Y: {
		long row = q->sample > 0 ? q->sample - 1 : 0;
		int width = q->metric == LM_X ? net->ninputs : net_noutputs(net);
		int k = q->metric == LM_X ? q->input : q->unit;

		if (pos->phase == PHASE_NONE || net->n == 0)
			return player_fail(p, d, 0, _("%s: no batch yet (expected a step before)"),
			    lesson_metric_name(q->metric));
		if (k > width)
			return player_fail(p, d, 0, _("the network has %d %s (expected 1 to %d)"), width,
			    q->metric == LM_X ? _("inputs") : _("outputs"), width);
		if (row >= net->n)
			return player_fail(p, d, 0, _("the batch has %ld rows (expected a sample from 1 "
			    "to %ld)"), net->n, net->n);
		*v = (q->metric == LM_X ? net->x : net->y)[row * width + k - 1];
		break;
	}
	case LM_PHASE:
		*v = pos->phase;
		break;
	case LM_EPOCH:
		*v = pos->nepochs;
		break;
	case LM_BATCH:
		*v = pos->phase == PHASE_NONE ? 0 : pos->batch + 1;
		break;
	case LM_STEP:
		*v = (double)pos->step;
		break;
	case LM_LR:
		*v = pos->cfg.lr;
		break;
	case LM_THRESHOLD:
		*v = pos->cfg.threshold;
		break;
	case LM_DIVERGED:
		*v = pos->diverged.set ? 1 : 0;
		break;
	case LM_STOPPED_EARLY:
		*v = pos->stopped_early ? 1 : 0;
		break;
	case LM_BEST_EPOCH:
		*v = pos->best_epoch;
		break;
	default:
		break;
	}
	return 0;
}

static void
format_value(char *buf, size_t n, enum lesson_metric m, double v)
{
	if (m == LM_PHASE && v >= PHASE_NONE && v <= PHASE_UPDATE)
		snprintf(buf, n, "%s", _(phase_name((enum phase)(int)v)));
	else if (m == LM_DIVERGED || m == LM_STOPPED_EARLY)
		snprintf(buf, n, "%s", v != 0 ? _("yes") : _("no"));
	else
		snprintf(buf, n, "%.6g", v);
}

/* A value for narration: digits significant digits, whole numbers whole. */
static void
format_shown(char *buf, size_t n, enum lesson_metric m, double v, int digits)
{
	if (m == LM_PHASE || m == LM_DIVERGED || m == LM_STOPPED_EARLY)
		format_value(buf, n, m, v);
	else if (v == floor(v) && fabs(v) < 1e15)
		snprintf(buf, n, "%.0f", v);
	else if (m == LM_LR || m == LM_THRESHOLD)
		snprintf(buf, n, "%.*g", digits, v);	/* settings, as written */
	else {
		/* Trailing zeros kept: 0.700 says three digits were meant. */
		size_t len;

		snprintf(buf, n, "%#.*g", digits, v);
		len = strlen(buf);
		if (len > 0 && buf[len - 1] == '.')
			buf[len - 1] = '\0';
	}
}

/*
 * Evaluates c in run r: *holds is set, and detail receives "actual X" (and
 * the right side when it is a quantity). Returns 0, or -1 in PLAYER_ERROR.
 */
static int
cond_eval(struct lesson_player *p, const struct lesson_directive *d,
    const struct lesson_cond *c, int r, int *holds, char *detail, size_t n)
{
	double a, b, tol;
	char sa[48], sb[48];

	*holds = 0;
	if (c->kind == LCOND_EPOCH) {
		*holds = p->run[r].s->pos.nepochs >= (int)c->value;
		snprintf(detail, n, _("epoch %d"), p->run[r].s->pos.nepochs);
		return 0;
	}
	if (c->kind == LCOND_DIVERGED) {
		*holds = p->run[r].s->pos.diverged.set;
		snprintf(detail, n, "%s", *holds ? _("diverged") : _("not diverged"));
		return 0;
	}
	if (quantity(p, d, &c->lhs, r, &a) != 0)
		return -1;
	b = c->value;
	if (c->rhs_is_quantity) {
		if (quantity(p, d, &c->rhs, r, &b) != 0)
			return -1;
		b *= c->factor;
	}
	format_value(sa, sizeof sa, c->lhs.metric, a);
	if (c->rhs_is_quantity) {
		format_value(sb, sizeof sb, c->rhs.metric, b);
		snprintf(detail, n, _("actual %s against %s"), sa, sb);
	} else {
		snprintf(detail, n, _("actual %s"), sa);
	}
	if (isnan(a) || isnan(b))
		return 0;
	switch (c->op) {
	case LC_LT:
		*holds = a < b;
		break;
	case LC_LE:
		*holds = a <= b;
		break;
	case LC_GT:
		*holds = a > b;
		break;
	case LC_GE:
		*holds = a >= b;
		break;
	case LC_EQ:
		*holds = a == b;
		break;
	case LC_NE:
		*holds = a != b;
		break;
	case LC_APPROX:
		tol = c->tol >= 0 ? c->tol : 1e-9 * fmax(1.0, fabs(b));
		*holds = fabs(a - b) <= tol;
		break;
	default:
		break;
	}
	return 0;
}

/* The runs a condition is about: one named run, or every run. */
static int
cond_runs(const struct lesson_player *p, const struct lesson_cond *c, int *first)
{
	if (c->lhs.run >= 0) {
		*first = c->lhs.run;
		return 1;
	}
	*first = 0;
	return p->nruns;
}

static int
play_expect(struct lesson_player *p, const struct lesson_directive *d)
{
	struct lu_buf all = { 0 };
	char detail[160];
	int first, n, i, holds, ok = 1;

	if (player_ensure(p, d) != 0)
		return -1;
	n = cond_runs(p, &d->cond, &first);
	for (i = first; i < first + n; i++) {
		if (cond_eval(p, d, &d->cond, i, &holds, detail, sizeof detail) != 0) {
			lu_buf_free(&all);
			return -1;
		}
		if (all.len)
			lu_buf_adds(&all, "; ");
		if (n > 1 || p->nruns > 1)
			lu_buf_printf(&all, "%s: ", p->run[i].label);
		lu_buf_adds(&all, detail);
		if (!holds)
			ok = 0;
	}
	if (ok) {
		p->passed++;
		player_report(p, PEV_PASS, d->line, _("expect ok: %s (%s)"), d->cond.text, all.s);
	} else {
		p->failed++;
		player_report(p, PEV_FAIL, d->line, _("expect FAILED: %s (%s)"), d->cond.text, all.s);
	}
	lu_buf_free(&all);
	return 0;
}

/* ------------------------------------------------------------- training */

/*
 * The epoch count alone does not bound a lesson's time: a big network on
 * many rows takes long for few epochs. Before session s trains for the
 * given epochs (or the batches or phases of d), the work that takes (rows x
 * parameters x epochs) is added to what the lesson has done, and refused
 * past LESSON_MAX_WORK (or what player_limit_work set).
 */
static int
player_budget(struct lesson_player *p, const struct lesson_directive *d,
    const struct session *s, double epochs)
{
	double work = (double)s->data->train.n * (double)s->net->nparams * epochs;

	if (d->op == LOP_STEP && d->what == LSTEP_BATCH)
		work /= (double)s->nbatches;
	else if (d->op == LOP_STEP && d->what == LSTEP_PHASE)
		work /= 4.0 * (double)s->nbatches;
	if (p->work + work > p->max_work)
		return player_fail(p, d, 0, _("this training would bring the lesson's work to %.3g "
		    "rows x parameters x epochs (expected at most %.3g in a lesson: fewer epochs, "
		    "rows or units)"), p->work + work, p->max_work);
	p->work += work;
	return 0;
}

static int
play_step(struct lesson_player *p, const struct lesson_directive *d)
{
	int i;
	long k;

	if (player_ensure(p, d) != 0)
		return -1;
	for (i = 0; i < p->nruns; i++)
		if (player_budget(p, d, p->run[i].s, (double)d->n) != 0)
			return -1;
	for (i = 0; i < p->nruns; i++) {
		struct session *s = p->run[i].s;

		for (k = 0; k < d->n && !player_signal; k++) {
			int rc = d->what == LSTEP_PHASE ? session_step(s) :
			    d->what == LSTEP_BATCH ? session_step_batch(s) : session_step_epoch(s);

			if (rc != SESSION_OK)
				break;
		}
	}
	player_session_events(p, d->line);
	return 0;
}

static int
play_run(struct lesson_player *p, const struct lesson_directive *d)
{
	int active[LESSON_MAX_RUNS], epochs[LESSON_MAX_RUNS], first, n, i, any, holds, nruns;
	char detail[160];

	if (player_ensure(p, d) != 0)
		return -1;
	n = cond_runs(p, &d->cond, &first);
	nruns = p->nruns;	/* the runs of active[] and epochs[] */
	for (i = 0; i < nruns; i++) {
		active[i] = 1;
		epochs[i] = 0;
	}
	do {
		any = 0;
		for (i = 0; i < nruns; i++) {
			struct session *s = p->run[i].s;
			const char *label = p->run[i].label;

			if (!active[i])
				continue;
			if (cond_eval(p, d, &d->cond, n == 1 ? first : i, &holds, detail,
			    sizeof detail) != 0)
				return -1;
			if (holds) {
				active[i] = 0;
				continue;
			}
			if (s->pos.diverged.set || s->pos.finished || epochs[i] == d->n) {
				active[i] = 0;
				player_session_events(p, d->line);
				player_report(p, PEV_NOTE, d->line, _("%s%srun stopped after epoch %d "
				    "(%s) before %s (%s)"), label, label[0] ? ": " : "", s->pos.nepochs,
				    s->pos.diverged.set ? _("diverged") : s->pos.finished ?
				    _("training finished") : _("max epochs"), d->cond.text, detail);
				continue;
			}
			if (player_budget(p, d, s, 1) != 0)
				return -1;
			session_step_epoch(s);
			epochs[i]++;
			any = 1;
		}
	} while (any && !player_signal);
	player_session_events(p, d->line);
	return 0;
}

static int
play_threshold(struct lesson_player *p, const struct lesson_directive *d)
{
	int i;

	if (player_ensure(p, d) != 0)
		return -1;
	for (i = 0; i < p->nruns; i++) {
		struct prun *r = &p->run[i];
		struct session *s = r->s;
		int which = s->data->val.n > 0 ? 1 : 0;
		const struct split *sp = which ? &s->data->val : &s->data->train;
		struct session_config c;
		const char *why;

		if (s->data->task != TASK_BINARY)
			return player_fail(p, d, 0, _("threshold by cost needs two classes (expected "
			    "a binary classification task)"));
		session_evaluate(s, which, NULL);
		c = s->pos.cfg;
		c.threshold = metrics_best_threshold(sp->n, s->pred[which], sp->label, d->x, d->y,
		    s->metrics_work);
		if (session_configure(s, &c, &why) < 0)
			return player_fail(p, d, 0, "%s", why);
		r->opt.cfg.threshold = c.threshold;
		if (p->nruns == 1)
			p->set.cfg.threshold = c.threshold;
		player_report(p, PEV_NOTE, d->line, _("%s%sthreshold %.6g minimises %g x false "
		    "negatives + %g x false positives on the %s split"), r->label,
		    r->label[0] ? ": " : "", c.threshold, d->x, d->y,
		    which ? _("validation") : _("training"));
	}
	return 0;
}

/* ------------------------------------------------------------- files */

/* Creates the private folder on first use. */
static int
player_folder_make(struct lesson_player *p, const struct lesson_directive *d)
{
	const char *tmp = getenv("TMPDIR");
	char *t;

	if (p->folder)
		return 0;
	t = xasprintf("%s/nnstep-lesson-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (mkdtemp(t) == NULL) {
		player_fail(p, d, 0, _("cannot make a folder for the lesson's files: %s: %s"), t,
		    strerror(errno));
		free(t);
		return -1;
	}
	p->folder = t;
	return 0;
}

static void
player_made(struct lesson_player *p, const char *path)
{
	int i;

	for (i = 0; i < p->nmade; i++)
		if (strcmp(p->made[i], path) == 0)
			return;
	p->made = xreallocarray(p->made, (size_t)p->nmade + 1, sizeof *p->made);
	p->made[p->nmade++] = xstrdup(path);
}

/* The path of a lesson's file name inside the private folder; makes the
 * folders on the way when make is set. */
static char *
player_path(struct lesson_player *p, const struct lesson_directive *d, const char *name,
    int make)
{
	char *path, *c;

	if (player_folder_make(p, d) != 0)
		return NULL;
	path = xasprintf("%s/%s", p->folder, name);
	for (c = path + strlen(p->folder) + 1; make && (c = strchr(c, '/')) != NULL; c++) {
		*c = '\0';
		if (mkdir(path, 0700) == 0) {
			player_made(p, path);
		} else if (errno != EEXIST) {
			player_fail(p, d, d->arg_col, _("cannot make the folder %s: %s"), path,
			    strerror(errno));
			free(path);
			return NULL;
		}
		*c = '/';
	}
	return path;
}

static int
play_save(struct lesson_player *p, const struct lesson_directive *d)
{
	int r = d->cond.lhs.run >= 0 ? d->cond.lhs.run : 0;
	char *path, *err = NULL;

	if (player_ensure(p, d) != 0 || (path = player_path(p, d, d->value, 1)) == NULL)
		return -1;
	if (checkpoint_save(p->run[r].s, path, &err) != 0) {
		player_fail(p, d, d->arg_col, "%s", err ? err : _("cannot save"));
		free(err);
		free(path);
		return -1;
	}
	player_made(p, path);
	free(path);
	return 0;
}

static int
play_load(struct lesson_player *p, const struct lesson_directive *d)
{
	int epochs = p->set.cfg.epochs;
	char *path;

	if ((path = player_path(p, d, d->value, 0)) == NULL)
		return -1;
	if (player_build(p, d, path) != 0) {
		free(path);
		return -1;
	}
	free(path);
	/* The lesson's settings now describe the loaded network. */
	p->set.cfg = p->run[0].opt.cfg;
	p->set.cfg.epochs = epochs;
	p->run[0].seen_events = p->run[0].s->pos.nevents;
	return 0;
}

static void
player_remove_files(struct lesson_player *p)
{
	int i;

	for (i = p->nmade - 1; i >= 0; i--) {
		if (unlink(p->made[i]) != 0)
			rmdir(p->made[i]);
		free(p->made[i]);
	}
	free(p->made);
	p->made = NULL;
	p->nmade = 0;
	if (p->folder)
		rmdir(p->folder);
	free(p->folder);
	p->folder = NULL;
}

/* ------------------------------------------------------------- view */

static int
play_select(struct lesson_player *p, const struct lesson_directive *d)
{
	struct session *s;

	if (player_ensure(p, d) != 0)
		return -1;
	s = p->run[0].s;
	if (d->what == 0) {
		int units;

		if (player_layer(p, d, s, (int)d->n, 1) != 0)
			return -1;
		units = d->n == 0 ? s->net->ninputs : s->net->layer[d->n - 1].out;
		if (d->m > units)
			return player_fail(p, d, 0, _("layer %ld has %d %s (expected a neuron from 1 "
			    "to %d)"), d->n, units, d->n == 0 ? _("inputs") : _("neurons"), units);
		p->view.layer = (int)d->n;
		p->view.unit = (int)d->m - 1;
	} else {
		if (d->m > s->batch_size)
			return player_fail(p, d, 0, _("a batch has %ld rows (expected a sample from 1 "
			    "to %ld)"), s->batch_size, s->batch_size);
		p->view.sample = d->m < 0 ? -1 : d->m - 1;
	}
	p->view.serial++;
	return 0;
}

static int
play_highlight(struct lesson_player *p, const struct lesson_directive *d)
{
	if (d->what == LH_LAYER) {
		if (player_ensure(p, d) != 0 || player_layer(p, d, p->run[0].s, (int)d->n, 1) != 0)
			return -1;
		p->view.highlight_layer = (int)d->n;
	}
	p->view.highlight = d->what;
	p->view.serial++;
	return 0;
}

/* ------------------------------------------------------------- stepping */

/* Appends text to b with every {value} replaced by its number now, taking
 * d's slots from *k on. Returns 0, or -1 in PLAYER_ERROR. */
static int
expand(struct lesson_player *p, const struct lesson_directive *d, const char *text,
    int *k, struct lu_buf *b)
{
	const char *c;
	char num[64];
	double v;

	for (c = text; *c; c++) {
		if (*c == '\\' && (c[1] == '{' || c[1] == '}')) {
			lu_buf_add(b, ++c, 1);
		} else if (*c == '{' && *k < d->nslot) {
			const struct lesson_slot *sl = &d->slot[(*k)++];

			if (quantity(p, d, &sl->q, 0, &v) != 0)
				return -1;
			if (sl->percent >= 0)
				snprintf(num, sizeof num, "%.*f%%", sl->percent, 100 * v);
			else
				format_shown(num, sizeof num, sl->q.metric, v, sl->digits);
			lu_buf_adds(b, num);
			while (c[1] && *c != '}')
				c++;
		} else {
			lu_buf_add(b, c, 1);
		}
	}
	if (b->s == NULL)
		lu_buf_adds(b, "");
	return 0;
}

static int
play_say(struct lesson_player *p, const struct lesson_directive *d)
{
	int k = 0;

	if (d->text == NULL)
		return 0;
	if (d->nslot > 0 && player_ensure(p, d) != 0)
		return -1;
	if (p->text.len)
		lu_buf_adds(&p->text, "\n\n");
	return expand(p, d, d->text, &k, &p->text);
}

static void
player_free_ask(struct lesson_player *p)
{
	int i;

	free(p->shown.question);
	for (i = 0; i < p->shown.nchoices; i++)
		free(p->shown.choice[i]);
	free(p->shown.explain);
	memset(&p->shown, 0, sizeof p->shown);
}

/* Half a unit of the last digit of a number as written ("0.731": 0.0005,
 * "162": 0.5, "1.23e-05": 5e-08). */
static double
half_last_digit(const char *s)
{
	const char *e;
	int decimals = 0, seen_point = 0;
	long expo = 0;

	for (e = s; *e && *e != 'e' && *e != 'E'; e++) {
		if (*e == '.')
			seen_point = 1;
		else if (seen_point && *e >= '0' && *e <= '9')
			decimals++;
	}
	if (*e)
		expo = strtol(e + 1, NULL, 10);
	return 0.5 * pow(10.0, (double)(expo - decimals));
}

/* The right answer of a number question, measured now, and how close an
 * answer must be: as given, or half a unit of the last digit of the value
 * as the narration shows it (three significant digits). */
static int
number_answer(struct lesson_player *p, const struct lesson_directive *d)
{
	const struct lesson_ask *a = d->ask;
	char num[64];

	p->shown.value = a->value;
	p->shown.tol = a->tol;
	p->shown.has_quantity = a->has_quantity;
	p->shown.q = a->q;
	if (a->has_quantity) {
		struct session *s;
		long pc;
		int k, rc = 0;

		if (player_ensure(p, d) != 0)
			return -1;
		/* A prediction: measured that many phases on, then stepped back
		 * exactly, so the screen shows the state before it. */
		s = p->run[a->q.run >= 0 ? a->q.run : 0].s;
		pc = s->pos.phase_count;
		for (k = 0; k < a->ahead && rc == SESSION_OK; k++)
			rc = session_step(s);
		if (rc != SESSION_OK)
			return player_fail(p, d, 0, _("training cannot go %d phase%s on from here "
			    "(expected a question before the end of training)"), a->ahead,
			    a->ahead > 1 ? "s" : "");
		k = quantity(p, d, &a->q, 0, &p->shown.value);
		if (a->ahead && session_goto(s, pc) != 0)
			return player_fail(p, d, 0, _("cannot step back to the question (expected "
			    "a history of at least %d phases)"), a->ahead);
		if (k != 0)
			return -1;
		if (!isfinite(p->shown.value))
			return player_fail(p, d, 0, _("the answer %s is not a number now (expected "
			    "a finite value)"), lesson_metric_name(a->q.metric));
		format_shown(num, sizeof num, a->q.metric, p->shown.value, 3);
		if (p->shown.tol < 0)
			p->shown.tol = half_last_digit(num);
	}
	format_shown(num, sizeof num, LM_COUNT, p->shown.value, 6);
	player_report(p, PEV_NOTE, d->line, "number question: answer %s within %g", num,
	    p->shown.tol);
	return 0;
}

/* A question with its values filled in. */
static int
play_ask(struct lesson_player *p, const struct lesson_directive *d)
{
	const struct lesson_ask *a = d->ask;
	struct lu_buf b = { 0 };
	int k = 0, i;

	player_free_ask(p);
	if (d->nslot > 0 && player_ensure(p, d) != 0)
		return -1;
	p->shown.nchoices = a->nchoices;
	p->shown.answer = a->answer;
	if (a->nchoices == 0 && number_answer(p, d) != 0)
		return -1;
	for (i = -1; i <= a->nchoices; i++) {
		const char *t = i < 0 ? a->question : i < a->nchoices ? a->choice[i] : a->explain;
		char **out = i < 0 ? &p->shown.question : i < a->nchoices ? &p->shown.choice[i] :
		    &p->shown.explain;

		if (t == NULL)
			continue;
		b.len = 0;
		if (expand(p, d, t, &k, &b) != 0) {
			lu_buf_free(&b);
			return -1;
		}
		*out = xstrdup(b.s);
	}
	lu_buf_free(&b);
	p->ask = &p->shown;
	p->state = PLAYER_ASK;
	return 1;
}

/*
 * compare KEY=V1,V2 from here: the runs of the comparison start from the
 * exact state of the one run so far (weights, optimizer state, position,
 * random state), as if each had been loaded from a checkpoint saved here,
 * and differ only in KEY.
 */
static int
do_compare_from_here(struct lesson_player *p, const struct lesson_directive *d)
{
	struct session_state st;
	struct prun old;
	char *err = NULL;
	int i, rc = 0;

	if (player_ensure(p, d) != 0)
		return -1;
	if (p->nruns != 1)
		return player_fail(p, d, d->arg_col, _("compare ... from here starts from one run "
		    "(expected compare off before it)"));
	if (options_set(&p->set, "compare", d->value, &err) != 0) {
		player_fail(p, d, d->arg_col, "%s", err);
		free(err);
		return -1;
	}
	/* The run so far stays alive until every branch has its state. */
	old = p->run[0];
	memset(&p->run[0], 0, sizeof p->run[0]);
	p->nruns = 0;
	if (player_build(p, d, NULL) != 0) {
		rc = -1;
	} else {
		session_export(old.s, &st);
		/* Each branch keeps its own setting of what is compared. */
		st.lr = 0;
		for (i = 0; i < p->nruns; i++) {
			session_import(p->run[i].s, st.param, &st);
			p->run[i].seen_events = p->run[i].s->pos.nevents;
		}
	}
	session_free(old.s);
	dataset_free(old.data);
	checkpoint_free(old.ck);
	return rc;
}

static int
play_reset(struct lesson_player *p, const struct lesson_directive *d)
{
	return player_build(p, d, NULL);
}

static int
play_pause(struct lesson_player *p, const struct lesson_directive *d)
{
	p->state = PLAYER_PAUSE;
	return 1;
}

static int
play_focus(struct lesson_player *p, const struct lesson_directive *d)
{
	p->view.focus = d->key;
	p->view.serial++;
	return 0;
}

static int
play_show(struct lesson_player *p, const struct lesson_directive *d)
{
	if (d->what == LS_WEIGHTS || d->what == LS_DIAGRAM)
		p->view.net_diagram = d->what == LS_DIAGRAM;
	else
		p->view.data_view = d->what;	/* LS_* match DATA_VIEW_* */
	p->view.serial++;
	return 0;
}

static int
play_compare(struct lesson_player *p, const struct lesson_directive *d)
{
	if (d->what == 1)
		return do_compare_from_here(p, d);
	if (d->value == NULL) {
		p->set.ncompare = 0;
	} else {
		char *err = NULL;

		if (options_set(&p->set, "compare", d->value, &err) != 0) {
			player_fail(p, d, d->arg_col, "%s", err);
			free(err);
			return -1;
		}
	}
	p->stale = 1;
	return 0;
}

/* How each directive of LESSON_DIRECTIVES (lesson.h) is played. Each returns
 * 1 when it is a stop, 0 to go on, -1 on error. */
typedef int play_fn(struct lesson_player *p, const struct lesson_directive *d);
#define DIRECTIVE_PLAY_(ID, fn, word, flags) [LOP_##ID] = play_##fn,
#define DIRECTIVE_PART_(ID, fn, word, flags)
static play_fn *const play[LOP_COUNT] = {
	LESSON_DIRECTIVES(DIRECTIVE_PLAY_, DIRECTIVE_PART_)
};
#undef DIRECTIVE_PLAY_
#undef DIRECTIVE_PART_

/* Runs one directive. Returns 1 when it is a stop, 0 to go on, -1 on error. */
static int
player_exec(struct lesson_player *p, const struct lesson_directive *d)
{
	return play[d->op](p, d);
}

static void
player_restart(struct lesson_player *p)
{
	int i;

	player_free_runs(p);
	for (i = 0; i < p->nev; i++)
		free(p->ev[i].text);
	p->nev = 0;
	p->passed = p->failed = 0;
	p->work = 0;
	free(p->warning);
	p->warning = NULL;
	free(p->error);
	p->error = NULL;
	p->text.len = 0;
	if (p->text.s)
		p->text.s[0] = '\0';
	options_default(&p->set);
	p->set.cfg.epochs = LESSON_DEFAULT_EPOCHS;
	p->stale = 1;
	p->pc = 0;
	p->stop = 0;
	p->state = PLAYER_START;
	p->ask = NULL;
	p->answer = 0;
	memset(&p->view, 0, sizeof p->view);
	p->view.layer = -1;
	p->view.sample = -2;
	p->view.data_view = -1;
	p->view.net_diagram = -1;
}

struct lesson_player *
player_new(const struct lesson *l)
{
	struct lesson_player *p = xcalloc(1, sizeof *p);

	p->l = l;
	p->max_work = LESSON_MAX_WORK;
	player_restart(p);
	return p;
}

void
player_limit_work(struct lesson_player *p, double max)
{
	p->max_work = max;
}

void
player_free(struct lesson_player *p)
{
	int i;

	if (p == NULL)
		return;
	player_free_runs(p);
	player_remove_files(p);
	for (i = 0; i < p->nev; i++)
		free(p->ev[i].text);
	free(p->ev);
	free(p->warning);
	free(p->error);
	player_free_ask(p);
	lu_buf_free(&p->text);
	free(p);
}

int
player_next_pause(struct lesson_player *p)
{
	const struct lesson *l = p->l;
	int rc = 0;

	if (p->state == PLAYER_END || p->state == PLAYER_ERROR)
		return p->state;
	p->text.len = 0;
	if (p->text.s)
		p->text.s[0] = '\0';
	p->ask = NULL;
	p->answer = 0;
	free(p->warning);
	p->warning = NULL;
	while (p->pc < l->ndir) {
		rc = player_exec(p, &l->dir[p->pc++]);
		if (rc == 0 && player_signal)
			rc = player_fail(p, &l->dir[p->pc - 1], 0, _("interrupted by signal %d"),
			    (int)player_signal);
		if (rc != 0)
			break;
	}
	if (rc < 0)
		return p->state;
	if (rc == 0)
		p->state = PLAYER_END;
	p->stop++;
	/* At a stop the screen shows the sessions the settings describe. */
	if (player_ensure(p, p->pc > 0 ? &l->dir[p->pc - 1] : NULL) != 0)
		return p->state;
	return p->state;
}

int
player_goto_stop(struct lesson_player *p, int k)
{
	if (k < 0)
		k = 0;
	if (k > p->l->nstops)
		k = p->l->nstops;
	/* The current stop too is replayed: the front end may have moved the
	 * sessions since. */
	if (k <= p->stop || p->state == PLAYER_ERROR)
		player_restart(p);
	while (p->stop < k && p->state != PLAYER_END && p->state != PLAYER_ERROR)
		player_next_pause(p);
	return p->state;
}

int
player_prev_pause(struct lesson_player *p)
{
	return player_goto_stop(p, p->stop - 1);
}

/* ------------------------------------------------------------- accessors */

int
player_state(const struct lesson_player *p)
{
	return p->state;
}

const char *
player_title(const struct lesson_player *p)
{
	return p->l->title;
}

int
player_stop(const struct lesson_player *p)
{
	return p->stop;
}

int
player_nstops(const struct lesson_player *p)
{
	return p->l->nstops;
}

const char *
player_text(const struct lesson_player *p)
{
	return p->text.s ? p->text.s : "";
}

const struct lesson_ask *
player_ask(const struct lesson_player *p)
{
	return p->state == PLAYER_ASK ? p->ask : NULL;
}

int
player_answer(struct lesson_player *p, int k)
{
	const struct lesson_ask *a = player_ask(p);

	if (a == NULL || k < 1 || k > a->nchoices)
		return -1;
	p->answer = k;
	return k == a->answer;
}

int
player_answer_number(struct lesson_player *p, double x)
{
	const struct lesson_ask *a = player_ask(p);

	if (a == NULL || a->nchoices != 0 || !isfinite(x))
		return -1;
	p->answer = 1;
	p->typed = x;
	return fabs(x - a->value) <= a->tol;
}

double
player_typed(const struct lesson_player *p)
{
	return player_ask(p) && p->answer ? p->typed : NAN;
}

int
player_answered(const struct lesson_player *p)
{
	return player_ask(p) ? p->answer : 0;
}

int
player_nruns(const struct lesson_player *p)
{
	return p->nruns;
}

struct session *
player_session(struct lesson_player *p, int i)
{
	return i >= 0 && i < p->nruns ? p->run[i].s : NULL;
}

const char *
player_run_label(const struct lesson_player *p, int i)
{
	return i >= 0 && i < p->nruns && p->run[i].label[0] ? p->run[i].label : NULL;
}

const struct player_view *
player_view(const struct lesson_player *p)
{
	return &p->view;
}

int
player_nevents(const struct lesson_player *p)
{
	return p->nev;
}

const struct player_event *
player_event(const struct lesson_player *p, int i)
{
	return i >= 0 && i < p->nev ? &p->ev[i] : NULL;
}

int
player_passed(const struct lesson_player *p)
{
	return p->passed;
}

int
player_failed(const struct lesson_player *p)
{
	return p->failed;
}

const char *
player_warning(const struct lesson_player *p)
{
	return p->warning;
}

const char *
player_error(const struct lesson_player *p)
{
	return p->state == PLAYER_ERROR ? p->error : NULL;
}

const char *
player_folder(const struct lesson_player *p)
{
	return p->folder;
}
