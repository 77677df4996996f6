/*
 * view_grad.c: the gradient flow (one log-scale bar per layer for the RMS of
 * its weight gradient, with the first/last ratio in words) and the
 * activation histograms (with the shares of dead and saturated units).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

#define GRAD_LO (-7.0)		/* bar range, decades */
#define GRAD_HI 1.0

static const char *
grad_layer_name(const struct session *s, int l, char *buf, size_t n)
{
	if (l == s->net->nlayers - 1)
		snprintf(buf, n, "%s", _("out"));
	else
		snprintf(buf, n, "h%d", l + 1);
	return buf;
}

/* A bar of w cells for v on the log scale. */
static void
grad_bar(const struct panel_ctx *p, struct canvas *c, int x, int y, int w, double v, int role)
{
	const struct glyphs *g = p->g;
	double f = v > 0 && isfinite(v) ? (log10(v) - GRAD_LO) / (GRAD_HI - GRAD_LO) : 0;
	int eighths, i;

	if (isinf(v))
		f = 1;
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	eighths = (int)lround(f * w * 8);
	for (i = 0; i < w; i++) {
		int e = eighths - i * 8;

		e = e < 0 ? 0 : e > 8 ? 8 : e;
		if (e == 0)
			view_glyph(c, x + i, y, g->bar_empty, C_ZERO, 0);
		else
			view_glyph(c, x + i, y, g->hbar[e], role, 0);
	}
}

void
view_gradients(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	int L = s->net->nlayers, l, y, bw, any = 0;
	double ratio = session_grad_ratio(s);
	struct rect in;
	char a[32], b[32], name[16];
	struct tw t;

	in = view_box(p, c, r, _("Gradient flow"), _("RMS of dW, log scale"));
	if (in.w < 20 || in.h < 2)
		return;
	for (l = 0; l < L; l++)
		any |= session_layer_diag(s, l)->grad_rms > 0;
	if (!any) {
		canvas_text_cut(c, in.x, in.y, in.w, C_DIM, 0,
		    _("No gradients yet: step to the backward phase."));
		return;
	}
	/* Layers from the input side down to the output. */
	bw = in.w - 4 - 20;
	if (bw > 40)
		bw = 40;
	for (l = 0, y = in.y; l < L && y < in.y + in.h; l++, y++) {
		const struct layer_diag *d = session_layer_diag(s, l);

		canvas_text(c, in.x, y, 4, C_TITLE, 0, grad_layer_name(s, l, name, sizeof name));
		grad_bar(p, c, in.x + 4, y, bw, d->grad_rms, C_GRADIENT);
		/* Figures are cut at the panel's edge, never drawn over its frame. */
		if (in.w - 5 - bw > 0)
			canvas_printf(c, in.x + 5 + bw, y, in.w - 5 - bw, C_DEFAULT, 0, "%-9s",
			    view_num(a, sizeof a, d->grad_rms, 2));
		/* dz shortened (fewer digits) to the room left, or left out whole. */
		if (in.w - 18 - bw > 0 &&
		    view_num_fit(b, sizeof b, d->dz_rms, 2, in.w - 18 - bw)[0])
			canvas_printf(c, in.x + 15 + bw, y, in.w - 15 - bw, C_DIM, 0, "dz %s", b);
	}
	if (y < in.y + in.h) {
		/* Scale marks under the bars. */
		canvas_text(c, in.x + 4, y, -1, C_DIM, 0, "1e-7");
		canvas_text(c, in.x + 4 + bw - 3, y, -1, C_DIM, 0, "10");
		if (bw > 16)
			canvas_text(c, in.x + 4 + (int)(bw * 4.0 / 8) - 2, y, -1, C_DIM, 0, "1e-3");
		y++;
	}
	if (y >= in.y + in.h || L < 2)
		return;
	tw_init(&t, c, (struct rect){ in.x, y, in.w, in.y + in.h - y }, 0);
	tw_printf(&t, C_DEFAULT, _("first/last layer: %s."), view_num(a, sizeof a, ratio, 2));
	if (ratio > 0 && ratio < 0.01)
		tw_printf(&t, C_WARNING, _(" Gradients vanish toward the input: the first layer "
		    "learns %.0fx slower than the last."), 1 / ratio);
	else if (ratio > 100)
		tw_printf(&t, C_WARNING, _(" Gradients explode toward the input: the first layer's "
		    "steps are %.0fx larger than the last's."), ratio);
	else if (session_layer_diag(s, L - 1)->grad_rms > 1e3 || !isfinite(session_layer_diag(s, L - 1)->grad_rms))
		tw_text(&t, C_WARNING, 0, _(" Gradients are huge: the steps overshoot; lower the "
		    "learning rate."));
	else if (ratio > 0)
		tw_text(&t, C_GOOD, 0, _(" Healthy: every layer learns."));
	tw_nl(&t);
}

