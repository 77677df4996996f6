/*
 * Tests of the panels and the whole screen, drawn from a session on a small
 * data set built here, with weights set by hand so the numbers do not depend
 * on the initializer. Full screens are compared with the files in tests/screens;
 * NNSTEP_REGEN=1 writes those files anew (check the diff before committing).
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/pyscript.h"
#include "engine/session.h"
#include "golden.h"
#include "ui/canvas.h"
#include "ui/layout.h"
#include "ui/screen.h"
#include "ui/view.h"
#include "util/i18n.h"

/* --------------------------------------------------------------- fixtures */

static void
tv_split(struct split *sp, long n, int nin, long base)
{
	long i;
	int k;

	sp->n = n;
	sp->x = calloc((size_t)(n * nin + 1), sizeof(double));
	sp->y = calloc((size_t)n + 1, sizeof(double));
	sp->label = calloc((size_t)n + 1, sizeof(int));
	sp->w = calloc((size_t)n + 1, sizeof(double));
	sp->row = calloc((size_t)n + 1, sizeof(long));
	for (i = 0; i < n; i++) {
		long r = base + i;
		int cls = (int)(r % 2);

		for (k = 0; k < nin; k++)
			sp->x[i * nin + k] = (k == 0 ? (cls ? 1.0 : -1.0) : 0.5) *
			    (0.4 + 0.1 * (double)((r * (k + 3)) % 7));
		sp->y[i] = cls;
		sp->label[i] = cls;
		sp->w[i] = 1;
		sp->row[i] = r;
	}
}

static void
tv_split_free(struct split *sp)
{
	free(sp->x);
	free(sp->y);
	free(sp->label);
	free(sp->w);
	free(sp->row);
}

/* Two classes, nin inputs, 40 training and 10 validation rows. */
static struct dataset *
tv_data(int nin)
{
	struct dataset *d = calloc(1, sizeof *d);
	int k;

	d->name = strdup("tiny");
	d->ninputs = nin;
	d->noutputs = 1;
	d->task = TASK_BINARY;
	tv_split(&d->train, 40, nin, 0);
	tv_split(&d->val, 10, nin, 40);
	for (k = 0; k < 64; k++)
		d->class_weight[k] = 1;
	return d;
}

static void
tv_data_free(struct dataset *d)
{
	tv_split_free(&d->train);
	tv_split_free(&d->val);
	free(d->name);
	free(d);
}

/* A 2-3-1 tanh network (or nin-3-1), batches of 10 in file order, fixed weights. */
static struct session *
tv_session(const struct dataset *d)
{
	struct session_config c;
	struct session *s;
	char *err = NULL;
	long k;

	session_config_default(&c);
	c.nhidden = 1;
	c.hidden[0] = 3;
	c.hidden_act[0] = ACT_TANH;
	c.batch = 10;
	c.shuffle = 0;
	c.epochs = 5;
	c.lr = 0.5;
	s = session_new(&c, d, &err);
	ck_assert_msg(s != NULL, "session_new: %s", err ? err : "?");
	for (k = 0; k < s->net->nparams; k++)
		s->net->param[k] = (double)((k * 7) % 11 - 5) * 0.1;
	net_sync(s->net);
	return s;
}

/* Renders into a string (caller frees). */
static char *
tv_screen(const struct session *s, const struct ui_view_state *v, int w, int h, int ascii)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(screen_render(s, v, w, h, 0, ascii, f), 0);
	fclose(f);
	return buf;
}

static char *
tv_panel(const struct session *s, const struct ui_view_state *v, const char *name, int w, int h)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_int_eq(screen_render_panel(s, v, name, w, h, 0, f), 0);
	fclose(f);
	return buf;
}

static int
tv_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* ------------------------------------------------------------------ tests */

