/*
 * view_status.c: the status bar, the key-hint bar, and the overlays (help,
 * yes/no question, lesson question).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"
#include "app/speed.h"
#include "keys.h"
#include "view.h"

/* ------------------------------------------------------------ status bar */

struct bar {
	struct canvas *c;
	int x, y, end;
	const struct glyphs *g;
};

/* "label value" pieces, two blanks apart; returns 0 when it did not fit. */
static int
bar_item(struct bar *b, const char *label, const char *value, int role)
{
	int need = (label ? text_width(label, -1) + 1 : 0) + text_width(value, -1) + 2;

	if (b->x + need > b->end)
		return 0;
	if (label) {
		b->x += canvas_text(b->c, b->x, b->y, -1, C_STATUS, 0, label);
		b->x++;
	}
	b->x += canvas_text(b->c, b->x, b->y, -1, role, 0, value);
	b->x += 2;
	return 1;
}

static void
status_shape(const struct session *s, char *buf, size_t n)
{
	size_t len;
	int l;

	len = (size_t)snprintf(buf, n, "%d", s->net->ninputs);
	for (l = 0; l < s->net->nlayers && len < n; l++)
		len += (size_t)snprintf(buf + len, n - len, "-%d", s->net->layer[l].out);
}

/* A progress bar of w cells for done/total. */
static void
status_progress(struct bar *b, double frac, int w)
{
	int i, eighths;

	if (b->x + w + 2 > b->end)
		return;
	if (frac < 0)
		frac = 0;
	if (frac > 1)
		frac = 1;
	eighths = (int)lround(frac * w * 8);
	for (i = 0; i < w; i++) {
		int e = eighths - i * 8;

		e = e < 0 ? 0 : e > 8 ? 8 : e;
		if (e == 0)
			view_glyph(b->c, b->x + i, b->y, b->g->bar_empty, C_PHASE, 0);
		else
			view_glyph(b->c, b->x + i, b->y, b->g->hbar[e], C_STATUS_KEY, 0);
	}
	b->x += w + 2;
}

static void
status_line1(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	const struct session *s = f->run[0];
	const struct ui_view_state *v = f->v;
	struct bar b = { c, r.x + 1, r.y, r.x + r.w, glyphs_get(f->ascii) };
	char buf[160], val[64];
	long done;

	if (v->lesson.active) {
		/* "stop 3/8": the pauses of this lesson, not a lesson number. */
		if (v->lesson.count > 0) {
			snprintf(buf, sizeof buf, "%d/%d", v->lesson.index, v->lesson.count);
			b.x += canvas_text(c, b.x, b.y, -1, C_STATUS, 0, _("stop")) + 1;
			b.x += canvas_text(c, b.x, b.y, -1, C_STATUS_KEY, 0, buf) + 2;
		}
		/* Stepped away from the stop: say so, and how to go back. */
		if (v->lesson.exploring)
			b.x += canvas_text(c, b.x, b.y, -1, C_WARNING, ATTR_BOLD,
			    _("exploring: space returns to the stop")) + 2;
		b.x += canvas_text_cut(c, b.x, b.y, r.w / 2, C_STATUS_KEY, ATTR_BOLD,
		    v->lesson.title ? v->lesson.title : "") + 2;
	} else if (r.w >= 100)
		bar_item(&b, NULL, "nnstep", C_STATUS_KEY);
	if (s == NULL)
		return;
	bar_item(&b, NULL, s->data->name ? s->data->name : _("data"), C_STATUS_KEY);
	status_shape(s, buf, sizeof buf);
	if (f->nruns == 1)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " %s",
		    s->net->nlayers > 1 ? act_name(s->net->layer[0].act) : "");
	bar_item(&b, NULL, buf, C_STATUS_KEY);
	snprintf(buf, sizeof buf, "%d/%d", s->pos.epoch, s->pos.cfg.epochs);
	bar_item(&b, _("epoch"), buf, C_STATUS_KEY);
	snprintf(buf, sizeof buf, "%ld/%ld", s->pos.batch + 1, s->nbatches);
	if (bar_item(&b, _("batch"), buf, C_STATUS_KEY)) {
		b.x -= 1;
		done = s->pos.batch + (s->pos.phase == PHASE_UPDATE ? 1 : 0);
		if (s->pos.phase_count == 0)
			done = 0;
		status_progress(&b, s->nbatches > 0 ? (double)done / s->nbatches : 0, 8);
	}
	if (f->nruns > 1)
		return;
	/* In force for the batch on screen; a change waiting shows on line 2. */
	bar_item(&b, _("lr"), view_num(val, sizeof val, session_lr(s), 4), C_STATUS_KEY);
	bar_item(&b, NULL, optim_name(s->pos.cfg.optimizer), C_STATUS_KEY);
	snprintf(buf, sizeof buf, "%ld", s->batch_size);
	bar_item(&b, _("batch size"), buf, C_STATUS_KEY);
	snprintf(buf, sizeof buf, "%llu", (unsigned long long)s->pos.cfg.seed);
	bar_item(&b, _("seed"), buf, C_STATUS_KEY);
}

