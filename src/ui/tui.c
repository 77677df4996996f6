/*
 * tui.c: the interactive program: a key table of actions that drive the
 * session API, and a loop that reads keys, runs training between frames
 * while continuing, and redraws once per iteration when something changed.
 *
 * Actions return flags (TUI_REDRAW, TUI_QUIT); the loop interprets them.
 * The frame is drawn by ui_draw (view.c) into a canvas that tty.c copies to
 * the terminal.
 */
#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/run.h"
#include "app/command.h"
#include "app/config.h"
#include "io/checkpoint.h"
#include "io/predictions.h"
#include "keys.h"
#include "screen.h"
#include "app/speed.h"
#include "tty.h"
#include "tui.h"
#include "util/i18n.h"

#define TUI_REDRAW 0x01
#define TUI_QUIT 0x02

/* Frame period while training runs: aimed a little above 30 frames a second
 * so that 30 hold when the machine is busy. */
#define TUI_FRAME_MS (1000.0 / (SPEED_FPS + 1))
#define TUI_IDLE_MS 250		/* poll for signals this often when idle */

struct tui {
	struct options *o;		/* display settings, save path */
	int nruns;
	struct session *run[UI_MAX_RUNS];
	char label[UI_MAX_RUNS][128];
	int own;			/* sessions, data, checkpoints are ours to free */
	struct dataset *data[UI_MAX_RUNS];
	struct checkpoint *ck[UI_MAX_RUNS];
	struct options ropt[UI_MAX_RUNS];	/* each run's settings (tui_main) */
	struct view_cache cache[UI_MAX_RUNS];
	struct ui_view_state v;
	struct canvas *cv;
	struct tty *tty;
	enum theme_kind theme;		/* what the terminal shows */
	enum theme_id theme_id;		/* the room's theme */
	int ascii;
	int w, h;			/* terminal size */
	int dirty;			/* redraw at the end of this iteration */
	int quit;
	unsigned stamp;			/* focus clock (view_state.shown) */
	long confirm_batch;		/* batch size waiting for y/n */
	int epochs_step;		/* epochs `c`/`e` add once training is done */
	char *command;			/* the command line shown by P */
	/* continue mode */
	double budget_ms;		/* turbo: training time a frame, tuned to the period */
	double last_frame_ms;		/* when the last frame began (0: not running) */
	double next_phase_ms;		/* slow motion: when the next phase is due */
	double rate_start_ms;		/* the rate is measured from here */
	double rate_rows;		/* rows trained since then */
	int rate_frames;		/* frames drawn since then */
	/* --record */
	FILE *rec;
	double rec_start_ms;
	char *rec_last;			/* the last frame written, to skip repeats */
	size_t rec_last_len;
	/* lessons */
	int lesson;
	struct tui_lesson_hooks hooks;
	char *title, *text;
	struct ui_ask ask;
	char *ask_str[6];		/* question, choices, explanation */
};

static void tui_clamp(struct tui *t);
static void tui_frame(struct tui *t, struct ui_frame *f);

/* ------------------------------------------------------------- helpers */

static double
tui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void
tui_notice(struct tui *t, const char *text)
{
	snprintf(t->v.notice, sizeof t->v.notice, "%s", text ? text : "");
	t->v.overlay = OV_NOTICE;
	t->dirty = 1;
}

void
tui_message(struct tui *t, int role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->v.message, sizeof t->v.message, fmt, ap);
	va_end(ap);
	t->v.message_role = role;
	t->dirty = 1;
}

static char *
tui_strdup(const char *s)
{
	char *p;

	if (s == NULL)
		return NULL;
	p = strdup(s);
	if (p == NULL) {
		fputs("nnstep: out of memory\n", stderr);
		abort();
	}
	return p;
}

/* Units in display layer d (0 = input) of run 0. */
static int
tui_units(const struct tui *t, int d)
{
	const struct net *n = t->run[0]->net;

	return d == 0 ? n->ninputs : n->layer[d - 1].out;
}

static void
tui_clamp(struct tui *t)
{
	struct ui_view_state *v = &t->v;
	const struct net *n = t->run[0]->net;

	if (v->layer < 0)
		v->layer = 0;
	if (v->layer > n->nlayers)
		v->layer = n->nlayers;
	if (v->unit >= tui_units(t, v->layer))
		v->unit = tui_units(t, v->layer) - 1;
	if (v->unit < 0)
		v->unit = 0;
	if (v->layer > 0 && v->weight >= n->layer[v->layer - 1].in)
		v->weight = 0;
	if (v->sample >= n->n)
		v->sample = n->n > 0 ? n->n - 1 : 0;
	if (v->sample < 0)
		v->sample = 0;
}

static void
tui_focus_id(struct tui *t, int run, int id)
{
	t->v.focus = id;
	t->v.focus_run = run;
	t->v.shown[id] = ++t->stamp;
}

static void
tui_frame(struct tui *t, struct ui_frame *f)
{
	int i;

	memset(f, 0, sizeof *f);
	f->nruns = t->nruns;
	for (i = 0; i < t->nruns; i++) {
		f->run[i] = t->run[i];
		f->label[i] = t->label[i][0] ? t->label[i] : NULL;
		f->cache[i] = &t->cache[i];
	}
	f->v = &t->v;
	f->ascii = t->ascii;
	f->colour_pictures = t->theme == THEME_256 && !t->ascii;
	f->save_available = 1;
}

/* --------------------------------------------------------------- stepping */

/* In a lesson, a key that moves the training on its own takes the screen
 * away from the lesson's stop: the status bar says so until space returns. */
static void
tui_explored(struct tui *t)
{
	if (t->lesson)
		t->v.lesson.exploring = 1;
}

/* One step of one run: session_phase, session_batch or session_epoch. */
typedef int session_step_fn(struct session *s);

/* Steps every run with fn; says what happened. */
static int
tui_step(struct tui *t, session_step_fn *fn)
{
	int i, finished = 0, diverged = 0, rc;

	tui_explored(t);
	t->v.running = 0;
	for (i = 0; i < t->nruns; i++) {
		rc = fn(t->run[i]);
		finished += rc == SESSION_FINISHED;
		diverged += rc == SESSION_DIVERGED;
	}
	if (diverged && t->nruns > 1)
		tui_message(t, C_ERROR, ngettext("%d run diverged: b steps back, r resets",
		    "%d runs diverged: b steps back, r resets", (unsigned long)diverged), diverged);
	else if (diverged)
		tui_message(t, C_ERROR, _("diverged: the numbers became NaN or infinite; b steps "
		    "back, r resets, [ lowers the learning rate"));
	else if (finished == t->nruns)
		tui_message(t, C_WARNING, _("training has finished (%d epochs): c or e trains on "
		    "for %d more, r starts again"), t->run[0]->pos.nepochs, t->epochs_step);
	tui_clamp(t);
	return TUI_REDRAW;
}

/* Nothing can run: every run has finished its epochs (none diverged or
 * stopped early). */
static int
tui_all_done(const struct tui *t)
{
	int i;

	for (i = 0; i < t->nruns; i++)
		if (!t->run[i]->pos.finished || t->run[i]->pos.stopped_early ||
		    t->run[i]->pos.diverged.set)
			return 0;
	return 1;
}

/* Adds epochs_step epochs to every run; 0, or -1 with a message. */
static int
tui_train_on(struct tui *t)
{
	const char *why = NULL;
	int i, from = t->run[0]->pos.cfg.epochs + 1;

	for (i = 0; i < t->nruns; i++)
		if (session_train_on(t->run[i], t->epochs_step, &why) != 0) {
			tui_message(t, C_WARNING, _("cannot train on: %s (r resets)"), why ? _(why) : "?");
			return -1;
		}
	tui_message(t, C_MESSAGE, _("training on: epochs %d to %d"), from,
	    t->run[0]->pos.cfg.epochs);
	return 0;
}

static int
tui_batch_fn(struct session *s)
{
	return session_step_batch(s);
}

static int
tui_epoch_fn(struct session *s)
{
	return session_step_epoch(s);
}

static int
tui_phase_fn(struct session *s)
{
	return session_step(s);
}

/* What slow motion says as each phase is done. */
static const char *const tui_phase_words[] = {
	[PHASE_FORWARD] = N_("FORWARD: every layer computes z = W x + b, then a = f(z), "
	    "from the inputs to the output"),
	[PHASE_LOSS] = N_("LOSS: the predictions are compared with the targets; the batch "
	    "loss is their mean"),
	[PHASE_BACKWARD] = N_("BACKWARD: the chain rule hands dL/dz and dL/dW back from the "
	    "output to the first layer"),
	[PHASE_UPDATE] = N_("UPDATE: every weight moves against its gradient, by the learning "
	    "rate times dL/dW"),
};

/* Every run stopped: says why. */
static void
tui_ran_out(struct tui *t)
{
	int i, diverged = 0;

	for (i = 0; i < t->nruns; i++)
		diverged |= t->run[i]->pos.diverged.set;
	t->v.running = 0;
	if (diverged)
		tui_message(t, C_ERROR, _("training diverged and stopped: b steps back, r resets"));
	else if (tui_all_done(t))
		tui_message(t, C_GOOD, _("training has finished (%d epochs): c or e trains on for "
		    "%d more"), t->run[0]->pos.nepochs, t->epochs_step);
	else
		tui_message(t, C_GOOD, _("training has stopped (%d epochs)"), t->run[0]->pos.nepochs);
}

