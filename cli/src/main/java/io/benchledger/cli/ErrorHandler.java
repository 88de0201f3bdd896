package io.benchledger.cli;

import io.benchledger.archive.BadInputException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an exception into one line on stderr and an exit code: bad input 2, anything else 3.
 * {@code --verbose} adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        boolean bad = ex instanceof BadInputException;
        err.println("benchledger: " + (bad ? "" : "error: ") + oneLine(ex));
        if (GlobalOptions.verbose()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return bad ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE;
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getClass().getSimpleName();
        }
        return m.replaceAll("\\s+", " ").trim();
    }

    /** Unknown options, missing arguments: picocli's message, the usage hint, exit 2. */
    static final class Usage implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            PrintWriter err = cl.getErr();
            err.println("benchledger: " + oneLine(ex));
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
    }
}
