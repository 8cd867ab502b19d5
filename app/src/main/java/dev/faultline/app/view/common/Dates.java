package dev.faultline.app.view.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * Dates as the rest of the app writes them ("Thu 3 Dec 2026"), never the locale's short form, whose
 * 12/3/2026 reads as two different days depending on where one comes from.
 */
public final class Dates {
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final List<DateTimeFormatter> READ =
            List.of(DAY, DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH), DateTimeFormatter.ISO_LOCAL_DATE);

    private Dates() {}

    /** Shows {@code picker}'s date as "Thu 3 Dec 2026"; typed dates may also be "3 Dec 2026" or 2026-12-03. */
    public static DatePicker unambiguous(DatePicker picker) {
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate date) {
                return date == null ? "" : DAY.format(date);
            }

            @Override
            public LocalDate fromString(String text) {
                return parse(text);
            }
        });
        picker.setPromptText("e.g. 3 Dec 2026");
        return picker;
    }

    /** The date in {@code text}, or null when it is blank; a date in none of the forms is an error that says which forms. */
    static LocalDate parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        for (DateTimeFormatter f : READ) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        throw new DateTimeParseException("'" + t + "' is not a date: write it as 3 Dec 2026 or 2026-12-03", t, 0);
    }
}