/* Slow motion: one phase when it is due, named in the message line. */
static void
tui_tick_phase(struct tui *t, double now)
{
	const struct speed *sp = &speed_ladder[t->v.speed];
	int i, active = 0;

	if (now < t->next_phase_ms)
		return;
	t->next_phase_ms = now + sp->amount;
	for (i = 0; i < t->nruns; i++)
		active += session_step(t->run[i]) == SESSION_OK;
	if (active == 0) {
		tui_ran_out(t);
		return;
	}
	t->v.steps_per_frame = 0;
	tui_message(t, C_MESSAGE, "%s", _(tui_phase_words[t->run[0]->pos.phase]));
	t->rate_rows += t->run[0]->pos.phase == PHASE_UPDATE ? (double)t->run[0]->batch_n : 0;
}

/* Training between frames while continuing: a number of batches, or in
 * turbo as many as fit in the frame beside its drawing. */
static void
tui_tick(struct tui *t)
{
	const struct speed *sp = &speed_ladder[t->v.speed];
	double start = tui_now_ms(), budget;
	int k, i, active;

	if (sp->kind == SPEED_PHASES) {
		tui_tick_phase(t, start);
		tui_clamp(t);
		t->dirty = 1;
		return;
	}
	budget = t->budget_ms;
	for (k = 0; sp->kind == SPEED_TURBO || k < sp->amount; k++) {
		for (i = 0, active = 0; i < t->nruns; i++) {
			active += session_step_batch(t->run[i]) == SESSION_OK;
			t->rate_rows += t->run[i]->batch_n;
		}
		if (active == 0) {
			tui_ran_out(t);
			k++;
			break;
		}
		if (tui_now_ms() - start >= budget) {
			k++;
			break;
		}
	}
	t->v.steps_per_frame = k;
	tui_clamp(t);
	t->dirty = 1;
}

/*
 * Turbo's training time a frame: whatever drawing, the terminal and the
 * machine take, the budget moves until frames begin one period apart, so
 * the training gets all the time the screen does not need.
 */
static void
tui_pace(struct tui *t, double now)
{
	if (t->last_frame_ms > 0) {
		t->budget_ms += 0.5 * (TUI_FRAME_MS - (now - t->last_frame_ms));
		if (t->budget_ms < 1)
			t->budget_ms = 1;
		if (t->budget_ms > TUI_FRAME_MS)
			t->budget_ms = TUI_FRAME_MS;
	}
	t->last_frame_ms = now;
}

/* Rows trained a second and frames drawn a second while running, over the
 * last second or so. */
static void
tui_measure(struct tui *t, double now)
{
	double span = now - t->rate_start_ms;

	t->rate_frames++;
	if (span < 1000)
		return;
	t->v.rate = t->rate_rows * 1000 / span;
	t->v.fps = t->rate_frames * 1000 / span;
	t->rate_start_ms = now;
	t->rate_rows = 0;
	t->rate_frames = 0;
}

/* Starts continue mode's clocks. */
static void
tui_start_running(struct tui *t)
{
	t->v.running = 1;
	t->next_phase_ms = 0;
	t->rate_start_ms = tui_now_ms();
	t->rate_rows = 0;
	t->rate_frames = 0;
	t->v.rate = t->v.fps = 0;
}

/* Remembers the theme and the speed for the next start. */
static void
tui_remember(struct tui *t)
{
	char *err = NULL;

	t->o->theme = (int)t->theme_id;
	t->o->speed = t->v.speed;
	if (config_save(t->o, &err) != 0) {
		tui_message(t, C_WARNING, "%s", err ? err : _("cannot write the config file"));
		free(err);
	}
}

/* ---------------------------------------------------------------- actions */

static int
tui_act_phase(struct tui *t, int key)
{
	if (t->lesson && key == ' ' && t->hooks.next) {
		int rc;

		t->v.running = 0;
		if (t->v.lesson.exploring && t->hooks.again) {
			/* Back to the stop's own numbers before going on. */
			rc = t->hooks.again(t, t->hooks.user);
			t->v.lesson.exploring = 0;
			if (rc == TUI_LESSON_END)
				t->v.lesson.at_end = 1;
			if (rc != TUI_LESSON_ERROR)
				tui_message(t, C_MESSAGE, _("back at stop %d as the lesson left it: space "
				    "goes on"), t->v.lesson.index);
			tui_clamp(t);
			return TUI_REDRAW;
		}
		if (t->v.lesson.at_end) {
			tui_message(t, C_WARNING, _("the lesson has ended: b goes back, q quits"));
			return TUI_REDRAW;
		}
		rc = t->hooks.next(t, t->hooks.user);
		if (rc == TUI_LESSON_END)
			t->v.lesson.at_end = 1;
		t->v.scroll[P_NARRATION] = 0;
		tui_clamp(t);
		return TUI_REDRAW;
	}
	return tui_step(t, tui_phase_fn);
}

/* The selected neuron's map, large in the data panel (again: the regions). */
static int
tui_show_neuron(struct tui *t)
{
	struct ui_view_state *v = &t->v;
	int layer = v->layer < 1 ? 1 : v->layer;

	if (t->run[0]->data->ninputs != 2) {
		tui_message(t, C_WARNING, _("neuron maps need two inputs"));
		return TUI_REDRAW;
	}
	if (v->big_layer == layer && v->big_unit == v->unit) {
		v->big_layer = 0;
		tui_message(t, C_MESSAGE, _("the data panel shows the decision regions again"));
		return TUI_REDRAW;
	}
	v->big_layer = layer;
	v->big_unit = layer == v->layer ? v->unit : 0;
	v->shown[P_DATA] = ++t->stamp;
	tui_message(t, C_MESSAGE, _("the data panel shows neuron %d's map: enter again or esc "
	    "for the regions"), v->big_unit + 1);
	return TUI_REDRAW;
}

static int
tui_act_batch(struct tui *t, int key)
{
	if (key == TK_ENTER && t->v.focus == P_NEURONS)
		return tui_show_neuron(t);
	return tui_step(t, tui_batch_fn);
}

static int
tui_act_epoch(struct tui *t, int key)
{
	if (tui_all_done(t) && tui_train_on(t) != 0)
		return TUI_REDRAW;
	return tui_step(t, tui_epoch_fn);
}

static int
tui_act_back(struct tui *t, int key)
{
	int i, failed = 0;

	t->v.running = 0;
	if (t->lesson && key == 'b' && t->hooks.prev) {
		int rc, overlay = t->v.overlay;

		/* Closed first: going back may reopen a question. */
		t->v.overlay = OV_NONE;
		rc = t->hooks.prev(t, t->hooks.user);
		t->v.lesson.exploring = 0;	/* the stop before, as the lesson left it */
		if (rc != TUI_LESSON_ERROR)
			t->v.lesson.at_end = 0;
		else if (t->v.overlay == OV_NONE)
			t->v.overlay = overlay;
		t->v.scroll[P_NARRATION] = 0;
		tui_clamp(t);
		return TUI_REDRAW;
	}
	tui_explored(t);
	for (i = 0; i < t->nruns; i++)
		if (session_back(t->run[i]) != 0)
			failed++;
	if (failed)
		tui_message(t, C_WARNING, _("no earlier history: the history keeps the last %d "
		    "phases (and nothing before the start)"), t->run[0]->pos.cfg.history_phases);
	tui_clamp(t);
	return TUI_REDRAW;
}

static int
tui_act_run(struct tui *t, int key)
{
	int i, active = 0;

	if (t->v.running) {
		t->v.running = 0;
		tui_message(t, C_MESSAGE, _("paused"));
		return TUI_REDRAW;
	}
	tui_explored(t);
	if (tui_all_done(t)) {
		if (tui_train_on(t) != 0)
			return TUI_REDRAW;
		tui_start_running(t);
		return TUI_REDRAW;
	}
	for (i = 0; i < t->nruns; i++)
		active += !t->run[i]->pos.finished && !t->run[i]->pos.diverged.set;
	if (active == 0) {
		tui_message(t, C_WARNING, _("nothing to run: training has %s (r resets)"),
		    t->run[0]->pos.diverged.set ? _("diverged") : _("stopped early"));
		return TUI_REDRAW;
	}
	tui_start_running(t);
	return TUI_REDRAW;
}

static int
tui_act_speed(struct tui *t, int key)
{
	int *k = &t->v.speed, down = key == '-' || key == '_';

	if ((down && *k == 0) || (!down && *k == speed_count - 1)) {
		tui_message(t, C_WARNING, down ? _("already the slowest speed: %s") :
		    _("already the fastest speed: %s"), _(speed_ladder[*k].label));
		return TUI_REDRAW;
	}
	*k += down ? -1 : 1;
	t->next_phase_ms = 0;
	t->rate_start_ms = tui_now_ms();
	t->rate_rows = 0;
	t->rate_frames = 0;
	t->v.rate = t->v.fps = 0;
	tui_message(t, C_MESSAGE, _("speed %d/%d: %s%s"), *k + 1, speed_count,
	    _(speed_ladder[*k].label), t->v.running ? "" : _(" (c runs)"));
	tui_remember(t);
	return TUI_REDRAW;
}

