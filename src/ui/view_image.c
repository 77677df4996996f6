/*
 * view_image.c: what the panels show when the inputs are a picture
 * (--image HxW): the selected sample as a picture with the class
 * probabilities, the misclassified validation rows and the rows of one
 * confusion-matrix cell as grids of small pictures, and each first-layer
 * neuron's input weights as a signed picture.
 *
 * Pixels are drawn in the units of the data file: the scaler is undone with
 * the training split's offsets and scales, so a digit looks like the digit
 * whatever --scale did to the numbers the network reads.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "picture.h"
#include "util/i18n.h"
#include "view.h"

#define IMAGE_MAX_PIXELS (64 * 64)

/* ----------------------------------------------------------- pixels */

/* Pixel values of a data row as in the file (the scaler undone). */
static void
image_raw(const struct session *s, const double *x, double *out)
{
	const struct prep *pr = s->data->prep;
	int i, n = s->data->ninputs;

	for (i = 0; i < n; i++)
		out[i] = pr && pr->scalev && pr->offset ? x[i] * pr->scalev[i] + pr->offset[i] : x[i];
}

/* The range of pixel values over the training split, as in the file. */
static void
image_range(const struct session *s, double *lo, double *hi)
{
	const struct split *sp = &s->data->train;
	const struct prep *pr = s->data->prep;
	int i, n = s->data->ninputs;
	long r;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (r = 0; r < sp->n; r++)
		for (i = 0; i < n; i++) {
			double v = sp->x[r * n + i];

			if (pr && pr->scalev && pr->offset)
				v = v * pr->scalev[i] + pr->offset[i];
			if (isfinite(v) && v < *lo)
				*lo = v;
			if (isfinite(v) && v > *hi)
				*hi = v;
		}
	if (!(*lo < *hi))
		*lo = 0, *hi = 1;
}

/* Class probabilities of one output row: softmax outputs as they are, a
 * sigmoid output as (1 - p, p). Returns the number of classes. */
static int
image_probs(const struct session *s, const double *out, double *p, int cap)
{
	int k, nout = net_noutputs(s->net);

	if (nout == 1) {
		p[0] = 1 - out[0];
		p[1] = out[0];
		return 2;
	}
	for (k = 0; k < nout && k < cap; k++)
		p[k] = out[k];
	return k;
}

static int
image_argmax(const double *p, int n)
{
	int k, best = 0;

	for (k = 1; k < n; k++)
		if (p[k] > p[best])
			best = k;
	return best;
}

/* The true class of row r of a split. */
static int
image_label(const struct session *s, const struct split *sp, long r)
{
	if (sp->label)
		return sp->label[r];
	return sp->y[r * s->data->noutputs] >= 0.5;
}

/* The predicted class of a probability row, as the metrics decide it. */
static int
image_predicted(const struct session *s, const double *out)
{
	double p[64];
	int n = image_probs(s, out, p, 64);

	if (net_noutputs(s->net) == 1)
		return out[0] >= s->pos.cfg.threshold;
	return image_argmax(p, n);
}

/* ---------------------------------------------------- one sample */

static void
image_bar(const struct panel_ctx *p, struct canvas *c, int x, int y, int w, double f, int role)
{
	const struct glyphs *g = p->g;
	int eighths = (int)lround((f < 0 ? 0 : f > 1 ? 1 : f) * w * 8), i;

	for (i = 0; i < w; i++) {
		int e = eighths - i * 8;

		view_glyph(c, x + i, y, e >= 8 ? g->hbar[8] : e > 0 ? g->hbar[e] : g->bar_empty,
		    e > 0 ? role : C_DIM, 0);
	}
}

