/*
 * predictions.h: every data row's prediction as CSV (--predictions FILE),
 * so that anyone can recompute nnstep's metrics with their own tools.
 *
 *   row,split,target,predicted,p_no,p_yes          (classification)
 *   row,split,target,predicted,output              (regression)
 *
 * row is the 1-based data row of the source (header not counted; for a
 * generator, the row of `nnstep gen` output with the same options), split
 * is train, val or test; target and predicted are class names (or numbers
 * for regression); p_CLASS is the predicted probability of each class
 * (both classes for a binary target). Lines are in row order; numbers are
 * written with %.17g; the file is written atomically.
 */
#ifndef NNSTEP_PREDICTIONS_H
#define NNSTEP_PREDICTIONS_H

#include "engine/session.h"

/* Evaluates every split with the session's weights and threshold and
 * writes the file. Returns 0, or -1 with *err. */
int predictions_save(struct session *s, const char *path, char **err);

#endif
