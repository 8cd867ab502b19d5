package dev.faultline.app.cli;

import dev.faultline.engine.model.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** Durations on the command line as in runbooks: 30s, 2m. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value, "duration");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