START_TEST(test_screen_start)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	char *txt = tv_screen(s, NULL, 120, 40, 0);

	ck_assert_int_eq(tv_lines(txt), 40);
	ck_assert_ptr_nonnull(strstr(txt, "tiny"));
	ck_assert_ptr_nonnull(strstr(txt, "2-3-1"));
	ck_assert_ptr_nonnull(strstr(txt, "press space"));
	golden_expect("start-120x40", txt);
	free(txt);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_screen_phases)
{
	static const char *const names[] = { "forward", "loss", "backward", "update" };
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	char *txt, name[64];
	int i;

	for (i = 0; i < 4; i++) {
		ck_assert_int_eq(session_step(s), SESSION_OK);
		txt = tv_screen(s, NULL, 120, 40, 0);
		snprintf(name, sizeof name, "%s-120x40", names[i]);
		golden_expect(name, txt);
		free(txt);
	}
	/* The inspector writes the chain rule out after the backward pass. */
	txt = tv_screen(s, NULL, 120, 40, 0);
	ck_assert_ptr_nonnull(strstr(txt, "dL/dz = dL/da"));
	ck_assert_ptr_nonnull(strstr(txt, "This sample's share: dL/dw = dL/dz"));
	ck_assert_ptr_nonnull(strstr(txt, "the 10 samples' shares summed"));
	free(txt);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_screen_small_and_ascii)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	char *txt;
	const unsigned char *p;

	session_step_epoch(s);
	txt = tv_screen(s, NULL, 80, 24, 0);
	ck_assert_int_eq(tv_lines(txt), 24);
	golden_expect("epoch-80x24", txt);
	free(txt);
	txt = tv_screen(s, NULL, 80, 24, 1);
	for (p = (const unsigned char *)txt; *p; p++)
		ck_assert_msg(*p < 0x80, "non-ASCII byte in the ASCII screen");
	golden_expect("epoch-80x24-ascii", txt);
	free(txt);
	txt = tv_screen(s, NULL, 60, 20, 0);
	ck_assert_ptr_nonnull(strstr(txt, "nnstep needs at least 80x24 (now 60x20)"));
	free(txt);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_every_panel_every_size)
{
	struct dataset *d2 = tv_data(2), *d3 = tv_data(3);
	struct session *s[2] = { tv_session(d2), tv_session(d3) };
	struct ui_view_state v;
	int i, k, id, w, h, sizes[][2] = { { 80, 24 }, { 120, 40 }, { 200, 60 }, { 30, 6 } };

	ui_view_init(&v);
	for (k = 0; k < 2; k++) {
		session_step_batch(s[k]);
		session_step(s[k]);
		for (i = 0; i < 4; i++)
			for (id = 0; id < P_COUNT; id++) {
				char *txt;

				w = sizes[i][0];
				h = sizes[i][1];
				txt = tv_panel(s[k], &v, ui_panels[id].name, w, h);
				ck_assert_int_eq(tv_lines(txt), h);
				free(txt);
			}
	}
	/* Three inputs: the data panel shows metrics and a confusion matrix. */
	{
		char *txt = tv_panel(s[1], &v, "data", 60, 14);

		ck_assert_ptr_nonnull(strstr(txt, "accuracy"));
		ck_assert_ptr_nonnull(strstr(txt, "true\\pred"));
		free(txt);
	}
	session_free(s[0]);
	session_free(s[1]);
	tv_data_free(d2);
	tv_data_free(d3);
}
END_TEST

