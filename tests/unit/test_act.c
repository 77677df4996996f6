/* test_act.c: activation functions, their derivatives and known values. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "engine/act.h"
#include "engine/net.h"

/* f(z) of one value. */
static double
f1(enum act f, double alpha, double z)
{
	double a;

	act_forward(f, alpha, &z, &a, 1, 1);
	return a;
}

/* dz of one value with upstream gradient da. */
static double
b1(enum act f, double alpha, double z, double da)
{
	double a = f1(f, alpha, z), dz;

	act_backward(f, alpha, &z, &a, &da, &dz, 1, 1);
	return dz;
}

static double
relerr(double a, double b)
{
	double d = fmax(fmax(fabs(a), fabs(b)), 1e-8);

	return fabs(a - b) / d;
}

START_TEST(test_sigmoid_values)
{
	ck_assert(f1(ACT_SIGMOID, 0, 0.0) == 0.5);
	/* 1/(1+e^-2) = 0.88079707797788234... */
	ck_assert_double_eq_tol(f1(ACT_SIGMOID, 0, 2.0), 0.8807970779778823, 1e-15);
	ck_assert_double_eq_tol(f1(ACT_SIGMOID, 0, -2.0), 0.11920292202211755, 1e-15);
	/* symmetric: s(-z) = 1 - s(z) */
	ck_assert_double_eq_tol(f1(ACT_SIGMOID, 0, -3.7) + f1(ACT_SIGMOID, 0, 3.7), 1.0, 1e-15);
	/* no overflow far out */
	ck_assert(f1(ACT_SIGMOID, 0, 1000.0) == 1.0);
	ck_assert(f1(ACT_SIGMOID, 0, -1000.0) == 0.0);
	ck_assert(f1(ACT_SIGMOID, 0, -700.0) > 0.0);
	/* s' = s (1 - s): 0.25 at 0 */
	ck_assert(act_deriv(ACT_SIGMOID, 0, 0.0, 0.5) == 0.25);
	ck_assert(b1(ACT_SIGMOID, 0, 0.0, 2.0) == 0.5);
}
END_TEST

START_TEST(test_tanh_values)
{
	ck_assert(f1(ACT_TANH, 0, 0.0) == 0.0);
	/* tanh(0.5) = 0.46211715726000974 */
	ck_assert_double_eq_tol(f1(ACT_TANH, 0, 0.5), 0.46211715726000974, 1e-15);
	ck_assert_double_eq_tol(f1(ACT_TANH, 0, -0.5), -0.46211715726000974, 1e-15);
	ck_assert(f1(ACT_TANH, 0, 1000.0) == 1.0);
	ck_assert(f1(ACT_TANH, 0, -1000.0) == -1.0);
	/* tanh'(0) = 1; tanh'(0.5) = 1 - 0.4621...^2 = 0.7864477329659274 */
	ck_assert(b1(ACT_TANH, 0, 0.0, 1.0) == 1.0);
	ck_assert_double_eq_tol(b1(ACT_TANH, 0, 0.5, 1.0), 0.7864477329659274, 1e-15);
}
END_TEST

START_TEST(test_relu_values)
{
	ck_assert(f1(ACT_RELU, 0, -1.0) == 0.0);
	ck_assert(f1(ACT_RELU, 0, 0.0) == 0.0);
	ck_assert(f1(ACT_RELU, 0, 2.5) == 2.5);
	/* ReLU'(0) = 0 exactly, in both the display and the backward pass */
	ck_assert(act_deriv(ACT_RELU, 0, 0.0, 0.0) == 0.0);
	ck_assert(b1(ACT_RELU, 0, 0.0, 3.0) == 0.0);
	ck_assert(b1(ACT_RELU, 0, -0.0, 3.0) == 0.0);
	ck_assert(b1(ACT_RELU, 0, 1e-300, 3.0) == 3.0);
	ck_assert(b1(ACT_RELU, 0, -1e-300, 3.0) == 0.0);
	ck_assert(act_deriv(ACT_RELU, 0, 2.0, 2.0) == 1.0);
}
END_TEST