static int
tui_act_theme(struct tui *t, int key)
{
	t->theme_id = (enum theme_id)((t->theme_id + 1) % THEME_COUNT);
	if (t->tty)
		tty_set_theme(t->tty, t->theme_id);
	tui_message(t, C_MESSAGE, _("theme: %s%s"), theme_name(t->theme_id), t->theme == THEME_NONE ?
	    _(" (no colours are shown: NO_COLOR, --no-color or the terminal)") : "");
	tui_remember(t);
	return TUI_REDRAW;
}

static int
tui_act_val_points(struct tui *t, int key)
{
	t->v.hide_val = !t->v.hide_val;
	tui_message(t, C_MESSAGE, t->v.hide_val ? _("validation points hidden in the data panel") :
	    _("validation points shown in the data panel"));
	return TUI_REDRAW;
}

/* ------------------------------------------------- editing the training points */

/* Can the focused data panel edit points: two inputs, classification, the
 * decision regions shown? */
static int
tui_paints(const struct tui *t)
{
	const struct dataset *d = t->run[0]->data;

	return t->v.focus == P_DATA && d->ninputs == 2 && d->image_h <= 0 &&
	    (d->task == TASK_BINARY || d->task == TASK_MULTICLASS) && t->v.big_layer == 0;
}

/* The cursor, placed at the centre of the panel's range the first time. */
static void
tui_paint_cursor(struct tui *t, double lo[2], double hi[2])
{
	const struct view_cache *vc = &t->cache[0];

	if (vc->grid_valid && vc->grid_s == t->run[0]) {
		lo[0] = vc->lo[0], lo[1] = vc->lo[1], hi[0] = vc->hi[0], hi[1] = vc->hi[1];
	} else
		view_data_range(t->run[0], lo, hi);
	if (!t->v.paint_set) {
		t->v.paint[0] = (lo[0] + hi[0]) / 2;
		t->v.paint[1] = (lo[1] + hi[1]) / 2;
		t->v.paint_set = 1;
	}
}

/* The runs' sessions after their data changed; each data set edited once. */
static int
tui_points_changed(struct tui *t, int add, const double xy[2], long row)
{
	const char *err = NULL;
	int i, j, rc = 0;

	for (i = 0; i < t->nruns && rc == 0; i++) {
		struct dataset *d = (struct dataset *)t->run[i]->data;
		long k = row;

		for (j = 0; j < i; j++)
			if (t->run[j]->data == t->run[i]->data)
				break;
		if (j == i) {
			if (!add && i > 0)
				k = dataset_train_nearest(d, xy[0], xy[1]);
			rc = add ? dataset_train_add(d, xy, t->v.paint_class, &err) :
			    dataset_train_remove(d, k, &err);
		}
		if (rc == 0)
			rc = session_data_changed(t->run[i], &err);
	}
	if (rc != 0) {
		tui_message(t, C_WARNING, "%s", _(err));
		return -1;
	}
	t->v.sample = 0;
	t->dirty = 1;
	return 0;
}

static int
tui_paint_add(struct tui *t, const double xy[2])
{
	const struct session *s = t->run[0];

	if (tui_points_changed(t, 1, xy, -1) != 0)
		return TUI_REDRAW;
	tui_message(t, C_MESSAGE, _("added a point of class %s at (%.2f, %.2f); %ld training points "
	    "(epoch %d, batch %ld: rewind starts here)"),
	    s->data->prep && s->data->prep->classes ? s->data->prep->classes[t->v.paint_class] : "?",
	    xy[0], xy[1], s->data->train.n, s->pos.epoch, s->pos.batch + 1);
	return TUI_REDRAW;
}

static int
tui_paint_remove(struct tui *t, long row)
{
	const struct session *s = t->run[0];
	const struct split *tr = &s->data->train;
	double xy[2];
	int cls;

	if (row < 0)
		return TUI_REDRAW;
	xy[0] = tr->x[row * 2];
	xy[1] = tr->x[row * 2 + 1];
	cls = tr->label ? tr->label[row] : 0;
	if (tui_points_changed(t, 0, xy, row) != 0)
		return TUI_REDRAW;
	tui_message(t, C_MESSAGE, _("removed a point of class %s at (%.2f, %.2f); %ld training "
	    "points (epoch %d, batch %ld: rewind starts here)"),
	    s->data->prep && s->data->prep->classes ? s->data->prep->classes[cls] : "?",
	    xy[0], xy[1], tr->n, s->pos.epoch, s->pos.batch + 1);
	return TUI_REDRAW;
}

/* A, D, C: add a point at the cursor, remove the nearest, next paint class. */
static int
tui_act_paint(struct tui *t, int key)
{
	const struct dataset *d = t->run[0]->data;
	int ncls = d->noutputs > 1 ? d->noutputs : 2;
	double lo[2], hi[2];

	if (!tui_paints(t)) {
		tui_message(t, C_WARNING, _("tab to the data panel of a two-input classification "
		    "to edit its training points"));
		return TUI_REDRAW;
	}
	tui_paint_cursor(t, lo, hi);
	if (key == 'C') {
		t->v.paint_class = (t->v.paint_class + 1) % ncls;
		tui_message(t, C_MESSAGE, _("new points get class %s"),
		    d->prep && d->prep->classes ? d->prep->classes[t->v.paint_class] : "?");
		return TUI_REDRAW;
	}
	if (key == 'A')
		return tui_paint_add(t, t->v.paint);
	return tui_paint_remove(t, dataset_train_nearest(d, t->v.paint[0], t->v.paint[1]));
}

/* hjkl and up/down in the data panel: the cursor moves a 40th of the range. */
static int
tui_paint_move(struct tui *t, int key)
{
	double lo[2], hi[2];
	int d = key == 'h' || key == 'l' ? 0 : 1;
	double step;

	tui_paint_cursor(t, lo, hi);
	step = (hi[d] - lo[d]) / 40;
	t->v.paint[d] += key == 'h' || key == 'j' || key == TK_DOWN ? -step : step;
	if (t->v.paint[d] < lo[d])
		t->v.paint[d] = lo[d];
	if (t->v.paint[d] > hi[d])
		t->v.paint[d] = hi[d];
	tui_message(t, C_MESSAGE, _("cursor at (%.2f, %.2f): A adds, D removes, C class"),
	    t->v.paint[0], t->v.paint[1]);
	return TUI_REDRAW;
}

/* The settings in force now (a lesson's or the keys' changes included). */
static int
tui_act_command(struct tui *t, int key)
{
	const struct session *s = t->run[0];
	struct options o = *t->o;
	const struct session_config *c = session_next_cfg(s);

	free(t->command);
	/* Compared runs differ in one setting: the line keeps --compare. */
	t->command = command_line(&o, t->nruns > 1 || t->lesson ? NULL : c);
	t->v.command = t->command;
	t->v.overlay = OV_COMMAND;
	return TUI_REDRAW;
}

static int
tui_act_reset(struct tui *t, int key)
{
	uint64_t seed = t->run[0]->pos.cfg.seed + (key == 'R');
	const struct session_config *c;
	char lr[32];
	int i;

	tui_explored(t);
	t->v.running = 0;
	for (i = 0; i < t->nruns; i++) {
		struct session_config back;
		const char *why;

		session_reset(t->run[i], key == 'R' ? t->run[i]->pos.cfg.seed + 1 :
		    t->run[i]->pos.cfg.seed);
		/* Starting again means the original epochs, not those trained on. */
		back = t->run[i]->pos.cfg;
		if (back.epochs != t->epochs_step) {
			back.epochs = t->epochs_step;
			session_configure(t->run[i], &back, &why);
		}
	}
	/* The reset starts from the settings on screen: name them. */
	c = &t->run[0]->pos.cfg;
	if (t->nruns > 1)
		tui_message(t, C_MESSAGE, _("weights of every run reset from seed %llu%s, each with "
		    "the settings its header names"), (unsigned long long)seed,
		    key == 'R' ? _(" (a new seed)") : _(" (the same numbers again)"));
	else
		tui_message(t, C_MESSAGE, _("weights reset from seed %llu%s: %s, %s, lr %s"),
		    (unsigned long long)seed, key == 'R' ? _(" (a new seed)") :
		    _(" (the same numbers again)"), c->nhidden > 0 ? act_name(c->hidden_act[0]) :
		    _("no hidden layer"), optim_name(c->optimizer), view_num(lr, sizeof lr, c->lr, 4));
	tui_clamp(t);
	return TUI_REDRAW;
}

/* Text panels scroll with j and k; the others move the neuron cursor. */
static int
tui_scrolls(const struct tui *t)
{
	return t->v.focus == P_CODE || t->v.focus == P_NARRATION || t->v.focus == P_CHECKS;
}

static int
tui_act_move(struct tui *t, int key)
{
	struct ui_view_state *v = &t->v;
	int dy = 0;

	if (tui_paints(t))
		return tui_paint_move(t, key);
	switch (key) {
	case 'h':
		v->layer--;
		break;
	case 'l':
		v->layer++;
		break;
	case 'k':
	case TK_UP:
		dy = -1;
		break;
	case 'j':
	case TK_DOWN:
		dy = 1;
		break;
	default:
		break;
	}
	if (dy && tui_scrolls(t)) {
		v->scroll[v->focus] += dy;
		if (v->scroll[v->focus] < 0)
			v->scroll[v->focus] = 0;
		return TUI_REDRAW;
	}
	if (key == 'h' || key == 'l') {
		/* Keep the same relative position in the new layer. */
		v->layer = v->layer < 0 ? 0 : v->layer;
		v->layer = v->layer > t->run[0]->net->nlayers ? t->run[0]->net->nlayers : v->layer;
	}
	v->unit += dy;
	v->scroll[P_INSPECTOR] = 0;
	tui_clamp(t);
	return TUI_REDRAW;
}