START_TEST(test_diverged_status)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	char *txt;

	session_step_batch(s);
	/* What the engine records when a phase produced NaN or infinity. */
	s->pos.diverged.set = 1;
	s->pos.diverged.phase = PHASE_BACKWARD;
	s->pos.diverged.layer = 2;
	snprintf(s->pos.diverged.quantity, sizeof s->pos.diverged.quantity, "dW");
	s->pos.diverged.epoch = 3;
	s->pos.diverged.batch = 4;
	txt = tv_screen(s, NULL, 200, 40, 0);
	ck_assert_ptr_nonnull(strstr(txt, "DIVERGED: dW of layer 2 became NaN/Inf in the backward "
	    "phase (epoch 3, batch 5) - press b to step back or r to reset"));
	free(txt);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_cursor_and_click)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	struct view_cache cache;
	struct ui_view_state v;
	struct ui_frame f;
	struct ui_hit hit;
	struct canvas *c = canvas_new(120, 40, 0);
	int x, y, found = 0;

	session_step(s);
	ui_view_init(&v);
	view_cache_init(&cache);
	v.layer = 1;
	v.unit = 2;
	memset(&f, 0, sizeof f);
	f.nruns = 1;
	f.run[0] = s;
	f.cache[0] = &cache;
	f.v = &v;
	ui_draw(&f, c);
	/* Clicking where the cursor is drawn selects that very neuron. */
	for (y = 0; y < c->h && !found; y++)
		for (x = 0; x < c->w && !found; x++)
			if (canvas_cell(c, x, y)->role == C_CURSOR) {
				ui_hit_test(&f, 120, 40, x, y, &hit);
				ck_assert_int_eq(hit.panel, P_NETWORK);
				ck_assert_int_eq(hit.layer, 1);
				ck_assert_int_eq(hit.unit, 2);
				found = 1;
			}
	ck_assert(found);
	/* Another unit: the input layer's second unit. */
	v.layer = 0;
	v.unit = 1;
	ui_draw(&f, c);
	for (found = 0, y = 0; y < c->h && !found; y++)
		for (x = 0; x < c->w && !found; x++)
			if (canvas_cell(c, x, y)->role == C_CURSOR) {
				v.layer = 1;	/* the hit must not depend on the cursor */
				ui_hit_test(&f, 120, 40, x, y, &hit);
				ck_assert_int_eq(hit.layer, 0);
				ck_assert_int_eq(hit.unit, 1);
				found = 1;
			}
	ck_assert(found);
	canvas_free(c);
	view_cache_free(&cache);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_lesson_panes)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	struct ui_view_state v;
	struct ui_ask q = { "Which layer learns *slowest*?", 3,
		{ "the first", "the last", "all the same" }, 0,
		"Gradients shrink on the way back.", 0, 0 };
	struct ui_ask nq = { "What is a = sigmoid(1)?", 0, { NULL, NULL, NULL, NULL }, 0,
		"a = 1 / (1 + e^-1) = 0.731.", 0.7310585786, 0.0005 };
	char *txt;

	ui_view_init(&v);
	v.lesson.active = 1;
	v.lesson.title = "Vanishing gradients";
	v.lesson.index = 3;
	v.lesson.count = 12;
	/* "깊은 시그모이드 망에서는 *경사*가 입력 쪽으로 사라진다." */
	v.lesson.text = "\xea\xb9\x8a\xec\x9d\x80 \xec\x8b\x9c\xea\xb7\xb8\xeb\xaa\xa8\xec\x9d\xb4"
	    "\xeb\x93\x9c \xeb\xa7\x9d\xec\x97\x90\xec\x84\x9c\xeb\x8a\x94 *\xea\xb2\xbd\xec\x82\xac*"
	    "\xea\xb0\x80 \xec\x9e\x85\xeb\xa0\xa5 \xec\xaa\xbd\xec\x9c\xbc\xeb\xa1\x9c "
	    "\xec\x82\xac\xeb\x9d\xbc\xec\xa7\x84\xeb\x8b\xa4.";
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "stop 3/12"));
	ck_assert_ptr_nonnull(strstr(txt, "Vanishing gradients"));
	golden_expect("lesson-80x24", txt);
	free(txt);
	v.overlay = OV_ASK;
	v.lesson.ask = &q;
	v.lesson.answer = 1;
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "Not quite: the answer is 1."));
	ck_assert_ptr_nonnull(strstr(txt, "Gradients shrink on the way back."));
	golden_expect("ask-80x24", txt);
	free(txt);
	/* Before answering, the hints name the real number of choices. */
	v.lesson.answer = -1;
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "1-3 answer"));
	ck_assert_ptr_null(strstr(txt, "1-4"));
	free(txt);
	/* A number question: what is typed, then the verdict with the number. */
	v.lesson.ask = &nq;
	snprintf(v.lesson.typed, sizeof v.lesson.typed, "0.7");
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "your answer: 0.7"));
	ck_assert_ptr_nonnull(strstr(txt, "type a number, then enter"));
	ck_assert_ptr_nonnull(strstr(txt, "enter answer"));
	ck_assert_ptr_null(strstr(txt, "0.731"));
	free(txt);
	v.lesson.answer = 1;
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "Not quite: it is 0.731."));
	ck_assert_ptr_nonnull(strstr(txt, "a = 1 / (1 + e^-1) = 0.731."));
	free(txt);
	snprintf(v.lesson.typed, sizeof v.lesson.typed, "0.7312");
	v.lesson.answer = ui_ask_right(&nq, 0.7312) ? 0 : 1;
	ck_assert_int_eq(v.lesson.answer, 0);
	ck_assert_int_eq(ui_ask_right(&nq, 0.7316), 0);
	txt = tv_screen(s, &v, 80, 24, 0);
	ck_assert_ptr_nonnull(strstr(txt, "Right: 0.731."));
	free(txt);
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_help_and_layouts)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	struct ui_view_state v;
	struct ui_frame f;
	struct view_cache cache;
	int ids[UI_MAX_RUNS * P_COUNT], n, i, seen[P_COUNT] = { 0 };
	char *txt;

	ui_view_init(&v);
	v.overlay = OV_HELP;
	txt = tv_screen(s, &v, 120, 40, 0);
	ck_assert_ptr_nonnull(strstr(txt, "Keys"));
	ck_assert_ptr_nonnull(strstr(txt, "step back one phase"));
	free(txt);
	/* Tab reaches every panel but the narration at every size. */
	view_cache_init(&cache);
	memset(&f, 0, sizeof f);
	f.nruns = 1;
	f.run[0] = s;
	f.cache[0] = &cache;
	ui_view_init(&v);
	f.v = &v;
	n = ui_focus_order(&f, 80, 24, ids);
	for (i = 0; i < n; i++)
		seen[ids[i] % P_COUNT] = 1;
	for (i = 0; i < P_COUNT; i++)
		ck_assert_int_eq(seen[i], i != P_NARRATION);
	/* Zoom: the focused panel takes the whole body. */
	v.focus = P_CODE;
	v.zoom = 1;
	txt = tv_screen(s, &v, 120, 40, 0);
	/* the script of `nnstep code`, PyTorch first, then Keras */
	ck_assert_ptr_nonnull(strstr(txt, "import torch"));
	free(txt);
	{
		char *py = pyscript_text(s, PYSCRIPT_PYTORCH), *at;
		int line = 0;

		at = strstr(py, "model = nn.Sequential(");
		ck_assert_ptr_nonnull(at);
		for (char *q = py; q < at; q++)
			line += *q == '\n';
		v.scroll[P_CODE] = line - 2;
		txt = tv_screen(s, &v, 120, 40, 0);
		ck_assert_ptr_nonnull(strstr(txt, "nn.Linear(2, 3), nn.Tanh(),"));
		free(txt);
		for (; *at; at++)
			line += *at == '\n';
		free(py);
		py = pyscript_text(s, PYSCRIPT_KERAS);
		at = strstr(py, "model = keras.Sequential(");
		ck_assert_ptr_nonnull(at);
		line += 1;	/* the line between the two scripts */
		for (char *q = py; q < at; q++)
			line += *q == '\n';
		v.scroll[P_CODE] = line - 2;
		txt = tv_screen(s, &v, 120, 40, 0);
		ck_assert_ptr_nonnull(strstr(txt, "model = keras.Sequential(["));
		free(txt);
		free(py);
	}
	view_cache_free(&cache);
	session_free(s);
	tv_data_free(d);
}
END_TEST

