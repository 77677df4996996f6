/*
 * screen.h: the TUI's screen without a terminal. The same frame the
 * interactive program shows is drawn into a canvas of any size and printed
 * as plain UTF-8 text (or ASCII), one line per row with trailing blanks
 * trimmed; or with the colours of a theme as ANSI escapes or HTML.
 *
 * Used by `nnstep --headless --screen WxH`, by lesson checks, and by the
 * tests, which compare these lines with expected screens.
 */
#ifndef NNSTEP_SCREEN_H
#define NNSTEP_SCREEN_H

#include <stdio.h>

#include "app/choices.h"

#include "canvas.h"
#include "view.h"

/*
 * How a screen is printed: plain text, text with ANSI 256-colour escapes,
 * or HTML (a <pre> of coloured spans, inside a page begun by
 * screen_html_begin and ended by screen_html_end). The colours are those of
 * a theme (enum theme_id). Functions below take both packed in one int,
 * `style`: SCREEN_STYLE(format, theme); 0 is plain text.
 */
#define SCREEN_STYLE(format, theme) ((format) + 8 * (theme))
#define SCREEN_FORMAT_OF(style) ((style) % 8)
#define SCREEN_THEME_OF(style) ((style) / 8)

/* The start and the end of an HTML page of screens in the theme of style. */
int screen_html_begin(int style, FILE *out);
int screen_html_end(FILE *out);

/*
 * Draws the full screen of session s as the learner would see it at w x h
 * with view state v (NULL: the initial one: cursor on the first hidden
 * neuron, sample 1, network focused) and prints it to out. Returns 0, or -1
 * when the output could not be written. Sizes below 80x24 print the "needs
 * at least" message, as the terminal does.
 */
int screen_render(const struct session *s, const struct ui_view_state *v, int w, int h,
    int style, int ascii, FILE *out);

/* screen_render with the initial view state (the headless runner's hook). */
int screen_print(const struct session *s, int w, int h, int style, int ascii, FILE *out);

/* One panel alone ("network", "inspector", "loss", "data", "gradients",
 * "activations", "code", "narration"), framed, in a w x h canvas. Returns -1
 * for an unknown name or a write error. */
int screen_render_panel(const struct session *s, const struct ui_view_state *v,
    const char *panel, int w, int h, int ascii, FILE *out);

/* A whole frame (several runs, a lesson) at w x h. */
int screen_render_frame(const struct ui_frame *f, int w, int h, int style, FILE *out);

/* Prints a canvas in the format and theme of style. */
int screen_write(const struct canvas *c, int style, FILE *out);
/* One frame for a terminal: cursor home, then every row in the colours of
 * theme (an enum theme_id; -1: none), rows ended by CR LF; for recordings
 * (asciicast). */
int screen_write_frame(const struct canvas *c, int theme, FILE *out);

#endif
