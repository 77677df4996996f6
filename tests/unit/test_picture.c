/*
 * Tests of picture inputs: the half-block and glyph drawing of pictures, the
 * colours of the picture roles, --image checked against the data, and whole
 * screens of the handwritten digits (a sample, the first-layer weights, the
 * mistakes and a confusion cell) compared with the files in tests/screens.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/dataset.h"
#include "engine/session.h"
#include "golden.h"
#include "ui/canvas.h"
#include "ui/picture.h"
#include "ui/screen.h"
#include "ui/theme.h"
#include "ui/view.h"

/* ------------------------------------------------------------ drawing */

START_TEST(test_picture_half_blocks)
{
	/* 3 rows x 2 columns: the last cell row has a lower pixel of paper. */
	static const double v[6] = { 0, 16, 8, 16, 16, 0 };
	struct picture p = { v, 3, 2, 0, 0, 16 };
	struct canvas *c = canvas_new(10, 4, 0);
	int cols, rows;
	const struct cell *cl;

	picture_size(&p, PICTURE_SMALL, 0, &cols, &rows);
	ck_assert_int_eq(cols, 2);
	ck_assert_int_eq(rows, 2);
	picture_draw(c, 1, 1, &p, PICTURE_SMALL, 0, glyphs_get(0));
	cl = canvas_cell(c, 1, 1);
	ck_assert_uint_eq(cl->cp, 0x2580);
	/* Upper pixel 0 (level 0), lower pixel 8 (level round(3.5) = 4). */
	ck_assert_int_eq(cl->role, C_PIC_GREY + 0 * PIC_GREY_LEVELS + 4);
	cl = canvas_cell(c, 2, 1);
	ck_assert_int_eq(cl->role, C_PIC_GREY + 7 * PIC_GREY_LEVELS + 7);
	cl = canvas_cell(c, 1, 2);
	ck_assert_int_eq(cl->role, C_PIC_GREY + 7 * PIC_GREY_LEVELS + 0);
	cl = canvas_cell(c, 2, 2);
	ck_assert_int_eq(cl->role, C_PIC_GREY + 0);
	/* Nothing outside the picture. */
	ck_assert_uint_eq(canvas_cell(c, 3, 1)->cp, ' ');
	ck_assert_uint_eq(canvas_cell(c, 0, 1)->cp, ' ');

	/* Big: two columns and a whole cell a pixel. */
	canvas_clear(c);
	picture_size(&p, PICTURE_BIG, 0, &cols, &rows);
	ck_assert_int_eq(cols, 4);
	ck_assert_int_eq(rows, 3);
	picture_draw(c, 0, 0, &p, PICTURE_BIG, 0, glyphs_get(0));
	ck_assert_int_eq(canvas_cell(c, 2, 0)->role, C_PIC_GREY + 7 * PIC_GREY_LEVELS + 7);
	ck_assert_int_eq(canvas_cell(c, 3, 0)->role, C_PIC_GREY + 7 * PIC_GREY_LEVELS + 7);
	ck_assert_int_eq(canvas_cell(c, 0, 1)->role, C_PIC_GREY + 4 * PIC_GREY_LEVELS + 4);
	canvas_free(c);
}
END_TEST

START_TEST(test_picture_glyphs)
{
	static const double w[4] = { -1, -0.3, 0.05, 0.9 };
	struct picture p = { w, 1, 4, 1, 0, 1 };
	struct canvas *c = canvas_new(10, 2, 1);
	char row[16];
	int x;

	ck_assert(fabs(picture_max_abs(w, 4) - 1) < 1e-15);
	picture_draw(c, 0, 0, &p, PICTURE_SMALL, 1, glyphs_get(1));
	for (x = 0; x < 4; x++)
		row[x] = (char)canvas_cell(c, x, 0)->cp;
	row[4] = '\0';
	/* Strong negative, weak negative, about zero, strong positive. */
	ck_assert_str_eq(row, "=-.#");
	ck_assert_int_eq(canvas_cell(c, 0, 0)->role, C_NEGATIVE_WEIGHT);
	ck_assert_int_eq(canvas_cell(c, 3, 0)->role, C_POSITIVE_WEIGHT);
	ck_assert_int_eq(canvas_cell(c, 2, 0)->role, C_DEFAULT);
	canvas_free(c);
}

END_TEST

