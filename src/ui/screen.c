/*
 * screen.c: frames printed as text instead of drawn on a terminal.
 */
#include <stdio.h>
#include <string.h>

#include "screen.h"
#include "theme.h"

static void
screen_sgr(FILE *out, int role, int attr)
{
	const struct theme_style *st = theme_style(THEME_256, role);
	int a = st->attr | attr;

	fputs("\033[0", out);
	if (a & ATTR_BOLD)
		fputs(";1", out);
	if (a & ATTR_DIM)
		fputs(";2", out);
	if (a & ATTR_UNDERLINE)
		fputs(";4", out);
	if (a & ATTR_REVERSE)
		fputs(";7", out);
	if (st->fg >= 0)
		fprintf(out, ";38;5;%d", st->fg);
	if (st->bg >= 0)
		fprintf(out, ";48;5;%d", st->bg);
	fputc('m', out);
}

int
screen_write(const struct canvas *c, int color, FILE *out)
{
	int x, y, last, role, attr, n;
	char u[4];

	for (y = 0; y < c->h; y++) {
		const struct cell *row = c->cells + (long)y * c->w;

		for (last = c->w - 1; last >= 0; last--)
			if (!(row[last].cp == ' ' && row[last].width == 1) &&
			    !(color && (row[last].attr || row[last].role)))
				break;
		role = attr = -1;
		for (x = 0; x <= last; x++) {
			if (row[x].width == 0)
				continue;
			if (color && (row[x].role != role || row[x].attr != attr)) {
				role = row[x].role;
				attr = row[x].attr;
				screen_sgr(out, role, attr);
			}
			n = utf8_encode(row[x].cp, u);
			fwrite(u, 1, (size_t)n, out);
		}
		if (color && role >= 0)
			fputs("\033[0m", out);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

int
screen_render_frame(const struct ui_frame *f, int w, int h, int color, FILE *out)
{
	struct canvas *c = canvas_new(w, h, f->ascii);
	struct ui_frame fc = *f;
	int rc;

	fc.colour_pictures = color && !f->ascii;
	ui_draw(&fc, c);
	rc = screen_write(c, color, out);
	canvas_free(c);
	return rc;
}

/* A frame of one session with its own cache. */
static void
screen_frame(struct ui_frame *f, const struct session *s, const struct ui_view_state *v,
    struct ui_view_state *dflt, struct view_cache *cache, int ascii)
{
	memset(f, 0, sizeof *f);
	if (v == NULL) {
		ui_view_init(dflt);
		v = dflt;
	}
	view_cache_init(cache);
	f->nruns = 1;
	f->run[0] = s;
	f->cache[0] = cache;
	f->v = v;
	f->ascii = ascii;
}

int
screen_render(const struct session *s, const struct ui_view_state *v, int w, int h, int color,
    int ascii, FILE *out)
{
	struct ui_frame f;
	struct ui_view_state dflt;
	struct view_cache cache;
	int rc;

	screen_frame(&f, s, v, &dflt, &cache, ascii);
	rc = screen_render_frame(&f, w, h, color, out);
	view_cache_free(&cache);
	return rc;
}

int
screen_print(const struct session *s, int w, int h, int color, int ascii, FILE *out)
{
	return screen_render(s, NULL, w, h, color, ascii, out);
}

int
screen_render_panel(const struct session *s, const struct ui_view_state *v, const char *panel,
    int w, int h, int ascii, FILE *out)
{
	struct ui_frame f;
	struct ui_view_state dflt;
	struct view_cache cache;
	struct canvas *c;
	int id = ui_panel_find(panel), rc;

	if (id < 0)
		return -1;
	screen_frame(&f, s, v, &dflt, &cache, ascii);
	c = canvas_new(w, h, ascii);
	ui_draw_panel(&f, 0, id, c, (struct rect){ 0, 0, w, h });
	rc = screen_write(c, 0, out);
	canvas_free(c);
	view_cache_free(&cache);
	return rc;
}