/* The settings waiting for the next batch that change how it is computed,
 * as "tanh rmsprop lr 0.3"; "" when none. */
void
view_pending(const struct session *s, char *buf, size_t n)
{
	const struct session_config *a = session_cfg(s), *p = session_pending(s);
	size_t len = 0;
	char v[32];
	int l, acts = 0;

	buf[0] = '\0';
	if (p == NULL)
		return;
	for (l = 0; l < a->nhidden; l++)
		acts |= a->hidden_act[l] != p->hidden_act[l];
	/* Every key changes all hidden layers alike, so the first names them. */
	if (acts)
		len += (size_t)snprintf(buf + len, n - len, " %s", act_name(p->hidden_act[0]));
	if (a->alpha != p->alpha && len < n)
		len += (size_t)snprintf(buf + len, n - len, " alpha %s", view_num(v, sizeof v,
		    p->alpha, 4));
	if (a->optimizer != p->optimizer && len < n)
		len += (size_t)snprintf(buf + len, n - len, " %s", optim_name(p->optimizer));
	if (a->lr != p->lr && len < n)
		len += (size_t)snprintf(buf + len, n - len, " lr %s", view_num(v, sizeof v, p->lr, 4));
	if (a->l2 != p->l2 && len < n)
		len += (size_t)snprintf(buf + len, n - len, " l2 %s", view_num(v, sizeof v, p->l2, 4));
	if (a->dropout != p->dropout && len < n)
		snprintf(buf + len, n - len, " dropout %s", view_num(v, sizeof v, p->dropout, 4));
	if (buf[0])
		memmove(buf, buf + 1, strlen(buf));
}

static void
status_diverged(const struct session *s, struct canvas *c, struct rect r)
{
	const struct divergence *d = &s->pos.diverged;

	canvas_fill(c, r, ' ', C_ERROR, 0);
	char what[48];

	if (strcmp(d->quantity, "loss") == 0)
		snprintf(what, sizeof what, "%s", _("the loss"));
	else
		snprintf(what, sizeof what, _("%s of layer %d"), d->quantity, d->layer);
	canvas_printf(c, r.x + 1, r.y, r.w - 2, C_ERROR, 0,
	    _("DIVERGED: %s became NaN/Inf in the %s phase (epoch %d, batch %ld) "
	    "- press b to step back or r to reset"), what, _(phase_name(d->phase)),
	    d->epoch, d->batch + 1);
}

/* "rows/s" in at most four digits: 980, 12.3k, 1.42M. */
static const char *
status_rate(char *buf, size_t n, double r)
{
	if (r >= 1e6)
		snprintf(buf, n, "%.3gM", r / 1e6);
	else if (r >= 1e4)
		snprintf(buf, n, "%.3gk", r / 1e3);
	else
		snprintf(buf, n, "%.0f", r);
	return buf;
}

/* What continue mode is doing: the speed's name, and once measured the
 * frames and rows it manages a second. */
