/*
 * session_diag.c: per-layer statistics of a session (activations, dead and
 * saturated units, gradient and update sizes) and the ranges of their
 * histograms.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"
#include "optim.h"
#include "session_impl.h"

/* Doubles of f'(z) worked out in one call (at least one row of the widest layer). */
#define SESSION_DIAG_BLOCK NET_MAX_UNITS

/* dL/da = 1 for a block: filled once, when the program starts. */
static double diag_ones[SESSION_DIAG_BLOCK];

__attribute__((constructor)) static void
diag_ones_fill(void)
{
	int i;

	for (i = 0; i < SESSION_DIAG_BLOCK; i++)
		diag_ones[i] = 1;
}

static double
session_sum8(const double *x, long n, double c, int sq)
{
	return kern_sum8(x, n, c, sq);
}

/* Root mean square; scaled by the largest magnitude when squares would
 * overflow, so that huge but finite values give a finite answer. */
static double
session_rms(const double *x, long n)
{
	double s, big = 0;
	long i;

	if (n == 0)
		return 0.0;
	s = session_sum8(x, n, 0, 1);
	if (isfinite(s))
		return sqrt(s / n);
	for (i = 0; i < n; i++)
		if (fabs(x[i]) > big)
			big = fabs(x[i]);
	if (!isfinite(big))
		return big;
	for (s = 0, i = 0; i < n; i++)
		s += (x[i] / big) * (x[i] / big);
	return big * sqrt(s / n);
}

static int
session_relu_like(enum act a)
{
	return (act_info(a)->props & ACTP_CAN_DIE) != 0;
}

static int
session_saturating(enum act a)
{
	return (act_info(a)->props & ACTP_SATURATES) != 0;
}

/* The histogram of x[0..m) over SESSION_HIST_BINS bins from lo, scale bins
 * per unit, values outside (and NaN) counted in the end bins. The bins of
 * a block are found first, in a loop without branches that vectorises,
 * then counted in four partial counts so that increments of one bin do not
 * wait for each other. */
KERN_WIDE static void
session_histogram(int hist[SESSION_HIST_BINS], const double *x, long m, double lo,
    double scale)
{
	int part[4][SESSION_HIST_BINS], bin[256];
	long i0, i, k;
	int b;

	memset(hist, 0, SESSION_HIST_BINS * sizeof *hist);
	if (m < 64) {
		/* A few values (small batches): blocks would cost more. */
		for (i = 0; i < m; i++) {
			double f = (x[i] - lo) * scale;

			f = f >= 0 ? f : 0;
			f = f < SESSION_HIST_BINS ? f : SESSION_HIST_BINS - 1;
			hist[(int)f]++;
		}
		return;
	}
	memset(part, 0, sizeof part);
	for (i0 = 0; i0 < m; i0 += k) {
		k = m - i0 < 256 ? m - i0 : 256;
		for (i = 0; i < k; i++) {
			double f = (x[i0 + i] - lo) * scale;

			/* Clamp as a double: converting a huge or NaN value is undefined. */
			f = f >= 0 ? f : 0;
			f = f < SESSION_HIST_BINS ? f : SESSION_HIST_BINS - 1;
			bin[i] = (int)f;
		}
		for (i = 0; i < k; i++)
			part[i & 3][bin[i]]++;
	}
	for (b = 0; b < SESSION_HIST_BINS; b++)
		hist[b] = (part[0][b] + part[1][b]) + (part[2][b] + part[3][b]);
}

/* Over rows [0, rows) of x (out columns). Without count: returns how many
 * columns have no value above 0 (a NaN never is), and a column that has
 * one gets alive[j] = 1 (when alive is not NULL). With count: count[j]
 * grows by the values below SESSION_DEAD_DERIV. Eight columns at a time
 * in registers (a whole group of eight, so the compiler keeps them there),
 * then the rest one by one: the order in which the counts, whole numbers,
 * are added does not change them. */