/* x / X: the next / previous incoming weight of the selected neuron (the
 * inspector checks its gradient and splits it by paths and by samples). */
static int
tui_act_weight(struct tui *t, int key)
{
	struct ui_view_state *v = &t->v;
	const struct net *n = t->run[0]->net;
	int in;

	if (v->layer < 1) {
		tui_message(t, C_WARNING, _("an input has no incoming weights: l moves to a layer"));
		return TUI_REDRAW;
	}
	in = n->layer[v->layer - 1].in;
	v->weight = key == 'X' ? (v->weight + in - 1) % in : (v->weight + 1) % in;
	tui_message(t, C_MESSAGE, _("weight w%d of the selected neuron (of %d)"), v->weight + 1, in);
	return TUI_REDRAW;
}

/* g: the learning-rate panel, and the LR range test from a copy of the
 * focused run's state. */
static int
tui_act_lr_find(struct tui *t, int key)
{
	const struct session *s = t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0];
	char *err = NULL;
	int n;

	t->v.running = 0;
	tui_focus_id(t, t->v.focus_run, P_LR);
	n = lr_range_test(s, 1e-5, 10, UI_LRF_POINTS, t->v.lrf_lr, t->v.lrf_loss,
	    &t->v.lrf_suggested, &err);
	if (n < 0) {
		tui_message(t, C_WARNING, _("no range test: %s"), err ? err : "?");
		free(err);
		t->v.lrf_n = 0;
		return TUI_REDRAW;
	}
	t->v.lrf_n = n;
	if (isnan(t->v.lrf_suggested))
		tui_message(t, C_WARNING, _("LR range test: the loss never fell"));
	else
		tui_message(t, C_MESSAGE, _("LR range test (%d batches from a copy): suggested lr "
		    "%.3g"), n, t->v.lrf_suggested);
	return TUI_REDRAW;
}

/* K: the sanity checks of the focused run's settings, in their panel. */
static int
tui_act_checks(struct tui *t, int key)
{
	const struct session *s = t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0];
	char *err = NULL;
	int i, failed = 0;

	t->v.running = 0;
	tui_focus_id(t, t->v.focus_run, P_CHECKS);
	t->v.scroll[P_CHECKS] = 0;
	if (checks_run(&s->pos.cfg, s->data, t->v.checks, &err) != 0) {
		tui_message(t, C_WARNING, _("no checks: %s"), err ? err : "?");
		free(err);
		t->v.checks_valid = 0;
		return TUI_REDRAW;
	}
	t->v.checks_valid = 1;
	for (i = 0; i < CK_COUNT; i++)
		failed += t->v.checks[i].verdict == CHECK_FAIL;
	tui_message(t, failed ? C_WARNING : C_GOOD, _("sanity checks: %d of %d failed"), failed,
	    CK_COUNT);
	return TUI_REDRAW;
}

/* ------------------------------------------------ predict, branch, edit */

static const char *
p_times(const struct tui *t)
{
	return glyphs_get(t->ascii)->times;
}

static const char *
p_sigma(const struct tui *t)
{
	return glyphs_get(t->ascii)->sigma;
}

static void
tui_input_open(struct tui *t, int what, const char *prompt, const char *start)
{
	t->v.running = 0;
	t->v.overlay = OV_INPUT;
	t->v.input_what = what;
	snprintf(t->v.input_prompt, sizeof t->v.input_prompt, "%s", prompt);
	snprintf(t->v.input, sizeof t->v.input, "%s", start ? start : "");
}

/* p: hides the number the next phase makes for the selected neuron (z, the
 * sample's loss, dL/dz, or the selected weight after the update), asks for
 * it, and keeps a score; space then runs the phase and shows it. The
 * number is found by running the phase and stepping back exactly. */
static int
tui_act_predict(struct tui *t, int key)
{
	struct session *s = t->run[0];
	const struct net *n = s->net;
	struct ui_view_state *v = &t->v;
	struct ui_ask q;
	enum phase next;
	long pc = s->pos.phase_count, i;
	int l = v->layer - 1, j = v->unit, k = v->weight, rc;
	double value = NAN, mag;
	char question[240], explain[240];

	if (t->lesson) {
		tui_message(t, C_WARNING, _("in a lesson the questions are the lesson's"));
		return TUI_REDRAW;
	}
	if (l < 0) {
		tui_message(t, C_WARNING, _("select a neuron of a layer first (l, j, k)"));
		return TUI_REDRAW;
	}
	next = s->pos.phase == PHASE_NONE || s->pos.phase == PHASE_UPDATE ? PHASE_FORWARD :
	    (enum phase)(s->pos.phase + 1);
	v->running = 0;
	rc = session_step(s);
	if (rc != SESSION_OK) {
		if (rc != SESSION_FINISHED)
			session_goto(s, pc);
		tui_message(t, C_WARNING, _("nothing to predict: training has %s"),
		    rc == SESSION_FINISHED ? _("finished") : _("diverged"));
		return TUI_REDRAW;
	}
	i = v->sample < n->n ? v->sample : 0;
	j = j < n->layer[l].out ? j : 0;
	k = k < n->layer[l].in ? k : 0;
	switch (next) {
	case PHASE_FORWARD:
		value = n->layer[l].z[i * n->layer[l].out + j];
		snprintf(question, sizeof question, _("Predict: z of neuron %d of layer %d for sample "
		    "%ld, after the forward pass."), j + 1, l + 1, i + 1);
		snprintf(explain, sizeof explain, _("z = %s w%sx + b over the neuron's inputs; space "
		    "runs the forward pass and the inspector writes it out."), p_sigma(t), p_times(t));
		break;
	case PHASE_LOSS:
		value = n->sample_loss[i];
		snprintf(question, sizeof question, _("Predict: the loss of sample %ld (%s), after "
		    "the loss phase."), i + 1, loss_name(n->loss));
		snprintf(explain, sizeof explain, _("The output and the target of sample %ld decide "
		    "it; space runs the loss phase."), i + 1);
		break;
	case PHASE_BACKWARD:
		value = n->layer[l].dz[i * n->layer[l].out + j];
		snprintf(question, sizeof question, _("Predict: dL/dz of neuron %d of layer %d for "
		    "sample %ld, after the backward pass."), j + 1, l + 1, i + 1);
		snprintf(explain, sizeof explain, _("dL/dz = dL/da %s f'(z); space runs the backward "
		    "pass."), p_times(t));
		break;
	default:
		value = n->param[n->layer[l].w_off + (long)j * n->layer[l].in + k];
		snprintf(question, sizeof question, _("Predict: weight w%d of neuron %d of layer %d "
		    "after the update (lr %g)."), k + 1, j + 1, l + 1, s->pos.cfg.lr);
		snprintf(explain, sizeof explain, _("With sgd, w - lr %s dL/dw; space runs the "
		    "update."), p_times(t));
		break;
	}
	if (session_goto(s, pc) != 0 || s->pos.phase_count != pc) {
		tui_message(t, C_WARNING, _("cannot hide the next number without a rewind history "
		    "(--history)"));
		return TUI_REDRAW;
	}
	memset(&q, 0, sizeof q);
	q.question = question;
	q.explain = explain;
	q.value = value;
	/* Half a unit of the third significant digit, as the screen shows it. */
	mag = value != 0 && isfinite(value) ? floor(log10(fabs(value))) : -3;
	q.tol = 0.5 * pow(10.0, mag - 2);
	tui_ask(t, &q);
	return TUI_REDRAW;
}

/* f: branch from here. The one run forks into a comparison that differs in
 * one setting; every branch starts from the exact current state (weights,
 * optimizer, position, random state), as if loaded from a checkpoint saved
 * now, and the branches go on in lockstep. */
static int
tui_act_branch(struct tui *t, int key)
{
	if (t->lesson || !t->own) {
		tui_message(t, C_WARNING, _("in a lesson, the lesson branches (compare ... from "
		    "here)"));
		return TUI_REDRAW;
	}
	if (t->nruns > 1) {
		tui_message(t, C_WARNING, _("already %d runs side by side: branch from one run"),
		    t->nruns);
		return TUI_REDRAW;
	}
	tui_input_open(t, UI_INPUT_BRANCH, _("Branch from here: the runs go on from this exact "
	    "state and differ in one setting. Type KEY=V1,V2[,V3,V4] with KEY one of act, "
	    "optimizer, lr, init, batch, l2, dropout (e.g. lr=0.1,1)."), "lr=");
	return TUI_REDRAW;
}

