/*
 * kernels.c: the dense-layer loops.
 *
 * The three products are one operation, C = A B with the sums over r:
 *
 *   forward  z[s][j]  = sum_k x[s][k]  W^T[k][j]   then + b[j]
 *   grad_w   dW[j][k] = sum_s dz[s][j] x[s][k]     then + l2 W[j][k]
 *   grad_x   dx[s][k] = sum_j dz[s][j] W[j][k]
 *
 * C is computed in tiles of a few rows by a few vectors of columns, whose
 * accumulators stay in registers. Each accumulator starts from 0 and adds
 * its products in the order r = 0, 1, 2, ...; then the bias or the decay
 * term is added once: exactly what the plain loop does for that element.
 * Only independent elements are computed side by side, so every element
 * gets the same roundings whatever the tile or the vector width, and the
 * build keeps -ffp-contract=off (a multiply and an add are never fused).
 *
 * The same source is compiled three times: for AVX-512 (vectors of 8
 * doubles), AVX2 (4) and the baseline instruction set (2); the widest the
 * processor has is picked once at start-up. The results are the same on all
 * three, bit for bit.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kernels.h"

#define INLINE static inline __attribute__((always_inline))

/* C[i][c] = sum over r of A[i][r] B[r][c], then the post term. */
struct mm {
	long m, n, r;		/* C is m x n; the sums run over r */
	const double *a;	/* A[i][r] at a[i * ai + r * ar] */
	long ai, ar;
	const double *b;	/* B[r][c] at b[r * br + c] */
	long br;
	double *c;		/* C[i][c] at c[i * ci + c] */
	long ci;
	int post;		/* 0: nothing; 1: + p[i * pi + c]; 2: + pm * p[i * pi + c] */
	const double *p;
	long pi;
	double pm;
};

/* Vectors of 8, 4 and 2 doubles that may sit at any double's address. */
typedef double vec8 __attribute__((vector_size(64), aligned(8), may_alias));
typedef double vec4 __attribute__((vector_size(32), aligned(8), may_alias));
typedef double vec2 __attribute__((vector_size(16), aligned(8), may_alias));
typedef uint64_t bits8 __attribute__((vector_size(64)));

/* A double in every lane. (Macros: a vector wider than the baseline's may
 * not be passed to or returned from a function of the baseline ABI.) */
#define SPLAT8(x) ((vec8){ (x), (x), (x), (x), (x), (x), (x), (x) })
#define SPLAT4(x) ((vec4){ (x), (x), (x), (x) })
#define SPLAT2(x) ((vec2){ (x), (x) })
#define SPLAT1(x) (x)

/*
 * One tile: MS rows from row i by NV vectors of W columns from column c, over
 * the part [r0, r1) of the sums. The first part starts the accumulators from
 * 0, later parts from the partial sums left in C (a double stored and read
 * back is the same double); the last part adds the post term.
 */
/* The tile loops unrolled whole, so that the accumulators live in registers. */
#define MM_UNROLL _Pragma("GCC unroll 8")

#define MM_TILE(NAME, T, W, SPLAT)						\
INLINE void									\
NAME(const struct mm *p, long i, long c, long r0, long r1, int first,		\
    int last, const int MS, const int NV)					\
{										\
	T acc[8][4], bv[4], av, pmv;						\
	const double *a = p->a + i * p->ai, *b = p->b + c, *pr;		\
	double *cr, s;								\
	long r, ai = p->ai, ar = p->ar, br = p->br;				\
	int u, v;								\
										\
	MM_UNROLL for (u = 0; u < MS; u++)						\
		MM_UNROLL for (v = 0; v < NV; v++)					\
			acc[u][v] = first ? SPLAT(0.0) :			\
			    *(const T *)(p->c + (i + u) * p->ci + c + v * (W));	\
	for (r = r0; r < r1; r++) {						\
		MM_UNROLL for (v = 0; v < NV; v++)					\
			bv[v] = *(const T *)(b + r * br + v * (W));		\
		MM_UNROLL for (u = 0; u < MS; u++) {					\
			s = a[u * ai + r * ar];					\
			av = SPLAT(s);						\
			MM_UNROLL for (v = 0; v < NV; v++)				\
				acc[u][v] += av * bv[v];			\
		}								\
	}									\
	s = p->pm;								\
	pmv = SPLAT(s);								\
	MM_UNROLL for (u = 0; u < MS; u++) {						\
		cr = p->c + (i + u) * p->ci + c;				\
		pr = p->p + (i + u) * p->pi + c;				\
		MM_UNROLL for (v = 0; v < NV; v++) {					\
			if (last && p->post == 1)				\
				acc[u][v] += *(const T *)(pr + v * (W));		\
			else if (last && p->post == 2)				\
				acc[u][v] += pmv * *(const T *)(pr + v * (W));	\
			*(T *)(cr + v * (W)) = acc[u][v];				\
		}								\
	}									\
}

