package io.benchledger.workload;

import java.util.Map;

/**
 * A service under load, as benchledger's open-loop load harness drives it: named stages that the
 * workload's operations (defined in the suite configuration) run in order.
 *
 * <p>benchledger creates one instance per measured case in a forked JVM, calls {@link #setUp} once,
 * then calls stages from many threads at once (a stage must be thread-safe), and {@link #tearDown}
 * at the end. The class needs a public constructor without arguments. See docs/workloads.md.
 */
public interface Workload {
    /**
     * Called once before the warm-up.
     *
     * @param params the workload's {@code params} from the configuration, as text
     */
    default void setUp(Map<String, String> params) throws Exception {
    }

    /** The stages by name; the configuration's operations refer to them by these names. */
    Map<String, Stage> stages();

    /** Called once after the last request. */
    default void tearDown() throws Exception {
    }
}
