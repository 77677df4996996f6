/*
 * theme.c: the three colour themes and the two glyph sets, as tables.
 */
#include <stddef.h>

#include "canvas.h"
#include "theme.h"

/* ------------------------------------------------------------- themes */

#define B ATTR_BOLD
#define R ATTR_REVERSE
#define U ATTR_UNDERLINE
#define D ATTR_DIM

static const struct theme_style theme_256[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 },
	[C_DIM] = { 244, -1, 0 },
	[C_BORDER] = { 240, -1, 0 },
	[C_BORDER_FOCUS] = { 75, -1, B },
	[C_TITLE] = { 250, -1, B },
	[C_TITLE_FOCUS] = { 81, -1, B },
	[C_STATUS] = { 252, 236, 0 },
	[C_STATUS_KEY] = { 230, 236, B },
	[C_PHASE] = { 245, 236, 0 },
	[C_PHASE_ACTIVE] = { 16, 214, B },
	[C_HINT] = { 246, -1, 0 },
	[C_KEY] = { 117, -1, B },
	[C_MESSAGE] = { 229, -1, B },
	[C_POSITIVE_WEIGHT] = { 75, -1, 0 },
	[C_NEGATIVE_WEIGHT] = { 209, -1, 0 },
	[C_POSITIVE_ACT] = { 117, -1, 0 },
	[C_NEGATIVE_ACT] = { 216, -1, 0 },
	[C_ZERO] = { 240, -1, 0 },
	[C_DEAD_UNIT] = { 203, -1, B },
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
	[C_CLASS1] = { 216, -1, B },
	[C_CLASS2] = { 120, -1, B },
	[C_CLASS3] = { 228, -1, B },
	[C_REGION0] = { 67, 235, 0 },
	[C_REGION1] = { 131, 235, 0 },
	[C_REGION2] = { 65, 235, 0 },
	[C_REGION3] = { 136, 235, 0 },
	[C_REGION0_SURE] = { 68, 17, 0 },
	[C_REGION1_SURE] = { 173, 52, 0 },
	[C_REGION2_SURE] = { 71, 22, 0 },
	[C_REGION3_SURE] = { 178, 58, 0 },
	[C_BAR] = { 75, -1, 0 },
	[C_OVERLAY] = { 252, 235, 0 },
};

