/*
 * session_history.c: the rewind history of a session.
 *
 * A snapshot (struct session_pos plus the arena) is kept in a ring at the
 * start of every K-th batch, and at the start of a batch whose settings
 * changed. Going back restores the latest snapshot before the target and
 * replays the phases up to it; the arithmetic is deterministic, so the
 * replay gives the same numbers bit for bit. K is chosen so that copying a
 * snapshot costs little next to K batches of arithmetic (small networks and
 * batches: up to 64), and so that the history asked for is at most about
 * twice as long as asked.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"

#define HISTORY_MAX_EVERY 64		/* most batches between snapshots */

/* The ring of snapshots, oldest at head. */
struct session_history {
	void *ring;			/* len slots of slot_size bytes */
	int len, head, count;
	size_t slot_size;
	long every;			/* K: batches from one snapshot to the next */
	int force;			/* the next batch start takes one */
};

/* A slot holds the position, then the arena. */
static struct session_pos *
session_slot(const struct session *s, int i)
{
	return (struct session_pos *)((char *)s->hist->ring + (size_t)i * s->hist->slot_size);
}

/*
 * What a snapshot holds after its position: the number k of optimizer state
 * arrays in use, those k arrays (the others are all zeros and not copied),
 * the rest of the arena, and the weights.
 */
static void
session_arena_save(const struct session *s, double *to)
{
	long np = s->net->nparams, k = s->opt_arrays;

	to[0] = (double)k;
	to++;
	memcpy(to, s->arena, (size_t)(k * np) * sizeof(double));
	to += k * np;
	memcpy(to, s->arena + 2 * np, (size_t)(s->arena_len - 2 * np) * sizeof(double));
	to += s->arena_len - 2 * np;
	memcpy(to, s->net->param, (size_t)np * sizeof(double));
}

static void
session_arena_load(struct session *s, const double *from)
{
	long np = s->net->nparams, k = (long)from[0];

	from++;
	s->opt_arrays = (int)k;
	memcpy(s->arena, from, (size_t)(k * np) * sizeof(double));
	memset(s->arena + k * np, 0, (size_t)((2 - k) * np) * sizeof(double));
	from += k * np;
	memcpy(s->arena + 2 * np, from, (size_t)(s->arena_len - 2 * np) * sizeof(double));
	/* The counts now are the snapshot's: rows kept since are not of them. */
	session_diag_stage_drop(s);
	from += s->arena_len - 2 * np;
	memcpy(s->net->param, from, (size_t)np * sizeof(double));
}

/* At the start of every batch (not in a replay). */
void
session_snapshot(struct session *s)
{
	struct session_history *h = s->hist;
	struct session_pos *p;
	int n;

	if (h->len == 0)
		return;
	/* A new branch: forget snapshots at or after this point. */
	while (h->count > 0 && session_slot(s, (h->head + h->count - 1) %
	    h->len)->phase_count >= s->pos.phase_count)
		h->count--;
	/* Phase counts at batch starts are four per batch apart. */
	if (h->count > 0 && !h->force && s->pos.phase_count -
	    session_slot(s, (h->head + h->count - 1) % h->len)->phase_count <
	    4 * h->every)
		return;
	h->force = 0;
	if (h->count == h->len) {
		h->head = (h->head + 1) % h->len;
		h->count--;
	}
	n = (h->head + h->count) % h->len;
	p = session_slot(s, n);
	/* The slot keeps the statistics whole: what they read is not in it. */
	session_diag_settle(s);
	*p = s->pos;
	session_arena_save(s, (double *)(p + 1));
	h->count++;
}

void
session_history_branch(struct session *s)
{
	s->hist->force = 1;
}

long
session_history_start(const struct session *s)
{
	const struct session_history *h = s->hist;
	long first;

	if (h->count == 0)
		return s->pos.phase_count;
	first = session_slot(s, h->head)->phase_count;
	/* A slot can serve targets after it; the slot itself only if it is the start. */
	return first == 0 ? 0 : first + 1;
}

int
session_restore_to(struct session *s, long target)
{
	struct session_history *h = s->hist;
	int i, k, found = -1;
	struct session_pos *p;

	for (k = h->count - 1; k >= 0; k--) {
		i = (h->head + k) % h->len;
		p = session_slot(s, i);
		if (p->phase_count < target || (p->phase_count == 0 && target == 0)) {
			found = i;
			break;
		}
	}
	if (found < 0)
		return -1;
	p = session_slot(s, found);
	s->pos = *p;
	session_arena_load(s, (const double *)(p + 1));
	s->has_pending = 0;
	session_apply_cfg(s);
	session_diag_ranges(s);
	session_rebuild_batch(s);
	s->replaying = 1;
	while (s->pos.phase_count < target)
		if (session_phase(s) != SESSION_OK)
			break;
	s->replaying = 0;
	return 0;
}

int
session_goto(struct session *s, long pc)
{
	if (pc < 0)
		pc = 0;
	if (pc < s->pos.phase_count) {
		if (pc < session_history_start(s))
			return -1;
		return session_restore_to(s, pc);
	}
	while (s->pos.phase_count < pc)
		if (session_step(s) != SESSION_OK)
			return -1;
	return 0;
}

int
session_back(struct session *s)
{
	if (s->pos.phase_count == 0)
		return -1;
	return session_goto(s, s->pos.phase_count - 1);
}

/*
 * K is the smallest number of batches whose arithmetic (rows times
 * parameters) is at least 32 times the doubles of a snapshot, at most 64
 * and at most history_phases / 8. The ring holds history_phases / (4 K) + 2
 * snapshots (from history_phases to about history_phases + 8 K phases
 * back), fewer when that would pass history_bytes: none at all for a
 * history of 0 phases or a network larger than history_bytes, which then
 * costs no copy of itself.
 */
int
session_history_new(struct session *s, const struct session_config *cfg)
{
	struct session_history *h = calloc(1, sizeof *h);
	double work = (double)s->batch_size * (double)s->net->nparams;
	long slots, every;

	if (h == NULL)
		return -1;
	h->slot_size = sizeof(struct session_pos) +
	    (size_t)(1 + s->arena_len + s->net->nparams) * sizeof(double);
	h->slot_size = (h->slot_size + 15) & ~(size_t)15;
	every = (long)ceil(32.0 * ((double)h->slot_size / (double)sizeof(double)) /
	    (work > 1 ? work : 1));
	if (every > HISTORY_MAX_EVERY)
		every = HISTORY_MAX_EVERY;
	if (every > cfg->history_phases / 8)
		every = cfg->history_phases / 8;
	h->every = every < 1 ? 1 : every;
	slots = cfg->history_phases > 0 ? cfg->history_phases / (4 * h->every) + 2 : 0;
	if ((size_t)slots * h->slot_size > cfg->history_bytes)
		slots = (long)(cfg->history_bytes / h->slot_size);
	h->len = (int)slots;
	h->ring = slots > 0 ? malloc((size_t)slots * h->slot_size) : NULL;
	s->hist = h;
	return h->ring != NULL || slots == 0 ? 0 : -1;
}

void
session_history_free(struct session *s)
{
	if (s->hist != NULL)
		free(s->hist->ring);
	free(s->hist);
	s->hist = NULL;
}

void
session_history_clear(struct session *s)
{
	s->hist->head = s->hist->count = 0;
	s->hist->force = 0;
}
