/*
 * view_loss.c: the training loss of every batch as a curve (braille dots,
 * or ASCII dots), the validation loss of every epoch as o marks, and the
 * callbacks' events (learning rate reduced, early stop, best weights
 * restored) as letters above the curve.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

#define LOSS_MAX_CELLS 16384	/* plot cells (a 200x80 panel) */
#define LOSS_AXIS 8		/* columns of the y labels */

struct plot {
	int pw, ph;		/* cells */
	int dx, dy;		/* dots per cell */
	double x0, x1, y0, y1;	/* data range */
	int log;
	uint8_t bits[LOSS_MAX_CELLS];
};

static double
plot_y(const struct plot *P, double v)
{
	return P->log ? log10(v > 1e-12 ? v : 1e-12) : v;
}

/* Dot coordinates of a data point; y grows downwards. */
static void
plot_dot(const struct plot *P, double x, double v, int *px, int *py)
{
	double fx = P->x1 > P->x0 ? (x - P->x0) / (P->x1 - P->x0) : 0;
	double fy = P->y1 > P->y0 ? (plot_y(P, v) - P->y0) / (P->y1 - P->y0) : 0.5;
	int W = P->pw * P->dx, H = P->ph * P->dy;

	*px = (int)lround(fx * (W - 1));
	*py = (H - 1) - (int)lround(fy * (H - 1));
	*px = *px < 0 ? 0 : *px >= W ? W - 1 : *px;
	*py = *py < 0 ? 0 : *py >= H ? H - 1 : *py;
}

static void
plot_set(struct plot *P, int x, int y)
{
	static const uint8_t braille[4][2] = {
		{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 },
	};
	int cx, cy;

	/* Tested before dividing: -1 / 2 is 0, a cell inside the plot. */
	if (x < 0 || y < 0)
		return;
	cx = x / P->dx;
	cy = y / P->dy;
	if (cx >= P->pw || cy >= P->ph)
		return;
	if (P->dx == 2)
		P->bits[cy * P->pw + cx] |= braille[y % 4][x % 2];
	else
		P->bits[cy * P->pw + cx] |= (uint8_t)(1 << (y % 2));
}

static void
plot_line(struct plot *P, int x0, int y0, int x1, int y1)
{
	int dx = x1 > x0 ? x1 - x0 : x0 - x1, sx = x0 < x1 ? 1 : -1;
	int dy = -(y1 > y0 ? y1 - y0 : y0 - y1), sy = y0 < y1 ? 1 : -1, e = dx + dy, e2;

	for (;;) {
		plot_set(P, x0, y0);
		if (x0 == x1 && y0 == y1)
			break;
		e2 = 2 * e;
		if (e2 >= dy)
			e += dy, x0 += sx;
		if (e2 <= dx)
			e += dx, y0 += sy;
	}
}

static void
plot_range(struct plot *P, double v)
{
	double y;

	if (!isfinite(v))
		return;
	y = plot_y(P, v);
	if (y < P->y0)
		P->y0 = y;
	if (y > P->y1)
		P->y1 = y;
}

/* The stored batch losses of s (each may average `stride` batches). */
static long
loss_nbatch(const struct session *s)
{
	long nb = s->pos.nbatch_loss / (s->batch_loss_stride > 0 ? s->batch_loss_stride : 1);

	return nb > s->batch_loss_cap ? s->batch_loss_cap : nb;
}

/* Widens P's y range to every loss of s that the panel draws. */
static void
loss_y_range(struct plot *P, const struct session *s)
{
	long k, nb = loss_nbatch(s);
	int e;

	for (k = 0; k < nb; k++)
		plot_range(P, s->batch_loss[k]);
	for (e = 0; e < s->pos.nepochs; e++) {
		plot_range(P, s->epochs[e].loss);
		plot_range(P, s->epochs[e].val_loss);
	}
}

static const char *
loss_axis_num(char *buf, size_t n, const struct plot *P, double y)
{
	double v = P->log ? pow(10, y) : y;

	return view_num_fit(buf, n, v, 3, LOSS_AXIS - 1);
}

