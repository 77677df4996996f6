/*
 * theme.c: the three colour themes and the two glyph sets, as tables.
 */
#include <stddef.h>
#include <string.h>

#include "canvas.h"
#include "theme.h"

/* ------------------------------------------------------------- themes */

#define B ATTR_BOLD
#define R ATTR_REVERSE
#define U ATTR_UNDERLINE
#define D ATTR_DIM

/*
 * Dark terminals. Secondary text and frames are mid greys (245-250), never
 * the near-black greys that vanish on a projector.
 */
static const struct theme_style theme_dark[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 },
	[C_DIM] = { 248, -1, 0 },
	[C_BORDER] = { 245, -1, 0 },
	[C_BORDER_FOCUS] = { 75, -1, B },
	[C_TITLE] = { 252, -1, B },
	[C_TITLE_FOCUS] = { 81, -1, B },
	[C_STATUS] = { 253, 238, 0 },
	[C_STATUS_KEY] = { 230, 238, B },
	[C_PHASE] = { 250, 238, 0 },
	[C_PHASE_ACTIVE] = { 16, 214, B },
	[C_HINT] = { 250, -1, 0 },
	[C_KEY] = { 117, -1, B },
	[C_MESSAGE] = { 229, -1, B },
	[C_POSITIVE_WEIGHT] = { 75, -1, 0 },
	[C_NEGATIVE_WEIGHT] = { 209, -1, 0 },
	[C_POSITIVE_ACT] = { 117, -1, 0 },
	[C_NEGATIVE_ACT] = { 216, -1, 0 },
	[C_ZERO] = { 246, -1, 0 },
	[C_DEAD_UNIT] = { 177, -1, B },
	[C_SATURATED_UNIT] = { 220, -1, B },
	[C_GRADIENT] = { 177, -1, 0 },
	[C_UPDATE] = { 114, -1, 0 },
	[C_CURSOR] = { -1, -1, R },
	[C_WARNING] = { 214, -1, B },
	[C_ERROR] = { 231, 160, B },
	[C_GOOD] = { 114, -1, B },
	[C_TRAIN_LOSS] = { 75, -1, 0 },
	[C_VAL_LOSS] = { 214, -1, B },
	[C_EVENT] = { 177, -1, B },
	[C_EMPHASIS] = { 229, -1, B },
	[C_CLASS0] = { 117, -1, B },
	[C_CLASS1] = { 215, -1, B },
	[C_CLASS2] = { 79, -1, B },
	[C_CLASS3] = { 228, -1, B },
	/* blue, orange, teal, yellow: greyer near the boundary, purer when sure;
	 * the glyph a brighter tone of the same hue, so denser reads stronger */
	[C_SHADE(0, 0)] = { 61, 60, 0 }, [C_SHADE(0, 1)] = { 68, 61, 0 },
	[C_SHADE(0, 2)] = { 33, 25, 0 }, [C_SHADE(0, 3)] = { 39, 27, 0 },
	[C_SHADE(1, 0)] = { 137, 95, 0 }, [C_SHADE(1, 1)] = { 173, 137, 0 },
	[C_SHADE(1, 2)] = { 209, 173, 0 }, [C_SHADE(1, 3)] = { 214, 208, 0 },
	[C_SHADE(2, 0)] = { 72, 66, 0 }, [C_SHADE(2, 1)] = { 79, 72, 0 },
	[C_SHADE(2, 2)] = { 43, 36, 0 }, [C_SHADE(2, 3)] = { 48, 42, 0 },
	[C_SHADE(3, 0)] = { 143, 101, 0 }, [C_SHADE(3, 1)] = { 186, 143, 0 },
	[C_SHADE(3, 2)] = { 227, 185, 0 }, [C_SHADE(3, 3)] = { 226, 220, 0 },
	[C_BOUNDARY] = { 231, -1, B },
	[C_BAR] = { 75, -1, 0 },
	[C_OVERLAY] = { 253, 237, 0 },
};

