/* test_rng.c: the engine's random numbers: reproducible, in range, and with
 * the right distributions. */
#include <check.h>
#include <math.h>
#include <string.h>

#include "engine/rng.h"

/* Reference outputs of xoshiro256** seeded through splitmix64, computed by an
 * independent implementation. splitmix64's first output from 0 is the
 * published 0xe220a8397b1dcdaf. */
START_TEST(test_reference_values)
{
	static const uint64_t want0[4] = {
		0x99ec5f36cb75f2b4ULL, 0xbf6e1f784956452aULL, 0x1a5f849d4933e6e0ULL,
		0x6aa594f1262d2d2cULL
	};
	static const uint64_t want42[4] = {
		0x15780b2e0c2ec716ULL, 0x6104d9866d113a7eULL, 0xae17533239e499a1ULL,
		0xecb8ad4703b360a1ULL
	};
	struct rng r;
	int i;

	rng_seed(&r, 0);
	ck_assert(r.s[0] == 0xe220a8397b1dcdafULL);
	ck_assert(r.s[3] == 0xf88bb8a8724c81ecULL);
	for (i = 0; i < 4; i++)
		ck_assert_msg(rng_next(&r) == want0[i], "seed 0, output %d", i);
	rng_seed(&r, 42);
	for (i = 0; i < 4; i++)
		ck_assert_msg(rng_next(&r) == want42[i], "seed 42, output %d", i);
	/* uniform = top 53 bits / 2^53 */
	rng_seed(&r, 7);
	ck_assert(rng_uniform(&r) == 0.7005764821796896);
	ck_assert(rng_uniform(&r) == 0.2787512294737843);
}
END_TEST

START_TEST(test_same_seed_same_sequence)
{
	struct rng a, b, c;
	int i, differ = 0;

	rng_seed(&a, 123456789);
	rng_seed(&b, 123456789);
	rng_seed(&c, 123456790);
	for (i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);

		ck_assert(x == y);
		differ += x != z;
	}
	ck_assert_int_eq(differ, 1000);
	/* the state is plain data: a copy continues the same sequence */
	c = a;
	for (i = 0; i < 100; i++)
		ck_assert(rng_normal(&a) == rng_normal(&c));
	ck_assert(memcmp(&a, &c, sizeof a) == 0);
}
END_TEST

START_TEST(test_uniform_range)
{
	struct rng r;
	double lo = 1, hi = 0, sum = 0;
	int i;

	rng_seed(&r, 99);
	for (i = 0; i < 100000; i++) {
		double u = rng_uniform(&r);

		ck_assert(u >= 0.0 && u < 1.0);
		lo = fmin(lo, u);
		hi = fmax(hi, u);
		sum += u;
	}
	ck_assert(lo < 1e-4 && hi > 1 - 1e-4);
	/* mean 0.5, standard error 0.29 / sqrt(1e5) = 0.0009 */
	ck_assert_double_eq_tol(sum / 100000, 0.5, 0.005);
}
END_TEST

START_TEST(test_below)
{
	static const uint64_t ns[] = { 1, 2, 3, 7, 10, 1000, 0x8000000000000001ULL,
	    0xc000000000000000ULL, UINT64_MAX };
	long count[10] = { 0 };
	struct rng r;
	double chi2 = 0;
	size_t k;
	int i;

	rng_seed(&r, 2024);
	for (k = 0; k < sizeof ns / sizeof *ns; k++)
		for (i = 0; i < 2000; i++)
			ck_assert(rng_below(&r, ns[k]) < ns[k]);
	for (i = 0; i < 100; i++)
		ck_assert(rng_below(&r, 1) == 0);
	/* 100000 draws in 10 bins: chi-square with 9 degrees of freedom stays
	 * under 27.9 with probability 0.999 */
	for (i = 0; i < 100000; i++)
		count[rng_below(&r, 10)]++;
	for (i = 0; i < 10; i++)
		chi2 += (count[i] - 10000.0) * (count[i] - 10000.0) / 10000.0;
	ck_assert_msg(chi2 < 27.9, "chi-square %g", chi2);
	/* a range just above 2^63 is where a plain modulo is most biased: the
	 * lower half would get two thirds of the draws; here about half */
	{
		long low = 0;

		for (i = 0; i < 20000; i++)
			low += rng_below(&r, 0xc000000000000000ULL) < 0x6000000000000000ULL;
		ck_assert_msg(low > 9500 && low < 10500, "lower half %ld of 20000", low);
	}
}
END_TEST

START_TEST(test_normal)
{
	struct rng r;
	double sum = 0, sq = 0, m, sd;
	long beyond3 = 0;
	int i;

	rng_seed(&r, 31337);
	for (i = 0; i < 100000; i++) {
		double x = rng_normal(&r);

		ck_assert(isfinite(x));
		sum += x;
		sq += x * x;
		beyond3 += fabs(x) > 3;
	}
	m = sum / 100000;
	sd = sqrt(sq / 100000 - m * m);
	/* standard errors: 0.003 for the mean, 0.0022 for the std */
	ck_assert_msg(fabs(m) < 0.015, "mean %g", m);
	ck_assert_msg(fabs(sd - 1.0) < 0.015, "std %g", sd);
	/* P(|x| > 3) = 0.0027: about 270 of 100000 */
	ck_assert_msg(beyond3 > 200 && beyond3 < 350, "%ld beyond 3 sigma", beyond3);
}
END_TEST

Suite *
rng_suite(void)
{
	Suite *s = suite_create("rng");
	TCase *tc = tcase_create("rng");

	tcase_add_test(tc, test_reference_values);
	tcase_add_test(tc, test_same_seed_same_sequence);
	tcase_add_test(tc, test_uniform_range);
	tcase_add_test(tc, test_below);
	tcase_add_test(tc, test_normal);
	suite_add_tcase(s, tc);
	return s;
}
