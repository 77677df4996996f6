/* Tests of the cell canvas: UTF-8, display widths, clipping, wrapping. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui/canvas.h"
#include "ui/screen.h"
#include "ui/theme.h"

/* The text of row y (continuations skipped), trailing blanks kept. */
static void
row_text(const struct canvas *c, int y, char *out, size_t n)
{
	size_t len = 0;
	int x;

	for (x = 0; x < c->w && len + 5 < n; x++) {
		const struct cell *p = canvas_cell(c, x, y);

		if (p->width == 0)
			continue;
		len += (size_t)utf8_encode(p->cp, out + len);
	}
	out[len] = '\0';
}

START_TEST(test_utf8_round_trip)
{
	static const uint32_t cps[] = { 'A', 0xe9, 0x3b1, 0xac00, 0xd55c, 0x2800, 0x1f600 };
	char buf[8];
	uint32_t cp;
	size_t i;
	int n;

	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = utf8_encode(cps[i], buf);
		ck_assert_int_eq(utf8_decode(buf, (size_t)n, &cp), n);
		ck_assert_uint_eq(cp, cps[i]);
	}
	/* A stray continuation byte, a truncated sequence, an overlong form. */
	ck_assert_int_eq(utf8_decode("\x80", 1, &cp), 1);
	ck_assert_uint_eq(cp, 0xfffd);
	ck_assert_int_eq(utf8_decode("\xea\xb0", 2, &cp), 1);
	ck_assert_uint_eq(cp, 0xfffd);
	utf8_decode("\xc0\xaf", 2, &cp);
	ck_assert_uint_eq(cp, 0xfffd);
}
END_TEST

START_TEST(test_widths)
{
	ck_assert_int_eq(cp_width('a'), 1);
	ck_assert_int_eq(cp_width(0xac00), 2);	/* 가 */
	ck_assert_int_eq(cp_width(0x4e00), 2);	/* 一 */
	ck_assert_int_eq(cp_width(0x0301), 0);	/* combining acute */
	ck_assert_int_eq(cp_width('\n'), 0);
	ck_assert_int_eq(text_width("abc", -1), 3);
	ck_assert_int_eq(text_width("\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 abc", -1), 10);
	ck_assert_int_eq(text_width("e\xcc\x81", -1), 1);
	/* 한국 fits in 4 columns, not in 3. */
	ck_assert_uint_eq(text_fit("\xed\x95\x9c\xea\xb5\xad", 4), 6);
	ck_assert_uint_eq(text_fit("\xed\x95\x9c\xea\xb5\xad", 3), 3);
}
END_TEST

START_TEST(test_text_and_wide_cells)
{
	struct canvas *c = canvas_new(10, 2, 0);
	char row[64];

	ck_assert_int_eq(canvas_text(c, 0, 0, -1, C_DEFAULT, 0, "a\xed\x95\x9c" "b"), 4);
	ck_assert_uint_eq(canvas_cell(c, 1, 0)->cp, 0xd55c);
	ck_assert_int_eq(canvas_cell(c, 1, 0)->width, 2);
	ck_assert_int_eq(canvas_cell(c, 2, 0)->width, 0);
	ck_assert_uint_eq(canvas_cell(c, 3, 0)->cp, 'b');
	/* Writing over the second half of the wide character blanks its first half. */
	canvas_put(c, 2, 0, 'x', C_DEFAULT, 0);
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "a xb      ");
	/* A wide character that would cross the right edge is not drawn. */
	ck_assert_int_eq(canvas_text(c, 9, 1, -1, C_DEFAULT, 0, "\xed\x95\x9c"), 0);
	ck_assert_uint_eq(canvas_cell(c, 9, 1)->cp, ' ');
	canvas_free(c);
}
END_TEST

START_TEST(test_clip_and_cut)
{
	struct canvas *c = canvas_new(12, 3, 0);
	struct rect old;
	char row[64];

	old = canvas_clip(c, (struct rect){ 2, 1, 4, 1 });
	canvas_text(c, 0, 1, -1, C_DEFAULT, 0, "abcdefghij");
	canvas_text(c, 0, 0, -1, C_DEFAULT, 0, "hidden");
	canvas_clip(c, old);
	row_text(c, 1, row, sizeof row);
	ck_assert_str_eq(row, "  cdef      ");
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "            ");
	ck_assert_int_eq(canvas_text_cut(c, 0, 2, 6, C_DEFAULT, 0, "overflowing"), 6);
	row_text(c, 2, row, sizeof row);
	ck_assert_str_eq(row, "overf\xe2\x80\xa6      ");
	canvas_free(c);
}
END_TEST

/* A number is drawn whole or not at all: cut at an edge it is left out and a
 * mark that is not a digit takes its place ("dz 1.3e-0" would read as 1.3). */
