/*
 * keys.h: the one table of the terminal UI's keys (keys.c). A row says which
 * key codes do it, how the help overlay and the hint bar name it, and which
 * action it runs; the TUI binds each action to its function through
 * KEY_ACTIONS, so an action without a function does not compile.
 *
 * Adding a key: a row in keys.c (and, for a new action, an entry of
 * KEY_ACTIONS and tui_act_NAME in tui.c). README and nnstep(1) list every
 * key of the table (tests/cli/docs.sh checks it against nnstep --list-keys).
 */
#ifndef NNSTEP_UI_KEYS_H
#define NNSTEP_UI_KEYS_H

#include "tty.h"

/* Every action a key can run: X(ID, function name suffix). */
#define KEY_ACTIONS \
	X(PHASE, phase) X(BATCH, batch) X(EPOCH, epoch) X(RUN, run) X(SPEED, speed) \
	X(BACK, back) X(RESET, reset) X(MOVE, move) X(PAGE, page) X(SAMPLE, sample) \
	X(MEAN, mean) X(INSPECT, inspect) X(WEIGHT, weight) X(LR_FIND, lr_find) \
	X(PREDICT, predict) X(BRANCH, branch) X(EDIT, edit) X(CHECKS, checks) X(TAB, tab) \
	X(ZOOM, zoom) X(LOG, log) X(DATA_VIEW, data_view) X(NET_VIEW, net_view) \
	X(ACTIVATION, activation) X(OPTIMIZER, optimizer) X(LR, lr) X(BATCH_SIZE, batch_size) \
	X(SAVE, save) X(THEME, theme) X(VAL_POINTS, val_points) X(COMMAND, command) X(PAINT, paint) \
	X(HELP, help) X(ESCAPE, escape) X(QUIT, quit) X(REDRAW, redraw)

enum key_action {
	KA_NONE = 0,		/* handled elsewhere (a lesson, the mouse) */
#define X(id, fn) KA_##id,
	KEY_ACTIONS
#undef X
	KA_COUNT
};

#define KEY_CODES 5

struct key_def {
	enum key_action action;
	int codes[KEY_CODES];		/* key codes (enum tty_key or characters), 0 ends */
	const char *label;		/* help overlay: "space  ->"; NULL: a heading */
	const char *help;		/* the help line, or the heading (N_) */
	const char *hint_key;		/* hint bar (main screen): key and word, or NULL */
	const char *hint;
	int hint_rank;			/* its place in the hint bar, from 1 */
};

extern const struct key_def key_table[];
extern const int key_count;

/* The row whose action a key code runs, or NULL. */
const struct key_def *key_find(int code);
/* How the manual names a key code: "space", "Right", "q", "Ctrl-L". */
const char *key_doc_name(int code, char *buf, unsigned long size);

#endif
