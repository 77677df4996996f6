/*
 * view.c: the panel table, the composition of a frame, hit testing and the
 * helpers that every panel draws with.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "app/speed.h"
#include "view.h"
#include "util/i18n.h"

/* Names are the panels' names in lessons and options (and, translated, on
 * the "tab:" hint); titles are drawn on the frames. */
/* The rows of app/panels.h. */
#define PANEL_ROW(id, draw, name, title, focus) [P_##id] = { name, title, view_##draw },
const struct panel ui_panels[P_COUNT] = { NNSTEP_PANELS(PANEL_ROW) };
#undef PANEL_ROW

int
ui_panel_find(const char *name)
{
	int i;

	for (i = 0; i < P_COUNT; i++)
		if (strcmp(ui_panels[i].name, name) == 0)
			return i;
	return -1;
}

void
ui_view_init(struct ui_view_state *v)
{
	memset(v, 0, sizeof *v);
	v->layer = 1;
	v->focus = P_NETWORK;
	v->speed = SPEED_DEFAULT;
	v->steps_per_frame = speed_ladder[SPEED_DEFAULT].amount;
	v->message_role = C_MESSAGE;
	v->lesson.answer = -1;
	/* Shared slots first show the gradient flow, then the loss. */
	v->shown[P_GRADIENTS] = 2;
	v->shown[P_LOSS] = 2;
	v->shown[P_ACTIVATIONS] = 1;
	v->shown[P_DATA] = 1;
}

void
view_cache_init(struct view_cache *c)
{
	memset(c, 0, sizeof *c);
}

void
view_cache_free(struct view_cache *c)
{
	free(c->grid_x);
	free(c->grid_p);
	net_scratch_free(&c->grid_eval);
	session_eval_scratch_free(&c->m_eval);
	memset(c, 0, sizeof *c);
}

/* ------------------------------------------------------------ helpers */

const char *
view_num(char *buf, size_t n, double v, int sig)
{
	if (isnan(v))
		snprintf(buf, n, "NaN");
	else if (isinf(v))
		snprintf(buf, n, v > 0 ? "inf" : "-inf");
	else if (v == 0)
		snprintf(buf, n, "0");
	else
		snprintf(buf, n, "%.*g", sig, v);
	return buf;
}

const char *
view_num_fit(char *buf, size_t n, double v, int sig, int w)
{
	for (; sig >= 1; sig--)
		if ((int)strlen(view_num(buf, n, v, sig)) <= w)
			return buf;
	buf[0] = '\0';
	return buf;
}

long
view_data_row(const struct session *s, long i)
{
	long t = session_train_row(s, i);

	return s->data->train.row ? s->data->train.row[t] + 1 : t + 1;
}

const char *
view_step_key(const struct panel_ctx *p)
{
	if (!p->v->lesson.active)
		return _("space");
	return p->g->unicode ? "\u2192" : _("right arrow");
}

int
view_glyph(struct canvas *c, int x, int y, const char *g, int role, int attr)
{
	return canvas_text(c, x, y, -1, role, attr, g);
}

