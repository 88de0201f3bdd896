package io.benchledger.collector.experiment;

import java.io.IOException;

/** Runs one turn of an experiment: one fork of one variant, every selected benchmark. */
public interface TurnRunner {
    /**
     * @param turn 0-based index of this variant's turn (which fork of the variant this is)
     * @throws IOException when the benchmark process cannot be started or its output read
     * @throws TurnFailedException when the benchmark process fails
     */
    ForkResult run(Variant variant, int turn) throws IOException, InterruptedException;
}
