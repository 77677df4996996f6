/*
 * splitmix.h: splitmix64 (Steele, Lea, Flood 2014), the one generator under
 * nnstep's random numbers: the data layer draws from it directly (splits,
 * generators), the engine seeds xoshiro256** with it (engine/rng.c). The same
 * sequence on every platform, so a seed names one run.
 */
#ifndef NNSTEP_UTIL_SPLITMIX_H
#define NNSTEP_UTIL_SPLITMIX_H

#include <stdint.h>

/* Advances *state and returns the next 64 random bits. */
uint64_t splitmix64(uint64_t *state);

#endif