MM_TILE(mm_tile8, vec8, 8, SPLAT8)
MM_TILE(mm_tile4, vec4, 4, SPLAT4)
MM_TILE(mm_tile2, vec2, 2, SPLAT2)
MM_TILE(mm_tile1, double, 1, SPLAT1)

/* Rows [i0, i1) of the band of columns from c, MS rows at a time; then
 * c moves past the band. */
#define MM_BAND(TILE, W, MS, NV) do {						\
	long i_ = i0;								\
										\
	for (; i_ + (MS) <= i1; i_ += (MS))					\
		TILE(p, i_, c, r0, r1, first, last, (MS), (NV));		\
	for (; i_ < i1; i_++)							\
		TILE(p, i_, c, r0, r1, first, last, 1, (NV));			\
	c += (W) * (NV);							\
} while (0)

/* Rows and sums are taken in blocks that stay in the second-level cache. */
#define MM_ROWS 64
#define MM_SUMS 256

/*
 * The whole product, for vectors of WIDTH doubles (8, 4 or 2). For each block
 * of rows and each part of the sums, in order: bands of columns from left to
 * right, widest first, then narrower vectors and single columns for what is
 * left. Within a band the same columns of B are read for every row.
 */
INLINE void
mm_run(const struct mm *p, const int WIDTH)
{
	long i0, i1, r0, r1, c;
	int first, last;

	for (i0 = 0; i0 < p->m; i0 = i1) {
		i1 = p->m - i0 < MM_ROWS ? p->m : i0 + MM_ROWS;
		r0 = 0;
		do {
			r1 = p->r - r0 < MM_SUMS ? p->r : r0 + MM_SUMS;
			first = r0 == 0;
			last = r1 == p->r;
			c = 0;
			if (WIDTH == 8) {
				/* 4 x 4 vectors: 16 of the 32 registers */
				while (c + 32 <= p->n)
					MM_BAND(mm_tile8, 8, 4, 4);
				if (c + 16 <= p->n)
					MM_BAND(mm_tile8, 8, 8, 2);
				if (c + 8 <= p->n)
					MM_BAND(mm_tile8, 8, 8, 1);
			}
			if (WIDTH == 4) {
				/* 4 x 3 vectors: 12 of the 16 registers */
				while (c + 12 <= p->n)
					MM_BAND(mm_tile4, 4, 4, 3);
				if (c + 8 <= p->n)
					MM_BAND(mm_tile4, 4, 6, 2);
			}
			if (WIDTH >= 4 && c + 4 <= p->n)
				MM_BAND(mm_tile4, 4, 8, 1);
			if (WIDTH == 2)
				while (c + 4 <= p->n)
					MM_BAND(mm_tile2, 2, 4, 2);
			if (c + 2 <= p->n)
				MM_BAND(mm_tile2, 2, 8, 1);
			if (c < p->n)
				MM_BAND(mm_tile1, 1, 8, 1);
			r0 = r1;
		} while (r0 < p->r);
	}
}

/* Column sums out[c] = sum over rows i of x[i][c], the rows in order. */
#define COLSUM_BAND(T, W, NV, SPLAT) do {					\
	T acc_[4];								\
	int v_;									\
										\
	for (v_ = 0; v_ < (NV); v_++)						\
		acc_[v_] = SPLAT(0.0);						\
	for (i = 0; i < rows; i++)						\
		for (v_ = 0; v_ < (NV); v_++)					\
			acc_[v_] += *(const T *)(x + i * cols + c + v_ * (W));	\
	for (v_ = 0; v_ < (NV); v_++)						\
		*(T *)(out + c + v_ * (W)) = acc_[v_];				\
	c += (W) * (NV);							\
} while (0)

