/*
 * trace.h: every batch's numbers as JSON Lines, for scripts and for checking
 * nnstep against other tools. One object per line:
 *   {"event":"batch","epoch":E,"batch":B,"samples":[...],"loss":L,
 *    "layers":[{"W":[[...]],"b":[...],"dW":[[...]],"db":[...],
 *               "W_after":[[...]],"b_after":[...]},...]}
 * W and b as used in the batch's forward pass, dW and db its gradients (L2
 * included), W_after and b_after after the update; loss without L2. Epoch
 * summaries are {"event":"epoch",...}; callbacks and divergence have events
 * of their own ({"event":"early_stop","epoch":E,"text":"..."}, ...).
 */
#ifndef NNSTEP_TRACE_H
#define NNSTEP_TRACE_H

#include <stdio.h>

#include "engine/session.h"

void trace_batch(FILE *f, const struct session *s);
void trace_epoch(FILE *f, const struct session *s);
void trace_event(FILE *f, const struct session *s, const struct session_event *e);

#endif
