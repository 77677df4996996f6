/*
 * test_optim.c: three steps of each optimizer on two parameters, against
 * values worked out by hand (with 40-digit arithmetic; tolerance 1e-12).
 *
 * Every case starts from w = (1, -2) with lr = 0.1 and the gradients
 *   g1 = (0.5, -1),  g2 = (0.25, 2),  g3 = (-0.5, 0).
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "engine/optim.h"

static const double G[3][2] = { { 0.5, -1.0 }, { 0.25, 2.0 }, { -0.5, 0.0 } };

#define TOL 1e-12

/* Runs three steps and compares w after each with want[t]. */
static void
run3(enum optim o, const double want[3][2])
{
	double w[2] = { 1.0, -2.0 }, m[2] = { 0, 0 }, v[2] = { 0, 0 }, delta[2], before[2];
	int t, i;

	for (t = 0; t < 3; t++) {
		memcpy(before, w, sizeof w);
		optim_step(o, 0.1, 2, w, G[t], m, v, t + 1, delta);
		for (i = 0; i < 2; i++) {
			ck_assert_msg(fabs(w[i] - want[t][i]) < TOL,
			    "%s step %d w[%d] = %.17g, want %.17g", optim_name(o), t + 1, i, w[i],
			    want[t][i]);
			/* delta is the change made to w */
			ck_assert_msg(fabs(delta[i] - (w[i] - before[i])) < 1e-15,
			    "%s step %d delta[%d] = %.17g, change %.17g", optim_name(o), t + 1, i,
			    delta[i], w[i] - before[i]);
		}
	}
}

START_TEST(test_sgd)
{
	/* w -= lr g
	 * t1: 1 - 0.1*0.5 = 0.95;      -2 - 0.1*(-1) = -1.9
	 * t2: 0.95 - 0.025 = 0.925;    -1.9 - 0.2 = -2.1
	 * t3: 0.925 + 0.05 = 0.975;    -2.1 - 0 = -2.1 */
	static const double want[3][2] = { { 0.95, -1.9 }, { 0.925, -2.1 }, { 0.975, -2.1 } };

	run3(OPT_SGD, want);
	/* no state: NULL state arrays and NULL delta are accepted */
	{
		double w[1] = { 3.0 }, g[1] = { 2.0 };

		optim_step(OPT_SGD, 0.5, 1, w, g, NULL, NULL, 1, NULL);
		ck_assert(w[0] == 2.0);
	}
}
END_TEST

START_TEST(test_momentum)
{
	/* v = 0.9 v + g; w -= lr v
	 * t1: v = (0.5, -1);                          w = (0.95, -1.9)
	 * t2: v = (0.45 + 0.25, -0.9 + 2) = (0.7, 1.1); w = (0.95 - 0.07, -1.9 - 0.11) = (0.88, -2.01)
	 * t3: v = (0.63 - 0.5, 0.99 + 0) = (0.13, 0.99); w = (0.88 - 0.013, -2.01 - 0.099) = (0.867, -2.109) */
	static const double want[3][2] = { { 0.95, -1.9 }, { 0.88, -2.01 }, { 0.867, -2.109 } };

	run3(OPT_MOMENTUM, want);
	ck_assert(OPT_MOMENTUM_MU == 0.9);
}
END_TEST

START_TEST(test_rmsprop)
{
	/* s = 0.99 s + 0.01 g^2; w -= lr g / (sqrt(s) + 1e-8)
	 * t1: s = (0.0025, 0.01), sqrt s = (0.05, 0.1)
	 *     w0 = 1 - 0.05 / 0.05000001 = 1 - 0.99999980000004 = 1.99999960000008e-7
	 *     w1 = -2 + 0.1 / 0.10000001 = -2 + 0.999999900000010 = -1.00000009999999
	 * t2: s = (0.002475 + 0.000625, 0.0099 + 0.04) = (0.0031, 0.0499)
	 *     w0 = 1.99999960000008e-7 - 0.025 / (0.0556776436283002 + 1e-8) = -0.44901297442183045
	 *     w1 = -1.00000009999999 - 0.2 / (0.223383079036887 + 1e-8) = -1.8953230219915219
	 * t3: s = (0.003069 + 0.0025, 0.049401 + 0) = (0.005569, 0.049401)
	 *     w0 = -0.44901297442183045 + 0.05 / (0.0746257328272225 + 1e-8) = 0.22099710662704620
	 *     w1 unchanged (g = 0): -1.8953230219915219 */
	static const double want[3][2] = {
		{ 1.99999960000008e-7, -1.00000009999999 },
		{ -0.44901297442183044575, -1.8953230219915219209 },
		{ 0.22099710662704620301, -1.8953230219915219209 },
	};

	run3(OPT_RMSPROP, want);
	ck_assert(OPT_RMSPROP_ALPHA == 0.99);
	ck_assert(OPT_EPS == 1e-8);
}
END_TEST