/* Light terminals and projectors: dark text, strong hues, pale regions. */
static const struct theme_style theme_light[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 },
	[C_DIM] = { 240, -1, 0 },
	[C_BORDER] = { 244, -1, 0 },
	[C_BORDER_FOCUS] = { 25, -1, B },
	[C_TITLE] = { 235, -1, B },
	[C_TITLE_FOCUS] = { 25, -1, B },
	[C_STATUS] = { 234, 252, 0 },
	[C_STATUS_KEY] = { 17, 252, B },
	[C_PHASE] = { 238, 252, 0 },
	[C_PHASE_ACTIVE] = { 231, 166, B },
	[C_HINT] = { 238, -1, 0 },
	[C_KEY] = { 25, -1, B },
	[C_MESSAGE] = { 17, -1, B },
	[C_POSITIVE_WEIGHT] = { 25, -1, 0 },
	[C_NEGATIVE_WEIGHT] = { 166, -1, 0 },
	[C_POSITIVE_ACT] = { 25, -1, 0 },
	[C_NEGATIVE_ACT] = { 166, -1, 0 },
	[C_ZERO] = { 244, -1, 0 },
	[C_DEAD_UNIT] = { 90, -1, B },
	[C_SATURATED_UNIT] = { 130, -1, B },
	[C_GRADIENT] = { 90, -1, 0 },
	[C_UPDATE] = { 29, -1, 0 },
	[C_CURSOR] = { -1, -1, R },
	[C_WARNING] = { 130, -1, B },
	[C_ERROR] = { 231, 160, B },
	[C_GOOD] = { 28, -1, B },
	[C_TRAIN_LOSS] = { 25, -1, 0 },
	[C_VAL_LOSS] = { 166, -1, B },
	[C_EVENT] = { 90, -1, B },
	[C_EMPHASIS] = { 17, -1, B },
	[C_CLASS0] = { 19, -1, B },
	[C_CLASS1] = { 130, -1, B },
	[C_CLASS2] = { 23, -1, B },
	[C_CLASS3] = { 90, -1, B },
	/* pale near the boundary, saturated when sure; the glyph a darker tone
	 * of the same hue */
	[C_SHADE(0, 0)] = { 153, 189, 0 }, [C_SHADE(0, 1)] = { 111, 153, 0 },
	[C_SHADE(0, 2)] = { 69, 111, 0 }, [C_SHADE(0, 3)] = { 19, 26, 0 },
	[C_SHADE(1, 0)] = { 216, 223, 0 }, [C_SHADE(1, 1)] = { 209, 216, 0 },
	[C_SHADE(1, 2)] = { 202, 209, 0 }, [C_SHADE(1, 3)] = { 130, 202, 0 },
	[C_SHADE(2, 0)] = { 116, 152, 0 }, [C_SHADE(2, 1)] = { 80, 116, 0 },
	[C_SHADE(2, 2)] = { 37, 80, 0 }, [C_SHADE(2, 3)] = { 23, 37, 0 },
	[C_SHADE(3, 0)] = { 219, 225, 0 }, [C_SHADE(3, 1)] = { 213, 219, 0 },
	[C_SHADE(3, 2)] = { 171, 213, 0 }, [C_SHADE(3, 3)] = { 90, 171, 0 },
	[C_BOUNDARY] = { 16, -1, B },
	[C_BAR] = { 25, -1, 0 },
	[C_OVERLAY] = { 234, 255, 0 },
};

/*
 * High contrast: white on black everywhere (the background is set, not
 * the terminal's), with one strong pair, blue and orange, for sign and
 * class; regions keep the black background and show confidence by glyph
 * density in the class colour.
 */
