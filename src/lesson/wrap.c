/* wrap.c: text measured and wrapped by display width (Korean included). */
#include <stddef.h>
#include <wchar.h>

#include "lesson/lesson.h"
#include "util/utf8.h"

/* ------------------------------------------------------------ widths */

struct range {
	unsigned lo, hi;
};

/* East Asian Wide and Fullwidth characters (Unicode 15, merged ranges). */
static const struct range wide[] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x23E9, 0x23EC },
	{ 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 }, { 0x25FD, 0x25FE }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 }, { 0x26CE, 0x26CE },
	{ 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA }, { 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 },
	{ 0x26FA, 0x26FA }, { 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF },
	{ 0x2B1B, 0x2B1C }, { 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
	{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 }, { 0x1F0CF, 0x1F0CF },
	{ 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A }, { 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F },
	{ 0x1F680, 0x1F6FF }, { 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Combining marks and zero-width characters. */
static const struct range zero[] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD }, { 0x0610, 0x061A },
	{ 0x064B, 0x065F }, { 0x1160, 0x11FF }, { 0x1AB0, 0x1AFF }, { 0x1DC0, 0x1DFF },
	{ 0x200B, 0x200F }, { 0x2028, 0x202E }, { 0x2060, 0x2064 }, { 0x20D0, 0x20FF },
	{ 0xD7B0, 0xD7FF }, { 0xFE00, 0xFE0F }, { 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF },
	{ 0xE0100, 0xE01EF },
};

static int
in_ranges(unsigned cp, const struct range *r, size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp > r[mid].hi)
			lo = mid + 1;
		else if (cp < r[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

int
lesson_cp_width(unsigned cp)
{
	int w;

	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp < 0x7F)
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w > 2 ? 2 : w;
	if (in_ranges(cp, zero, sizeof zero / sizeof zero[0]))
		return 0;
	return in_ranges(cp, wide, sizeof wide / sizeof wide[0]) ? 2 : 1;
}

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
	return lesson_cp_width(*cp);
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