static int
tui_branch(struct tui *t, const char *text)
{
	struct session *src = t->run[0], *fresh[UI_MAX_RUNS] = { 0 };
	struct app_run built[UI_MAX_RUNS];
	struct options base = t->ropt[0];
	const char *labels[UI_MAX_RUNS] = { 0 };
	struct session_state st;
	char *err = NULL;
	int i, n;

	base.cfg = *session_next_cfg(src);
	base.load_path = NULL;
	base.ncompare = 0;
	if (options_set(&base, "compare", text, &err) != 0 ||
	    (n = app_runs_build(&base, built, UI_MAX_RUNS, &err)) < 0) {
		tui_message(t, C_WARNING, _("cannot branch: %s"), err ? err : text);
		free(err);
		return TUI_REDRAW;
	}
	session_export(src, &st);
	st.lr = 0;	/* each branch keeps its own setting */
	for (i = 0; i < n; i++) {
		session_import(built[i].s, st.param, &st);
		fresh[i] = built[i].s;
		labels[i] = built[i].label;
	}
	tui_set_sessions(t, n, fresh, labels);
	session_free(src);
	dataset_free(t->data[0]);
	checkpoint_free(t->ck[0]);
	for (i = 0; i < n; i++) {
		t->data[i] = built[i].data;
		t->ck[i] = built[i].ck;
		t->ropt[i] = built[i].opt;
	}
	tui_message(t, C_GOOD, _("%d branches from here (%s), from the same weights, batch and "
	    "random state"), n, text);
	return TUI_REDRAW;
}

/* E / B: set the selected weight / the selected neuron's bias by hand. */
static int
tui_act_edit(struct tui *t, int key)
{
	const struct session *s = t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0];
	const struct ui_view_state *v = &t->v;
	const struct layer *ly;
	char prompt[200], now[32];
	long at;

	if (v->layer < 1) {
		tui_message(t, C_WARNING, _("select a neuron of a layer first (l, j, k)"));
		return TUI_REDRAW;
	}
	ly = &s->net->layer[v->layer - 1];
	at = key == 'B' ? ly->b_off + v->unit : ly->w_off + (long)v->unit * ly->in +
	    (v->weight < ly->in ? v->weight : 0);
	snprintf(now, sizeof now, "%.6g", s->net->param[at]);
	if (key == 'B')
		snprintf(prompt, sizeof prompt, _("Set the bias of neuron %d of layer %d (now %s), "
		    "then step to see what it does."), v->unit + 1, v->layer, now);
	else
		snprintf(prompt, sizeof prompt, _("Set weight w%d of neuron %d of layer %d (now %s), "
		    "then step to see what it does."), (v->weight < ly->in ? v->weight : 0) + 1,
		    v->unit + 1, v->layer, now);
	tui_input_open(t, key == 'B' ? UI_INPUT_BIAS : UI_INPUT_WEIGHT, prompt, now);
	return TUI_REDRAW;
}

static int
tui_edit(struct tui *t, const char *text)
{
	struct session *s = t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0];
	const struct layer *ly = &s->net->layer[t->v.layer - 1];
	int k = t->v.weight < ly->in ? t->v.weight : 0;
	long at = t->v.input_what == UI_INPUT_BIAS ? ly->b_off + t->v.unit :
	    ly->w_off + (long)t->v.unit * ly->in + k;
	char *end;
	double x = strtod(text, &end);

	if (end == text || *end != '\0' || session_set_param(s, at, x) != 0) {
		tui_message(t, C_WARNING, _("'%s' is not a number: nothing changed"), text);
		return TUI_REDRAW;
	}
	tui_message(t, C_GOOD, _("set to %g: the batch starts again with it (space steps)"), x);
	return TUI_REDRAW;
}

static int
tui_key_input(struct tui *t, int key)
{
	struct ui_view_state *v = &t->v;
	size_t n = strlen(v->input);

	if (key == TK_ESC) {
		v->overlay = OV_NONE;
		tui_message(t, C_MESSAGE, _("cancelled"));
		return TUI_REDRAW;
	}
	if (key == TK_BACKSPACE || key == 0x7f || key == 0x08) {
		if (n > 0)
			v->input[n - 1] = '\0';
		return TUI_REDRAW;
	}
	if (key == TK_ENTER) {
		v->overlay = OV_NONE;
		return v->input_what == UI_INPUT_BRANCH ? tui_branch(t, v->input) :
		    tui_edit(t, v->input);
	}
	if (key > 0x20 && key < 0x7f && n + 1 < sizeof v->input) {
		v->input[n] = (char)key;
		v->input[n + 1] = '\0';
	}
	return TUI_REDRAW;
}

static int
tui_act_page(struct tui *t, int key)
{
	int *sc = &t->v.scroll[t->v.focus];

	*sc += key == TK_PGUP ? -5 : 5;
	if (*sc < 0)
		*sc = 0;
	return TUI_REDRAW;
}

static int
tui_act_sample(struct tui *t, int key)
{
	const struct net *n = t->run[0]->net;

	if (t->run[0]->data->image_h > 0 && t->v.data_view == DATA_VIEW_CONFUSION) {
		/* The confusion view's cells take these keys. */
		t->v.cm_cell += key == ',' || key == '<' ? -1 : 1;
		return TUI_REDRAW;
	}
	t->v.batch_mean = 0;
	if (n->n == 0) {
		tui_message(t, C_WARNING, _("no batch yet: press space for the forward pass"));
		return TUI_REDRAW;
	}
	if (key == ',' || key == '<')
		t->v.sample = t->v.sample > 0 ? t->v.sample - 1 : n->n - 1;
	else
		t->v.sample = t->v.sample + 1 < n->n ? t->v.sample + 1 : 0;
	return TUI_REDRAW;
}

/* Picture inputs: the data panel's views, and the network panel's. */
static int
tui_act_data_view(struct tui *t, int key)
{
	static const char *const what[DATA_VIEW_COUNT] = {
		N_("the sample as a picture, with its class probabilities (, and . choose it)"),
		N_("the validation rows taken for another class"),
		N_("the confusion matrix; , and . choose a cell and show its rows"),
	};

	if (t->run[0]->data->image_h <= 0) {
		tui_message(t, C_WARNING, _("v changes the data panel for picture inputs (--image HxW)"));
		return TUI_REDRAW;
	}
	t->v.data_view = (t->v.data_view + 1) % DATA_VIEW_COUNT;
	t->v.cm_cell = 0;
	tui_message(t, C_MESSAGE, _("the data panel shows %s"), _(what[t->v.data_view]));
	return TUI_REDRAW;
}

static int
tui_act_net_view(struct tui *t, int key)
{
	if (t->run[0]->data->image_h <= 0) {
		tui_message(t, C_WARNING, _("w changes the network panel for picture inputs (--image HxW)"));
		return TUI_REDRAW;
	}
	t->v.net_diagram = !t->v.net_diagram;
	tui_message(t, C_MESSAGE, _("the network panel shows %s"), t->v.net_diagram ?
	    _("the diagram of every layer") : _("each first-layer unit's weights as a picture"));
	return TUI_REDRAW;
}

static int
tui_act_mean(struct tui *t, int key)
{
	t->v.batch_mean = !t->v.batch_mean;
	tui_message(t, C_MESSAGE, _("the network shows %s"), t->v.batch_mean ?
	    _("the mean over the batch") : _("one sample of the batch (, and . choose it)"));
	return TUI_REDRAW;
}

static int
tui_act_inspect(struct tui *t, int key)
{
	tui_focus_id(t, t->v.focus_run, P_INSPECTOR);
	return TUI_REDRAW;
}

static int
tui_act_tab(struct tui *t, int key)
{
	struct ui_frame f;
	int ids[UI_MAX_RUNS * P_COUNT], n, i, cur = -1, id;

	tui_frame(t, &f);
	n = ui_focus_order(&f, t->w, t->h, ids);
	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (ids[i] == t->v.focus_run * P_COUNT + t->v.focus)
			cur = i;
	i = key == TK_BTAB ? (cur <= 0 ? n - 1 : cur - 1) : (cur + 1) % n;
	id = ids[i];
	tui_focus_id(t, id / P_COUNT, id % P_COUNT);
	return TUI_REDRAW;
}

static int
tui_act_zoom(struct tui *t, int key)
{
	t->v.zoom = !t->v.zoom;
	return TUI_REDRAW;
}

static int
tui_act_log(struct tui *t, int key)
{
	t->v.log_loss = !t->v.log_loss;
	tui_message(t, C_MESSAGE, _("loss on a %s scale"), t->v.log_loss ? _("log") : _("linear"));
	return TUI_REDRAW;
}

/* Is setting (an option name: act, lr, ...) the one the runs side by side
 * differ in? Their labels read "act=sigmoid". */
static int
tui_compared(const struct tui *t, const char *setting)
{
	size_t n = strlen(setting);

	return t->nruns > 1 && strncmp(t->label[0], setting, n) == 0 && t->label[0][n] == '=';
}

/* Says why a key that would change the compared setting does nothing. */
static int
tui_refuse_compared(struct tui *t, const char *setting, const char *keys)
{
	tui_message(t, C_WARNING, _("the runs differ in %s: %s would make them alike, so it is "
	    "off while comparing (the headers name each run's %s)"), setting, keys, setting);
	return TUI_REDRAW;
}

/* Applies a change of settings to every run alike; says when it takes
 * effect. A change of the setting the runs are compared by is refused. */
static int
tui_configure(struct tui *t, void (*change)(struct session_config *, void *), void *arg,
    const char *what, const char *setting, const char *keys)
{
	int i, rc, now = 1;
	const char *why = NULL;

	if (tui_compared(t, setting))
		return tui_refuse_compared(t, setting, keys);
	tui_explored(t);
	for (i = 0; i < t->nruns; i++) {
		struct session *s = t->run[i];
		struct session_config c = *session_next_cfg(s);

		change(&c, arg);
		rc = session_configure(s, &c, &why);
		if (rc < 0) {
			tui_message(t, C_WARNING, "%s: %s", what, why ? why : _("not possible"));
			return TUI_REDRAW;
		}
		if (session_pending(s) != NULL)
			now = 0;
	}
	tui_message(t, C_MESSAGE, "%s%s%s", t->nruns > 1 ? _("every run alike: ") : "", what,
	    now ? "" : _(" (from the next batch; the batch on screen keeps its settings)"));
	return TUI_REDRAW;
}

