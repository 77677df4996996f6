/* test_lesson.c: the lesson parser (every kind of mistake, with its line and
 * column), wrapping by display width (Korean included), finding lessons,
 * and the player: stops, shown values, checks, comparisons, exact rewind,
 * questions, save and load. */
#include <check.h>
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lesson/lesson.h"
#include "util/utf8.h"
#include "lesson/player.h"

/* Parses s as "t.lesson" without looking at files. */
static struct lesson *
parse(const char *s, char **err)
{
	*err = NULL;
	return lesson_parse("t.lesson", s, strlen(s), NULL, err);
}

static struct lesson *
parse_ok(const char *s)
{
	char *err = NULL;
	struct lesson *l = parse(s, &err);

	ck_assert_msg(l != NULL, "refused: %s", err ? err : "?");
	return l;
}

/* Asserts that s fails with exactly the message want. */
static void
expect_error(const char *s, const char *want)
{
	char *err = NULL;
	struct lesson *l = parse(s, &err);

	ck_assert_msg(l == NULL, "accepted, expected \"%s\"", want);
	ck_assert_ptr_nonnull(err);
	ck_assert_str_eq(err, want);
	free(err);
}

/* ------------------------------------------------------------- parsing */

START_TEST(test_text_blocks)
{
	struct lesson *l = parse_ok(
	    "# a comment\n"
	    "title  A *title*  \n"
	    "\n"
	    "> One line\n"
	    ">   and its continuation.\n"
	    ">\n"
	    "> A second paragraph:\n"
	    "> - first item\n"
	    ">   continued\n"
	    "> 2. second item\n"
	    "pause\n"
	    "> After the pause.\r\n"
	    "\n"
	    "> A new block.\n");

	ck_assert_str_eq(l->title, "A *title*");
	ck_assert_int_eq(l->ndir, 4);
	ck_assert_int_eq(l->dir[0].op, LOP_SAY);
	ck_assert_str_eq(l->dir[0].text, "One line and its continuation.\n\nA second paragraph:\n"
	    "- first item continued\n2. second item");
	ck_assert_int_eq(l->dir[0].line, 4);
	ck_assert_int_eq(l->dir[1].op, LOP_PAUSE);
	ck_assert_str_eq(l->dir[2].text, "After the pause.");
	ck_assert_str_eq(l->dir[3].text, "A new block.");
	ck_assert_int_eq(l->nstops, 2);
	lesson_free(l);
}
END_TEST

START_TEST(test_directives)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set gen moons   # a comment after the value\n"
	    "step epochs 5\n"
	    "step phase\n"
	    "run until val_loss < 0.3 max epochs 40\n"
	    "run until epoch 7\n"
	    "run until diverged\n"
	    "expect loss ~= 0.693\n"
	    "expect weight 1 2 3 == weight 1 3 3\n"
	    "expect grad_ratio < 0.01 * grad_rms layer 2\n"
	    "expect phase == backward\n"
	    "expect diverged != yes\n"
	    "expect z 2 1 sample 3 ~= 1 within 0.25\n"
	    "select layer 0 neuron 2\n"
	    "select sample mean\n"
	    "highlight layer 1\n"
	    "focus gradients\n"
	    "threshold by cost 10 1\n");
	const struct lesson_directive *d = l->dir;

	ck_assert_int_eq(l->ndir, 17);
	ck_assert_int_eq(d[0].op, LOP_SET);
	ck_assert_str_eq(d[0].key, "gen");
	ck_assert_str_eq(d[0].value, "moons");
	ck_assert_int_eq(d[1].what, LSTEP_EPOCH);
	ck_assert_int_eq(d[1].n, 5);
	ck_assert_int_eq(d[2].what, LSTEP_PHASE);
	ck_assert_int_eq(d[2].n, 1);
	ck_assert_int_eq(d[3].cond.kind, LCOND_COMPARE);
	ck_assert_int_eq(d[3].cond.lhs.metric, LM_VAL_LOSS);
	ck_assert_int_eq(d[3].cond.op, LC_LT);
	ck_assert_double_eq(d[3].cond.value, 0.3);
	ck_assert_int_eq(d[3].n, 40);
	ck_assert_str_eq(d[3].cond.text, "val_loss < 0.3");
	ck_assert_int_eq(d[4].cond.kind, LCOND_EPOCH);
	ck_assert_double_eq(d[4].cond.value, 7);
	ck_assert_int_eq(d[4].n, LESSON_DEFAULT_MAX_EPOCHS);
	ck_assert_int_eq(d[5].cond.kind, LCOND_DIVERGED);
	ck_assert_int_eq(d[6].cond.op, LC_APPROX);
	ck_assert_double_eq_tol(d[6].cond.tol, 0.0005, 1e-15);
	ck_assert_int_eq(d[7].cond.lhs.metric, LM_WEIGHT);
	ck_assert_int_eq(d[7].cond.lhs.layer, 1);
	ck_assert_int_eq(d[7].cond.lhs.unit, 2);
	ck_assert_int_eq(d[7].cond.lhs.input, 3);
	ck_assert(d[7].cond.rhs_is_quantity);
	ck_assert_int_eq(d[7].cond.rhs.unit, 3);
	ck_assert_double_eq(d[7].cond.factor, 1);
	ck_assert_double_eq(d[8].cond.factor, 0.01);
	ck_assert_int_eq(d[8].cond.rhs.metric, LM_GRAD_RMS);
	ck_assert_int_eq(d[8].cond.rhs.layer, 2);
	ck_assert_double_eq(d[9].cond.value, 3);	/* backward */
	ck_assert_double_eq(d[10].cond.value, 1);
	ck_assert_int_eq(d[10].cond.op, LC_NE);
	ck_assert_int_eq(d[11].cond.lhs.sample, 3);
	ck_assert_double_eq(d[11].cond.tol, 0.25);
	ck_assert_int_eq(d[12].n, 0);
	ck_assert_int_eq(d[12].m, 2);
	ck_assert_int_eq(d[13].m, -1);
	ck_assert_int_eq(d[14].what, LH_LAYER);
	ck_assert_str_eq(d[15].key, "gradients");
	ck_assert_double_eq(d[16].x, 10);
	ck_assert_double_eq(d[16].y, 1);
	ck_assert_int_eq(l->nexpects, 6);
	lesson_free(l);
}
END_TEST

START_TEST(test_tolerance_from_digits)
{
	static const struct {
		const char *value;
		double tol;
	} cases[] = {
		{ "0.693", 0.0005 }, { "3", 0.5 }, { "1.2e-5", 0.5e-6 }, { "-0.0119", 0.00005 },
		{ "2.50e2", 0.5 }, { "0.03125", 0.000005 },
	};
	size_t i;
	char buf[128];

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lesson *l;

		snprintf(buf, sizeof buf, "title T\nexpect loss ~= %s\n", cases[i].value);
		l = parse_ok(buf);
		ck_assert_double_eq_tol(l->dir[0].cond.tol, cases[i].tol, cases[i].tol * 1e-9);
		lesson_free(l);
	}
}
END_TEST

