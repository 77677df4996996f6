/*
 * utf8.h: the one UTF-8 decoder and encoder of nnstep, and the one table of
 * display widths (the canvas's cp_width and the lesson wrapper use it).
 */
#ifndef NNSTEP_UTIL_UTF8_H
#define NNSTEP_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 character from s (at most n bytes); returns the number
 * of bytes used (at least 1 when n > 0: a bad byte decodes as U+FFFD).
 * Overlong forms, surrogates and values above U+10FFFF decode as U+FFFD. */
int utf8_decode(const char *s, size_t n, uint32_t *cp);
/* 1 when the character utf8_decode read from s (len bytes, as cp) is valid
 * UTF-8: anything but U+FFFD, or U+FFFD written out (EF BF BD). */
int utf8_valid(const char *s, int len, uint32_t cp);
/* Encodes cp into out (4 bytes room); returns the bytes written. */
int utf8_encode(uint32_t cp, char *out);
/* Display width of a code point: 0 (combining, control), 1 or 2. The C
 * library's wcwidth decides when it knows the character; otherwise a table
 * of East Asian wide and zero-width ranges. */
int utf8_width(uint32_t cp);

#endif
