/*
 * test_checks.c: the sanity checks (engine/checks.c) on real set-ups, the
 * numeric gradient of a session against its backprop, and the learning-rate
 * line and range test.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "data/dataset.h"
#include "fixtures.h"
#include "engine/checks.h"
#include "engine/paths.h"

static void
ck_cfg(struct session_config *c)
{
	session_config_default(c);
	c->nhidden = 2;
	c->hidden[0] = c->hidden[1] = 8;
	c->hidden_act[0] = c->hidden_act[1] = ACT_TANH;
}

START_TEST(test_checks_verdicts)
{
	struct dataset *d = fixture_moons();
	struct check_result r[CK_COUNT];
	struct session_config c;
	char *err = NULL;
	int i;

	ck_cfg(&c);
	ck_assert_int_eq(checks_run(&c, d, r, &err), 0);
	for (i = 0; i < CK_COUNT; i++)
		ck_assert_msg(r[i].verdict != CHECK_FAIL, "%s: %s", r[i].name, r[i].text);
	ck_assert_str_eq(r[CK_SYMMETRY].name, "symmetry");
	ck_assert_double_eq_tol(r[CK_INIT_LOSS].expected, log(2.0), 1e-15);
	ck_assert_double_lt(r[CK_GRADIENT_CHECK].value, 1e-7);
	/* Zero weights: every unit of a layer stays the same as the others. */
	c.init = INIT_ZEROS;
	ck_assert_int_eq(checks_run(&c, d, r, &err), 0);
	ck_assert_int_eq(r[CK_SYMMETRY].verdict, CHECK_FAIL);
	ck_assert_double_eq(r[CK_SYMMETRY].value, 1.0);
	ck_assert_int_eq(r[CK_UPDATE_RATIO].verdict, CHECK_FAIL);
	ck_assert_double_eq_tol(r[CK_INIT_LOSS].value, log(2.0), 1e-12);
	/* A constant is no better than zero. */
	c.init = INIT_CONSTANT;
	c.init_value = 0.3;
	ck_assert_int_eq(checks_run(&c, d, r, &err), 0);
	ck_assert_int_eq(r[CK_SYMMETRY].verdict, CHECK_FAIL);
	/* lr 50: the first update is as large as the weights. */
	ck_cfg(&c);
	c.lr = 50;
	ck_assert_int_eq(checks_run(&c, d, r, &err), 0);
	ck_assert_int_eq(r[CK_UPDATE_RATIO].verdict, CHECK_FAIL);
	ck_assert_double_gt(r[CK_UPDATE_RATIO].value, 0.3);
	dataset_free(d);
}
END_TEST

/* The numeric gradient of a session's batch is backprop's, with L2, for
 * every parameter; and it leaves the weights exactly as they were. */