static void activations_draw(const struct panel_ctx *p, struct canvas *c, struct rect in);

void
view_activations(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	struct rect in = view_box(p, c, r, _("Activations"), _("histogram of a over the batch"));
	struct rect old;

	if (in.w < 24 || in.h < 1)
		return;
	/* What follows stays inside the frame, however long its words. */
	old = canvas_clip(c, in);
	activations_draw(p, c, in);
	canvas_clip(c, old);
}

static void
activations_draw(const struct panel_ctx *p, struct canvas *c, struct rect in)
{
	const struct session *s = p->s;
	const struct glyphs *g = p->g;
	int L = s->net->nlayers, l, y, k, bins = SESSION_HIST_BINS, cw, x;
	char a[32], b[32], name[16], lab[48], pct[16];

	if (s->net->n == 0) {
		canvas_text_cut(c, in.x, in.y, in.w, C_DIM, 0,
		    _("No activations yet: run the forward pass."));
		return;
	}
	cw = (in.w - 4 - 30) / bins;
	if (cw < 1)
		cw = 1;
	if (cw > 2)
		cw = 2;
	for (l = 0, y = in.y; l < L && y < in.y + in.h; l++, y++) {
		const struct layer_diag *d = session_layer_diag(s, l);
		const struct layer *ly = &s->net->layer[l];
		int mx = 0, role;
		double dead, sat;

		for (k = 0; k < bins; k++)
			if (d->hist[k] > mx)
				mx = d->hist[k];
		canvas_text(c, in.x, y, 4, C_TITLE, 0, grad_layer_name(s, l, name, sizeof name));
		x = in.x + 4;
		x += canvas_printf(c, x, y, -1, C_DIM, 0, "%-5.5s", view_num(a, sizeof a, d->hist_lo, 2));
		for (k = 0; k < bins; k++) {
			int lvl = mx > 0 ? (int)ceil(8.0 * d->hist[k] / mx) : 0, i;

			role = C_BAR;
			for (i = 0; i < cw; i++)
				view_glyph(c, x + k * cw + i, y, lvl > 0 ? g->vbar[lvl] : g->bar_empty,
				    lvl > 0 ? role : C_ZERO, 0);
		}
		x += bins * cw;
		x += canvas_printf(c, x, y, -1, C_DIM, 0, " %-4s", view_num(b, sizeof b, d->hist_hi, 2));
		dead = d->pass_complete ? d->dead_fraction : d->inactive_batch;
		sat = d->saturated_fraction;
		role = C_DIM;
		pct[0] = '\0';
		if (l < L - 1 && (act_info(ly->act)->props & ACTP_CAN_DIE)) {
			snprintf(pct, sizeof pct, "%.0f%%", 100 * dead);
			snprintf(lab, sizeof lab, "%s %s", d->pass_complete ? _("dead") : _("off"), pct);
			role = dead > 0 ? C_DEAD_UNIT : C_DIM;
		} else if (l < L - 1 && (act_info(ly->act)->props & ACTP_SATURATES)) {
			snprintf(pct, sizeof pct, "%.0f%%", 100 * sat);
			snprintf(lab, sizeof lab, _("sat %s"), pct);
			role = sat > 0 ? C_SATURATED_UNIT : C_DIM;
		} else
			snprintf(lab, sizeof lab, "%s", act_name(ly->act));
		/* The label whole, else its figure alone, else nothing. */
		if (x + 1 + text_width(lab, -1) <= in.x + in.w)
			canvas_text(c, x + 1, y, -1, role, 0, lab);
		else if (pct[0] && x + 1 + text_width(pct, -1) <= in.x + in.w)
			canvas_text(c, x + 1, y, -1, role, 0, pct);
	}
	if (y + 1 < in.y + in.h)
		canvas_text_cut(c, in.x, y + 1, in.w, C_DIM, 0,
		    /* xgettext:no-c-format */
		    _("dead: ReLU units never active over a whole epoch; sat: sigmoid/tanh units "
		    "with f'(z) < 0.01 on 90% of samples (off: inactive in this batch)"));
}