START_TEST(test_leaky_values)
{
	struct net_shape sh;
	struct net *n;
	const char *err;

	ck_assert(ACT_LEAKY_ALPHA == 0.01);
	ck_assert(f1(ACT_LEAKY_RELU, ACT_LEAKY_ALPHA, -2.0) == -0.02);
	ck_assert(f1(ACT_LEAKY_RELU, ACT_LEAKY_ALPHA, 3.0) == 3.0);
	ck_assert(f1(ACT_LEAKY_RELU, 0.2, -2.0) == -0.4);
	ck_assert(b1(ACT_LEAKY_RELU, ACT_LEAKY_ALPHA, -2.0, 5.0) == 5.0 * 0.01);
	ck_assert(b1(ACT_LEAKY_RELU, ACT_LEAKY_ALPHA, 2.0, 5.0) == 5.0);
	ck_assert(act_deriv(ACT_LEAKY_RELU, 0.01, -1.0, -0.01) == 0.01);
	/* the network keeps the slope it is given for leaky layers */
	memset(&sh, 0, sizeof sh);
	sh.ninputs = 2;
	sh.nhidden = 1;
	sh.hidden[0] = 3;
	sh.hidden_act[0] = ACT_LEAKY_RELU;
	sh.out_act = ACT_LINEAR;
	sh.noutputs = 1;
	sh.alpha = ACT_LEAKY_ALPHA;
	sh.loss = LOSS_MSE;
	n = net_new(&sh, 4, &err);
	ck_assert_ptr_nonnull(n);
	ck_assert(n->layer[0].alpha == 0.01);
	net_free(n);
}
END_TEST

START_TEST(test_elu_values)
{
	struct net_shape sh;
	struct net *n;
	const char *err;

	ck_assert(ACT_ELU_ALPHA == 1.0);
	/* elu(-1) = e^-1 - 1 = -0.6321205588285577; elu'(-1) = e^-1 */
	ck_assert_double_eq_tol(f1(ACT_ELU, 1.0, -1.0), -0.6321205588285577, 1e-15);
	ck_assert_double_eq_tol(b1(ACT_ELU, 1.0, -1.0, 1.0), 0.36787944117144233, 1e-15);
	ck_assert(f1(ACT_ELU, 1.0, 2.0) == 2.0);
	ck_assert(f1(ACT_ELU, 1.0, -1000.0) == -1.0);
	/* the network uses alpha 1 for ELU whatever the leaky slope is */
	memset(&sh, 0, sizeof sh);
	sh.ninputs = 2;
	sh.nhidden = 2;
	sh.hidden[0] = 3;
	sh.hidden[1] = 3;
	sh.hidden_act[0] = ACT_ELU;
	sh.hidden_act[1] = ACT_LEAKY_RELU;
	sh.out_act = ACT_LINEAR;
	sh.noutputs = 1;
	sh.alpha = 0.05;
	sh.loss = LOSS_MSE;
	n = net_new(&sh, 4, &err);
	ck_assert_ptr_nonnull(n);
	ck_assert(n->layer[0].alpha == 1.0);
	ck_assert(n->layer[1].alpha == 0.05);
	net_free(n);
}
END_TEST