static void
tui_set_act(struct session_config *c, void *arg)
{
	int l;

	for (l = 0; l < c->nhidden; l++)
		c->hidden_act[l] = *(enum act *)arg;
}

static int
tui_act_activation(struct tui *t, int key)
{
	const struct session *s = t->run[0];
	const struct session_config *c = session_next_cfg(s);
	enum act next;
	char what[80];

	if (c->nhidden == 0) {
		tui_message(t, C_WARNING, _("this network has no hidden layer"));
		return TUI_REDRAW;
	}
	next = act_cycle_next(c->hidden_act[0]);
	snprintf(what, sizeof what, _("hidden activation: %s"), act_name(next));
	return tui_configure(t, tui_set_act, &next, what, "act", "a");
}

static void
tui_set_opt(struct session_config *c, void *arg)
{
	c->optimizer = *(enum optim *)arg;
}

static int
tui_act_optimizer(struct tui *t, int key)
{
	const struct session *s = t->run[0];
	const struct session_config *c = session_next_cfg(s);
	enum optim next = (enum optim)((c->optimizer + 1) % OPT_COUNT);
	char what[80];

	snprintf(what, sizeof what, _("optimizer: %s (its state starts empty)"), optim_name(next));
	return tui_configure(t, tui_set_opt, &next, what, "optimizer", "o");
}

static void
tui_scale_lr(struct session_config *c, void *arg)
{
	c->lr *= *(double *)arg;
}

static int
tui_act_lr(struct tui *t, int key)
{
	const struct session *s = t->run[0];
	double f = key == ']' ? 3.0 : 1.0 / 3.0;
	double old = session_next_cfg(s)->lr;
	char what[80], a[32], b[32];

	snprintf(what, sizeof what, _("learning rate %s %s %s (%s3)"), view_num(a, sizeof a, old, 4),
	    glyphs_get(t->ascii)->arrow_right, view_num(b, sizeof b, old * f, 4),
	    key == ']' ? glyphs_get(t->ascii)->times : "/");
	return tui_configure(t, tui_scale_lr, &f, what, "lr", "[ and ]");
}

static int
tui_act_batch_size(struct tui *t, int key)
{
	const struct session *s = t->run[0];
	long n = s->data->train.n, cur = s->batch_size, want;

	if (!t->own) {
		tui_message(t, C_WARNING, _("the batch size is fixed during a lesson"));
		return TUI_REDRAW;
	}
	if (tui_compared(t, "batch"))
		return tui_refuse_compared(t, "batch", "{ and }");
	want = key == '{' ? (cur > 1 ? cur / 2 : 1) : cur * 2;
	if (want >= n)
		want = n;
	if (want == cur) {
		tui_message(t, C_WARNING, _("the batch size is already %s (%ld)"), key == '{' ?
		    _("the smallest") : _("the whole training set"), cur);
		return TUI_REDRAW;
	}
	t->confirm_batch = want;
	snprintf(t->v.confirm, sizeof t->v.confirm, _("Batch size %ld -> %ld%s changes the shape "
	    "of the batch: this needs a new network, initialised again from seed %llu with the "
	    "same settings. Start again?"), cur, want, want == n ? _(" (the whole training set)") : "",
	    (unsigned long long)s->pos.cfg.seed);
	t->v.overlay = OV_CONFIRM;
	return TUI_REDRAW;
}

/* y: makes new sessions with the batch size asked for. */
static int
tui_confirm_batch(struct tui *t)
{
	struct session *fresh[UI_MAX_RUNS];
	int i, n = t->nruns;	/* the runs of fresh[] */
	char *err = NULL;

	for (i = 0; i < n; i++) {
		struct session_config c = t->run[i]->pos.cfg;

		c.batch = t->confirm_batch >= t->run[i]->data->train.n ? 0 : t->confirm_batch;
		fresh[i] = session_new(&c, t->run[i]->data, &err);
		if (fresh[i] == NULL) {
			while (--i >= 0)
				session_free(fresh[i]);
			tui_message(t, C_WARNING, _("cannot change the batch size: %s"), err ? err : "?");
			free(err);
			return TUI_REDRAW;
		}
	}
	for (i = 0; i < n; i++) {
		session_free(t->run[i]);
		t->run[i] = fresh[i];
		view_cache_free(&t->cache[i]);
	}
	t->v.running = 0;
	tui_clamp(t);
	tui_message(t, C_MESSAGE, _("new network with batch size %ld"), t->run[0]->batch_size);
	return TUI_REDRAW;
}

static int
tui_act_save(struct tui *t, int key)
{
	const char *path = t->o->save_path ? t->o->save_path : "nnstep-model.json";
	const struct session *s = t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0];
	char *err = NULL;

	if (checkpoint_save(s, path, &err) != 0) {
		tui_message(t, C_WARNING, _("not saved: %s"), err ? err : path);
		free(err);
	} else if (t->o->predictions_path &&
	    predictions_save(t->run[t->v.focus_run < t->nruns ? t->v.focus_run : 0],
	    t->o->predictions_path, &err) != 0) {
		tui_message(t, C_WARNING, _("saved the model to %s; predictions not saved: %s"), path,
		    err ? err : t->o->predictions_path);
		free(err);
	} else if (t->o->predictions_path)
		tui_message(t, C_GOOD, _("saved the model to %s and the predictions to %s (epoch %d, "
		    "batch %ld)"), path, t->o->predictions_path, s->pos.epoch, s->pos.batch + 1);
	else
		tui_message(t, C_GOOD, _("saved the model to %s (epoch %d, batch %ld)"), path,
		    s->pos.epoch, s->pos.batch + 1);
	return TUI_REDRAW;
}

static int
tui_act_help(struct tui *t, int key)
{
	t->v.overlay = t->v.overlay == OV_HELP ? OV_NONE : OV_HELP;
	t->v.help_scroll = 0;
	return TUI_REDRAW;
}

static int
tui_act_escape(struct tui *t, int key)
{
	if (t->v.zoom)
		t->v.zoom = 0;
	else if (t->v.big_layer)
		t->v.big_layer = 0;
	t->v.message[0] = '\0';
	return TUI_REDRAW;
}

static int
tui_act_quit(struct tui *t, int key)
{
	return TUI_QUIT;
}

static int
tui_act_redraw(struct tui *t, int key)
{
	return TUI_REDRAW;
}

/* The function of each action of the key table (ui/keys.c). */
static int (*const tui_actions[KA_COUNT])(struct tui *t, int key) = {
#define X(id, fn) [KA_##id] = tui_act_##fn,
	KEY_ACTIONS
#undef X
};

/* ---------------------------------------------------------- overlay keys */

static int
tui_key_help(struct tui *t, int key)
{
	switch (key) {
	case 'j':
	case TK_DOWN:
		t->v.help_scroll++;
		break;
	case 'k':
	case TK_UP:
		t->v.help_scroll = t->v.help_scroll > 0 ? t->v.help_scroll - 1 : 0;
		break;
	case TK_PGDN:
		t->v.help_scroll += 10;
		break;
	case TK_PGUP:
		t->v.help_scroll = t->v.help_scroll > 10 ? t->v.help_scroll - 10 : 0;
		break;
	default:
		t->v.overlay = OV_NONE;
		break;
	}
	return TUI_REDRAW;
}

static int
tui_key_confirm(struct tui *t, int key)
{
	if (key == 'y' || key == 'Y') {
		t->v.overlay = OV_NONE;
		return tui_confirm_batch(t);
	}
	if (key == 'n' || key == 'N' || key == TK_ESC || key == 'q') {
		t->v.overlay = OV_NONE;
		tui_message(t, C_MESSAGE, _("the batch size stays %ld"), t->run[0]->batch_size);
	}
	return TUI_REDRAW;
}

/* A key typed into a number question: returns 1 when it was taken. */
static int
tui_key_number(struct tui *t, int key)
{
	struct ui_lesson *ls = &t->v.lesson;
	size_t n = strlen(ls->typed);
	double x;
	char *end;

	if ((key >= '0' && key <= '9') || key == '.' || key == '-' || key == '+' ||
	    key == 'e' || key == 'E') {
		if (n + 1 < sizeof ls->typed) {
			ls->typed[n] = (char)key;
			ls->typed[n + 1] = '\0';
		}
		return 1;
	}
	if (key == TK_BACKSPACE || key == 0x7f || key == 0x08) {
		if (n > 0)
			ls->typed[n - 1] = '\0';
		return 1;
	}
	if (key != TK_ENTER)
		return 0;
	x = strtod(ls->typed, &end);
	if (n == 0 || *end != '\0' || !isfinite(x)) {
		tui_message(t, C_WARNING, _("'%s' is not a number: type one such as 0.25 or -1.5e-3"),
		    ls->typed);
		return 1;
	}
	ls->answer = ui_ask_right(ls->ask, x) ? 0 : 1;
	if (t->hooks.answered_number)
		t->hooks.answered_number(t, t->hooks.user, x, ls->answer == 0);
	if (!t->lesson) {
		/* The p key's prediction: scored for the session. */
		t->v.quiz_asked++;
		t->v.quiz_right += ls->answer == 0;
	}
	return 1;
}