START_TEST(test_questions)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "ask Which *one*?\n"
	    "- the first\n"
	    "\n"
	    "# a comment inside the block\n"
	    "- the second\n"
	    "- the third\n"
	    "answer 3\n"
	    "explain Because\n"
	    "explain of this.\n"
	    "pause\n");
	const struct lesson_ask *a = l->dir[0].ask;

	ck_assert_int_eq(l->dir[0].op, LOP_ASK);
	ck_assert_str_eq(a->question, "Which *one*?");
	ck_assert_int_eq(a->nchoices, 3);
	ck_assert_str_eq(a->choice[1], "the second");
	ck_assert_int_eq(a->answer, 3);
	ck_assert_str_eq(a->explain, "Because of this.");
	ck_assert_int_eq(l->dir[1].op, LOP_PAUSE);
	ck_assert_int_eq(l->nstops, 3);
	lesson_free(l);
}
END_TEST

START_TEST(test_shown_value_slots)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "> z = {z 1 2 sample 3}, {loss:5} and {val_accuracy:%1} \\{not\\} *{lr}*\n");
	const struct lesson_directive *d = &l->dir[0];

	ck_assert_int_eq(d->nslot, 4);
	ck_assert_int_eq(d->slot[0].q.metric, LM_Z);
	ck_assert_int_eq(d->slot[0].q.unit, 2);
	ck_assert_int_eq(d->slot[0].q.sample, 3);
	ck_assert_int_eq(d->slot[0].digits, 3);
	ck_assert_int_eq(d->slot[0].percent, -1);
	ck_assert_int_eq(d->slot[1].digits, 5);
	ck_assert_int_eq(d->slot[2].percent, 1);
	ck_assert_int_eq(d->slot[3].q.metric, LM_LR);
	lesson_free(l);
}
END_TEST

