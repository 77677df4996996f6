/*
 * canvas.h: a grid of character cells that views draw into.
 *
 * A cell holds one Unicode code point, its display width (1, or 2 for a
 * double-width character such as Korean; the cell to the right of a double
 * width character is a continuation of width 0), a colour role (theme.h) and
 * attributes. Text is measured in display columns, never in bytes.
 *
 * All drawing is clipped to the canvas's clip rectangle, so a view may write
 * past its edges safely. An ASCII canvas replaces every character outside
 * ASCII with '?' (text) so nothing but ASCII ever reaches the terminal; views
 * choose ASCII glyphs themselves (theme.h, struct glyphs).
 *
 * Nothing here talks to a terminal: tty.c copies a canvas to the screen,
 * screen.c prints it as text.
 */
#ifndef NNSTEP_CANVAS_H
#define NNSTEP_CANVAS_H

#include <stdint.h>
#include <stddef.h>

#include "util/utf8.h"

/* Attributes of a cell, added to those of its colour role. */
#define ATTR_BOLD	0x01
#define ATTR_REVERSE	0x02
#define ATTR_UNDERLINE	0x04
#define ATTR_DIM	0x08

struct rect {
	int x, y, w, h;
};

struct cell {
	uint32_t cp;		/* code point; 0 in the continuation of a wide one */
	uint8_t width;		/* 1, 2, or 0 for a continuation */
	uint8_t role;		/* colour role (enum role) */
	uint8_t attr;		/* ATTR_* */
	uint8_t pad;
};

struct canvas {
	int w, h;
	int ascii;		/* only ASCII characters are stored */
	struct rect clip;	/* drawing outside is dropped */
	struct cell *cells;	/* h rows of w cells */
};

/* ------------------------------------------------------------ text */

/* UTF-8 itself: util/utf8.h (utf8_decode, utf8_encode). */
/* Display width of a code point: 0 (combining, control), 1 or 2. The C
 * library's wcwidth decides when it knows the character; otherwise a table
 * of the East Asian wide ranges, so results do not depend on the locale. */
int cp_width(uint32_t cp);
/* Display width of a UTF-8 string (n bytes, or -1 for up to the NUL). */
int text_width(const char *s, long n);
/* Bytes of s (up to the NUL) that fit in w columns. */
size_t text_fit(const char *s, int w);
/* n, or less when s cut before byte n would split a number: then where that
 * number starts, so that no part of it is drawn. */
size_t text_number_cut(const char *s, size_t n);

/* --------------------------------------------------------- canvas */

/* A new blank canvas; never NULL (out of memory aborts). */
struct canvas *canvas_new(int w, int h, int ascii);
void canvas_free(struct canvas *c);
/* Changes the size (contents become blank). */
void canvas_resize(struct canvas *c, int w, int h);
/* Blank cells of role 0 everywhere; the clip becomes the whole canvas. */
void canvas_clear(struct canvas *c);
/* Sets the clip to r intersected with the canvas; returns the old clip. */
struct rect canvas_clip(struct canvas *c, struct rect r);
const struct cell *canvas_cell(const struct canvas *c, int x, int y);

/* Puts one character at (x, y). Returns its width (0 when clipped). */
int canvas_put(struct canvas *c, int x, int y, uint32_t cp, int role, int attr);
/* Writes UTF-8 text from (x, y) on one line, at most maxw columns (-1: to
 * the clip edge). Control characters are skipped. Returns the columns used. */
int canvas_text(struct canvas *c, int x, int y, int maxw, int role, int attr,
    const char *s);
int canvas_printf(struct canvas *c, int x, int y, int maxw, int role, int attr,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Like canvas_text, but a string wider than maxw ends with an ellipsis. */
int canvas_text_cut(struct canvas *c, int x, int y, int maxw, int role, int attr,
    const char *s);
/* Fills r with cp. */
void canvas_fill(struct canvas *c, struct rect r, uint32_t cp, int role, int attr);
/* Changes role and attributes of the cells in r, keeping the characters. */
void canvas_paint(struct canvas *c, struct rect r, int role, int attr);
/* Adds attributes to the cells in r, keeping characters and roles. */
void canvas_attr(struct canvas *c, struct rect r, int attr);
void canvas_hline(struct canvas *c, int x, int y, int w, uint32_t cp, int role);

/*
 * Word-wraps UTF-8 text into r by display width and draws it, skipping the
 * first `skip` lines. A line break in the text starts a new line. Words wider
 * than the line, and runs of double-width characters (scripts written
 * without spaces), break between characters. With markup, *word* is drawn in
 * the emphasis role (the asterisks are not shown; \* is a literal asterisk).
 * Returns the number of lines the whole text needs at this width (drawn or
 * not), so callers can size or scroll. A rectangle of height 0 only
 * measures.
 */
int canvas_wrap(struct canvas *c, struct rect r, int skip, const char *s, int role,
    int emph_role, int markup);

/* Intersection of two rectangles (w or h 0 when they do not meet). */
struct rect rect_and(struct rect a, struct rect b);
/* r shrunk by n on every side. */
struct rect rect_inset(struct rect r, int n);

#endif