INLINE void
colsum_run(long rows, int cols, const double *x, double *out, const int WIDTH)
{
	long i;
	int c = 0;

	if (WIDTH == 8)
		while (c + 32 <= cols)
			COLSUM_BAND(vec8, 8, 4, SPLAT8);
	if (WIDTH == 8)
		while (c + 8 <= cols)
			COLSUM_BAND(vec8, 8, 1, SPLAT8);
	if (WIDTH == 4)
		while (c + 16 <= cols)
			COLSUM_BAND(vec4, 4, 4, SPLAT4);
	if (WIDTH >= 4)
		while (c + 4 <= cols)
			COLSUM_BAND(vec4, 4, 1, SPLAT4);
	if (WIDTH == 2)
		while (c + 8 <= cols)
			COLSUM_BAND(vec2, 2, 4, SPLAT2);
	while (c + 2 <= cols)
		COLSUM_BAND(vec2, 2, 1, SPLAT2);
	if (c < cols)
		COLSUM_BAND(double, 1, 1, SPLAT1);
}

/* All finite? Without a branch per element, so the loop vectorises: the
 * exponent field of NaN and infinity is all ones, and adding one to it
 * carries into the sign bit. */
INLINE int
finite_run(const double *x, const double *y, long n)
{
	uint64_t bad = 0;
	long i;

	if (y == NULL) {
		for (i = 0; i < n; i++)
			bad |= kern_nonfinite(x[i]);
		return (bad >> 63) == 0;
	}
	for (i = 0; i < n; i++)
		bad |= kern_nonfinite(x[i]) | kern_nonfinite(y[i]);
	return (bad >> 63) == 0;
}

/*
 * Sum of x[i] (sq: of (x[i] - c)^2) in eight running sums, sum k taking
 * elements k, k+8, ...: independent sums let the loop vectorise (one
 * AVX-512 register holds all eight). The order is fixed, so the result is
 * the same on every run and instruction set.
 */
INLINE double
sum8_run(const double *x, long n, double c, int sq)
{
	double p[8] = { 0 };
	long i, k;

	if (sq)
		for (i = 0; i + 8 <= n; i += 8)
			for (k = 0; k < 8; k++)
				p[k] += (x[i + k] - c) * (x[i + k] - c);
	else
		for (i = 0; i + 8 <= n; i += 8)
			for (k = 0; k < 8; k++)
				p[k] += x[i + k];
	p[0] = ((p[0] + p[1]) + (p[2] + p[3])) + ((p[4] + p[5]) + (p[6] + p[7]));
	for (; i < n; i++)
		p[0] += sq ? (x[i] - c) * (x[i] - c) : x[i];
	return p[0];
}

/* One 8 x 8 block of W (rows j0.., columns k0..) into W^T: eight loads,
 * three rounds of eight shuffles, eight stores of whole rows of W^T. */
INLINE void
transpose8(int in, int out, const double *restrict w, double *restrict wt, int j0, int k0)
{
	const double *r = w + (long)j0 * in + k0;
	double *d = wt + (long)k0 * out + j0;
	vec8 x[8], t[8], u[8];
	int q;

	for (q = 0; q < 8; q++)
		x[q] = *(const vec8 *)(r + (long)q * in);
	for (q = 0; q < 8; q += 2) {
		t[q] = __builtin_shufflevector(x[q], x[q + 1], 0, 8, 2, 10, 4, 12, 6, 14);
		t[q + 1] = __builtin_shufflevector(x[q], x[q + 1], 1, 9, 3, 11, 5, 13, 7, 15);
	}
	for (q = 0; q < 8; q += 4) {
		u[q] = __builtin_shufflevector(t[q], t[q + 2], 0, 1, 8, 9, 4, 5, 12, 13);
		u[q + 1] = __builtin_shufflevector(t[q + 1], t[q + 3], 0, 1, 8, 9, 4, 5, 12, 13);
		u[q + 2] = __builtin_shufflevector(t[q], t[q + 2], 2, 3, 10, 11, 6, 7, 14, 15);
		u[q + 3] = __builtin_shufflevector(t[q + 1], t[q + 3], 2, 3, 10, 11, 6, 7, 14, 15);
	}
	/* u[0..3] hold columns (0 4), (1 5), (2 6), (3 7) of rows 0-3; u[4..7]
	 * the same of rows 4-7. */
	for (q = 0; q < 4; q++) {
		*(vec8 *)(d + (long)q * out) =
		    __builtin_shufflevector(u[q], u[q + 4], 0, 1, 2, 3, 8, 9, 10, 11);
		*(vec8 *)(d + (long)(q + 4) * out) =
		    __builtin_shufflevector(u[q], u[q + 4], 4, 5, 6, 7, 12, 13, 14, 15);
	}
}