static inline __attribute__((always_inline)) long
diag_columns(const double *x, long rows, int out, double *alive, double *count)
{
	long i, inactive = 0;
	int j0 = 0, u;

	for (; j0 + 8 <= out; j0 += 8) {
		double t[8], c[8];

		for (u = 0; u < 8; u++)
			t[u] = c[u] = 0;
		for (i = 0; i < rows; i++) {
			const double *xr = x + i * out + j0;

			for (u = 0; u < 8; u++) {
				if (!count)
					t[u] = xr[u] > t[u] ? xr[u] : t[u];
				else
					c[u] += xr[u] < SESSION_DEAD_DERIV;
			}
		}
		for (u = 0; u < 8; u++) {
			if (!count) {
				if (alive)
					alive[j0 + u] = t[u] > 0 ? 1 : alive[j0 + u];
				inactive += !(t[u] > 0);
			} else {
				count[j0 + u] += c[u];
			}
		}
	}
	for (; j0 < out; j0++) {
		double t = 0, c = 0;

		for (i = 0; i < rows; i++) {
			double v = x[i * out + j0];

			if (!count)
				t = v > t ? v : t;
			else
				c += v < SESSION_DEAD_DERIV;
		}
		if (!count) {
			if (alive)
				alive[j0] = t > 0 ? 1 : alive[j0];
			inactive += !(t > 0);
		} else {
			count[j0] += c;
		}
	}
	return inactive;
}

/* The batch figures of the forward pass: a's mean, spread and histogram. */
static void
session_diag_fill_forward(const struct session *s, struct session_pos *p)
{
	const struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		struct layer_diag *d = &p->diag_cache[l];
		long m = n->n * ly->out;
		double mean = m ? session_sum8(ly->a, m, 0, 0) / m : 0;

		d->act_mean = mean;
		d->act_std = m ? sqrt(session_sum8(ly->a, m, mean, 1) / m) : 0;
		/* The ranges are 1, 2, 4 or 8 wide: the scale is exact. */
		session_histogram(d->hist, ly->a, m, d->hist_lo,
		    SESSION_HIST_BINS / (d->hist_hi - d->hist_lo));
		d->inactive_batch = (double)diag_columns(ly->z, n->n, ly->out, NULL, NULL) /
		    ly->out;
	}
}

static void
session_diag_fill_backward(const struct session *s, struct session_pos *p)
{
	const struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];

		p->diag_cache[l].grad_rms = session_rms(n->grad + ly->w_off,
		    (long)ly->in * ly->out);
		p->diag_cache[l].dz_rms = session_rms(ly->dz, n->n * ly->out);
	}
}

/* Doubles of a block of the update found on copies (a multiple of 8). */
#define UPDATE_BLOCK 512

/*
 * The change of the weights w[off..off + m) that the coming update makes,
 * a block at a time, computed on copies of the weights and the optimizer's
 * state so that nothing is changed; pass 0 adds the squares as kern_sum8
 * does (eight running sums, then the rest in order), pass 1 finds the
 * largest magnitude and pass 2 adds the squares scaled by big, as
 * session_rms does: the same numbers as session_rms over a kept delta.
 */
