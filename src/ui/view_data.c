/*
 * view_data.c: what the network predicts. For two inputs, the decision
 * regions over the input plane (the network evaluated on a grid) with the
 * training and validation points; otherwise the validation metrics and the
 * confusion matrix.
 *
 * Both need the network evaluated outside the batch. The session is only
 * read: the evaluation runs in buffers of the view cache (net_evaluate_in,
 * session_evaluate_in), which also keeps the results per session position.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

/* ------------------------------------------------------------ the grid */

void
view_data_range(const struct session *s, double lo[2], double hi[2])
{
	const struct split *sp[2] = { &s->data->train, &s->data->val };
	int k, d;
	long i;

	lo[0] = lo[1] = INFINITY;
	hi[0] = hi[1] = -INFINITY;
	for (k = 0; k < 2; k++)
		for (i = 0; i < sp[k]->n; i++)
			for (d = 0; d < 2; d++) {
				double v = sp[k]->x[i * 2 + d];

				if (!isfinite(v))
					continue;
				if (v < lo[d])
					lo[d] = v;
				if (v > hi[d])
					hi[d] = v;
			}
	for (d = 0; d < 2; d++) {
		double pad;

		if (!(lo[d] <= hi[d]))
			lo[d] = -1, hi[d] = 1;
		pad = (hi[d] - lo[d]) * 0.05;
		if (pad <= 0)
			pad = 0.5;
		lo[d] -= pad;
		hi[d] += pad;
	}
}

/* Makes sure the cache holds predictions for a w x h grid at this position. */
static int
data_grid(const struct panel_ctx *p, int w, int h)
{
	const struct session *s = p->s;
	struct view_cache *vc = p->cache;
	long rows = (long)w * h, i;
	int x, y, nout = net_noutputs(s->net);

	if (vc == NULL)
		return -1;
	if (vc->grid_valid && vc->grid_s == s && vc->grid_pc == s->pos.phase_count &&
	    vc->grid_w == w && vc->grid_h == h &&
	    session_config_equal(&vc->grid_cfg, &s->pos.cfg))
		return 0;
	if (rows > vc->grid_cap) {
		double *gx = realloc(vc->grid_x, (size_t)rows * 2 * sizeof(double));

		if (gx == NULL)
			return -1;
		vc->grid_x = gx;
		vc->grid_cap = rows;
	}
	if (rows * nout > vc->grid_pcap) {
		double *gp = realloc(vc->grid_p, (size_t)rows * (size_t)nout * sizeof(double));

		if (gp == NULL)
			return -1;
		vc->grid_p = gp;
		vc->grid_pcap = rows * nout;
	}
	if (net_scratch_fit(&vc->grid_eval, s->net) != 0)
		return -1;
	if (vc->grid_s != s || !vc->grid_valid)
		view_data_range(s, vc->lo, vc->hi);
	for (y = 0, i = 0; y < h; y++)
		for (x = 0; x < w; x++, i++) {
			vc->grid_x[i * 2] = vc->lo[0] + (x + 0.5) / w * (vc->hi[0] - vc->lo[0]);
			vc->grid_x[i * 2 + 1] = vc->hi[1] - (y + 0.5) / h * (vc->hi[1] - vc->lo[1]);
		}
	net_evaluate_in(s->net, &vc->grid_eval, vc->grid_x, NULL, NULL, rows, vc->grid_p);
	vc->grid_s = s;
	vc->grid_pc = s->pos.phase_count;
	vc->grid_cfg = s->pos.cfg;
	vc->grid_w = w;
	vc->grid_h = h;
	vc->grid_valid = 1;
	return 0;
}

/* Where the confidence levels start, as a share of the way from the
 * boundary (0) to certainty (1): 4 shades per class. */
static const double data_level_at[SHADE_LEVELS] = { 0, 0.2, 0.5, 0.8 };

