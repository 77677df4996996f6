/*
 * datarng.c: the seeded random numbers of the data layer (splits, generators).
 *
 * splitmix64 (util/splitmix.h) gives the same sequence on every platform,
 * so a seed names one split and one generated data set.
 */
#include <math.h>

#include "datautil.h"
#include "util/splitmix.h"

void
data_rng_seed(struct data_rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t
data_rng_next(struct data_rng *r)
{
	return splitmix64(&r->state);
}

double
data_rng_uniform(struct data_rng *r)
{
	return (double)(data_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

long
data_rng_below(struct data_rng *r, long n)
{
	/* Rejection keeps every value equally likely. */
	uint64_t un = (uint64_t)n;
	uint64_t limit = UINT64_MAX - UINT64_MAX % un;
	uint64_t x;

	do
		x = data_rng_next(r);
	while (x >= limit);
	return (long)(x % un);
}

double
data_rng_normal(struct data_rng *r)
{
	double u1 = 1.0 - data_rng_uniform(r);   /* (0, 1]: log is finite */
	double u2 = data_rng_uniform(r);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

void
data_rng_shuffle(struct data_rng *r, long *a, long n)
{
	long i;

	for (i = n - 1; i > 0; i--) {
		long j = data_rng_below(r, i + 1);
		long t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
}