START_TEST(test_adam)
{
	/* m = 0.9 m + 0.1 g; v = 0.999 v + 0.001 g^2;
	 * w -= lr (m / (1 - 0.9^t)) / (sqrt(v / (1 - 0.999^t)) + 1e-8)
	 * t1: m = (0.05, -0.1), v = (0.00025, 0.001); 1-0.9 = 0.1, 1-0.999 = 0.001
	 *     mhat = (0.5, -1), vhat = (0.25, 1), sqrt = (0.5, 1)
	 *     w0 = 1 - 0.1*0.5/0.50000001 = 0.90000000199999996
	 *     w1 = -2 + 0.1*1/1.00000001 = -1.90000000099999999
	 * t2: m = (0.045 + 0.025, -0.09 + 0.2) = (0.07, 0.11)
	 *     v = (0.00024975 + 0.0000625, 0.000999 + 0.004) = (0.00031225, 0.004999)
	 *     1-0.81 = 0.19, 1-0.998001 = 0.001999
	 *     mhat = (0.368421052631579, 0.578947368421053)
	 *     vhat = (0.156203101550775, 2.50075037518759)
	 *     w0 = 0.900000002 - 0.1*0.368421052631579/(0.395225380701664 + 1e-8) = 0.80678204047746167
	 *     w1 = -1.900000001 - 0.1*0.578947368421053/(1.58137610175050 + 1e-8) = -1.9366103534720751
	 * t3: m = (0.063 - 0.05, 0.099 + 0) = (0.013, 0.099)
	 *     v = (0.00031193775 + 0.00025, 0.004994001 + 0) = (0.00056193775, 0.004994001)
	 *     1-0.729 = 0.271, 1-0.997002999 = 0.002997001
	 *     mhat = (0.0479704797047970, 0.365313653136531)
	 *     vhat = (0.187500020854181, 1.66633277733307)
	 *     w0 = 0.80678204047746167 - 0.1*0.0479704797047970/(0.433012725972552 + 1e-8) = 0.79570373360109353
	 *     w1 = -1.9366103534720751 - 0.1*0.365313653136531/(1.29086512747578 + 1e-8) = -1.9649102620009305 */
	static const double want[3][2] = {
		{ 0.90000000199999996, -1.90000000099999999 },
		{ 0.80678204047746166896, -1.9366103534720750882 },
		{ 0.7957037336010935332, -1.9649102620009305485 },
	};

	run3(OPT_ADAM, want);
	ck_assert(OPT_ADAM_BETA1 == 0.9);
	ck_assert(OPT_ADAM_BETA2 == 0.999);
}
END_TEST

/* Adam's first step moves every weight by about lr, whatever the size of its
 * gradient (bias correction); eps after the root keeps a zero gradient still. */
START_TEST(test_adam_first_step)
{
	double w[4] = { 0, 0, 0, 0 }, g[4] = { 1e-6, -3e3, 2.0, 0.0 }, m[4] = { 0 }, v[4] = { 0 };

	optim_step(OPT_ADAM, 0.01, 4, w, g, m, v, 1, NULL);
	/* 0.01 * 1e-6 / (1e-6 + 1e-8) = 0.01 / 1.01 */
	ck_assert_double_eq_tol(w[0], -0.01 / 1.01, 1e-15);
	/* 0.01 * 3e3 / (3e3 + 1e-8) and -0.01 * 2 / (2 + 1e-8) */
	ck_assert_double_eq_tol(w[1], 0.01 * 3e3 / (3e3 + 1e-8), 1e-15);
	ck_assert_double_eq_tol(w[2], -0.01 * 2 / (2 + 1e-8), 1e-15);
	ck_assert(fabs(w[2] + 0.01) > 1e-11);	/* eps is not negligible at 1e-12 */
	ck_assert(w[3] == 0.0);
}
END_TEST

START_TEST(test_state_and_names)
{
	int i;

	ck_assert_int_eq(optim_state_arrays(OPT_SGD), 0);
	ck_assert_int_eq(optim_state_arrays(OPT_MOMENTUM), 1);
	ck_assert_int_eq(optim_state_arrays(OPT_RMSPROP), 1);
	ck_assert_int_eq(optim_state_arrays(OPT_ADAM), 2);
	for (i = 0; i < OPT_COUNT; i++)
		ck_assert_int_eq(optim_parse(optim_name(i)), i);
	ck_assert_int_eq(optim_parse("adagrad"), -1);
}
END_TEST