static double
update_pass(struct session *s, long off, long m, int pass, double big)
{
	struct net *n = s->net;
	double w[UPDATE_BLOCK], mm[UPDATE_BLOCK], vv[UPDATE_BLOCK], d[UPDATE_BLOCK];
	double p[8] = { 0 }, tail[8], acc = 0;
	long a, len, j, full = m - m % 8;
	int k, ntail = 0, arrays = optim_state_arrays(s->pos.cfg.optimizer);

	for (a = 0; a < m; a += len) {
		len = m - a < UPDATE_BLOCK ? m - a : UPDATE_BLOCK;
		memcpy(w, n->param + off + a, (size_t)len * sizeof(double));
		if (arrays > 0)
			memcpy(mm, s->opt_m + off + a, (size_t)len * sizeof(double));
		if (arrays > 1)
			memcpy(vv, s->opt_v + off + a, (size_t)len * sizeof(double));
		optim_step(s->pos.cfg.optimizer, s->pos.cfg.lr, len, w, n->grad + off + a, mm, vv,
		    s->pos.step, d);
		for (j = 0; j < len; j++) {
			if (pass == 1) {
				if (fabs(d[j]) > acc)
					acc = fabs(d[j]);
			} else if (pass == 2) {
				acc += (d[j] / big) * (d[j] / big);
			} else if (a + j < full) {
				p[(a + j) % 8] += d[j] * d[j];
			} else {
				tail[ntail++] = d[j];
			}
		}
	}
	if (pass != 0)
		return acc;
	p[0] = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
	for (k = 0; k < ntail; k++)
		p[0] += tail[k] * tail[k];
	return p[0];
}

static double
update_rms(struct session *s, long off, long m)
{
	double sum, big;

	if (m == 0)
		return 0.0;
	sum = update_pass(s, off, m, 0, 0);
	if (isfinite(sum))
		return sqrt(sum / m);
	big = update_pass(s, off, m, 1, 0);
	if (!isfinite(big))
		return big;
	return big * sqrt(update_pass(s, off, m, 2, big) / m);
}

/* Before an update whose delta is not kept (session_keep_updates). */
void
session_diag_update_blocks(struct session *s)
{
	struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++)
		s->update_rms[l] = update_rms(s, n->layer[l].w_off,
		    (long)n->layer[l].in * n->layer[l].out);
}

static void
session_diag_fill_update(const struct session *s, struct session_pos *p)
{
	const struct net *n = s->net;
	int l;

	for (l = 0; l < n->nlayers; l++) {
		const struct layer *ly = &n->layer[l];
		long m = (long)ly->in * ly->out;
		double w = session_rms(n->param + ly->w_off, m);

		p->diag_cache[l].update_ratio = w > 0 ? (s->delta != NULL ?
		    session_rms(s->delta + ly->w_off, m) : s->update_rms[l]) / w : 0.0;
	}
}

/* Fills in what is due into p (s's position, or a slot being written). */
static void
session_diag_fill(const struct session *s, struct session_pos *p)
{
	if (p->diag_due & DIAG_DUE_FORWARD)
		session_diag_fill_forward(s, p);
	if (p->diag_due & DIAG_DUE_BACKWARD)
		session_diag_fill_backward(s, p);
	if (p->diag_due & DIAG_DUE_UPDATE)
		session_diag_fill_update(s, p);
	p->diag_due = 0;
}

void
session_diag_settle(struct session *s)
{
	session_diag_flush(s);
	if (s->pos.diag_due)
		session_diag_fill(s, &s->pos);
}

const struct layer_diag *
session_layer_diag(const struct session *s, int l)
{
	if (s->pos.diag_due)
		session_diag_fill(s, s->diag_pos);
	return &s->pos.diag_cache[l];
}

/*
 * Batches of a few rows: the units' rows that fired and were saturated are
 * counted in blocks of DIAG_STAGE_ROWS rows, so that a batch of one row does
 * not pay a whole count of its own. z and a of each batch are kept here (in
 * the order the rows came) until the block is full or something reads the
 * counts; the counts come out as if each batch had been counted at once.
 */
#define DIAG_STAGE_ROWS 32
#define DIAG_STAGE_MAX_DOUBLES (1L << 17)

struct diag_stage {
	long rows;			/* rows kept */
	double *z, *a;			/* layer l's rows at unit_off[l] * DIAG_STAGE_ROWS */
	enum act act[NET_MAX_LAYERS];	/* the activations they were computed with */
	double alpha[NET_MAX_LAYERS];
};