#define K 16			/* black */
#define W 231			/* white */
#define BL 39			/* blue */
#define OR 208			/* orange */
static const struct theme_style theme_contrast[C_COUNT] = {
	[C_DEFAULT] = { W, K, 0 },
	[C_DIM] = { W, K, 0 },
	[C_BORDER] = { W, K, 0 },
	[C_BORDER_FOCUS] = { OR, K, B },
	[C_TITLE] = { W, K, B },
	[C_TITLE_FOCUS] = { OR, K, B | U },
	[C_STATUS] = { K, W, 0 },
	[C_STATUS_KEY] = { K, W, B },
	[C_PHASE] = { K, W, 0 },
	[C_PHASE_ACTIVE] = { W, K, B },
	[C_HINT] = { W, K, 0 },
	[C_KEY] = { OR, K, B },
	[C_MESSAGE] = { W, K, B },
	[C_POSITIVE_WEIGHT] = { BL, K, B },
	[C_NEGATIVE_WEIGHT] = { OR, K, B },
	[C_POSITIVE_ACT] = { BL, K, B },
	[C_NEGATIVE_ACT] = { OR, K, B },
	[C_ZERO] = { W, K, 0 },
	[C_DEAD_UNIT] = { W, K, B | U },
	[C_SATURATED_UNIT] = { W, K, B | U },
	[C_GRADIENT] = { W, K, B },
	[C_UPDATE] = { W, K, B },
	[C_CURSOR] = { K, W, B },
	[C_WARNING] = { OR, K, B },
	[C_ERROR] = { K, OR, B },
	[C_GOOD] = { W, K, B },
	[C_TRAIN_LOSS] = { BL, K, B },
	[C_VAL_LOSS] = { OR, K, B },
	[C_EVENT] = { W, K, B },
	[C_EMPHASIS] = { OR, K, B },
	[C_CLASS0] = { K, BL, B },
	[C_CLASS1] = { K, OR, B },
	[C_CLASS2] = { K, W, B },
	[C_CLASS3] = { W, K, B | U },
	[C_SHADE(0, 0)] = { BL, K, 0 }, [C_SHADE(0, 1)] = { BL, K, 0 },
	[C_SHADE(0, 2)] = { BL, K, B }, [C_SHADE(0, 3)] = { BL, K, B },
	[C_SHADE(1, 0)] = { OR, K, 0 }, [C_SHADE(1, 1)] = { OR, K, 0 },
	[C_SHADE(1, 2)] = { OR, K, B }, [C_SHADE(1, 3)] = { OR, K, B },
	[C_SHADE(2, 0)] = { W, K, 0 }, [C_SHADE(2, 1)] = { W, K, 0 },
	[C_SHADE(2, 2)] = { W, K, B }, [C_SHADE(2, 3)] = { W, K, B },
	[C_SHADE(3, 0)] = { W, K, 0 }, [C_SHADE(3, 1)] = { W, K, 0 },
	[C_SHADE(3, 2)] = { W, K, B }, [C_SHADE(3, 3)] = { W, K, B },
	[C_BOUNDARY] = { W, K, B },
	[C_BAR] = { W, K, 0 },
	[C_OVERLAY] = { W, K, 0 },
};
#undef K
#undef W
#undef BL
#undef OR

/* 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
 * The terminal's own background stays, so one table serves dark and light. */