/* Every kind of mistake, with its exact message. */
START_TEST(test_errors)
{
	static const struct {
		const char *src, *msg;
	} cases[] = {
		{ "title T\nstpe epoch 1\n",
		  "t.lesson:2:1: unknown directive 'stpe', did you mean 'step'? (expected title, "
		  ">, set, reset, step, run, pause, focus, select, highlight, compare, expect, ask, "
		  "-, answer, explain, save, load, threshold or show)" },
		{ "title T\nstep epoch x\n",
		  "t.lesson:2:12: 'x' is not a whole number (expected a count from 1 to 100000)" },
		{ "title T\nstep epoch 100001\n",
		  "t.lesson:2:12: 100001 is too large (expected a count from 1 to 100000)" },
		{ "title T\nstep epoch 99999999999999999999999\n",
		  "t.lesson:2:12: 99999999999999999999999 is too large (expected a count from 1 to "
		  "100000)" },
		{ "title T\n  step  batch  0\n",
		  "t.lesson:2:16: 0 is too small (expected a count from 1 to 100000)" },
		{ "title T\nstep minutes 3\n",
		  "t.lesson:2:6: unknown step 'minutes' (expected phase, batch or epoch)" },
		{ "title T\nstep\n",
		  "t.lesson:2:5: missing what to step (expected phase, batch or epoch)" },
		{ "title T\nexpect loss < 1e400\n",
		  "t.lesson:2:15: 1e400 is too large (expected a finite number)" },
		{ "title T\nexpect loss < nan\n",
		  "t.lesson:2:15: 'nan' is not a number (expected a value such as 0.1)" },
		{ "title T\nexpect loss < 0x10\n",
		  "t.lesson:2:15: '0x10' is not a number (expected a value such as 0.1)" },
		{ "title T\nexpect los < 1\n",
		  "t.lesson:2:8: unknown quantity 'los', did you mean 'loss'? (expected loss, "
		  "batch_loss, train_loss, val_loss, accuracy, val_accuracy, precision, recall, f1, "
		  "auc, baseline_accuracy, dead_fraction, saturated_fraction, grad_rms, dz_rms, "
		  "update_ratio, grad_ratio, roughness, weight, bias, z, a, grad, numgrad, dz, da, slope, x, y, phase, "
		  "epoch, batch, step, lr, threshold, diverged, stopped_early or best_epoch)" },
		{ "title T\nexpect loss =< 1\n",
		  "t.lesson:2:13: unknown operator '=<' (expected one of < <= > >= == != ~=)" },
		{ "title T\nexpect loss\n",
		  "t.lesson:2:12: missing operator after loss (expected one of < <= > >= == != ~=)" },
		{ "title T\nexpect loss <\n",
		  "t.lesson:2:14: missing value after < (expected a number or a quantity)" },
		{ "title T\nexpect loss < 1 2\n",
		  "t.lesson:2:17: unexpected '2' (expected the end of the comparison)" },
		{ "title T\nexpect loss < 1 within 2\n",
		  "t.lesson:2:17: 'within' goes with ~= (expected loss ~= VALUE within TOLERANCE)" },
		{ "title T\nexpect loss ~= 1 within -2\n",
		  "t.lesson:2:25: a tolerance cannot be negative (expected 0 or more)" },
		{ "title T\nexpect weight 1 < 2\n",
		  "t.lesson:2:17: weight needs 3 numbers (expected weight L J K, counted from 1)" },
		{ "title T\nexpect bias 1 0 < 2\n",
		  "t.lesson:2:15: 0 is too small (expected the neuron of bias from 1 to 4096)" },
		{ "title T\nexpect weight 17 1 1 < 2\n",
		  "t.lesson:2:15: 17 is too large (expected the layer of weight from 1 to 16)" },
		{ "title T\nexpect update_ratio < 1\n",
		  "t.lesson:2:8: update_ratio needs a layer (expected update_ratio layer L)" },
		{ "title T\nexpect loss layer 1 < 1\n",
		  "t.lesson:2:13: unknown operator 'layer' (expected one of < <= > >= == != ~=)" },
		{ "title T\nexpect phase > loss\n",
		  "t.lesson:2:14: phase can only be compared with == or != (expected phase == forward)" },
		{ "title T\nexpect phase == lunch\n",
		  "t.lesson:2:17: unknown phase 'lunch' (expected ready, forward, loss, backward or "
		  "update)" },
		{ "title T\nexpect stopped_early == 1\n",
		  "t.lesson:2:25: '1' is not yes or no (expected yes or no)" },
		{ "title T\nexpect loss < 2 * phase\n",
		  "t.lesson:2:19: loss cannot be compared with phase (expected a numeric quantity)" },
		{ "title T\nset lr\n",
		  "t.lesson:2:7: missing value of lr (expected set lr VALUE)" },
		{ "title T\nset lr 0.1 0.2\n",
		  "t.lesson:2:12: unexpected '0.2' (expected one value)" },
		{ "title T\nset lr fast\n",
		  "t.lesson:2:8: set lr: 'fast' is not allowed (expected a positive number up to 1e6)" },
		{ "title T\nset optimizer adamw\n",
		  "t.lesson:2:15: set optimizer: 'adamw' is not allowed (expected sgd, momentum, "
		  "rmsprop or adam)" },
		{ "title T\nset trace t.jsonl\n",
		  "t.lesson:2:5: set trace: a lesson writes files only with save and load (expected "
		  "a training setting)" },
		{ "title T\nset headless on\n",
		  "t.lesson:2:5: unknown setting 'headless' (expected data, gen, target, task, "
		  "missing, split, scale, class-weight, samples, noise, classes, layers, act, alpha, "
		  "out-act, loss, optimizer, lr, batch, epochs, init, bias-init, seed, l2, dropout, "
		  "shuffle, threshold, early-stop, reduce-lr, history or image)" },
		{ "title T\nset compare lr=1,2\n",
		  "t.lesson:2:5: set compare: comparisons have their own directive (expected compare "
		  "KEY=V1,V2)" },
		{ "title T\nset layers 8,2000\n",
		  "t.lesson:2:12: set layers: 2000 units is too many for a lesson (expected at most "
		  "1024 per layer)" },
		{ "title T\nset samples 200000\n",
		  "t.lesson:2:13: set samples: 200000 is too large for a lesson (expected at most "
		  "100000)" },
		{ "title T\ncompare lr=0.1\n",
		  "t.lesson:2:9: compare: 'lr=0.1' is not allowed (expected two to four values: "
		  "KEY=V1,V2[,V3,V4])" },
		{ "title T\ncompare lr=0.1,-1\n",
		  "t.lesson:2:9: compare lr: '-1' is not allowed (expected a positive number up to "
		  "1e6)" },
		{ "title T\ncompare lr=1,2\nset lr 3\n",
		  "t.lesson:3:5: set lr: lr is being compared (expected compare off first)" },
		{ "title T\nexpect loss run 1 < 1\n",
		  "t.lesson:2:13: 'run 1' but no comparison is running (expected a compare "
		  "directive before)" },
		{ "title T\ncompare act=relu,tanh\nexpect loss run elu < 1\n",
		  "t.lesson:3:17: no run 'elu' (expected 1 to 2, or relu or tanh)" },
		{ "title T\ncompare batch=2,1\nexpect loss run 2 < 1\n",
		  "t.lesson:3:17: 'run 2' is ambiguous: batch=2 is run 1, and run 2 is batch=1 "
		  "(expected run batch=2, or run 1 by number)" },
		{ "title T\ncompare lr=1,2\n> the loss is {loss}\n",
		  "t.lesson:3:16: in a comparison a shown value names its run (expected {loss run R})" },
		{ "title T\nask Q?\n- a\n- b\n",
		  "t.lesson:2:1: ask without an answer (expected 'answer N' after the choices)" },
		{ "title T\nask Q?\n- a\n- b\nanswer 3\n",
		  "t.lesson:5:8: answer 3 is out of range (expected 1 to 2)" },
		{ "title T\nask Q?\n- a\n- b\nanswer x\n",
		  "t.lesson:5:8: 'x' is not a whole number (expected the number of the right choice "
		  "from 1 to 2)" },
		{ "title T\nask Q?\n- a\n- b\nanswer 1\nanswer 2\n",
		  "t.lesson:6:1: second answer (expected one answer per question)" },
		{ "title T\nask Q?\n- a\nanswer 1\n",
		  "t.lesson:4:1: answer after 1 choice (expected 2 to 4 '- CHOICE' lines first)" },
		{ "title T\nask Q?\n- a\npause\n",
		  "t.lesson:2:1: ask needs 2 to 4 choices (expected '- CHOICE' lines after the "
		  "question, or none for a number question)" },
		{ "title T\nask Q?\npause\n",
		  "t.lesson:2:1: ask without an answer (expected '- CHOICE' lines and 'answer N', "
		  "or 'answer QUANTITY' for a number question)" },
		{ "title T\nask Q?\nanswer\n",
		  "t.lesson:3:7: missing answer (expected answer QUANTITY or answer NUMBER for a "
		  "number question)" },
		{ "title T\nask Q?\nanswer zz\n",
		  "t.lesson:3:8: 'zz' is not a number (expected an answer such as 0.1)" },
		{ "title T\nask Q?\nanswer phase\n",
		  "t.lesson:3:8: phase is not a number (expected a numeric quantity such as z 1 1)" },
		{ "title T\nask Q?\nanswer 0.5 within -1\n",
		  "t.lesson:3:19: a tolerance cannot be negative (expected 0 or more)" },
		{ "title T\nask Q?\nanswer loss 3\n",
		  "t.lesson:3:13: unexpected '3' (expected the end of the line, or within TOLERANCE)" },
		{ "title T\nask Q?\nanswer 1\n- a\n",
		  "t.lesson:4:1: choice after the answer (expected the choices before answer)" },
		{ "title T\nask Q?\n-\n",
		  "t.lesson:3:2: empty choice (expected - TEXT)" },
		{ "title T\nexplain Why.\n",
		  "t.lesson:2:1: 'explain' outside a question (expected ask QUESTION before)" },
		{ "title T\nanswer 1\n",
		  "t.lesson:2:1: 'answer' outside a question (expected ask QUESTION before)" },
		{ "title T\nask\n",
		  "t.lesson:2:4: missing text after ask (expected ask TEXT)" },
		{ "title T\n> one *two\n",
		  "t.lesson:2:7: unterminated emphasis (expected a closing * on the same line, or \\* "
		  "for an asterisk)" },
		{ "title T\n> 가나 *다\n",
		  "t.lesson:2:6: unterminated emphasis (expected a closing * on the same line, or \\* "
		  "for an asterisk)" },
		{ "title T\n> 값은 {loss 입니다\n",
		  "t.lesson:2:6: unterminated {value} (expected a closing } on the same line, or \\{ "
		  "for a brace)" },
		{ "title T\n> 값은 {los}\n",
		  "t.lesson:2:7: unknown quantity 'los', did you mean 'loss'? (expected loss, "
		  "batch_loss, train_loss, val_loss, accuracy, val_accuracy, precision, recall, f1, "
		  "auc, baseline_accuracy, dead_fraction, saturated_fraction, grad_rms, dz_rms, "
		  "update_ratio, grad_ratio, roughness, weight, bias, z, a, grad, numgrad, dz, da, slope, x, y, phase, "
		  "epoch, batch, step, lr, threshold, diverged, stopped_early or best_epoch)" },
		{ "title T\n> {}\n",
		  "t.lesson:2:3: empty {} (expected a quantity such as {loss}, or \\{ for a brace)" },
		{ "title T\n> {loss:0}\n",
		  "t.lesson:2:9: 0 is too small (expected a number of significant digits from 1 to "
		  "15)" },
		{ "title T\n> {loss extra}\n",
		  "t.lesson:2:9: unexpected 'extra' (expected the end of the value, })" },
		{ "title T\n> a } b\n",
		  "t.lesson:2:5: unmatched } (expected \\} for a brace)" },
		{ "step epoch 1\n",
		  "t.lesson:1:1: lesson has no title (expected a line title TEXT)" },
		{ "title A\ntitle B\n",
		  "t.lesson:2:1: second title (expected one title; the first is on line 1)" },
		{ "title T\nsave /tmp/x.json\n",
		  "t.lesson:2:6: '/tmp/x.json' is an absolute path (expected a name in the lesson's "
		  "private folder, such as model.json)" },
		{ "title T\nsave a/../../x.json\n",
		  "t.lesson:2:6: 'a/../../x.json' has an empty, '.' or '..' part (expected a name "
		  "in the lesson's private folder, such as model.json)" },
		{ "title T\nsave a//x.json\n",
		  "t.lesson:2:6: 'a//x.json' has an empty, '.' or '..' part (expected a name in "
		  "the lesson's private folder, such as model.json)" },
		{ "title T\nsave $HOME.json\n",
		  "t.lesson:2:6: '$HOME.json' has a character other than letters, digits, '.', '_', "
		  "'-' and '/' (expected a name in the lesson's private folder, such as "
		  "model.json)" },
		{ "title T\nsave\n",
		  "t.lesson:2:5: missing file name after save (expected a name in the lesson's "
		  "private folder, such as model.json)" },
		{ "title T\nload m.json\n",
		  "t.lesson:2:6: load of 'm.json', which the lesson has not saved (expected a save "
		  "m.json before)" },
		{ "title T\nsave m.json run 1\n",
		  "t.lesson:2:13: 'run 1' but no comparison is running (expected a compare "
		  "directive before)" },
		{ "title T\nset data ../secret.csv\n",
		  "t.lesson:2:10: '../secret.csv' has an empty, '.' or '..' part (expected a path "
		  "beside the lesson or under the data folder, such as datasets/iris.csv)" },
		{ "title T\nfocus narration\n",
		  "t.lesson:2:7: unknown panel 'narration' (expected network, inspector, loss, data, "
		  "gradients, activations, code, lr, checks or neurons)" },
		{ "title T\nselect layer 1 unit 2\n",
		  "t.lesson:2:16: missing neuron (expected select layer L neuron J)" },
		{ "title T\nselect everything\n",
		  "t.lesson:2:8: unknown selection 'everything' (expected layer or sample)" },
		{ "title T\nhighlight layer\n",
		  "t.lesson:2:11: missing a layer (0 is the input) (expected a whole number from 0 "
		  "to 16)" },
		{ "title T\nrun until\n",
		  "t.lesson:2:10: missing condition after until (expected epoch N, diverged, or a "
		  "comparison such as loss < 0.1)" },
		{ "title T\nrun until epoch 5 max epochs 0\n",
		  "t.lesson:2:30: 0 is too small (expected a number of epochs from 1 to 100000)" },
		{ "title T\nrun until loss < 1 max time 5\n",
		  "t.lesson:2:24: unexpected 'time' (expected max epochs N)" },
		{ "title T\nthreshold by cost 0 1\n",
		  "t.lesson:2:19: a cost must be positive (expected a number above 0)" },
		{ "title T\nreset now\n",
		  "t.lesson:2:7: unexpected 'now' (expected the end of the line)" },
		{ "title T\n> bad \x01 byte\n",
		  "t.lesson:2:7: control character 0x01 (expected text)" },
		{ "title T\n> caf\xc3\n",
		  "t.lesson:2:6: invalid UTF-8 (expected UTF-8 text)" },
		{ "title T\n> \xed\xa0\x80 surrogate\n",
		  "t.lesson:2:3: invalid UTF-8 (expected UTF-8 text)" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		expect_error(cases[i].src, cases[i].msg);
}
END_TEST

START_TEST(test_limits)
{
	size_t n = (size_t)LESSON_MAX_BYTES + 10, i;
	char *big = malloc(n + 1), *err = NULL;
	struct lesson *l;

	/* Too large as a whole. */
	memset(big, '#', n);
	big[n] = '\0';
	l = lesson_parse("big.lesson", big, n, NULL, &err);
	ck_assert_ptr_null(l);
	ck_assert_str_eq(err, "big.lesson:1:1: lesson is too large (expected at most 1048576 "
	    "bytes)");
	free(err);
	/* A line too long. */
	strcpy(big, "title T\n> ");
	for (i = strlen(big); i < 5000; i++)
		big[i] = 'x';
	big[i] = '\0';
	expect_error(big, "t.lesson:2:1: line too long (expected at most 4096 bytes)");
	/* Too many directives. */
	strcpy(big, "title T\n");
	for (i = 0; i <= LESSON_MAX_DIRECTIVES; i++)
		memcpy(big + 8 + i * 6, "pause\n", 7);
	expect_error(big, "t.lesson:10002:1: too many directives (expected at most 10000)");
	free(big);
}
END_TEST

START_TEST(test_nul_and_bom)
{
	static const char src[] = "\xEF\xBB\xBFtitle T\n> a\0b\n";
	char *err = NULL;
	struct lesson *l;

	l = lesson_parse("t.lesson", src, sizeof src - 1, NULL, &err);
	ck_assert_ptr_null(l);
	ck_assert_str_eq(err, "t.lesson:2:4: control character 0x00 (expected text)");
	free(err);
	l = lesson_parse("t.lesson", src, 12, NULL, &err);
	ck_assert_ptr_nonnull(l);
	ck_assert_str_eq(l->title, "T");
	lesson_free(l);
}
END_TEST

/* ------------------------------------------------------------- wrapping */

/* The lines of s wrapped to width, joined with '|'. */
static char *
wrapped(const char *s, int width, int markup)
{
	struct lesson_line lines[64];
	static char out[1024];
	int n = lesson_wrap(s, width, markup, lines, 64), i;

	out[0] = '\0';
	for (i = 0; i < n && i < 64; i++) {
		if (i)
			strcat(out, "|");
		strncat(out, s + lines[i].off, lines[i].len);
	}
	return out;
}

START_TEST(test_wrap_ascii)
{
	struct lesson_line lines[8];

	ck_assert_str_eq(wrapped("the quick brown fox jumps", 10, 0), "the quick|brown fox|jumps");
	ck_assert_str_eq(wrapped("a\n\nb\n", 10, 0), "a||b");
	ck_assert_str_eq(wrapped("  indented line", 20, 0), "  indented line");
	ck_assert_str_eq(wrapped("abcdefghij", 4, 0), "abcd|efgh|ij");
	ck_assert_str_eq(wrapped("", 4, 0), "");
	ck_assert_int_eq(lesson_wrap("one two three", 5, 0, NULL, 0), 3);
	ck_assert_int_eq(lesson_wrap("one two three", 9, 0, lines, 8), 2);
	ck_assert_int_eq(lines[0].width, 7);
	ck_assert_int_eq(lines[1].width, 5);
}
END_TEST

START_TEST(test_wrap_korean)
{
	struct lesson_line lines[8];
	const char *s = "가나다 라마바 사아";
	int n;

	/* Each syllable takes two columns; words break at spaces. */
	n = lesson_wrap(s, 6, 0, lines, 8);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(lines[0].width, 6);
	ck_assert_str_eq(wrapped(s, 6, 0), "가나다|라마바|사아");
	ck_assert_str_eq(wrapped(s, 13, 0), "가나다 라마바|사아");
	ck_assert_int_eq(lesson_wrap(s, 13, 0, lines, 8), 2);
	ck_assert_int_eq(lines[0].width, 13);
	/* A word wider than the line breaks between syllables, never inside one. */
	ck_assert_str_eq(wrapped("가나다라마바사", 5, 0), "가나|다라|마바|사");
	/* Korean and ASCII mixed, with emphasis that takes no room. */
	ck_assert_str_eq(wrapped("*뉴런*은 가중합을 계산합니다", 10, 1),
	    "*뉴런*은|가중합을|계산합니다");
	ck_assert_int_eq(lesson_wrap("*뉴런*은", 10, 1, lines, 8), 1);
	ck_assert_int_eq(lines[0].width, 6);
	ck_assert_int_eq(lesson_wrap("*뉴런*은", 10, 0, lines, 8), 1);
	ck_assert_int_eq(lines[0].width, 8);
}
END_TEST

START_TEST(test_wrap_other_scripts)
{
	struct lesson_line lines[8];

	/* Ideographs are written without spaces: every one is a break point. */
	ck_assert_str_eq(wrapped("漢字漢字漢", 4, 0), "漢字|漢字|漢");
	/* An escaped asterisk takes one column; a wide character never splits. */
	ck_assert_int_eq(lesson_wrap("a\\*b", 10, 1, lines, 8), 1);
	ck_assert_int_eq(lines[0].width, 3);
	ck_assert_str_eq(wrapped("가", 1, 0), "가");
	ck_assert_int_eq(utf8_width('a'), 1);
	ck_assert_int_eq(utf8_width(0xAC00), 2);	/* 가 */
	ck_assert_int_eq(utf8_width(0x4E00), 2);	/* 一 */
	ck_assert_int_eq(utf8_width(0x0301), 0);	/* combining acute */
	ck_assert_int_eq(utf8_width(0x07), 0);
}
END_TEST

/* ------------------------------------------------------------- finding */

static char tmpdir[256];

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

static void
make_tree(void)
{
	char path[512];

	strcpy(tmpdir, "/tmp/nnstep-test-lessons-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(tmpdir));
	snprintf(path, sizeof path, "%s/en", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/ko", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/en/01-first.lesson", tmpdir);
	write_file(path, "title First\n");
	snprintf(path, sizeof path, "%s/en/02-second.lesson", tmpdir);
	write_file(path, "title Second\n");
	snprintf(path, sizeof path, "%s/ko/01-first.lesson", tmpdir);
	write_file(path, "title 첫째\n");
}

static void
remove_tree(void)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_find)
{
	char *p, *err = NULL, want[512], **names;
	int n;

	make_tree();
	setenv("NNSTEP_LESSONS", tmpdir, 1);
	p = lesson_dir();
	ck_assert_str_eq(p, tmpdir);
	free(p);
	snprintf(want, sizeof want, "%s/ko/01-first.lesson", tmpdir);
	p = lesson_find("01-first", "ko", &err);
	ck_assert_str_eq(p, want);
	free(p);
	p = lesson_find("first", "ko", &err);
	ck_assert_str_eq(p, want);
	free(p);
	p = lesson_find("1", "ko", &err);
	ck_assert_str_eq(p, want);
	free(p);
	/* Not translated: the English lesson. */
	snprintf(want, sizeof want, "%s/en/02-second.lesson", tmpdir);
	p = lesson_find("2", "ko", &err);
	ck_assert_str_eq(p, want);
	free(p);
	p = lesson_find("third", "en", &err);
	ck_assert_ptr_null(p);
	snprintf(want, sizeof want, "no lesson 'third' in %s/en (see nnstep --list-lessons)",
	    tmpdir);
	ck_assert_str_eq(err, want);
	free(err);
	p = lesson_find("./nowhere.lesson", "en", &err);
	ck_assert_ptr_null(p);
	ck_assert_str_eq(err, "./nowhere.lesson: no such lesson file");
	free(err);
	snprintf(want, sizeof want, "%s/en", tmpdir);
	names = lesson_names(want, &n);
	ck_assert_int_eq(n, 2);
	ck_assert_str_eq(names[0], "01-first");
	ck_assert_str_eq(names[1], "02-second");
	ck_assert_ptr_null(names[2]);
	free(names[0]);
	free(names[1]);
	free(names);
	unsetenv("NNSTEP_LESSONS");
	remove_tree();
}
END_TEST

START_TEST(test_default_lang)
{
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	setenv("LANG", "ko_KR.UTF-8", 1);
	ck_assert_str_eq(lesson_default_lang(), "ko");
	setenv("LC_MESSAGES", "en_US.UTF-8", 1);
	ck_assert_str_eq(lesson_default_lang(), "en");
	setenv("LC_ALL", "ko_KR.UTF-8", 1);
	ck_assert_str_eq(lesson_default_lang(), "ko");
	setenv("LC_ALL", "", 1);
	ck_assert_str_eq(lesson_default_lang(), "en");
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	ck_assert_str_eq(lesson_default_lang(), "en");
}
END_TEST

/* ------------------------------------------------------------- the player */

START_TEST(test_player_stops_and_values)
{
	struct lesson *l = parse_ok(
	    "title XOR\n"
	    "set layers 2\n"
	    "set lr 0.5\n"
	    "> Start: {phase}, lr {lr}, \\{braces\\}.\n"
	    "pause\n"
	    "step phase\n"
	    "> x = ({x 1}, {x 2}), {epoch} epochs, *{phase}*.\n"
	    "expect phase == forward\n"
	    "expect z 1 1 ~= z 1 1\n"
	    "pause\n"
	    "step epoch\n"
	    "> {loss:%}\n"
	    "expect epoch == 1\n"
	    "expect step == 1\n"
	    "expect batch == 1\n");
	struct lesson_player *p = player_new(l);

	ck_assert_int_eq(player_stop(p), 0);
	ck_assert_int_eq(player_nstops(p), 3);
	ck_assert_int_eq(player_state(p), PLAYER_START);
	ck_assert_str_eq(player_title(p), "XOR");
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_stop(p), 1);
	ck_assert_str_eq(player_text(p), "Start: ready, lr 0.5, {braces}.");
	ck_assert_int_eq(player_nruns(p), 1);
	ck_assert_ptr_nonnull(player_session(p, 0));
	ck_assert_ptr_null(player_run_label(p, 0));
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_str_eq(player_text(p), "x = (1, 1), 0 epochs, *forward*.");
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_int_eq(player_stop(p), 3);
	ck_assert_ptr_nonnull(strchr(player_text(p), '%'));
	ck_assert_int_eq(player_passed(p), 5);
	ck_assert_int_eq(player_failed(p), 0);
	ck_assert_ptr_null(player_warning(p));
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	player_free(p);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_failed_expect)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "step epoch\n"
	    "expect loss < 0.001\n"
	    "expect loss > 0.001\n"
	    "pause\n");
	struct lesson_player *p = player_new(l);
	const struct player_event *e;
	char want[128];
	double loss;

	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_passed(p), 1);
	ck_assert_int_eq(player_failed(p), 1);
	ck_assert_int_eq(player_nevents(p), 2);
	e = player_event(p, 0);
	ck_assert_int_eq(e->kind, PEV_FAIL);
	ck_assert_int_eq(e->line, 3);
	loss = player_session(p, 0)->epochs[0].loss;
	snprintf(want, sizeof want, "expect FAILED: loss < 0.001 (actual %.6g)", loss);
	ck_assert_str_eq(e->text, want);
	snprintf(want, sizeof want, "line 3: expect FAILED: loss < 0.001 (actual %.6g)", loss);
	ck_assert_str_eq(player_warning(p), want);
	ck_assert_int_eq(player_event(p, 1)->kind, PEV_PASS);
	/* The warning belongs to its stretch. */
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_ptr_null(player_warning(p));
	player_free(p);
	lesson_free(l);
}
END_TEST

