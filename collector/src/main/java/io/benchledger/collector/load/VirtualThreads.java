package io.benchledger.collector.load;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Virtual threads when the JVM has them (Java 21+), found by reflection since the code is built for Java 17. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    static boolean available() {
        try {
            Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static ExecutorService executor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("threads: virtual needs Java 21 or later (this JVM is "
                    + Runtime.version().feature() + "); use threads: platform", e);
        }
    }
}
