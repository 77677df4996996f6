/*
 * outcheck.h: standard output that cannot be trusted. A program started
 * with fd 0, 1 or 2 closed would open its trace or its data on that number
 * and print into it; output that cannot be written (a full disk, /dev/full)
 * must not end with status 0; a reader that went away (`| head -1`) stops
 * the printing, not the training and the files it writes.
 */
#ifndef NNSTEP_OUTCHECK_H
#define NNSTEP_OUTCHECK_H

/* Opens /dev/null on whichever of fds 0-2 is closed; SIGPIPE is ignored
 * from then on, so a closed pipe is a write error like any other. */
void outcheck_init(void);

/* Flushes stdout. A write error is reported on stderr and makes status 1
 * (when it was 0); a pipe whose reader has gone is not an error. */
int outcheck_finish(int status);

#endif