static void
status_speed(const struct ui_view_state *v, const struct glyphs *g, char *buf, size_t n)
{
	const struct speed *sp = &speed_ladder[v->speed >= 0 && v->speed < speed_count ?
	    v->speed : SPEED_DEFAULT];
	char r[32];
	size_t len;

	if (sp->kind == SPEED_PHASES)
		len = (size_t)snprintf(buf, n, "%s %s", g->arrow_right, _(sp->label));
	else if (sp->kind == SPEED_TURBO)
		len = (size_t)snprintf(buf, n, ngettext("%s turbo %d batch/frame",
		    "%s turbo %d batches/frame", (unsigned long)v->steps_per_frame), g->arrow_right,
		    v->steps_per_frame);
	else
		len = (size_t)snprintf(buf, n, ngettext("%s running %d batch/frame",
		    "%s running %d batches/frame", (unsigned long)sp->amount), g->arrow_right,
		    sp->amount);
	if (v->rate > 0 && sp->kind != SPEED_PHASES && len < n)
		snprintf(buf + len, n - len, _(" %.0f fps %s rows/s"), v->fps,
		    status_rate(r, sizeof r, v->rate));
}

static void
status_line2(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	static const char *const names[] = { N_("ready"), N_("FORWARD"), N_("LOSS"), N_("BACKWARD"),
	    N_("UPDATE") };
	const struct session *s = f->run[0];
	const struct ui_view_state *v = f->v;
	const struct glyphs *g = glyphs_get(f->ascii);
	struct bar b = { c, r.x + 1, r.y, r.x + r.w, g };
	char buf[160], a[32], a2[96];
	const struct epoch_record *e;
	int i, right, running;

	if (s == NULL)
		return;
	if (s->pos.diverged.set && f->nruns == 1) {
		status_diverged(s, c, r);
		return;
	}
	for (i = 0; i <= PHASE_UPDATE; i++) {
		int on = (int)s->pos.phase == i;

		if (i == 0 && !on)
			continue;
		b.x += canvas_text(c, b.x, b.y, -1, on ? C_PHASE_ACTIVE : C_PHASE, 0, on ? " " : "");
		b.x += canvas_text(c, b.x, b.y, -1, on ? C_PHASE_ACTIVE : C_PHASE, 0, _(names[i]));
		b.x += canvas_text(c, b.x, b.y, -1, on ? C_PHASE_ACTIVE : C_PHASE, 0, on ? " " : "");
		if (i < PHASE_UPDATE)
			b.x += canvas_text(c, b.x, b.y, -1, C_PHASE, 0, on ? " " : "  ");
	}
	b.x += 2;
	if (v->running)
		status_speed(v, g, buf, sizeof buf);
	else if (s->pos.stopped_early)
		snprintf(buf, sizeof buf, _("stopped early at epoch %d (weights of epoch %d)"),
		    s->pos.epoch, s->pos.best_epoch);
	else if (s->pos.finished)
		snprintf(buf, sizeof buf, ngettext("finished: %d epoch", "finished: %d epochs",
		    (unsigned long)s->pos.nepochs), s->pos.nepochs);
	else
		buf[0] = '\0';
	if (s->pos.exploding_epoch > 0) {
		snprintf(a2, sizeof a2, _("exploding loss: lr %g too large"), s->pos.cfg.lr);
		bar_item(&b, NULL, a2, C_WARNING);
	}
	if (buf[0])
		bar_item(&b, NULL, buf, s->pos.finished && !v->running ? C_GOOD : C_STATUS_KEY);
	running = v->running;
	view_pending(s, buf, sizeof buf);
	if (buf[0])
		bar_item(&b, _("next batch:"), buf, C_WARNING);
	else if (!running && v->speed >= 0 && v->speed < speed_count)
		bar_item(&b, _("speed"), _(speed_ladder[v->speed].label), C_STATUS);
	/* Losses on the right. */
	e = s->pos.nepochs > 0 ? &s->epochs[s->pos.nepochs - 1] : NULL;
	if (f->nruns > 1)
		return;
	/* The loss of the batch on screen, and of the validation split after
	 * the last epoch: each named (the loss panel adds the epoch loss). */
	snprintf(buf, sizeof buf, _("batch loss %s  val loss %s"),
	    s->pos.phase >= PHASE_LOSS ? view_num(a, sizeof a, s->net->batch_loss, 4) : "-",
	    e && !isnan(e->val_loss) ? view_num(a + 16, sizeof a - 16, e->val_loss, 4) : "-");
	right = r.x + r.w - 1 - text_width(buf, -1);
	if (right > b.x) {
		int lx = right;

		lx += canvas_text(c, lx, r.y, -1, C_STATUS, 0, _("batch loss "));
		lx += canvas_text(c, lx, r.y, -1, C_STATUS_KEY, 0,
		    s->pos.phase >= PHASE_LOSS ? view_num(a, sizeof a, s->net->batch_loss, 4) : "-");
		lx += canvas_text(c, lx, r.y, -1, C_STATUS, 0, _("  val loss "));
		canvas_text(c, lx, r.y, -1, C_STATUS_KEY, 0,
		    e && !isnan(e->val_loss) ? view_num(a, sizeof a, e->val_loss, 4) : "-");
	}
}