static void
image_sample(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct net *n = s->net;
	const struct layer *out = &n->layer[n->nlayers - 1];
	double raw[IMAGE_MAX_PIXELS], pr[64];
	struct picture pic = { raw, s->data->image_h, s->data->image_w, 0, 0, 1 };
	enum picture_size size = PICTURE_BIG;
	long i = p->v->sample, row;
	int cols, rows, x0, y, k, ncls, label, pred, shown, order[64], forwarded;
	char a[32], b[32], line[160];

	if (n->n == 0 || i >= n->n) {
		canvas_text_cut(c, in.x, in.y, in.w, C_DIM, 0,
		    _("No batch yet: step once to see its first picture."));
		return;
	}
	row = session_train_row(s, i);
	image_raw(s, s->data->train.x + row * s->data->ninputs, raw);
	image_range(s, &pic.lo, &pic.hi);
	picture_size(&pic, size, p->mono, &cols, &rows);
	if (rows + 1 > in.h || cols + 24 > in.w) {
		size = PICTURE_SMALL;
		picture_size(&pic, size, p->mono, &cols, &rows);
	}
	/* The longest heading that fits whole. */
	snprintf(line, sizeof line, _("sample %ld/%ld of the batch (data row %ld)"), i + 1, n->n,
	    view_data_row(s, i));
	if (text_width(line, -1) > in.w)
		snprintf(line, sizeof line, _("sample %ld/%ld, data row %ld"), i + 1, n->n,
		    view_data_row(s, i));
	if (text_width(line, -1) > in.w)
		snprintf(line, sizeof line, _("sample %ld/%ld"), i + 1, n->n);
	/* A panel too short for the heading and the picture keeps the picture. */
	y = in.y;
	if (rows + 1 <= in.h)
		canvas_text(c, in.x, y++, in.w, C_DIM, 0, line);
	picture_draw(c, in.x, y, &pic, size, p->mono, p->g);
	x0 = in.x + cols + 2;
	label = image_label(s, &s->data->train, row);
	/* The outputs belong to this batch once its forward pass has run. */
	forwarded = s->pos.phase != PHASE_NONE;
	if (!forwarded) {
		canvas_printf(c, x0, y++, in.x + in.w - x0, C_TITLE, 0, _("label %s"),
		    view_class_name(s, label, a, sizeof a));
		canvas_text_cut(c, x0, y, in.x + in.w - x0, C_DIM, 0,
		    _("predicted: after the forward pass"));
		return;
	}
	ncls = image_probs(s, out->a + i * out->out, pr, 64);
	pred = image_predicted(s, out->a + i * out->out);
	/* Label and prediction on one line when the panel is short. */
	snprintf(line, sizeof line, _("label %s, predicted %s %s"), view_class_name(s, label, a, sizeof a),
	    view_class_name(s, pred, b, sizeof b), pred == label ? p->g->right : p->g->wrong);
	if (in.y + in.h - y < ncls + 3 && text_width(line, -1) <= in.x + in.w - x0) {
		canvas_text(c, x0, y++, in.x + in.w - x0, pred == label ? C_GOOD : C_WARNING, 0, line);
	} else {
		canvas_printf(c, x0, y++, in.x + in.w - x0, C_TITLE, 0, _("label %s"),
		    view_class_name(s, label, a, sizeof a));
		canvas_printf(c, x0, y++, in.x + in.w - x0, pred == label ? C_GOOD : C_WARNING, 0,
		    _("predicted %s %s"), view_class_name(s, pred, a, sizeof a),
		    pred == label ? p->g->right : p->g->wrong);
	}
	/* What the bars are, when there is a row to spare for it. */
	if (in.y + in.h - y >= ncls + 1 || in.y + in.h - y >= 5)
		canvas_text_cut(c, x0, y++, in.x + in.w - x0, C_DIM, 0,
		    s->pos.phase == PHASE_UPDATE ?
		    _("p: this batch's forward pass (weights before the update)") :
		    _("p: this batch's forward pass"));
	/* Classes by probability when they do not all fit, else in order. */
	for (k = 0; k < ncls; k++)
		order[k] = k;
	shown = in.y + in.h - y;
	if (shown < ncls) {
		int m, q;

		for (m = 0; m < ncls; m++)
			for (q = m + 1; q < ncls; q++)
				if (pr[order[q]] > pr[order[m]]) {
					int tmp = order[m];

					order[m] = order[q];
					order[q] = tmp;
				}
	}
	if (shown < ncls && shown >= 2) {
		/* The true class keeps a row even when it is unlikely. */
		for (k = 0; k < shown - 1 && order[k] != label; k++)
			;
		if (k == shown - 1) {
			int at;

			for (at = 0; order[at] != label; at++)
				;
			order[at] = order[shown - 2];
			order[shown - 2] = label;
		}
		/* With one row, the learner checks the label's probability. */
	}
	for (k = 0; k < ncls && y < in.y + in.h; k++, y++) {
		int cls = order[k], bw = in.x + in.w - x0 - 14, w;

		if (shown < ncls && k == shown - 1) {
			canvas_printf(c, x0, y, in.x + in.w - x0, C_DIM, 0, _("+%d more classes"),
			    ncls - k);
			break;
		}
		w = canvas_printf(c, x0, y, 6, cls == label ? C_TITLE : C_DEFAULT, 0, "p(%s)",
		    view_class_name(s, cls, a, sizeof a));
		if (bw > 20)
			bw = 20;
		if (bw >= 3)
			image_bar(p, c, x0 + 7, y, bw, pr[cls], cls == pred ? C_BAR : C_DIM);
		canvas_text(c, x0 + 7 + (bw >= 3 ? bw + 1 : 0), y, -1, C_DEFAULT, 0,
		    view_num(b, sizeof b, pr[cls], 3));
		(void)w;
	}
}

