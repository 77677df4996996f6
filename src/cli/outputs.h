/*
 * outputs.h: the files a run will write, checked before it starts: none may
 * be one of its input files (compared by device and inode, so another name
 * or a link of the input counts), and a file that is saved atomically must
 * be a regular file or a new name.
 */
#ifndef NNSTEP_OUTPUTS_H
#define NNSTEP_OUTPUTS_H

#include "app/options.h"

/* 0, or -1 with *err (malloc'd) naming the output and the problem. */
int outputs_check(const struct options *o, char **err);

#endif
