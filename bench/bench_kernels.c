/*
 * bench_kernels.c: the dense-layer kernels alone (src/engine/kernels.c)
 * against plain loops measured in the same run, on the layer shapes of the
 * training benchmark, with the same inputs; and a check that both give the
 * same numbers bit for bit (the kernels' contract in kernels.h). Exits 1 if
 * any number differs.
 *
 * The plain loops are the straightforward form of the same sums in the same
 * order (nnstep's loops before the kernels were blocked): each output row is
 * cleared, then rows of products are added to it in memory.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/kernels.h"

#define ROUNDS 3
#define SECONDS 0.1	/* per round */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* ------------------------------------------------------- plain loops */

/* Each output row is cleared, then whole rows of products are added to it
 * (loops the compiler vectorises), then the bias or decay is added. */
static void
plain_forward(long n, int in, int out, const double *restrict x,
    const double *restrict wt, const double *restrict b, double *restrict z)
{
	long s;
	int j, k;

	for (s = 0; s < n; s++) {
		double *zr = z + s * out;

		memset(zr, 0, (size_t)out * sizeof *z);
		for (k = 0; k < in; k++) {
			const double *wr = wt + (long)k * out;
			double av = x[s * in + k];

			for (j = 0; j < out; j++)
				zr[j] += av * wr[j];
		}
		for (j = 0; j < out; j++)
			zr[j] += b[j];
	}
}

static void
plain_grad_w(long n, int in, int out, const double *restrict x,
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
		if (l2 != 0)
			for (k = 0; k < in; k++)
				dwr[k] += l2 * w[(long)j * in + k];
	}
}

static void
plain_grad_x(long n, int in, int out, const double *restrict dz,
    const double *restrict w, double *restrict dx)
{
	long s;
	int j, k;

	for (s = 0; s < n; s++) {
		double *dxr = dx + s * in;

		memset(dxr, 0, (size_t)in * sizeof *dx);
		for (j = 0; j < out; j++) {
			const double *wr = w + (long)j * in;
			double d = dz[s * out + j];

			for (k = 0; k < in; k++)
				dxr[k] += d * wr[k];
		}
	}
}

/* ----------------------------------------------------------- harness */

static uint64_t rstate = 0x853c49e6748fea9bULL;

static double
rnd(void)
{
	rstate ^= rstate << 13;
	rstate ^= rstate >> 7;
	rstate ^= rstate << 17;
	return (double)(rstate >> 11) * 0x1.0p-53 - 0.5;
}

struct bufs {
	long n;
	int in, out;
	double l2;
	double *x, *w, *wt, *b, *dz;
	double *z[2], *dw[2], *db[2], *dx[2];
};

static double *
fill(long count, int random)
{
	double *p = malloc((size_t)(count > 0 ? count : 1) * sizeof(double));
	long i;

	if (p == NULL) {
		perror("bench_kernels");
		exit(1);
	}
	for (i = 0; i < count; i++)
		p[i] = random ? rnd() : 0.0;
	return p;
}

static void
run(struct bufs *t, int kernel, int plain)
{
	switch (kernel) {
	case 0:
		if (plain)
			plain_forward(t->n, t->in, t->out, t->x, t->wt, t->b, t->z[1]);
		else
			kern_forward(t->n, t->in, t->out, t->x, t->wt, t->b, t->z[0]);
		break;
	case 1:
		if (plain)
			plain_grad_w(t->n, t->in, t->out, t->x, t->dz, t->w, t->l2, t->dw[1],
			    t->db[1]);
		else
			kern_grad_w(t->n, t->in, t->out, t->x, t->dz, t->w, t->l2, t->dw[0],
			    t->db[0]);
		break;
	default:
		if (plain)
			plain_grad_x(t->n, t->in, t->out, t->dz, t->w, t->dx[1]);
		else
			kern_grad_x(t->n, t->in, t->out, t->dz, t->w, t->dx[0]);
		break;
	}
}

