/* headless.h: training without a terminal UI (nnstep --headless). */
#ifndef NNSTEP_HEADLESS_H
#define NNSTEP_HEADLESS_H

#include "app/options.h"

/* Runs the training the options describe; returns the exit status:
 * 0 done, 1 bad input file, 3 diverged. */
int headless_main(struct options *o);

#endif
