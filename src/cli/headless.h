/* headless.h: training without a terminal UI (nnstep --headless). */
#ifndef NNSTEP_HEADLESS_H
#define NNSTEP_HEADLESS_H

#include "cli/options.h"

/* Runs the training the options describe; returns the exit status:
 * 0 done, 1 bad input file, 3 diverged. */
int headless_main(struct options *o);

/* Loads the data (and the model of --load) and creates the session the
 * options describe; used by every front end. On failure returns NULL,
 * prints nothing and sets *err. *data and *ck receive what must be freed
 * after the session. */
struct checkpoint;
struct session *run_setup(struct options *o, struct dataset **data,
    struct checkpoint **ck, char **err);

#endif