START_TEST(test_picture_colours)
{
	const struct theme_style *st;

	/* Grey: paper 234 to ink 255 in the 256-colour greys. */
	st = theme_style(THEME_256, THEME_DARK, C_PIC_GREY + 0 * PIC_GREY_LEVELS + 7);
	ck_assert_int_eq(st->fg, 234);
	ck_assert_int_eq(st->bg, 255);
	/* Signed: strong negative orange (5,2,0), zero dark grey (1,1,1),
	 * strong positive blue (0,2,5) of the colour cube. */
	st = theme_style(THEME_256, THEME_DARK, C_PIC_SIGN + 0 * PIC_SIGN_LEVELS + PIC_SIGN_LEVELS / 2);
	ck_assert_int_eq(st->fg, 16 + 36 * 5 + 6 * 2);
	ck_assert_int_eq(st->bg, 16 + 36 + 6 + 1);
	st = theme_style(THEME_256, THEME_DARK, C_ROLES - 1);
	ck_assert_int_eq(st->fg, 16 + 6 * 2 + 5);
	/* On a light screen: white paper, black ink, a light grey zero. */
	st = theme_style(THEME_256, THEME_LIGHT, C_PIC_GREY + 0 * PIC_GREY_LEVELS + 7);
	ck_assert_int_eq(st->fg, 255);
	ck_assert_int_eq(st->bg, 232);
	st = theme_style(THEME_256, THEME_LIGHT, C_PIC_SIGN + 4 * PIC_SIGN_LEVELS + 8);
	ck_assert_int_eq(st->fg, 16 + 36 * 4 + 6 * 4 + 4);
	ck_assert_int_eq(st->bg, 16 + 6 * 2 + 5);
	/* Without 256 colours pictures are glyphs: no colour at all. */
	st = theme_style(THEME_8, THEME_DARK, C_PIC_GREY + 9);
	ck_assert_int_eq(st->fg, -1);
	ck_assert_int_eq(st->bg, -1);
	ck_assert_str_eq(theme_role_name(C_PIC_SIGN), "picture-signed");
	ck_assert_int_lt(C_ROLES, 256);
}
END_TEST

/* -------------------------------------------------------- the digits */

static struct dataset *
tp_digits(int h, int w, char **err)
{
	struct table *t = table_read_csv("datasets/digits.csv", err);
	struct data_options o;
	struct dataset *d;

	ck_assert_msg(t != NULL, "digits.csv: %s", *err ? *err : "?");
	data_options_default(&o);
	o.task = TASK_MULTICLASS;
	o.image_h = h;
	o.image_w = w;
	d = dataset_build(t, &o, NULL, err);
	table_free(t);
	return d;
}

START_TEST(test_image_option_checked)
{
	char *err = NULL;
	struct dataset *d = tp_digits(8, 9, &err);

	ck_assert_ptr_null(d);
	ck_assert_ptr_nonnull(err);
	/* Both numbers are named. */
	ck_assert_msg(strstr(err, "--image 8x9 needs 72 feature columns, but the data has 64"),
	    "%s", err);
	free(err);
	err = NULL;
	d = tp_digits(8, 8, &err);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(d->image_h, 8);
	ck_assert_int_eq(d->image_w, 8);
	ck_assert_int_eq(d->noutputs, 10);
	ck_assert_int_eq(d->ninputs, 64);
	dataset_free(d);
}
END_TEST

static struct session *
tp_session(const struct dataset *d)
{
	struct session_config c;
	struct session *s;
	char *err = NULL;

	session_config_default(&c);
	c.nhidden = 1;
	c.hidden[0] = 12;
	c.hidden_act[0] = ACT_RELU;
	c.batch = 32;
	c.epochs = 3;
	c.lr = 0.1;
	c.l2 = 0.001;
	s = session_new(&c, d, &err);
	ck_assert_msg(s != NULL, "session_new: %s", err ? err : "?");
	return s;
}

static char *
tp_screen(const struct session *s, const struct ui_view_state *v, int color, int ascii)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(screen_render(s, v, 120, 40, color, ascii, f), 0);
	fclose(f);
	return buf;
}