void
view_loss(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	struct plot P;
	struct rect in;
	long nb = loss_nbatch(s);
	long k, stride = s->batch_loss_stride > 0 ? s->batch_loss_stride : 1;
	int e, i, px, py, lx = 0, ly = 0, have_last = 0, x, y;
	char extra[128], a[32], b[32], d[32];
	const struct epoch_record *last = s->pos.nepochs > 0 ? &s->epochs[s->pos.nepochs - 1] : NULL;

	/* Each figure named by what it averages: the last batch, the last
	 * epoch's batches, the validation split after the last epoch. */
	snprintf(extra, sizeof extra, "%s%s%s%s%s%s", nb > 0 ? _("batch ") : "",
	    nb > 0 ? view_num(a, sizeof a, s->batch_loss[nb - 1], 4) : "",
	    last && isfinite(last->loss) ? _("  epoch ") : "",
	    last && isfinite(last->loss) ? view_num(d, sizeof d, last->loss, 4) : "",
	    last && !isnan(last->val_loss) ? _("  val ") : "",
	    last && !isnan(last->val_loss) ? view_num(b, sizeof b, last->val_loss, 4) : "");
	if (p->v->log_loss)
		strncat(extra, "  log", sizeof extra - strlen(extra) - 1);
	if (p->f != NULL && p->f->nruns > 1)
		strncat(extra, _("  one scale"), sizeof extra - strlen(extra) - 1);
	in = view_box(p, c, r, _("Loss"), extra);
	if (in.w < LOSS_AXIS + 4 || in.h < 3)
		return;
	if (nb == 0) {
		canvas_printf(c, in.x, in.y, in.w, C_DIM, 0, _("No loss yet: %s twice reaches the loss "
		    "phase."), view_step_key(p));
		return;
	}
	memset(&P, 0, sizeof P);
	P.log = p->v->log_loss;
	P.dx = g->unicode ? 2 : 1;
	P.dy = g->unicode ? 4 : 2;
	P.pw = in.w - LOSS_AXIS;
	P.ph = in.h - 1;
	if (P.pw * P.ph > LOSS_MAX_CELLS)
		P.ph = LOSS_MAX_CELLS / P.pw;
	P.x0 = 0;
	P.x1 = (double)(nb - 1) * stride;
	if (s->pos.nepochs * s->nbatches - 1 > P.x1)
		P.x1 = (double)(s->pos.nepochs * s->nbatches - 1);
	if (P.x1 < 1)
		P.x1 = 1;
	P.y0 = INFINITY;
	P.y1 = -INFINITY;
	/* Runs side by side share one y scale, so that their curves compare. */
	if (p->f != NULL && p->f->nruns > 1) {
		for (i = 0; i < p->f->nruns; i++)
			if (p->f->run[i] != NULL)
				loss_y_range(&P, p->f->run[i]);
	} else
		loss_y_range(&P, s);
	if (!(P.y0 <= P.y1)) {
		P.y0 = 0;
		P.y1 = 1;
	}
	if (P.y1 - P.y0 < 1e-12) {
		P.y0 -= 0.5;
		P.y1 += 0.5;
	}
	/* The batch curve, point to point; a line joins a point to the last
	 * one drawn, so that a missing first point draws no line from 0,0. */
	for (k = 0; k < nb; k++) {
		if (!isfinite(s->batch_loss[k]))
			continue;
		plot_dot(&P, (double)k * stride, s->batch_loss[k], &px, &py);
		if (have_last)
			plot_line(&P, lx, ly, px, py);
		else
			plot_set(&P, px, py);
		lx = px;
		ly = py;
		have_last = 1;
	}
	for (y = 0; y < P.ph; y++)
		for (x = 0; x < P.pw; x++) {
			uint8_t bits = P.bits[y * P.pw + x];

			if (bits == 0)
				continue;
			if (P.dx == 2)
				canvas_put(c, in.x + LOSS_AXIS + x, in.y + y, 0x2800 + bits, C_TRAIN_LOSS, 0);
			else
				canvas_put(c, in.x + LOSS_AXIS + x, in.y + y,
				    bits == 3 ? ':' : bits == 1 ? '\'' : '.', C_TRAIN_LOSS, 0);
		}
	/* The epoch curve: the mean training loss of each epoch, at its end. */
	for (e = 0; e < s->pos.nepochs; e++) {
		if (!isfinite(s->epochs[e].loss))
			continue;
		plot_dot(&P, (double)(e + 1) * s->nbatches - 1, s->epochs[e].loss, &px, &py);
		canvas_put(c, in.x + LOSS_AXIS + px / P.dx, in.y + py / P.dy, '*', C_TRAIN_LOSS,
		    ATTR_BOLD);
	}
	/* Validation loss at the end of each epoch. */
	for (e = 0; e < s->pos.nepochs; e++) {
		if (!isfinite(s->epochs[e].val_loss))
			continue;
		plot_dot(&P, (double)(e + 1) * s->nbatches - 1, s->epochs[e].val_loss, &px, &py);
		canvas_put(c, in.x + LOSS_AXIS + px / P.dx, in.y + py / P.dy, 'o', C_VAL_LOSS, 0);
	}
	/* Callback events above the curve. */
	for (i = s->pos.nevents > SESSION_MAX_EVENTS ? s->pos.nevents - SESSION_MAX_EVENTS : 0;
	    i < s->pos.nevents; i++) {
		const struct session_event *ev = session_event_at(s, i);
		uint32_t ch;

		if (ev == NULL)
			continue;
		if (ev->kind == EV_EARLY_STOP)
			ch = 'S';
		else if (ev->kind == EV_REDUCE_LR)
			ch = 'L';
		else if (ev->kind == EV_RESTORE)
			ch = 'R';
		else
			continue;
		plot_dot(&P, (double)ev->epoch * s->nbatches - 1, P.log ? pow(10, P.y1) : P.y1,
		    &px, &py);
		canvas_put(c, in.x + LOSS_AXIS + px / P.dx, in.y, ch, C_EVENT, 0);
	}
	/* Axes. */
	canvas_text(c, in.x, in.y, LOSS_AXIS - 1, C_DIM, 0, loss_axis_num(a, sizeof a, &P, P.y1));
	canvas_text(c, in.x, in.y + P.ph - 1, LOSS_AXIS - 1, C_DIM, 0,
	    loss_axis_num(a, sizeof a, &P, P.y0));
	if (P.ph >= 5) {
		int mid = P.ph / 2;		/* the row of the middle label */
		int above = P.ph - 1 - mid;	/* its rows above the bottom one */

		canvas_text(c, in.x, in.y + mid, LOSS_AXIS - 1, C_DIM, 0,
		    loss_axis_num(a, sizeof a, &P, P.y0 + (P.y1 - P.y0) * above / (P.ph - 1)));
	}
	y = in.y + in.h - 1;
	canvas_text(c, in.x + LOSS_AXIS, y, -1, C_DIM, 0, "0");
	snprintf(a, sizeof a, ngettext("%ld batch", "%ld batches", (unsigned long)s->pos.nbatch_loss),
	    s->pos.nbatch_loss);
	canvas_text(c, in.x + in.w - text_width(a, -1), y, -1, C_DIM, 0, a);
	x = in.x + LOSS_AXIS + 3;
	if (x + 30 < in.x + in.w - text_width(a, -1)) {
		x += canvas_text(c, x, y, -1, C_TRAIN_LOSS, 0, g->unicode ? "\u28c0" : ".");
		x += canvas_text(c, x, y, -1, C_DIM, 0, _(" batch  "));
		x += canvas_text(c, x, y, -1, C_TRAIN_LOSS, ATTR_BOLD, "*");
		x += canvas_text(c, x, y, -1, C_DIM, 0, _(" epoch  "));
		x += canvas_text(c, x, y, -1, C_VAL_LOSS, 0, "o");
		x += canvas_text(c, x, y, -1, C_DIM, 0, _(" val"));
		if (x + 20 < in.x + in.w - text_width(a, -1))
			canvas_text(c, x, y, -1, C_DIM, 0, _("  L lr S stop R best"));
	}
}