START_TEST(test_number_never_cut)
{
	static const struct {
		const char *text;
		int w;
		const char *want;
	} cases[] = {
		{ "dz 1.3e-06", 9, "dz \xe2\x80\xa6" },
		{ "val 0.5123", 6, "val \xe2\x80\xa6" },
		{ "down 10 units", 6, "down \xe2\x80\xa6" },
		{ "2.72e+305", 7, "\xe2\x80\xa6" },
		{ "loss -0.25 ok", 9, "loss \xe2\x80\xa6" },
		{ "loss 0.25 ok", 10, "loss 0.25 " },
		{ "epoch 1/100", 10, "epoch 1/\xe2\x80\xa6" },
		{ "h1 tanh and", 7, "h1 tanh" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct canvas *c = canvas_new(cases[i].w, 1, 0);
		char row[64];
		size_t n;

		canvas_text(c, 0, 0, -1, C_DEFAULT, 0, cases[i].text);
		row_text(c, 0, row, sizeof row);
		n = strlen(row);
		while (n > 0 && row[n - 1] == ' ' && strcmp(cases[i].want + strlen(cases[i].want) -
		    1, " ") != 0)
			row[--n] = '\0';
		ck_assert_msg(strcmp(row, cases[i].want) == 0, "\"%s\" in %d columns: \"%s\", "
		    "want \"%s\"", cases[i].text, cases[i].w, row, cases[i].want);
		canvas_free(c);
	}
}
END_TEST

START_TEST(test_ascii_canvas)
{
	struct canvas *c = canvas_new(8, 1, 1);
	char row[64];

	canvas_text(c, 0, 0, -1, C_DEFAULT, 0, "\xed\x95\x9c" "a\xe2\x96\x88");
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "?a?     ");
	canvas_text_cut(c, 0, 0, 4, C_DEFAULT, 0, "abcdefgh");
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "abc>    ");
	canvas_free(c);
}
END_TEST

START_TEST(test_wrap_words_and_markup)
{
	struct canvas *c = canvas_new(12, 4, 0);
	char row[64];
	int n;

	n = canvas_wrap(c, (struct rect){ 0, 0, 12, 4 }, 0,
	    "a *dead* ReLU never fires again", C_DEFAULT, C_EMPHASIS, 1);
	ck_assert_int_eq(n, 3);
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "a dead ReLU ");
	ck_assert_int_eq(canvas_cell(c, 2, 0)->role, C_EMPHASIS);
	ck_assert_int_eq(canvas_cell(c, 7, 0)->role, C_DEFAULT);
	row_text(c, 1, row, sizeof row);
	ck_assert_str_eq(row, "never fires ");
	row_text(c, 2, row, sizeof row);
	ck_assert_str_eq(row, "again       ");
	/* w*x is not emphasis; \* is a literal asterisk; a newline breaks. */
	canvas_clear(c);
	n = canvas_wrap(c, (struct rect){ 0, 0, 12, 4 }, 0, "z = w*x\n\\*b\\*", C_DEFAULT,
	    C_EMPHASIS, 1);
	ck_assert_int_eq(n, 2);
	row_text(c, 0, row, sizeof row);
	ck_assert_str_eq(row, "z = w*x     ");
	row_text(c, 1, row, sizeof row);
	ck_assert_str_eq(row, "*b*         ");
	canvas_free(c);
}
END_TEST

START_TEST(test_wrap_korean)
{
	/* "경사가 사라지면 첫 층은 배우지 못한다" */
	const char *ko = "\xea\xb2\xbd\xec\x82\xac\xea\xb0\x80 \xec\x82\xac\xeb\x9d\xbc"
	    "\xec\xa7\x80\xeb\xa9\xb4 \xec\xb2\xab \xec\xb8\xb5\xec\x9d\x80 \xeb\xb0\xb0"
	    "\xec\x9a\xb0\xec\xa7\x80 \xeb\xaa\xbb\xed\x95\x9c\xeb\x8b\xa4";
	struct canvas *c = canvas_new(16, 4, 0);
	int n, y, x, w;

	n = canvas_wrap(c, (struct rect){ 0, 0, 16, 4 }, 0, ko, C_DEFAULT, C_EMPHASIS, 1);
	ck_assert_int_eq(n, 3);
	/* No line is wider than 16 columns and no wide character is split. */
	for (y = 0; y < 3; y++) {
		for (x = 0, w = 0; x < 16; x++) {
			const struct cell *p = canvas_cell(c, x, y);

			if (p->width == 2)
				ck_assert_int_eq(canvas_cell(c, x + 1, y)->width, 0);
			if (p->cp != ' ' && p->width)
				w = x + p->width;
		}
		ck_assert_int_le(w, 16);
	}
	/* Words are not broken: the first line is "경사가 사라지면" (15 columns). */
	ck_assert_uint_eq(canvas_cell(c, 0, 0)->cp, 0xacbd);
	ck_assert_uint_eq(canvas_cell(c, 13, 0)->cp, 0xba74);
	ck_assert_uint_eq(canvas_cell(c, 0, 1)->cp, 0xccab);
	/* Text without spaces breaks between characters. */
	canvas_clear(c);
	n = canvas_wrap(c, (struct rect){ 0, 0, 5, 4 }, 0, "\xe4\xb8\x80\xe4\xb8\x80\xe4\xb8\x80",
	    C_DEFAULT, 0, 0);
	ck_assert_int_eq(n, 2);
	canvas_free(c);
}
END_TEST