static int
data_level(double f)
{
	int l = SHADE_LEVELS - 1;

	while (l > 0 && f < data_level_at[l])
		l--;
	return l;
}

/*
 * Class and confidence level of one prediction. Binary: the class by the
 * threshold t, the level by how far p lies from t towards 0 or 1. Several
 * classes: the likeliest one, the level by how far its probability lies
 * from a tie of all (1/K) towards 1.
 */
static void
data_class(const struct session *s, const double *pr, int nout, int *cls, int *level)
{
	double t = s->pos.cfg.threshold, f;
	int k, best = 0;

	if (nout == 1) {
		*cls = pr[0] >= t;
		f = *cls ? (t < 1 ? (pr[0] - t) / (1 - t) : 1) : (t > 0 ? (t - pr[0]) / t : 1);
		*level = data_level(f);
		return;
	}
	for (k = 1; k < nout; k++)
		if (pr[k] > pr[best])
			best = k;
	*cls = best;
	*level = data_level((pr[best] - 1.0 / nout) / (1 - 1.0 / nout));
}

/* The probability where level l of a class begins (binary: of class 1
 * above t, of class 0 below t; several classes: of the likeliest). */
static double
data_level_p(const struct session *s, int nout, int cls, int l)
{
	double t = s->pos.cfg.threshold, f = data_level_at[l];

	if (nout > 1)
		return 1.0 / nout + f * (1 - 1.0 / nout);
	return cls ? t + f * (1 - t) : t - f * t;
}

/* "0.25" -> ".25": legends are short. */
static const char *
data_short(char *buf, size_t n, double v)
{
	char tmp[32];

	snprintf(tmp, sizeof tmp, "%.2g", v);
	snprintf(buf, n, "%s", tmp[0] == '0' && tmp[1] == '.' ? tmp + 1 : tmp);
	return buf;
}

/*
 * The shading legend on row y: each shade with the probability where it
 * begins. Binary: class 0 from sure to unsure, the boundary mark with the
 * threshold, class 1 from unsure to sure. Several classes: the top
 * probability of each shade. When all do not fit, the unsure shades (blank
 * glyphs) are left out.
 */
static void
data_shade_legend(const struct panel_ctx *p, struct canvas *c, int x, int y, int w)
{
	const struct session *s = p->s;
	int nout = net_noutputs(s->net), l, n, i, first, width;
	const char *swatch[2 * SHADE_LEVELS + 2];
	char label[2 * SHADE_LEVELS + 2][32];
	int role[2 * SHADE_LEVELS + 2];

	/* Each entry: a swatch of two cells, then its number. The unsure shades
	 * (blank glyphs) are the gap between the others. */
	for (first = 1; first < 3; first++) {
		n = 0;
		if (nout == 1) {
			for (l = SHADE_LEVELS - 1; l >= first; l--, n++) {
				swatch[n] = p->g->shade[0][l];
				role[n] = C_SHADE(0, l);
				data_short(label[n], sizeof label[n], data_level_p(s, 1, 0, l));
			}
			swatch[n] = p->g->boundary;
			role[n] = C_BOUNDARY;
			data_short(label[n], sizeof label[n], s->pos.cfg.threshold);
			n++;
			for (l = first; l < SHADE_LEVELS; l++, n++) {
				swatch[n] = p->g->shade[1][l];
				role[n] = C_SHADE(1, l);
				data_short(label[n], sizeof label[n], data_level_p(s, 1, 1, l));
			}
		} else
			for (l = first; l < SHADE_LEVELS; l++, n++) {
				swatch[n] = p->g->shade[0][l];
				role[n] = C_SHADE(0, l);
				data_short(label[n], sizeof label[n], data_level_p(s, nout, 0, l));
			}
		for (i = 0, width = 4; i < n; i++)
			width += 2 + text_width(label[i], -1) + 1;
		if (width - 1 <= w)
			break;
	}
	if (first == 3)
		return;
	x += canvas_text(c, x, y, -1, C_DIM, 0, nout == 1 ? "p " : "top ");
	for (i = 0; i < n; i++) {
		x += view_glyph(c, x, y, swatch[i], role[i], 0);
		x += view_glyph(c, x, y, swatch[i], role[i], 0);
		x += canvas_text(c, x, y, -1, C_DIM, 0, label[i]) + 1;
	}
}