struct rect
view_box(const struct panel_ctx *p, struct canvas *c, struct rect r, const char *title,
    const char *extra)
{
	const struct glyphs *g = p->g;
	int role = p->focused ? C_BORDER_FOCUS : C_BORDER;
	int x, w;

	if (r.w < 2 || r.h < 2)
		return (struct rect){ r.x, r.y, 0, 0 };
	for (x = r.x + 1; x < r.x + r.w - 1; x++) {
		view_glyph(c, x, r.y, g->box[0], role, 0);
		view_glyph(c, x, r.y + r.h - 1, g->box[0], role, 0);
	}
	for (x = r.y + 1; x < r.y + r.h - 1; x++) {
		view_glyph(c, r.x, x, g->box[1], role, 0);
		view_glyph(c, r.x + r.w - 1, x, g->box[1], role, 0);
	}
	view_glyph(c, r.x, r.y, g->box[2], role, 0);
	view_glyph(c, r.x + r.w - 1, r.y, g->box[3], role, 0);
	view_glyph(c, r.x, r.y + r.h - 1, g->box[4], role, 0);
	view_glyph(c, r.x + r.w - 1, r.y + r.h - 1, g->box[5], role, 0);
	w = 0;
	if (title != NULL && r.w > 6) {
		char t[160];

		snprintf(t, sizeof t, " %s ", title);
		w = canvas_text_cut(c, r.x + 1, r.y, r.w - 4, p->focused ? C_TITLE_FOCUS : C_TITLE,
		    0, t);
	}
	if (extra != NULL && extra[0] != '\0') {
		char t[200];
		int ew, room = r.w - 4 - w;

		snprintf(t, sizeof t, " %s ", extra);
		ew = text_width(t, -1);
		/* Figures two blanks apart are left out whole, last first. */
		while (ew > room) {
			char *cut = strstr(t + 1, "  "), *at = NULL;

			for (; cut != NULL; cut = strstr(cut + 1, "  "))
				at = cut;
			if (at == NULL)
				break;
			at[1] = '\0';
			ew = text_width(t, -1);
		}
		/* A last figure that does not fit is left out, not cut. */
		if (ew > room && strpbrk(t, "0123456789") != NULL)
			ew = 0, room = 0;
		if (room > 4) {
			if (ew > room)
				ew = room;
			canvas_text_cut(c, r.x + r.w - 2 - ew, r.y, ew, C_DIM, 0, t);
		}
	}
	return rect_inset(r, 1);
}

/* ---------------------------------------------------------- text writer */

void
tw_init(struct tw *t, struct canvas *c, struct rect r, int skip)
{
	memset(t, 0, sizeof *t);
	t->c = c;
	t->r = r;
	t->skip = skip;
	t->indent = 2;
}

void
tw_nl(struct tw *t)
{
	t->line++;
	t->col = 0;
}

int
tw_lines(const struct tw *t)
{
	return t->line + (t->col > 0);
}

int
tw_full(const struct tw *t)
{
	return t->line - t->skip >= t->r.h;
}

/* Puts one chunk (leading blanks and a word) on the current line. */
static void
tw_chunk(struct tw *t, int role, int attr, const char *s, size_t n)
{
	char buf[512];
	int w, y;

	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	w = text_width(buf, -1);
	if (t->col > t->indent && t->col + w > t->r.w) {
		tw_nl(t);
		t->col = t->indent;
		while (*s == ' ' && n > 0)
			s++, n--, w--;
		memmove(buf, s, n);
		buf[n] = '\0';
	}
	y = t->r.y + t->line - t->skip;
	if (t->line >= t->skip && y < t->r.y + t->r.h && t->c != NULL)
		canvas_text_cut(t->c, t->r.x + t->col, y, t->r.w - t->col, role, attr, buf);
	t->col += w;
}

void
tw_text(struct tw *t, int role, int attr, const char *s)
{
	const char *p = s, *q;

	while (*p) {
		if (*p == '\n') {
			tw_nl(t);
			p++;
			continue;
		}
		q = p;
		while (*q == ' ')
			q++;
		while (*q && *q != ' ' && *q != '\n')
			q++;
		tw_chunk(t, role, attr, p, (size_t)(q - p));
		p = q;
	}
}

void
tw_printf(struct tw *t, int role, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tw_text(t, role, 0, buf);
}

void
tw_atom(struct tw *t, int role, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tw_chunk(t, role, 0, buf, strlen(buf));
}

/* ---------------------------------------------------------- composition */

