package io.benchledger.cli.github;

/**
 * The GitHub API said no or could not be understood. {@code badInput}: the request's inputs are wrong
 * (token rejected, no such pull request, no permission), exit 2; otherwise the service failed
 * (unreachable, 5xx, a malformed answer), exit 3.
 */
public final class GithubApiException extends Exception {
    private final boolean badInput;

    public GithubApiException(String message, boolean badInput) {
        super(message);
        this.badInput = badInput;
    }

    public boolean badInput() {
        return badInput;
    }
}
