/*
 * session.h: the training state of one network on one data set, advanced one
 * phase at a time (forward, loss, backward, update), with the diagnostics,
 * callbacks, divergence guard and rewind history that the front ends show.
 *
 * Front ends (TUI, lesson player, headless runner) read the public fields
 * through a const pointer and change the session only through the functions
 * below. The engine does no I/O: saving a checkpoint or writing a trace is
 * done by the front end when the observer is told about a phase or an event.
 *
 * Numbering: epochs are counted from 1, batches within an epoch from 0,
 * layers for people from 1 (hidden layers 1..H, output H+1; 0 is the input).
 */
#ifndef NNSTEP_SESSION_H
#define NNSTEP_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "data/dataset.h"
#include "data/metrics.h"
#include "net.h"
#include "optim.h"

enum phase { PHASE_NONE = 0, PHASE_FORWARD, PHASE_LOSS, PHASE_BACKWARD, PHASE_UPDATE };
const char *phase_name(enum phase p);	/* "forward", ... ("ready" for NONE) */
/* The one table of phase names, by enum phase, NULL-terminated; untranslated
 * (the lesson language reads them), marked for the catalogue. */
extern const char *const phase_names[];

/* Results of the stepping calls. */
enum { SESSION_OK = 0, SESSION_FINISHED = 1, SESSION_DIVERGED = 2 };

#define SESSION_HIST_BINS 16
#define SESSION_MAX_EVENTS 1024
#define SESSION_DEAD_DERIV 0.01		/* f'(z) below this is saturated */
#define SESSION_SATURATED_SHARE 0.9	/* ... on at least this share of samples */

/* Compared by session_config_equal, which names every field. */
struct session_config {
	/* network */
	int nhidden;			/* hidden layers */
	int hidden[NET_MAX_LAYERS - 1];	/* their sizes */
	enum act hidden_act[NET_MAX_LAYERS - 1];
	int out_act;			/* enum act, or -1: from the loss */
	int loss;			/* enum loss, or -1: from the task */
	double alpha;			/* leaky ReLU slope */
	/* training */
	enum optim optimizer;
	double lr;
	long batch;			/* rows per batch; 0 = the whole training set */
	int epochs;
	enum init init;
	double init_value;		/* constant value, or uniform range */
	double bias_init;		/* hidden layers' biases */
	uint64_t seed;
	double l2;
	double dropout;			/* hidden layers, training only */
	int shuffle;			/* reshuffle every epoch */
	double threshold;		/* binary decision threshold */
	/* callbacks (0 patience = off) */
	int early_stop;			/* patience in epochs */
	double early_stop_delta;	/* smallest change that counts as better */
	int reduce_lr;			/* patience in epochs */
	double reduce_factor;
	double reduce_min_lr;
	double reduce_delta;		/* an improvement is a drop larger than this (1e-4) */
	/* diagnostics and history */
	int diagnostics;		/* per-layer statistics every batch */
	int history_phases;		/* phases that can be stepped back (0: none) */
	size_t history_bytes;		/* memory cap of that history */
};

/* Per-layer statistics: batch figures are of the current batch, pass figures
 * of the last complete pass over the training set (the last epoch). */
struct layer_diag {
	double act_mean, act_std;	/* of a over the batch */
	double hist_lo, hist_hi;	/* histogram range */
	int hist[SESSION_HIST_BINS];	/* a over the batch, clamped into range */
	double inactive_batch;		/* share of units with z <= 0 on every row of the batch */
	double dead_fraction;		/* ReLU units with z <= 0 on the whole pass */
	double saturated_fraction;	/* sigmoid/tanh units saturated on >= 90% of the pass */
	int pass_complete;		/* 0 until a full pass has been seen */
	double grad_rms;		/* RMS of dW (L2 included) */
	double dz_rms;			/* RMS of dL/dz over the batch */
	double update_ratio;		/* ||delta W|| / ||W|| of the last update */
};

struct divergence {
	int set;
	enum phase phase;
	int layer;			/* 1-based; 0 when not of a layer */
	char quantity[16];		/* "z", "a", "loss", "dL/dz", "dW", "W", ... */
	int epoch;
	long batch;
};

enum event_kind { EV_EARLY_STOP, EV_RESTORE, EV_REDUCE_LR, EV_BEST, EV_DIVERGED, EV_FINISHED,
	EV_EXPLODING };

struct session_event {
	enum event_kind kind;
	int epoch;
	char text[200];			/* one sentence for people */
};

