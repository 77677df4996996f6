/* test_loss.c: loss values worked out by hand, stability, batch means and the
 * gradient of the batch-mean loss with respect to the logits. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "engine/loss.h"
#include "engine/net.h"

/* The per-sample loss of one row. */
static double
loss1(enum loss l, enum act out, const double *z, const double *y, int width)
{
	double a[8], res;

	act_forward(out, out == ACT_ELU ? 1.0 : ACT_LEAKY_ALPHA, z, a, 1, width);
	loss_per_sample(l, out, z, a, y, 1, width, &res);
	return res;
}

START_TEST(test_mse_mae_by_hand)
{
	/* a = (0.5, 2), y = (1, -1): residuals -0.5 and 3 */
	double a[2] = { 0.5, 2.0 }, y[2] = { 1.0, -1.0 }, r;

	/* MSE = (0.25 + 9) / 2 = 4.625 (a mean over the two units) */
	loss_per_sample(LOSS_MSE, ACT_LINEAR, a, a, y, 1, 2, &r);
	ck_assert(r == 4.625);
	/* MAE = (0.5 + 3) / 2 = 1.75 */
	loss_per_sample(LOSS_MAE, ACT_LINEAR, a, a, y, 1, 2, &r);
	ck_assert(r == 1.75);
	/* one unit: MSE = 0.25, MAE = 0.5 */
	loss_per_sample(LOSS_MSE, ACT_LINEAR, a, a, y, 1, 1, &r);
	ck_assert(r == 0.25);
	loss_per_sample(LOSS_MAE, ACT_LINEAR, a, a, y, 1, 1, &r);
	ck_assert(r == 0.5);
}
END_TEST

START_TEST(test_huber_by_hand)
{
	/* delta 1: 0.5 r^2 for |r| <= 1, |r| - 0.5 beyond */
	static const double r[] = { 0.0, 0.5, -0.8, 1.0, -1.0, 1.5, -3.0 };
	static const double want[] = { 0.0, 0.125, 0.32, 0.5, 0.5, 1.0, 2.5 };
	double a[2] = { 0.5, 2.0 }, y[2] = { 1.0, -1.0 }, res;
	size_t i;

	for (i = 0; i < sizeof r / sizeof *r; i++) {
		double ai = r[i], yi = 0.0;

		loss_per_sample(LOSS_HUBER, ACT_LINEAR, &ai, &ai, &yi, 1, 1, &res);
		ck_assert_msg(fabs(res - want[i]) < 1e-15, "huber(%g) = %.17g, want %g",
		    r[i], res, want[i]);
	}
	/* mean over units: (0.125 + 2.5) / 2 = 1.3125 */
	loss_per_sample(LOSS_HUBER, ACT_LINEAR, a, a, y, 1, 2, &res);
	ck_assert(res == 1.3125);
	ck_assert(LOSS_HUBER_DELTA == 1.0);
}
END_TEST

START_TEST(test_bce_by_hand)
{
	double z, y, p, res, direct;
	int i, k;

	/* z = 0, y = 1: -log(0.5) = log 2 */
	z = 0.0, y = 1.0;
	ck_assert_double_eq_tol(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1), 0.6931471805599453, 1e-15);
	/* z = -0.4, y = 0: -log(1 - s(-0.4)) = log(1 + e^-0.4) = 0.5130152523999526 */
	z = -0.4, y = 0.0;
	ck_assert_double_eq_tol(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1), 0.5130152523999526, 1e-15);
	/* a soft target: z = 1.2, y = 0.3: 1.1032824673380308 */
	z = 1.2, y = 0.3;
	ck_assert_double_eq_tol(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1), 1.1032824673380308, 1e-14);
	/* the logit-stable form equals -(y log p + (1-y) log(1-p)) */
	for (i = -40; i <= 40; i++) {
		for (k = 0; k <= 4; k++) {
			z = i * 0.25 + 0.01;
			y = k * 0.25;
			p = 1.0 / (1.0 + exp(-z));
			direct = -(y * log(p) + (1.0 - y) * log(1.0 - p));
			res = loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1);
			ck_assert_msg(fabs(res - direct) <= 1e-12 * fmax(1.0, direct),
			    "bce(z=%g, y=%g) = %.17g, direct %.17g", z, y, res, direct);
		}
	}
	/* stable far out: the loss is |z| when the prediction is confidently wrong */
	z = 1000.0, y = 0.0;
	ck_assert(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1) == 1000.0);
	z = -1000.0, y = 1.0;
	ck_assert(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1) == 1000.0);
	z = 1000.0, y = 1.0;
	ck_assert(loss1(LOSS_BCE, ACT_SIGMOID, &z, &y, 1) == 0.0);
	/* two outputs: the mean over the units, (log 2 + 0.5130152523999526) / 2 */
	{
		double z2[2] = { 0.0, -0.4 }, y2[2] = { 1.0, 0.0 };

		ck_assert_double_eq_tol(loss1(LOSS_BCE, ACT_SIGMOID, z2, y2, 2),
		    (0.6931471805599453 + 0.5130152523999526) / 2, 1e-15);
	}
}
END_TEST

