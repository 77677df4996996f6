/*
 * view_network.c: the network as columns of units, one per layer, with the
 * weight matrix that feeds each layer drawn to its left.
 *
 * A unit shows its activation a (in the backward phase: its dL/dz) for the
 * selected sample of the batch, or the batch mean: a shade glyph for the
 * magnitude, the signed value (or a sign character when narrow) and a
 * colour for the sign. Dead units are marked \u2020 (ASCII !), saturated ones
 * ~; neither is a class glyph of the data panel. A matrix
 * cell shows one weight (backward: its gradient dW; update: its change):
 * + or - for the sign, # or = when large, a dot when near zero. Wide
 * layers show a window around the cursor, with arrows for what is hidden.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

#define NCOL (NET_MAX_LAYERS + 1)	/* input + every layer */

struct netgeom {
	int ncol;			/* display layers: 0 input, d = engine layer d-1 */
	int first_col;			/* leftmost display layer drawn */
	int last_col;			/* rightmost */
	int uw;				/* unit column width: 7 full, 3 narrow */
	int x[NCOL];			/* unit column x */
	int mx[NCOL];			/* matrix x (d >= 1), -1 without */
	int mcols[NCOL];		/* matrix columns shown */
	int mfirst[NCOL];		/* first input shown in the matrix */
	int count[NCOL];		/* units in the layer */
	int first[NCOL];		/* first unit shown */
	int shown[NCOL];		/* units shown */
	int off[NCOL];			/* rows above the layer's first unit (centring) */
	int vstep;			/* rows from one unit to the next: 1, or 2 when roomy */
	int rows;			/* rows for units */
	int y0;				/* y of the first unit row */
	int right;			/* first column right of the network */
	int arrows;			/* rows above and below hold "more" arrows */
	int hdr;			/* header rows: names, and what is shown (2 or 1) */
};

/* Units in display layer d. */
static int
net_units(const struct session *s, int d)
{
	return d == 0 ? s->net->ninputs : s->net->layer[d - 1].out;
}

/* Width of display layer d's block: matrix (with a blank either side) + units. */
static int
net_block(int d, int uw, int cap, int in)
{
	int m = in < cap ? in : cap;

	if (d == 0)
		return uw;
	return (cap > 0 ? m + 2 : 1) + uw;
}

static int
net_total(const struct session *s, int first, int last, int uw, int cap)
{
	int d, w = 0;

	for (d = first; d <= last; d++)
		w += net_block(d == first ? 0 : d, uw, cap, d > 0 ? s->net->layer[d - 1].in : 0);
	return w;
}