/* Calls per second, best round. */
static double
rate(struct bufs *t, int kernel, int plain)
{
	long group = (double)t->n * t->in * t->out < 1e6 ? 16 : 1;
	double best = 0;
	int r;

	for (r = 0; r < ROUNDS; r++) {
		long calls = 0, k;
		double t0 = now(), dt;

		do {
			for (k = 0; k < group; k++)
				run(t, kernel, plain);
			calls += group;
		} while ((dt = now() - t0) < SECONDS);
		if (calls / dt > best)
			best = calls / dt;
	}
	return best;
}

static int
same(const double *a, const double *b, long count)
{
	return memcmp(a, b, (size_t)count * sizeof(double)) == 0;
}

int
main(void)
{
	static const struct { long n; int in, out; double l2; } shapes[] = {
		{ 32, 64, 128, 0.0 },	/* T2 layer 1 */
		{ 32, 128, 64, 0.0 },	/* T2 layer 2 */
		{ 32, 64, 10, 0.0 },	/* T2 output */
		{ 32, 16, 16, 0.0 },	/* T1 layer 2 */
		{ 32, 2, 16, 0.0 },	/* T1 layer 1 */
		{ 1, 64, 128, 0.0 },	/* one sample */
		{ 7, 37, 13, 0.01 },	/* odd sizes, with L2 */
		{ 10000, 64, 128, 0.0 },	/* the whole of T2's data as one batch */
	};
	static const char *const names[] = { "forward", "grad_w", "grad_x" };
	int si, k, bad = 0;

	printf("bench_kernels: GFLOP/s (2 flops per multiply-add) of the kernels and of\n"
	    "plain loops, best of %d rounds of >= %.1f s; results compared bit for bit\n\n",
	    ROUNDS, SECONDS);
	printf("  %-22s %-8s %10s %10s %7s  %s\n", "n x in x out", "kernel", "kernels",
	    "plain", "ratio", "same bits");
	for (si = 0; si < (int)(sizeof shapes / sizeof shapes[0]); si++) {
		struct bufs t;
		long n = shapes[si].n, nin, nout, nw;
		char label[40];

		memset(&t, 0, sizeof t);
		t.n = n;
		t.in = shapes[si].in;
		t.out = shapes[si].out;
		t.l2 = shapes[si].l2;
		nin = n * t.in;
		nout = n * t.out;
		nw = (long)t.in * t.out;
		t.x = fill(nin, 1);
		t.w = fill(nw, 1);
		t.wt = fill(nw, 0);
		t.b = fill(t.out, 1);
		t.dz = fill(nout, 1);
		kern_transpose(t.in, t.out, t.w, t.wt);
		for (k = 0; k < 2; k++) {
			t.z[k] = fill(nout, 0);
			t.dw[k] = fill(nw, 0);
			t.db[k] = fill(t.out, 0);
			t.dx[k] = fill(nin, 0);
		}
		snprintf(label, sizeof label, "%ld x %d x %d%s", n, t.in, t.out,
		    t.l2 != 0 ? ", l2" : "");
		for (k = 0; k < 3; k++) {
			double flops = 2.0 * n * t.in * t.out;
			double fast = rate(&t, k, 0) * flops * 1e-9;
			double slow = rate(&t, k, 1) * flops * 1e-9;
			int ok;

			ok = k == 0 ? same(t.z[0], t.z[1], nout) :
			    k == 1 ? same(t.dw[0], t.dw[1], nw) && same(t.db[0], t.db[1], t.out) :
			    same(t.dx[0], t.dx[1], nin);
			bad |= !ok;
			printf("  %-22s %-8s %10.2f %10.2f %6.2fx  %s\n", k == 0 ? label : "",
			    names[k], fast, slow, fast / slow, ok ? "yes" : "NO");
		}
		free(t.x);
		free(t.w);
		free(t.wt);
		free(t.b);
		free(t.dz);
		for (k = 0; k < 2; k++) {
			free(t.z[k]);
			free(t.dw[k]);
			free(t.db[k]);
			free(t.dx[k]);
		}
	}
	if (bad)
		fprintf(stderr, "bench_kernels: the kernels and the plain loops disagree\n");
	return bad;
}
