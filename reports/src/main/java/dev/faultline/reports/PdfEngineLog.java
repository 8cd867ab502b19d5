package dev.faultline.reports;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages go to Faultline's log (the file), not to the console through
 * java.util.logging: its per-render notes (stylesheets parsed, fonts loaded) are debug detail, and
 * its warnings belong with the others. Nothing it says is an error of the command.
 */
final class PdfEngineLog implements XRLogger {
    private static final Logger log = LoggerFactory.getLogger("dev.faultline.reports.openhtmltopdf");

    private PdfEngineLog() {}

    /** Puts it in place for the whole process (openhtmltopdf has one logger). */
    static void install() {
        XRLog.setLoggerImpl(new PdfEngineLog());
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, @Nullable Throwable th) {
        if (level.intValue() >= Level.WARNING.intValue()) {
            log.warn("{}: {}", where, msg, th);
        } else if (level.intValue() >= Level.INFO.intValue()) {
            log.debug("{}: {}", where, msg, th);
        } else {
            log.trace("{}: {}", where, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the levels are Faultline's log configuration's
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        int level = diagnostic.getLevel().intValue();
        return level >= Level.WARNING.intValue()
                ? log.isWarnEnabled()
                : level >= Level.INFO.intValue() ? log.isDebugEnabled() : log.isTraceEnabled();
    }
}