static void
data_points(const struct panel_ctx *p, struct canvas *c, struct rect g, const struct split *sp,
    int val)
{
	const struct session *s = p->s;
	const struct view_cache *vc = p->cache;
	long i;

	for (i = 0; i < sp->n; i++) {
		double fx = (sp->x[i * 2] - vc->lo[0]) / (vc->hi[0] - vc->lo[0]);
		double fy = (vc->hi[1] - sp->x[i * 2 + 1]) / (vc->hi[1] - vc->lo[1]);
		int x = (int)(fx * g.w), y = (int)(fy * g.h), k;

		if (x < 0 || y < 0 || x >= g.w || y >= g.h)
			continue;
		if (s->data->task == TASK_REGRESS)
			k = sp->y[i * s->data->noutputs] >= 0 ? 1 : 0;
		else
			k = sp->label ? sp->label[i] % 4 : (sp->y[i] >= 0.5);
		view_glyph(c, g.x + x, g.y + y, val ? p->g->vpoint[k] : p->g->point[k], C_CLASS0 + k,
		    0);
	}
}


static int data_big_neuron(const struct panel_ctx *p);

/* The cursor that adds and removes training points, when the panel has
 * the focus: a cell drawn in the paint class's colour. */
static void
data_cursor(const struct panel_ctx *p, struct canvas *c, struct rect g)
{
	const struct view_cache *vc = p->cache;
	const struct ui_view_state *v = p->v;
	double cx, cy;
	int x, y;

	if (!p->focused || vc == NULL || p->s->data->task == TASK_REGRESS)
		return;
	cx = v->paint_set ? v->paint[0] : (vc->lo[0] + vc->hi[0]) / 2;
	cy = v->paint_set ? v->paint[1] : (vc->lo[1] + vc->hi[1]) / 2;
	x = (int)((cx - vc->lo[0]) / (vc->hi[0] - vc->lo[0]) * g.w);
	y = (int)((vc->hi[1] - cy) / (vc->hi[1] - vc->lo[1]) * g.h);
	if (x < 0 || y < 0 || x >= g.w || y >= g.h)
		return;
	view_glyph(c, g.x + x, g.y + y, "@", C_CLASS0 + v->paint_class % 4, ATTR_REVERSE);
}

int
view_data_plane_at(const struct panel_ctx *p, struct rect r, int x, int y, double xy[2],
    double cell[2])
{
	const struct session *s = p->s;
	const struct view_cache *vc = p->cache;
	struct rect in = rect_inset(r, 1);
	struct rect g = { in.x, in.y, in.w, in.h - (s->data->task == TASK_REGRESS ? 1 : 2) };

	if (s->data->ninputs != 2 || s->data->image_h > 0 || data_big_neuron(p) || vc == NULL ||
	    !vc->grid_valid || vc->grid_s != s || g.w < 1 || g.h < 2)
		return -1;
	if (x < g.x || y < g.y || x >= g.x + g.w || y >= g.y + g.h)
		return -1;
	cell[0] = (vc->hi[0] - vc->lo[0]) / g.w;
	cell[1] = (vc->hi[1] - vc->lo[1]) / g.h;
	xy[0] = vc->lo[0] + (x - g.x + 0.5) * cell[0];
	xy[1] = vc->hi[1] - (y - g.y + 0.5) * cell[1];
	return 0;
}

