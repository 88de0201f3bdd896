package io.benchledger.collector.experiment;

/** A benchmark process ended with an error: the message names the variant, the exit code and the last lines. */
public final class TurnFailedException extends RuntimeException {
    public TurnFailedException(String message) {
        super(message);
    }
}