static int
tui_key_ask(struct tui *t, int key)
{
	struct ui_lesson *ls = &t->v.lesson;

	if (ls->ask == NULL) {
		t->v.overlay = OV_NONE;
		return TUI_REDRAW;
	}
	if (ls->ask->nchoices == 0 && ls->answer < 0 && tui_key_number(t, key))
		return TUI_REDRAW;
	if (ls->answer < 0 && key >= '1' && key < '1' + ls->ask->nchoices) {
		ls->answer = key - '1';
		if (t->hooks.answered)
			t->hooks.answered(t, t->hooks.user, ls->answer, ls->answer == ls->ask->correct);
		return TUI_REDRAW;
	}
	if (ls->answer >= 0 && (key == ' ' || key == TK_ENTER)) {
		t->v.overlay = OV_NONE;
		ls->ask = NULL;
		ls->answer = -1;
		return tui_act_phase(t, ' ');
	}
	if (key == 'q')
		return TUI_QUIT;
	if (key == 'b' && t->hooks.prev) {
		t->v.overlay = OV_NONE;
		ls->ask = NULL;
		ls->answer = -1;
		return tui_act_back(t, 'b');
	}
	if (ls->answer < 0 && ls->ask->nchoices == 0)
		tui_message(t, C_WARNING, _("type a number (digits, . - e), then enter"));
	else if (ls->answer < 0)
		tui_message(t, C_WARNING, _("press 1-%d to answer"), ls->ask->nchoices);
	return TUI_REDRAW;
}

static int
tui_click(struct tui *t, const struct tty_event *ev)
{
	struct ui_frame f;
	struct ui_hit hit;

	tui_frame(t, &f);
	ui_hit_test(&f, t->w, t->h, ev->x, ev->y, &hit);
	if (hit.panel < 0)
		return 0;
	if (hit.layer >= 0 && hit.panel == P_NEURONS) {
		t->v.layer = hit.layer;
		t->v.unit = hit.unit;
		tui_clamp(t);
		tui_focus_id(t, hit.run, P_NEURONS);
		t->v.big_layer = 0;
		return tui_show_neuron(t);
	}
	if (hit.layer >= 0) {
		t->v.layer = hit.layer;
		t->v.unit = hit.unit;
		t->v.scroll[P_INSPECTOR] = 0;
		tui_clamp(t);
		tui_focus_id(t, hit.run, P_INSPECTOR);
		return TUI_REDRAW;
	}
	if (hit.on_plane && hit.run == 0 && tui_paints(t)) {
		/* A click on the focused regions: on a point removes it, else adds. */
		const struct dataset *d = t->run[0]->data;
		long k = dataset_train_nearest(d, hit.plane[0], hit.plane[1]);

		t->v.paint[0] = hit.plane[0];
		t->v.paint[1] = hit.plane[1];
		t->v.paint_set = 1;
		if (k >= 0 && fabs(d->train.x[k * 2] - hit.plane[0]) <= hit.cell[0] &&
		    fabs(d->train.x[k * 2 + 1] - hit.plane[1]) <= hit.cell[1])
			return tui_paint_remove(t, k);
		return tui_paint_add(t, hit.plane);
	}
	if (hit.cm_cell >= 0)
		t->v.cm_cell = hit.cm_cell;	/* a confusion cell: show its rows */
	tui_focus_id(t, hit.run, hit.panel);
	return TUI_REDRAW;
}

static int
tui_key(struct tui *t, const struct tty_event *ev)
{
	const struct key_def *k;
	int key = ev->key;

	if (key == TK_RESIZE)
		return TUI_REDRAW;
	if (t->w < UI_MIN_W || t->h < UI_MIN_H)
		return key == 'q' ? TUI_QUIT : 0;
	t->v.message[0] = '\0';
	switch (t->v.overlay) {
	case OV_HELP:
		return tui_key_help(t, key);
	case OV_COMMAND:
		t->v.overlay = OV_NONE;
		return key == 'q' ? TUI_QUIT : TUI_REDRAW;
	case OV_CONFIRM:
		return tui_key_confirm(t, key);
	case OV_ASK:
		return tui_key_ask(t, key);
	case OV_NOTICE:
		/* Any key closes it (back to a question it covered); q still quits. */
		t->v.overlay = t->v.lesson.ask ? OV_ASK : OV_NONE;
		return key == 'q' ? TUI_QUIT : TUI_REDRAW;
	case OV_INPUT:
		return tui_key_input(t, key);
	default:
		break;
	}
	if (key == TK_MOUSE)
		return tui_click(t, ev);
	if ((k = key_find(key)) != NULL)
		return tui_actions[k->action](t, key);
	if (key >= 0x20 && key < 0x7f)
		tui_message(t, C_WARNING, _("the key %c does nothing here: ? lists the keys"), key);
	return TUI_REDRAW;
}

/* ------------------------------------------------------------------ loop */

/* ------------------------------------------------------------- --record */

/* A JSON string of n bytes (UTF-8 kept, control characters escaped). */
static void
tui_json_string(FILE *f, const char *s, size_t n)
{
	size_t i;

	fputc('"', f);
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '"' || ch == '\\')
			fprintf(f, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", f);
		else if (ch == '\r')
			fputs("\\r", f);
		else if (ch < 0x20 || ch == 0x7f)
			fprintf(f, "\\u%04x", ch);
		else
			fputc(ch, f);
	}
	fputc('"', f);
}

/* Opens the recording and writes its asciicast v2 header. */
static int
tui_record_open(struct tui *t, const char *path)
{
	const char *term = getenv("TERM");
	char env[200];
	int n;

	t->rec = fopen(path, "w");
	if (t->rec == NULL)
		return -1;
	t->rec_start_ms = tui_now_ms();
	fprintf(t->rec, "{\"version\": 2, \"width\": %d, \"height\": %d, \"timestamp\": %lld, "
	    "\"title\": \"nnstep\", \"env\": {\"TERM\": ", t->w, t->h, (long long)time(NULL));
	n = snprintf(env, sizeof env, "%s", term ? term : "xterm-256color");
	tui_json_string(t->rec, env, (size_t)(n < (int)sizeof env ? n : (int)sizeof env - 1));
	fputs("}}\n", t->rec);
	/* Clear the player's screen and hide its cursor first. */
	fprintf(t->rec, "[0.000000, \"o\", ");
	tui_json_string(t->rec, "\033[?25l\033[2J", 10);
	fputs("]\n", t->rec);
	return ferror(t->rec) ? -1 : 0;
}

/* Writes the frame on the screen as one output event, unless it is the
 * same as the last one. */
static void
tui_record(struct tui *t)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	if (m == NULL)
		return;
	screen_write_frame(t->cv, t->theme == THEME_NONE ? -1 : (int)t->theme_id, m);
	fclose(m);
	if (t->rec_last && len == t->rec_last_len && memcmp(buf, t->rec_last, len) == 0) {
		free(buf);
		return;
	}
	fprintf(t->rec, "[%.6f, \"o\", ", (tui_now_ms() - t->rec_start_ms) / 1000);
	tui_json_string(t->rec, buf, len);
	fputs("]\n", t->rec);
	free(t->rec_last);
	t->rec_last = buf;
	t->rec_last_len = len;
}

static int
tui_record_close(struct tui *t)
{
	int rc = 0;

	if (t->rec == NULL)
		return 0;
	/* Show the cursor again at the end of the replay, leaving the last
	 * screen as it was. */
	fprintf(t->rec, "[%.6f, \"o\", ", (tui_now_ms() - t->rec_start_ms) / 1000);
	tui_json_string(t->rec, "\033[0m\033[?25h", 10);
	fputs("]\n", t->rec);
	if (ferror(t->rec))
		rc = -1;
	if (fclose(t->rec) != 0)
		rc = -1;
	t->rec = NULL;
	free(t->rec_last);
	t->rec_last = NULL;
	return rc;
}

/* ------------------------------------------------------------------ draw */

static void
tui_draw(struct tui *t)
{
	struct ui_frame f;

	if (t->cv == NULL)
		t->cv = canvas_new(t->w, t->h, t->ascii);
	else if (t->cv->w != t->w || t->cv->h != t->h)
		canvas_resize(t->cv, t->w, t->h);
	tui_frame(t, &f);
	ui_draw(&f, t->cv);
	tty_draw(t->tty, t->cv);
	if (t->rec)
		tui_record(t);
}

static enum theme_kind
tui_want_theme(const struct options *o)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (o->no_color || (nc && nc[0]) || (term && strcmp(term, "dumb") == 0))
		return THEME_NONE;
	return THEME_256;
}

