/*
 * view_lr.c: two panels that judge the training set-up.
 *
 * "lr": the learning rate, seen. Along the current batch's gradient g, the
 * loss L(w - alpha g) on a log grid of alpha from lr/100 to lr x 100, with a
 * mark where this step's lr lands: a mark past the bottom of the curve is an
 * overshoot. Below it the LR range test, once run (g key): the loss against
 * an exponentially growing lr from a copy of the state, and its suggestion.
 *
 * "checks": the sanity checks of the current settings (K key), a verdict
 * each, as `nnstep check` prints them.
 *
 * Like the decision boundary, the line writes only the network's evaluation
 * scratch, moving the weights and putting them back exactly.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "engine/checks.h"
#include "util/i18n.h"
#include "view.h"

#define LR_PLOT_MAX 160		/* columns of the line at most */

/* Row of loss v in a plot of h rows over [lo, hi] (0 = top). */
static int
lr_row(double v, double lo, double hi, int h)
{
	double f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
	int y = (int)lround((1 - f) * (h - 1));

	return y < 0 ? 0 : y >= h ? h - 1 : y;
}

/* A curve of n points (x from 0 to n-1) in rows [y0, y0+h) of columns
 * [x0, x0+n): one mark per column; NaN and infinite points are left out. */
static void
lr_curve(const struct panel_ctx *p, struct canvas *c, int x0, int y0, int h,
    const double *v, int n, double lo, double hi, int role)
{
	int i;

	for (i = 0; i < n; i++)
		if (isfinite(v[i]))
			view_glyph(c, x0 + i, y0 + (isfinite(v[i]) && v[i] > hi ? 0 :
			    lr_row(v[i], lo, hi, h)), p->g->point[0], role, 0);
}

static void
lr_range(const double *v, int n, double *lo, double *hi)
{
	int i;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (i = 0; i < n; i++) {
		if (!isfinite(v[i]))
			continue;
		*lo = fmin(*lo, v[i]);
		*hi = fmax(*hi, v[i]);
	}
}