/* Every row is whole, and what it shows is printed from its constants. */
START_TEST(test_table_rows)
{
	char buf[160], names[80];
	int i;

	for (i = 0; i < OPT_COUNT; i++) {
		const struct optim_info *o = optim_info((enum optim)i);

		ck_assert_ptr_nonnull(o->name);
		ck_assert_msg(o->step && o->describe, "%s: functions", o->name);
		ck_assert_int_ge(o->state_arrays, 0);
		ck_assert_int_le(o->state_arrays, 2);
		ck_assert_int_eq(optim_parse(o->name), i);
		ck_assert(strlen(optim_describe((enum optim)i, OPTIM_RULE, 0.1, buf, sizeof buf)) > 5);
		ck_assert(strstr(optim_describe((enum optim)i, OPTIM_KERAS, 0.25, buf, sizeof buf),
		    "learning_rate=0.25") != NULL);
		ck_assert(strstr(optim_describe((enum optim)i, OPTIM_TORCH, 0.25, buf, sizeof buf),
		    "lr=0.25") != NULL);
	}
	optim_describe(OPT_MOMENTUM, OPTIM_RULE, 0.1, buf, sizeof buf);
	ck_assert_str_eq(buf, "v <- 0.9v + dL/dw; w <- w - lr*v");
	optim_describe(OPT_RMSPROP, OPTIM_RULE, 0.1, buf, sizeof buf);
	ck_assert_str_eq(buf, "s <- 0.99s + 0.01g^2; w <- w - lr*g/(sqrt(s)+eps)");
	ck_assert_str_eq(optim_names(", ", " or ", names, sizeof names),
	    "sgd, momentum, rmsprop or adam");
}
END_TEST

/* optim_step_to writes the same numbers apart and leaves w as it was; both
 * say whether every new weight is finite. */
START_TEST(test_step_to_and_finite)
{
	int o;

	for (o = 0; o < OPT_COUNT; o++) {
		double w[3] = { 1.0, -2.0, 0.5 }, w2[3] = { 1.0, -2.0, 0.5 }, out[3];
		double g[3] = { 0.5, -1.0, 0.25 }, m[3] = { 0 }, v[3] = { 0 }, m2[3] = { 0 };
		double v2[3] = { 0 }, d[3], d2[3];
		double bad[3] = { 0.5, NAN, 0.25 }, big[3] = { 1e308, -1e308, 0 };

		ck_assert_int_eq(optim_step(o, 0.1, 3, w, g, m, v, 1, d), 1);
		ck_assert_int_eq(optim_step_to(o, 0.1, 3, w2, out, g, m2, v2, 1, d2), 1);
		ck_assert(memcmp(out, w, sizeof w) == 0);
		ck_assert(memcmp(d2, d, sizeof d) == 0);
		ck_assert(w2[0] == 1.0 && w2[1] == -2.0 && w2[2] == 0.5);
		/* a NaN gradient, or a step past the largest double */
		memset(m, 0, sizeof m), memset(v, 0, sizeof v);
		ck_assert_msg(optim_step(o, 0.1, 3, w, bad, m, v, 1, NULL) == 0, "%s, NaN",
		    optim_name(o));
		memset(m, 0, sizeof m), memset(v, 0, sizeof v);
		ck_assert_msg(optim_step_to(o, 1e300, 3, w2, out, big, m, v, 1, NULL) == 0 ||
		    o == OPT_RMSPROP || o == OPT_ADAM, "%s, overflow", optim_name(o));
	}
	/* rmsprop and adam divide by the gradient's size: their step stays
	 * finite, and a huge learning rate still overflows the weights */
	{
		double w[1] = { 1.79e308 }, g[1] = { 1.0 }, m[1] = { 0 }, v[1] = { 0 }, out[1];

		ck_assert_int_eq(optim_step_to(OPT_ADAM, -1e307, 1, w, out, g, m, v, 1, NULL), 0);
		ck_assert(isinf(out[0]));
	}
}
END_TEST

Suite *
optim_suite(void)
{
	Suite *s = suite_create("optim");
	TCase *tc = tcase_create("optim");

	tcase_add_test(tc, test_sgd);
	tcase_add_test(tc, test_momentum);
	tcase_add_test(tc, test_rmsprop);
	tcase_add_test(tc, test_adam);
	tcase_add_test(tc, test_adam_first_step);
	tcase_add_test(tc, test_state_and_names);
	tcase_add_test(tc, test_table_rows);
	tcase_add_test(tc, test_step_to_and_finite);
	suite_add_tcase(s, tc);
	return s;
}