/*
 * The points' legend in at most w columns: which glyph is which class, the
 * training glyph then the validation one ("o/O 0  x/X 1  +/# 2 (v)"),
 * every class when they fit, else "+N more". Glyphs repeat after four
 * classes, which the list then shows ("o/O 0 ... o/O 4").
 */
static void
data_point_legend(const struct panel_ctx *p, char *buf, size_t n, int w)
{
	const struct session *s = p->s;
	int k, ncls = s->data->noutputs > 2 ? s->data->noutputs : 2;
	size_t len;
	char name[40], item[96], tail[64];

	snprintf(tail, sizeof tail, "%s", p->v->hide_val ? _("  val hidden (V)") : " (V)");
	len = (size_t)snprintf(buf, n, "%s", _("train/val"));
	for (k = 0; k < ncls && len < n; k++) {
		char more[32];

		snprintf(item, sizeof item, "  %s/%s %s", p->g->point[k % 4], p->g->vpoint[k % 4],
		    view_class_name(s, k, name, sizeof name));
		snprintf(more, sizeof more, _("  +%d more"), ncls - k);
		/* Room for this class and, if any follow, for "+N more". */
		if (text_width(buf, -1) + text_width(item, -1) + text_width(tail, -1) +
		    (k + 1 < ncls ? text_width(more, -1) : 0) > w) {
			len += (size_t)snprintf(buf + len, n - len, "%s", more);
			break;
		}
		len += (size_t)snprintf(buf + len, n - len, "%s", item);
	}
	if (len < n)
		snprintf(buf + len, n - len, "%s", tail);
}

static void
data_heatmap(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct view_cache *vc = p->cache;
	int legend = s->data->task == TASK_REGRESS ? 1 : 2;
	struct rect g = { in.x, in.y, in.w, in.h - legend };
	int nout = net_noutputs(s->net), x, y, cls, level;
	double mn = INFINITY, mx = -INFINITY;
	long i, rows;
	char buf[160], a[32];
	const struct epoch_record *e;
	unsigned char *cl;

	if (g.h < 2 || data_grid(p, g.w, g.h) != 0)
		return;
	rows = (long)g.w * g.h;
	if (s->data->task == TASK_REGRESS)
		for (i = 0; i < rows; i++) {
			if (vc->grid_p[i * nout] < mn)
				mn = vc->grid_p[i * nout];
			if (vc->grid_p[i * nout] > mx)
				mx = vc->grid_p[i * nout];
		}
	cl = malloc((size_t)rows);
	for (y = 0, i = 0; y < g.h; y++)
		for (x = 0; x < g.w; x++, i++) {
			if (s->data->task == TASK_REGRESS) {
				double f = mx > mn ? (vc->grid_p[i * nout] - mn) / (mx - mn) : 0;
				int m = (int)(f * 4.999);

				view_glyph(c, g.x + x, g.y + y, p->g->ramp[m < 0 ? 0 : m > 4 ? 4 : m],
				    C_POSITIVE_ACT, 0);
				continue;
			}
			data_class(s, vc->grid_p + i * nout, nout, &cls, &level);
			if (cl)
				cl[i] = (unsigned char)cls;
			cls %= 4;
			view_glyph(c, g.x + x, g.y + y, p->g->shade[cls][level], C_SHADE(cls, level), 0);
		}
	/* The boundary: cells whose class differs from the next cell's. */
	for (y = 0; cl && s->data->task != TASK_REGRESS && y < g.h; y++)
		for (x = 0; x < g.w; x++) {
			i = (long)y * g.w + x;
			if ((x + 1 < g.w && cl[i] != cl[i + 1]) || (y + 1 < g.h && cl[i] != cl[i + g.w]))
				view_glyph(c, g.x + x, g.y + y, p->g->boundary, C_BOUNDARY, 0);
		}
	free(cl);
	data_points(p, c, g, &s->data->train, 0);
	if (!p->v->hide_val)
		data_points(p, c, g, &s->data->val, 1);
	data_cursor(p, c, g);
	/* Legend: the shades, then the points. */
	y = in.y + in.h - 1;
	if (legend == 2)
		data_shade_legend(p, c, in.x, y - 1, in.w);
	e = s->pos.nepochs > 0 ? &s->epochs[s->pos.nepochs - 1] : NULL;
	if (s->data->task == TASK_REGRESS)
		snprintf(buf, sizeof buf, _("shade: prediction  o train  O val"));
	else
		data_point_legend(p, buf, sizeof buf, in.w);
	x = canvas_text_cut(c, in.x, y, in.w, C_DIM, 0, buf);
	if (e && !isnan(e->val_accuracy) && s->data->task != TASK_REGRESS) {
		snprintf(buf, sizeof buf, _("  val acc %s"), view_num(a, sizeof a, e->val_accuracy, 3));
		if (x + text_width(buf, -1) <= in.w)
			canvas_text(c, in.x + in.w - text_width(buf, -1), y, -1, C_STATUS_KEY, 0, buf);
	}
}

