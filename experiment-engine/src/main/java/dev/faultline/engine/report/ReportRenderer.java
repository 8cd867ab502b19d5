package dev.faultline.engine.report;

/**
 * Renders a {@link Report} in one format. Markdown and JSON are built in; HTML and PDF come from the
 * reports module, found through {@code META-INF/services}.
 */
public interface ReportRenderer {

    /** {@code md}, {@code json}, {@code html}, {@code pdf}. */
    String format();

    byte[] render(Report report) throws ReportException;

    /** The same format without the engine log (the appendix of every run event); formats without one return themselves. */
    default ReportRenderer withoutEngineLog() {
        return this;
    }
}
