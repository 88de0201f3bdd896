package io.benchledger.collector.run;

/** A collection that could not finish (JMH or its JVM failed): exit code 3, nothing committed. */
public class RunFailedException extends RuntimeException {
    public RunFailedException(String message) {
        super(message);
    }
}