int
session_diag_stage_new(struct session *s)
{
	long units = s->unit_off[s->net->nlayers - 1] + s->net->layer[s->net->nlayers - 1].out;
	struct diag_stage *g;

	/* Not for batches that are large enough, nor networks too wide. */
	if (s->batch_size >= DIAG_STAGE_ROWS / 2 ||
	    2 * units * DIAG_STAGE_ROWS > DIAG_STAGE_MAX_DOUBLES)
		return 0;
	g = calloc(1, sizeof *g);
	if (g == NULL)
		return -1;
	g->z = malloc((size_t)(2 * units * DIAG_STAGE_ROWS) * sizeof(double));
	if (g->z == NULL) {
		free(g);
		return -1;
	}
	g->a = g->z + units * DIAG_STAGE_ROWS;
	s->stage = g;
	return 0;
}

void
session_diag_stage_free(struct session *s)
{
	if (s->stage != NULL)
		free(s->stage->z);
	free(s->stage);
	s->stage = NULL;
}

void
session_diag_stage_drop(struct session *s)
{
	if (s->stage != NULL)
		s->stage->rows = 0;
}

/* Counts rows [0, rows) of layer l's z and a, computed with act and alpha:
 * which units fired, how often each was saturated. */
KERN_WIDE static void
diag_count(const struct session *s, int l, const double *z, const double *a, long rows,
    enum act act, double alpha)
{
	int out = s->net->layer[l].out;
	long block = SESSION_DIAG_BLOCK / out, i, r;
	double *sat = s->unit_sat + s->unit_off[l];

	diag_columns(z, rows, out, s->unit_alive + s->unit_off[l], NULL);
	if (!session_saturating(act))
		return;
	for (i = 0; i < rows; i += r) {
		r = rows - i < block ? rows - i : block;
		act_info(act)->backward(alpha, z + i * out, a + i * out, diag_ones,
		    s->diag_fprime, r, out);
		diag_columns(s->diag_fprime, r, out, NULL, sat);
	}
}

void
session_diag_flush(const struct session *s)
{
	struct diag_stage *g = s->stage;
	int l;

	if (g == NULL || g->rows == 0)
		return;
	for (l = 0; l < s->net->nlayers; l++) {
		long off = s->unit_off[l] * DIAG_STAGE_ROWS;

		diag_count(s, l, g->z + off, g->a + off, g->rows, g->act[l], g->alpha[l]);
	}
	g->rows = 0;
}

/* After the forward pass: which units fired and how often each was
 * saturated accumulate over the pass, so they are counted now (or their
 * rows kept for a block); the batch figures wait until they are read. */
void
session_diag_forward(struct session *s)
{
	struct net *n = s->net;
	struct diag_stage *g = s->stage;
	int l, same = 1;

	if (g != NULL && n->n <= DIAG_STAGE_ROWS) {
		for (l = 0; l < n->nlayers; l++)
			same &= g->act[l] == n->layer[l].act && g->alpha[l] == n->layer[l].alpha;
		if (!same || g->rows + n->n > DIAG_STAGE_ROWS)
			session_diag_flush(s);
		for (l = 0; l < n->nlayers; l++) {
			const struct layer *ly = &n->layer[l];
			long off = s->unit_off[l] * DIAG_STAGE_ROWS + g->rows * ly->out;
			size_t bytes = (size_t)(n->n * ly->out) * sizeof(double);

			g->act[l] = ly->act;
			g->alpha[l] = ly->alpha;
			memcpy(g->z + off, ly->z, bytes);
			memcpy(g->a + off, ly->a, bytes);
		}
		g->rows += n->n;
	} else {
		session_diag_flush(s);
		for (l = 0; l < n->nlayers; l++)
			diag_count(s, l, n->layer[l].z, n->layer[l].a, n->n, n->layer[l].act,
			    n->layer[l].alpha);
	}
	s->pos.pass_samples += n->n;
	s->pos.diag_due |= DIAG_DUE_FORWARD;
}

void
session_diag_backward(struct session *s)
{
	s->pos.diag_due |= DIAG_DUE_BACKWARD;
}

