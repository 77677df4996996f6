/*
 * lutil.h: small services of the lesson files: memory that never returns
 * NULL, formatted strings, a growing text buffer, names that are near a
 * misspelt one. Not part of the lesson interface.
 */
#ifndef NNSTEP_LESSON_LUTIL_H
#define NNSTEP_LESSON_LUTIL_H

#include <stddef.h>

#include "util/xmalloc.h"

/* A growing NUL-terminated string. */
struct lu_buf {
	char *s;
	size_t len, cap;
};
void lu_buf_add(struct lu_buf *b, const char *s, size_t n);
void lu_buf_adds(struct lu_buf *b, const char *s);
void lu_buf_printf(struct lu_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void lu_buf_free(struct lu_buf *b);

/* The name of names[] (NULL-terminated) closest to s when it is within two
 * edits, else NULL: for "did you mean" hints. */
const char *lu_near(const char *s, const char *const *names);

/* "a, b or c" of names[] (NULL-terminated), malloc'd. */
char *lu_list(const char *const *names, const char *last_join);

#endif