static struct panel_ctx
ui_ctx(const struct ui_frame *f, int run, int id)
{
	struct panel_ctx p;

	memset(&p, 0, sizeof p);
	p.s = f->run[run];
	p.v = f->v;
	p.g = glyphs_get(f->ascii);
	p.cache = f->cache[run];
	p.focused = (f->v->focus == id && (f->nruns == 1 || f->v->focus_run == run)) ||
	    (id == P_GRADIENTS && f->v->lesson.highlight == UH_GRADIENTS);
	p.compact = f->nruns > 1;
	p.mono = !f->colour_pictures;
	p.f = f;
	return p;
}

void
ui_draw_panel(const struct ui_frame *f, int run, int id, struct canvas *c, struct rect r)
{
	struct panel_ctx p = ui_ctx(f, run, id);
	struct rect old = canvas_clip(c, r);

	canvas_fill(c, r, ' ', C_DEFAULT, 0);
	if (p.s != NULL || id == P_NARRATION)
		ui_panels[id].draw(&p, c, r);
	canvas_clip(c, old);
}

/* The title of a shared slot names the other panels Tab reaches there. */
static void
ui_slot_tabs(const struct ui_frame *f, const struct layout_slot *s, struct canvas *c)
{
	char buf[160];
	int i, len = 0, x;

	if (s->npanels < 2)
		return;
	for (i = 0; i < s->npanels; i++) {
		if (s->panels[i] == s->shown)
			continue;
		len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s", len ? " " : "",
		    _(ui_panels[s->panels[i]].name));
		if (len >= (int)sizeof buf - 1)
			break;
	}
	/* Put "tab: other" on the bottom edge, where it does not hide figures. */
	x = s->r.x + s->r.w - 3 - text_width(buf, -1) - 6;
	if (x > s->r.x + 1 && s->r.h > 2)
		canvas_printf(c, x, s->r.y + s->r.h - 1, -1, C_DIM, 0, _(" tab:%s "), buf);
}

static void
ui_run_label(const struct ui_frame *f, int run, struct canvas *c, struct rect r)
{
	const struct session *s = f->run[run];
	char a[32], b[32];
	const struct epoch_record *e;

	canvas_fill(c, r, ' ', C_STATUS, 0);
	if (s == NULL)
		return;
	e = s->pos.nepochs > 0 ? &s->epochs[s->pos.nepochs - 1] : NULL;
	if (s->pos.diverged.set)
		canvas_printf(c, r.x + 1, r.y, r.w - 1, C_ERROR, 0, _("%s  DIVERGED (b: step back)"),
		    f->label[run] ? f->label[run] : "");
	else {
		/* Each figure whole or not at all, the run's name first. */
		char buf[96];
		int x = r.x + 1, end = r.x + r.w;

		x += canvas_text(c, x, r.y, end - x, C_STATUS_KEY, 0, f->label[run] ? f->label[run] :
		    "");
		snprintf(buf, sizeof buf, _("  batch loss %s"), s->pos.nbatch_loss > 0 ?
		    view_num(a, sizeof a, s->net->batch_loss, 4) : "-");
		if (x + text_width(buf, -1) <= end)
			x += canvas_text(c, x, r.y, end - x, C_STATUS_KEY, 0, buf);
		snprintf(buf, sizeof buf, _("  val loss %s"), e && !isnan(e->val_loss) ?
		    view_num(b, sizeof b, e->val_loss, 4) : "-");
		if (x + text_width(buf, -1) <= end)
			canvas_text(c, x, r.y, end - x, C_STATUS_KEY, 0, buf);
	}
}

