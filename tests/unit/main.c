/* Runs every unit-test suite (the list is generated from tests/unit/test_*.c). */
#include <check.h>
#include <stdlib.h>

#include "util/numlocale.h"

#define X(fn) Suite *fn(void);
#include "suites.h"
#undef X

int
main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

	numlocale_init();	/* the same locale policy as nnstep */
#define X(fn) srunner_add_suite(sr, fn());
#include "suites.h"
#undef X
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
