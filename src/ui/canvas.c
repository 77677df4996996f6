/*
 * canvas.c: the cell grid, UTF-8 text measured in display columns, clipping
 * and word wrapping.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "canvas.h"
#include "util/utf8.h"

static void canvas_oom(void) __attribute__((noreturn));
static int canvas_visible(const struct canvas *c, int x, int y);

/* ------------------------------------------------------------- width */

int
cp_width(uint32_t cp)
{
	return utf8_width(cp);
}

int
text_width(const char *s, long n)
{
	size_t len = n < 0 ? strlen(s) : (size_t)n, i = 0;
	int w = 0;
	uint32_t cp;

	while (i < len) {
		i += (size_t)utf8_decode(s + i, len - i, &cp);
		w += cp_width(cp);
	}
	return w;
}

size_t
text_fit(const char *s, int w)
{
	size_t len = strlen(s), i = 0;
	int used = 0, cw, k;
	uint32_t cp;

	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		cw = cp_width(cp);
		if (used + cw > w)
			break;
		used += cw;
		i += (size_t)k;
	}
	return i;
}

/* Does a cut of s before byte n split a number ("1.3e-0|6", "val 0.|5")? */
static int
text_splits_number(const char *s, size_t n)
{
	char a, b;

	if (n == 0 || s[n] == '\0')
		return 0;
	a = s[n - 1];
	b = s[n];
	if (isdigit((unsigned char)b))
		return isdigit((unsigned char)a) || a == '.' || a == 'e' || a == 'E' || a == '-' ||
		    a == '+';
	if (b == '.' || b == 'e' || b == 'E')
		return isdigit((unsigned char)a);
	if (b == '-' || b == '+')
		return a == 'e' || a == 'E';
	return 0;
}

size_t
text_number_cut(const char *s, size_t n)
{
	if (!text_splits_number(s, n))
		return n;
	/* Back to where the number starts: its digits, point, exponent, sign. */
	while (n > 0) {
		char a = s[n - 1];

		int digit = isdigit((unsigned char)a) || a == '.';
		int exponent = (a == 'e' || a == 'E') && n > 1 && isdigit((unsigned char)s[n - 2]);
		int sign = (a == '-' || a == '+') && (n == 1 || !isalnum((unsigned char)s[n - 2]) ||
		    s[n - 2] == 'e' || s[n - 2] == 'E');

		if (!digit && !exponent && !sign)
			break;
		n--;
	}
	return n;
}

/* ------------------------------------------------------------ canvas */

static void
canvas_oom(void)
{
	fputs("nnstep: out of memory\n", stderr);
	abort();
}

struct rect
rect_and(struct rect a, struct rect b)
{
	struct rect r;
	int x2 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
	int y2 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;

	r.x = a.x > b.x ? a.x : b.x;
	r.y = a.y > b.y ? a.y : b.y;
	r.w = x2 > r.x ? x2 - r.x : 0;
	r.h = y2 > r.y ? y2 - r.y : 0;
	return r;
}

struct rect
rect_inset(struct rect r, int n)
{
	r.x += n;
	r.y += n;
	r.w = r.w > 2 * n ? r.w - 2 * n : 0;
	r.h = r.h > 2 * n ? r.h - 2 * n : 0;
	return r;
}

struct canvas *
canvas_new(int w, int h, int ascii)
{
	struct canvas *c = calloc(1, sizeof *c);

	if (c == NULL)
		canvas_oom();
	c->ascii = ascii;
	canvas_resize(c, w, h);
	return c;
}

void
canvas_free(struct canvas *c)
{
	if (c == NULL)
		return;
	free(c->cells);
	free(c);
}

void
canvas_resize(struct canvas *c, int w, int h)
{
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	if (w != c->w || h != c->h || c->cells == NULL) {
		free(c->cells);
		c->cells = calloc((size_t)w * (size_t)h, sizeof *c->cells);
		if (c->cells == NULL)
			canvas_oom();
		c->w = w;
		c->h = h;
	}
	canvas_clear(c);
}

void
canvas_clear(struct canvas *c)
{
	struct cell blank = { ' ', 1, 0, 0, 0 };
	long i, n = (long)c->w * c->h;

	for (i = 0; i < n; i++)
		c->cells[i] = blank;
	c->clip = (struct rect){ 0, 0, c->w, c->h };
}

struct rect
canvas_clip(struct canvas *c, struct rect r)
{
	struct rect old = c->clip;

	c->clip = rect_and(r, (struct rect){ 0, 0, c->w, c->h });
	return old;
}

const struct cell *
canvas_cell(const struct canvas *c, int x, int y)
{
	if (x < 0 || y < 0 || x >= c->w || y >= c->h)
		return NULL;
	return &c->cells[(long)y * c->w + x];
}

