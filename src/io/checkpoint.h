/*
 * checkpoint.h: a model and its training state as a JSON document.
 *
 *   {"format":"nnstep-model","version":1,"inputs":N,"loss":"bce",
 *    "layers":[{"units":U,"activation":"tanh","W":[[...],...],"b":[...]},...],
 *    "alpha":0.01, "optimizer":{...state...}, "training":{...position, rng...},
 *    "history":[...epochs...], "preprocessing":{...}}
 *
 * Numbers are written with %.17g, so they read back exactly. Saving writes a
 * temporary file beside the target and renames it over the target, so an
 * interrupted save never destroys the previous checkpoint. Loading checks
 * every field and refuses a bad file with a message naming what is wrong.
 */
#ifndef NNSTEP_CHECKPOINT_H
#define NNSTEP_CHECKPOINT_H

#include "engine/session.h"

#define CHECKPOINT_FORMAT "nnstep-model"
#define CHECKPOINT_VERSION 1

/* Limits of the training state a checkpoint may hold. */
#define CKPT_MAX_EPOCHS 1000000L
#define CKPT_MAX_STEP (CKPT_MAX_EPOCHS * DATA_MAX_ROWS)	/* one update per row */
#define CKPT_MAX_LR 1e6
/*
 * Limits of the file itself, from the largest model the other limits allow,
 * checked while reading and before anything is built from it: the values
 * (weights, biases, two optimizer arrays and the best weights: 4 numbers per
 * parameter, plus the history and the preprocessing), the bytes (26 per
 * number at most, plus 256 MB of names), the lists and objects (a row per
 * unit, an object per epoch of history and per column) and their nesting.
 */
#define CKPT_MAX_VALUES (4 * NET_MAX_PARAMS + 8L * 1024 * 1024)
#define CKPT_MAX_BYTES (26 * CKPT_MAX_VALUES + 256L * 1024 * 1024)
#define CKPT_MAX_LISTS (NET_MAX_LAYERS * (NET_MAX_UNITS + 3L) + CKPT_MAX_EPOCHS + \
	2L * DATA_MAX_COLUMNS + 64)
#define CKPT_MAX_DEPTH 5

/* Writes the session's model atomically. Returns 0, or -1 with *err. */
int checkpoint_save(const struct session *s, const char *path, char **err);

/* A loaded checkpoint: what is needed to rebuild the network and resume. */
struct checkpoint;

/* Reads and validates a checkpoint. Returns NULL with *err ("FILE: ..."). */
struct checkpoint *checkpoint_load(const char *path, char **err);
/* The same from a buffer; name is used in messages. */
struct checkpoint *checkpoint_parse(const char *name, const char *buf, size_t len, char **err);
void checkpoint_free(struct checkpoint *c);
/* The parsed document and its file name, for the readers of its parts
 * (checkpoint_run.c). */
struct json_t;
const struct json_t *checkpoint_json(const struct checkpoint *c);
const char *checkpoint_path(const struct checkpoint *c);
/* Preprocessing stored in the checkpoint (NULL when it has none). */
const struct prep *checkpoint_prep(const struct checkpoint *c);
/* Epochs the saved run had completed. */
int checkpoint_epochs_done(const struct checkpoint *c);
/* Fills the network settings of cfg (layers, activations, loss, output
 * activation, alpha) from the checkpoint. */
void checkpoint_config(const struct checkpoint *c, struct session_config *cfg);
/*
 * Puts the checkpoint's weights into s, and, when resume is set, its
 * optimizer state, position (epoch, batch), rng and callback state, so that
 * training continues bit for bit. Fails with *err when shapes differ.
 */
int checkpoint_apply(const struct checkpoint *c, struct session *s, int resume, char **err);

#endif
