/*
 * tuiplay.c: the lesson player inside the terminal UI. The TUI owns the
 * keys and the screen; through its lesson hooks, space runs the player to
 * the next stop, b returns to the previous stop (by exact replay), and an
 * answer to a question is passed on. After every move the screen is told
 * what the player now shows: sessions, title, progress, narration,
 * question, the view requests of the lesson, and a failed expect.
 *
 * The same screen can be printed without a terminal, stop by stop
 * (nnstep --headless --screen WxH lesson ...), for tests and for reading
 * a lesson as the class will see it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/player.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/tui.h"
#include "util/i18n.h"

int tui_lesson(struct options *o, struct lesson_player *p);

/* What the screen of a lesson remembers from stop to stop. */
struct lesson_screen {
	struct ui_view_state v;
	unsigned serial;		/* view requests already applied */
	unsigned stamp;			/* focus order of the panels */
	struct ui_ask ask;
};
struct lesson_screen *lesson_screen_new(void);
void lesson_screen_free(struct lesson_screen *ls);
int lesson_screen_print(struct lesson_screen *ls, struct lesson_player *p, int w, int h,
    int ascii, FILE *out);

struct tuiplay {
	struct lesson_player *p;
	int first;			/* the first next() only shows stop 1 */
	unsigned serial;		/* view requests already applied */
	struct ui_ask ask;		/* the open question, for tui_ask */
};

static int
tuiplay_highlight(enum lesson_highlight h)
{
	switch (h) {
	case LH_LAYER:
		return UH_LAYER;
	case LH_DEAD:
		return UH_DEAD;
	case LH_SATURATED:
		return UH_SATURATED;
	case LH_GRADIENTS:
		return UH_GRADIENTS;
	case LH_WEIGHTS:
		return UH_WEIGHTS;
	default:
		return UH_NONE;
	}
}

/* Shows the player's state; force: apply the view requests even when
 * they did not change (after going back). */
static int
tuiplay_sync(struct tui *t, struct tuiplay *tp, int force)
{
	struct lesson_player *p = tp->p;
	struct session *s[LESSON_MAX_RUNS];
	const char *labels[LESSON_MAX_RUNS];
	const struct player_view *v = player_view(p);
	const struct lesson_ask *a;
	int n = player_nruns(p), i, state = player_state(p);

	for (i = 0; i < n; i++) {
		s[i] = player_session(p, i);
		labels[i] = player_run_label(p, i);
	}
	if (n > 0)
		tui_set_sessions(t, n, s, labels);
	tui_lesson_title(t, player_title(p));
	tui_lesson_progress(t, player_stop(p), player_nstops(p));
	tui_narrate(t, player_text(p));
	if (force || v->serial != tp->serial) {
		if (v->focus)
			tui_focus(t, v->focus);
		if (v->layer >= 0)
			tui_select(t, v->layer, v->unit);
		if (v->sample != -2)
			tui_select_sample(t, v->sample);
		tui_highlight(t, tuiplay_highlight(v->highlight), v->highlight_layer);
		tui_show(t, v->data_view, v->net_diagram);
		tp->serial = v->serial;
	}
	a = player_ask(p);
	if (a) {
		tp->ask.question = a->question;
		tp->ask.nchoices = a->nchoices;
		for (i = 0; i < 4; i++)
			tp->ask.choice[i] = i < a->nchoices ? a->choice[i] : NULL;
		tp->ask.correct = a->answer - 1;
		tp->ask.explain = a->explain;
		tp->ask.value = a->value;
		tp->ask.tol = a->tol;
		tui_ask(t, &tp->ask);
	}
	if (state == PLAYER_ERROR) {
		tui_notice(t, player_error(p));
		return TUI_LESSON_ERROR;
	}
	/* A failed expect: the lesson goes on, its author is told in a frame. */
	if (player_warning(p))
		tui_notice(t, player_warning(p));
	return state == PLAYER_END ? TUI_LESSON_END : TUI_LESSON_WAIT;
}

static int
tuiplay_next(struct tui *t, void *user)
{
	struct tuiplay *tp = user;

	if (tp->first)
		tp->first = 0;
	else
		player_next_pause(tp->p);
	return tuiplay_sync(t, tp, 0);
}

/* b: back to the previous pause. A question on the way back is passed (the
 * screen closes its dialog when going back); going forward asks it again.
 * Stop 0 has nothing to show: the first stop is as far back as it goes. */
static int
tuiplay_prev(struct tui *t, void *user)
{
	struct tuiplay *tp = user;
	int k = player_stop(tp->p) - 1;

	player_goto_stop(tp->p, k < 1 ? 1 : k);
	return tuiplay_sync(t, tp, 1);
}

/* space after exploring: the stop again, replayed exactly as the lesson
 * left it. */
static int
tuiplay_again(struct tui *t, void *user)
{
	struct tuiplay *tp = user;

	player_goto_stop(tp->p, player_stop(tp->p) < 1 ? 1 : player_stop(tp->p));
	return tuiplay_sync(t, tp, 1);
}

static void
tuiplay_answered(struct tui *t, void *user, int choice, int correct)
{
	struct tuiplay *tp = user;

	player_answer(tp->p, choice + 1);
}