struct epoch_record {
	int epoch;
	double loss;			/* mean training batch loss of the epoch */
	double accuracy;		/* training accuracy over the epoch's batches (classification) */
	double val_loss;		/* NAN when there is no validation split */
	double val_accuracy;		/* classification; R^2 for regression */
	double val_auc;
	double lr;			/* learning rate used in the epoch */
	double dead_fraction;		/* over all ReLU units */
	double saturated_fraction;	/* over all sigmoid/tanh units */
	double grad_ratio;		/* first hidden layer's grad RMS / last layer's */
};

/* Everything that changes as training advances and must come back exactly
 * on rewind; plain data, copied whole into each history snapshot. */
struct session_pos {
	long phase_count;		/* phases completed since the start */
	enum phase phase;		/* last phase completed in the current batch */
	int epoch;			/* epoch of the current batch, from 1 */
	long batch;			/* current batch in the epoch, from 0 */
	long step;			/* updates made (Adam's t) */
	struct rng rng;			/* shuffles and dropout masks */
	struct rng epoch_rng;		/* rng before this epoch's shuffle */
	int finished;			/* all epochs done, or stopped early */
	int stopped_early;
	struct divergence diverged;
	/* the loss exploding without NaN (see session_epoch.c): the first
	 * epoch it was seen (0: never) and the sentence that said so */
	int exploding_epoch;
	char exploding_text[200];
	double start_loss;		/* the first batch's loss: the untrained network's */
	int restored_epoch;		/* weights restored from this best epoch (0: none) */
	struct session_config cfg;	/* settings in force for the current batch */
	struct session_config chosen;	/* cfg as last chosen, before callbacks changed it
					 * (reduce-lr): what a reset starts from */
	/* callbacks */
	double best_loss;		/* best monitored loss so far */
	int best_epoch;
	int es_wait, rlr_wait;
	double rlr_best;
	/* epoch accumulators */
	double loss_sum, weight_seen;
	long correct, seen;
	long pass_samples;
	/* lengths of the append-only histories */
	int nepochs;
	long nbatch_loss;
	int nevents;			/* events so far (the log keeps the last 1024) */
	/* Per-layer statistics, read through session_layer_diag: the batch
	 * figures are worked out from the batch's buffers when first read
	 * (diag_due says which phases' are still to do), not every batch. */
	struct layer_diag diag_cache[NET_MAX_LAYERS];
	unsigned diag_due;
};

struct session;
typedef void (*session_observer)(struct session *s, int what, void *user);
/* what: an enum phase just completed, or 100 + enum event_kind. */
#define SESSION_EVENT_BASE 100

struct session {
	const struct dataset *data;	/* not owned */
	struct net *net;
	struct session_config start_cfg;	/* settings a reset starts from */
	struct session_config pending;	/* applied at the next batch */
	int has_pending;
	struct session_pos pos;
	long nbatches;			/* per epoch */
	long batch_size;		/* rows per full batch */
	long *order;			/* n_train: this epoch's order of the training rows */
	const long *batch_rows;		/* the current batch's rows (into order) */
	long batch_n;			/* rows in the current batch */
	/* optimizer state and copies, in one arena that a snapshot copies */
	double *arena;
	long arena_len;
	double *opt_m, *opt_v;		/* nparams each */
	int opt_arrays;			/* how many of them may be non-zero (snapshots copy those) */
	double *best_param;		/* weights of the best epoch */
	double *unit_alive;		/* per unit (all layers): z > 0 seen in this pass */
	double *unit_sat;		/* per unit: rows saturated in this pass */
	double *unit_dead;		/* per unit: 1 if dead in the last pass */
	double *unit_sat_frac;		/* per unit: saturated share of the last pass */
	long unit_off[NET_MAX_LAYERS];	/* where each layer's units start */
	double *diag_fprime;		/* f'(z) of a block of rows (NET_MAX_UNITS doubles) */
	struct diag_stage *stage;	/* rows of small batches not yet counted (or NULL) */
	/* scratch of the current batch (recomputed by replay) */
	double *prev_param;		/* weights before the last update (NULL: not kept) */
	double *delta;			/* the last update's change of every parameter (NULL: not kept) */
	double update_rms[NET_MAX_LAYERS];	/* without delta: its rms per layer, this update */
	int updates_written;		/* prev_param and delta written since they were zero */
	int update_finite;		/* the last update's new weights are all finite */
	/* histories */
	struct epoch_record *epochs;
	int epochs_cap;
	double *batch_loss;		/* every batch's loss (stride: see below) */
	long batch_loss_cap;
	long batch_loss_stride;		/* each stored value averages this many batches */
	struct session_event *events;	/* ring: see session_event_at */
	/* predictions of each split after the last evaluation */
	double *pred[3];
	void *metrics_work;
	struct metrics val_metrics;	/* of the last epoch */
	struct session_history *hist;	/* rewind history (private: session_history.c) */
	struct {			/* the position's fields that change within a */
		int epoch;		/* batch, as they were at its start (what a */
		long batch;		/* checkpoint saved mid-batch resumes from) */
		enum phase phase;
		struct rng rng, epoch_rng;
	} batch_start;
	int replaying;
	/* &pos, written through when a const reader fills in the statistics
	 * of the batch (session_layer_diag): they are a cache of what the
	 * batch's buffers determine, the same whenever they are worked out. */
	struct session_pos *diag_pos;
	session_observer observer;
	void *observer_user;
};