START_TEST(test_screen_write_trims)
{
	struct canvas *c = canvas_new(6, 2, 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	canvas_text(c, 1, 0, -1, C_DEFAULT, 0, "ab");
	canvas_text(c, 0, 1, -1, C_DEFAULT, 0, "\xed\x95\x9c");
	ck_assert_int_eq(screen_write(c, 0, f), 0);
	fclose(f);
	ck_assert_str_eq(buf, " ab\n\xed\x95\x9c\n");
	free(buf);
	canvas_free(c);
}
END_TEST

/* WCAG relative luminance of a palette colour. */
static double
lum(int n)
{
	unsigned char c[3];
	double v[3];
	int i;

	theme_rgb(n, c);
	for (i = 0; i < 3; i++) {
		double x = c[i] / 255.0;

		v[i] = x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

static double
contrast(int a, int b)
{
	double la = lum(a), lb = lum(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/*
 * No role of a theme shows its text in a colour close to the background it
 * stands on (the terminal's own: black for dark, white for light; or the
 * role's background): a contrast of at least 3:1 (WCAG's figure for large
 * text), 4.5:1 in the high-contrast theme. Region shades must stand out from
 * the terminal's background too, or the unsure side of a class vanishes.
 */
START_TEST(test_themes_readable)
{
	static const int page[THEME_COUNT] = { 16, 231, 16 };
	int id, r, bad = 0;

	for (id = 0; id < THEME_COUNT; id++)
		for (r = 1; r < C_COUNT; r++) {
			const struct theme_style *st = theme_style(THEME_256, id, r);
			const struct theme_style *base = theme_style(THEME_256, id, C_DEFAULT);
			int bg = st->bg >= 0 ? st->bg : base->bg >= 0 ? base->bg : page[id];
			double need = id == THEME_CONTRAST ? 4.5 : 3.0;

			/* A region's glyph is texture, not text: its tone may be close. */
			int region = r >= C_REGION && r <= C_REGION_LAST && st->bg != base->bg;

			if (st->fg >= 0 && !region && contrast(st->fg, bg) < need) {
				fprintf(stderr, "theme %s, role %s: text contrast %.2f < %.1f\n",
				    theme_name(id), theme_role_name(r), contrast(st->fg, bg), need);
				bad++;
			}
			if (region && st->bg >= 0 && contrast(st->bg, page[id]) < 1.25) {
				fprintf(stderr, "theme %s, role %s: region background vanishes\n",
				    theme_name(id), theme_role_name(r));
				bad++;
			}
		}
	ck_assert_int_eq(bad, 0);
	ck_assert_int_eq(theme_find("light"), THEME_LIGHT);
	ck_assert_int_eq(theme_find("contrast"), THEME_CONTRAST);
	ck_assert_int_eq(theme_find("pink"), -1);
}
END_TEST

START_TEST(test_themes_cover_roles)
{
	int r;

	for (r = 0; r < C_COUNT; r++) {
		ck_assert_str_ne(theme_role_name(r), "?");
		ck_assert_ptr_nonnull(theme_style(THEME_256, THEME_DARK, r));
	}
	/* Without colours the glyphs and attributes still tell things apart. */
	ck_assert_int_ne(theme_style(THEME_NONE, THEME_DARK, C_PHASE_ACTIVE)->attr, 0);
	ck_assert_int_ne(theme_style(THEME_NONE, THEME_DARK, C_CURSOR)->attr, 0);
	ck_assert_int_ne(theme_style(THEME_NONE, THEME_DARK, C_ERROR)->attr, 0);
	ck_assert_str_ne(glyphs_get(1)->wpos[2], glyphs_get(1)->wneg[2]);
	for (r = 0; r < 5; r++)
		ck_assert_int_eq(text_width(glyphs_get(0)->ramp[r], -1), 1);
}
END_TEST

Suite *
canvas_suite(void)
{
	Suite *s = suite_create("canvas");
	TCase *tc = tcase_create("canvas");

	tcase_add_test(tc, test_utf8_round_trip);
	tcase_add_test(tc, test_widths);
	tcase_add_test(tc, test_text_and_wide_cells);
	tcase_add_test(tc, test_clip_and_cut);
	tcase_add_test(tc, test_number_never_cut);
	tcase_add_test(tc, test_ascii_canvas);
	tcase_add_test(tc, test_wrap_words_and_markup);
	tcase_add_test(tc, test_wrap_korean);
	tcase_add_test(tc, test_screen_write_trims);
	tcase_add_test(tc, test_themes_cover_roles);
	tcase_add_test(tc, test_themes_readable);
	suite_add_tcase(s, tc);
	return s;
}