void
view_status(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	canvas_fill(c, r, ' ', C_STATUS, 0);
	status_line1(f, c, (struct rect){ r.x, r.y, r.w, 1 });
	if (r.h > 1)
		status_line2(f, c, (struct rect){ r.x, r.y + 1, r.w, 1 });
}

/* ------------------------------------------------------------- hint bar */

struct hint {
	const char *key, *what;
};

/* The main screen's hints: the key table's rows that have one, by rank. */
static const struct hint *
hints_of_keys(struct hint *h, int max)
{
	int i, rank, n = 0;

	for (rank = 1; n < max - 1; rank++) {
		int found = 0;

		for (i = 0; i < key_count; i++)
			if (key_table[i].hint_rank == rank) {
				h[n].key = key_table[i].hint_key;
				h[n++].what = key_table[i].hint;
				found = 1;
				break;
			}
		if (!found)
			break;
	}
	h[n].key = h[n].what = NULL;
	return h;
}

static const struct hint hints_notice[] = {
	{ N_("any key"), N_("close the notice") }, { NULL, NULL },
};

/* A lesson's own keys first, told apart from the trainer's stepping keys. */
static const struct hint hints_lesson[] = {
	{ N_("space"), N_("next stop") }, { "b", N_("previous stop") },
	{ "\u2192", N_("one phase") }, { "hjkl", N_("neuron") },
	{ "i", N_("inspect") }, { N_("tab"), N_("panel") }, { "z", N_("zoom") },
	{ "?", N_("help") }, { "q", N_("quit") }, { NULL, NULL },
};

static const struct hint hints_help[] = {
	{ "j k", N_("scroll") }, { "esc ?", N_("close") }, { "q", N_("quit") }, { NULL, NULL },
};

static const struct hint hints_confirm[] = {
	{ "y", N_("yes") }, { "n esc", N_("no") }, { NULL, NULL },
};

/* The first key of a question's hints names its real number of choices. */
static const char *const choice_keys[] = { "1-2", "1-2", "1-2", "1-3", "1-4" };

static const struct hint hints_ask[] = {
	{ "1-4", N_("answer") }, { N_("space"), N_("continue (once answered)") }, { NULL, NULL },
};

static const struct hint hints_number[] = {
	{ "0-9 . - e", N_("type the number") }, { N_("enter"), N_("answer") },
	{ N_("backspace"), N_("erase") },
	{ "b", N_("previous") }, { NULL, NULL },
};

static const struct hint hints_input[] = {
	{ "enter", N_("do it") }, { "backspace", N_("erase") }, { "esc", N_("cancel") },
	{ NULL, NULL },
};

static const struct hint hints_answered[] = {
	{ N_("space"), N_("continue") }, { "b", N_("previous") }, { "q", N_("quit") },
	{ NULL, NULL },
};

