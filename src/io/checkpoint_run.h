/*
 * checkpoint_run.h: the run settings a checkpoint records so that --load
 * resumes the same run without the options being repeated:
 *
 *   "run":{"split":[0.6,0.2,0.2],"split_seed":"1",
 *          "rows":{"train":[...],"val":[...],"test":[...]},
 *          "class_weight":"auto","class_weights":[0.54,6.25],
 *          "scale":"standard","missing":"error","threshold":0.5}
 *
 * rows are 1-based data rows of the source (as in --predictions), in the
 * order of each split; class_weights are the weights in use, one per class
 * (empty for regression). On loading, a setting given on the command line
 * that differs from the checkpoint's is refused with a message naming both.
 */
#ifndef NNSTEP_CHECKPOINT_RUN_H
#define NNSTEP_CHECKPOINT_RUN_H

#include <stdint.h>
#include <stdio.h>

#include "data/dataset.h"
#include "engine/session.h"

struct checkpoint;

/* Which of the recorded settings the command line gave explicitly. */
struct checkpoint_given {
	int split, class_weight, scale, missing, threshold;
};

struct checkpoint_run {
	int present;			/* 0: an older checkpoint without "run" */
	double split[3];
	uint64_t split_seed;
	long *rows[3];			/* 0-based table rows of train, val, test */
	long n[3];
	int class_weight_auto;		/* 1 auto, 0 none or explicit */
	int nclass_weights;		/* weights in use (0: regression) */
	double class_weights[64];
	int explicit_weights;		/* the weights were given as a list */
	enum scale_kind scale;
	enum missing_policy missing;
	double threshold;
};

/* Writes ,"run":{...} for the session (called inside the checkpoint's
 * object). */
void checkpoint_run_write(FILE *f, const struct session *s);

/* Reads and checks the checkpoint's "run". Returns 0 (r->present 0 when the
 * checkpoint has none), or -1 with *err ("FILE: run: ..."). */
int checkpoint_run_read(const struct checkpoint *c, struct checkpoint_run *r, char **err);

/*
 * Puts the recorded settings into d and cfg, unless given says the command
 * line set one: then it must agree with the checkpoint, or -1 with *err
 * naming the option, its value and the checkpoint's. The one exception is
 * another --split (a saved model applied to new data): the rows are split
 * afresh and note (note_n bytes, may be NULL) says so in one line. d->rows
 * point into r, which must outlive the dataset_build that uses d.
 */
int checkpoint_run_apply(const struct checkpoint_run *r, const struct checkpoint_given *given,
    const char *path, struct data_options *d, struct session_config *cfg, char *note,
    size_t note_n, char **err);

void checkpoint_run_free(struct checkpoint_run *r);

#endif
