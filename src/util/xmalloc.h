/*
 * xmalloc.h: memory that never returns NULL. Running out of memory (or a
 * size that would overflow) prints "nnstep: out of memory" and exits with
 * status 1: the one place where that is decided.
 */
#ifndef NNSTEP_XMALLOC_H
#define NNSTEP_XMALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
/* The first n bytes of s (which must hold them), and a NUL. */
char *xstrndup(const char *s, size_t n);
/* A formatted string in new memory. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