START_TEST(test_softmax_values)
{
	double z[3] = { 1.0, 2.0, 3.0 }, a[3];
	double zb[6] = { 1000.0, 999.0, 0.0, -1000.0, -1000.0, -999.0 }, ab[6];
	double e1 = exp(-1.0);

	act_forward(ACT_SOFTMAX, 0, z, a, 1, 3);
	ck_assert_double_eq_tol(a[0] + a[1] + a[2], 1.0, 1e-15);
	/* e^1 / (e^1 + e^2 + e^3) = 0.09003057317038046 */
	ck_assert_double_eq_tol(a[0], 0.09003057317038046, 1e-15);
	ck_assert_double_eq_tol(a[1], 0.24472847105479767, 1e-15);
	ck_assert_double_eq_tol(a[2], 0.6652409557748219, 1e-15);
	/* two rows at once, large logits: no overflow, no NaN */
	act_forward(ACT_SOFTMAX, 0, zb, ab, 2, 3);
	ck_assert_double_eq_tol(ab[0], 1.0 / (1.0 + e1), 1e-15);
	ck_assert_double_eq_tol(ab[1], e1 / (1.0 + e1), 1e-15);
	ck_assert(ab[2] == 0.0);
	ck_assert_double_eq_tol(ab[3], e1 / (1.0 + 2.0 * e1), 1e-15);
	ck_assert_double_eq_tol(ab[4], e1 / (1.0 + 2.0 * e1), 1e-15);
	ck_assert_double_eq_tol(ab[5], 1.0 / (1.0 + 2.0 * e1), 1e-15);
	ck_assert_double_eq_tol(ab[3] + ab[4] + ab[5], 1.0, 1e-15);
}
END_TEST

/* Every elementwise activation: act_deriv and act_backward match central
 * differences of act_forward away from the kink at 0. */
START_TEST(test_elementwise_fd)
{
	static const double zs[] = { -4.0, -1.3, -0.2, -1e-3, 1e-3, 0.07, 0.9, 2.5, 6.0 };
	const double h = 1e-6;
	enum act acts[ACT_COUNT];
	size_t i, k, nacts = 0;

	/* every element-wise activation of the table, so a new one is checked too */
	for (i = 0; i < ACT_COUNT; i++)
		if (!(act_info((enum act)i)->props & ACTP_OUTPUT_ONLY))
			acts[nacts++] = (enum act)i;
	ck_assert_int_ge(nacts, 6);
	for (i = 0; i < nacts; i++) {
		double alpha = act_alpha(acts[i], ACT_LEAKY_ALPHA);

		for (k = 0; k < sizeof zs / sizeof *zs; k++) {
			double z = zs[k], zp = z + h, zm = z - h;
			double fd = (f1(acts[i], alpha, zp) - f1(acts[i], alpha, zm)) / (zp - zm);
			double d = act_deriv(acts[i], alpha, z, f1(acts[i], alpha, z));
			double bk = b1(acts[i], alpha, z, 1.0);

			ck_assert_msg(relerr(d, fd) < 1e-6, "%s'(%g): deriv %.17g, fd %.17g",
			    act_name(acts[i]), z, d, fd);
			ck_assert_msg(bk == d, "%s'(%g): backward %.17g, deriv %.17g",
			    act_name(acts[i]), z, bk, d);
			/* the chain rule scales by the upstream gradient */
			ck_assert_double_eq_tol(b1(acts[i], alpha, z, -3.0), -3.0 * d, 1e-15);
		}
	}
}
END_TEST

/* The softmax Jacobian-vector product against central differences of
 * sum_j g_j softmax_j(z). */
START_TEST(test_softmax_backward_fd)
{
	double z[4] = { 0.3, -1.2, 2.0, 0.5 }, a[4], g[4] = { 0.7, -0.4, 1.5, 0.2 };
	double dz[4], zp[4], ap[4];
	const double h = 1e-6;
	int j, k;

	act_forward(ACT_SOFTMAX, 0, z, a, 1, 4);
	act_backward(ACT_SOFTMAX, 0, z, a, g, dz, 1, 4);
	for (k = 0; k < 4; k++) {
		double fp = 0, fm = 0, step;

		memcpy(zp, z, sizeof z);
		zp[k] = z[k] + h;
		step = zp[k];
		act_forward(ACT_SOFTMAX, 0, zp, ap, 1, 4);
		for (j = 0; j < 4; j++)
			fp += g[j] * ap[j];
		zp[k] = z[k] - h;
		step -= zp[k];
		act_forward(ACT_SOFTMAX, 0, zp, ap, 1, 4);
		for (j = 0; j < 4; j++)
			fm += g[j] * ap[j];
		ck_assert_msg(relerr(dz[k], (fp - fm) / step) < 1e-6, "dz[%d] %.17g fd %.17g",
		    k, dz[k], (fp - fm) / step);
	}
	/* the gradient of a sum-preserving map is orthogonal to (1, ..., 1) */
	ck_assert_double_eq_tol(dz[0] + dz[1] + dz[2] + dz[3], 0.0, 1e-15);
}
END_TEST

