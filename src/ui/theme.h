/*
 * theme.h: colour roles named by meaning, the themes that map them to a
 * terminal, and the two glyph sets (Unicode, ASCII).
 *
 * A theme is chosen for the room (dark, light, contrast) and drawn with what
 * the terminal has (256 colours, 8 colours, none). Sign is always blue
 * against orange, which colour-blind viewers tell apart; no role relies on a
 * colour close to the terminal's background.
 *
 * Views only ever name a role; tty.c and screen.c ask the theme what it looks
 * like. Everything a colour says is also said by a glyph or an attribute, so
 * the colourless theme loses nothing but comfort.
 */
#ifndef NNSTEP_THEME_H
#define NNSTEP_THEME_H

#include <stdint.h>

#include "app/choices.h"

enum role {
	C_DEFAULT = 0,
	C_DIM,			/* secondary text, axes, empty cells */
	C_BORDER,		/* panel frame */
	C_BORDER_FOCUS,		/* frame of the focused panel */
	C_TITLE,		/* panel title */
	C_TITLE_FOCUS,		/* title of the focused panel */
	C_STATUS,		/* status bar */
	C_STATUS_KEY,		/* status bar: the figures */
	C_PHASE,		/* a phase name that is not the current one */
	C_PHASE_ACTIVE,		/* the current phase */
	C_HINT,			/* key-hint bar */
	C_KEY,			/* a key name in hints and help */
	C_MESSAGE,		/* one-line message after an action */
	C_POSITIVE_WEIGHT,
	C_NEGATIVE_WEIGHT,
	C_POSITIVE_ACT,		/* a unit with a positive value */
	C_NEGATIVE_ACT,
	C_ZERO,			/* a value too small to matter */
	C_DEAD_UNIT,
	C_SATURATED_UNIT,
	C_GRADIENT,		/* backward-pass quantities */
	C_UPDATE,		/* weight changes */
	C_CURSOR,		/* the selected neuron */
	C_WARNING,
	C_ERROR,		/* divergence */
	C_GOOD,			/* right answer, improvement */
	C_TRAIN_LOSS,
	C_VAL_LOSS,
	C_EVENT,		/* callback markers on the loss curve */
	C_EMPHASIS,		/* *word* in narration */
	C_CLASS0, C_CLASS1, C_CLASS2, C_CLASS3,		/* data points by class */
	/* decision regions: class k at confidence level l (0 unsure .. 3 sure)
	 * is C_REGION + 4 * k + l (see C_SHADE) */
	C_REGION,
	C_REGION_LAST = C_REGION + 15,
	C_BOUNDARY,		/* the decision boundary */
	C_BAR,			/* gradient-flow and histogram bars */
	C_OVERLAY,		/* help and question boxes */
	C_COUNT
};

/*
 * Picture cells (picture.c) come after the named roles: each is the pair of
 * pixels one half-block character shows, the upper pixel as its foreground
 * and the lower one as its background. Grey pictures (inputs) have
 * PIC_GREY_LEVELS levels from paper to ink; signed pictures (weights) have
 * PIC_SIGN_LEVELS levels from strong negative (orange) through zero to
 * strong positive (blue).
 */
#define PIC_GREY_LEVELS 8
#define PIC_SIGN_LEVELS 9
#define C_PIC_GREY C_COUNT
#define C_PIC_SIGN (C_PIC_GREY + PIC_GREY_LEVELS * PIC_GREY_LEVELS)
#define C_ROLES (C_PIC_SIGN + PIC_SIGN_LEVELS * PIC_SIGN_LEVELS)

#define SHADE_LEVELS 4
#define C_SHADE(k, l) (C_REGION + SHADE_LEVELS * (k) + (l))

/* What the terminal can show. */
enum theme_kind { THEME_NONE = 0, THEME_8, THEME_256 };

/* What a role looks like: colours are terminal colour numbers (-1 is the
 * terminal's default; THEME_NONE uses neither); attr is ATTR_* from canvas.h. */
struct theme_style {
	int16_t fg, bg;
	uint8_t attr;
};

const struct theme_style *theme_style(enum theme_kind k, enum theme_id id, int role);
/* The red, green and blue (0-255) of xterm's colour n (0-255). */
void theme_rgb(int n, unsigned char rgb[3]);
/* Role names ("positive-weight"), for tests and debugging. */
const char *theme_role_name(int role);

/* Glyphs that views draw with; each is one display column, except the
 * ASCII arrows ("->", "<-") and the ASCII words (sum, inf). */
struct glyphs {
	int unicode;
	const char *ramp[5];		/* magnitude 0..4: " ░▒▓█" */
	const char *wpos[3];		/* positive weight, small to large */
	const char *wneg[3];		/* negative weight */
	const char *wzero;		/* weight near zero */
	const char *dead, *saturated;	/* unit markers */
	const char *pos_sign, *neg_sign;	/* sign beside a unit */
	const char *hbar[9];		/* horizontal bar eighths, [8] full */
	const char *vbar[9];		/* vertical bar eighths (histograms) */
	const char *bar_empty;		/* unfilled part of a bar */
	const char *box[6];		/* h, v, top-left, top-right, bottom-left, bottom-right */
	const char *arrow_right, *arrow_left;
	const char *ellipsis;
	const char *up, *down;		/* more above / below */
	const char *times, *delta, *sigma, *infinity;
	const char *point[4];		/* training points by class */
	const char *vpoint[4];		/* validation points by class */
	const char *shade[4][SHADE_LEVELS];	/* decision regions by class and confidence */
	const char *boundary;		/* cells on the decision boundary */
	const char *right, *wrong;	/* answer marks */
	const char *event_mark;		/* vertical marker line */
	const char *sep;		/* separator in the status bar */
};

const struct glyphs *glyphs_get(int ascii);

#endif