void
view_hints(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	const struct ui_view_state *v = f->v;
	const struct hint *h;
	struct hint main_hints[32];
	int x = r.x + 1, need;

	canvas_fill(c, r, ' ', C_HINT, 0);
	if (v->message[0]) {
		canvas_text_cut(c, x, r.y, r.w - 2, v->message_role, 0, v->message);
		return;
	}
	switch (v->overlay) {
	case OV_HELP:
		h = hints_help;
		break;
	case OV_CONFIRM:
		h = hints_confirm;
		break;
	case OV_INPUT:
		h = hints_input;
		break;
	case OV_NOTICE:
		h = hints_notice;
		break;
	case OV_ASK:
		h = v->lesson.answer >= 0 ? hints_answered : v->lesson.ask &&
		    v->lesson.ask->nchoices == 0 ? hints_number : hints_ask;
		break;
	default:
		h = v->lesson.active ? hints_lesson : hints_of_keys(main_hints, 32);
		break;
	}
	for (; h->key; h++) {
		const char *key = _(h->key);

		if (h == hints_ask && v->lesson.ask)
			key = choice_keys[v->lesson.ask->nchoices < 4 ? v->lesson.ask->nchoices : 4];
		if (strcmp(key, "\u2192") == 0)
			key = glyphs_get(f->ascii)->arrow_right;
		need = text_width(key, -1) + 1 + text_width(_(h->what), -1) + 2;
		if (x + need > r.x + r.w)
			break;
		x += canvas_text(c, x, r.y, -1, C_KEY, 0, key) + 1;
		x += canvas_text(c, x, r.y, -1, C_HINT, 0, _(h->what)) + 2;
	}
}

/* ------------------------------------------------------------- overlays */

/* A box of w x h centred in r, cleared; returns the inside. */
static struct rect
overlay_box(const struct ui_frame *f, struct canvas *c, struct rect r, int w, int h,
    const char *title)
{
	struct panel_ctx p;
	struct rect b;

	memset(&p, 0, sizeof p);
	p.g = glyphs_get(f->ascii);
	p.focused = 1;
	if (w > r.w)
		w = r.w;
	if (h > r.h)
		h = r.h;
	b = (struct rect){ r.x + (r.w - w) / 2, r.y + (r.h - h) / 2, w, h };
	/* A blank margin keeps the panels behind from touching the box. */
	canvas_fill(c, rect_and((struct rect){ b.x - 1, b.y, b.w + 2, b.h }, r), ' ', C_DEFAULT, 0);
	canvas_fill(c, b, ' ', C_OVERLAY, 0);
	b = view_box(&p, c, b, title, NULL);
	return (struct rect){ b.x + 1, b.y, b.w - 2, b.h };
}

/* The help overlay: the key table's rows that have a help line, in order. */
void
view_help(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	int n = 0, w = r.w - 4 < 78 ? r.w - 4 : 78, h, i, k, y, first;
	struct rect in;
	char more[64];

	for (i = 0; i < key_count; i++)
		n += key_table[i].help != NULL;
	h = n + 2 < r.h ? n + 2 : r.h;
	in = overlay_box(f, c, r, w, h, _("Keys"));
	first = f->v->help_scroll;
	if (first > n - in.h)
		first = n - in.h;
	if (first < 0)
		first = 0;
	/* k counts the lines with help, i walks the table */
	for (i = 0, k = 0, y = in.y; i < key_count && y < in.y + in.h; i++) {
		const struct key_def *l = &key_table[i];

		if (l->help == NULL || k++ < first)
			continue;
		if (l->label == NULL)
			canvas_text_cut(c, in.x, y, in.w, C_TITLE, 0, l->help[0] ? _(l->help) : "");
		else {
			canvas_text(c, in.x + 1, y, 11, C_KEY, 0, _(l->label));
			canvas_text_cut(c, in.x + 13, y, in.w - 13, C_OVERLAY, 0, _(l->help));
		}
		y++;
	}
	/* "more" marks end one column before the box's right corner, whatever
	 * the width of their words. */
	if (first > 0) {
		snprintf(more, sizeof more, _(" %s more "), glyphs_get(f->ascii)->up);
		canvas_text(c, in.x + in.w - text_width(more, -1), in.y - 1, -1, C_DIM, 0, more);
	}
	if (first + in.h < n) {
		snprintf(more, sizeof more, _(" %s more "), glyphs_get(f->ascii)->down);
		canvas_text(c, in.x + in.w - text_width(more, -1), in.y + in.h, -1, C_DIM, 0, more);
	}
}