/* 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white */
static const struct theme_style theme_8[C_COUNT] = {
	[C_DEFAULT] = { -1, -1, 0 },
	[C_DIM] = { -1, -1, D },
	[C_BORDER] = { -1, -1, D },
	[C_BORDER_FOCUS] = { 6, -1, B },
	[C_TITLE] = { -1, -1, B },
	[C_TITLE_FOCUS] = { 6, -1, B },
	[C_STATUS] = { 0, 7, 0 },
	[C_STATUS_KEY] = { 4, 7, B },
	[C_PHASE] = { 0, 7, 0 },
	[C_PHASE_ACTIVE] = { 0, 3, B },
	[C_HINT] = { -1, -1, 0 },
	[C_KEY] = { 6, -1, B },
	[C_MESSAGE] = { 3, -1, B },
	[C_POSITIVE_WEIGHT] = { 6, -1, 0 },
	[C_NEGATIVE_WEIGHT] = { 1, -1, 0 },
	[C_POSITIVE_ACT] = { 6, -1, 0 },
	[C_NEGATIVE_ACT] = { 1, -1, 0 },
	[C_ZERO] = { -1, -1, D },
	[C_DEAD_UNIT] = { 5, -1, B },
	[C_SATURATED_UNIT] = { 3, -1, B },
	[C_GRADIENT] = { 5, -1, 0 },
	[C_UPDATE] = { 2, -1, 0 },
	[C_CURSOR] = { -1, -1, R },
	[C_WARNING] = { 3, -1, B },
	[C_ERROR] = { 7, 1, B },
	[C_GOOD] = { 2, -1, B },
	[C_TRAIN_LOSS] = { 6, -1, 0 },
	[C_VAL_LOSS] = { 3, -1, B },
	[C_EVENT] = { 5, -1, B },
	[C_EMPHASIS] = { 3, -1, B },
	[C_CLASS0] = { 6, -1, B },
	[C_CLASS1] = { 1, -1, B },
	[C_CLASS2] = { 2, -1, B },
	[C_CLASS3] = { 3, -1, B },
	[C_REGION0] = { 6, -1, D },
	[C_REGION1] = { 1, -1, D },
	[C_REGION2] = { 2, -1, D },
	[C_REGION3] = { 3, -1, D },
	[C_REGION0_SURE] = { 6, -1, 0 },
	[C_REGION1_SURE] = { 1, -1, 0 },
	[C_REGION2_SURE] = { 2, -1, 0 },
	[C_REGION3_SURE] = { 3, -1, 0 },
	[C_BAR] = { 6, -1, 0 },
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

/* Terminal colour of picture level i: grey paper to white ink, or orange
 * (negative) through dark grey to blue (positive), the colour-blind safe
 * pair the weights use elsewhere. */
static int
theme_pic_colour(int sign, int i)
{
	static const int zero[3] = { 1, 1, 1 }, orange[3] = { 5, 2, 0 }, blue[3] = { 0, 2, 5 };
	int half = PIC_SIGN_LEVELS / 2;

	if (!sign)
		return 234 + i * (255 - 234) / (PIC_GREY_LEVELS - 1);
	if (i == half)
		return theme_blend(zero, zero, 0);
	return i < half ? theme_blend(zero, orange, (double)(half - i) / half) :
	    theme_blend(zero, blue, (double)(i - half) / half);
}

static const struct theme_style *
theme_picture(enum theme_kind k, int role)
{
	static struct theme_style pic[C_ROLES - C_COUNT];
	static const struct theme_style plain = { -1, -1, 0 };
	static int made;
	int i;

	if (k != THEME_256)
		return &plain;	/* pictures are drawn with glyphs there */
	if (!made) {
		for (i = 0; i < C_PIC_SIGN - C_PIC_GREY; i++) {
			pic[i].fg = (int16_t)theme_pic_colour(0, i / PIC_GREY_LEVELS);
			pic[i].bg = (int16_t)theme_pic_colour(0, i % PIC_GREY_LEVELS);
		}
		for (i = 0; i < C_ROLES - C_PIC_SIGN; i++) {
			pic[C_PIC_SIGN - C_COUNT + i].fg = (int16_t)theme_pic_colour(1, i / PIC_SIGN_LEVELS);
			pic[C_PIC_SIGN - C_COUNT + i].bg = (int16_t)theme_pic_colour(1, i % PIC_SIGN_LEVELS);
		}
		made = 1;
	}
	return &pic[role - C_COUNT];
}

const struct theme_style *
theme_style(enum theme_kind k, int role)
{
	static const struct theme_style plain = { -1, -1, 0 };
	const struct theme_style *t;

	if (role >= C_COUNT && role < C_ROLES)
		return theme_picture(k, role);
	if (role < 0 || role >= C_COUNT)
		return &plain;
	/* The colourless theme keeps only attributes; its fg and bg are unused. */
	t = k == THEME_256 ? theme_256 : k == THEME_8 ? theme_8 : theme_none;
	return &t[role];
}

static const char *const theme_role_names[C_COUNT] = {
	"default", "dim", "border", "border-focus", "title", "title-focus", "status",
	"status-key", "phase", "phase-active", "hint", "key", "message",
	"positive-weight", "negative-weight", "positive-act", "negative-act", "zero",
	"dead-unit", "saturated-unit", "gradient", "update", "cursor", "warning", "error",
	"good", "train-loss", "val-loss", "event", "emphasis", "class0", "class1", "class2",
	"class3", "region0", "region1", "region2", "region3", "region0-sure",
	"region1-sure", "region2-sure", "region3-sure", "bar", "overlay",
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
	.dead = "x",
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
	.region = { " ", "\u00b7", "\u2591", "\u2592" },
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
	.dead = "x",
	.saturated = "~",
	.pos_sign = "+",
	.neg_sign = "-",
	.hbar = { " ", " ", " ", " ", "#", "#", "#", "#", "#" },
	.vbar = { " ", "_", "_", ".", ".", ":", ":", "|", "#" },
	.bar_empty = ".",
	.box = { "-", "|", "+", "+", "+", "+" },
	.arrow_right = "->",
	.arrow_left = "<-",
	.ellipsis = "~",
	.up = "^",
	.down = "v",
	.times = "*",
	.delta = "D",
	.sigma = "sum",
	.infinity = "inf",
	.point = { "o", "x", "+", "*" },
	.vpoint = { "O", "X", "#", "@" },
	.region = { " ", ".", ":", "-" },
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