/* ------------------------------------------------- grids of rows */

/* Validation rows (or training rows when there is no validation split)
 * chosen by want(): -1 every mistake, or a confusion cell t*K + p. */
struct image_pick {
	const struct split *sp;
	const double *pred;	/* predictions of the split, nout per row */
	int want;
};

static int
image_picked(const struct session *s, const struct image_pick *k, long r)
{
	int nout = net_noutputs(s->net);
	int label = image_label(s, k->sp, r);
	int pred = image_predicted(s, k->pred + r * nout);
	int ncls = nout == 1 ? 2 : nout;

	if (k->want < 0)
		return pred != label;
	return label * ncls + pred == k->want;
}

/* Draws the picked rows as small pictures, each with "label>predicted"
 * under it; returns how many rows were picked. */
static long
image_grid(const struct panel_ctx *p, struct canvas *c, struct rect g, const struct image_pick *k)
{
	const struct session *s = p->s;
	double raw[IMAGE_MAX_PIXELS];
	struct picture pic = { raw, s->data->image_h, s->data->image_w, 0, 0, 1 };
	int cols, rows, tw, th, per_row, nrows, nout = net_noutputs(s->net);
	long r, picked = 0, drawn = 0, room;
	char a[32], b[32], lab[80];

	image_range(s, &pic.lo, &pic.hi);
	picture_size(&pic, PICTURE_SMALL, p->mono, &cols, &rows);
	tw = cols + 1 > 6 ? cols + 1 : 6;
	th = rows + 1;
	per_row = g.w / tw;
	nrows = g.h / th;
	room = (long)per_row * nrows;
	for (r = 0; r < k->sp->n; r++) {
		int x, y;

		if (!image_picked(s, k, r))
			continue;
		picked++;
		if (drawn >= room)
			continue;
		/* Keep the last tile for "+N more" when rows are left over. */
		x = g.x + (int)(drawn % per_row) * tw;
		y = g.y + (int)(drawn / per_row) * th;
		image_raw(s, k->sp->x + r * s->data->ninputs, raw);
		picture_draw(c, x, y, &pic, PICTURE_SMALL, p->mono, p->g);
		snprintf(lab, sizeof lab, "%s%s%s", view_class_name(s, image_label(s, k->sp, r), a, sizeof a),
		    p->g->unicode ? "\u2192" : ">",
		    view_class_name(s, image_predicted(s, k->pred + r * nout), b, sizeof b));
		canvas_text_cut(c, x, y + rows, tw - 1, C_WARNING, 0, lab);
		drawn++;
	}
	if (picked > drawn && room > 0) {
		/* The last tile says how many were left out. */
		long last = room - 1;
		int x = g.x + (int)(last % per_row) * tw, y = g.y + (int)(last / per_row) * th;

		canvas_fill(c, (struct rect){ x, y, tw, th }, ' ', C_DEFAULT, 0);
		canvas_printf(c, x, y, tw - 1, C_DIM, 0, "+%ld", picked - drawn + 1);
		canvas_text(c, x, y + 1, tw - 1, C_DIM, 0, _("more"));
	}
	return picked;
}

/* The split the grids show: validation, or training when there is none. */
static int
image_split(const struct session *s, const struct split **sp)
{
	if (s->data->val.n > 0) {
		*sp = &s->data->val;
		return 1;
	}
	*sp = &s->data->train;
	return 0;
}

static void
image_mistakes(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct metrics *m = view_data_metrics(p);
	struct image_pick k;
	int which;
	long wrong;
	char line[160];

	if (m == NULL)
		return;
	which = image_split(s, &k.sp);
	k.pred = view_data_predictions(p, which);
	k.want = -1;
	if (k.pred == NULL)
		return;
	wrong = image_grid(p, c, (struct rect){ in.x, in.y + 1, in.w, in.h - 1 }, &k);
	snprintf(line, sizeof line, _("%s mistakes now: %ld of %ld (label%spredicted)"),
	    which ? _("Validation") : _("Training"), wrong, k.sp->n, p->g->unicode ? "\u2192" : ">");
	canvas_text_cut(c, in.x, in.y, in.w, C_TITLE, 0, line);
	if (wrong == 0)
		canvas_text_cut(c, in.x, in.y + 1, in.w, C_GOOD, 0, _("None: every row is right."));
}

