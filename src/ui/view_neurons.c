/*
 * view_neurons.c: what each neuron of a layer computes over the input
 * plane. For two inputs, every unit of the selected layer gets a small map:
 * its activation a at each point of the plane the data panel shows, blue
 * where a is positive and orange where it is negative, denser the larger.
 * A first hidden layer shows lines (one weighted sum each, bent by f); the
 * next layers show how those lines are combined into curved regions.
 * Enter (or a click on a map) shows the selected map large in the data
 * panel, with the data points on it.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "util/i18n.h"

/* The layer the maps show (0-based into the network's layers): the
 * selected one, or the first hidden layer when the input is selected. */
int
view_neurons_layer(const struct session *s, const struct ui_view_state *v)
{
	int l = v->layer < 1 ? 0 : v->layer - 1;

	return l >= s->net->nlayers ? s->net->nlayers - 1 : l;
}

/* Where an activation sits on the ramp: -1 (most negative) .. 1. Squashing
 * functions keep their own range, so a saturated unit looks saturated;
 * the others are scaled by the map's largest magnitude. */
static double
neurons_scale(enum act a, double v, double big)
{
	double f;

	if (a == ACT_TANH)
		f = v;
	else if (a == ACT_SIGMOID || a == ACT_SOFTMAX)
		f = (v - 0.5) * 2;
	else
		f = big > 0 ? v / big : 0;
	return f < -1 ? -1 : f > 1 ? 1 : f;
}

void
view_neuron_map(const struct panel_ctx *p, struct canvas *c, struct rect r, int layer,
    int unit)
{
	const struct session *s = p->s;
	const struct layer *ly = &s->net->layer[layer];
	long rows = (long)r.w * r.h, i;
	double lo[2], hi[2], *x, *a, big = 0;
	int gx, gy;

	if (rows <= 0 || s->data->ninputs != 2 || unit < 0 || unit >= ly->out)
		return;
	x = malloc((size_t)rows * 2 * sizeof *x);
	a = malloc((size_t)rows * (size_t)ly->out * sizeof *a);
	if (x == NULL || a == NULL) {
		free(x);
		free(a);
		return;
	}
	view_data_range(s, lo, hi);
	for (gy = 0, i = 0; gy < r.h; gy++)
		for (gx = 0; gx < r.w; gx++, i++) {
			x[i * 2] = lo[0] + (gx + 0.5) / r.w * (hi[0] - lo[0]);
			x[i * 2 + 1] = hi[1] - (gy + 0.5) / r.h * (hi[1] - lo[1]);
		}
	if (net_evaluate_layer(s->net, x, rows, layer, a) != 0) {
		free(x);
		free(a);
		return;
	}
	for (i = 0; i < rows; i++)
		if (fabs(a[i * ly->out + unit]) > big)
			big = fabs(a[i * ly->out + unit]);
	for (gy = 0, i = 0; gy < r.h; gy++)
		for (gx = 0; gx < r.w; gx++, i++) {
			double f = neurons_scale(ly->act, a[i * ly->out + unit], big);
			int k = f < 0, l = (int)(fabs(f) * 3.999 + 0.5);

			l = l > SHADE_LEVELS - 1 ? SHADE_LEVELS - 1 : l;
			view_glyph(c, r.x + gx, r.y + gy, p->g->shade[k][l], C_SHADE(k, l), 0);
		}
	free(x);
	free(a);
}

/* The size of each map for n maps in a w x h area: columns, and a map's
 * width and height (cells are about twice as tall as wide). */
static void
neurons_grid(int n, int w, int h, int *cols, int *mw, int *mh)
{
	int tw, rows;

	for (tw = 24; tw >= 4; tw--) {
		*mw = tw;
		*mh = tw / 2 > 2 ? tw / 2 : 2;
		*cols = (w + 1) / (tw + 1);
		if (*cols < 1)
			continue;
		rows = (n + *cols - 1) / *cols;
		if (rows * (*mh + 1) <= h)
			return;
	}
	*mw = 4, *mh = 2;
	*cols = (w + 1) / 5 > 0 ? (w + 1) / 5 : 1;
}

