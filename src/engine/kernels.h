/*
 * kernels.h: the dense-layer arithmetic. Each output element is summed in a
 * fixed order (over inputs k for z, over samples s for dW, over units j for
 * dx), so results are the same bit for bit however the loops are blocked.
 */
#ifndef NNSTEP_KERNELS_H
#define NNSTEP_KERNELS_H

#include <stdint.h>
#include <string.h>

/* Before an element-wise loop's function (no sums across elements, so the
 * width of the vectors cannot change a result): one copy per instruction
 * set, the best one chosen when the program starts. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define KERN_WIDE __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define KERN_WIDE
#endif

/* n zeroed doubles from a 64-byte boundary (a cache line, an AVX-512
 * vector), so that whole vectors never straddle two lines; calloc's lazily
 * zeroed pages stay lazy. NULL when out of memory; free with kern_free. */
double *kern_calloc(long n);
void kern_free(double *p);

/* z[s][j] = (sum_k x[s][k] * W[j][k]) + b[j]; wt is W transposed (in x out). */
void kern_forward(long n, int in, int out, const double *x, const double *wt,
    const double *b, double *z);
/* dW[j][k] = sum_s dz[s][j] x[s][k]  (+ l2 W[j][k]);  db[j] = sum_s dz[s][j].
 * Returns 1 when every dW and db is finite. */
int kern_grad_w(long n, int in, int out, const double *x, const double *dz,
    const double *w, double l2, double *dw, double *db);
/* dx[s][k] = sum_j dz[s][j] W[j][k]. */
void kern_grad_x(long n, int in, int out, const double *dz, const double *w, double *dx);
/* Bit 63 set when x is NaN or infinite: their exponent field is all ones,
 * and adding one to it carries into the sign bit. OR it over an array. */
static inline uint64_t
kern_nonfinite(double x)
{
	uint64_t u;

	memcpy(&u, &x, sizeof u);
	return (u & 0x7ff0000000000000ULL) + 0x0010000000000000ULL;
}

/* 1 when none of x[0..n) is NaN or infinite. */
int kern_all_finite(const double *x, long n);
/* 1 when none of x[0..n) and y[0..n) is NaN or infinite. */
int kern_all_finite2(const double *x, const double *y, long n);
/* Sum of x[i], or with sq of (x[i] - c)^2, in eight running sums (sum k
 * takes elements k, k + 8, ...) added pairwise, then the rest in order. */
double kern_sum8(const double *x, long n, double c, int sq);
/* wt = W transposed. */
void kern_transpose(int in, int out, const double *w, double *wt);

#endif
