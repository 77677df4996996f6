/*
 * datautil.h: small services shared by the data files: memory that never
 * returns NULL, error messages, numbers printed so that they read back
 * (numbers are always in the C locale: util/numlocale.h), and a seeded
 * random generator.
 *
 * Nothing here is part of the public interface of the data layer.
 */
#ifndef NNSTEP_DATA_DATAUTIL_H
#define NNSTEP_DATA_DATAUTIL_H

#include <stddef.h>
#include <stdint.h>

#include "util/xmalloc.h"

/* ------------------------------------------------------------- memory */

/* Doubles *cap until it is at least need (starting from first). */
void *data_xgrow(void *p, size_t *cap, size_t need, size_t size, size_t first);

/* ----------------------------------------------------------- messages */

/* When err is not NULL, stores a new message in *err. Always returns NULL,
 * so that a failing function can `return data_fail(err, ...)`. */
void *data_fail(char **err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#define DATA_SHOW_MAX 48     /* bytes of a value shown in a message */
/* Copies s into dst (cap bytes, at least DATA_SHOW_MAX + 4) for a message:
 * control characters become '?', and a long value is cut at a character
 * boundary and ends with "...". */
/* Bytes of the control character at s (C0, DEL, C1, or a bidirectional
 * control that would reorder what a terminal shows), or 0 for text. */
size_t data_control_len(const char *s, size_t n);
void data_show(char *dst, size_t cap, const char *s);

/* Appends "a, b, c" (at most max names, then ", ...") to a new string. */
char *data_name_list(const char *const *names, long n, long max);

/* Last component of a path. */
const char *data_basename(const char *path);

/* ------------------------------------------------------------ numbers */

#define DATA_NUMBER_MAX 32
/* The shortest of %.15g, %.16g, %.17g that reads back as exactly v
 * (e.g. "0.1", "3", "1e-07"); -0 prints as "0". */
void data_format_number(char buf[DATA_NUMBER_MAX], double v);

/* ------------------------------------------------------ random numbers */

/* splitmix64: tiny, fast, and the same sequence on every platform. */
struct data_rng {
	uint64_t state;
};

void data_rng_seed(struct data_rng *r, uint64_t seed);
uint64_t data_rng_next(struct data_rng *r);
/* Uniform in [0, 1) with 53 random bits. */
double data_rng_uniform(struct data_rng *r);
/* Uniform integer in [0, n), n > 0. */
long data_rng_below(struct data_rng *r, long n);
/* Standard normal (Box-Muller, one value per call). */
double data_rng_normal(struct data_rng *r);
/* Fisher-Yates shuffle. */
void data_rng_shuffle(struct data_rng *r, long *a, long n);

#endif
