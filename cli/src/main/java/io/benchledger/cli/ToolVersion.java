package io.benchledger.cli;

import picocli.CommandLine;

/** {@code --version}: the jar's implementation version, recorded in every run as {@code tool_version}. */
public final class ToolVersion implements CommandLine.IVersionProvider {
    public static String version() {
        String v = ToolVersion.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"benchledger " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
}
