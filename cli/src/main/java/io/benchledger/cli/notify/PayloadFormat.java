package io.benchledger.cli.notify;

/** The JSON a webhook receives: Slack's incoming-webhook message, or benchledger's own alert document. */
public enum PayloadFormat {
    SLACK, JSON
}
