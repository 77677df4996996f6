/*
 * player.h: a parsed lesson played against real sessions.
 *
 * The player executes directives in order until the next stop: a `pause`,
 * an `ask`, or the end of the lesson. Stops are numbered from 1 to
 * player_nstops() (the end is the last stop); before the first call of
 * player_next_pause() the player stands at stop 0. At every stop the
 * sessions exist (built from the settings so far), so a front end can show
 * them.
 *
 * Going back is exact: player_goto_stop() to an earlier stop replays the
 * lesson from the start up to that stop. Everything is deterministic (the
 * same settings and seed give the same numbers), so the replayed state is
 * the state the learner saw, bit for bit. Replaying builds new sessions:
 * a front end must fetch player_session() again after every call that
 * moves the player.
 *
 * The sessions belong to the player. A front end may step them between
 * stops (exploring); player_next_pause() then continues from whatever state
 * they are in, and player_goto_stop(p, player_stop(p)) restores the
 * scripted state.
 *
 * A TUI wires the player in a few lines (struct ui_lesson in ui/view.h):
 *   title  = player_title(p)         index = player_stop(p)
 *   count  = player_nstops(p)        text  = player_text(p)
 *   ask    = player_ask(p)           at_end = player_state(p) == PLAYER_END
 *   space: player_next_pause(p); b: player_prev_pause(p);
 *   1-4 on a question: player_answer(p, k);
 *   runs: player_nruns(p), player_session(p, i), player_run_label(p, i);
 *   view requests (focus, select, highlight): player_view(p);
 *   failed expects: player_warning(p) (a line to show, or NULL).
 */
#ifndef NNSTEP_PLAYER_H
#define NNSTEP_PLAYER_H

#include "engine/session.h"
#include "lesson/lesson.h"

struct lesson_player;

enum player_state {
	PLAYER_START = 0,	/* stop 0: nothing has run */
	PLAYER_PAUSE,		/* at a pause */
	PLAYER_ASK,		/* at a question (player_ask) */
	PLAYER_END,		/* after the last directive */
	PLAYER_ERROR		/* a directive failed at run time (player_error) */
};

/* Something the lesson reported while running: an expect's result or a
 * note (a session event, a `run until` that stopped short, a threshold). */
enum player_event_kind { PEV_PASS = 0, PEV_FAIL, PEV_NOTE };
struct player_event {
	enum player_event_kind kind;
	int line;			/* of the directive */
	char *text;			/* "expect FAILED: loss < 0.1 (actual 0.2345)" */
};

/* What the lesson asks the screen to show. */
struct player_view {
	const char *focus;		/* panel name ("network", ...), or NULL */
	int layer, unit;		/* selected neuron: layer 0 = input, unit
					 * from 0; layer -1: none chosen */
	long sample;			/* batch row from 0; -1 batch mean; -2 none */
	enum lesson_highlight highlight;
	int highlight_layer;		/* for LH_LAYER, 0 = input */
	int data_view;			/* picture inputs: enum data_view of the
					 * data panel, or -1 unchanged */
	int net_diagram;		/* picture inputs: 1 diagram, 0 weights, -1 unchanged */
	unsigned serial;		/* changes whenever a request is made */
};

/* Creates a player at stop 0. The lesson must outlive the player. */
struct lesson_player *player_new(const struct lesson *l);
/* Lowers the training work a play may do (LESSON_MAX_WORK by default;
 * rows x parameters x epochs), e.g. for a fuzzer. */
void player_limit_work(struct lesson_player *p, double max);
/* Async-signal-safe: every player stops at its next batch with PLAYER_ERROR,
 * so that player_free() still removes the lesson's files. */
void player_interrupt(int sig);
/* The signal given to player_interrupt(), or 0. */
int player_interrupted(void);
/* Frees the sessions and removes the files the lesson saved. */
void player_free(struct lesson_player *p);

/* Runs to the next stop; returns the new state. */
int player_next_pause(struct lesson_player *p);
/* Back to the previous stop (stop 0 at the most); returns the state. */
int player_prev_pause(struct lesson_player *p);
/* To stop k (0..nstops), replaying from the start when k is earlier. */
int player_goto_stop(struct lesson_player *p, int k);

int player_state(const struct lesson_player *p);
const char *player_title(const struct lesson_player *p);
int player_stop(const struct lesson_player *p);
int player_nstops(const struct lesson_player *p);
/* Narration since the previous stop, with *emphasis* markup, paragraphs
 * separated by a blank line ("" when none). */
const char *player_text(const struct lesson_player *p);
/* The open question at an ask stop, else NULL. */
const struct lesson_ask *player_ask(const struct lesson_player *p);
/* Answers the open question with choice k (from 1): returns 1 when right,
 * 0 when wrong, -1 when there is no question or k is out of range. */
int player_answer(struct lesson_player *p, int k);
/* Answers the open number question (nchoices 0) with x: returns 1 when x
 * is within the question's tolerance of its value, 0 when not, -1 when
 * there is no number question or x is not finite. */
int player_answer_number(struct lesson_player *p, double x);
/* The number given to the open number question, or NaN. */
double player_typed(const struct lesson_player *p);
/* The choice given to the open question (from 1), or 0. */
int player_answered(const struct lesson_player *p);

/* Runs side by side (1, or 2 to 4 after `compare`); 0 before any session. */
int player_nruns(const struct lesson_player *p);
struct session *player_session(struct lesson_player *p, int i);
/* "lr=0.1" in a comparison, NULL for a single run. */
const char *player_run_label(const struct lesson_player *p, int i);
const struct player_view *player_view(const struct lesson_player *p);

/* Everything reported since the start (events of a replay are made anew). */
int player_nevents(const struct lesson_player *p);
const struct player_event *player_event(const struct lesson_player *p, int i);
/* Expects that passed / failed since the start. */
int player_passed(const struct lesson_player *p);
int player_failed(const struct lesson_player *p);
/* The latest failed expect of the current stretch as "line N: expect
 * FAILED: ...", or NULL. */
const char *player_warning(const struct lesson_player *p);
/* In PLAYER_ERROR: "FILE:LINE:COLUMN: message". */
const char *player_error(const struct lesson_player *p);
/* The private folder of save and load (NULL until the first save). */
const char *player_folder(const struct lesson_player *p);

#endif