/* Korean twins of the golden screens: the same states drawn with the Korean
 * catalogue of the build (build/locale, next to this program). No line is
 * wider than the screen, so nothing overlaps or is cut in half. */
static void
tv_expect_ko(const char *name, const char *txt, int w, int h)
{
	const char *line = txt, *nl;
	int n = 0;

	for (; (nl = strchr(line, '\n')) != NULL; line = nl + 1, n++)
		ck_assert_msg(text_width(line, nl - line) <= w, "%s line %d is %d columns wide",
		    name, n + 1, text_width(line, nl - line));
	ck_assert_int_eq(n, h);
	ck_assert_ptr_null(strstr(txt, "\xef\xbf\xbd"));
	golden_expect(name, txt);
}

START_TEST(test_korean_twins)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	struct ui_view_state v;
	struct ui_ask q = { "\xec\x96\xb4\xeb\x8a\x90 \xec\xb8\xb5\xec\x9d\xb4 \xea\xb0\x80\xec\x9e\xa5 "
		"*\xeb\x8a\x90\xeb\xa6\xac\xea\xb2\x8c* \xeb\xb0\xb0\xec\x9a\xb8\xea\xb9\x8c\xec\x9a\x94?",
		3, { "\xec\xb2\xab \xec\xb8\xb5", "\xeb\xa7\x88\xec\xa7\x80\xeb\xa7\x89 \xec\xb8\xb5",
		"\xeb\xaa\xa8\xeb\x91\x90 \xea\xb0\x99\xeb\x8b\xa4" }, 0,
		"\xea\xb8\xb0\xec\x9a\xb8\xea\xb8\xb0\xeb\x8a\x94 \xeb\x92\xa4\xeb\xa1\x9c \xea\xb0\x88\xec\x88\x98\xeb\xa1\x9d "
		"\xec\x9e\x91\xec\x95\x84\xec\xa7\x91\xeb\x8b\x88\xeb\x8b\xa4.", 0, 0 };
	char *txt;

	/* (어느 층이 가장 *느리게* 배울까요? 첫 층 / 마지막 층 / 모두 같다;
	 * 기울기는 뒤로 갈수록 작아집니다.) */
	i18n_init("ko");
	ck_assert_str_eq(_("Network"), "\xec\x8b\xa0\xea\xb2\xbd\xeb\xa7\x9d");	/* 신경망 */
	txt = tv_screen(s, NULL, 120, 40, 0);
	tv_expect_ko("start-120x40-ko", txt, 120, 40);
	free(txt);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	ck_assert_int_eq(session_step(s), SESSION_OK);
	txt = tv_screen(s, NULL, 120, 40, 0);
	tv_expect_ko("backward-120x40-ko", txt, 120, 40);
	free(txt);
	session_step_epoch(s);
	txt = tv_screen(s, NULL, 80, 24, 0);
	tv_expect_ko("epoch-80x24-ko", txt, 80, 24);
	free(txt);
	ui_view_init(&v);
	v.lesson.active = 1;
	v.lesson.title = "\xea\xb8\xb0\xec\x9a\xb8\xea\xb8\xb0 \xec\x86\x8c\xec\x8b\xa4";	/* 기울기 소실 */
	v.lesson.index = 3;
	v.lesson.count = 12;
	/* "깊은 시그모이드 망에서는 *기울기*가 입력 쪽으로 사라진다." */
	v.lesson.text = "\xea\xb9\x8a\xec\x9d\x80 \xec\x8b\x9c\xea\xb7\xb8\xeb\xaa\xa8\xec\x9d\xb4"
	    "\xeb\x93\x9c \xeb\xa7\x9d\xec\x97\x90\xec\x84\x9c\xeb\x8a\x94 *\xea\xb8\xb0\xec\x9a\xb8\xea\xb8\xb0*"
	    "\xea\xb0\x80 \xec\x9e\x85\xeb\xa0\xa5 \xec\xaa\xbd\xec\x9c\xbc\xeb\xa1\x9c "
	    "\xec\x82\xac\xeb\x9d\xbc\xec\xa7\x84\xeb\x8b\xa4.";
	txt = tv_screen(s, &v, 80, 24, 0);
	tv_expect_ko("lesson-80x24-ko", txt, 80, 24);
	free(txt);
	v.overlay = OV_ASK;
	v.lesson.ask = &q;
	v.lesson.answer = 1;
	txt = tv_screen(s, &v, 80, 24, 0);
	/* ✗ 아쉽습니다: 답은 1번입니다. */
	ck_assert_ptr_nonnull(strstr(txt, "\xec\x95\x84\xec\x89\xbd\xec\x8a\xb5\xeb\x8b\x88\xeb\x8b\xa4: "
	    "\xeb\x8b\xb5\xec\x9d\x80 1\xeb\xb2\x88\xec\x9e\x85\xeb\x8b\x88\xeb\x8b\xa4."));
	tv_expect_ko("ask-80x24-ko", txt, 80, 24);
	free(txt);
	ui_view_init(&v);
	v.overlay = OV_HELP;
	txt = tv_screen(s, &v, 120, 40, 0);
	tv_expect_ko("help-120x40-ko", txt, 120, 40);
	free(txt);
	txt = tv_screen(s, &v, 80, 24, 0);
	tv_expect_ko("help-80x24-ko", txt, 80, 24);
	free(txt);
	i18n_set_lang("en");
	session_free(s);
	tv_data_free(d);
}
END_TEST

