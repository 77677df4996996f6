/*
 * lesson.h: the lesson language, parsed.
 *
 * A lesson is a plain UTF-8 text file, one directive per line (the complete
 * reference is lessons/README.md and nnstep-lesson(5)). lesson_parse() reads
 * the whole file and checks everything that can be checked before anything
 * runs: syntax, numbers and their ranges, every `set` value (through
 * options_set, as the command line does), question blocks, run names of a
 * comparison, file names of save and load, and data files. The result is an
 * array of directives that the player (player.h) executes against sessions.
 *
 * Errors read "FILE:LINE:COLUMN: message (expected ...)"; LINE and COLUMN
 * count from 1, COLUMN in characters.
 */
#ifndef NNSTEP_LESSON_H
#define NNSTEP_LESSON_H

#include <stddef.h>

/* Limits that keep a hostile lesson small and finite. */
#define LESSON_MAX_BYTES (1L << 20)	/* size of a lesson file */
#define LESSON_MAX_LINE 4096		/* bytes in one line */
#define LESSON_MAX_DIRECTIVES 10000
#define LESSON_MAX_STEPS 100000		/* N of `step ... N`, `max epochs N`, and
					 * set epochs, samples, history */
#define LESSON_MAX_UNITS 1024		/* neurons of one hidden layer */
#define LESSON_DEFAULT_MAX_EPOCHS 1000	/* bound of `run until` */
#define LESSON_DEFAULT_EPOCHS 1000	/* a lesson session's epoch budget */
#define LESSON_MAX_PATH 200		/* bytes in a save/load/data file name */
#define LESSON_MAX_RUNS 4
#define LESSON_MAX_WORK 2e10		/* training rows x parameters x epochs, in all */

/*
 * The directives, the one place that names them, in the order of the
 * "expected ..." list of an unknown directive. OP(ID, fn, word, flags) is a
 * directive: it becomes LOP_ID of enum lesson_op, parse.c reads it with
 * parse_fn() and player.c plays it with play_fn(). PART(ID, fn, word, flags)
 * is a line that belongs to something else (the title, the lines of a
 * question block): parse_fn() reads it, nothing plays it. A directive added
 * here without its two functions does not compile; tests/cli/docs.sh checks
 * that lessons/README.md and nnstep-lesson(5) document every word and no other.
 *
 * flags: LD_TEXT keeps the rest of the line as written (not split into
 * words); LD_PART continues an open question block instead of closing it.
 */
#define LD_TEXT 1
#define LD_PART 2
#define LESSON_DIRECTIVES(OP, PART) \
	PART(TITLE, title, "title", LD_TEXT) \
	OP(SAY, say, ">", LD_TEXT)		/* narration (text) */ \
	OP(SET, set, "set", 0)			/* set KEY VALUE (key, value) */ \
	OP(RESET, reset, "reset", 0) \
	OP(STEP, step, "step", 0)		/* step UNIT N (what, n) */ \
	OP(RUN, run, "run", 0)			/* run until COND [max epochs N] (cond, n) */ \
	OP(PAUSE, pause, "pause", 0) \
	OP(FOCUS, focus, "focus", 0)		/* focus PANEL (key) */ \
	OP(SELECT, select, "select", 0)		/* select layer L neuron J | sample S|mean */ \
	OP(HIGHLIGHT, highlight, "highlight", 0)	/* highlight WHAT [L] */ \
	OP(COMPARE, compare, "compare", 0)	/* compare KEY=V1,V2.. [from here] (value; \
						 * what 1: from here); off: value NULL */ \
	OP(EXPECT, expect, "expect", 0)		/* expect COND */ \
	OP(ASK, ask, "ask", LD_TEXT)		/* ask block (ask) */ \
	PART(CHOICE, choice, "-", LD_TEXT | LD_PART) \
	PART(ANSWER, answer, "answer", LD_PART) \
	PART(EXPLAIN, explain, "explain", LD_TEXT | LD_PART) \
	OP(SAVE, save, "save", 0)		/* save FILE [run R] (value, cond.lhs.run) */ \
	OP(LOAD, load, "load", 0)		/* load FILE (value) */ \
	OP(THRESHOLD, threshold, "threshold", 0)	/* threshold by cost FN FP (x, y) */ \
	OP(SHOW, show, "show", 0)		/* show WHAT (what: enum lesson_show) */

#define LESSON_OP_ENUM_(ID, fn, word, flags) LOP_##ID,
#define LESSON_NO_ENUM_(ID, fn, word, flags)
enum lesson_op {
	LESSON_DIRECTIVES(LESSON_OP_ENUM_, LESSON_NO_ENUM_)
	LOP_COUNT
};
#undef LESSON_OP_ENUM_
#undef LESSON_NO_ENUM_

