/*
 * screen.c: frames printed as text instead of drawn on a terminal.
 */
#include <stdio.h>
#include <string.h>

#include "screen.h"
#include "theme.h"


static void
screen_sgr(FILE *out, enum theme_id theme, int role, int attr)
{
	const struct theme_style *st = theme_style(THEME_256, theme, role);
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

/* A palette colour as #rrggbb. */
static void
screen_rgb(int n, char out[8])
{
	unsigned char c[3];

	theme_rgb(n, c);
	snprintf(out, 8, "#%02x%02x%02x", c[0], c[1], c[2]);
}

/* The page's own colours: the theme's default role, else dark or light. */
static void
screen_page_colours(enum theme_id theme, char fg[8], char bg[8])
{
	const struct theme_style *st = theme_style(THEME_256, theme, C_DEFAULT);

	screen_rgb(st->fg >= 0 ? st->fg : theme == THEME_LIGHT ? 16 : 252, fg);
	screen_rgb(st->bg >= 0 ? st->bg : theme == THEME_LIGHT ? 231 : 234, bg);
}

int
screen_html_begin(int style, FILE *out)
{
	char fg[8], bg[8];

	screen_page_colours((enum theme_id)SCREEN_THEME_OF(style), fg, bg);
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<title>nnstep screen</title>\n<style>\n"
	    "body { background: %s; color: %s; }\n"
	    "pre.nnstep { font-family: \"DejaVu Sans Mono\", monospace; line-height: 1.15; "
	    "background: %s; color: %s; display: inline-block; padding: 0.5em; }\n"
	    "</style>\n</head>\n<body>\n", bg, fg, bg, fg);
	return ferror(out) ? -1 : 0;
}

int
screen_html_end(FILE *out)
{
	fputs("</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}

/* Opens a span of the role's style; returns 0 when the role has none. */
static int
screen_span(FILE *out, enum theme_id theme, int role, int attr)
{
	const struct theme_style *st = theme_style(THEME_256, theme, role);
	int a = st->attr | attr, fg = st->fg, bg = st->bg;
	char c[8];

	if (fg < 0 && bg < 0 && a == 0)
		return 0;
	if (a & ATTR_REVERSE) {
		char pf[8], pb[8];

		/* Swap, with the page's colours standing in for "default". */
		screen_page_colours(theme, pf, pb);
		fputs("<span style=\"", out);
		if (fg >= 0)
			screen_rgb(fg, c);
		fprintf(out, "background:%s;", fg >= 0 ? c : pf);
		if (bg >= 0)
			screen_rgb(bg, c);
		fprintf(out, "color:%s;", bg >= 0 ? c : pb);
	} else {
		fputs("<span style=\"", out);
		if (fg >= 0) {
			screen_rgb(fg, c);
			fprintf(out, "color:%s;", c);
		}
		if (bg >= 0) {
			screen_rgb(bg, c);
			fprintf(out, "background:%s;", c);
		}
	}
	if (a & ATTR_BOLD)
		fputs("font-weight:bold;", out);
	if (a & ATTR_UNDERLINE)
		fputs("text-decoration:underline;", out);
	if (a & ATTR_DIM)
		fputs("opacity:0.7;", out);
	fputs("\">", out);
	return 1;
}

/* One character, escaped for HTML when it must be. */
static void
screen_put(FILE *out, uint32_t cp, int html)
{
	char u[4];
	int n;

	if (html && cp == '<')
		fputs("&lt;", out);
	else if (html && cp == '>')
		fputs("&gt;", out);
	else if (html && cp == '&')
		fputs("&amp;", out);
	else {
		n = utf8_encode(cp, u);
		fwrite(u, 1, (size_t)n, out);
	}
}

/* Rows of c; eol ends each row. Colour changes as ANSI escapes or spans. */
static void
screen_rows(const struct canvas *c, int format, enum theme_id theme, const char *eol,
    int trim, FILE *out)
{
	int x, y, last, role, attr, open = 0;
	int color = format != SCREEN_TEXT, html = format == SCREEN_HTML;

	for (y = 0; y < c->h; y++) {
		const struct cell *row = c->cells + (long)y * c->w;

		last = c->w - 1;
		if (trim)
			for (; last >= 0; last--)
				if (!(row[last].cp == ' ' && row[last].width == 1) ||
				    (color && (row[last].attr || row[last].role)))
					break;
		role = attr = -1;
		for (x = 0; x <= last; x++) {
			if (row[x].width == 0)
				continue;
			if (color && (row[x].role != role || row[x].attr != attr)) {
				if (open)
					fputs("</span>", out);
				role = row[x].role;
				attr = row[x].attr;
				if (html)
					open = screen_span(out, theme, role, attr);
				else
					screen_sgr(out, theme, role, attr);
			}
			screen_put(out, row[x].cp, html);
		}
		if (open)
			fputs("</span>", out);
		open = 0;
		if (!html && color && role >= 0)
			fputs("\033[0m", out);
		/* A page ends its last row itself; a frame's last row must not
		 * scroll the terminal. */
		if (y + 1 < c->h || (!html && trim))
			fputs(eol, out);
	}
}

int
screen_write(const struct canvas *c, int style, FILE *out)
{
	int format = SCREEN_FORMAT_OF(style);
	enum theme_id theme = (enum theme_id)SCREEN_THEME_OF(style);

	if (format == SCREEN_HTML)
		fputs("<pre class=\"nnstep\">", out);
	screen_rows(c, format, theme, "\n", 1, out);
	if (format == SCREEN_HTML)
		fputs("</pre>\n", out);
	return ferror(out) ? -1 : 0;
}

int
screen_write_frame(const struct canvas *c, int theme, FILE *out)
{
	fputs("\033[H", out);
	screen_rows(c, theme < 0 ? SCREEN_TEXT : SCREEN_ANSI, theme < 0 ? THEME_DARK :
	    (enum theme_id)theme, "\r\n", 0, out);
	return ferror(out) ? -1 : 0;
}

int
screen_render_frame(const struct ui_frame *f, int w, int h, int style, FILE *out)
{
	struct canvas *c = canvas_new(w, h, f->ascii);
	struct ui_frame fc = *f;
	int rc;

	fc.colour_pictures = SCREEN_FORMAT_OF(style) != SCREEN_TEXT && !f->ascii;
	ui_draw(&fc, c);
	rc = screen_write(c, style, out);
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
screen_render(const struct session *s, const struct ui_view_state *v, int w, int h, int style,
    int ascii, FILE *out)
{
	struct ui_frame f;
	struct ui_view_state dflt;
	struct view_cache cache;
	int rc;

	screen_frame(&f, s, v, &dflt, &cache, ascii);
	rc = screen_render_frame(&f, w, h, style, out);
	view_cache_free(&cache);
	return rc;
}

int
screen_print(const struct session *s, int w, int h, int style, int ascii, FILE *out)
{
	return screen_render(s, NULL, w, h, style, ascii, out);
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