START_TEST(test_cce_by_hand)
{
	double z[3] = { 1.0, 2.0, 3.0 }, y[3] = { 0.0, 0.0, 1.0 };
	double zb[3] = { 1000.0, -1000.0, 0.0 }, yb[3] = { 0.0, 1.0, 0.0 };
	double zc[3] = { -1000.0, -1000.0, -1000.0 };
	double r;

	/* -log(e^3 / (e^1 + e^2 + e^3)) = 0.4076059644443803 */
	ck_assert_double_eq_tol(loss1(LOSS_CCE, ACT_SOFTMAX, z, y, 3), 0.4076059644443803, 1e-15);
	/* logits +-1000: logsumexp = 1000, so the loss of class 1 is 2000 */
	r = loss1(LOSS_CCE, ACT_SOFTMAX, zb, yb, 3);
	ck_assert_msg(r == 2000.0, "cce = %.17g", r);
	yb[1] = 0.0, yb[0] = 1.0;
	ck_assert(loss1(LOSS_CCE, ACT_SOFTMAX, zb, yb, 3) == 0.0);
	yb[0] = 0.0, yb[2] = 1.0;
	ck_assert(loss1(LOSS_CCE, ACT_SOFTMAX, zb, yb, 3) == 1000.0);
	/* equal logits far below zero: log 3 */
	ck_assert_double_eq_tol(loss1(LOSS_CCE, ACT_SOFTMAX, zc, y, 3), 1.0986122886681098, 1e-12);
	/* a sum over classes, not a mean: soft target (0.5, 0.5, 0) */
	y[0] = 0.5, y[1] = 0.5, y[2] = 0.0;
	ck_assert_double_eq_tol(loss1(LOSS_CCE, ACT_SOFTMAX, z, y, 3),
	    0.5 * (0.4076059644443803 + 2.0) + 0.5 * (0.4076059644443803 + 1.0), 1e-14);
}
END_TEST

START_TEST(test_hinge_by_hand)
{
	/* 0/1 targets become -1/+1: loss = max(0, 1 - t a) */
	static const double a[] = { 0.3, 0.3, 2.0, -2.0, 1.0, -0.5, 0.3 };
	static const double y[] = { 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, -1.0 };
	static const double want[] = { 0.7, 1.3, 0.0, 0.0, 0.0, 1.5, 1.3 };
	double res[7], a2[2] = { 0.3, 0.3 }, y2[2] = { 1.0, 0.0 }, r2;
	int i;

	loss_per_sample(LOSS_HINGE, ACT_LINEAR, a, a, y, 7, 1, res);
	for (i = 0; i < 7; i++)
		ck_assert_msg(fabs(res[i] - want[i]) < 1e-15, "hinge(a=%g, y=%g) = %.17g",
		    a[i], y[i], res[i]);
	/* mean over units: (0.7 + 1.3) / 2 */
	loss_per_sample(LOSS_HINGE, ACT_LINEAR, a2, a2, y2, 1, 2, &r2);
	ck_assert_double_eq_tol(r2, 1.0, 1e-15);
}
END_TEST