/* Confusion cells that hold rows: the mistakes first, the largest first
 * (ties in reading order), then the right answers; returns how many. */
static int
image_cells(const struct metrics *m, int *cell, int cap)
{
	int t, q, n = 0, i, j, K = m->nclasses;

	for (t = 0; t < K; t++)
		for (q = 0; q < K; q++)
			if (m->confusion[t][q] > 0 && n < cap)
				cell[n++] = t * K + q;
	/* Insertion sort: few cells, and it keeps ties in order. */
	for (i = 1; i < n; i++) {
		int c = cell[i], ct = c / K, cq = c % K;

		for (j = i - 1; j >= 0; j--) {
			int d = cell[j], dt = d / K, dq = d % K;
			int cm = ct != cq, dm = dt != dq;

			if (dm > cm || (dm == cm && m->confusion[dt][dq] >= m->confusion[ct][cq]))
				break;
			cell[j + 1] = d;
		}
		cell[j + 1] = c;
	}
	return n;
}

/* Widths of the confusion matrix's label column and of its count columns:
 * the widest class name or count, plus a space. */
static void
image_matrix_widths(const struct session *s, const struct metrics *m, int *lw, int *cw)
{
	char a[32], b[32];
	int y, x;

	*lw = *cw = 2;
	for (y = 0; y < m->nclasses; y++) {
		int nw = text_width(view_class_name(s, y, a, sizeof a), -1);

		*lw = nw + 1 > *lw ? nw + 1 : *lw;
		*cw = nw + 1 > *cw ? nw + 1 : *cw;
		for (x = 0; x < m->nclasses; x++) {
			int n = snprintf(b, sizeof b, "%ld", m->confusion[y][x]) + 1;

			*cw = n > *cw ? n : *cw;
		}
	}
}

int
view_data_cell_at(const struct panel_ctx *p, struct rect r, int x, int y)
{
	const struct session *s = p->s;
	const struct metrics *m;
	int cells[METRICS_MAX_CLASSES * METRICS_MAX_CLASSES];
	struct rect in = rect_inset(r, 1);
	int lw, cw, t, q, n, i;

	if (s->data->image_h <= 0 || p->v->data_view != DATA_VIEW_CONFUSION ||
	    (m = view_data_metrics(p)) == NULL || m->nclasses < 2)
		return -1;
	image_matrix_widths(s, m, &lw, &cw);
	t = y - (in.y + 2);
	q = x - (in.x + lw);
	if (t < 0 || t >= m->nclasses || q < 0 || q / cw >= m->nclasses ||
	    lw + (q / cw + 1) * cw > in.w)
		return -1;
	q /= cw;
	n = image_cells(m, cells, (int)(sizeof cells / sizeof cells[0]));
	for (i = 0; i < n; i++)
		if (cells[i] == t * m->nclasses + q)
			return i;
	return -1;	/* an empty cell */
}