/* Going back replays the lesson: the state at a stop is the same, bit for bit. */
START_TEST(test_player_rewind_exact)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set gen moons\n"
	    "set layers 8\n"
	    "set act relu\n"
	    "step batch 3\n"
	    "step phase 2\n"
	    "pause\n"
	    "set lr 0.5\n"
	    "step epoch 4\n"
	    "pause\n"
	    "set layers 4\n"
	    "step epoch\n"
	    "pause\n");
	struct lesson_player *p = player_new(l);
	struct session *s;
	double *w1;
	long n, pc;
	enum phase ph;

	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	s = player_session(p, 0);
	n = s->net->nparams;
	w1 = malloc((size_t)n * sizeof *w1);
	memcpy(w1, s->net->param, (size_t)n * sizeof *w1);
	pc = s->pos.phase_count;
	ph = s->pos.phase;
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_stop(p), 3);
	ck_assert_int_eq(player_session(p, 0)->net->nparams, 2 * 4 + 4 + 4 + 1);
	/* Back two stops. */
	ck_assert_int_eq(player_prev_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_prev_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_stop(p), 1);
	s = player_session(p, 0);
	ck_assert_int_eq(s->net->nparams, n);
	ck_assert_int_eq(s->pos.phase_count, pc);
	ck_assert_int_eq(s->pos.phase, ph);
	ck_assert(memcmp(s->net->param, w1, (size_t)n * sizeof *w1) == 0);
	ck_assert_double_eq(s->pos.cfg.lr, 0.1);
	/* Exploring between stops, then restoring the scripted state. */
	session_step_epoch(s);
	ck_assert_int_eq(player_goto_stop(p, player_stop(p)), PLAYER_PAUSE);
	s = player_session(p, 0);
	ck_assert(memcmp(s->net->param, w1, (size_t)n * sizeof *w1) == 0);
	/* Stop 0 is the start; beyond the end is the end. */
	ck_assert_int_eq(player_goto_stop(p, 0), PLAYER_START);
	ck_assert_int_eq(player_nruns(p), 0);
	ck_assert_int_eq(player_goto_stop(p, 99), PLAYER_END);
	ck_assert_int_eq(player_stop(p), 4);
	free(w1);
	player_free(p);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_compare)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set gen moons\n"
	    "set layers 8\n"
	    "compare lr=0.01,1\n"
	    "step epoch 3\n"
	    "> {loss run lr=0.01:2} {loss run lr=1:2}\n"
	    "expect step run lr=1 == step run 0.01\n"
	    "expect loss run lr=1 < 10 * loss run 0.01\n"
	    "expect loss run 0.01 < loss run lr=1\n"
	    "expect loss < 0.3\n"
	    "pause\n"
	    "compare off\n"
	    "step phase\n"
	    "expect epoch == 0\n");
	struct lesson_player *p = player_new(l);
	const struct player_event *e;

	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_nruns(p), 2);
	ck_assert_str_eq(player_run_label(p, 0), "lr=0.01");
	ck_assert_str_eq(player_run_label(p, 1), "lr=1");
	ck_assert_double_eq(player_session(p, 1)->pos.cfg.lr, 1);
	ck_assert_int_eq(player_session(p, 0)->pos.nepochs, 3);
	ck_assert_int_eq(player_passed(p), 2);
	ck_assert_int_eq(player_failed(p), 2);
	/* Without run, every run must pass, and each is listed. */
	e = player_event(p, 3);
	ck_assert_int_eq(e->kind, PEV_FAIL);
	ck_assert_int_eq(strncmp(e->text, "expect FAILED: loss < 0.3 (lr=0.01: actual ", 43), 0);
	ck_assert_ptr_nonnull(strstr(e->text, "; lr=1: actual "));
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_int_eq(player_nruns(p), 1);
	ck_assert_int_eq(player_failed(p), 2);
	player_free(p);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_run_until)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set layers 4\n"
	    "set lr 0.5\n"
	    "run until loss < 0.3 max epochs 5000\n"
	    "expect loss < 0.3\n"
	    "expect epoch < 5000\n"
	    "run until epoch 3 max epochs 10\n"
	    "run until accuracy > 2 max epochs 7\n"
	    "set epochs 20\n"
	    "reset\n"
	    "run until diverged\n"
	    "expect epoch == 20\n"
	    "expect diverged == no\n");
	struct lesson_player *p = player_new(l);
	int i, notes = 0;

	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_int_eq(player_failed(p), 0);
	ck_assert_int_eq(player_passed(p), 4);
	for (i = 0; i < player_nevents(p); i++)
		if (player_event(p, i)->kind == PEV_NOTE)
			notes++;
	/* The bounded run that could not succeed, and the finished one. */
	ck_assert_int_ge(notes, 2);
	player_free(p);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_ask)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "step phase\n"
	    "ask Is {phase} the first phase?\n"
	    "- no\n"
	    "- yes, {phase}\n"
	    "answer 2\n"
	    "explain It is {phase}.\n"
	    "> after\n");
	struct lesson_player *p = player_new(l);
	const struct lesson_ask *a;

	ck_assert_int_eq(player_next_pause(p), PLAYER_ASK);
	a = player_ask(p);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->question, "Is forward the first phase?");
	ck_assert_str_eq(a->choice[1], "yes, forward");
	ck_assert_str_eq(a->explain, "It is forward.");
	ck_assert_int_eq(player_answered(p), 0);
	ck_assert_int_eq(player_answer(p, 5), -1);
	ck_assert_int_eq(player_answer(p, 1), 0);
	ck_assert_int_eq(player_answer(p, 2), 1);
	ck_assert_int_eq(player_answered(p), 2);
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_ptr_null(player_ask(p));
	ck_assert_int_eq(player_answer(p, 1), -1);
	ck_assert_str_eq(player_text(p), "after");
	player_free(p);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_number_question)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set gen blobs\n"
	    "set classes 2\n"
	    "set layers none\n"
	    "step phase\n"
	    "ask z for sample 1?\n"
	    "answer z 1 1\n"
	    "explain z = {z 1 1}.\n"
	    "ask a, roughly?\n"
	    "answer a 1 1 within 0.01\n"
	    "ask Inputs?\n"
	    "answer 2.0\n");
	struct lesson_player *p = player_new(l);
	const struct lesson_ask *a;

	ck_assert_int_eq(l->dir[4].ask->nchoices, 0);
	ck_assert_int_eq(l->dir[4].ask->has_quantity, 1);
	ck_assert_double_eq(l->dir[4].ask->tol, -1);
	ck_assert_int_eq(player_next_pause(p), PLAYER_ASK);
	a = player_ask(p);
	ck_assert_int_eq(a->nchoices, 0);
	/* The measured z of lesson 01 (-0.69956), shown as -0.700: right within
	 * half a unit of its third digit. */
	ck_assert_double_eq_tol(a->value, -0.69956, 1e-5);
	ck_assert_double_eq_tol(a->tol, 0.0005, 1e-15);
	ck_assert_str_eq(a->explain, "z = -0.700.");
	ck_assert_int_eq(player_answer(p, 1), -1);
	ck_assert_int_eq(player_answer_number(p, -0.700), 1);
	ck_assert_int_eq(player_answer_number(p, -0.6992), 1);
	ck_assert_int_eq(player_answer_number(p, -0.7001), 0);
	ck_assert_int_eq(player_answer_number(p, -0.6990), 0);
	ck_assert_int_eq(player_answer_number(p, 0.6996), 0);
	ck_assert_int_eq(player_answer_number(p, NAN), -1);
	ck_assert_double_eq(player_typed(p), 0.6996);
	ck_assert_int_eq(player_next_pause(p), PLAYER_ASK);
	a = player_ask(p);
	ck_assert_double_eq_tol(a->tol, 0.01, 1e-15);
	ck_assert_int_eq(player_answer_number(p, a->value + 0.009), 1);
	ck_assert_int_eq(player_answer_number(p, a->value - 0.011), 0);
	ck_assert_int_eq(player_next_pause(p), PLAYER_ASK);
	a = player_ask(p);
	/* A written answer: half a unit of its last written digit. */
	ck_assert_double_eq(a->value, 2);
	ck_assert_double_eq_tol(a->tol, 0.05, 1e-15);
	ck_assert_int_eq(player_answer_number(p, 2.04), 1);
	ck_assert_int_eq(player_answer_number(p, 2.06), 0);
	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	player_free(p);
	lesson_free(l);

	/* An answer that cannot be measured there stops the lesson. */
	l = parse_ok("title T\nask dz?\nanswer dz 1 1\n");
	p = player_new(l);
	ck_assert_int_eq(player_next_pause(p), PLAYER_ERROR);
	player_free(p);
	lesson_free(l);
}
END_TEST