/* ------------------------------------------------------- one neuron */

/* The data panel shows a neuron's map (chosen in the neurons panel). */
static int
data_big_neuron(const struct panel_ctx *p)
{
	const struct session *s = p->s;
	const struct ui_view_state *v = p->v;

	return s->data->ninputs == 2 && v->big_layer >= 1 && v->big_layer <= s->net->nlayers &&
	    v->big_unit >= 0 && v->big_unit < s->net->layer[v->big_layer - 1].out;
}

/* The neuron's activation over the plane, large, with the points on it. */
static void
data_neuron_view(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct ui_view_state *v = p->v;
	struct rect g = { in.x, in.y, in.w, in.h - 1 };
	int l = v->big_layer - 1;
	char name[32], buf[200];

	view_neuron_map(p, c, g, l, v->big_unit);
	if (p->cache) {
		view_data_range(s, p->cache->lo, p->cache->hi);
		data_points(p, c, g, &s->data->train, 0);
		if (!v->hide_val)
			data_points(p, c, g, &s->data->val, 1);
	}
	if (l == s->net->nlayers - 1)
		snprintf(name, sizeof name, _("output"));
	else
		snprintf(name, sizeof name, "h%d", l + 1);
	snprintf(buf, sizeof buf, _("neuron %d of %s (%s): blue a>0, orange a<0; enter: regions"),
	    v->big_unit + 1, name, act_name(s->net->layer[l].act));
	canvas_text_cut(c, in.x, in.y + in.h - 1, in.w, C_DIM, 0, buf);
}

/* ------------------------------------------------------------ metrics */

const struct metrics *
view_data_metrics(const struct panel_ctx *p)
{
	const struct session *s = p->s;
	struct view_cache *vc = p->cache;
	int split = s->data->val.n > 0 ? 1 : 0;

	if (vc == NULL)
		return NULL;
	if (vc->m_valid && vc->m_s == s && vc->m_pc == s->pos.phase_count &&
	    session_config_equal(&vc->m_cfg, &s->pos.cfg))
		return &vc->m;
	if (session_eval_scratch_fit(s, split, &vc->m_eval) != 0)
		return NULL;
	session_evaluate_in(s, split, &vc->m_eval, &vc->m);
	vc->m_s = s;
	vc->m_pc = s->pos.phase_count;
	vc->m_cfg = s->pos.cfg;
	vc->m_split = split;
	vc->m_valid = 1;
	return &vc->m;
}

const double *
view_data_predictions(const struct panel_ctx *p, int split)
{
	const struct view_cache *vc = p->cache;

	if (view_data_metrics(p) == NULL || vc->m_split != split)
		return NULL;
	return vc->m_eval.pred;
}

