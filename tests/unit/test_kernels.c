/*
 * test_kernels.c: the dense-layer kernels against plain loops that sum in the
 * documented order (over k for z, over samples for dW and db, over units for
 * dx, each sum from 0 and the bias or the decay term added last). However the
 * kernels block and vectorise their loops, the results must be the same bit
 * for bit, at every size around the tile and vector edges.
 */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/kernels.h"
#include "engine/rng.h"

static void
ref_forward(long n, int in, int out, const double *x, const double *w, const double *b,
    double *z)
{
	long s;
	int j, k;

	for (s = 0; s < n; s++)
		for (j = 0; j < out; j++) {
			double acc = 0.0;

			for (k = 0; k < in; k++)
				acc += x[s * in + k] * w[(long)j * in + k];
			z[s * out + j] = acc + b[j];
		}
}

static void
ref_grad_w(long n, int in, int out, const double *x, const double *dz, const double *w,
    double l2, double *dw, double *db)
{
	long s;
	int j, k;

	for (j = 0; j < out; j++) {
		double acc = 0.0;

		for (s = 0; s < n; s++)
			acc += dz[s * out + j];
		db[j] = acc;
		for (k = 0; k < in; k++) {
			acc = 0.0;
			for (s = 0; s < n; s++)
				acc += dz[s * out + j] * x[s * in + k];
			dw[(long)j * in + k] = l2 != 0 ? acc + l2 * w[(long)j * in + k] : acc;
		}
	}
}

static void
ref_grad_x(long n, int in, int out, const double *dz, const double *w, double *dx)
{
	long s;
	int j, k;

	for (s = 0; s < n; s++)
		for (k = 0; k < in; k++) {
			double acc = 0.0;

			for (j = 0; j < out; j++)
				acc += dz[s * out + j] * w[(long)j * in + k];
			dx[s * in + k] = acc;
		}
}

static void
fill(struct rng *r, double *x, long m)
{
	long i;

	for (i = 0; i < m; i++)
		x[i] = 4.0 * rng_uniform(r) - 2.0;
}

/* Buffers one double past an aligned start, so vector loads are unaligned. */
static double *
buf(long m, int misalign, void **base)
{
	double *p = calloc((size_t)m + 2, sizeof(double));

	ck_assert_ptr_nonnull(p);
	*base = p;
	return p + misalign;
}

static void
check_sizes(long n, int in, int out, int misalign, double l2, uint64_t seed)
{
	struct rng r;
	void *bx, *bw, *bwt, *bb, *bz, *bz2, *bdz, *bdw, *bdw2, *bdb, *bdb2, *bdx, *bdx2;
	double *x = buf(n * in, misalign, &bx), *w = buf((long)in * out, misalign, &bw);
	double *wt = buf((long)in * out, misalign, &bwt), *b = buf(out, misalign, &bb);
	double *z = buf(n * out, misalign, &bz), *z2 = buf(n * out, misalign, &bz2);
	double *dz = buf(n * out, misalign, &bdz);
	double *dw = buf((long)in * out, misalign, &bdw), *dw2 = buf((long)in * out, misalign, &bdw2);
	double *db = buf(out, misalign, &bdb), *db2 = buf(out, misalign, &bdb2);
	double *dx = buf(n * in, misalign, &bdx), *dx2 = buf(n * in, misalign, &bdx2);
	long i;
	int j, k;

	rng_seed(&r, seed);
	fill(&r, x, n * in);
	fill(&r, w, (long)in * out);
	fill(&r, b, out);
	fill(&r, dz, n * out);
	/* stale values in the outputs must be overwritten, not added to */
	fill(&r, z, n * out);
	fill(&r, dw, (long)in * out);
	fill(&r, db, out);
	fill(&r, dx, n * in);

	kern_transpose(in, out, w, wt);
	for (j = 0; j < out; j++)
		for (k = 0; k < in; k++)
			ck_assert(wt[(long)k * out + j] == w[(long)j * in + k]);

	kern_forward(n, in, out, x, wt, b, z);
	ref_forward(n, in, out, x, w, b, z2);
	for (i = 0; i < n * out; i++)
		ck_assert_msg(memcmp(&z[i], &z2[i], sizeof(double)) == 0,
		    "forward n=%ld in=%d out=%d: z[%ld] %.17g, loop %.17g", n, in, out, i, z[i], z2[i]);

	ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, l2, dw, db), 1);
	ref_grad_w(n, in, out, x, dz, w, l2, dw2, db2);
	for (i = 0; i < (long)in * out; i++)
		ck_assert_msg(memcmp(&dw[i], &dw2[i], sizeof(double)) == 0,
		    "grad_w n=%ld in=%d out=%d l2=%g: dW[%ld] %.17g, loop %.17g", n, in, out, l2, i,
		    dw[i], dw2[i]);
	for (j = 0; j < out; j++)
		ck_assert_msg(memcmp(&db[j], &db2[j], sizeof(double)) == 0,
		    "grad_w n=%ld in=%d out=%d: db[%d] %.17g, loop %.17g", n, in, out, j, db[j],
		    db2[j]);

	kern_grad_x(n, in, out, dz, w, dx);
	ref_grad_x(n, in, out, dz, w, dx2);
	for (i = 0; i < n * in; i++)
		ck_assert_msg(memcmp(&dx[i], &dx2[i], sizeof(double)) == 0,
		    "grad_x n=%ld in=%d out=%d: dx[%ld] %.17g, loop %.17g", n, in, out, i, dx[i],
		    dx2[i]);

	free(bx), free(bw), free(bwt), free(bb), free(bz), free(bz2), free(bdz);
	free(bdw), free(bdw2), free(bdb), free(bdb2), free(bdx), free(bdx2);
}

