package dev.faultline.engine.report;

/**
 * Renders a {@link Report} in one format. Markdown and JSON are built in; HTML and PDF come from the
 * reports module, found through {@code META-INF/services}.
 */
public interface ReportRenderer {

    /** {@code md}, {@code json}, {@code html}, {@code pdf}. */
    String format();

    byte[] render(Report report) throws ReportException;

    /**
     * Called when a report in this format is about to be made, before the report is read from the
     * database: a renderer may get its engine ready meanwhile, in the background (the PDF's loads its
     * fonts and classes). Never fails, never changes what {@link #render} makes; nothing by default.
     */
    default void prepare() {}

    /** The same format without the engine log (the appendix of every run event); formats without one return themselves. */
    default ReportRenderer withoutEngineLog() {
        return this;
    }
}