static int
net_clampi(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Computes where everything goes inside r. */
static void
net_geometry(const struct panel_ctx *p, struct rect r, struct netgeom *G)
{
	static const int uws[] = { 7, 3 };
	static const int caps[] = { 16, 12, 8, 6, 4, 3, 2, 0 };
	const struct session *s = p->s;
	int ncol = s->net->nlayers + 1, d, i, k, x, cur = net_clampi(p->v->layer, 0, ncol - 1);
	int uw = 3, cap = 0, found = 0, first = 0, last = ncol - 1, big = 0, most = 0, spare, gap;
	int reserve;

	memset(G, 0, sizeof *G);
	G->ncol = ncol;
	/* The widest form that fits, with room for the targets if possible. */
	for (reserve = 8; reserve >= 0 && !found; reserve -= 8)
		for (i = 0; i < 2 && !found; i++)
			for (k = 0; k < (int)(sizeof caps / sizeof caps[0]) && !found; k++)
				if (net_total(s, 0, ncol - 1, uws[i], caps[k]) + reserve <= r.w) {
					uw = uws[i];
					cap = caps[k];
					found = 1;
				}
	if (!found) {
		/* Too many layers for the width: a window of layers around the cursor. */
		uw = 3;
		cap = 0;
		first = cur;
		last = cur;
		while (1) {
			int grew = 0;

			if (last + 1 < ncol && net_total(s, first, last + 1, uw, cap) <= r.w)
				last++, grew = 1;
			if (first > 0 && net_total(s, first - 1, last, uw, cap) <= r.w)
				first--, grew = 1;
			if (!grew)
				break;
		}
	}
	G->uw = uw;
	G->first_col = first;
	G->last_col = last;
	for (d = 0; d < ncol; d++) {
		G->count[d] = net_units(s, d);
		G->mx[d] = -1;
		if (G->count[d] > big)
			big = G->count[d];
	}
	/* Short of rows, the second header row goes first. */
	G->hdr = big > r.h - 2 ? 1 : 2;
	G->arrows = big > r.h - G->hdr;
	G->y0 = r.y + G->hdr + G->arrows;
	G->rows = r.h - G->hdr - 2 * G->arrows;
	if (G->rows < 1)
		G->rows = 1;
	G->vstep = 2 * big - 1 <= G->rows ? 2 : 1;
	/* Spread spare width between the layers. */
	spare = r.w - net_total(s, first, last, uw, cap) - 8;	/* room for the targets */
	gap = last > first ? spare / (last - first) : 0;
	gap = gap > 6 ? 6 : gap < 0 ? 0 : gap;
	x = r.x;
	for (d = first; d <= last; d++) {
		int in = d > 0 ? s->net->layer[d - 1].in : 0, vis = G->rows;

		if (d > first) {
			x += gap / 2;
			if (cap > 0) {
				G->mx[d] = x + 1;
				G->mcols[d] = in < cap ? in : cap;
				x += G->mcols[d] + 2;
			} else
				x += 1;
			x += gap - gap / 2;
		}
		G->x[d] = x;
		x += uw;
		/* Rows: a window around the cursor in its layer, else from the top. */
		if (G->vstep == 2)
			vis = (G->rows + 1) / 2;
		G->shown[d] = G->count[d] < vis ? G->count[d] : vis;
		if (G->count[d] > vis && d == cur)
			G->first[d] = net_clampi(p->v->unit - vis / 2, 0, G->count[d] - vis);
		if (G->shown[d] > most)
			most = G->shown[d];
	}
	G->right = x;
	for (d = first; d <= last; d++)
		G->off[d] = (most - G->shown[d]) * G->vstep / 2;
	/* Matrix columns: around the cursor when the cursor is on their inputs. */
	for (d = first + 1; d <= last; d++) {
		int in = s->net->layer[d - 1].in;

		if (G->mcols[d] < in && d - 1 == cur)
			G->mfirst[d] = net_clampi(p->v->unit - G->mcols[d] / 2, 0, in - G->mcols[d]);
	}
}

/* Screen row of the k-th shown unit of display layer d. */
static int
net_row(const struct netgeom *G, int d, int k)
{
	return G->y0 + G->off[d] + k * G->vstep;
}

int
view_network_unit_at(const struct panel_ctx *p, struct rect r, int x, int y, int *layer,
    int *unit)
{
	struct netgeom G;
	struct rect in = rect_inset(r, 1);
	int d, j;

	if (p->s->data->image_h > 0 && !p->v->net_diagram && p->s->net->nlayers > 1) {
		/* The weight pictures are shown instead: a picture is a unit of h1. */
		j = view_network_picture_at(p, in, x, y);
		if (j < 0)
			return -1;
		*layer = 1;
		*unit = j;
		return 0;
	}
	net_geometry(p, in, &G);
	for (d = G.first_col; d <= G.last_col; d++) {
		if (x < G.x[d] || x >= G.x[d] + G.uw)
			continue;
		j = y - net_row(&G, d, 0);
		if (j < 0 || j % G.vstep != 0 || j / G.vstep >= G.shown[d])
			return -1;
		*layer = d;
		*unit = G.first[d] + j / G.vstep;
		return 0;
	}
	return -1;
}

/* --------------------------------------------------------------- values */

/* What a unit shows, by phase. */
enum quantity { Q_ACT, Q_DZ };

/* Value of unit j of display layer d at batch row i, or the batch mean. */
static double
net_value(const struct session *s, int d, int j, long i, int mean, enum quantity q)
{
	const struct net *n = s->net;
	const double *base;
	int width;
	long r;
	double sum = 0;

	if (d == 0) {
		base = n->x;
		width = n->ninputs;
	} else {
		const struct layer *ly = &n->layer[d - 1];

		base = q == Q_DZ ? ly->dz : ly->a;
		width = ly->out;
	}
	if (!mean)
		return base[i * width + j];
	for (r = 0; r < n->n; r++)
		sum += base[r * width + j];
	return n->n > 0 ? sum / n->n : 0;
}

/* The largest magnitude of a layer's values over the batch (the shade scale). */
static double
net_scale(const struct session *s, int d, enum quantity q)
{
	const struct net *n = s->net;
	const double *base;
	long m, i;
	double mx = 0;

	if (d > 0 && q == Q_ACT) {
		if (act_info(n->layer[d - 1].act)->props & ACTP_BOUNDED)
			return 1.0;
	}
	if (d == 0) {
		base = n->x;
		m = n->n * n->ninputs;
	} else {
		base = q == Q_DZ ? n->layer[d - 1].dz : n->layer[d - 1].a;
		m = n->n * n->layer[d - 1].out;
	}
	for (i = 0; i < m; i++)
		if (isfinite(base[i]) && fabs(base[i]) > mx)
			mx = fabs(base[i]);
	return mx > 0 ? mx : 1.0;
}

/* A value in exactly 5 columns, with its sign: "+0.73", "-12.4", "+3e+04". */
static void
net_fmt5(char *buf, size_t n, double v)
{
	double a = fabs(v);
	char sign = v < 0 ? '-' : '+';

	if (isnan(v))
		snprintf(buf, n, "  NaN");
	else if (isinf(v))
		snprintf(buf, n, "%c inf", sign);
	else if (a == 0)
		snprintf(buf, n, " 0   ");
	else if (a < 0.00995) {
		int e = (int)floor(log10(a));
		int m = (int)lround(a / pow(10, e));

		if (m >= 10)
			m = 1, e++;
		if (e < -9)
			snprintf(buf, n, "%c0.00", sign);
		else
			snprintf(buf, n, "%c%de%d", sign, m, e);
	} else if (a < 9.995)
		snprintf(buf, n, "%c%.2f", sign, a);
	else if (a < 99.95)
		snprintf(buf, n, "%c%.1f", sign, a);
	else if (a < 9999.5)
		snprintf(buf, n, "%c%4.0f", sign, a);
	else
		snprintf(buf, n, "%c%.0e", sign, a);
	if (strlen(buf) > 5)
		snprintf(buf, n, "%c big", sign);
}

/* ---------------------------------------------------------------- drawing */

static const char *
net_layer_name(const struct session *s, int d, char *buf, size_t n, int w)
{
	int L = s->net->nlayers;

	if (d == 0)
		snprintf(buf, n, w >= 8 ? _("in %d") : _("in"), s->net->ninputs);
	else if (d == L)
		snprintf(buf, n, w >= 10 ? _("out %s") : _("out"), act_name(s->net->layer[d - 1].act));
	else if (w >= 10)
		snprintf(buf, n, "h%d %s", d, act_name(s->net->layer[d - 1].act));
	else
		snprintf(buf, n, "h%d", d);
	return buf;
}

static void
net_unit(const struct panel_ctx *p, struct canvas *c, const struct netgeom *G, int d, int j,
    int y, double scale, enum quantity q, int have)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	int x = G->x[d], cursor = d == p->v->layer && j == p->v->unit, role, mag, dead = 0;
	int hl = p->v->lesson.highlight;
	double v = 0, sat = 0;
	char num[40];

	if (d > 0 && d < s->net->nlayers) {
		dead = session_unit_dead(s, d - 1, j);
		sat = session_unit_saturation(s, d - 1, j);
	}
	if (dead)
		view_glyph(c, x, y, g->dead, C_DEAD_UNIT, hl == UH_DEAD ? ATTR_REVERSE : 0);
	else if (sat >= SESSION_SATURATED_SHARE)
		view_glyph(c, x, y, g->saturated, C_SATURATED_UNIT,
		    hl == UH_SATURATED ? ATTR_REVERSE : 0);
	if (!have) {
		view_glyph(c, x + 1, y, g->wzero, C_ZERO, 0);
	} else {
		v = net_value(s, d, j, p->v->sample, p->v->batch_mean, d > 0 ? q : Q_ACT);
		mag = isfinite(v) ? (int)ceil(fabs(v) / scale * 4) : 4;
		mag = mag < 0 ? 0 : mag > 4 ? 4 : mag;
		if (fabs(v) < scale * 0.02)
			mag = 0;
		role = q == Q_DZ && d > 0 ? C_GRADIENT : v < 0 ? C_NEGATIVE_ACT : C_POSITIVE_ACT;
		if (mag == 0)
			view_glyph(c, x + 1, y, g->wzero, C_ZERO, 0);
		else
			view_glyph(c, x + 1, y, g->ramp[mag], role, 0);
		if (G->uw >= 7) {
			net_fmt5(num, sizeof num, v);
			canvas_text(c, x + 2, y, 5, role, 0, num);
		} else
			view_glyph(c, x + 2, y, v < 0 ? g->neg_sign : g->pos_sign, role, 0);
	}
	if (hl == UH_LAYER && d == p->v->lesson.highlight_layer)
		canvas_attr(c, (struct rect){ x + 1, y, G->uw - 1, 1 }, ATTR_BOLD | ATTR_UNDERLINE);
	if (cursor)
		canvas_paint(c, (struct rect){ x, y, G->uw, 1 }, C_CURSOR, 0);
}