/* A figure with 3 significant digits, or "n/a" when it is undefined. */
static const char *
data_metric(char *buf, size_t n, const struct metrics *m, const char *which, double v)
{
	if (metrics_undefined_reason(m, which) == NULL)
		return view_num(buf, n, v, 3);
	snprintf(buf, n, "n/a");
	return buf;
}

const char *
view_class_name(const struct session *s, int k, char *buf, size_t n)
{
	const struct prep *pr = s->data->prep;

	if (pr && pr->classes && k >= 0 && k < pr->nclasses && pr->classes[k])
		snprintf(buf, n, "%s", pr->classes[k]);
	else
		snprintf(buf, n, "%d", k);
	return buf;
}

/*
 * The confusion matrix in r, rows true, columns predicted. Every column is
 * as wide as its widest figure or class name, names and counts right-aligned
 * alike. When not all fit, the last column and row that fit say how many
 * are left out ("+3"), so a cut matrix never passes for a whole one.
 */
static void
data_confusion(const struct panel_ctx *p, struct canvas *c, const struct metrics *m,
    struct rect r)
{
	const struct session *s = p->s;
	int ncls = m->nclasses, k, j, cw = 2, lw = text_width(_("true\\pred"), -1), cols, rows, x;
	char a[40], b[40];

	for (k = 0; k < ncls; k++) {
		int nw = text_width(view_class_name(s, k, a, sizeof a), -1);

		if (nw + 1 > lw)
			lw = nw + 1 > 10 ? 10 : nw + 1;
		if (nw > cw)
			cw = nw > 8 ? 8 : nw;
		for (j = 0; j < ncls; j++) {
			int dw = snprintf(b, sizeof b, "%ld", m->confusion[k][j]);

			if (dw > cw)
				cw = dw;
		}
	}
	cw++;	/* a blank between columns */
	cols = (r.w - lw) / cw;
	rows = r.h - 1;
	if (cols < 1 || rows < 1)
		return;
	if (cols < ncls)
		cols--;	/* one column says how many are left out */
	if (rows < ncls)
		rows--;
	if (cols > ncls)
		cols = ncls;
	if (rows > ncls)
		rows = ncls;
	canvas_text(c, r.x, r.y, lw, C_DIM, 0, _("true\\pred"));
	for (j = 0; j < cols; j++) {
		view_class_name(s, j, a, sizeof a);
		x = r.x + lw + (j + 1) * cw - text_width(a, -1);
		canvas_text_cut(c, x < r.x + lw + j * cw + 1 ? r.x + lw + j * cw + 1 : x, r.y, cw - 1,
		    C_TITLE, 0, a);
	}
	if (cols < ncls) {
		snprintf(a, sizeof a, "+%d", ncls - cols);
		canvas_text(c, r.x + lw + cols * cw + 1, r.y, -1, C_WARNING, 0, a);
	}
	for (k = 0; k < rows; k++) {
		canvas_text_cut(c, r.x, r.y + 1 + k, lw - 1, C_TITLE, 0,
		    view_class_name(s, k, a, sizeof a));
		for (j = 0; j < cols; j++) {
			snprintf(b, sizeof b, "%*ld", cw, m->confusion[k][j]);
			canvas_text(c, r.x + lw + j * cw, r.y + 1 + k, cw, j == k ? C_GOOD :
			    m->confusion[k][j] ? C_WARNING : C_DIM, 0, b);
		}
	}
	if (rows < ncls)
		canvas_printf(c, r.x, r.y + 1 + rows, r.w, C_WARNING, 0, _("+%d more rows"),
		    ncls - rows);
}