void
session_diag_update(struct session *s)
{
	s->pos.diag_due |= DIAG_DUE_UPDATE;
}

/* Closes the pass over the training set: which units were dead or saturated. */
void
session_diag_pass(struct session *s)
{
	struct net *n = s->net;
	int l, j;

	session_diag_flush(s);
	for (l = 0; l < n->nlayers; l++) {
		struct layer *ly = &n->layer[l];
		struct layer_diag *d = &s->pos.diag_cache[l];
		long off = s->unit_off[l], dead = 0, sat = 0;

		for (j = 0; j < ly->out; j++) {
			double share = s->pos.pass_samples ?
			    s->unit_sat[off + j] / s->pos.pass_samples : 0;

			s->unit_dead[off + j] = session_relu_like(ly->act) && s->unit_alive[off + j] == 0;
			s->unit_sat_frac[off + j] = session_saturating(ly->act) ? share : 0;
			dead += s->unit_dead[off + j] != 0;
			sat += session_saturating(ly->act) && share >= SESSION_SATURATED_SHARE;
			s->unit_alive[off + j] = 0;
			s->unit_sat[off + j] = 0;
		}
		d->dead_fraction = ly->out ? (double)dead / ly->out : 0;
		d->saturated_fraction = ly->out ? (double)sat / ly->out : 0;
		d->pass_complete = 1;
	}
	s->pos.pass_samples = 0;
}

void
session_diag_ranges(struct session *s)
{
	int l;

	/* A histogram still due is of the ranges it was taken with. */
	session_diag_settle(s);
	for (l = 0; l < s->net->nlayers; l++) {
		struct layer_diag *d = &s->pos.diag_cache[l];

		d->hist_lo = act_info(s->net->layer[l].act)->hist_lo;
		d->hist_hi = act_info(s->net->layer[l].act)->hist_hi;
	}
}

double
session_grad_ratio(const struct session *s)
{
	double last = session_layer_diag(s, s->net->nlayers - 1)->grad_rms;

	return last > 0 ? session_layer_diag(s, 0)->grad_rms / last : 0.0;
}

double
session_dead_fraction(const struct session *s)
{
	long dead = 0, units = 0;
	int l;

	for (l = 0; l < s->net->nlayers - 1; l++) {
		const struct layer *ly = &s->net->layer[l];

		if (!session_relu_like(ly->act))
			continue;
		units += ly->out;
		dead += lround(s->pos.diag_cache[l].dead_fraction * ly->out);
	}
	return units ? (double)dead / units : 0.0;
}

double
session_saturated_fraction(const struct session *s)
{
	long sat = 0, units = 0;
	int l;

	for (l = 0; l < s->net->nlayers - 1; l++) {
		const struct layer *ly = &s->net->layer[l];

		if (!session_saturating(ly->act))
			continue;
		units += ly->out;
		sat += lround(s->pos.diag_cache[l].saturated_fraction * ly->out);
	}
	return units ? (double)sat / units : 0.0;
}

int
session_unit_dead(const struct session *s, int l, int j)
{
	if (!session_relu_like(s->net->layer[l].act) || l == s->net->nlayers - 1)
		return 0;
	if (s->pos.diag_cache[l].pass_complete)
		return s->unit_dead[s->unit_off[l] + j] != 0;
	session_diag_flush(s);
	return s->pos.pass_samples > 0 && s->unit_alive[s->unit_off[l] + j] == 0;
}

double
session_unit_saturation(const struct session *s, int l, int j)
{
	if (!session_saturating(s->net->layer[l].act))
		return 0;
	if (s->pos.diag_cache[l].pass_complete)
		return s->unit_sat_frac[s->unit_off[l] + j];
	session_diag_flush(s);
	return s->pos.pass_samples > 0 ?
	    s->unit_sat[s->unit_off[l] + j] / s->pos.pass_samples : 0.0;
}