START_TEST(test_numeric_grad)
{
	struct dataset *d = fixture_moons();
	struct session_config c;
	struct session *s;
	double *keep;
	char *err = NULL;
	long k;

	ck_cfg(&c);
	c.l2 = 0.01;
	s = session_new(&c, d, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_double_nan(session_numeric_grad(s, 0, 1e-5));
	session_step(s);
	session_step(s);
	session_step(s);
	keep = malloc((size_t)s->net->nparams * sizeof *keep);
	memcpy(keep, s->net->param, (size_t)s->net->nparams * sizeof *keep);
	for (k = 0; k < s->net->nparams; k++) {
		double num = session_numeric_grad(s, k, 1e-5), a = s->net->grad[k];

		ck_assert_msg(fabs(num - a) <= 1e-7 * fmax(1e-3, fabs(a)),
		    "param %ld: backprop %.12g, numeric %.12g", k, a, num);
	}
	ck_assert_int_eq(memcmp(keep, s->net->param, (size_t)s->net->nparams * sizeof *keep), 0);
	ck_assert_double_nan(session_numeric_grad(s, -1, 1e-5));
	ck_assert_double_eq(check_rel_error(0, 0), 0);
	ck_assert_double_eq_tol(check_rel_error(1.0, 1.1), 0.1 / 1.1, 1e-15);
	free(keep);
	session_free(s);
	dataset_free(d);
}
END_TEST

START_TEST(test_lr_line_and_range)
{
	struct dataset *d = fixture_moons();
	struct session_config c;
	struct session *s;
	double a[LR_LINE_POINTS], l[LR_LINE_POINTS], lr[LR_RANGE_BATCHES], loss[LR_RANGE_BATCHES];
	double sugg, batch_loss, *keep;
	char *err = NULL;
	int n, i;

	ck_cfg(&c);
	s = session_new(&c, d, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(lr_line(s, a, l, LR_LINE_POINTS), 0);
	session_step(s);
	session_step(s);
	session_step(s);
	batch_loss = s->net->batch_loss;
	keep = malloc((size_t)s->net->nparams * sizeof *keep);
	memcpy(keep, s->net->param, (size_t)s->net->nparams * sizeof *keep);
	ck_assert_int_eq(lr_line(s, a, l, LR_LINE_POINTS), LR_LINE_POINTS);
	ck_assert_int_eq(memcmp(keep, s->net->param, (size_t)s->net->nparams * sizeof *keep), 0);
	/* The middle of the grid is this step's lr, and the step it takes is the
	 * loss the update then gives on this batch. */
	ck_assert_double_eq(a[LR_LINE_POINTS / 2], c.lr);
	ck_assert_double_eq_tol(a[0], c.lr / 100, 1e-15);
	ck_assert_double_lt(l[0], batch_loss + 1e-12);
	session_step(s);	/* update (plain SGD: w - lr g) */
	ck_assert_double_eq_tol(net_evaluate(s->net, s->net->x, s->net->y, s->net->w, s->net->n,
	    NULL), l[LR_LINE_POINTS / 2], 1e-12);
	n = lr_range_test(s, 1e-5, 10, LR_RANGE_BATCHES, lr, loss, &sugg, &err);
	ck_assert_int_gt(n, 20);
	for (i = 1; i < n; i++)
		ck_assert_double_gt(lr[i], lr[i - 1]);
	ck_assert_double_ge(sugg, 1e-3);
	ck_assert_double_le(sugg, 3);
	free(keep);
	session_free(s);
	dataset_free(d);
}
END_TEST

/* The chain rule path by path: for every weight of the first layer of a
 * 2-8-8-1 network and several samples, the paths add up to x * dL/dz, and
 * over the batch the samples' shares add up to backprop's dL/dw. */
START_TEST(test_paths_sum_to_backprop)
{
	struct dataset *d = fixture_moons();
	struct session_config c;
	struct session *s;
	struct grad_path top[4];
	char *err = NULL;
	int l, j, k, act;
	long i, n;
	double none;

	for (act = 0; act < 3; act++) {
		static const enum act acts[] = { ACT_TANH, ACT_RELU, ACT_SIGMOID };

		ck_cfg(&c);
		c.hidden_act[0] = c.hidden_act[1] = acts[act];
		c.l2 = act == 1 ? 0.01 : 0;
		c.dropout = act == 2 ? 0.3 : 0;
		s = session_new(&c, d, &err);
		ck_assert_ptr_nonnull(s);
		session_step_batch(s);
		session_step(s);
		session_step(s);
		session_step(s);
		ck_assert_int_eq(s->pos.phase, PHASE_BACKWARD);
		for (l = 0; l < s->net->nlayers; l++) {
			const struct layer *ly = &s->net->layer[l];

			for (j = 0; j < ly->out; j++) {
				for (k = 0; k < ly->in; k++) {
					long at = ly->w_off + (long)j * ly->in + k;
					double batch = 0, sum;

					for (i = 0; i < s->net->n; i++) {
						double share = session_sample_grad(s, l, j, k, i);

						n = session_grad_paths(s, l, j, k, i, top, 4, &sum);
						ck_assert_int_eq(n, l == 0 ? 8 : l == 1 ? 1 : 1);
						ck_assert_msg(fabs(sum - share) <= 1e-9 * fmax(1, fabs(share)),
						    "layer %d unit %d input %d row %ld: paths %.17g, backprop %.17g",
						    l, j, k, i, sum, share);
						/* The largest paths come first. */
						if (n > 1)
							ck_assert_double_ge(fabs(top[0].value), fabs(top[1].value));
						batch += share;
					}
					batch += c.l2 * s->net->param[at];
					ck_assert_msg(fabs(batch - s->net->grad[at]) <= 1e-12,
					    "layer %d: samples %.17g, batch %.17g", l, batch,
					    s->net->grad[at]);
				}
			}
		}
		ck_assert_int_eq(session_grad_paths(s, 5, 0, 0, 0, top, 4, &none), -1);
		ck_assert_double_nan(none);
		session_free(s);
	}
	dataset_free(d);
}
END_TEST

Suite *
checks_suite(void)
{
	Suite *s = suite_create("checks");
	TCase *tc = tcase_create("checks");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_checks_verdicts);
	tcase_add_test(tc, test_numeric_grad);
	tcase_add_test(tc, test_lr_line_and_range);
	tcase_add_test(tc, test_paths_sum_to_backprop);
	suite_add_tcase(s, tc);
	return s;
}