/* The matrix feeding display layer d: rows are its units, columns its inputs. */
static void
net_matrix(const struct panel_ctx *p, struct canvas *c, const struct netgeom *G, int d,
    const double *vals, int have)
{
	const struct session *s = p->s;
	const struct layer *ly = &s->net->layer[d - 1];
	const struct glyphs *g = p->g;
	int rows = G->shown[d], r, k, y;
	double mx = 0;
	long i, m = (long)ly->in * ly->out;

	if (G->mx[d] < 0)
		return;
	for (i = 0; i < m; i++)
		if (isfinite(vals[ly->w_off + i]) && fabs(vals[ly->w_off + i]) > mx)
			mx = fabs(vals[ly->w_off + i]);
	for (r = 0; r < rows; r++) {
		int j = G->first[d] + r;

		y = net_row(G, d, r);
		for (k = 0; k < G->mcols[d]; k++) {
			int in = G->mfirst[d] + k, attr = 0, role;
			double w = vals[ly->w_off + (long)j * ly->in + in], a = fabs(w);
			const char *gl;

			if (!have || mx == 0 || a < 0.1 * mx || !isfinite(w)) {
				gl = g->wzero;
				role = C_ZERO;
			} else {
				int big = a >= 0.5 * mx;

				gl = w > 0 ? g->wpos[1 + big] : g->wneg[1 + big];
				role = w > 0 ? C_POSITIVE_WEIGHT : C_NEGATIVE_WEIGHT;
				attr = big ? ATTR_BOLD : 0;
			}
			/* The selected unit's incoming row and outgoing column stand out. */
			if ((d == p->v->layer && j == p->v->unit) ||
			    (d - 1 == p->v->layer && in == p->v->unit))
				attr |= ATTR_UNDERLINE;
			if (p->v->lesson.highlight == UH_WEIGHTS)
				attr |= ATTR_BOLD;
			view_glyph(c, G->mx[d] + k, y, gl, role, attr);
		}
		if (G->mcols[d] < ly->in)
			view_glyph(c, G->mx[d] + G->mcols[d], y, p->g->ellipsis, C_DIM, 0);
	}
}

