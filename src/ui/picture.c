/*
 * picture.c: pictures as half blocks in colour, or as density glyphs.
 */
#include <math.h>

#include "picture.h"

#define HALF_BLOCK 0x2580	/* upper half block */

/* Colour level of value v: 0..PIC_GREY_LEVELS-1 (grey) or
 * 0..PIC_SIGN_LEVELS-1 with zero in the middle (signed). */
static int
picture_level(const struct picture *p, double v)
{
	double f;
	int n, half;

	if (!isfinite(v))
		v = p->sign ? 0 : p->lo;
	if (p->sign) {
		half = PIC_SIGN_LEVELS / 2;
		f = p->hi > 0 ? v / p->hi : 0;
		f = f < -1 ? -1 : f > 1 ? 1 : f;
		return half + (int)lround(f * half);
	}
	n = PIC_GREY_LEVELS - 1;
	f = p->hi > p->lo ? (v - p->lo) / (p->hi - p->lo) : 0;
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	return (int)lround(f * n);
}

/* Value of pixel (r, c), or the background beyond the picture. */
static double
picture_at(const struct picture *p, int r, int c)
{
	if (r < 0 || r >= p->h || c < 0 || c >= p->w)
		return p->sign ? 0 : p->lo;
	return p->v[(long)r * p->w + c];
}

/* The density glyph of value v. */
static const char *
picture_glyph(const struct picture *p, const struct glyphs *g, double v)
{
	double f;

	if (!isfinite(v))
		v = p->sign ? 0 : p->lo;
	if (p->sign) {
		f = p->hi > 0 ? fabs(v) / p->hi : 0;
		if (f < 0.15)
			return g->wzero;
		if (v > 0)
			return f < 0.55 ? g->wpos[0] : g->wpos[2];
		return f < 0.55 ? g->wneg[0] : g->wneg[2];
	}
	f = p->hi > p->lo ? (v - p->lo) / (p->hi - p->lo) : 0;
	f = f < 0 ? 0 : f > 1 ? 1 : f;
	return g->ramp[(int)lround(f * 4)];
}

void
picture_size(const struct picture *p, enum picture_size size, int mono, int *cols, int *rows)
{
	if (size == PICTURE_BIG) {
		*cols = 2 * p->w;
		*rows = p->h;
	} else {
		*cols = p->w;
		*rows = (p->h + 1) / 2;
	}
	(void)mono;
}

void
picture_draw(struct canvas *c, int x, int y, const struct picture *p,
    enum picture_size size, int mono, const struct glyphs *g)
{
	int base = p->sign ? C_PIC_SIGN : C_PIC_GREY;
	int levels = p->sign ? PIC_SIGN_LEVELS : PIC_GREY_LEVELS;
	int cols, rows, cx, cy;

	picture_size(p, size, mono, &cols, &rows);
	for (cy = 0; cy < rows; cy++)
		for (cx = 0; cx < cols; cx++) {
			int pc = size == PICTURE_BIG ? cx / 2 : cx;
			int top = size == PICTURE_BIG ? cy : 2 * cy;
			int bottom = size == PICTURE_BIG ? cy : 2 * cy + 1;
			double up = picture_at(p, top, pc), down = picture_at(p, bottom, pc);

			if (mono) {
				/* A small picture shows the mean of its two rows. */
				double v = bottom < p->h ? (up + down) / 2 : up;

				int role = !p->sign || fabs(v) < 0.15 * p->hi ? C_DEFAULT :
				    v > 0 ? C_POSITIVE_WEIGHT : C_NEGATIVE_WEIGHT;

				canvas_text(c, x + cx, y + cy, 1, role, 0, picture_glyph(p, g, v));
				continue;
			}
			canvas_put(c, x + cx, y + cy, HALF_BLOCK,
			    base + picture_level(p, up) * levels + picture_level(p, down), 0);
		}
}

double
picture_max_abs(const double *v, long n)
{
	double m = 0;
	long i;

	for (i = 0; i < n; i++)
		if (isfinite(v[i]) && fabs(v[i]) > m)
			m = fabs(v[i]);
	return m > 0 ? m : 1;
}
