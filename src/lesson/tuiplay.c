/*
 * tuiplay.c: the lesson player inside the terminal UI. The TUI owns the
 * keys and the screen; through its lesson hooks, space runs the player to
 * the next stop, b returns to the previous stop (by exact replay), and an
 * answer to a question is passed on. After every move the screen is told
 * what the player now shows: sessions, title, progress, narration,
 * question, the view requests of the lesson, and a failed expect.
 */
#include <stdio.h>
#include <stdlib.h>

#include "lesson/player.h"
#include "ui/theme.h"
#include "ui/tui.h"

int tui_lesson(struct options *o, struct lesson_player *p);

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
		tui_ask(t, &tp->ask);
	}
	if (state == PLAYER_ERROR) {
		tui_message(t, C_WARNING, "%s", player_error(p));
		return TUI_LESSON_ERROR;
	}
	if (player_warning(p))
		tui_message(t, C_WARNING, "%s", player_warning(p));
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

static int
tuiplay_prev(struct tui *t, void *user)
{
	struct tuiplay *tp = user;
	int k = player_stop(tp->p) - 1;

	/* Stop 0 has nothing to show: the first stop is as far back as it goes. */
	player_goto_stop(tp->p, k < 1 ? 1 : k);
	return tuiplay_sync(t, tp, 1);
}

static void
tuiplay_answered(struct tui *t, void *user, int choice, int correct)
{
	struct tuiplay *tp = user;

	player_answer(tp->p, choice + 1);
}

int
tui_lesson(struct options *o, struct lesson_player *p)
{
	struct tuiplay tp = { 0 };
	struct tui_lesson_hooks hooks = { tuiplay_next, tuiplay_prev, tuiplay_answered, &tp };
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
		fprintf(stderr, "nnstep: %s\n", err ? err : "cannot start the terminal UI");
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
