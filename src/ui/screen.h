/*
 * screen.h: the TUI's screen without a terminal. The same frame the
 * interactive program shows is drawn into a canvas of any size and printed
 * as plain UTF-8 text (or ASCII), one line per row with trailing blanks
 * trimmed; with color, ANSI 256-colour escapes carry the colour roles.
 *
 * Used by `nnstep --headless --screen WxH`, by lesson checks, and by the
 * tests, which compare these lines with expected screens.
 */
#ifndef NNSTEP_SCREEN_H
#define NNSTEP_SCREEN_H

#include <stdio.h>

#include "canvas.h"
#include "view.h"

/*
 * Draws the full screen of session s as the learner would see it at w x h
 * with view state v (NULL: the initial one: cursor on the first hidden
 * neuron, sample 1, network focused) and prints it to out. Returns 0, or -1
 * when the output could not be written. Sizes below 80x24 print the "needs
 * at least" message, as the terminal does.
 */
int screen_render(const struct session *s, const struct ui_view_state *v, int w, int h,
    int color, int ascii, FILE *out);

/* screen_render with the initial view state (the headless runner's hook). */
int screen_print(const struct session *s, int w, int h, int color, int ascii, FILE *out);

/* One panel alone ("network", "inspector", "loss", "data", "gradients",
 * "activations", "code", "narration"), framed, in a w x h canvas. Returns -1
 * for an unknown name or a write error. */
int screen_render_panel(const struct session *s, const struct ui_view_state *v,
    const char *panel, int w, int h, int ascii, FILE *out);

/* A whole frame (several runs, a lesson) at w x h. */
int screen_render_frame(const struct ui_frame *f, int w, int h, int color, FILE *out);

/* Prints a canvas as text lines (color: ANSI escapes of the 256-colour theme). */
int screen_write(const struct canvas *c, int color, FILE *out);

#endif