static const struct theme_style theme_8[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 },
	[C_DIM] = { -1, -1, 0 },
	[C_BORDER] = { -1, -1, 0 },
	[C_BORDER_FOCUS] = { 4, -1, B },
	[C_TITLE] = { -1, -1, B },
	[C_TITLE_FOCUS] = { 4, -1, B },
	[C_STATUS] = { 0, 7, 0 },
	[C_STATUS_KEY] = { 4, 7, B },
	[C_PHASE] = { 0, 7, 0 },
	[C_PHASE_ACTIVE] = { 7, 4, B },
	[C_HINT] = { -1, -1, 0 },
	[C_KEY] = { 4, -1, B },
	[C_MESSAGE] = { -1, -1, B },
	[C_POSITIVE_WEIGHT] = { 4, -1, 0 },
	[C_NEGATIVE_WEIGHT] = { 3, -1, 0 },
	[C_POSITIVE_ACT] = { 4, -1, 0 },
	[C_NEGATIVE_ACT] = { 3, -1, 0 },
	[C_ZERO] = { -1, -1, 0 },
	[C_DEAD_UNIT] = { 5, -1, B },
	[C_SATURATED_UNIT] = { 3, -1, B },
	[C_GRADIENT] = { 5, -1, 0 },
	[C_UPDATE] = { 6, -1, 0 },
	[C_CURSOR] = { -1, -1, R },
	[C_WARNING] = { 3, -1, B },
	[C_ERROR] = { 7, 1, B },
	[C_GOOD] = { 6, -1, B },
	[C_TRAIN_LOSS] = { 4, -1, 0 },
	[C_VAL_LOSS] = { 3, -1, B },
	[C_EVENT] = { 5, -1, B },
	[C_EMPHASIS] = { -1, -1, B | U },
	[C_CLASS0] = { 4, -1, B },
	[C_CLASS1] = { 3, -1, B },
	[C_CLASS2] = { 6, -1, B },
	[C_CLASS3] = { 5, -1, B },
	/* unsure: the glyph in the class colour; sure: the class colour behind it */
	[C_SHADE(0, 0)] = { 4, -1, 0 }, [C_SHADE(0, 1)] = { 4, -1, 0 },
	[C_SHADE(0, 2)] = { 7, 4, 0 }, [C_SHADE(0, 3)] = { 7, 4, B },
	[C_SHADE(1, 0)] = { 3, -1, 0 }, [C_SHADE(1, 1)] = { 3, -1, 0 },
	[C_SHADE(1, 2)] = { 0, 3, 0 }, [C_SHADE(1, 3)] = { 0, 3, B },
	[C_SHADE(2, 0)] = { 6, -1, 0 }, [C_SHADE(2, 1)] = { 6, -1, 0 },
	[C_SHADE(2, 2)] = { 0, 6, 0 }, [C_SHADE(2, 3)] = { 0, 6, B },
	[C_SHADE(3, 0)] = { 5, -1, 0 }, [C_SHADE(3, 1)] = { 5, -1, 0 },
	[C_SHADE(3, 2)] = { 7, 5, 0 }, [C_SHADE(3, 3)] = { 7, 5, B },
	[C_BOUNDARY] = { -1, -1, B },
	[C_BAR] = { 4, -1, 0 },
	[C_OVERLAY] = { -1, -1, 0 },
};

static const struct theme_style theme_none[C_COUNT] = {
	[C_BORDER_FOCUS] = { -1, -1, B },
	[C_TITLE] = { -1, -1, 0 },
	[C_TITLE_FOCUS] = { -1, -1, B | U },
	[C_STATUS_KEY] = { -1, -1, B },
	[C_PHASE_ACTIVE] = { -1, -1, R | B },
	[C_KEY] = { -1, -1, B },
	[C_MESSAGE] = { -1, -1, B },
	[C_DEAD_UNIT] = { -1, -1, B },
	[C_SATURATED_UNIT] = { -1, -1, B },
	[C_CURSOR] = { -1, -1, R },
	[C_WARNING] = { -1, -1, B },
	[C_ERROR] = { -1, -1, R | B },
	[C_GOOD] = { -1, -1, B },
	[C_EVENT] = { -1, -1, B },
	[C_EMPHASIS] = { -1, -1, B | U },
	[C_CLASS0] = { -1, -1, B },
	[C_CLASS1] = { -1, -1, B },
	[C_CLASS2] = { -1, -1, B },
	[C_CLASS3] = { -1, -1, B },
	[C_BOUNDARY] = { -1, -1, B },
};

#undef B
#undef R
#undef U
#undef D

/* A 256-colour cube colour between two cube points, t in 0..1. */
static int
theme_blend(const int from[3], const int to[3], double t)
{
	int c[3], i;

	for (i = 0; i < 3; i++)
		c[i] = (int)(from[i] + (to[i] - from[i]) * t + 0.5);
	return 16 + 36 * c[0] + 6 * c[1] + c[2];
}

/* Terminal colour of picture level i: paper to ink (dark paper and white
 * ink on a dark screen, white paper and black ink on a light one), or
 * orange (negative) through grey to blue (positive), the colour-blind safe
 * pair the weights use elsewhere. */
