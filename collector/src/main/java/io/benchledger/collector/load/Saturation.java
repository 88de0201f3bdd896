package io.benchledger.collector.load;

/** Whether a rate held in a sweep, as a small pure function. */
final class Saturation {
    private Saturation() {
    }

    /**
     * A rate holds when the request p99 is at or under the limit and nothing timed out: a queue that
     * grows without bound shows in both, and dropped requests would otherwise flatter the p99.
     */
    static boolean holds(LoadOutcome o, double maxP99Millis) {
        return o.request().count() > 0 && o.request().p99() <= maxP99Millis && o.timeouts() == 0;
    }
}