/* compare ... from here equals each setting run from a checkpoint saved at
 * that point: the same weights, bit for bit, batches later. */
START_TEST(test_player_compare_from_here)
{
	static const char *const head =
	    "title T\n"
	    "set gen moons\n"
	    "set layers 8,8\n"
	    "set optimizer momentum\n"
	    "step batch 3\n"
	    "step phase 2\n";
	char a[1024], b[1024];
	struct lesson *la, *lb;
	struct lesson_player *pa, *pb;
	const struct session *sa, *sb;
	long k;

	snprintf(a, sizeof a, "%scompare lr=0.1,0.5 from here\nstep batch 5\n"
	    "expect epoch >= 0\n", head);
	snprintf(b, sizeof b, "%ssave here.json\nload here.json\nset lr 0.5\nstep batch 5\n",
	    head);
	la = parse_ok(a);
	lb = parse_ok(b);
	pa = player_new(la);
	pb = player_new(lb);
	ck_assert_int_eq(player_next_pause(pa), PLAYER_END);
	ck_assert_int_eq(player_next_pause(pb), PLAYER_END);
	ck_assert_int_eq(player_nruns(pa), 2);
	ck_assert_str_eq(player_run_label(pa, 1), "lr=0.5");
	sa = player_session(pa, 1);
	sb = player_session(pb, 0);
	ck_assert_double_eq(sa->pos.cfg.lr, 0.5);
	ck_assert_int_eq(sa->pos.step, sb->pos.step);
	ck_assert_int_eq(sa->pos.phase_count > 0, 1);
	ck_assert_int_eq(sa->net->nparams, sb->net->nparams);
	for (k = 0; k < sa->net->nparams; k++)
		ck_assert_msg(sa->net->param[k] == sb->net->param[k], "param %ld: %.17g != %.17g", k,
		    sa->net->param[k], sb->net->param[k]);
	/* The lr=0.1 branch is the run that never branched. */
	player_free(pb);
	lesson_free(lb);
	snprintf(b, sizeof b, "%sstep batch 5\n", head);
	lb = parse_ok(b);
	pb = player_new(lb);
	ck_assert_int_eq(player_next_pause(pb), PLAYER_END);
	sa = player_session(pa, 0);
	sb = player_session(pb, 0);
	/* From here redoes the batch it was in, as a checkpoint of mid-batch does. */
	ck_assert_int_eq(sa->pos.step, sb->pos.step);
	for (k = 0; k < sa->net->nparams; k++)
		ck_assert_double_eq(sa->net->param[k], sb->net->param[k]);
	player_free(pa);
	player_free(pb);
	lesson_free(la);
	lesson_free(lb);
}
END_TEST