START_TEST(test_batch_mean)
{
	double per[3] = { 1.0, 2.0, 3.0 }, w[3] = { 1.0, 0.5, 2.0 };
	struct net_shape sh;
	struct net *n;
	const char *err;
	int i;

	/* unweighted: (1 + 2 + 3) / 3 */
	ck_assert(loss_mean(per, NULL, 3) == 2.0);
	/* weighted: (1*1 + 0.5*2 + 2*3) / 3 = 8/3: a mean over the samples */
	ck_assert_double_eq_tol(loss_mean(per, w, 3), 8.0 / 3.0, 1e-15);
	ck_assert(loss_mean(per, w, 0) == 0.0);

	/* net_loss: per-sample losses and their weighted mean, MSE of a 1-1
	 * linear network with W = 2, b = 0.5 on x = (1, -1, 3), y = (2, 0, 7):
	 * a = (2.5, -1.5, 6.5), l = (0.25, 2.25, 0.25) */
	memset(&sh, 0, sizeof sh);
	sh.ninputs = 1;
	sh.out_act = ACT_LINEAR;
	sh.noutputs = 1;
	sh.loss = LOSS_MSE;
	n = net_new(&sh, 8, &err);
	ck_assert_ptr_nonnull(n);
	n->param[0] = 2.0, n->param[1] = 0.5;
	net_sync(n);
	n->n = 3;
	n->x[0] = 1, n->x[1] = -1, n->x[2] = 3;
	n->y[0] = 2, n->y[1] = 0, n->y[2] = 7;
	for (i = 0; i < 3; i++)
		n->w[i] = w[i];
	net_forward(n, 0, NULL);
	net_loss(n);
	ck_assert(n->sample_loss[0] == 0.25);
	ck_assert(n->sample_loss[1] == 2.25);
	ck_assert(n->sample_loss[2] == 0.25);
	/* (0.25 + 0.5*2.25 + 2*0.25) / 3 = 1.875 / 3 = 0.625 */
	ck_assert_double_eq_tol(n->batch_loss, 0.625, 1e-15);
	/* evaluation without batch buffers gives the same weighted mean */
	ck_assert_double_eq_tol(net_evaluate(n, n->x, n->y, w, 3, NULL), 0.625, 1e-15);
	net_free(n);
}
END_TEST

/* Gradient of the weighted batch-mean loss with respect to the logits, for
 * every valid loss and output pair, against central differences. */
START_TEST(test_loss_backward_fd)
{
	static const struct { enum loss l; enum act out; int width; } pairs[] = {
		{ LOSS_MSE, ACT_LINEAR, 2 }, { LOSS_MSE, ACT_SIGMOID, 2 }, { LOSS_MSE, ACT_TANH, 2 },
		{ LOSS_MSE, ACT_SOFTMAX, 3 }, { LOSS_MAE, ACT_LINEAR, 2 }, { LOSS_MAE, ACT_SIGMOID, 2 },
		{ LOSS_MAE, ACT_TANH, 2 }, { LOSS_HUBER, ACT_LINEAR, 2 }, { LOSS_HUBER, ACT_SIGMOID, 2 },
		{ LOSS_HUBER, ACT_TANH, 2 }, { LOSS_HINGE, ACT_LINEAR, 2 }, { LOSS_HINGE, ACT_SIGMOID, 2 },
		{ LOSS_HINGE, ACT_TANH, 2 }, { LOSS_BCE, ACT_SIGMOID, 2 }, { LOSS_CCE, ACT_SOFTMAX, 3 },
	};
	/* 3 rows; logits and targets chosen away from every kink */
	static const double z0[9] = { 0.7, -1.9, 0.4, 2.6, -0.3, 1.1, -2.2, 0.05, 3.1 };
	static const double yreg[9] = { 2.4, -1.0, 0.1, 0.6, 1.0, -0.2, -0.9, 3.0, 0.3 };
	static const double ybin[9] = { 1, 0, 0, 1, 1, 0, 0, 1, 1 };
	static const double yhot[9] = { 0, 1, 0, 0, 0, 1, 1, 0, 0 };
	static const double w[3] = { 1.0, 0.25, 3.0 };
	const double h = 1e-6;
	size_t p;

	for (p = 0; p < sizeof pairs / sizeof *pairs; p++) {
		enum loss l = pairs[p].l;
		enum act out = pairs[p].out;
		int width = pairs[p].width, m = 3 * width, i;
		const double *y = out == ACT_SOFTMAX ? yhot :
		    (l == LOSS_BCE || l == LOSS_HINGE) ? ybin : yreg;
		double z[9], a[9], da[9], dz[9], res[3], maxg = 0;

		memcpy(z, z0, sizeof z);
		act_forward(out, 0.01, z, a, 3, width);
		loss_backward(l, out, 0.01, z, a, y, w, 3, width, da, dz);
		for (i = 0; i < m; i++) {
			double keep = z[i], lp, lm, step;

			z[i] = keep + h;
			step = z[i];
			act_forward(out, 0.01, z, a, 3, width);
			loss_per_sample(l, out, z, a, y, 3, width, res);
			lp = loss_mean(res, w, 3);
			z[i] = keep - h;
			step -= z[i];
			act_forward(out, 0.01, z, a, 3, width);
			loss_per_sample(l, out, z, a, y, 3, width, res);
			lm = loss_mean(res, w, 3);
			z[i] = keep;
			ck_assert_msg(fabs(dz[i] - (lp - lm) / step) <=
			    1e-6 * fmax(fmax(fabs(dz[i]), 1e-3), fabs((lp - lm) / step)),
			    "%s+%s dz[%d] = %.17g, fd %.17g", loss_name(l), act_name(out), i,
			    dz[i], (lp - lm) / step);
			maxg = fmax(maxg, fabs(dz[i]));
		}
		ck_assert_msg(maxg > 1e-3, "%s+%s: gradient is all zero", loss_name(l), act_name(out));
	}
}
END_TEST