static int
theme_pic_colour(int light, int sign, int i)
{
	static const int dark_zero[3] = { 1, 1, 1 }, light_zero[3] = { 4, 4, 4 };
	static const int orange[3] = { 5, 2, 0 }, blue[3] = { 0, 2, 5 };
	const int *zero = light ? light_zero : dark_zero;
	int half = PIC_SIGN_LEVELS / 2, n = PIC_GREY_LEVELS - 1;

	if (!sign)
		return light ? 255 - i * (255 - 232) / n : 234 + i * (255 - 234) / n;
	if (i == half)
		return theme_blend(zero, zero, 0);
	return i < half ? theme_blend(zero, orange, (double)(half - i) / half) :
	    theme_blend(zero, blue, (double)(i - half) / half);
}

static const struct theme_style *
theme_picture(enum theme_kind k, enum theme_id id, int role)
{
	static struct theme_style pic[2][C_ROLES - C_COUNT];
	static const struct theme_style plain = { -1, -1, 0 };
	static int made;
	int i, l, light = id == THEME_LIGHT;

	if (k != THEME_256)
		return &plain;	/* pictures are drawn with glyphs there */
	if (!made) {
		for (l = 0; l < 2; l++) {
			struct theme_style *t = pic[l];

			for (i = 0; i < C_PIC_SIGN - C_PIC_GREY; i++) {
				t[i].fg = (int16_t)theme_pic_colour(l, 0, i / PIC_GREY_LEVELS);
				t[i].bg = (int16_t)theme_pic_colour(l, 0, i % PIC_GREY_LEVELS);
			}
			for (i = 0; i < C_ROLES - C_PIC_SIGN; i++) {
				t[C_PIC_SIGN - C_COUNT + i].fg =
				    (int16_t)theme_pic_colour(l, 1, i / PIC_SIGN_LEVELS);
				t[C_PIC_SIGN - C_COUNT + i].bg =
				    (int16_t)theme_pic_colour(l, 1, i % PIC_SIGN_LEVELS);
			}
		}
		made = 1;
	}
	return &pic[light][role - C_COUNT];
}


const struct theme_style *
theme_style(enum theme_kind k, enum theme_id id, int role)
{
	static const struct theme_style *const big[THEME_COUNT] = { theme_dark, theme_light,
		theme_contrast };
	static const struct theme_style plain = { -1, -1, 0 };
	const struct theme_style *t;

	if (role >= C_COUNT && role < C_ROLES)
		return theme_picture(k, id, role);
	if (role < 0 || role >= C_COUNT)
		return &plain;
	/* The colourless theme keeps only attributes; its fg and bg are unused. */
	if (k == THEME_256)
		t = big[id >= 0 && id < THEME_COUNT ? id : THEME_DARK];
	else
		t = k == THEME_8 ? theme_8 : theme_none;
	return &t[role];
}


void
theme_rgb(int n, unsigned char rgb[3])
{
	static const unsigned char base[16][3] = {
		{ 0, 0, 0 }, { 205, 0, 0 }, { 0, 205, 0 }, { 205, 205, 0 }, { 0, 0, 238 },
		{ 205, 0, 205 }, { 0, 205, 205 }, { 229, 229, 229 }, { 127, 127, 127 },
		{ 255, 0, 0 }, { 0, 255, 0 }, { 255, 255, 0 }, { 92, 92, 255 }, { 255, 0, 255 },
		{ 0, 255, 255 }, { 255, 255, 255 },
	};
	static const unsigned char step[6] = { 0, 95, 135, 175, 215, 255 };

	if (n < 0 || n > 255)
		n = 0;
	if (n < 16) {
		memcpy(rgb, base[n], 3);
	} else if (n < 232) {
		n -= 16;
		rgb[0] = step[n / 36], rgb[1] = step[n / 6 % 6], rgb[2] = step[n % 6];
	} else
		rgb[0] = rgb[1] = rgb[2] = (unsigned char)(8 + 10 * (n - 232));
}