START_TEST(test_player_save_load)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set layers 3\n"
	    "step epoch 5\n"
	    "save runs/a.json\n"
	    "pause\n"
	    "step epoch 7\n"
	    "expect epoch == 12\n"
	    "load runs/a.json\n"
	    "expect epoch == 5\n"
	    "pause\n");
	struct lesson_player *p = player_new(l);
	char folder[512], file[600];
	struct stat st;
	double *w;
	long n;

	mkdtemp(strcpy(tmpdir, "/tmp/nnstep-test-tmp-XXXXXX"));
	setenv("TMPDIR", tmpdir, 1);
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_ptr_nonnull(player_folder(p));
	ck_assert_int_eq(strncmp(player_folder(p), tmpdir, strlen(tmpdir)), 0);
	snprintf(folder, sizeof folder, "%s", player_folder(p));
	snprintf(file, sizeof file, "%s/runs/a.json", folder);
	ck_assert_int_eq(stat(file, &st), 0);
	n = player_session(p, 0)->net->nparams;
	w = malloc((size_t)n * sizeof *w);
	memcpy(w, player_session(p, 0)->net->param, (size_t)n * sizeof *w);
	ck_assert_int_eq(player_next_pause(p), PLAYER_PAUSE);
	ck_assert_int_eq(player_failed(p), 0);
	ck_assert(memcmp(player_session(p, 0)->net->param, w, (size_t)n * sizeof *w) == 0);
	/* The lesson's files go with the player. */
	player_free(p);
	ck_assert_int_ne(stat(folder, &st), 0);
	unsetenv("TMPDIR");
	ck_assert_int_eq(rmdir(tmpdir), 0);
	free(w);
	lesson_free(l);
}
END_TEST

