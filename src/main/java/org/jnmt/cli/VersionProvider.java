package org.jnmt.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (set by Maven), or "dev" when run from classes. */
public class VersionProvider implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = NmtCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "jnmt " + (version == null ? "dev" : version) + " (Java " + System.getProperty("java.version") + ")"
        };
    }
}
