/*
 * tui.h: the interactive terminal program.
 *
 * tui_main() is the whole program for `nnstep [OPTIONS]`: it builds the data
 * and the session(s) from the options, opens the terminal, runs the key loop
 * and restores the terminal.
 *
 * The lesson player uses the pieces instead: it creates its own session(s),
 * wraps a TUI around them with tui_new(), installs its hooks, and calls
 * tui_run(). Everything the learner can do with keys still works during a
 * lesson; in addition:
 *
 *   - tui_run() first calls hooks->next() once, so the lesson runs up to its
 *     first pause before the learner sees anything;
 *   - space calls hooks->next(): the player executes directives until the
 *     next pause or question, updating the screen through the functions
 *     below (narration, title, progress, question, selection, focus,
 *     highlight) and driving the sessions through the session API;
 *   - b calls hooks->prev(): the player returns to the previous pause (for
 *     example by resetting and replaying its directives silently);
 *   - a question opened with tui_ask() is a dialog: the learner presses 1-4
 *     (or types a number and Enter for a number question), sees right or
 *     wrong with the explanation (hooks->answered or hooks->answered_number
 *     is told), and space closes it and calls hooks->next();
 *   - when next() reports the end, the narration says so; q quits.
 *
 * The TUI never frees sessions it did not create. The player may replace
 * them between calls (tui_set_sessions) and must do so before freeing one.
 */
#ifndef NNSTEP_TUI_H
#define NNSTEP_TUI_H

#include "app/options.h"
#include "engine/session.h"
#include "view.h"

struct tui;

/* The interactive program; returns the process exit status (0, or 1 when
 * the data, the session or the terminal could not be set up: the message
 * goes to stderr, before the terminal is touched where possible). */
int tui_main(struct options *o);

/* Results of the lesson hooks. */
enum {
	TUI_LESSON_WAIT = 0,	/* paused (or a question is open): wait for the learner */
	TUI_LESSON_END = 1,	/* the lesson is over */
	TUI_LESSON_ERROR = -1	/* failed; the player has set a message (tui_message) */
};

struct tui_lesson_hooks {
	int (*next)(struct tui *t, void *user);		/* space: on to the next pause */
	int (*prev)(struct tui *t, void *user);		/* b: back to the previous pause;
							 * NULL: b steps back one phase */
	void (*answered)(struct tui *t, void *user, int choice, int correct);
							/* may be NULL; choice 0-based */
	void (*answered_number)(struct tui *t, void *user, double x, int right);
							/* a number question; may be NULL */
	int (*again)(struct tui *t, void *user);	/* space after exploring: back to
							 * the stop as the lesson left it;
							 * may be NULL */
	void *user;
};

/*
 * A TUI around sessions the caller owns (n of them side by side, 1..4;
 * labels may be NULL). o gives the display settings (no_color, ascii) and
 * the checkpoint path of the s key (save_path); it must outlive the TUI.
 * Nothing is drawn until tui_run(). Returns NULL with *err (malloc'd).
 */
struct tui *tui_new(struct options *o, int n, struct session *const *s,
    const char *const *labels, char **err);
void tui_free(struct tui *t);

/* Opens the terminal, runs the loop until the learner quits, closes it.
 * Returns 0, or 1 when the terminal could not be opened (message on stderr). */
int tui_run(struct tui *t);

/* Replaces the sessions shown (e.g. after a lesson's `compare` or a `set`
 * that needs a new network). */
void tui_set_sessions(struct tui *t, int n, struct session *const *s,
    const char *const *labels);

/* --- lesson mode */
void tui_set_lesson(struct tui *t, const struct tui_lesson_hooks *h);
/* Title and progress in the status bar ("Lesson 3/12 Vanishing gradients");
 * index counts from 1; count 0 hides the progress. Strings are copied. */
void tui_lesson_title(struct tui *t, const char *title);
void tui_lesson_progress(struct tui *t, int index, int count);
/* Replaces the narration (UTF-8, *emphasis*, \n breaks lines); copied. */
void tui_narrate(struct tui *t, const char *text);
/* Opens a question (copied); answer is 0-based. */
void tui_ask(struct tui *t, const struct ui_ask *q);
/* A framed notice over the panels (a failed check, for the lesson's
 * author) until any key; the text is copied. */
void tui_notice(struct tui *t, const char *text);
/* A one-line message in the hint bar until the next key. */
void tui_message(struct tui *t, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* --- what is shown (lessons, and tests) */
/* Neuron cursor: layer 0 is the input, 1.. hidden, last the output;
 * unit from 0. Out-of-range values are clamped. */
void tui_select(struct tui *t, int layer, int unit);
/* Sample of the batch (from 0), or -1 for the batch mean. */
void tui_select_sample(struct tui *t, long sample);
/* Focuses a panel by name ("network", "inspector", "loss", "data",
 * "gradients", "activations", "code", "narration"); -1 if unknown. */
int tui_focus(struct tui *t, const char *panel);
/* Highlights part of the screen (enum ui_highlight; layer for UH_LAYER). */
void tui_highlight(struct tui *t, int what, int layer);
/* Picture inputs: what the data panel (enum data_view) and the network
 * panel (1: the diagram) show; -1 leaves one as it is. */
void tui_show(struct tui *t, int data_view, int net_diagram);

#endif