static int
tui_want_ascii(const struct options *o)
{
	const char *cs = nl_langinfo(CODESET);

	return o->ascii || cs == NULL || !(strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int
tui_run(struct tui *t)
{
	struct tty_event ev;
	char *err = NULL;
	int flags, sig, timeout;
	double frame_start;

	t->ascii = tui_want_ascii(t->o);
	t->theme_id = t->o->theme >= 0 ? (enum theme_id)t->o->theme : THEME_DARK;
	if (t->o->speed >= 0)
		t->v.speed = t->o->speed;
	t->tty = tty_open(tui_want_theme(t->o), t->theme_id, &t->theme, &err);
	if (t->tty == NULL) {
		fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot open the terminal"));
		free(err);
		return 1;
	}
	tty_size(t->tty, &t->w, &t->h);
	if (t->o->record_path && tui_record_open(t, t->o->record_path) != 0) {
		tty_close(t->tty);
		t->tty = NULL;
		fprintf(stderr, "nnstep: %s: cannot write the recording\n", t->o->record_path);
		if (t->rec)
			fclose(t->rec);
		t->rec = NULL;
		return 1;
	}
	if (t->lesson && t->hooks.next) {
		if (t->hooks.next(t, t->hooks.user) == TUI_LESSON_END)
			t->v.lesson.at_end = 1;
		tui_clamp(t);
	}
	t->dirty = 1;
	t->quit = 0;
	t->budget_ms = TUI_FRAME_MS / 2;
	while (!t->quit && !tty_interrupted()) {
		frame_start = tui_now_ms();
		if (t->v.running) {
			tui_pace(t, frame_start);
			tui_tick(t);
		} else
			t->last_frame_ms = 0;
		if (t->dirty) {
			double d0 = tui_now_ms();

			tui_draw(t);
			t->dirty = 0;
			if (t->v.running)
				tui_measure(t, d0);
		}
		if (t->v.running && speed_ladder[t->v.speed].kind == SPEED_TURBO)
			timeout = 0;	/* the budget fills the frame; keys are only polled */
		else if (t->v.running) {
			timeout = (int)(TUI_FRAME_MS - (tui_now_ms() - frame_start));
			if (timeout < 1)
				timeout = 1;
		} else
			timeout = TUI_IDLE_MS;
		/* Handle every key already typed before drawing again. */
		while (tty_read(t->tty, timeout, &ev)) {
			if (ev.key == TK_RESIZE)
				tty_size(t->tty, &t->w, &t->h);
			flags = tui_key(t, &ev);
			if (flags & TUI_REDRAW)
				t->dirty = 1;
			if (flags & TUI_QUIT) {
				t->quit = 1;
				break;
			}
			timeout = 0;
		}
	}
	sig = tty_interrupted();
	tty_close(t->tty);
	t->tty = NULL;
	if (tui_record_close(t) != 0) {
		fprintf(stderr, "nnstep: %s: cannot write the recording\n", t->o->record_path);
		return sig ? 128 + sig : 1;
	}
	return sig ? 128 + sig : 0;
}

/* ------------------------------------------------------------ life cycle */

struct tui *
tui_new(struct options *o, int n, struct session *const *s, const char *const *labels,
    char **err)
{
	struct tui *t;
	int i;

	*err = NULL;
	if (n < 1 || n > UI_MAX_RUNS) {
		*err = tui_strdup(_("between 1 and 4 runs can be shown"));
		return NULL;
	}
	t = calloc(1, sizeof *t);
	if (t == NULL) {
		*err = tui_strdup("out of memory");
		return NULL;
	}
	t->o = o;
	ui_view_init(&t->v);
	for (i = 0; i < UI_MAX_RUNS; i++)
		view_cache_init(&t->cache[i]);
	tui_set_sessions(t, n, s, labels);
	t->epochs_step = s[0]->pos.cfg.epochs > 0 ? s[0]->pos.cfg.epochs : 100;
	/* Side by side, what the runs predict is the first thing to compare. */
	if (n > 1)
		t->v.shown[P_DATA] = 3;
	/* Start on the first hidden neuron (or the output), sample 1. */
	t->v.layer = 1;
	t->v.unit = 0;
	tui_focus_id(t, 0, P_NETWORK);
	return t;
}

void
tui_set_sessions(struct tui *t, int n, struct session *const *s, const char *const *labels)
{
	int i;

	if (n < 1)
		return;
	if (n > UI_MAX_RUNS)
		n = UI_MAX_RUNS;
	t->nruns = n;
	for (i = 0; i < UI_MAX_RUNS; i++) {
		view_cache_free(&t->cache[i]);
		t->run[i] = i < n ? s[i] : NULL;
		snprintf(t->label[i], sizeof t->label[i], "%s",
		    i < n && labels && labels[i] ? labels[i] : "");
	}
	if (t->v.focus_run >= n)
		t->v.focus_run = 0;
	tui_clamp(t);
	t->dirty = 1;
}

static void
tui_free_ask(struct tui *t)
{
	int i;

	for (i = 0; i < 6; i++) {
		free(t->ask_str[i]);
		t->ask_str[i] = NULL;
	}
}

void
tui_free(struct tui *t)
{
	int i;

	if (t == NULL)
		return;
	if (t->tty)
		tty_close(t->tty);
	for (i = 0; i < UI_MAX_RUNS; i++) {
		view_cache_free(&t->cache[i]);
		if (t->own) {
			session_free(t->run[i]);
			dataset_free(t->data[i]);
			checkpoint_free(t->ck[i]);
		}
	}
	canvas_free(t->cv);
	if (t->rec)
		fclose(t->rec);
	free(t->rec_last);
	free(t->command);
	free(t->title);
	free(t->text);
	tui_free_ask(t);
	free(t);
}

/* ---------------------------------------------------------------- lessons */

void
tui_set_lesson(struct tui *t, const struct tui_lesson_hooks *h)
{
	t->lesson = h != NULL;
	if (h)
		t->hooks = *h;
	else
		memset(&t->hooks, 0, sizeof t->hooks);
	t->v.lesson.active = t->lesson;
	t->dirty = 1;
}

void
tui_lesson_title(struct tui *t, const char *title)
{
	free(t->title);
	t->title = tui_strdup(title);
	t->v.lesson.title = t->title;
	t->dirty = 1;
}

void
tui_lesson_progress(struct tui *t, int index, int count)
{
	t->v.lesson.index = index;
	t->v.lesson.count = count;
	t->dirty = 1;
}

void
tui_narrate(struct tui *t, const char *text)
{
	free(t->text);
	t->text = tui_strdup(text ? text : "");
	t->v.lesson.text = t->text;
	t->v.scroll[P_NARRATION] = 0;
	t->dirty = 1;
}

void
tui_ask(struct tui *t, const struct ui_ask *q)
{
	int i;

	tui_free_ask(t);
	memset(&t->ask, 0, sizeof t->ask);
	t->ask.nchoices = q->nchoices < 4 ? q->nchoices : 4;
	t->ask.correct = q->correct;
	t->ask.question = t->ask_str[0] = tui_strdup(q->question ? q->question : "");
	for (i = 0; i < t->ask.nchoices; i++)
		t->ask.choice[i] = t->ask_str[1 + i] = tui_strdup(q->choice[i] ? q->choice[i] : "");
	t->ask.explain = t->ask_str[5] = tui_strdup(q->explain);
	t->ask.value = q->value;
	t->ask.tol = q->tol;
	t->v.lesson.ask = &t->ask;
	t->v.lesson.answer = -1;
	t->v.lesson.typed[0] = '\0';
	t->v.overlay = OV_ASK;
	t->dirty = 1;
}

void
tui_select(struct tui *t, int layer, int unit)
{
	t->v.layer = layer;
	t->v.unit = unit;
	tui_clamp(t);
	t->dirty = 1;
}

void
tui_select_sample(struct tui *t, long sample)
{
	t->v.batch_mean = sample < 0;
	if (sample >= 0)
		t->v.sample = sample;
	tui_clamp(t);
	t->dirty = 1;
}

int
tui_focus(struct tui *t, const char *panel)
{
	int id = ui_panel_find(panel);

	if (id < 0)
		return -1;
	tui_focus_id(t, t->v.focus_run, id);
	t->dirty = 1;
	return 0;
}

void
tui_highlight(struct tui *t, int what, int layer)
{
	t->v.lesson.highlight = what;
	t->v.lesson.highlight_layer = layer;
	if (what == UH_GRADIENTS)
		t->v.shown[P_GRADIENTS] = ++t->stamp;
	t->dirty = 1;
}

void
tui_show(struct tui *t, int data_view, int net_diagram)
{
	if (data_view >= 0 && data_view < DATA_VIEW_COUNT) {
		t->v.data_view = data_view;
		t->v.cm_cell = 0;
	}
	if (net_diagram >= 0)
		t->v.net_diagram = net_diagram;
	t->dirty = 1;
}

/* ------------------------------------------------------------------- main */

int
tui_main(struct options *o)
{
	struct session *runs[UI_MAX_RUNS] = { 0 };
	const char *labels[UI_MAX_RUNS] = { 0 };
	struct app_run built[UI_MAX_RUNS];
	struct tui *t;
	int n, i, rc;
	char *err = NULL;

	if (strcmp(i18n_lang(), "ko") == 0 && i18n_require_utf8() != 0)
		return 1;
	n = app_runs_build(o, built, UI_MAX_RUNS, &err);
	if (n < 0)
		goto fail;
	for (i = 0; i < n; i++) {
		runs[i] = built[i].s;
		labels[i] = o->ncompare > 0 ? built[i].label : NULL;
	}
	t = tui_new(o, n, runs, labels, &err);
	if (t == NULL) {
		app_runs_free(built, n);
		goto fail;
	}
	t->own = 1;
	for (i = 0; i < n; i++) {
		t->data[i] = built[i].data;
		t->ck[i] = built[i].ck;
		t->ropt[i] = built[i].opt;
	}
	rc = tui_run(t);
	tui_free(t);
	return rc;
fail:
	fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot start"));
	free(err);
	return 1;
}