static void
data_metrics_view(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct metrics *m = view_data_metrics(p);
	struct tw t;
	char a[32], b[32], d[32], e[32];
	int k, ncls, y;

	if (m == NULL)
		return;
	tw_init(&t, c, in, p->v->scroll[P_DATA]);
	tw_printf(&t, C_TITLE, _("%s split, %ld rows"), p->cache->m_split ? _("Validation") : _("Training"),
	    m->n);
	tw_printf(&t, C_DIM, _(", weights of now"));
	tw_nl(&t);
	tw_printf(&t, C_DEFAULT, _("loss %s"), view_num(a, sizeof a, m->loss, 4));
	tw_nl(&t);
	if (s->data->task == TASK_REGRESS) {
		tw_printf(&t, C_DEFAULT, "MSE %s  MAE %s  R%s %s", view_num(a, sizeof a, m->mse, 4),
		    view_num(b, sizeof b, m->mae, 4), p->g->unicode ? "\u00b2" : "^2",
		    view_num(d, sizeof d, m->r2, 4));
		tw_nl(&t);
		return;
	}
	tw_printf(&t, C_DEFAULT, _("accuracy %s"), view_num(a, sizeof a, m->accuracy, 3));
	tw_printf(&t, C_DIM, _("  (always the majority class: %s)"),
	    view_num(b, sizeof b, m->baseline_accuracy, 3));
	tw_nl(&t);
	tw_printf(&t, C_DEFAULT, _("precision %s  recall %s  F1 %s  AUC %s"),
	    data_metric(a, sizeof a, m, "precision", m->precision),
	    data_metric(b, sizeof b, m, "recall", m->recall),
	    data_metric(d, sizeof d, m, "f1", m->f1), data_metric(e, sizeof e, m, "auc", m->auc));
	if (s->data->task == TASK_BINARY)
		tw_printf(&t, C_DIM, _("  threshold %s"), view_num(a, sizeof a, m->threshold, 3));
	tw_nl(&t);
	for (k = 0; k < 4; k++) {
		static const char *const keys[4] = { "precision", "recall", "f1", "auc" };
		static const char *const shown[4] = { N_("precision"), N_("recall"), "F1", "AUC" };
		const char *why = metrics_undefined_reason(m, keys[k]);

		if (why) {
			tw_printf(&t, C_DIM, _("%s n/a: %s"), _(shown[k]), _(why));
			tw_nl(&t);
		}
	}
	if (m->accuracy > 0 && m->accuracy <= m->baseline_accuracy + 1e-12) {
		tw_text(&t, C_WARNING, 0, _("No better than always guessing the majority class: "
		    "look at recall."));
		tw_nl(&t);
	}
	/* Confusion matrix: rows true, columns predicted. */
	ncls = m->nclasses;
	if (ncls < 2 || tw_full(&t))
		return;
	y = in.y + tw_lines(&t) - t.skip;
	if (y >= in.y + in.h - 1)
		return;
	data_confusion(p, c, m, (struct rect){ in.x, y, in.w, in.y + in.h - y });
}

void
view_data(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	struct rect in;
	char extra[64];

	if (s->data->image_h > 0 && s->data->task != TASK_REGRESS) {
		snprintf(extra, sizeof extra, _("%dx%d picture  v: view"), s->data->image_h,
		    s->data->image_w);
		in = view_box(p, c, r, view_data_image_title(p), extra);
		if (in.w >= 6 && in.h >= 2)
			view_data_image(p, c, in);
		return;
	}
	if (s->data->ninputs == 2)
		snprintf(extra, sizeof extra, "x1 %s  x2 %s", p->g->arrow_right, p->g->up);
	else
		snprintf(extra, sizeof extra, _("%d inputs"), s->data->ninputs);
	if (data_big_neuron(p)) {
		in = view_box(p, c, r, _("Data: one neuron"), extra);
		if (in.w >= 6 && in.h >= 3)
			data_neuron_view(p, c, in);
		return;
	}
	in = view_box(p, c, r, s->data->ninputs == 2 ? _("Data: decision regions") : _("Data: metrics"),
	    extra);
	if (in.w < 6 || in.h < 2)
		return;
	if (s->data->ninputs == 2)
		data_heatmap(p, c, in);
	else
		data_metrics_view(p, c, in);
}
