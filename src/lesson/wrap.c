/* wrap.c: text measured and wrapped by display width (Korean included). */
#include <stddef.h>
#include <wchar.h>

#include "lesson/lesson.h"
#include "util/utf8.h"

static int
is_hangul(unsigned cp)
{
	return (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
	    (cp >= 0x3130 && cp <= 0x318F) || (cp >= 0xA960 && cp <= 0xA97F);
}

/* ------------------------------------------------------------ wrapping */

/* The line being filled. */
struct wrap {
	const char *s;
	int width, max, count;
	struct lesson_line *out;
	int open;		/* a line has content or was started */
	size_t off, end;	/* bytes of the current line */
	int w;			/* its width */
};

static void
wrap_emit(struct wrap *st)
{
	if (st->out && st->count < st->max) {
		st->out[st->count].off = st->off;
		st->out[st->count].len = st->end - st->off;
		st->out[st->count].width = st->w;
	}
	st->count++;
	st->open = 0;
	st->w = 0;
}

/* Width of one character at s[i] under markup rules; sets *len. */
static int
char_width(const char *s, size_t i, size_t n, int markup, size_t *len, unsigned *cp)
{
	uint32_t v;

	*len = (size_t)utf8_decode(s + i, n - i, &v);
	*cp = v;
	if (markup && *cp == '*')
		return 0;
	if (markup && *cp == '\\' && i + 1 < n && s[i + 1] == '*') {
		*len = 2;
		*cp = '*';
		return 1;
	}
	return utf8_width(*cp);
}

/* Places the atom s[a..b) of width aw after sp columns of spaces (which
 * start at sp_at and count only at the start of a source line). */
static void
wrap_atom(struct wrap *st, size_t a, size_t b, int aw, int sp, size_t sp_at, int markup)
{
	size_t i, len;
	unsigned cp;
	int cw;

	if (st->open) {
		if (st->w + sp + aw <= st->width) {
			st->w += sp + aw;
			st->end = b;
			return;
		}
		if (st->w > 0)
			wrap_emit(st);
		sp = 0;
		sp_at = a;
	}
	st->open = 1;
	st->off = sp_at;
	st->w = sp;
	if (sp > 0 && sp + aw > st->width) {
		st->off = a;
		st->w = 0;
	}
	st->end = a;
	if (st->w + aw <= st->width) {
		st->w += aw;
		st->end = b;
		return;
	}
	/* Too wide for any line: break between characters. */
	for (i = a; i < b; i += len) {
		cw = char_width(st->s, i, b, markup, &len, &cp);
		if (st->w + cw > st->width && st->w > 0) {
			wrap_emit(st);
			st->open = 1;
			st->off = st->end = i;
		}
		st->w += cw;
		st->end = i + len;
	}
}

int
lesson_wrap(const char *s, int width, int markup, struct lesson_line *out, int max)
{
	struct wrap st = { 0 };
	size_t n = 0, i = 0, len, a, sp_at;
	unsigned cp;
	int sp, aw, cw;

	while (s[n])
		n++;
	st.s = s;
	st.width = width < 1 ? 1 : width;
	st.out = out;
	st.max = out ? max : 0;
	while (i < n) {
		if (s[i] == '\n') {
			if (!st.open) {
				st.open = 1;
				st.off = st.end = i;
			}
			wrap_emit(&st);
			i++;
			continue;
		}
		/* Spaces before the next atom. */
		sp = 0;
		sp_at = i;
		while (i < n && (s[i] == ' ' || s[i] == '\t')) {
			sp++;
			i++;
		}
		if (i >= n || s[i] == '\n')
			continue;
		/* One atom: a word, or one wide character that is not Hangul. */
		a = i;
		aw = 0;
		cw = char_width(s, i, n, markup, &len, &cp);
		if (cw == 2 && !is_hangul(cp)) {
			aw = cw;
			i += len;
		} else {
			while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
				cw = char_width(s, i, n, markup, &len, &cp);
				if (cw == 2 && !is_hangul(cp) && i > a)
					break;
				aw += cw;
				i += len;
			}
		}
		wrap_atom(&st, a, i, aw, sp, sp_at, markup);
	}
	if (st.open)
		wrap_emit(&st);
	return st.count;
}