static void
image_confusion(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct metrics *m = view_data_metrics(p);
	int cells[METRICS_MAX_CLASSES * METRICS_MAX_CLASSES];
	int ncells, sel, t, q, K, cw, lw, y, x, which, mw, below;
	struct image_pick k;
	char a[32], b[32], line[160];
	struct rect g;

	if (m == NULL || m->nclasses < 2)
		return;
	K = m->nclasses;
	ncells = image_cells(m, cells, (int)(sizeof cells / sizeof cells[0]));
	if (ncells == 0)
		return;
	sel = ((p->v->cm_cell % ncells) + ncells) % ncells;
	which = image_split(s, &k.sp);
	k.pred = view_data_predictions(p, which);
	k.want = cells[sel];
	if (k.pred == NULL)
		return;
	t = k.want / K;
	q = k.want % K;
	image_matrix_widths(s, m, &lw, &cw);
	mw = lw + K * cw;
	snprintf(line, sizeof line, _("true %s, predicted %s: %ld %s (, . next cell)"),
	    view_class_name(s, t, a, sizeof a), view_class_name(s, q, b, sizeof b), m->confusion[t][q],
	    which ? ngettext("validation row", "validation rows", (unsigned long)m->confusion[t][q]) :
	    ngettext("training row", "training rows", (unsigned long)m->confusion[t][q]));
	canvas_text_cut(c, in.x, in.y, in.w, C_TITLE, 0, line);
	/* The matrix: rows true, columns predicted, the chosen cell reversed. */
	for (x = 0; x < K && lw + (x + 1) * cw <= in.w; x++)
		canvas_printf(c, in.x + lw + x * cw, in.y + 1, cw, C_DIM, 0, "%*s", cw,
		    view_class_name(s, x, a, sizeof a));
	for (y = 0; y < K && 2 + y < in.h; y++) {
		canvas_text_cut(c, in.x, in.y + 2 + y, lw - 1, C_DIM, 0, view_class_name(s, y, a, sizeof a));
		for (x = 0; x < K && lw + (x + 1) * cw <= in.w; x++)
			canvas_printf(c, in.x + lw + x * cw, in.y + 2 + y, cw,
			    x == y ? C_GOOD : m->confusion[y][x] ? C_WARNING : C_DIM,
			    y == t && x == q ? ATTR_REVERSE : 0, "%*ld", cw, m->confusion[y][x]);
	}
	/* The cell's rows: beside the matrix, or under it, where there is room. */
	below = in.h - 2 - K;
	if (in.w - mw - 2 >= 9)
		g = (struct rect){ in.x + mw + 2, in.y + 1, in.w - mw - 2, in.h - 1 };
	else if (below >= 5)
		g = (struct rect){ in.x, in.y + 2 + K, in.w, below };
	else {
		if (below >= 1)
			canvas_text_cut(c, in.x, in.y + 2 + K, in.w, C_DIM, 0,
			    _("z: zoom to see this cell's rows"));
		return;
	}
	image_grid(p, c, g, &k);
}

void
view_data_image(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	/* Pictures never reach the frame, however short the panel. */
	struct rect old = canvas_clip(c, in);

	switch (p->v->data_view) {
	case DATA_VIEW_MISTAKES:
		image_mistakes(p, c, in);
		break;
	case DATA_VIEW_CONFUSION:
		image_confusion(p, c, in);
		break;
	case DATA_VIEW_SAMPLE:
		image_sample(p, c, in);
		break;
	}
	canvas_clip(c, old);
}

const char *
view_data_image_title(const struct panel_ctx *p)
{
	switch (p->v->data_view) {
	case DATA_VIEW_MISTAKES:
		return _("Data: mistakes");
	case DATA_VIEW_CONFUSION:
		return _("Data: confusion matrix");
	case DATA_VIEW_SAMPLE:
		break;
	}
	return _("Data: the sample as a picture");
}

/* ------------------------------------------------ weights as pictures */

/* Appends a part to a line of parts two spaces apart, when it fits in w
 * columns whole. */