/* Every row of the table is whole, and its properties are true of its
 * function: a row left half filled, or a property claimed wrongly, fails. */
START_TEST(test_table_rows)
{
	static const double far[] = { -50, -10, 10, 50 };
	int i, k, in_cycle = 0;

	for (i = 0; i < ACT_COUNT; i++) {
		const struct act_info *f = act_info((enum act)i);
		double alpha = act_alpha((enum act)i, ACT_LEAKY_ALPHA), w = f->hist_hi - f->hist_lo;

		ck_assert_ptr_nonnull(f->name);
		ck_assert_msg(f->forward && f->backward && f->deriv, "%s: functions", f->name);
		ck_assert_ptr_nonnull(f->formula);
		ck_assert_ptr_nonnull(f->keras);
		ck_assert_msg(w == 1 || w == 2 || w == 4 || w == 8, "%s: histogram width", f->name);
		in_cycle += (f->props & ACTP_IN_CYCLE) != 0;
		ck_assert_msg(!((f->props & ACTP_IN_CYCLE) && (f->props & ACTP_OUTPUT_ONLY)),
		    "%s: an output-only activation cannot be offered for hidden layers", f->name);
		if (f->props & ACTP_OUTPUT_ONLY)
			continue;
		for (k = 0; k < 4; k++) {
			double z = far[k], a = f1((enum act)i, alpha, z), d = act_deriv(i, alpha, z, a);

			if (f->props & ACTP_BOUNDED)
				ck_assert_msg(fabs(a) <= 1, "%s: bounded, but f(%g) = %g", f->name, z, a);
			if (f->props & ACTP_SATURATES)
				ck_assert_msg(d < 0.01, "%s: saturates, but f'(%g) = %g", f->name, z, d);
			if ((f->props & ACTP_CAN_DIE) && z < 0)
				ck_assert_msg(d == 0, "%s: can die, but f'(%g) = %g", f->name, z, d);
		}
	}
	ck_assert_int_ge(in_cycle, 2);
	/* the `a` key's cycle visits every activation marked for it and comes back */
	{
		enum act a = ACT_SIGMOID;

		for (k = 0; k < in_cycle; k++)
			a = act_cycle_next(a);
		ck_assert_int_eq(a, ACT_SIGMOID);
		ck_assert_int_eq(act_cycle_next(ACT_ELU), ACT_LINEAR);
		ck_assert_int_eq(act_cycle_next(ACT_LINEAR), ACT_SIGMOID);
	}
}
END_TEST

START_TEST(test_names)
{
	int i;

	for (i = 0; i < ACT_COUNT; i++)
		ck_assert_int_eq(act_parse(act_name(i)), i);
	ck_assert_str_eq(act_name(ACT_LEAKY_RELU), "leaky_relu");
	ck_assert_int_eq(act_parse("leaky"), ACT_LEAKY_RELU);
	ck_assert_int_eq(act_parse("nonsense"), -1);
	ck_assert_str_eq(act_name(ACT_COUNT), "?");
}
END_TEST

Suite *
act_suite(void)
{
	Suite *s = suite_create("act");
	TCase *tc = tcase_create("act");

	tcase_add_test(tc, test_sigmoid_values);
	tcase_add_test(tc, test_tanh_values);
	tcase_add_test(tc, test_relu_values);
	tcase_add_test(tc, test_leaky_values);
	tcase_add_test(tc, test_elu_values);
	tcase_add_test(tc, test_softmax_values);
	tcase_add_test(tc, test_elementwise_fd);
	tcase_add_test(tc, test_softmax_backward_fd);
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_table_rows);
	suite_add_tcase(s, tc);
	return s;
}
