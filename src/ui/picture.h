/*
 * picture.h: small images (an input that is a picture, a neuron's input
 * weights) drawn into a canvas.
 *
 * In colour, half-block characters give two pixels per cell: the upper
 * pixel is the foreground of U+2580 and the lower one its background, in
 * the picture roles of theme.h. Without colour (NO_COLOR, 8 colours) or
 * in ASCII, each pixel is a density glyph instead, so the picture still
 * carries everything.
 */
#ifndef NNSTEP_PICTURE_H
#define NNSTEP_PICTURE_H

#include "canvas.h"
#include "theme.h"

struct picture {
	const double *v;	/* h * w values, row by row */
	int h, w;
	int sign;		/* 0: grey from lo (paper) to hi (ink);
				 * 1: signed, -hi (orange) .. 0 .. +hi (blue) */
	double lo, hi;
};

/* How a picture is drawn: big pictures give every pixel two columns (and,
 * in colour, a whole cell); small ones one column and half a cell. */
enum picture_size { PICTURE_SMALL = 0, PICTURE_BIG };

/* Cells the picture takes. mono: glyphs instead of colours. */
void picture_size(const struct picture *p, enum picture_size size, int mono, int *cols,
    int *rows);
/* Draws the picture with its top left corner at (x, y), clipped as usual. */
void picture_draw(struct canvas *c, int x, int y, const struct picture *p,
    enum picture_size size, int mono, const struct glyphs *g);
/* The range of a signed picture: the largest |v| (1 when all are zero). */
double picture_max_abs(const double *v, long n);

#endif
