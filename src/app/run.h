/*
 * run.h: the one place that builds runs from the settings, for every front
 * end (headless runner, terminal UI, lesson player, check): the data set,
 * the model of --load and the session, for a plain run or for each value of
 * a --compare set.
 */
#ifndef NNSTEP_APP_RUN_H
#define NNSTEP_APP_RUN_H

#include "app/options.h"
#include "io/checkpoint.h"

#define APP_RUN_LABEL 128

/* One run and what it owns. */
struct app_run {
	struct options opt;		/* its settings, the compared value applied */
	struct session *s;
	struct dataset *data;		/* outlives s */
	struct checkpoint *ck;		/* the model of --load, or NULL */
	char label[APP_RUN_LABEL];	/* "act=relu" in a comparison, "" alone */
};

/* Loads the data (and the model of --load) and creates the session the
 * options describe. On failure returns NULL, prints nothing and sets *err;
 * *data and *ck receive what must be freed after the session. */
struct session *app_run_setup(struct options *o, struct dataset **data,
    struct checkpoint **ck, char **err);

/* Results of app_runs_build besides a count of runs. */
enum { APP_RUN_BAD_VALUE = -2, APP_RUN_FAILED = -1 };

/*
 * Builds the runs the options describe into runs[]: one, or one per value
 * of --compare (at most max). Returns how many, or APP_RUN_BAD_VALUE (a
 * compared value the option refuses) or APP_RUN_FAILED (the data or the
 * model could not be loaded) with *err; then nothing is left to free.
 */
int app_runs_build(const struct options *o, struct app_run *runs, int max, char **err);
/* Frees the sessions, data and models of n runs and clears them. */
void app_runs_free(struct app_run *runs, int n);

#endif