/* One 4 x 4 block: four loads, eight shuffles, four stores. */
INLINE void
transpose4(int in, int out, const double *restrict w, double *restrict wt, int j0, int k0)
{
	const double *r = w + (long)j0 * in + k0;
	vec4 r0 = *(const vec4 *)r, r1 = *(const vec4 *)(r + in);
	vec4 r2 = *(const vec4 *)(r + 2L * in), r3 = *(const vec4 *)(r + 3L * in);
	vec4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 2, 6);
	vec4 t1 = __builtin_shufflevector(r0, r1, 1, 5, 3, 7);
	vec4 t2 = __builtin_shufflevector(r2, r3, 0, 4, 2, 6);
	vec4 t3 = __builtin_shufflevector(r2, r3, 1, 5, 3, 7);
	double *d = wt + (long)k0 * out + j0;

	*(vec4 *)d = __builtin_shufflevector(t0, t2, 0, 1, 4, 5);
	*(vec4 *)(d + out) = __builtin_shufflevector(t1, t3, 0, 1, 4, 5);
	*(vec4 *)(d + 2L * out) = __builtin_shufflevector(t0, t2, 2, 3, 6, 7);
	*(vec4 *)(d + 3L * out) = __builtin_shufflevector(t1, t3, 2, 3, 6, 7);
}

/*
 * W^T from W in square blocks turned in registers, B x B with B the vector
 * width the forward kernel reads W^T with (8 with AVX-512, else 4), so each
 * row of W^T it loads was stored whole; a W of two columns (a first layer
 * of two inputs) eight rows at a time from two loads; the edges one double
 * at a time. A W of one row or one column is its own transpose in memory.
 */
INLINE void
transpose_run(int in, int out, const double *restrict w, double *restrict wt, const int B)
{
	int j, k, j0 = 0, k0;

	if (in == 1 || out == 1) {
		memcpy(wt, w, (size_t)in * (size_t)out * sizeof *wt);
		return;
	}
	if (in == 2) {
		for (; j0 + 8 <= out; j0 += 8) {
			vec8 a = *(const vec8 *)(w + 2L * j0), b = *(const vec8 *)(w + 2L * j0 + 8);

			*(vec8 *)(wt + j0) = __builtin_shufflevector(a, b, 0, 2, 4, 6, 8, 10, 12, 14);
			*(vec8 *)(wt + out + j0) =
			    __builtin_shufflevector(a, b, 1, 3, 5, 7, 9, 11, 13, 15);
		}
	}
	for (; in >= B && j0 + B <= out; j0 += B) {
		for (k0 = 0; k0 + B <= in; k0 += B)
			if (B == 8)
				transpose8(in, out, w, wt, j0, k0);
			else
				transpose4(in, out, w, wt, j0, k0);
		for (k = k0; k < in; k++)
			for (j = j0; j < j0 + B; j++)
				wt[(long)k * out + j] = w[(long)j * in + k];
	}
	for (; j0 < out; j0++)
		for (k = 0; k < in; k++)
			wt[(long)k * out + j0] = w[(long)j0 * in + k];
}

/* ------------------------------------------------ one copy per target */

static double
sum8_base(const double *x, long n, double c, int sq)
{
	return sum8_run(x, n, c, sq);
}

static int
finite_base(const double *x, const double *y, long n)
{
	return finite_run(x, y, n);
}

static void
mm_base(const struct mm *p)
{
	mm_run(p, 2);
}

static void
colsum_base(long rows, int cols, const double *x, double *out)
{
	colsum_run(rows, cols, x, out, 2);
}

