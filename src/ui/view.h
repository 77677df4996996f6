/*
 * view.h: panels, the functions that draw the training state into a canvas.
 *
 * A panel is a constant table entry: a name, a title and a draw function of
 * a const session and the view state (what the learner has selected). Views
 * never change the session; the one exception is evaluating the network on
 * a grid for the decision boundary and on the validation split for the
 * metrics, which writes only the engine's evaluation scratch and is cached
 * in struct view_cache, keyed by the session's position.
 *
 * ui_draw composes the whole screen (status bar, panels laid out by
 * layout.c, key hints, overlays); the TUI and the headless screen both call
 * it, so what the tests see is what the learner sees.
 */
#ifndef NNSTEP_VIEW_H
#define NNSTEP_VIEW_H

#include "app/panels.h"
#include "canvas.h"
#include "data/metrics.h"
#include "engine/checks.h"
#include "engine/session.h"
#include "theme.h"

#define UI_MAX_RUNS 4
#define UI_MIN_W 80
#define UI_MIN_H 24
#define UI_LRF_POINTS LR_RANGE_BATCHES

/* enum panel_id: app/panels.h */

enum overlay { OV_NONE = 0, OV_HELP, OV_CONFIRM, OV_ASK, OV_COMMAND, OV_INPUT, OV_NOTICE };

/* What a line typed into the input overlay is for. */
enum ui_input { UI_INPUT_BRANCH = 0, UI_INPUT_WEIGHT, UI_INPUT_BIAS };

/* What a lesson can point at. */
enum ui_highlight {
	UH_NONE = 0,
	UH_LAYER,		/* one layer of the network (highlight_layer) */
	UH_DEAD,		/* dead units */
	UH_SATURATED,		/* saturated units */
	UH_GRADIENTS,		/* the gradient-flow panel */
	UH_WEIGHTS		/* the weight matrices */
};

/* A question of a lesson: multiple choice, or (nchoices 0) a number the
 * learner types, right when within tol of value. */
struct ui_ask {
	const char *question;
	int nchoices;			/* 2..4; 0: a number question */
	const char *choice[4];
	int correct;			/* 0-based */
	const char *explain;		/* shown once answered; may be NULL */
	double value, tol;		/* a number question's answer */
};

/* Is x a right answer to the number question q? */
int ui_ask_right(const struct ui_ask *q, double x);
/* The answer of a number question as text, with as many digits as its
 * tolerance makes meaningful ("0.731" for 0.73106 within 0.0005). */
const char *ui_ask_value_text(const struct ui_ask *q, char *buf, size_t n);

/* What a lesson shows; all pointers belong to the caller. */
struct ui_lesson {
	int active;			/* a lesson is playing */
	const char *title;
	int index, count;		/* progress "index/count" (index from 1) */
	const char *text;		/* narration, with *emphasis* markup */
	const struct ui_ask *ask;	/* open question, or NULL */
	int answer;			/* chosen choice (0-based), -1 before; a number
					 * question: 0 right, 1 wrong */
	char typed[24];			/* a number question: the number typed */
	int at_end;			/* the lesson has ended */
	int exploring;			/* the learner stepped the training away from
					 * the stop: space returns to it */
	int highlight;			/* enum ui_highlight */
	int highlight_layer;		/* for UH_LAYER: 0 input, 1.. */
};

/* What the data panel shows of picture inputs (--image); the v key cycles. */
enum data_view {
	DATA_VIEW_SAMPLE = 0,		/* the selected sample and its probabilities */
	DATA_VIEW_MISTAKES,		/* misclassified validation rows */
	DATA_VIEW_CONFUSION,		/* the confusion matrix and one cell's rows */
	DATA_VIEW_COUNT
};

/* What the learner has chosen to look at. Plain data; views only read it. */
struct ui_view_state {
	int layer, unit;		/* neuron cursor: layer 0 is the input */
	int weight;			/* the selected neuron's incoming weight (from 0) */
	long sample;			/* row of the batch shown */
	int batch_mean;			/* show the batch mean instead of one row */
	int data_view;			/* enum data_view (picture inputs) */
	int cm_cell;			/* confusion cell shown, among those with rows */
	int net_diagram;		/* picture inputs: the diagram, not the weights */
	int log_loss;			/* loss curve on a log scale */
	int focus;			/* enum panel_id */
	int focus_run;			/* run of the focused panel (--compare) */
	int zoom;			/* the focused panel fills the body */
	int overlay;			/* enum overlay */
	int scroll[P_COUNT];		/* first line shown, for text panels */
	int help_scroll;		/* first line of the help overlay */
	unsigned shown[P_COUNT];	/* when each panel was last focused: a slot
					 * shared by several shows the latest */
	int running;			/* training between frames */
	int speed;			/* rung of the speed ladder (speed.h) */
	int steps_per_frame;		/* batches trained in the last frame */
	double rate;			/* rows trained a second while running, 0: not known */
	double fps;			/* frames drawn a second while running */
	const char *command;		/* command line of OV_COMMAND (not owned) */
	int hide_val;			/* the data panel leaves out validation points */
	/* editing the training points (data panel, two inputs): a cursor in
	 * the data's scaled coordinates, and the class a new point gets */
	int paint_set;			/* 0: the cursor is not placed yet (centre) */
	double paint[2];
	int paint_class;
	int big_layer, big_unit;	/* the data panel shows this neuron's map
					 * (display layer, 1..; 0: the regions) */
	char message[200];		/* one line after an action ("" none) */
	int message_role;		/* C_MESSAGE, C_WARNING, ... */
	char confirm[200];		/* y/n question (overlay OV_CONFIRM) */
	char notice[600];		/* a framed notice, e.g. a failed check of a lesson
					 * for its author (overlay OV_NOTICE) */
	char input_prompt[200];		/* a line to type (overlay OV_INPUT) */
	char input[64];			/* what is typed so far */
	int input_what;			/* enum ui_input */
	int quiz_asked, quiz_right;	/* the p key's score this session */
	struct ui_lesson lesson;
	/* results of actions the panels show (lr, checks) */
	int lrf_n;			/* points of the LR range test (0: not run) */
	double lrf_lr[UI_LRF_POINTS], lrf_loss[UI_LRF_POINTS];
	double lrf_suggested;
	int checks_valid;
	struct check_result checks[CK_COUNT];
};