/* Where map `unit` goes inside in (its title row first). */
static struct rect
neurons_cell(struct rect in, int unit, int cols, int mw, int mh)
{
	return (struct rect){ in.x + (unit % cols) * (mw + 1), in.y + (unit / cols) * (mh + 1),
		mw, mh + 1 };
}

void
view_neurons(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct session *s = p->s;
	int layer = view_neurons_layer(s, p->v), n, cols, mw, mh, j;
	const struct layer *ly;
	char extra[64], name[32];
	struct rect in;

	if (layer == s->net->nlayers - 1)
		snprintf(name, sizeof name, _("output"));
	else
		snprintf(name, sizeof name, "h%d", layer + 1);
	ly = &s->net->layer[layer];
	snprintf(extra, sizeof extra, "%s %s", name, act_name(ly->act));
	in = view_box(p, c, r, _("Neurons: what each one computes"), extra);
	if (in.w < 8 || in.h < 3)
		return;
	if (s->data->ninputs != 2) {
		struct tw t;

		tw_init(&t, c, in, 0);
		tw_printf(&t, C_DIM, _("Neuron maps draw a neuron's activation over the plane of two "
		    "inputs; this data has %d."), s->data->ninputs);
		return;
	}
	n = ly->out;
	neurons_grid(n, in.w, in.h - 1, &cols, &mw, &mh);
	for (j = 0; j < n; j++) {
		struct rect cell = neurons_cell(in, j, cols, mw, mh);
		int sel = layer + 1 == p->v->layer && j == p->v->unit;

		if (cell.y + cell.h > in.y + in.h - 1)
			break;
		canvas_printf(c, cell.x, cell.y, mw, sel ? C_CURSOR : C_DIM, 0, "%s%d", sel ?
		    p->g->arrow_right : "", j + 1);
		view_neuron_map(p, c, (struct rect){ cell.x, cell.y + 1, mw, mh }, layer, j);
	}
	/* Legend: the two signs, and how to see one large. */
	j = in.x;
	j += canvas_text(c, j, in.y + in.h - 1, -1, C_DIM, 0, "a>0 ");
	j += view_glyph(c, j, in.y + in.h - 1, p->g->shade[0][3], C_SHADE(0, 3), 0);
	j += view_glyph(c, j, in.y + in.h - 1, p->g->shade[0][2], C_SHADE(0, 2), 0);
	j += canvas_text(c, j, in.y + in.h - 1, -1, C_DIM, 0, "  a<0 ");
	j += view_glyph(c, j, in.y + in.h - 1, p->g->shade[1][3], C_SHADE(1, 3), 0);
	j += view_glyph(c, j, in.y + in.h - 1, p->g->shade[1][2], C_SHADE(1, 2), 0);
	canvas_text_cut(c, j, in.y + in.h - 1, in.x + in.w - j, C_DIM, 0,
	    _("  enter: the selected one large"));
}

int
view_neurons_unit_at(const struct panel_ctx *p, struct rect r, int x, int y, int *unit)
{
	const struct session *s = p->s;
	int layer = view_neurons_layer(s, p->v), cols, mw, mh, j;
	struct rect in = rect_inset(r, 1);

	if (s->data->ninputs != 2)
		return -1;
	neurons_grid(s->net->layer[layer].out, in.w, in.h - 1, &cols, &mw, &mh);
	for (j = 0; j < s->net->layer[layer].out; j++) {
		struct rect cell = neurons_cell(in, j, cols, mw, mh);

		if (x >= cell.x && x < cell.x + cell.w && y >= cell.y && y < cell.y + cell.h) {
			*unit = j;
			return 0;
		}
	}
	return -1;
}