static int
canvas_visible(const struct canvas *c, int x, int y)
{
	return x >= c->clip.x && x < c->clip.x + c->clip.w &&
	    y >= c->clip.y && y < c->clip.y + c->clip.h;
}

int
canvas_put(struct canvas *c, int x, int y, uint32_t cp, int role, int attr)
{
	struct cell *row, *p;
	int w;

	if (c->ascii && cp >= 0x80)
		cp = '?';
	w = cp_width(cp);
	if (w == 0 || !canvas_visible(c, x, y))
		return 0;
	if (w == 2 && !canvas_visible(c, x + 1, y))
		return 0;
	row = &c->cells[(long)y * c->w];
	p = &row[x];
	/* Never leave half of a wide character behind. */
	if (p->width == 0 && x > 0)
		row[x - 1] = (struct cell){ ' ', 1, row[x - 1].role, row[x - 1].attr, 0 };
	if (p->width == 2 && w == 1 && x + 1 < c->w)
		row[x + 1] = (struct cell){ ' ', 1, p->role, p->attr, 0 };
	if (w == 2 && row[x + 1].width == 2 && x + 2 < c->w)
		row[x + 2] = (struct cell){ ' ', 1, row[x + 1].role, row[x + 1].attr, 0 };
	*p = (struct cell){ cp, (uint8_t)w, (uint8_t)role, (uint8_t)attr, 0 };
	if (w == 2)
		row[x + 1] = (struct cell){ 0, 0, (uint8_t)role, (uint8_t)attr, 0 };
	return w;
}

int
canvas_text(struct canvas *c, int x, int y, int maxw, int role, int attr, const char *s)
{
	size_t len, i = 0, fit;
	int used = 0, k, cw, edge = c->clip.x + c->clip.w - x;
	uint32_t cp;

	if (s == NULL)
		return 0;
	if (maxw < 0 || (x >= c->clip.x && maxw > edge))
		maxw = edge;
	len = strlen(s);
	/* A number is drawn whole or not at all: one that would be cut at the
	 * edge is left out, and a mark that is not a digit says so. */
	fit = text_fit(s, maxw);
	if (fit < len && text_number_cut(s, fit) < fit) {
		char buf[512];

		fit = text_number_cut(s, fit);
		if (fit >= sizeof buf)
			fit = sizeof buf - 1;
		memcpy(buf, s, fit);
		buf[fit] = '\0';
		used = canvas_text(c, x, y, maxw, role, attr, buf);
		if (used < maxw)
			used += canvas_put(c, x + used, y, c->ascii ? '>' : 0x2026, role, attr);
		return used;
	}
	while (i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		i += (size_t)k;
		if (cp == '\t')
			cp = ' ';
		if (c->ascii && cp >= 0x80)
			cp = '?';
		cw = cp_width(cp);
		if (cw == 0)
			continue;
		if (used + cw > maxw)
			break;
		canvas_put(c, x + used, y, cp, role, attr);
		used += cw;
	}
	return used;
}

int
canvas_printf(struct canvas *c, int x, int y, int maxw, int role, int attr,
    const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return canvas_text(c, x, y, maxw, role, attr, buf);
}

int
canvas_text_cut(struct canvas *c, int x, int y, int maxw, int role, int attr, const char *s)
{
	size_t n;
	char buf[1024];

	if (maxw < 0)
		maxw = c->clip.x + c->clip.w - x;
	if (maxw <= 0 || s == NULL)
		return 0;
	if (text_width(s, -1) <= maxw)
		return canvas_text(c, x, y, maxw, role, attr, s);
	n = text_number_cut(s, text_fit(s, maxw - 1));
	if (n >= sizeof buf)
		n = sizeof buf - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	n = (size_t)canvas_text(c, x, y, maxw - 1, role, attr, buf);
	canvas_put(c, x + (int)n, y, c->ascii ? '>' : 0x2026, role, attr);
	return (int)n + 1;
}

void
canvas_fill(struct canvas *c, struct rect r, uint32_t cp, int role, int attr)
{
	int x, y, w = cp_width(cp);

	if (w < 1)
		return;
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x + w <= r.x + r.w; x += w)
			canvas_put(c, x, y, cp, role, attr);
}

void
canvas_paint(struct canvas *c, struct rect r, int role, int attr)
{
	int x, y;

	r = rect_and(r, c->clip);
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++) {
			struct cell *p = &c->cells[(long)y * c->w + x];

			p->role = (uint8_t)role;
			p->attr = (uint8_t)attr;
		}
}

void
canvas_attr(struct canvas *c, struct rect r, int attr)
{
	int x, y;

	r = rect_and(r, c->clip);
	for (y = r.y; y < r.y + r.h; y++)
		for (x = r.x; x < r.x + r.w; x++)
			c->cells[(long)y * c->w + x].attr |= (uint8_t)attr;
}

void
canvas_hline(struct canvas *c, int x, int y, int w, uint32_t cp, int role)
{
	canvas_fill(c, (struct rect){ x, y, w, 1 }, cp, role, 0);
}