void ui_view_init(struct ui_view_state *v);

/* Results that are expensive to compute, kept between frames. */
struct view_cache {
	/* decision boundary */
	const struct session *grid_s;
	long grid_pc;			/* phase count it was made at */
	struct session_config grid_cfg;	/* settings it was made with */
	int grid_w, grid_h;		/* cells */
	int grid_valid;
	double lo[2], hi[2];		/* input ranges shown */
	double *grid_x;			/* grid_w * grid_h rows of 2 inputs */
	double *grid_p;			/* their predictions, noutputs each */
	long grid_cap;			/* rows of grid_x allocated */
	long grid_pcap;			/* numbers of grid_p allocated */
	struct net_scratch grid_eval;	/* the network evaluated without writing it */
	/* validation metrics */
	const struct session *m_s;
	long m_pc;
	struct session_config m_cfg;
	int m_valid;
	int m_split;			/* split evaluated: 1 validation, 0 train */
	struct metrics m;
	struct session_eval_scratch m_eval;	/* its predictions and work space */
};

void view_cache_init(struct view_cache *c);
void view_cache_free(struct view_cache *c);

/* Everything one frame shows. */
struct ui_frame {
	int nruns;			/* 1, or 2-4 side by side (--compare) */
	const struct session *run[UI_MAX_RUNS];
	const char *label[UI_MAX_RUNS];	/* "act=relu" ... (NULL: none) */
	struct view_cache *cache[UI_MAX_RUNS];
	const struct ui_view_state *v;
	int ascii;
	int colour_pictures;		/* pictures as coloured half blocks
					 * (256 colours); 0: density glyphs */
	int save_available;		/* the s key can save */
};

struct panel_ctx {
	const struct session *s;
	const struct ui_view_state *v;
	const struct glyphs *g;
	struct view_cache *cache;
	int focused;
	int compact;			/* several runs side by side: fewer words */
	const struct ui_frame *f;	/* the whole frame: every run (shared scales) */
	int mono;			/* pictures as glyphs, not colours */
};

struct panel {
	const char *name;		/* "network", ... (tests, lessons) */
	const char *title;		/* shown on the frame */
	void (*draw)(const struct panel_ctx *, struct canvas *, struct rect);
};

extern const struct panel ui_panels[P_COUNT];
/* The panel named name, or -1. */
int ui_panel_find(const char *name);

/* Draws the whole frame into c (its size is the screen's). */
void ui_draw(const struct ui_frame *f, struct canvas *c);
/* Draws one panel, framed, into r. */
void ui_draw_panel(const struct ui_frame *f, int run, int id, struct canvas *c,
    struct rect r);

/* What is under the screen position (x, y): a panel, and a neuron when the
 * position is on a unit of the network panel. */
struct ui_hit {
	int panel;			/* enum panel_id, or -1 */
	int run;
	int layer, unit;		/* -1 when not on a unit */
	int cm_cell;			/* confusion cell (picture inputs), or -1 */
	int on_plane;			/* on the decision regions (two inputs): */
	double plane[2];		/* the cell's centre in scaled coordinates */
	double cell[2];			/* and the cell's size in them */
};
void ui_hit_test(const struct ui_frame *f, int w, int h, int x, int y, struct ui_hit *hit);

/* Panels that Tab visits, in order, as run * P_COUNT + panel id; returns how
 * many (at most UI_MAX_RUNS * P_COUNT). */
int ui_focus_order(const struct ui_frame *f, int w, int h, int *ids);

/* ------------------------------------------------- drawing helpers */

/* A frame with a title into r; returns the inside. */
struct rect view_box(const struct panel_ctx *p, struct canvas *c, struct rect r,
    const char *title, const char *extra);
