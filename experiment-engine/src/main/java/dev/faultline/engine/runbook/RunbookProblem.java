package dev.faultline.engine.runbook;

/**
 * One thing wrong with a runbook, where it is and what it is:
 * {@code checkout.yaml:14:7: spec.method[1].duration: '10 sekunds' is not a duration, e.g. 30s or 2m}.
 * Line and column are 1-based; 0 when the problem has no place (an empty file).
 */
public record RunbookProblem(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        return field.isEmpty() ? where + ": " + message : where + ": " + field + ": " + message;
    }
}
