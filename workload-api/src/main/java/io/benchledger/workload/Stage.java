package io.benchledger.workload;

/** One step of a request (verify a signature, parse a document …); its time is measured on its own. */
@FunctionalInterface
public interface Stage {
    /**
     * Runs the stage once for a request. Throwing counts the request as an error (its later stages
     * are not run).
     */
    void run(Request request) throws Exception;
}