void
view_confirm(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	int w = r.w - 4 < 64 ? r.w - 4 : 64, lines;
	struct rect in;

	lines = canvas_wrap(NULL, (struct rect){ 0, 0, w - 4, 0 }, 0, f->v->confirm, 0, 0, 0);
	in = overlay_box(f, c, r, w, lines + 4, _("Question"));
	canvas_wrap(c, in, 0, f->v->confirm, C_OVERLAY, C_EMPHASIS, 0);
	canvas_text(c, in.x, in.y + in.h - 1, -1, C_KEY, 0, "y");
	canvas_text(c, in.x + 2, in.y + in.h - 1, -1, C_OVERLAY, 0, _("yes"));
	canvas_text(c, in.x + 8, in.y + in.h - 1, -1, C_KEY, 0, "n");
	canvas_text(c, in.x + 10, in.y + in.h - 1, -1, C_OVERLAY, 0, _("no"));
}

/* A framed notice for the lesson's author (a failed check), apart from the
 * footer, closed by any key. */
void
view_notice(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	int w = r.w - 4 < 72 ? r.w - 4 : 72, lines;
	struct rect in;

	lines = canvas_wrap(NULL, (struct rect){ 0, 0, w - 4, 0 }, 0, f->v->notice, 0, 0, 0);
	in = overlay_box(f, c, r, w, lines + 4, _("For the lesson's author: a check failed"));
	canvas_wrap(c, in, 0, f->v->notice, C_WARNING, C_EMPHASIS, 0);
	canvas_text(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("any key closes this notice"));
}

void
view_input(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	int w = r.w - 4 < 72 ? r.w - 4 : 72, lines, x;
	struct rect in;

	lines = canvas_wrap(NULL, (struct rect){ 0, 0, w - 4, 0 }, 0, f->v->input_prompt, 0, 0, 0);
	in = overlay_box(f, c, r, w, lines + 5, _("Type"));
	canvas_wrap(c, in, 0, f->v->input_prompt, C_OVERLAY, C_EMPHASIS, 0);
	x = in.x + canvas_text(c, in.x, in.y + lines + 1, -1, C_DIM, 0, "> ");
	x += canvas_text(c, x, in.y + lines + 1, in.w - 3, C_KEY, 0, f->v->input);
	canvas_text(c, x, in.y + lines + 1, 1, C_KEY, ATTR_REVERSE, " ");
	canvas_text(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("enter: do it   esc: cancel"));
}

int
ui_ask_right(const struct ui_ask *q, double x)
{
	return isfinite(x) && fabs(x - q->value) <= q->tol;
}

const char *
ui_ask_value_text(const struct ui_ask *q, char *buf, size_t n)
{
	int sig = 15;

	if (q->tol > 0 && q->value != 0 && isfinite(q->value))
		sig = (int)floor(log10(fabs(q->value))) - (int)floor(log10(2 * q->tol)) + 1;
	if (sig < 1)
		sig = 1;
	if (sig > 15)
		sig = 15;
	if (q->value == floor(q->value) && fabs(q->value) < 1e15)
		snprintf(buf, n, "%.0f", q->value);
	else {
		/* Trailing zeros kept: -0.700 says three digits are meant. */
		size_t len;

		snprintf(buf, n, "%#.*g", sig, q->value);
		len = strlen(buf);
		if (len > 0 && buf[len - 1] == '.')
			buf[len - 1] = '\0';
	}
	return buf;
}

