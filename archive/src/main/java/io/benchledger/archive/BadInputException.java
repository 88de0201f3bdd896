package io.benchledger.archive;

/**
 * Input that cannot be used as given: a bad file, value or option. The message is one line that
 * names the file or field and what was expected; the command line maps it to exit code 2.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
