/*
 * atomic.h: writing a file so that an interrupted write never destroys the
 * file that was there: the content goes to a temporary file beside it,
 * which is flushed to disk and then renamed over the target.
 */
#ifndef NNSTEP_ATOMIC_H
#define NNSTEP_ATOMIC_H

#include <stdio.h>

/* Calls write(f, user) on the temporary file (it returns 0, or -1 on a
 * failure); then renames. Returns 0, or -1 with *err ("PATH: cannot save:
 * reason", malloc'd); the temporary file is removed on failure. */
int atomic_write(const char *path, int (*write)(FILE *f, void *user), void *user,
    char **err);

#endif