/* A number question: the prompt with what is typed, then the verdict, the
 * right number and the worked answer. */
static void
view_ask_number(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	const struct ui_lesson *ls = &f->v->lesson;
	const struct ui_ask *q = ls->ask;
	const struct glyphs *g = glyphs_get(f->ascii);
	int w = r.w, tw = w - 4, h, y, answered = ls->answer >= 0;
	char num[40];
	struct rect in;

	h = canvas_wrap(NULL, (struct rect){ 0, 0, tw, 0 }, 0, q->question, 0, 0, 1) + 2;
	if (answered)
		h += 1 + (q->explain ? canvas_wrap(NULL, (struct rect){ 0, 0, tw, 0 }, 0,
		    q->explain, 0, 0, 1) : 0);
	h += 2;
	if (h + 2 < r.h)
		r = (struct rect){ r.x, r.y + r.h - (h + 2), r.w, h + 2 };
	in = overlay_box(f, c, r, w, h + 2, _("Question"));
	y = in.y;
	y += canvas_wrap(c, (struct rect){ in.x, y, in.w, in.y + in.h - y }, 0, q->question,
	    C_OVERLAY, C_EMPHASIS, 1) + 1;
	if (y < in.y + in.h) {
		int x = in.x + canvas_text(c, in.x, y, -1, C_DIM, 0, _("your answer: "));

		x += canvas_text(c, x, y, in.w - (x - in.x), C_KEY, 0, ls->typed);
		if (!answered)
			canvas_text(c, x, y, 1, C_KEY, ATTR_REVERSE, " ");
		y++;
	}
	if (answered && y < in.y + in.h) {
		ui_ask_value_text(q, num, sizeof num);
		if (ls->answer == 0)
			canvas_printf(c, in.x, y, in.w, C_GOOD, 0, _("%s Right: %s."), g->right, num);
		else
			canvas_printf(c, in.x, y, in.w, C_WARNING, 0, _("%s Not quite: it is %s."),
			    g->wrong, num);
		if (q->explain)
			canvas_wrap(c, (struct rect){ in.x, y + 1, in.w, in.y + in.h - y - 1 }, 0,
			    q->explain, C_OVERLAY, C_EMPHASIS, 1);
		if (!ls->active)
			canvas_printf(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("space: run the phase  "
			    "score this session: %d of %d"), f->v->quiz_right, f->v->quiz_asked);
		else
			canvas_text(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("space: continue"));
	} else {
		canvas_text(c, in.x, in.y + in.h - 1, -1, C_DIM, 0,
		    _("type a number, then enter"));
	}
}