void session_config_default(struct session_config *c);
/* 1 when a and b hold the same settings, compared field by field: padding
 * makes memcmp of two equal configurations unreliable. A field added to
 * struct session_config must be added there too. */
int session_config_equal(const struct session_config *a, const struct session_config *b);
/* NULL when valid for the data, else what is wrong (static text). */
const char *session_config_check(const struct session_config *c, const struct dataset *d);

/* Creates a session and initialises the weights from cfg->seed. The dataset
 * must outlive the session. Returns NULL with *err (malloc'd) on failure. */
struct session *session_new(const struct session_config *cfg, const struct dataset *d,
    char **err);
void session_free(struct session *s);
void session_set_observer(struct session *s, session_observer fn, void *user);
/* Whether to keep prev_param and delta, two copies of the parameters that
 * only the views and the trace read (both kept by default). Without delta
 * the update ratio is found before each update on copies of a block at a
 * time: the same bits, for one more pass of the optimizer's arithmetic.
 * Returns -1 when one cannot be allocated. */
int session_keep_updates(struct session *s, int prev, int delta);

/* Advance one phase / to the end of the current batch / to the end of the
 * current epoch. Return SESSION_OK, SESSION_FINISHED (nothing done) or
 * SESSION_DIVERGED. */
int session_step(struct session *s);
int session_step_batch(struct session *s);
int session_step_epoch(struct session *s);
/* Go back one phase; 0, or -1 when the history holds nothing earlier. */
int session_back(struct session *s);
/* Go to phase count pc (back through the history, or forward by stepping). */
int session_goto(struct session *s, long pc);
/* Earliest phase count the history can return to. */
long session_history_start(const struct session *s);
/* New weights from seed, all histories cleared, with the settings of the
 * batch on screen as chosen (pos.chosen; those waiting win): after a rewind,
 * not those chosen later. */
void session_reset(struct session *s, uint64_t seed);
/*
 * Changes settings. Those that keep every shape (activations, optimizer, lr,
 * l2, dropout, shuffle, threshold, callbacks, epochs) apply from the next
 * batch, as a new branch of the history: returns 0. Until then they wait in
 * s->pending (has_pending) and pos.cfg still names how the current batch was
 * computed; only before the first phase, or after an update when nothing the
 * batch computed changes (threshold, epochs, callbacks), do they apply at once. Those that need a new
 * network (layers, loss, output activation, batch size, init, seed) are not
 * applied: returns 1 (make a new session). Invalid settings: -1 and *err.
 */
int session_configure(struct session *s, const struct session_config *c, const char **err);

/* Trains on past the end: `more` epochs are added to the epochs to train
 * (the epoch counter and histories go on). Returns 0, or -1 with *err
 * (static text) when training diverged or stopped early. */
int session_train_on(struct session *s, int more, const char **err);

/* Loss and metrics of split 0 train, 1 validation, 2 test, with the current
 * weights; also fills s->pred[which]. Returns the loss: the training
 * split's weighted by the class weights (sum of w*l over n, as in
 * training), the others unweighted. */
double session_evaluate(struct session *s, int which, struct metrics *m);

/* What a reader (a view) owns to evaluate a session it may not write. */
struct session_eval_scratch {
	struct net_scratch net;		/* weights copied, evaluation buffers */
	double *pred;			/* predictions of the split evaluated */
	long pred_cap;
	void *work;			/* metrics_compute's work space */
	long work_rows;
};
/* Sizes e for split which of s and copies the weights; 0, or -1. */
int session_eval_scratch_fit(const struct session *s, int which,
    struct session_eval_scratch *e);
