package dev.faultline.engine.spi.interop;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * A file that looked like a format but cannot be read as it: says which format, where (file, and
 * line and field where the source has lines) and what is wrong.
 */
public final class ImportException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String format;
    private final Path file;
    private final int line;
    private final @Nullable String field;

    /**
     * @param line 1-based, or 0 when the source has no lines to point at
     * @param field the field's path in the source ("method[2].provider.url"), or null
     */
    public ImportException(String format, Path file, int line, @Nullable String field, String problem) {
        super(describe(format, file, line, field, problem));
        this.format = format;
        this.file = file;
        this.line = line;
        this.field = field;
    }

    private static String describe(String format, Path file, int line, @Nullable String field, String problem) {
        StringBuilder s = new StringBuilder().append(file);
        if (line > 0) {
            s.append(':').append(line);
        }
        if (field != null) {
            s.append(": ").append(field);
        }
        return s.append(": looks like ")
                .append(format)
                .append(" but ")
                .append(problem)
                .toString();
    }

    public String format() {
        return format;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public @Nullable String field() {
        return field;
    }
}
