/* fuzz_lesson.c: the lesson parser and the display-width wrapper on
 * arbitrary bytes; a lesson that parses is also played for a few stops (with
 * a small training budget), back one stop and forward again. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "lesson/lesson.h"
#include "lesson/player.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lesson_line lines[64];
	struct lesson *l;
	char *err = NULL;
	int i;

	l = lesson_parse("fuzz.lesson", (const char *)data, size, NULL, &err);
	free(err);
	if (l == NULL)
		return 0;
	for (i = 0; i < l->ndir; i++) {
		const struct lesson_directive *d = &l->dir[i];

		if (d->text) {
			lesson_wrap(d->text, 1 + (int)(size % 40), 1, lines, 64);
			lesson_wrap(d->text, 80, 0, NULL, 0);
		}
		if (d->ask && d->ask->explain)
			lesson_wrap(d->ask->explain, 2, 1, lines, 64);
	}
	lesson_wrap(l->title, 3, 0, lines, 64);
	{
		struct lesson_player *p = player_new(l);
		int k, state = PLAYER_START;

		player_limit_work(p, 1e7);
		for (k = 0; k < 4 && state != PLAYER_END && state != PLAYER_ERROR; k++) {
			state = player_next_pause(p);
			if (state == PLAYER_ASK)
				player_answer(p, 1);
		}
		player_prev_pause(p);
		player_next_pause(p);
		player_free(p);
	}
	lesson_free(l);
	return 0;
}
