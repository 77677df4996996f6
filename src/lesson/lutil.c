/* lutil.c: memory, strings and spelling hints for the lesson files. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson/lutil.h"

/* ---------------------------------------------------------- buffers */

void
lu_buf_add(struct lu_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + n + 1)
			cap *= 2;
		b->s = xreallocarray(b->s, cap, 1);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
lu_buf_adds(struct lu_buf *b, const char *s)
{
	lu_buf_add(b, s, strlen(s));
}

void
lu_buf_printf(struct lu_buf *b, const char *fmt, ...)
{
	va_list ap;
	char small[256], *big = NULL;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof small) {
		big = xmalloc((size_t)n + 1);
		va_start(ap, fmt);
		vsnprintf(big, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	lu_buf_add(b, big ? big : small, (size_t)n);
	free(big);
}

void
lu_buf_free(struct lu_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* ---------------------------------------------------------- names */

/* Edit distance of a and b, capped: anything above 3 counts as 3. */
static int
lu_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int row[33], prev, cur;

	if (la > 32 || lb > 32)
		return 3;
	for (j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			cur = row[j];
			row[j] = prev + (a[i - 1] != b[j - 1]);
			if (row[j - 1] + 1 < row[j])
				row[j] = row[j - 1] + 1;
			if (cur + 1 < row[j])
				row[j] = cur + 1;
			prev = cur;
		}
	}
	return row[lb] > 3 ? 3 : row[lb];
}

const char *
lu_near(const char *s, const char *const *names)
{
	const char *best = NULL;
	int d, bestd = 3;

	for (; *names; names++) {
		d = lu_distance(s, *names);
		if (d < bestd && (d == 1 || strlen(*names) > 3)) {
			bestd = d;
			best = *names;
		}
	}
	return best;
}

char *
lu_list(const char *const *names, const char *last_join)
{
	struct lu_buf b = { 0 };
	int i, n;

	for (n = 0; names[n]; n++)
		;
	for (i = 0; i < n; i++) {
		if (i > 0)
			lu_buf_adds(&b, i == n - 1 ? last_join : ", ");
		lu_buf_adds(&b, names[i]);
	}
	if (b.s == NULL)
		lu_buf_adds(&b, "");
	return b.s;
}
