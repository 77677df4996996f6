/* check.h: `nnstep check` and `nnstep lr-find` (check.c). */
#ifndef NNSTEP_CHECK_H
#define NNSTEP_CHECK_H

#include "app/options.h"

/* The sanity checks of the set-up the options describe; returns the exit
 * status: 0 no check failed, 4 one did, 1 bad input or report not written. */
int check_main(struct options *o);

/* The loss along this batch's gradient and the LR range test; returns 0, or
 * 1 for bad input or a report not written. */
int lrfind_main(struct options *o);

#endif
