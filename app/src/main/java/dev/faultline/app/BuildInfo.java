package dev.faultline.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this Faultline is: its version and the git commit it was built from, written into {@code
 * build.properties} by the build ({@code -Dfaultline.commit=...}, which {@code ./faultline} and
 * {@code ./installers/build} pass; "unknown" when a build did not say). {@code faultline --version}
 * and the About dialog show {@link #line()}.
 *
 * @param commit the commit's hash (12 hex digits), "-modified" after it when the build had changes
 *     not committed yet, or "unknown"
 */
public record BuildInfo(String version, String commit) {
    private static final String RESOURCE = "build.properties";
    private static final String UNKNOWN = "unknown";

    /** The values as the build wrote them; an unfiltered placeholder or a blank one reads as unknown. */
    public static BuildInfo of(String version, String commit) {
        return new BuildInfo(known(version), known(commit));
    }

    /** This program's, read from the class path. */
    public static BuildInfo current() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // left unknown: a version line must never stop the program
        }
        return of(p.getProperty("version", UNKNOWN), p.getProperty("commit", UNKNOWN));
    }

    /** "Faultline 0.1.0 (commit 1a2b3c4d5e6f)". */
    public String line() {
        return "Faultline " + version + " (commit " + commit + ")";
    }

    private static String known(String value) {
        String v = value.strip();
        return v.isEmpty() || v.contains("${") ? UNKNOWN : v;
    }
}