/* Every combination of sizes on both sides of 1, 2, 4 rows and 8, 16, 32
 * columns (the tile and vector widths), plus large ones that cross blocks of
 * rows and split the sums (more than 256 terms). */
START_TEST(test_kernels_match_loops)
{
	static const long ns[] = { 1, 2, 3, 4, 5, 7, 8, 9, 13, 33 };
	static const int ws[] = { 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40, 65 };
	size_t a, b, c;
	uint64_t seed = 1;

	for (a = 0; a < sizeof ns / sizeof *ns; a++)
		for (b = 0; b < sizeof ws / sizeof *ws; b++)
			for (c = 0; c < sizeof ws / sizeof *ws; c++) {
				check_sizes(ns[a], ws[b], ws[c], (int)(seed % 2),
				    seed % 3 ? 0.0 : 0.125, seed);
				seed++;
			}
	check_sizes(100, 130, 70, 1, 0.01, 999);
	check_sizes(257, 3, 129, 0, 0.0, 1000);
	check_sizes(300, 513, 300, 1, 0.5, 1001);
	check_sizes(70, 257, 258, 0, 0.0, 1002);
	check_sizes(600, 1, 1, 1, 0.25, 1003);
}
END_TEST

/* A row's result does not depend on the other rows of the batch (so a batch
 * and an evaluation in chunks agree). */
START_TEST(test_rows_independent)
{
	enum { N = 11, IN = 13, OUT = 19 };
	double x[N * IN], w[IN * OUT], wt[IN * OUT], b[OUT], z[N * OUT], z1[OUT];
	struct rng r;
	long s;

	rng_seed(&r, 3);
	fill(&r, x, N * IN);
	fill(&r, w, IN * OUT);
	fill(&r, b, OUT);
	kern_transpose(IN, OUT, w, wt);
	kern_forward(N, IN, OUT, x, wt, b, z);
	for (s = 0; s < N; s++) {
		kern_forward(1, IN, OUT, x + s * IN, wt, b, z1);
		ck_assert(memcmp(z1, z + s * OUT, sizeof z1) == 0);
	}
}
END_TEST

/* kern_grad_w says when a dW or db is NaN or infinite: an infinite input,
 * a NaN dL/dz, products past the largest double; one row and several, and
 * rows of W of two columns, of whole vectors and of neither. */
START_TEST(test_grad_w_finite)
{
	static const long ns[] = { 1, 3 };
	static const int ins[] = { 2, 9, 16 };
	double x[3 * 16], dz[3 * 8], w[16 * 8], dw[16 * 8], db[8];
	size_t a, c;
	long i;

	for (a = 0; a < 2; a++)
		for (c = 0; c < 3; c++) {
			long n = ns[a];
			int in = ins[c], out = 8, last = in - 1;

			for (i = 0; i < n * in; i++)
				x[i] = 0.25 * (double)(i % 7) - 0.5;
			for (i = 0; i < n * out; i++)
				dz[i] = 0.125 * (double)(i % 5) - 0.25;
			for (i = 0; i < in * out; i++)
				w[i] = 0.1 * (double)(i % 3);
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.0, dw, db), 1);
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.5, dw, db), 1);
			x[(n - 1) * in + last] = INFINITY;
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.0, dw, db), 0);
			x[(n - 1) * in + last] = 1e300;
			dz[(n - 1) * out + 7] = 1e300;
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.0, dw, db), 0);
			ck_assert(isinf(dw[7 * in + last]));
			dz[(n - 1) * out + 7] = 1.0;
			w[3] = 1e308;
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.0, dw, db), 1);
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 1e10, dw, db), 0);
			w[3] = 0;
			dz[(n - 1) * out + 7] = NAN;
			x[(n - 1) * in + last] = 0;
			ck_assert_int_eq(kern_grad_w(n, in, out, x, dz, w, 0.0, dw, db), 0);
			ck_assert(isnan(db[7]));
		}
}
END_TEST

/* kern_calloc: zeroed doubles from a 64-byte boundary, whatever malloc's
 * alignment, freed by kern_free (valgrind and ASan check the freeing). */
START_TEST(test_calloc_aligned)
{
	long sizes[] = { 1, 3, 8, 337, 100000 };
	size_t a;
	long i;

	for (a = 0; a < sizeof sizes / sizeof *sizes; a++) {
		double *p = kern_calloc(sizes[a]);

		ck_assert_ptr_nonnull(p);
		ck_assert_int_eq((int)((uintptr_t)p % 64), 0);
		for (i = 0; i < sizes[a]; i++)
			ck_assert(p[i] == 0.0);
		p[sizes[a] - 1] = 1.0;
		kern_free(p);
	}
	kern_free(NULL);
}
END_TEST

Suite *
kernels_suite(void)
{
	Suite *s = suite_create("kernels");
	TCase *tc = tcase_create("kernels");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_kernels_match_loops);
	tcase_add_test(tc, test_rows_independent);
	tcase_add_test(tc, test_grad_w_finite);
	tcase_add_test(tc, test_calloc_aligned);
	suite_add_tcase(s, tc);
	return s;
}
