/*
 * command.h: the nnstep command line that reproduces a run: the data, the
 * network, the training settings and the seed, written out in full so that
 * the line alone gives the same numbers (a teacher can put it on a slide).
 * Output files (--trace, --save, --report, ...) and display settings are
 * left out: they do not change the numbers.
 */
#ifndef NNSTEP_COMMAND_H
#define NNSTEP_COMMAND_H

#include "app/options.h"

/* The command line of o, with the training settings of cfg (the settings
 * in force now, which the terminal UI may have changed; NULL: o's own).
 * Malloc'd. */
char *command_line(const struct options *o, const struct session_config *cfg);

#endif