static void
tuiplay_answered_number(struct tui *t, void *user, double x, int right)
{
	struct tuiplay *tp = user;

	player_answer_number(tp->p, x);
}

/* ------------------------------------------------ the screen as text */

struct lesson_screen *
lesson_screen_new(void)
{
	struct lesson_screen *ls = calloc(1, sizeof *ls);

	if (ls == NULL) {
		fputs("nnstep: out of memory\n", stderr);
		exit(1);
	}
	ui_view_init(&ls->v);
	ls->serial = (unsigned)-1;
	ls->stamp = 100;
	return ls;
}

void
lesson_screen_free(struct lesson_screen *ls)
{
	free(ls);
}

/* Prints the screen of the player's current stop as the terminal UI draws
 * it at w x h. Returns 0, or -1 when the output failed. */
int
lesson_screen_print(struct lesson_screen *ls, struct lesson_player *p, int w, int h,
    int ascii, FILE *out)
{
	struct view_cache cache[UI_MAX_RUNS];
	const struct player_view *pv = player_view(p);
	const struct lesson_ask *a = player_ask(p);
	struct ui_view_state *v = &ls->v;
	struct ui_frame f;
	int n = player_nruns(p), i, id, rc;

	if (pv->serial != ls->serial) {
		if (pv->focus && (id = ui_panel_find(pv->focus)) >= 0) {
			v->focus = id;
			v->shown[id] = ++ls->stamp;
		}
		if (pv->layer >= 0) {
			v->layer = pv->layer;
			v->unit = pv->unit;
		}
		if (pv->sample != -2) {
			v->batch_mean = pv->sample < 0;
			if (pv->sample >= 0)
				v->sample = pv->sample;
		}
		if (pv->data_view >= 0)
			v->data_view = pv->data_view;
		if (pv->net_diagram >= 0)
			v->net_diagram = pv->net_diagram;
		v->lesson.highlight = tuiplay_highlight(pv->highlight);
		v->lesson.highlight_layer = pv->highlight_layer;
		if (v->lesson.highlight == UH_GRADIENTS)
			v->shown[P_GRADIENTS] = ++ls->stamp;
		ls->serial = pv->serial;
	}
	v->lesson.active = 1;
	v->lesson.title = player_title(p);
	v->lesson.index = player_stop(p);
	v->lesson.count = player_nstops(p);
	v->lesson.text = player_text(p);
	v->lesson.at_end = player_state(p) == PLAYER_END;
	v->lesson.answer = -1;
	v->lesson.ask = NULL;
	v->overlay = OV_NONE;
	if (a) {
		ls->ask.question = a->question;
		ls->ask.nchoices = a->nchoices;
		for (i = 0; i < 4; i++)
			ls->ask.choice[i] = i < a->nchoices ? a->choice[i] : NULL;
		ls->ask.correct = a->answer - 1;
		ls->ask.explain = a->explain;
		ls->ask.value = a->value;
		ls->ask.tol = a->tol;
		v->lesson.ask = &ls->ask;
		v->lesson.typed[0] = '\0';
		v->overlay = OV_ASK;
	}
	v->message[0] = '\0';
	if (player_error(p) || player_warning(p)) {
		/* A failed check is for the lesson's author: framed, not in the footer. */
		snprintf(v->notice, sizeof v->notice, "%s", player_error(p) ? player_error(p) :
		    player_warning(p));
		v->overlay = OV_NOTICE;
	}
	memset(&f, 0, sizeof f);
	f.nruns = n;
	for (i = 0; i < n; i++) {
		view_cache_init(&cache[i]);
		f.run[i] = player_session(p, i);
		f.label[i] = player_run_label(p, i);
		f.cache[i] = &cache[i];
	}
	f.v = v;
	f.ascii = ascii;
	rc = n > 0 ? screen_render_frame(&f, w, h, 0, out) : 0;
	for (i = 0; i < n; i++)
		view_cache_free(&cache[i]);
	return rc;
}

/* ------------------------------------------------ the terminal UI */

int
tui_lesson(struct options *o, struct lesson_player *p)
{
	struct tuiplay tp = { 0 };
	struct tui_lesson_hooks hooks = { tuiplay_next, tuiplay_prev, tuiplay_answered,
		tuiplay_answered_number, tuiplay_again, &tp };
	struct session *s[LESSON_MAX_RUNS];
	const char *labels[LESSON_MAX_RUNS];
	struct tui *t;
	char *err = NULL;
	int n, i, rc;

	/* Run to the first stop before the screen opens: the sessions the
	 * screen shows exist from then on. */
	if (player_next_pause(p) == PLAYER_ERROR) {
		fprintf(stderr, "%s\n", player_error(p));
		return 1;
	}
	n = player_nruns(p);
	for (i = 0; i < n; i++) {
		s[i] = player_session(p, i);
		labels[i] = player_run_label(p, i);
	}
	t = tui_new(o, n, s, labels, &err);
	if (t == NULL) {
		fprintf(stderr, "nnstep: %s\n", err ? err : _("cannot start the terminal UI"));
		free(err);
		return 1;
	}
	tp.p = p;
	tp.first = 1;
	tp.serial = (unsigned)-1;
	tui_set_lesson(t, &hooks);
	rc = tui_run(t);
	tui_free(t);
	return rc;
}
