package dev.faultline.app;

import dev.faultline.engine.spi.Notifier;
import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierProvider;
import dev.faultline.engine.spi.NotifierSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The notifiers (Slack, ...) a GameDay tells, from {@code notifications.yaml} in the data folder,
 * for the command line and the app alike. A notifier that cannot be set up is left out with a
 * message; the day runs without it.
 */
public final class GameDayNotifiers {
    /** The setting that tells a notifier the run is a schedule's, and which ({@code run.schedule}). */
    public static final String SCHEDULE = "run.schedule";

    private GameDayNotifiers() {}

    /**
     * @param reportPattern where the day's report is written ({@code {id}} is the GameDay run), for the
     *                      last message; empty when no report is written
     * @param say           hears which notifiers are on
     * @param warn          hears what could not be set up
     */
    public static List<Notifier> create(
            Composition c, String reportPattern, Consumer<String> say, Consumer<String> warn) {
        return create(c, reportPattern, "", say, warn);
    }

    /**
     * As above, for a run a schedule started: the notifiers get its name as {@value #SCHEDULE} (a
     * message of its own); empty for any other run.
     */
    public static List<Notifier> create(
            Composition c, String reportPattern, String schedule, Consumer<String> say, Consumer<String> warn) {
        List<Notifier> out = new ArrayList<>();
        NotifierSettings settings;
        try {
            NotifierSettings s = NotifierConfig.load(c.home.root(), System.getenv());
            Map<String, String> values = new HashMap<>(s.values());
            values.put("report.file", reportPattern);
            if (!schedule.isEmpty()) {
                values.put(SCHEDULE, schedule);
            }
            settings = new NotifierSettings(values, s.secrets());
        } catch (java.io.IOException e) {
            warn.accept("cannot read " + NotifierConfig.file(c.home.root()) + ": " + e.getMessage()
                    + "; the GameDay runs without notifications");
            return out;
        }
        for (NotifierProvider p : c.notifiers.providers()) {
            try {
                p.create(settings, c.store().undelivered()).ifPresent(n -> {
                    out.add(n);
                    say.accept("notifications: " + p.id());
                });
            } catch (NotifierException | dev.faultline.engine.store.StoreException e) {
                warn.accept(e.getMessage() + "; the GameDay runs without " + p.id() + " messages");
            }
        }
        return out;
    }
}
