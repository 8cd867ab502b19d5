package dev.faultline.engine.runbook;

/** A place in a runbook's text, 1-based. */
record SourceMark(int line, int column) {
    static final SourceMark NONE = new SourceMark(0, 0);
}