START_TEST(test_draw_leaves_session_alone)
{
	struct dataset *d = tv_data(2);
	struct session *s = tv_session(d);
	struct session_pos before;
	double *param = malloc((size_t)s->net->nparams * sizeof(double));
	double z0, loss;
	char *txt;

	session_step_batch(s);
	session_step(s);
	/* The batch statistics are a cache the first reader fills in
	 * (session_layer_diag); filled, drawing must change nothing. */
	for (int l = 0; l < session_nlayers(s); l++)
		(void)session_layer_diag(s, l);
	before = s->pos;
	memcpy(param, s->net->param, (size_t)s->net->nparams * sizeof(double));
	z0 = s->net->layer[0].z[0];
	loss = s->net->batch_loss;
	txt = tv_screen(s, NULL, 200, 60, 0);
	free(txt);
	ck_assert(memcmp(&before, &s->pos, sizeof before) == 0);
	ck_assert(memcmp(param, s->net->param, (size_t)s->net->nparams * sizeof(double)) == 0);
	ck_assert(s->net->layer[0].z[0] == z0);
	ck_assert(s->net->batch_loss == loss);
	free(param);
	session_free(s);
	tv_data_free(d);
}
END_TEST

/* Each mark means one thing: the dead-unit mark is no class glyph, and the
 * ellipsis is not the saturated mark (ASCII once used ~ for both). */