START_TEST(test_player_runtime_errors)
{
	static const struct {
		const char *src, *msg;
	} cases[] = {
		{ "title T\nset layers 4\nstep phase\nexpect weight 3 1 1 > 0\n",
		  "t.lesson:4:1: layer 3 does not exist (expected 1 to 2: 1 hidden, 2 the output)" },
		{ "title T\nset layers 4\nstep phase\nexpect bias 1 5 > 0\n",
		  "t.lesson:4:1: layer 1 has 4 neurons (expected a neuron from 1 to 4)" },
		{ "title T\nstep phase\nexpect x 1 sample 9 > 0\n",
		  "t.lesson:3:1: the batch has 4 rows (expected a sample from 1 to 4)" },
		{ "title T\nexpect a 1 1 > 0\n",
		  "t.lesson:2:1: a: no forward pass yet (expected a step before)" },
		{ "title T\nstep phase\nexpect dz 1 1 > 0\n",
		  "t.lesson:3:1: dz: no backward pass in this batch yet (expected step phase until "
		  "backward)" },
		{ "title T\nexpect val_loss > 0\n",
		  "t.lesson:2:1: the data has no validation rows (expected set split with a "
		  "validation fraction)" },
		{ "title T\nselect layer 1 neuron 9\n",
		  "t.lesson:2:1: layer 1 has 4 neurons (expected a neuron from 1 to 4)" },
		{ "title T\nset gen moons\nset target nothing\n> {loss}\n",
		  "t.lesson:4:1: cannot start the session: moons:1:1: no column \"nothing\" "
		  "(expected one of: x1, x2, label)" },
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lesson *l = parse_ok(cases[i].src);
		struct lesson_player *p = player_new(l);

		ck_assert_int_eq(player_next_pause(p), PLAYER_ERROR);
		ck_assert_str_eq(player_error(p), cases[i].msg);
		/* An error is final until the player goes back. */
		ck_assert_int_eq(player_next_pause(p), PLAYER_ERROR);
		ck_assert_int_eq(player_goto_stop(p, 0), PLAYER_START);
		ck_assert_ptr_null(player_error(p));
		player_free(p);
		lesson_free(l);
	}
}
END_TEST

