/*
 * layout.c: slots for the panels at each screen size.
 */
#include <string.h>

#include "layout.h"

static int layout_pick(const struct ui_frame *f, const struct layout_slot *s);

/* Adds a slot at r with the given candidate panels (ended by -1). */
static void
layout_add(const struct ui_frame *f, struct layout *L, struct rect r, int run, const int *ids)
{
	struct layout_slot *s;

	if (L->nslots >= LAYOUT_MAX_SLOTS || r.w < 4 || r.h < 3)
		return;
	s = &L->slot[L->nslots++];
	memset(s, 0, sizeof *s);
	s->r = r;
	s->run = run;
	while (*ids >= 0 && s->npanels < P_COUNT)
		s->panels[s->npanels++] = *ids++;
	s->shown = layout_pick(f, s);
}

/* The candidate focused last (the focused one first of all). */
static int
layout_pick(const struct ui_frame *f, const struct layout_slot *s)
{
	const struct ui_view_state *v = f->v;
	int i, best = s->panels[0];

	for (i = 0; i < s->npanels; i++) {
		if (s->panels[i] == v->focus)
			return v->focus;
		if (v->shown[s->panels[i]] > v->shown[best])
			best = s->panels[i];
	}
	return best;
}

/* Splits r vertically into n parts by weights (summing to 100). */
static void
layout_split_v(struct rect r, int n, const int *pct, struct rect *out)
{
	int i, y = r.y, h;

	for (i = 0; i < n; i++) {
		h = i == n - 1 ? r.y + r.h - y : r.h * pct[i] / 100;
		out[i] = (struct rect){ r.x, y, r.w, h };
		y += h;
	}
}

static void
layout_split_h(struct rect r, int n, const int *pct, struct rect *out)
{
	int i, x = r.x, w;

	for (i = 0; i < n; i++) {
		w = i == n - 1 ? r.x + r.w - x : r.w * pct[i] / 100;
		out[i] = (struct rect){ x, r.y, w, r.h };
		x += w;
	}
}

static const int ids_network[] = { P_NETWORK, -1 };
static const int ids_inspector[] = { P_INSPECTOR, -1 };
static const int ids_loss[] = { P_LOSS, -1 };
static const int ids_data[] = { P_DATA, -1 };
static const int ids_gradients[] = { P_GRADIENTS, -1 };
static const int ids_activations[] = { P_ACTIVATIONS, P_NEURONS, -1 };
static const int ids_code[] = { P_CODE, P_LR, P_CHECKS, -1 };
static const int ids_gac[] = { P_GRADIENTS, P_ACTIVATIONS, P_CODE, P_LR, P_CHECKS, P_NEURONS,
	-1 };
static const int ids_ld[] = { P_LOSS, P_DATA, -1 };
static const int ids_narration[] = { P_NARRATION, -1 };
static const int ids_compare[] = { P_DATA, P_GRADIENTS, P_ACTIVATIONS, P_INSPECTOR, P_CODE,
	P_LR, P_NEURONS, -1 };

/* Percentage of a column's height the network panel wants: its widest
 * layer plus the frame and two header rows, within 40-62%. */
static int
layout_net_pct(const struct ui_frame *f, int h)
{
	const struct session *s = f->run[0];
	int l, big = s ? s->net->ninputs : 4, pct;

	for (l = 0; s && l < s->net->nlayers; l++)
		if (s->net->layer[l].out > big)
			big = s->net->layer[l].out;
	pct = h > 0 ? (big * 2 + 3) * 100 / h : 50;
	if (pct > 50)
		pct = h > 0 ? (big + 4) * 100 / h + 1 : 50;
	return pct < 40 ? 40 : pct > 62 ? 62 : pct;
}

/* One run on the whole body. */
static void
layout_single(const struct ui_frame *f, struct layout *L, struct rect b)
{
	struct rect col[3], part[3];
	int c1[2];

	c1[0] = layout_net_pct(f, b.h);
	c1[1] = 100 - c1[0];
	if (b.w >= 150) {
		static const int cw[] = { 38, 31, 31 }, c2[] = { 45, 55 }, c3[] = { 32, 30, 38 };

		layout_split_h(b, 3, cw, col);
		layout_split_v(col[0], 2, c1, part);
		layout_add(f, L, part[0], 0, ids_network);
		layout_add(f, L, part[1], 0, ids_inspector);
		layout_split_v(col[1], 2, c2, part);
		layout_add(f, L, part[0], 0, ids_loss);
		layout_add(f, L, part[1], 0, ids_data);
		layout_split_v(col[2], 3, c3, part);
		layout_add(f, L, part[0], 0, ids_gradients);
		layout_add(f, L, part[1], 0, ids_activations);
		layout_add(f, L, part[2], 0, ids_code);
	} else if (b.w >= 100 && b.h >= 28) {
		static const int cw[] = { 52, 48 }, c2[] = { 30, 38, 32 };

		layout_split_h(b, 2, cw, col);
		layout_split_v(col[0], 2, c1, part);
		layout_add(f, L, part[0], 0, ids_network);
		layout_add(f, L, part[1], 0, ids_inspector);
		layout_split_v(col[1], 3, c2, part);
		layout_add(f, L, part[0], 0, ids_loss);
		layout_add(f, L, part[1], 0, ids_data);
		layout_add(f, L, part[2], 0, ids_gac);
	} else {
		static const int cw[] = { 55, 45 }, c2[] = { 50, 50 };

		layout_split_h(b, 2, cw, col);
		layout_split_v(col[0], 2, c1, part);
		layout_add(f, L, part[0], 0, ids_network);
		layout_add(f, L, part[1], 0, ids_inspector);
		layout_split_v(col[1], 2, c2, part);
		layout_add(f, L, part[0], 0, ids_ld);
		layout_add(f, L, part[1], 0, ids_gac);
	}
}

