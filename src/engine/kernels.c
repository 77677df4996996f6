/* kernels.c: dense-layer loops written so the compiler can vectorise them. */
#include <string.h>

#include "kernels.h"

void
kern_transpose(int in, int out, const double *w, double *wt)
{
	int j, k;

	for (j = 0; j < out; j++)
		for (k = 0; k < in; k++)
			wt[(long)k * out + j] = w[(long)j * in + k];
}

void
kern_forward(long n, int in, int out, const double *restrict x,
    const double *restrict wt, const double *restrict b, double *restrict z)
{
	long s;
	int j, k;

	/* Four samples share each row of W^T that is loaded. */
	for (s = 0; s + 4 <= n; s += 4) {
		double *z0 = z + s * out, *z1 = z0 + out, *z2 = z1 + out, *z3 = z2 + out;
		const double *x0 = x + s * in, *x1 = x0 + in, *x2 = x1 + in, *x3 = x2 + in;

		memset(z0, 0, 4 * (size_t)out * sizeof *z);
		for (k = 0; k < in; k++) {
			const double *wr = wt + (long)k * out;
			double a0 = x0[k], a1 = x1[k], a2 = x2[k], a3 = x3[k];

			for (j = 0; j < out; j++) {
				double wv = wr[j];

				z0[j] += a0 * wv;
				z1[j] += a1 * wv;
				z2[j] += a2 * wv;
				z3[j] += a3 * wv;
			}
		}
		for (j = 0; j < out; j++) {
			z0[j] += b[j];
			z1[j] += b[j];
			z2[j] += b[j];
			z3[j] += b[j];
		}
	}
	for (; s < n; s++) {
		double *zr = z + s * out;
		const double *xr = x + s * in;

		memset(zr, 0, (size_t)out * sizeof *z);
		for (k = 0; k < in; k++) {
			const double *wr = wt + (long)k * out;
			double av = xr[k];

			for (j = 0; j < out; j++)
				zr[j] += av * wr[j];
		}
		for (j = 0; j < out; j++)
			zr[j] += b[j];
	}
}

void
kern_grad_w(long n, int in, int out, const double *restrict x,
    const double *restrict dz, const double *restrict w, double l2,
    double *restrict dw, double *restrict db)
{
	long s;
	int j, k;

	memset(dw, 0, (size_t)in * out * sizeof *dw);
	memset(db, 0, (size_t)out * sizeof *db);
	for (j = 0; j < out; j++) {
		double *dwr = dw + (long)j * in;

		for (s = 0; s < n; s++) {
			double d = dz[s * out + j];
			const double *xr = x + s * in;

			db[j] += d;
			for (k = 0; k < in; k++)
				dwr[k] += d * xr[k];
		}
		if (l2 != 0) {
			const double *wr = w + (long)j * in;

			for (k = 0; k < in; k++)
				dwr[k] += l2 * wr[k];
		}
	}
}

void
kern_grad_x(long n, int in, int out, const double *restrict dz,
    const double *restrict w, double *restrict dx)
{
	long s;
	int j, k;

	for (s = 0; s < n; s++) {
		double *dxr = dx + s * in;
		const double *dzr = dz + s * out;

		memset(dxr, 0, (size_t)in * sizeof *dx);
		for (j = 0; j < out; j++) {
			const double *wr = w + (long)j * in;
			double d = dzr[j];

			for (k = 0; k < in; k++)
				dxr[k] += d * wr[k];
		}
	}
}
