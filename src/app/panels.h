/*
 * panels.h: the panels of the terminal UI, one row each, the one list that
 * the panel table and its draw functions (ui/view.h, ui/view.c), the layouts
 * and the lesson language (`focus PANEL`) read. A row is
 * PANEL(ID, draw, name, title, focus): the panel is drawn by view_<draw>
 * (ui/view_<draw>.c), named <name> in lessons and tests, titled <title> on
 * its frame, and a lesson may focus it when focus is 1.
 */
#ifndef NNSTEP_APP_PANELS_H
#define NNSTEP_APP_PANELS_H

#include "util/i18n.h"

#define NNSTEP_PANELS(PANEL)                                                  \
	PANEL(NETWORK, network, N_("network"), N_("Network"), 1)              \
	PANEL(INSPECTOR, inspector, N_("inspector"), N_("Inspector"), 1)      \
	PANEL(LOSS, loss, N_("loss"), N_("Loss"), 1)                          \
	PANEL(DATA, data, N_("data"), N_("Data"), 1)                          \
	PANEL(GRADIENTS, gradients, N_("gradients"), N_("Gradient flow"), 1)  \
	PANEL(ACTIVATIONS, activations, N_("activations"), N_("Activations"), 1) \
	PANEL(CODE, code, N_("code"), N_("Code"), 1)                          \
	PANEL(LR, lr, N_("lr"), N_("Learning rate"), 1)                       \
	PANEL(CHECKS, checks, N_("checks"), N_("Sanity checks"), 1)           \
	PANEL(NEURONS, neurons, N_("neurons"), N_("Neurons"), 1)              \
	PANEL(NARRATION, narration, N_("narration"), N_("Lesson"), 0)

#define NNSTEP_PANEL_ID(id, draw, name, title, focus) P_##id,
enum panel_id {
	NNSTEP_PANELS(NNSTEP_PANEL_ID)
	P_COUNT
};
#undef NNSTEP_PANEL_ID

#endif