void
ui_draw(const struct ui_frame *f, struct canvas *c)
{
	struct layout L;
	struct rect mid;
	int i;

	canvas_clear(c);
	layout_compute(f, c->w, c->h, &L);
	if (L.too_small) {
		view_too_small(c);
		return;
	}
	view_status(f, c, L.status);
	for (i = 0; i < f->nruns && f->nruns > 1 && !f->v->zoom; i++)
		ui_run_label(f, i, c, L.label[i]);
	for (i = 0; i < L.nslots; i++) {
		ui_draw_panel(f, L.slot[i].run, L.slot[i].shown, c, L.slot[i].r);
		ui_slot_tabs(f, &L.slot[i], c);
	}
	view_hints(f, c, L.hints);
	mid = L.body;
	switch (f->v->overlay) {
	case OV_HELP:
		view_help(f, c, mid);
		break;
	case OV_CONFIRM:
		view_confirm(f, c, mid);
		break;
	case OV_INPUT:
		view_input(f, c, mid);
		break;
	case OV_ASK:
		view_ask(f, c, mid);
		break;
	case OV_NOTICE:
		view_notice(f, c, mid);
		break;
	case OV_COMMAND:
		view_command(f, c, L.body);
		break;
	default:
		break;
	}
}

void
ui_hit_test(const struct ui_frame *f, int w, int h, int x, int y, struct ui_hit *hit)
{
	struct layout L;
	int i;

	hit->panel = -1;
	hit->run = 0;
	hit->layer = hit->unit = -1;
	hit->cm_cell = -1;
	hit->on_plane = 0;
	layout_compute(f, w, h, &L);
	for (i = 0; i < L.nslots; i++) {
		struct rect r = L.slot[i].r;

		if (x < r.x || y < r.y || x >= r.x + r.w || y >= r.y + r.h)
			continue;
		hit->panel = L.slot[i].shown;
		hit->run = L.slot[i].run;
		if (hit->panel == P_NETWORK) {
			struct panel_ctx p = ui_ctx(f, hit->run, P_NETWORK);

			if (p.s != NULL)
				view_network_unit_at(&p, r, x, y, &hit->layer, &hit->unit);
		}
		if (hit->panel == P_DATA) {
			struct panel_ctx p = ui_ctx(f, hit->run, P_DATA);

			if (p.s != NULL)
				hit->cm_cell = view_data_cell_at(&p, r, x, y);
			if (p.s != NULL)
				hit->on_plane = view_data_plane_at(&p, r, x, y, hit->plane,
				    hit->cell) == 0;
		}
		if (hit->panel == P_NEURONS) {
			struct panel_ctx p = ui_ctx(f, hit->run, P_NEURONS);

			if (p.s != NULL && view_neurons_unit_at(&p, r, x, y, &hit->unit) == 0)
				hit->layer = view_neurons_layer(p.s, f->v) + 1;
		}
		return;
	}
}

int
ui_focus_order(const struct ui_frame *f, int w, int h, int *ids)
{
	struct ui_view_state v = *f->v;
	struct ui_frame g = *f;
	struct layout L;
	int i, k, n = 0, j, id, dup;

	v.zoom = 0;
	g.v = &v;
	layout_compute(&g, w, h, &L);
	for (i = 0; i < L.nslots; i++)
		for (k = 0; k < L.slot[i].npanels; k++) {
			id = L.slot[i].run * P_COUNT + L.slot[i].panels[k];
			for (dup = 0, j = 0; j < n; j++)
				dup |= ids[j] == id;
			if (!dup && n < UI_MAX_RUNS * P_COUNT)
				ids[n++] = id;
		}
	return n;
}

void
view_too_small(struct canvas *c)
{
	char buf[96];
	int w;

	snprintf(buf, sizeof buf, _("nnstep needs at least %dx%d (now %dx%d)"), UI_MIN_W, UI_MIN_H,
	    c->w, c->h);
	w = text_width(buf, -1);
	canvas_text(c, w < c->w ? (c->w - w) / 2 : 0, c->h / 2, -1, C_WARNING, 0, buf);
	if (c->h > 2) {
		const char *q = _("resize the terminal, or press q to quit");

		w = text_width(q, -1);
		canvas_text(c, w < c->w ? (c->w - w) / 2 : 0, c->h / 2 + 1, -1, C_DIM, 0, q);
	}
}
