package io.benchledger.workload;

/** One request as it passes through the stages of its operation. */
public interface Request {
    /** 0-based sequence number of the request in its case (warm-up requests included). */
    long sequence();

    /** The operation this request runs. */
    String operation();

    /** A value an earlier stage of this request left (for example the parsed document), or null. */
    Object get(String key);

    /** Leaves a value for the later stages of this request. */
    void put(String key, Object value);
}