enum lesson_step { LSTEP_PHASE = 0, LSTEP_BATCH, LSTEP_EPOCH };

/* What can be measured (expect, run until). */
enum lesson_metric {
	LM_LOSS = 0,		/* last epoch's training loss; before it, the batch's */
	LM_BATCH_LOSS,		/* loss of the current batch */
	LM_TRAIN_LOSS,		/* training split, current weights */
	LM_VAL_LOSS,		/* validation split, current weights */
	LM_ACCURACY,		/* training split, current weights */
	LM_VAL_ACCURACY,	/* validation split, current weights */
	LM_PRECISION,		/* these: validation split, or training when empty */
	LM_RECALL,
	LM_F1,
	LM_AUC,
	LM_BASELINE_ACCURACY,
	LM_DEAD_FRACTION,	/* [layer L] */
	LM_SATURATED_FRACTION,	/* [layer L] */
	LM_GRAD_RMS,		/* layer L */
	LM_DZ_RMS,		/* layer L */
	LM_UPDATE_RATIO,	/* layer L */
	LM_GRAD_RATIO,
	LM_ROUGHNESS,		/* picture inputs: first-layer weights' roughness */
	LM_WEIGHT,		/* weight L J K */
	LM_BIAS,		/* bias L J */
	LM_Z,			/* z L J [sample S] */
	LM_A,			/* a L J [sample S] */
	LM_GRAD,		/* grad L J K: dL/dW of the last backward pass */
	LM_NUMGRAD,		/* numgrad L J K: the same by central differences */
	LM_DZ,			/* dz L J [sample S]: dL/dz */
	LM_DA,			/* da L J [sample S]: dL/da */
	LM_SLOPE,		/* slope L J [sample S]: f'(z) */
	LM_X,			/* x K [sample S]: input K of a batch row */
	LM_Y,			/* y J [sample S]: target J of a batch row */
	LM_PHASE,		/* ready forward loss backward update */
	LM_EPOCH,		/* epochs completed */
	LM_BATCH,		/* current batch in the epoch, from 1 */
	LM_STEP,		/* updates made */
	LM_LR,
	LM_THRESHOLD,
	LM_DIVERGED,		/* yes / no */
	LM_STOPPED_EARLY,	/* yes / no */
	LM_BEST_EPOCH,
	LM_COUNT
};

enum lesson_cmp { LC_LT = 0, LC_LE, LC_GT, LC_GE, LC_EQ, LC_NE, LC_APPROX, LC_COUNT };

/* One measured value: a metric with its arguments. */
struct lesson_quantity {
	enum lesson_metric metric;
	int layer;		/* 1-based; 0 = not given */
	int unit, input;	/* 1-based neuron (or output) J and input K */
	long sample;		/* 1-based row of the batch (z, a); 0 = not given */
	int run;		/* 0-based run of a comparison; -1 = every run */
};

/* A comparison: lhs OP rhs, where rhs is value, or factor * quantity. */
struct lesson_cond {
	int kind;		/* LCOND_COMPARE, LCOND_EPOCH, LCOND_DIVERGED */
	struct lesson_quantity lhs;
	enum lesson_cmp op;
	int rhs_is_quantity;
	double value;		/* the number (phase: enum phase; yes/no: 1/0) */
	double factor;		/* rhs = factor * rhs quantity */
	struct lesson_quantity rhs;
	double tol;		/* ~=: allowed difference */
	char *text;		/* as written, for messages ("loss < 0.1") */
};
enum { LCOND_COMPARE = 0, LCOND_EPOCH, LCOND_DIVERGED };

enum lesson_highlight { LH_NONE = 0, LH_LAYER, LH_DEAD, LH_SATURATED, LH_GRADIENTS,
	LH_WEIGHTS };

/* What `show` puts in the picture panels (picture inputs, --image). */
enum lesson_show { LS_SAMPLE = 0, LS_MISTAKES, LS_CONFUSION, LS_WEIGHTS, LS_DIAGRAM };

/* A question: multiple choice (2 to 4 choices, answer N), or a number
 * question (no choices, answer QUANTITY|NUMBER [within T]). */
struct lesson_ask {
	char *question;
	int nchoices;		/* 2..4; 0: a number question */
	char *choice[4];
	int answer;		/* 1-based; a number question: 1 once given */
	char *explain;		/* may be NULL: the worked answer */
	int has_quantity;	/* number question: the answer is measured (q) */
	struct lesson_quantity q;
	double value;		/* the number written, or (as shown) measured */
	double tol;		/* within T; -1: half a unit of the last digit shown */
	int ahead;		/* answer ... after phase N: measured N phases on
				 * (and stepped back), so the screen does not show it */
};

