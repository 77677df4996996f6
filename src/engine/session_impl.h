/*
 * session_impl.h: what the files of a session share and nobody outside the
 * engine calls. Each function is defined in the file named beside it.
 */
#ifndef NNSTEP_SESSION_IMPL_H
#define NNSTEP_SESSION_IMPL_H

#include "session.h"

/* session.c: one phase (the next of the current batch, or the start of the
 * next batch); the epoch's order and the batch buffers from the position. */
int session_phase(struct session *s);
void session_rebuild_batch(struct session *s);

/* session_config.c: the loss and output activation a configuration means
 * for the data; new settings taking over; the settings that live in the
 * network (activations, slope, dropout). */
enum loss session_loss_of(const struct session_config *c, const struct dataset *d);
enum act session_out_act_of(const struct session_config *c, const struct dataset *d);
void session_take_settings(struct session *s, const struct session_config *c);
void session_apply_cfg(struct session *s);

/* session_history.c: the ring of snapshots. new: 0, or -1 out of memory;
 * snapshot: at the start of every batch, keeps one when it is due; branch:
 * the state changed other than by stepping (new settings), so the next
 * batch start keeps one. */
int session_history_new(struct session *s, const struct session_config *cfg);
void session_history_free(struct session *s);
void session_history_clear(struct session *s);
void session_snapshot(struct session *s);
void session_history_branch(struct session *s);
int session_restore_to(struct session *s, long target);

/* session_diag.c: statistics after each phase, at the end of a pass, and
 * the histogram ranges of the layers' activations. */
void session_diag_forward(struct session *s);
void session_diag_backward(struct session *s);
void session_diag_update_blocks(struct session *s);
void session_diag_update(struct session *s);
void session_diag_pass(struct session *s);
/* Works out the statistics still due, before what they read changes. */
void session_diag_settle(struct session *s);
enum { DIAG_DUE_FORWARD = 1, DIAG_DUE_BACKWARD = 2, DIAG_DUE_UPDATE = 4 };
void session_diag_ranges(struct session *s);
/* Batches of a few rows have their rows counted in blocks (dead and
 * saturated units): new makes the block's store when the batches are small
 * (0, or -1 out of memory); flush counts what is kept (before the counts
 * are read); drop forgets it (the counts were replaced). */
int session_diag_stage_new(struct session *s);
void session_diag_stage_free(struct session *s);
void session_diag_flush(const struct session *s);
void session_diag_stage_drop(struct session *s);

/* session_epoch.c: the update of an epoch's last batch closes the epoch. */
void session_close_epoch(struct session *s);

/* session_event.c: logs one event and tells the observer (not in a replay). */
void session_event(struct session *s, enum event_kind k, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* session_eval.c: adds the batch's correct predictions to the epoch's count. */
void session_count_correct(struct session *s);

#endif