/* ------------------------------------------------------------ wrapping */

struct wrap {
	struct canvas *c;
	struct rect r;
	int skip;		/* lines not drawn */
	int line, col;		/* position in the wrapped text */
	int role, emph_role;
	int markup;
	int emph;		/* inside *...* */
	const char *para, *para_end;	/* the current paragraph */
};

static int
wrap_alnum(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 'A' && cp <= 'Z') || cp >= 0x80;
}

static int
wrap_ascii_alnum(uint32_t cp)
{
	return cp < 0x80 && wrap_alnum(cp);
}

/* Is the '*' at p an emphasis mark? Opening marks need a closing one later
 * in the paragraph. A closing mark may be followed by a letter outside
 * ASCII: Korean particles join the word they follow (*뉴런*입니다). */
static int
wrap_is_mark(const struct wrap *w, const char *p, int open)
{
	const char *q;
	uint32_t prev = p > w->para ? (unsigned char)p[-1] : ' ';
	uint32_t next = p + 1 < w->para_end ? (unsigned char)p[1] : ' ';

	if (!w->markup)
		return 0;
	if (open) {
		/* closing: after a non-blank, not followed by a letter */
		return prev != ' ' && !wrap_ascii_alnum(next);
	}
	if (wrap_alnum(prev) || prev == '*' || prev == '\\' || next == ' ' || next == '*')
		return 0;
	for (q = p + 2; q < w->para_end; q++)
		if (*q == '*' && q[-1] != ' ' && q[-1] != '\\' &&
		    !(q + 1 < w->para_end && wrap_ascii_alnum((unsigned char)q[1])))
			return 1;
	return 0;
}

static void
wrap_newline(struct wrap *w)
{
	w->line++;
	w->col = 0;
}

static void
wrap_emit(struct wrap *w, uint32_t cp, int cw)
{
	int y = w->r.y + w->line - w->skip;

	if (w->c != NULL && w->line >= w->skip && y < w->r.y + w->r.h &&
	    w->col + cw <= w->r.w)
		canvas_put(w->c, w->r.x + w->col, y, cp, w->emph ? w->emph_role : w->role,
		    0);
	w->col += cw;
}

/*
 * Walks one word [s, e). With draw 0 it only measures (the emphasis state is
 * restored afterwards); with draw 1 it emits, breaking lines inside the word
 * when `split` is set.
 */
static int
wrap_word(struct wrap *w, const char *s, const char *e, int draw, int split)
{
	int keep = w->emph, width = 0, k, cw;
	uint32_t cp;

	while (s < e) {
		if (w->markup && *s == '\\' && s + 1 < e && s[1] == '*') {
			s++;
			cp = '*';
			k = 1;
		} else if (*s == '*' && wrap_is_mark(w, s, w->emph)) {
			w->emph = !w->emph;
			s++;
			continue;
		} else
			k = utf8_decode(s, (size_t)(e - s), &cp);
		s += k;
		if (w->c != NULL && w->c->ascii && cp >= 0x80)
			cp = '?';
		cw = cp_width(cp);
		if (cw == 0)
			continue;
		width += cw;
		if (!draw)
			continue;
		if (split && w->col > 0 && w->col + cw > w->r.w)
			wrap_newline(w);
		wrap_emit(w, cp, cw);
	}
	if (!draw)
		w->emph = keep;
	return width;
}

static void
wrap_paragraph(struct wrap *w, const char *s, const char *e)
{
	const char *p = s, *q;
	int ww;

	w->para = s;
	w->para_end = e;
	w->emph = 0;
	while (p < e) {
		while (p < e && *p == ' ')
			p++;
		if (p >= e)
			break;
		for (q = p; q < e && *q != ' '; q++)
			;
		ww = wrap_word(w, p, q, 0, 0);
		/* A space before the word, or a new line if it fits there and not
		 * here; a word longer than any line fills this one. */
		if (w->col > 0 && w->col + 1 + ww > w->r.w && ww <= w->r.w)
			wrap_newline(w);
		else if (w->col > 0)
			wrap_emit(w, ' ', 1);
		wrap_word(w, p, q, 1, 1);
		p = q;
	}
}

int
canvas_wrap(struct canvas *c, struct rect r, int skip, const char *s, int role,
    int emph_role, int markup)
{
	struct wrap w;
	const char *p, *nl;

	if (s == NULL || r.w < 1)
		return 0;
	memset(&w, 0, sizeof w);
	w.c = c;
	w.r = r;
	w.skip = skip;
	w.role = role;
	w.emph_role = emph_role;
	w.markup = markup;
	p = s;
	for (;;) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		wrap_paragraph(&w, p, nl);
		if (*nl == '\0')
			break;
		wrap_newline(&w);
		p = nl + 1;
	}
	return w.line + 1;
}