static const char *const theme_role_names[C_COUNT] = {
	"default", "dim", "border", "border-focus", "title", "title-focus", "status",
	"status-key", "phase", "phase-active", "hint", "key", "message",
	"positive-weight", "negative-weight", "positive-act", "negative-act", "zero",
	"dead-unit", "saturated-unit", "gradient", "update", "cursor", "warning", "error",
	"good", "train-loss", "val-loss", "event", "emphasis", "class0", "class1", "class2",
	"class3",
	"region0-0", "region0-1", "region0-2", "region0-3", "region1-0", "region1-1",
	"region1-2", "region1-3", "region2-0", "region2-1", "region2-2", "region2-3",
	"region3-0", "region3-1", "region3-2", "region3-3", "boundary", "bar", "overlay",
};

const char *
theme_role_name(int role)
{
	if (role >= C_PIC_GREY && role < C_ROLES)
		return role < C_PIC_SIGN ? "picture-grey" : "picture-signed";
	return role >= 0 && role < C_COUNT && theme_role_names[role] ? theme_role_names[role] : "?";
}

/* ------------------------------------------------------------- glyphs */

static const struct glyphs glyphs_unicode = {
	.unicode = 1,
	.ramp = { " ", "\u2591", "\u2592", "\u2593", "\u2588" },
	.wpos = { "+", "+", "#" },
	.wneg = { "-", "-", "=" },
	.wzero = "\u00b7",
	.dead = "\u2020",	/* not a class glyph: those are o x + * */
	.saturated = "~",
	.pos_sign = "+",
	.neg_sign = "-",
	.hbar = { " ", "\u258f", "\u258e", "\u258d", "\u258c", "\u258b", "\u258a", "\u2589",
	    "\u2588" },
	.vbar = { " ", "\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587",
	    "\u2588" },
	.bar_empty = "\u00b7",
	.box = { "\u2500", "\u2502", "\u250c", "\u2510", "\u2514", "\u2518" },
	.arrow_right = "\u2192",
	.arrow_left = "\u2190",
	.ellipsis = "\u2026",
	.up = "\u2191",
	.down = "\u2193",
	.times = "\u00d7",
	.delta = "\u0394",
	.sigma = "\u03a3",
	.infinity = "\u221e",
	.point = { "o", "x", "+", "*" },
	.vpoint = { "O", "X", "#", "@" },
	/* braille dots, shading, lines, ticks: denser when surer */
	.shade = { { " ", "\u2802", "\u2815", "\u283f" }, { " ", "\u2591", "\u2592", "\u2593" },
		{ " ", "-", "=", "\u2261" }, { " ", "'", "\"", "^" } },
	.boundary = "\u2022",
	.right = "\u2713",
	.wrong = "\u2717",
	.event_mark = "\u2502",
	.sep = "\u2502",
};

static const struct glyphs glyphs_ascii = {
	.unicode = 0,
	.ramp = { " ", ".", ":", "*", "#" },
	.wpos = { "+", "+", "#" },
	.wneg = { "-", "-", "=" },
	.wzero = ".",
	.dead = "!",	/* not a class glyph (o x + *) */
	.saturated = "~",
	.pos_sign = "+",
	.neg_sign = "-",
	.hbar = { " ", " ", " ", " ", "#", "#", "#", "#", "#" },
	.vbar = { " ", "_", "_", ".", ".", ":", ":", "|", "#" },
	.bar_empty = ".",
	.box = { "-", "|", "+", "+", "+", "+" },
	.arrow_right = "->",
	.arrow_left = "<-",
	.ellipsis = ">",	/* "~" marks a saturated unit */
	.up = "^",
	.down = "v",
	.times = "*",
	.delta = "D",
	.sigma = "sum",
	.infinity = "inf",
	.point = { "o", "x", "+", "*" },
	.vpoint = { "O", "X", "#", "@" },
	.shade = { { " ", ".", ":", ";" }, { " ", "-", "=", "%" }, { " ", "'", "\"", "&" },
		{ " ", "`", "^", "$" } },
	.boundary = "|",
	.right = "+",
	.wrong = "x",
	.event_mark = "|",
	.sep = "|",
};

const struct glyphs *
glyphs_get(int ascii)
{
	return ascii ? &glyphs_ascii : &glyphs_unicode;
}