START_TEST(test_glyphs_distinct)
{
	int ascii, k;

	for (ascii = 0; ascii < 2; ascii++) {
		const struct glyphs *g = glyphs_get(ascii);

		for (k = 0; k < 4; k++) {
			ck_assert_str_ne(g->dead, g->point[k]);
			ck_assert_str_ne(g->dead, g->vpoint[k]);
			ck_assert_str_ne(g->saturated, g->point[k]);
			ck_assert_str_ne(g->saturated, g->vpoint[k]);
		}
		ck_assert_str_ne(g->dead, g->saturated);
		ck_assert_str_ne(g->ellipsis, g->saturated);
		ck_assert_str_ne(g->ellipsis, g->dead);
	}
}
END_TEST

Suite *
views_suite(void)
{
	Suite *s = suite_create("views");
	TCase *tc = tcase_create("views");

	tcase_add_test(tc, test_screen_start);
	tcase_add_test(tc, test_glyphs_distinct);
	tcase_add_test(tc, test_screen_phases);
	tcase_add_test(tc, test_screen_small_and_ascii);
	tcase_add_test(tc, test_every_panel_every_size);
	tcase_add_test(tc, test_diverged_status);
	tcase_add_test(tc, test_cursor_and_click);
	tcase_add_test(tc, test_lesson_panes);
	tcase_add_test(tc, test_help_and_layouts);
	tcase_add_test(tc, test_draw_leaves_session_alone);
	tcase_add_test(tc, test_korean_twins);
	suite_add_tcase(s, tc);
	return s;
}
