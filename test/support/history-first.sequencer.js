/**
 * Jest's own order (failed first, then slowest, then largest), except that the suites which read the
 * shared topics from their beginning run first: their time grows with every event the suites before
 * them wrote (in CI's fresh stack that is the whole run's history, minutes of it when they ran late).
 */
const Sequencer = require('@jest/test-sequencer').default;

const READS_WHOLE_HISTORY = [/apps\/matching\/test\/reindex\.int-spec\.ts$/, /apps\/matching\/test\/events\.int-spec\.ts$/];
const rank = (test) => (READS_WHOLE_HISTORY.some((pattern) => pattern.test(test.path)) ? 0 : 1);

class HistoryFirstSequencer extends Sequencer {
  sort(tests) {
    return super.sort(tests).sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = HistoryFirstSequencer;