static void
transpose_base(int in, int out, const double *restrict w, double *restrict wt)
{
	transpose_run(in, out, w, wt, 4);
}

static void (*mm_impl)(const struct mm *) = mm_base;
static void (*colsum_impl)(long, int, const double *, double *) = colsum_base;
static void (*transpose_impl)(int, int, const double *restrict, double *restrict) =
    transpose_base;
static int (*finite_impl)(const double *, const double *, long) = finite_base;
static double (*sum8_impl)(const double *, long, double, int) = sum8_base;

#if defined(__x86_64__) && defined(__GNUC__)
__attribute__((target("avx512f"))) static void
mm_avx512(const struct mm *p)
{
	mm_run(p, 8);
}

__attribute__((target("avx512f"))) static void
colsum_avx512(long rows, int cols, const double *x, double *out)
{
	colsum_run(rows, cols, x, out, 8);
}

__attribute__((target("avx512f"))) static void
transpose_avx512(int in, int out, const double *restrict w, double *restrict wt)
{
	transpose_run(in, out, w, wt, 8);
}

__attribute__((target("avx2"))) static void
transpose_avx2(int in, int out, const double *restrict w, double *restrict wt)
{
	transpose_run(in, out, w, wt, 4);
}

__attribute__((target("avx512f"))) static int
finite_avx512(const double *x, const double *y, long n)
{
	return finite_run(x, y, n);
}

__attribute__((target("avx512f"))) static double
sum8_avx512(const double *x, long n, double c, int sq)
{
	return sum8_run(x, n, c, sq);
}

__attribute__((target("avx2"))) static double
sum8_avx2(const double *x, long n, double c, int sq)
{
	return sum8_run(x, n, c, sq);
}

__attribute__((target("avx2"))) static int
finite_avx2(const double *x, const double *y, long n)
{
	return finite_run(x, y, n);
}

__attribute__((target("avx2"))) static void
mm_avx2(const struct mm *p)
{
	mm_run(p, 4);
}

__attribute__((target("avx2"))) static void
colsum_avx2(long rows, int cols, const double *x, double *out)
{
	colsum_run(rows, cols, x, out, 4);
}

__attribute__((constructor)) static void
kern_pick(void)
{
	__builtin_cpu_init();
	if (__builtin_cpu_supports("avx512f")) {
		mm_impl = mm_avx512;
		colsum_impl = colsum_avx512;
		transpose_impl = transpose_avx512;
		finite_impl = finite_avx512;
		sum8_impl = sum8_avx512;
	} else if (__builtin_cpu_supports("avx2")) {
		mm_impl = mm_avx2;
		colsum_impl = colsum_avx2;
		transpose_impl = transpose_avx2;
		finite_impl = finite_avx2;
		sum8_impl = sum8_avx2;
	}
}
#endif

/* ----------------------------------------------------------- the API */

double *
kern_calloc(long n)
{
	unsigned char *raw = calloc(1, (size_t)n * sizeof(double) + 64 + sizeof(void *));
	uintptr_t at;

	if (raw == NULL)
		return NULL;
	/* The block's own address in the word before the first double, where
	 * kern_free finds it. */
	at = ((uintptr_t)raw + sizeof(void *) + 63) & ~(uintptr_t)63;
	((void **)at)[-1] = raw;
	return (double *)at;
}

void
kern_free(double *p)
{
	if (p != NULL)
		free(((void **)p)[-1]);
}

int
kern_all_finite(const double *x, long n)
{
	return finite_impl(x, NULL, n);
}

int
kern_all_finite2(const double *x, const double *y, long n)
{
	return finite_impl(x, y, n);
}

double
kern_sum8(const double *x, long n, double c, int sq)
{
	return sum8_impl(x, n, c, sq);
}

void
kern_transpose(int in, int out, const double *restrict w, double *restrict wt)
{
	transpose_impl(in, out, w, wt);
}

void
kern_forward(long n, int in, int out, const double *x, const double *wt,
    const double *b, double *z)
{
	struct mm p = {
		.m = n, .n = out, .r = in,
		.a = x, .ai = in, .ar = 1,
		.b = wt, .br = out,
		.c = z, .ci = out,
		.post = 1, .p = b, .pi = 0, .pm = 1.0,
	};

	mm_impl(&p);
}