/* The targets beside the output units, and the loss once computed. */
static void
net_targets(const struct panel_ctx *p, struct canvas *c, const struct netgeom *G,
    struct rect in)
{
	const struct session *s = p->s;
	const struct net *n = s->net;
	int L = n->nlayers, nout = n->layer[L - 1].out, k, x = G->right + 1, y = 0;
	int w = in.x + in.w - x, lit = s->pos.phase == PHASE_LOSS;
	long i = p->v->sample, r;
	char num[32];

	canvas_text(c, x, in.y + G->hdr - 1, w, lit ? C_PHASE_ACTIVE : C_DIM, 0, "y");
	for (k = 0; k < G->shown[L]; k++) {
		int j = G->first[L] + k;
		double v = 0;

		if (p->v->batch_mean) {
			for (r = 0; r < n->n; r++)
				v += n->y[r * nout + j];
			v /= n->n;
		} else
			v = n->y[i * nout + j];
		y = net_row(G, L, k);
		canvas_text(c, x, y, w, C_DEFAULT, 0, view_num(num, sizeof num, v, 3));
	}
	if (s->pos.phase < PHASE_LOSS || y + 2 >= in.y + in.h)
		return;
	canvas_printf(c, G->x[L], y + 2, in.x + in.w - G->x[L], lit ? C_PHASE_ACTIVE : C_DEFAULT, 0,
	    _("loss %s"), view_num(num, sizeof num, p->v->batch_mean ? n->batch_loss :
	    n->sample_loss[i], 4));
	if (in.x + in.w - G->x[L] >= 22)
		canvas_text(c, G->x[L], y + 3, -1, C_DIM, 0, p->v->batch_mean ? _("(batch mean)") :
		    _("(this sample)"));
}