void
view_ask(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	const struct ui_lesson *ls = &f->v->lesson;
	const struct ui_ask *q = ls->ask;
	const struct glyphs *g = glyphs_get(f->ascii);
	int w = r.w, tw = w - 4, h, i, y, answered;
	struct rect in, line;
	char num[16];

	if (q == NULL)
		return;
	if (q->nchoices == 0) {
		view_ask_number(f, c, r);
		return;
	}
	answered = ls->answer >= 0;
	/* Measure: question, blank, choices, then the verdict and explanation. */
	h = canvas_wrap(NULL, (struct rect){ 0, 0, tw, 0 }, 0, q->question, 0, 0, 1) + 1;
	for (i = 0; i < q->nchoices && i < 4; i++)
		h += canvas_wrap(NULL, (struct rect){ 0, 0, tw - 4, 0 }, 0, q->choice[i], 0, 0, 1);
	if (answered)
		h += 2 + (q->explain ? canvas_wrap(NULL, (struct rect){ 0, 0, tw, 0 }, 0,
		    q->explain, 0, 0, 1) : 0);
	h += 2;
	/* Along the bottom, where the narration was, so the panels with the
	 * numbers the question is about stay in view. */
	if (h + 2 < r.h)
		r = (struct rect){ r.x, r.y + r.h - (h + 2), r.w, h + 2 };
	in = overlay_box(f, c, r, w, h + 2, _("Question"));
	y = in.y;
	y += canvas_wrap(c, (struct rect){ in.x, y, in.w, in.y + in.h - y }, 0, q->question,
	    C_OVERLAY, C_EMPHASIS, 1) + 1;
	for (i = 0; i < q->nchoices && i < 4 && y < in.y + in.h; i++) {
		int role = C_OVERLAY;

		snprintf(num, sizeof num, "%d", i + 1);
		if (answered && i == q->correct) {
			role = C_GOOD;
			view_glyph(c, in.x, y, g->right, C_GOOD, 0);
		} else if (answered && i == ls->answer) {
			role = C_WARNING;
			view_glyph(c, in.x, y, g->wrong, C_WARNING, 0);
		}
		canvas_text(c, in.x + 1, y, -1, C_KEY, 0, num);
		line = (struct rect){ in.x + 4, y, in.w - 4, in.y + in.h - y };
		y += canvas_wrap(c, line, 0, q->choice[i], role, C_EMPHASIS, 1);
	}
	y++;
	if (answered && y < in.y + in.h) {
		if (ls->answer == q->correct)
			canvas_printf(c, in.x, y, in.w, C_GOOD, 0, _("%s Right."), g->right);
		else
			canvas_printf(c, in.x, y, in.w, C_WARNING, 0,
			    _("%s Not quite: the answer is %d."), g->wrong, q->correct + 1);
		/* The explanation starts on the line after the verdict, above the
		 * last line of the box. */
		if (q->explain)
			canvas_wrap(c, (struct rect){ in.x, y + 1, in.w, in.y + in.h - y - 1 }, 0,
			    q->explain, C_OVERLAY, C_EMPHASIS, 1);
		canvas_text(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("space: continue"));
	} else
		canvas_printf(c, in.x, in.y + in.h - 1, -1, C_DIM, 0, _("press 1-%d to answer"),
		    q->nchoices < 4 ? q->nchoices : 4);
}

/*
 * The command line, along full-width rows with no frame at their sides, so
 * that selecting the rows copies the command and nothing else; long lines
 * break at a space and end with a backslash, which the shell reads as one
 * line.
 */
void
view_command(const struct ui_frame *f, struct canvas *c, struct rect r)
{
	const struct glyphs *g = glyphs_get(f->ascii);
	const char *s = f->v->command ? f->v->command : "", *p, *brk;
	int w = r.w - 2, lines = 0, y, x, pass;

	for (pass = 0; pass < 2; pass++) {
		y = r.y + (r.h - lines - 4) / 2;
		if (pass == 1) {
			canvas_fill(c, (struct rect){ r.x, y, r.w, lines + 4 }, ' ', C_DEFAULT, 0);
			for (x = r.x; x < r.x + r.w; x++) {
				view_glyph(c, x, y, g->box[0], C_BORDER_FOCUS, 0);
				view_glyph(c, x, y + lines + 3, g->box[0], C_BORDER_FOCUS, 0);
			}
			canvas_text(c, r.x + 2, y, -1, C_TITLE_FOCUS, 0,
			    " The command line of these settings: select the lines to copy ");
		}
		y += 2;
		lines = 0;
		for (p = s; *p; lines++, y++) {
			size_t n = strlen(p);

			brk = p + n;
			if (text_width(p, (long)n) > w) {
				/* The last space that leaves room for " \". */
				const char *q;

				brk = NULL;
				for (q = p; *q; q++)
					if (*q == ' ' && text_width(p, q - p) + 2 <= w)
						brk = q;
				if (brk == NULL)
					brk = p + text_fit(p, w - 2);
			}
			if (pass == 1) {
				canvas_printf(c, r.x, y, w + 2, C_DEFAULT, 0, "%.*s%s", (int)(brk - p), p,
				    *brk ? " \\" : "");
			}
			p = *brk == ' ' ? brk + 1 : brk;
		}
		if (pass == 1)
			canvas_text(c, r.x + 2, y, -1, C_DIM, 0, "any key closes");
	}
}
