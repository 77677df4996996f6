/*
 * atomic.h: writing a file so that an interrupted write never destroys the
 * file that was there: the content goes to a new temporary file beside it
 * (mkstemp: a name planted there is never followed), which gets the old
 * file's mode, is flushed to disk and renamed over the target; then the
 * folder is flushed. A symbolic link is written through: its target is
 * replaced. A target that exists and is not a regular file (a device, a
 * FIFO, a folder) is refused. SIGINT, SIGTERM, SIGHUP and SIGQUIT wait
 * until the save is over, so none leaves a temporary file behind.
 */
#ifndef NNSTEP_ATOMIC_H
#define NNSTEP_ATOMIC_H

#include <stdio.h>

/* Calls write(f, user) on the temporary file (it returns 0, or -1 on a
 * failure); then renames. Returns 0, or -1 with *err ("PATH: cannot save:
 * reason", malloc'd); the temporary file is removed on failure. */
/* The check atomic_write makes first, for a front end to refuse a target
 * before it starts work: 0, or -1 with *err as above. */
int atomic_check(const char *path, char **err);
int atomic_write(const char *path, int (*write)(FILE *f, void *user), void *user,
    char **err);

#endif