void session_eval_scratch_free(struct session_eval_scratch *e);
/* session_evaluate into e (predictions in e->pred): s is only read.
 * NAN when memory ran out. */
double session_evaluate_in(const struct session *s, int which,
    struct session_eval_scratch *e, struct metrics *m);

/*
 * The training state a checkpoint carries, as plain data: what resuming needs
 * to continue bit for bit. Arrays hold nparams numbers; they point into the
 * session after session_export and are the caller's for session_import.
 */
struct session_state {
	const double *param;		/* weights and biases, in the network's order */
	enum optim optimizer;		/* the optimizer m and v belong to */
	const double *opt_m, *opt_v;	/* its state arrays; NULL past optim_state_arrays() */
	long step;			/* updates made (Adam's t) */
	double lr;			/* learning rate in force */
	uint64_t seed;
	int epoch;			/* position: epoch from 1, batch from 0, and */
	long batch;			/* PHASE_NONE (not started) or PHASE_UPDATE */
	enum phase phase;		/* (the batch is complete) */
	long batch_size;		/* rows per batch the position counts in */
	struct rng rng, epoch_rng;
	int epochs_done;
	const struct epoch_record *history;	/* nhistory <= epochs_done records; */
	int nhistory;				/* import takes loss and val_loss */
	int best_epoch;			/* callbacks */
	double best_loss;
	const double *best_param;	/* NULL: none kept (import: the weights) */
	int es_wait, rlr_wait;
	double rlr_best;
};

/* The state to save. Mid-batch it is the state at the start of the batch
 * (the weights have not changed yet), so a resumed run redoes that batch. */
void session_export(const struct session *s, struct session_state *st);
/* Puts saved weights (nparams numbers) into s and, when train is not NULL,
 * the training state too: the optimizer's arrays and step when
 * train->optimizer is the session's, lr (when positive), position, rng,
 * callbacks and history. A different batch size resumes at the next epoch
 * boundary. The rewind history is cleared (it belonged to the old state). */
void session_import(struct session *s, const double *param, const struct session_state *train);

/* Sets parameter k (an index into net->param) to v by hand. Mid-batch the
 * session first goes back to the batch's start, so the next forward pass
 * uses v; the rewind history starts again from here. Returns 0, or -1 for
 * an index out of range or a value that is not finite. */
int session_set_param(struct session *s, long k, double v);

/* Tells the session that its dataset's training split changed (a row added
 * or removed: dataset_train_add, dataset_train_remove). Mid-batch the
 * session first goes back to the batch's start. Between epochs, the next
 * epoch is the first on the new rows; mid-epoch, the current epoch starts
 * again from its first batch (its loss and accuracy so far are dropped),
 * shuffled from the generator as it stands, so the order is the same on
 * every run. The weights are kept; the batch size and batches per epoch
 * follow the new row count; the rewind history starts again from here.
 * Returns 0, or -1 with *err (static text) when the new rows do not fit. */
int session_data_changed(struct session *s, const char **err);

/* Helpers for views. */
int session_nlayers(const struct session *s);		/* hidden + output */
const struct layer *session_layer(const struct session *s, int l);	/* 0-based */
long session_train_row(const struct session *s, long i);	/* batch row i -> train index */
double session_lr(const struct session *s);
const struct session_config *session_cfg(const struct session *s);
/* Settings changed by session_configure that wait for the next batch, or
 * NULL when none wait; session_next_cfg: those, or the ones in force. */
const struct session_config *session_pending(const struct session *s);
const struct session_config *session_next_cfg(const struct session *s);
/* Layer l's statistics (diagnostics on); batch figures of the current batch. */
const struct layer_diag *session_layer_diag(const struct session *s, int l);
double session_grad_ratio(const struct session *s);
/* Share of dead (ReLU) / saturated (sigmoid, tanh) hidden units, 0..1. */
double session_dead_fraction(const struct session *s);
double session_saturated_fraction(const struct session *s);
/* Is unit j of layer l (0-based) dead / saturated as of the last pass? */
int session_unit_dead(const struct session *s, int l, int j);
double session_unit_saturation(const struct session *s, int l, int j);
/* Event i (0 = the first of the run), or NULL when it is out of range or
 * older than the last SESSION_MAX_EVENTS (the log is a ring). */
const struct session_event *session_event_at(const struct session *s, int i);
/* The most recent event, or NULL. */
const struct session_event *session_last_event(const struct session *s);

#endif
