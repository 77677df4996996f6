/*
 * bench_load.c: loading a large CSV file, against a plain reader measured in
 * the same run.
 *
 * A file of 100,000 rows by 20 numeric columns (19 inputs and a 0/1 target)
 * is written to a temporary file, then read
 *
 *   - by nnstep: table_read_csv (libcsv, typing, checks) and dataset_build
 *     (split 0.7/0.15/0.15 stratified, standard scaling fit on train);
 *   - by the peer: fgets and strtod into one array of doubles, nothing else.
 *
 * Goal: nnstep at most twice the plain reader's time. Each figure is the
 * best of a few runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "data/dataset.h"

#define ROWS 100000
#define COLS 20
#define RUNS 5

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static uint64_t rstate = 0x2545f4914f6cdd1dULL;

static double
runif(void)
{
	rstate ^= rstate << 13;
	rstate ^= rstate >> 7;
	rstate ^= rstate << 17;
	return (double)(rstate >> 11) * 0x1.0p-53;
}

static void
write_file(const char *path)
{
	FILE *f = fopen(path, "w");
	long i;
	int k;

	if (f == NULL) {
		perror(path);
		exit(1);
	}
	for (k = 0; k < COLS - 1; k++)
		fprintf(f, "x%d,", k + 1);
	fprintf(f, "target\n");
	for (i = 0; i < ROWS; i++) {
		double sum = 0;

		for (k = 0; k < COLS - 1; k++) {
			/* Numbers as data files hold them: a few digits, some
			 * negative, some large. */
			double v = (runif() - 0.3) * (k % 4 == 0 ? 1000.0 : 10.0);

			sum += v;
			fprintf(f, "%.*f,", k % 3 == 0 ? 2 : 6, v);
		}
		fprintf(f, "%d\n", sum > 0);
	}
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

/* The peer: every number of the file into one array, header skipped. */
static double
peer_read(const char *path, double *out)
{
	char line[4096], *p, *end;
	FILE *f = fopen(path, "r");
	long n = 0;
	double check = 0;

	if (f == NULL || fgets(line, sizeof line, f) == NULL) {
		perror(path);
		exit(1);
	}
	while (fgets(line, sizeof line, f) != NULL) {
		p = line;
		for (;;) {
			out[n] = strtod(p, &end);
			if (end == p)
				break;
			check += out[n++];
			p = *end == ',' ? end + 1 : end;
		}
	}
	fclose(f);
	if (n != (long)ROWS * COLS) {
		fprintf(stderr, "bench_load: the plain reader read %ld numbers\n", n);
		exit(1);
	}
	return check;
}

int
main(void)
{
	char path[] = "/tmp/nnstep-bench-XXXXXX";
	double best_read = 1e30, best_build = 1e30, best_peer = 1e30, best_total = 1e30;
	double *buf = malloc(sizeof(double) * ROWS * COLS);
	int fd, r;
	long bytes;
	FILE *f;

	fd = mkstemp(path);
	if (fd < 0 || buf == NULL) {
		perror("bench_load");
		return 1;
	}
	close(fd);
	write_file(path);
	f = fopen(path, "r");
	fseek(f, 0, SEEK_END);
	bytes = ftell(f);
	fclose(f);

	peer_read(path, buf);	/* the file is now in the page cache */
	for (r = 0; r < RUNS; r++) {
		struct data_options o;
		struct table *t;
		struct dataset *d;
		char *err = NULL;
		double t0, t1, t2;

		t0 = now();
		peer_read(path, buf);
		t1 = now();
		if (t1 - t0 < best_peer)
			best_peer = t1 - t0;

		t0 = now();
		t = table_read_csv(path, &err);
		t1 = now();
		if (t == NULL) {
			fprintf(stderr, "bench_load: %s\n", err);
			return 1;
		}
		data_options_default(&o);
		o.split[0] = 0.7;
		o.split[1] = 0.15;
		o.split[2] = 0.15;
		o.scale = SCALE_STANDARD;
		d = dataset_build(t, &o, NULL, &err);
		t2 = now();
		if (d == NULL) {
			fprintf(stderr, "bench_load: %s\n", err);
			return 1;
		}
		if (d->train.n + d->val.n + d->test.n != ROWS || d->ninputs != COLS - 1) {
			fprintf(stderr, "bench_load: the data set has the wrong shape\n");
			return 1;
		}
		table_free(t);
		dataset_free(d);
		if (t1 - t0 < best_read)
			best_read = t1 - t0;
		if (t2 - t1 < best_build)
			best_build = t2 - t1;
		if (t2 - t0 < best_total)
			best_total = t2 - t0;
	}
	remove(path);
	free(buf);

	printf("bench_load: %d rows x %d numeric columns, %.1f MB of CSV (best of %d runs)\n",
	    ROWS, COLS, bytes / 1e6, RUNS);
	printf("  %-44s %8.1f ms\n", "plain reader (fgets + strtod into an array)", best_peer * 1e3);
	printf("  %-44s %8.1f ms\n", "nnstep table_read_csv", best_read * 1e3);
	printf("  %-44s %8.1f ms\n", "nnstep dataset_build (split, scale)", best_build * 1e3);
	printf("  %-44s %8.1f ms  %.2fx the plain reader's time  (goal: at most 2x)\n",
	    "nnstep both", best_total * 1e3, best_total / best_peer);
	printf("RESULT load peer_ms=%.1f read_ms=%.1f build_ms=%.1f total_ms=%.1f ratio=%.2f\n",
	    best_peer * 1e3, best_read * 1e3, best_build * 1e3, best_total * 1e3,
	    best_total / best_peer);
	return 0;
}