/* NaN-or-infinity bits of eight doubles (see kern_nonfinite). */
#define NONFINITE8(v) (((bits8)(v) & 0x7ff0000000000000ULL) + 0x0010000000000000ULL)

/*
 * dW and db of a batch of one row: each sum has one term, 0 + dz[j] x[k] as
 * the tiles start it (so that a product of -0 gives +0 here too), then the
 * decay term; tested for NaN and infinity as they are written. Rows of W
 * in vectors of eight when they are whole vectors; a W of two columns
 * (a first layer of two inputs) eight rows at a time.
 */
KERN_WIDE static int
grad_w_row(int in, int out, const double *restrict x, const double *restrict dz,
    const double *restrict w, double l2, double *restrict dw, double *restrict db)
{
	const vec8 zero = SPLAT8(0.0), l2v = SPLAT8(l2);
	bits8 badv = { 0 };
	uint64_t bad = 0, lane[8];
	vec8 v;
	int j = 0, k, u;

	if (in % 8 == 0) {
		for (j = 0; j < out; j++) {
			double dj = dz[j];
			const vec8 d = SPLAT8(dj);

			for (k = 0; k < in; k += 8) {
				v = zero + d * *(const vec8 *)(x + k);
				if (l2 != 0)
					v += l2v * *(const vec8 *)(w + (long)j * in + k);
				*(vec8 *)(dw + (long)j * in + k) = v;
				badv |= NONFINITE8(v);
			}
		}
	} else if (in == 2) {
		const vec8 xv = { x[0], x[1], x[0], x[1], x[0], x[1], x[0], x[1] };

		for (; j + 8 <= out; j += 8) {
			vec8 d = *(const vec8 *)(dz + j);
			vec8 lo = __builtin_shufflevector(d, d, 0, 0, 1, 1, 2, 2, 3, 3);
			vec8 hi = __builtin_shufflevector(d, d, 4, 4, 5, 5, 6, 6, 7, 7);
			vec8 a = zero + lo * xv, b = zero + hi * xv;

			if (l2 != 0) {
				a += l2v * *(const vec8 *)(w + 2L * j);
				b += l2v * *(const vec8 *)(w + 2L * j + 8);
			}
			*(vec8 *)(dw + 2L * j) = a;
			*(vec8 *)(dw + 2L * j + 8) = b;
			badv |= NONFINITE8(a) | NONFINITE8(b);
		}
	}
	for (; j < out; j++)
		for (k = 0; k < in; k++) {
			double t = 0.0 + dz[j] * x[k];

			if (l2 != 0)
				t += l2 * w[(long)j * in + k];
			dw[(long)j * in + k] = t;
			bad |= kern_nonfinite(t);
		}
	for (j = 0; j < out; j++) {
		db[j] = 0.0 + dz[j];
		bad |= kern_nonfinite(db[j]);
	}
	memcpy(lane, &badv, sizeof lane);
	for (u = 0; u < 8; u++)
		bad |= lane[u];
	return (bad >> 63) == 0;
}

int
kern_grad_w(long n, int in, int out, const double *x, const double *dz,
    const double *w, double l2, double *dw, double *db)
{
	struct mm p = {
		.m = out, .n = in, .r = n,
		.a = dz, .ai = 1, .ar = out,
		.b = x, .br = in,
		.c = dw, .ci = in,
		.post = l2 != 0 ? 2 : 0, .p = w, .pi = in, .pm = l2,
	};

	if (n == 1)
		return grad_w_row(in, out, x, dz, w, l2, dw, db);
	mm_impl(&p);
	colsum_impl(n, out, dz, db);
	return finite_impl(dw, NULL, (long)in * out) && finite_impl(db, NULL, out);
}

void
kern_grad_x(long n, int in, int out, const double *dz, const double *w, double *dx)
{
	struct mm p = {
		.m = n, .n = in, .r = out,
		.a = dz, .ai = out, .ar = 1,
		.b = w, .br = in,
		.c = dx, .ci = in,
		.post = 0, .p = dx, .pi = 0, .pm = 0.0,
	};

	mm_impl(&p);
}
