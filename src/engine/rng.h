/*
 * rng.h: a small, seedable, portable random number generator (xoshiro256**
 * seeded through splitmix64). Its whole state is four integers, so a session
 * can save it in a checkpoint and resume bit for bit.
 */
#ifndef NNSTEP_RNG_H
#define NNSTEP_RNG_H

#include <stdint.h>

struct rng {
	uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* Uniform in [0, 1) with 53 random bits. */
double rng_uniform(struct rng *r);
/* Uniform integer in [0, n), without modulo bias; n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);
/* Standard normal (Box-Muller; uses two uniforms, keeps no spare). */
double rng_normal(struct rng *r);

#endif