/* A number in at most about `sig` significant digits, compact ("0.0123",
 * "1.2e-05", "NaN", "inf"). */
const char *view_num(char *buf, size_t n, double v, int sig);
/* view_num with fewer digits until it fits in w columns ("3e+305" for
 * 2.72e+305 in 6); "" when not even one digit fits. */
const char *view_num_fit(char *buf, size_t n, double v, int sig, int w);
/* Settings waiting for the next batch that change how it is computed
 * ("tanh rmsprop lr 0.3"), or "" when there are none. */
void view_pending(const struct session *s, char *buf, size_t n);
/* Batch row i as a learner finds it: its 1-based data row in the CSV (the
 * header is line 1, so data row N is line N+1), or in the rows `nnstep gen`
 * writes for a generated set with the same options. */
long view_data_row(const struct session *s, long i);
/* The key that steps one phase: space, or in a lesson (where space moves
 * the lesson on) the right arrow. */
const char *view_step_key(const struct panel_ctx *p);
/* A glyph string put at (x, y); returns its width. */
int view_glyph(struct canvas *c, int x, int y, const char *g, int role, int attr);

/* Text laid out word by word into a rectangle: a long line wraps at a space
 * and goes on indented; lines before `skip` are not drawn (scrolling). */
struct tw {
	struct canvas *c;
	struct rect r;
	int skip;			/* lines scrolled away */
	int line, col;			/* position (line counts skipped ones) */
	int indent;			/* of wrapped continuation lines */
};

void tw_init(struct tw *t, struct canvas *c, struct rect r, int skip);
void tw_text(struct tw *t, int role, int attr, const char *s);
void tw_printf(struct tw *t, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Like tw_printf, but the text is never broken across lines. */
void tw_atom(struct tw *t, int role, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void tw_nl(struct tw *t);
/* Lines the text has taken so far (the current one included if started). */
int tw_lines(const struct tw *t);
/* Is the writer past the bottom of its rectangle? */
int tw_full(const struct tw *t);

/* The panels (view_*.c). */
#define PANEL_DRAW(id, draw, name, title, focus) \
	void view_##draw(const struct panel_ctx *, struct canvas *, struct rect);
NNSTEP_PANELS(PANEL_DRAW)
#undef PANEL_DRAW
/* The layer the neuron maps show (0-based), and one unit's map in r. */
int view_neurons_layer(const struct session *s, const struct ui_view_state *v);
void view_neuron_map(const struct panel_ctx *p, struct canvas *c, struct rect r, int layer,
    int unit);
/* The unit whose map the neurons panel drawn in r shows at (x, y); -1 none. */
int view_neurons_unit_at(const struct panel_ctx *p, struct rect r, int x, int y, int *unit);
/* The input plane the data panel and the neuron maps show (2 inputs). */
void view_data_range(const struct session *s, double lo[2], double hi[2]);
/* Picture inputs (view_image.c): the data panel's body and title, the
 * selected first-layer unit's weights at (x, y) (returns the columns used),
 * and the network panel's grid of first-layer weights. */
void view_data_image(const struct panel_ctx *, struct canvas *, struct rect);
const char *view_data_image_title(const struct panel_ctx *);
int view_image_weights(const struct panel_ctx *, struct canvas *, int x, int y, int unit);
void view_network_pictures(const struct panel_ctx *, struct canvas *, struct rect);
/* Clicks: the first-layer unit whose picture is at (x, y) of the network
 * panel's inside, and the confusion cell (its index among the cells the
 * data panel steps through) at (x, y) of the data panel; -1 when none. */
int view_network_picture_at(const struct panel_ctx *, struct rect inside, int x, int y);
int view_data_cell_at(const struct panel_ctx *, struct rect r, int x, int y);
/* The decision regions' cell under (x, y) of the data panel drawn in r:
 * its centre and size in the data's scaled coordinates; 0, or -1 when
 * (x, y) is not on them (or they were not drawn yet). */
int view_data_plane_at(const struct panel_ctx *, struct rect r, int x, int y, double xy[2],
    double cell[2]);
/* The metrics of the validation split (training when there is none) with the
 * weights of now, cached; NULL when they cannot be computed. */
const struct metrics *view_data_metrics(const struct panel_ctx *);
/* The name of class k: its label in the data ("benign", "7"), or its number. */
const char *view_class_name(const struct session *s, int k, char *buf, size_t n);
/* The predictions those metrics were computed from, of split (1 validation,
 * 0 training), or NULL when that split was not the one evaluated. */
const double *view_data_predictions(const struct panel_ctx *p, int split);
/* Bars and overlays (view_status.c, view_help.c). */
void view_status(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_hints(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_help(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_confirm(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_input(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_notice(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_ask(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_command(const struct ui_frame *f, struct canvas *c, struct rect r);
void view_too_small(struct canvas *c);

/* The unit the network panel drawn in r shows at screen position (x, y):
 * returns 0 and sets *layer (0 = input) and *unit, or -1 when none is there. */
int view_network_unit_at(const struct panel_ctx *p, struct rect r, int x, int y,
    int *layer, int *unit);

#endif
