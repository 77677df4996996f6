/* fixtures.h: data sets several unit tests train on. */
#ifndef NNSTEP_TESTS_FIXTURES_H
#define NNSTEP_TESTS_FIXTURES_H

#include "data/dataset.h"

/* Moons, 200 rows, noise 0.2, seed 1, split 0.7/0.15/0.15 (140 training
 * rows), binary. Free with dataset_free. */
struct dataset *fixture_moons(void);

#endif