void
view_lr(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	const struct ui_view_state *v = p->v;
	double alpha[LR_PLOT_MAX], loss[LR_PLOT_MAX], lo, hi, base = s->net->batch_loss;
	double lr = s->pos.cfg.lr, best = INFINITY, best_a = NAN, at_lr = NAN;
	int n, i, h, mark = 0, y;
	struct rect in;
	char a1[32], a2[32], a3[32], a4[32], a5[32];

	in = view_box(p, c, r, _("Learning rate"), _("g: range test"));
	if (in.w < 20 || in.h < 3)
		return;
	n = in.w < LR_PLOT_MAX ? in.w : LR_PLOT_MAX;
	if (n % 2 == 0)
		n--;	/* odd: the middle column is exactly this step's lr */
	n = lr_line(s, alpha, loss, n);
	y = in.y;
	if (n == 0) {
		canvas_printf(c, in.x, y++, in.w, C_DIM, 0, _("The loss along the gradient needs a "
		    "gradient: step to the backward phase (%s)."), view_step_key(p));
	} else {
		for (i = 0; i < n; i++) {
			if (loss[i] < best) {
				best = loss[i];
				best_a = alpha[i];
			}
		}
		mark = n / 2;
		at_lr = loss[mark];
		canvas_printf(c, in.x, y++, in.w, C_DIM, 0, _("L(w - %s g) on this batch, %s = lr/100 "
		    "... lr%s100"), "a", "a", p->g->times);
		h = in.h - (v->lrf_n > 0 ? 8 : 4);
		if (h > 12)
			h = 12;
		if (h >= 3) {
			lr_range(loss, n, &lo, &hi);
			lo = fmin(lo, base);
			hi = fmin(fmax(hi, base), 3 * fmax(base, 1e-12));
			for (i = 0; i < h; i++)
				view_glyph(c, in.x + mark, y + i, p->g->box[1], C_UPDATE, 0);
			canvas_hline(c, in.x, y + lr_row(base, lo, hi, h), n, '-', C_DIM);
			lr_curve(p, c, in.x, y, h, loss, n, lo, hi, C_GRADIENT);
			y += h;
			canvas_printf(c, in.x, y, in.w, C_DIM, 0, "%s", view_num(a1, sizeof a1,
			    alpha[0], 2));
			canvas_printf(c, in.x + mark - 1, y, in.w - mark, C_UPDATE, 0, "lr %s",
			    view_num(a1, sizeof a1, lr, 3));
			y++;
		}
		canvas_printf(c, in.x, y++, in.w, C_DEFAULT, 0, _("this step: loss %s %s %s at lr "
		    "%s; lowest %s at %s = %s"), view_num(a1, sizeof a1, base, 4), p->g->arrow_right,
		    view_num(a2, sizeof a2, at_lr, 4), view_num(a3, sizeof a3, lr, 3),
		    view_num(a4, sizeof a4, best, 4), "a", view_num(a5, sizeof a5, best_a, 3));
		if (at_lr > base)
			canvas_text(c, in.x, y++, in.w, C_WARNING, 0, _("overshoot: this lr makes the "
			    "batch's loss larger"));
		else if (lr > best_a * 1.5)
			canvas_text(c, in.x, y++, in.w, C_WARNING, 0, _("past the bottom: a smaller lr "
			    "would go lower on this batch"));
		else if (lr < best_a / 10)
			canvas_text(c, in.x, y++, in.w, C_DIM, 0, _("far short of the bottom: a larger "
			    "lr would go lower on this batch"));
	}
	if (v->lrf_n > 0 && y + 2 < in.y + in.h) {
		int w = in.w < v->lrf_n ? in.w : v->lrf_n;
		double sl[UI_LRF_POINTS];

		canvas_printf(c, in.x, y++, in.w, C_TITLE, 0, _("LR range test: %d batches, lr "
		    "%s to %s, suggested %s"), v->lrf_n, view_num(a1, sizeof a1, v->lrf_lr[0], 2),
		    view_num(a2, sizeof a2, v->lrf_lr[v->lrf_n - 1], 2),
		    isnan(v->lrf_suggested) ? "-" : view_num(a3, sizeof a3, v->lrf_suggested, 3));
		h = in.y + in.h - y;
		if (h > 6)
			h = 6;
		/* One column per point when they fit, else every k-th point. */
		for (i = 0; i < w; i++)
			sl[i] = v->lrf_loss[(long)i * v->lrf_n / w];
		lr_range(sl, w, &lo, &hi);
		/* Where the loss blows up it leaves the top of the plot. */
		hi = fmin(hi, 1.5 * sl[0]);
		for (i = 0; i < w && !isnan(v->lrf_suggested); i++) {
			long k = (long)i * v->lrf_n / w;

			if (v->lrf_lr[k] >= v->lrf_suggested) {
				int q;

				for (q = 0; q < h; q++)
					view_glyph(c, in.x + i, y + q, p->g->box[1], C_GOOD, 0);
				break;
			}
		}
		lr_curve(p, c, in.x, y, h, sl, w, lo, hi, C_POSITIVE_ACT);
	}
}

void
view_checks(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct ui_view_state *v = p->v;
	struct rect in = view_box(p, c, r, _("Sanity checks"), _("K: run"));
	struct tw t;
	int i;
	char num[32];

	if (in.w < 20 || in.h < 1)
		return;
	tw_init(&t, c, in, v->scroll[P_CHECKS]);
	if (!v->checks_valid) {
		tw_text(&t, C_DIM, 0, _("K runs the practitioner's sanity checks on these settings "
		    "(loss at init, gradient check, update ratio, overfit a tiny batch, dead and "
		    "saturated units, symmetry), each on networks of its own."));
		tw_nl(&t);
		return;
	}
	for (i = 0; i < CK_COUNT; i++) {
		const struct check_result *k = &v->checks[i];
		int role = k->verdict == CHECK_OK ? C_GOOD : k->verdict == CHECK_WARN ? C_WARNING :
		    C_ERROR;

		tw_atom(&t, role, "%-4s", check_verdict_name(k->verdict));
		tw_atom(&t, C_TITLE, " %s", k->name);
		tw_atom(&t, C_DEFAULT, " %s", isnan(k->value) ? "n/a" :
		    view_num(num, sizeof num, k->value, 3));
		tw_atom(&t, C_DIM, _(" (expected %s)"), k->expected_text);
		tw_nl(&t);
		t.indent = 2;
		tw_text(&t, C_DIM, 0, "  ");
		tw_text(&t, C_DIM, 0, _(k->text));
		tw_nl(&t);
		t.indent = 0;
	}
}