/* "↓10": units of column d above or below the ones shown, moved one column
 * left when the count does not fit beside the arrow (never cut to "↓1"). */
static void
net_more(struct canvas *c, const struct netgeom *G, int d, int y, const char *arrow, int n)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%s%d", arrow, n);
	if (text_width(buf, -1) <= G->uw - 1)
		canvas_text(c, G->x[d] + 1, y, G->uw - 1, C_DIM, 0, buf);
	else
		canvas_text(c, G->x[d], y, G->uw, C_DIM, 0, buf);
}

void
view_network(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	struct netgeom G;
	struct rect in;
	enum phase ph = s->pos.phase;
	enum quantity q = ph == PHASE_BACKWARD ? Q_DZ : Q_ACT;
	int have = s->net->n > 0 && p->v->sample < s->net->n, d, j, L = s->net->nlayers;
	char extra[80], name[40];
	const double *mvals;
	const char *mlabel;

	if (ph == PHASE_BACKWARD) {
		mvals = s->net->grad;
		mlabel = "dW";
	} else if (ph == PHASE_UPDATE) {
		mvals = s->delta;
		mlabel = g->unicode ? "\u0394W" : "DW";
	} else {
		mvals = s->net->param;
		mlabel = "W";
	}
	if (p->v->batch_mean)
		snprintf(extra, sizeof extra, _("batch mean"));
	else if (have)
		snprintf(extra, sizeof extra, _("sample %ld/%ld"), p->v->sample + 1, s->net->n);
	else
		extra[0] = '\0';
	if (s->data->image_h > 0 && !p->v->net_diagram && s->net->nlayers > 1) {
		/* Picture inputs: what each first-layer unit looks for. */
		const char *title = _("Network: first-layer weights");

		/* The short title when the long one would cut the sample number. */
		if (text_width(title, -1) + text_width(extra, -1) + 8 > r.w)
			title = _("Network: h1 weights");
		in = view_box(p, c, r, title, extra);
		if (in.w >= 8 && in.h >= 3)
			view_network_pictures(p, c, in);
		return;
	}
	in = view_box(p, c, r, _("Network"), extra);
	if (in.w < 8 || in.h < 3)
		return;
	net_geometry(p, in, &G);
	/* Header: layer names, then what the columns show, lit by phase. */
	for (d = G.first_col; d <= G.last_col; d++) {
		int bx = d > G.first_col && G.mx[d] >= 0 ? G.mx[d] : G.x[d];
		int bw = G.x[d] + G.uw - bx, lit;
		const char *qn;

		net_layer_name(s, d, name, sizeof name, bw);
		canvas_text_cut(c, bx, in.y, bw, p->v->lesson.highlight == UH_LAYER &&
		    p->v->lesson.highlight_layer == d ? C_PHASE_ACTIVE : C_TITLE, 0, name);
		lit = (ph == PHASE_FORWARD && d > 0) || (ph == PHASE_LOSS && d == L) ||
		    (ph == PHASE_BACKWARD && d > 0);
		qn = d == 0 ? "x" : q == Q_DZ ? (G.uw >= 7 ? "dL/dz" : "dz") : "a";
		if (G.hdr > 1)
			canvas_text(c, G.x[d] + 1, in.y + 1, G.uw - 1, lit ? C_PHASE_ACTIVE : C_DIM, 0,
			    qn);
		if (G.hdr > 1 && G.mx[d] >= 0 && d > G.first_col) {
			char ml[16];

			lit = ph == PHASE_BACKWARD || ph == PHASE_UPDATE ||
			    p->v->lesson.highlight == UH_WEIGHTS;
			snprintf(ml, sizeof ml, "%s%d", mlabel, d);
			canvas_text(c, G.mx[d], in.y + 1, G.mcols[d], lit ? C_PHASE_ACTIVE : C_DIM, 0,
			    ml);
		}
	}
	/* Units and matrices. */
	for (d = G.first_col; d <= G.last_col; d++) {
		double scale = have ? net_scale(s, d, d > 0 ? q : Q_ACT) : 1;
		int shown = G.shown[d];

		for (j = 0; j < shown; j++)
			net_unit(p, c, &G, d, G.first[d] + j, net_row(&G, d, j), scale, q, have);
		if (G.arrows && G.first[d] > 0)
			net_more(c, &G, d, G.y0 - 1, g->up, G.first[d]);
		if (G.arrows && G.first[d] + shown < G.count[d])
			net_more(c, &G, d, G.y0 + G.rows, g->down, G.count[d] - G.first[d] - shown);
		if (d > G.first_col)
			net_matrix(p, c, &G, d, mvals, ph == PHASE_BACKWARD || ph == PHASE_UPDATE ?
			    s->pos.phase_count > 0 : 1);
	}
	if (G.last_col == L && have && in.x + in.w - G.right >= 7)
		net_targets(p, c, &G, in);
	if (G.first_col > 0)
		view_glyph(c, in.x, in.y, g->unicode ? g->arrow_left : "<", C_DIM, 0);
	if (G.last_col < G.ncol - 1)
		view_glyph(c, in.x + in.w - 1, in.y, g->unicode ? g->arrow_right : ">", C_DIM, 0);
	/* Phase note on the bottom edge. */
	{
		const char *note = NULL;
		char buf[120];

		switch (ph) {
		case PHASE_NONE:
			snprintf(buf, sizeof buf, _("press %s: forward pass"), view_step_key(p));
			note = s->pos.phase_count == 0 ? buf : NULL;
			break;
		case PHASE_FORWARD:
			snprintf(buf, sizeof buf, _("forward %s z=Wx+b, a=f(z)"), g->arrow_right);
			note = buf;
			break;
		case PHASE_LOSS:
			snprintf(buf, sizeof buf, _("loss: output vs target"));
			note = buf;
			break;
		case PHASE_BACKWARD:
			snprintf(buf, sizeof buf, _("%s backward: dL/dz, dW"), g->arrow_left);
			note = buf;
			break;
		case PHASE_UPDATE:
			if (optim_state_arrays(s->pos.cfg.optimizer) == 0)	/* plain gradient step */
				snprintf(buf, sizeof buf, _("update: W %s W - lr%sdW"), g->arrow_left, g->times);
			else
				snprintf(buf, sizeof buf, _("update (%s): W %s W + %sW"),
				    optim_name(s->pos.cfg.optimizer), g->arrow_left, g->delta);
			note = buf;
			break;
		}
		if (note && r.h > 2 && r.w > 6) {
			char t[200];
			int w = r.w / 2 + 8 < r.w - 4 ? r.w / 2 + 8 : r.w - 4;

			/* On the bottom edge, never over its corners. */
			snprintf(t, sizeof t, " %s ", note);
			canvas_text_cut(c, r.x + 2, r.y + r.h - 1, w, C_PHASE_ACTIVE, 0, t);
		}
	}
}