/* A value shown in narration: {QUANTITY}, {QUANTITY:DIGITS} or
 * {QUANTITY:%} / {QUANTITY:%DECIMALS} (a percentage). */
struct lesson_slot {
	struct lesson_quantity q;
	int digits;		/* significant digits (default 3) */
	int percent;		/* -1, or decimals of a percentage */
};

struct lesson_directive {
	enum lesson_op op;
	int line, col;		/* where it starts, from 1 */
	int arg_col;		/* column of the first argument (runtime messages) */
	char *key;		/* set: option name; focus: panel */
	char *value;		/* set: value (data: resolved path); compare; save/load */
	char *text;		/* narration */
	int what;		/* step: enum lesson_step; highlight: enum
				 * lesson_highlight; select: 0 layer, 1 sample */
	long n;			/* step count; run: max epochs; select/highlight: layer */
	long m;			/* select: neuron (1-based), or sample (-1 = mean) */
	double x, y;		/* threshold by cost: FN and FP costs */
	struct lesson_cond cond;	/* expect, run until; save: cond.lhs.run */
	struct lesson_ask *ask;
	struct lesson_slot *slot;	/* the {...} of the narration, or of the
					 * question, choices and explanation, in order */
	int nslot;
};

struct lesson {
	char *file;		/* as given, for messages */
	char *title;
	char *folder;		/* folder of the file */
	int ndir;
	struct lesson_directive *dir;
	int nstops;		/* pauses and questions, plus the end */
	int nexpects;
};

/* Where relative data paths are looked up (NULL members: not checked). */
struct lesson_env {
	const char *lesson_dir;	/* folder of the lesson file */
	const char *data_root;	/* parent of the lessons folder (datasets/...) */
	int check_files;	/* 1: a data file must exist at parse time */
};

/*
 * Parses a lesson held in buf (len bytes; need not end in NUL). name is used
 * in messages. Returns the lesson, or NULL with *err (malloc'd, one line
 * without a newline) for the first error found.
 */
struct lesson *lesson_parse(const char *name, const char *buf, size_t len,
    const struct lesson_env *env, char **err);
/* Reads and parses a file (at most LESSON_MAX_BYTES). */
struct lesson *lesson_load(const char *path, const struct lesson_env *env, char **err);
void lesson_free(struct lesson *l);

/* Names for messages and documentation. */
const char *lesson_metric_name(enum lesson_metric m);

/* --------------------------------------------------------------- text */

/* Display widths: utf8_width (util/utf8.h). */

/* One line of wrapped text: bytes [off, off+len) of the source, width
 * display columns (markup not counted). */
struct lesson_line {
	size_t off, len;
	int width;
};

/*
 * Wraps UTF-8 text to lines of at most width display columns. A newline in
 * the text ends a line; spaces are break points (and are dropped at a
 * break); a word wider than the line, and double-width characters other
 * than Hangul (scripts written without spaces), break between characters.
 * With markup, `*` (emphasis) takes no room and `\*` one column. Stores at
 * most max lines in out (which may be NULL) and returns the number of lines
 * the whole text needs.
 */
int lesson_wrap(const char *s, int width, int markup, struct lesson_line *out, int max);

/* ------------------------------------------------------------ finding */

/* Language of lessons: "ko" when LC_ALL, LC_MESSAGES or LANG (the first
 * one set) starts with "ko", else "en". */
const char *lesson_default_lang(void);

/*
 * The folder holding <lang>/NAME.lesson: $NNSTEP_LESSONS, ./lessons, the
 * executable's folder + /../share/nnstep/lessons, NNSTEP_SHAREDIR/lessons,
 * the first that exists. Returns a malloc'd path or NULL.
 */
char *lesson_dir(void);

/*
 * Finds a lesson: a FILE (contains '/' or ends in ".lesson") is taken as
 * it is; a NAME ("01-neuron", "neuron" or "1") is looked up in
 * <lessons dir>/<lang>/, then in en/. Returns a malloc'd path, or NULL with
 * *err.
 */
char *lesson_find(const char *arg, const char *lang, char **err);

/* The lesson names (file names without .lesson) in a folder, sorted by
 * strcmp, so "01-..." to "13-..." come in curriculum order. Returns a
 * NULL-terminated malloc'd array (free each name and the array) and sets
 * *n; NULL when the folder has none. */
char **lesson_names(const char *folder, int *n);

#endif
