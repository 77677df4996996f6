/*
 * session_event.c: the event log of a session, a ring of the last
 * SESSION_MAX_EVENTS sentences for people, each also told to the observer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session_impl.h"

void
session_event(struct session *s, enum event_kind k, const char *fmt, ...)
{
	struct session_event *e;
	va_list ap;

	e = &s->events[s->pos.nevents++ % SESSION_MAX_EVENTS];
	e->kind = k;
	e->epoch = s->pos.epoch;
	va_start(ap, fmt);
	vsnprintf(e->text, sizeof e->text, fmt, ap);
	va_end(ap);
	if (!s->replaying && s->observer)
		s->observer(s, SESSION_EVENT_BASE + k, s->observer_user);
}

const struct session_event *
session_event_at(const struct session *s, int i)
{
	if (i < 0 || i >= s->pos.nevents || i < s->pos.nevents - SESSION_MAX_EVENTS)
		return NULL;
	return &s->events[i % SESSION_MAX_EVENTS];
}

const struct session_event *
session_last_event(const struct session *s)
{
	return session_event_at(s, s->pos.nevents - 1);
}