/* A lesson on a small screen (a projector's 80x24): the network, and beside
 * it at full height the panel the stop is about, so the lines the
 * narration talks about (the inspector's z and a, every gradient bar, the
 * region) are all in view. */
static void
layout_lesson_small(const struct ui_frame *f, struct layout *L, struct rect b)
{
	static const int cw[] = { 40, 60 };
	static const int ids_about[] = { P_INSPECTOR, P_DATA, P_GRADIENTS, P_LOSS, P_ACTIVATIONS,
		P_NEURONS, P_CODE, P_LR, P_CHECKS, -1 };
	struct rect col[2];

	const struct ui_view_state *v = f->v;
	int i, touched = 0;

	layout_split_h(b, 2, cw, col);
	layout_add(f, L, col[0], 0, ids_network);
	layout_add(f, L, col[1], 0, ids_about);
	/* Until a stop or the learner picks one, the inspector: the neuron's
	 * formula is what a lesson reads first (the initial stamps are 2). */
	for (i = 0; ids_about[i] >= 0; i++)
		touched |= v->focus == ids_about[i] || v->shown[ids_about[i]] > 2;
	if (!touched && L->nslots > 0 && L->slot[L->nslots - 1].r.x == col[1].x)
		L->slot[L->nslots - 1].shown = P_INSPECTOR;
}

/* Several runs in columns, each with the same panels. */
static void
layout_compare(const struct ui_frame *f, struct layout *L, struct rect b)
{
	static const int pct[UI_MAX_RUNS + 1][UI_MAX_RUNS] = {
		{ 100 }, { 100 }, { 50, 50 }, { 33, 33, 34 }, { 25, 25, 25, 25 },
	};
	static const int rows[] = { 36, 30, 34 };
	struct rect col[UI_MAX_RUNS], part[3];
	int i;

	/* A lesson on a small screen: each run shows only the panel the stop
	 * is about, at full height. */
	static const int ids_one[] = { P_GRADIENTS, P_NETWORK, P_LOSS, P_DATA, P_ACTIVATIONS,
		P_INSPECTOR, P_CODE, P_LR, P_NEURONS, -1 };
	int small = f->v->lesson.active && b.h < 20;

	layout_split_h(b, f->nruns, pct[f->nruns], col);
	for (i = 0; i < f->nruns; i++) {
		L->label[i] = (struct rect){ col[i].x, col[i].y, col[i].w, 1 };
		col[i].y++;
		col[i].h--;
		if (small) {
			layout_add(f, L, col[i], i, ids_one);
			continue;
		}
		layout_split_v(col[i], 3, rows, part);
		layout_add(f, L, part[0], i, ids_network);
		layout_add(f, L, part[1], i, ids_loss);
		layout_add(f, L, part[2], i, ids_compare);
	}
}

void
layout_compute(const struct ui_frame *f, int w, int h, struct layout *L)
{
	const struct ui_view_state *v = f->v;
	struct rect b;

	memset(L, 0, sizeof *L);
	if (w < UI_MIN_W || h < UI_MIN_H) {
		L->too_small = 1;
		return;
	}
	L->status = (struct rect){ 0, 0, w, 2 };
	L->hints = (struct rect){ 0, h - 1, w, 1 };
	b = (struct rect){ 0, 2, w, h - 3 };
	L->body = b;
	if (v->lesson.active) {
		/* The same height at every stop (the most a stop's text could take
		 * before), so the panels never jump; a longer narration scrolls. */
		int nh = b.h * 2 / 5 < 5 ? 5 : b.h * 2 / 5 > 12 ? 12 : b.h * 2 / 5;

		b.h -= nh;
		layout_add(f, L, (struct rect){ b.x, b.y + b.h, b.w, nh }, 0, ids_narration);
	}
	if (v->zoom) {
		int one[2] = { v->focus, -1 };

		if (v->focus == P_NARRATION) {
			L->nslots = 0;
			layout_add(f, L, L->body, 0, ids_narration);
		} else
			layout_add(f, L, b, v->focus_run < f->nruns ? v->focus_run : 0, one);
		return;
	}
	if (f->nruns > 1)
		layout_compare(f, L, b);
	else if (v->lesson.active && b.h < 20)
		layout_lesson_small(f, L, b);
	else
		layout_single(f, L, b);
}