START_TEST(test_digit_screens)
{
	char *err = NULL;
	struct dataset *d = tp_digits(8, 8, &err);
	struct session *s = tp_session(d);
	struct ui_view_state v;
	char *txt;
	const unsigned char *q;

	ui_view_init(&v);
	v.layer = 1;
	v.unit = 2;
	v.sample = 4;
	ck_assert_int_eq(session_step_epoch(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);	/* the next batch's forward pass */

	/* The sample as a picture, the weights grid and the inspector's picture. */
	txt = tp_screen(s, &v, 0, 0);
	golden_expect("digit-120x40", txt);
	ck_assert_ptr_nonnull(strstr(txt, "Data: the sample as a picture"));
	ck_assert_ptr_nonnull(strstr(txt, "Network: first-layer weights"));
	ck_assert_ptr_nonnull(strstr(txt, "label 3"));
	ck_assert_ptr_nonnull(strstr(txt, "predicted 3"));
	ck_assert_ptr_nonnull(strstr(txt, "p(3)   "));
	free(txt);
	txt = tp_screen(s, &v, 0, 1);
	for (q = (const unsigned char *)txt; *q; q++)
		ck_assert_msg(*q < 0x80, "non-ASCII byte in the ASCII screen");
	golden_expect("digit-120x40-ascii", txt);
	free(txt);
	/* In colour: half blocks with the picture colours. */
	txt = tp_screen(s, &v, 1, 0);
	ck_assert_ptr_nonnull(strstr(txt, "\u2580"));
	ck_assert_ptr_nonnull(strstr(txt, ";38;5;255"));
	golden_expect("digit-120x40-ansi", txt);
	free(txt);

	/* The mistakes and a confusion cell. */
	v.data_view = DATA_VIEW_MISTAKES;
	txt = tp_screen(s, &v, 0, 0);
	ck_assert_ptr_nonnull(strstr(txt, "Validation mistakes now: "));
	golden_expect("digit-mistakes-120x40", txt);
	free(txt);
	v.data_view = DATA_VIEW_CONFUSION;
	v.cm_cell = 0;
	txt = tp_screen(s, &v, 0, 0);
	/* The first cell is the most frequent mistake (the first of the ties). */
	golden_expect("digit-confusion-120x40", txt);
	ck_assert_ptr_nonnull(strstr(txt, "true 9, predicted 7: 6 validation rows"));
	free(txt);

	/* Clicks: a confusion cell, an empty one, a weight picture, a gap. */
	{
		struct panel_ctx pc;
		struct view_cache vc;

		memset(&pc, 0, sizeof pc);
		view_cache_init(&vc);
		pc.s = s;
		pc.v = &v;
		pc.g = glyphs_get(0);
		pc.cache = &vc;
		pc.mono = 1;
		v.data_view = DATA_VIEW_CONFUSION;
		/* Inside (1, 1); label column 2, count columns 3: true 9 is row
		 * 1 + 2 + 9, predicted 7 column 1 + 2 + 7 * 3. */
		ck_assert_int_eq(view_data_cell_at(&pc, (struct rect){ 0, 0, 60, 20 }, 24, 12), 0);
		ck_assert_int_eq(view_data_cell_at(&pc, (struct rect){ 0, 0, 60, 20 }, 6, 3), -1);
		ck_assert_int_gt(view_data_cell_at(&pc, (struct rect){ 0, 0, 60, 20 }, 3, 3), 0);
		/* Tiles 10 wide (8 + 2) and 5 high (4 + 1), 5 a row in 58. */
		v.layer = 1;
		v.unit = 0;
		ck_assert_int_eq(view_network_picture_at(&pc, (struct rect){ 1, 1, 58, 18 }, 24, 9), 7);
		ck_assert_int_eq(view_network_picture_at(&pc, (struct rect){ 1, 1, 58, 18 }, 9, 3), -1);
		view_cache_free(&vc);
		v.layer = 1;
		v.unit = 2;
	}

	/* The diagram comes back with w. */
	v.net_diagram = 1;
	txt = tp_screen(s, &v, 0, 0);
	ck_assert_ptr_null(strstr(txt, "Network: first-layer weights"));
	free(txt);
	session_free(s);
	dataset_free(d);
}
END_TEST

Suite *
picture_suite(void)
{
	Suite *s = suite_create("picture");
	TCase *tc = tcase_create("picture");

	tcase_add_test(tc, test_picture_half_blocks);
	tcase_add_test(tc, test_picture_glyphs);
	tcase_add_test(tc, test_picture_colours);
	tcase_add_test(tc, test_image_option_checked);
	tcase_add_test(tc, test_digit_screens);
	tcase_set_timeout(tc, 60);
	suite_add_tcase(s, tc);
	return s;
}
