/*
 * view_code.c: the run as runnable PyTorch and Keras scripts, and the lesson
 * narration pane.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"
#include "io/pyscript.h"
#include "util/i18n.h"

/*
 * The Code panel shows the runnable scripts of `nnstep code` (PyTorch, then
 * Keras), the same text; long lines wrap at the panel's edge (a "\u21aa"
 * or ">" marks a continued line) instead of being cut.
 */

/* Bytes of line (len bytes) that fit in w columns, never splitting a UTF-8
 * character. */
static size_t
code_fit(const char *line, size_t len, int w)
{
	size_t n = len < (size_t)w ? len : (size_t)w;

	while (n > 0 && n < len && ((unsigned char)line[n] & 0xC0) == 0x80)
		n--;
	return n > 0 ? n : len;
}

void
view_code(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	static const char *const sep = "\n# ================================ Keras\n";
	char *torch, *keras;
	struct rect in;
	const char *line, *nl;
	int y, skip = p->v->scroll[P_CODE], n = 0;
	char buf[512];

	in = view_box(p, c, r, _("Code"), _("PyTorch, then Keras (nnstep code); j k scroll"));
	if (in.w < 6 || in.h < 1)
		return;
	torch = pyscript_text(p->s, PYSCRIPT_PYTORCH);
	keras = pyscript_text(p->s, PYSCRIPT_KERAS);
	y = in.y;
	for (int part = 0; part < 3 && y < in.y + in.h; part++) {
		const char *text = part == 0 ? torch : part == 1 ? sep + 1 : keras;

		for (line = text; *line && y < in.y + in.h; line = *nl ? nl + 1 : nl) {
			size_t len = strcspn(line, "\n"), at = 0;
			int dim = line[strspn(line, " ")] == '#';

			nl = line + len;
			do {
				size_t k = code_fit(line + at, len - at, at ? in.w - 2 : in.w);

				if (n++ >= skip && y < in.y + in.h) {
					int x = in.x;

					if (at) {
						canvas_text(c, x, y, 2, C_DIM, 0, p->g->unicode ? "\u21aa " : "> ");
						x += 2;
					}
					if (k >= sizeof buf)
						k = sizeof buf - 1;
					memcpy(buf, line + at, k);
					buf[k] = '\0';
					canvas_text_cut(c, x, y++, in.x + in.w - x, dim ? C_DIM : C_DEFAULT,
					    0, buf);
				}
				at += k;
			} while (at < len);
		}
	}
	free(keras);
	free(torch);
}

/* ------------------------------------------------------------ narration */

void
view_narration(const struct panel_ctx *p, struct canvas *c, struct rect r)
{
	const struct ui_lesson *ls = &p->v->lesson;
	struct rect in;
	char extra[64];
	int lines;

	if (ls->count > 0)
		snprintf(extra, sizeof extra, "%d/%d", ls->index, ls->count);
	else
		extra[0] = '\0';
	in = view_box(p, c, r, ls->title ? ls->title : _("Lesson"), extra);
	if (in.w < 4 || in.h < 1)
		return;
	in.x++;
	in.w -= 2;
	lines = canvas_wrap(c, in, p->v->scroll[P_NARRATION], ls->text ? ls->text : "",
	    C_DEFAULT, C_EMPHASIS, 1);
	if (lines - p->v->scroll[P_NARRATION] > in.h)
		canvas_printf(c, r.x + r.w - 14, r.y + r.h - 1, -1, C_DIM, 0, _(" %s more (j) "),
		    p->g->down);
	else if (ls->at_end)
		canvas_text(c, r.x + 2, r.y + r.h - 1, -1, C_PHASE_ACTIVE, 0,
		    _(" end of the lesson: b goes back, q quits "));
	else if (ls->ask == NULL)
		canvas_text(c, r.x + r.w - 20, r.y + r.h - 1, -1, C_KEY, 0, _(" space: continue "));
}