static void __attribute__((format(printf, 4, 5)))
image_part(char *line, size_t n, int w, const char *fmt, ...)
{
	char part[128], next[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(part, sizeof part, fmt, ap);
	va_end(ap);
	snprintf(next, sizeof next, "%s%s%s", line, line[0] ? "  " : "", part);
	if (text_width(next, -1) <= w && strlen(next) < n)
		snprintf(line, n, "%s", next);
}

/* Unit j of the first layer's input weights, as a signed picture. */
static void
image_weights_of(const struct session *s, const double *param, int j, struct picture *pic)
{
	const struct layer *L = &s->net->layer[0];

	pic->v = param + L->w_off + (long)j * L->in;
	pic->h = s->data->image_h;
	pic->w = s->data->image_w;
	pic->sign = 1;
	pic->lo = 0;
	pic->hi = picture_max_abs(pic->v, L->in);
}

int
view_image_weights(const struct panel_ctx *p, struct canvas *c, int x, int y, int j)
{
	const struct session *s = p->s;
	struct picture pic;
	int cols, rows;
	char b[32];

	image_weights_of(s, s->net->param, j, &pic);
	picture_size(&pic, PICTURE_BIG, p->mono, &cols, &rows);
	canvas_text(c, x, y, cols, C_DIM, 0, _("weights"));
	picture_draw(c, x, y + 1, &pic, PICTURE_BIG, p->mono, p->g);
	canvas_printf(c, x, y + 1 + rows, cols, C_DIM, 0, "%s%s", p->g->unicode ? "\u00b1" : "+-",
	    view_num(b, sizeof b, pic.hi, 2));
	return cols;
}

/* Where the first-layer pictures go in the network panel's inside: tile
 * sizes, tiles per row, rows of tiles, and the first unit shown (scrolled by
 * whole rows so that the selected unit is in view). */
static void
image_grid_geometry(const struct panel_ctx *p, struct rect in, int *cols, int *rows, int *tw,
    int *th, int *per_row, int *nrows, int *first, int *tight)
{
	const struct session *s = p->s;
	struct picture pic = { NULL, s->data->image_h, s->data->image_w, 1, 0, 1 };
	int sel = p->v->layer == 1 ? p->v->unit : -1;

	picture_size(&pic, PICTURE_SMALL, p->mono, cols, rows);
	*tw = *cols + 2;
	*th = *rows + 1;
	*per_row = in.w / *tw;
	*nrows = (in.h - 2) / *th;
	/* Too short for a row with its numbers: one row of pictures alone. */
	*tight = *nrows < 1 && in.h - 1 >= *rows;
	if (*tight)
		*nrows = 1;
	*first = 0;
	if (*per_row >= 1 && *nrows >= 1 && sel >= 0 && sel / *per_row >= *nrows)
		*first = (sel / *per_row - *nrows + 1) * *per_row;
}

int
view_network_picture_at(const struct panel_ctx *p, struct rect in, int x, int y)
{
	int cols, rows, tw, th, per_row, nrows, first, cx, cy, j, tight;

	image_grid_geometry(p, in, &cols, &rows, &tw, &th, &per_row, &nrows, &first, &tight);
	if (per_row < 1 || nrows < 1 || x < in.x || y < in.y + 1)
		return -1;
	cx = (x - in.x) / tw;
	cy = (y - in.y - 1) / th;
	if (cx >= per_row || cy >= nrows || (x - in.x) % tw >= cols)
		return -1;
	j = first + cy * per_row + cx;
	return j < p->s->net->layer[0].out ? j : -1;
}

void
view_network_pictures(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct layer *L = &s->net->layer[0];
	struct picture pic;
	int cols, rows, tw, th, per_row, nrows, j, first, sel, tight;
	char line[200];
	struct rect old;

	image_weights_of(s, s->net->param, 0, &pic);
	image_grid_geometry(p, in, &cols, &rows, &tw, &th, &per_row, &nrows, &first, &tight);
	if (p->mono)
		snprintf(line, sizeof line, _("h1 %s: %s %s positive, %s %s negative"),
		    act_name(L->act), p->g->wpos[0], p->g->wpos[2], p->g->wneg[0], p->g->wneg[2]);
	else
		snprintf(line, sizeof line, _("h1 %s weights: blue +, orange -"), act_name(L->act));
	canvas_text_cut(c, in.x, in.y, in.w, C_DIM, 0, line);
	if (per_row < 1 || nrows < 1)
		return;
	sel = p->v->layer == 1 ? p->v->unit : -1;
	old = canvas_clip(c, in);
	for (j = first; j < L->out && (j - first) / per_row < nrows; j++) {
		int x = in.x + ((j - first) % per_row) * tw, y = in.y + 1 + ((j - first) / per_row) * th;

		image_weights_of(s, s->net->param, j, &pic);
		picture_draw(c, x, y, &pic, PICTURE_SMALL, p->mono, p->g);
		if (tight)
			continue;
		canvas_printf(c, x, y + rows, tw - 1, j == sel ? C_CURSOR : C_DIM, 0, "%d", j + 1);
		if (session_unit_dead(s, 0, j))
			canvas_text(c, x + cols - 1, y + rows, 1, C_DEAD_UNIT, 0, p->g->dead);
	}
	canvas_clip(c, old);
	if (tight && in.h - 1 < rows + 1)
		return;	/* no row left for the summary line */
	/* What the pictures say, in one line: scroll position, smoothness; a
	 * part that does not fit is left out whole. */
	line[0] = '\0';
	if (j < L->out || first > 0)
		image_part(line, sizeof line, in.w, _("units %d-%d of %d"), first + 1, j, L->out);
	else
		image_part(line, sizeof line, in.w, _("%s dead"), p->g->dead);
	image_part(line, sizeof line, in.w, _("roughness %.2f"),
	    net_weight_roughness(s->net, pic.h, pic.w));
	image_part(line, sizeof line, in.w, "%s", _("(1 = noise)"));
	image_part(line, sizeof line, in.w, "%s", _("w: diagram"));
	canvas_text(c, in.x, in.y + in.h - 1, in.w, C_DIM, 0, line);
}