START_TEST(test_player_live_settings)
{
	struct lesson *l = parse_ok(
	    "title T\n"
	    "set layers 4\n"
	    "step epoch 2\n"
	    "set lr 0.3\n"
	    "set act relu\n"
	    "step epoch\n"
	    "expect epoch == 3\n"
	    "expect lr == 0.3\n"
	    "set seed 7\n"
	    "step epoch\n"
	    "expect epoch == 1\n"
	    "threshold by cost 5 1\n"
	    "reset\n"
	    "expect threshold < 0.5\n");
	struct lesson_player *p = player_new(l);

	ck_assert_int_eq(player_next_pause(p), PLAYER_END);
	ck_assert_int_eq(player_failed(p), 0);
	ck_assert_int_eq(player_passed(p), 4);
	ck_assert_int_eq(player_session(p, 0)->pos.cfg.seed, 7);
	player_free(p);
	lesson_free(l);
}
END_TEST

Suite *
lesson_suite(void)
{
	Suite *s = suite_create("lesson");
	TCase *tc = tcase_create("parse");
	TCase *tw = tcase_create("wrap");
	TCase *tp = tcase_create("player");

	tcase_add_test(tc, test_text_blocks);
	tcase_add_test(tc, test_directives);
	tcase_add_test(tc, test_tolerance_from_digits);
	tcase_add_test(tc, test_questions);
	tcase_add_test(tc, test_shown_value_slots);
	tcase_add_test(tc, test_errors);
	tcase_add_test(tc, test_limits);
	tcase_add_test(tc, test_nul_and_bom);
	tcase_add_test(tc, test_find);
	tcase_add_test(tc, test_default_lang);
	tcase_add_test(tw, test_wrap_ascii);
	tcase_add_test(tw, test_wrap_korean);
	tcase_add_test(tw, test_wrap_other_scripts);
	tcase_add_test(tp, test_player_stops_and_values);
	tcase_add_test(tp, test_player_failed_expect);
	tcase_add_test(tp, test_player_rewind_exact);
	tcase_add_test(tp, test_player_compare);
	tcase_add_test(tp, test_player_run_until);
	tcase_add_test(tp, test_player_ask);
	tcase_add_test(tp, test_player_number_question);
	tcase_add_test(tp, test_player_compare_from_here);
	tcase_add_test(tp, test_player_save_load);
	tcase_add_test(tp, test_player_runtime_errors);
	tcase_add_test(tp, test_player_live_settings);
	tcase_set_timeout(tp, 60);
	suite_add_tcase(s, tc);
	suite_add_tcase(s, tw);
	suite_add_tcase(s, tp);
	return s;
}