START_TEST(test_pairing)
{
	ck_assert_int_eq(loss_default_output(LOSS_BCE), ACT_SIGMOID);
	ck_assert_int_eq(loss_default_output(LOSS_CCE), ACT_SOFTMAX);
	ck_assert_int_eq(loss_default_output(LOSS_MSE), ACT_LINEAR);
	ck_assert_int_eq(loss_default_output(LOSS_MAE), ACT_LINEAR);
	ck_assert_int_eq(loss_default_output(LOSS_HUBER), ACT_LINEAR);
	ck_assert_int_eq(loss_default_output(LOSS_HINGE), ACT_LINEAR);
	ck_assert_ptr_nonnull(loss_check_output(LOSS_BCE, ACT_LINEAR, 1));
	ck_assert_ptr_nonnull(loss_check_output(LOSS_CCE, ACT_SIGMOID, 3));
	ck_assert_ptr_nonnull(loss_check_output(LOSS_MSE, ACT_SOFTMAX, 1));
	ck_assert_ptr_null(loss_check_output(LOSS_BCE, ACT_SIGMOID, 1));
	ck_assert_ptr_null(loss_check_output(LOSS_CCE, ACT_SOFTMAX, 3));
	ck_assert_ptr_null(loss_check_output(LOSS_MSE, ACT_SOFTMAX, 2));
	ck_assert_ptr_null(loss_check_output(LOSS_HINGE, ACT_TANH, 1));
	ck_assert_int_eq(loss_parse("huber"), LOSS_HUBER);
	ck_assert_int_eq(loss_parse("cce"), LOSS_CCE);
	ck_assert_int_eq(loss_parse("xyz"), -1);
	ck_assert_str_eq(loss_name(LOSS_HINGE), "hinge");
}
END_TEST

Suite *
loss_suite(void)
{
	Suite *s = suite_create("loss");
	TCase *tc = tcase_create("loss");

	tcase_add_test(tc, test_mse_mae_by_hand);
	tcase_add_test(tc, test_huber_by_hand);
	tcase_add_test(tc, test_bce_by_hand);
	tcase_add_test(tc, test_cce_by_hand);
	tcase_add_test(tc, test_hinge_by_hand);
	tcase_add_test(tc, test_batch_mean);
	tcase_add_test(tc, test_loss_backward_fd);
	tcase_add_test(tc, test_pairing);
	suite_add_tcase(s, tc);
	return s;
}
