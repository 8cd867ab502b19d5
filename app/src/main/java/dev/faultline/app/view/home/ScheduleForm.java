package dev.faultline.app.view.home;

import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.runbook.LoadedRunbook;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.schedule.CronTimes;
import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.MissedRun;
import dev.faultline.engine.schedule.Schedule;
import dev.faultline.engine.schedule.ScheduleEntry;
import dev.faultline.engine.schedule.TimeWindow;
import dev.faultline.engine.store.ScheduleStore;
import dev.faultline.engine.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The schedule dialog of the home screen without its nodes: the fields as typed (runbook, cron and
 * time zone, environment, guards), the next three times it would run (in the user's zone) as the
 * fields change, and saving it to the store as a new schedule or in place of the one edited. Every
 * refusal is one line that starts with the field it is about.
 */
public final class ScheduleForm {
    /** How many next runs the dialog previews. */
    static final int PREVIEWED = 3;

    /**
     * The dialog's fields as text, as the CLI's options take them ({@code faultline schedule add}).
     *
     * @param window   {@code 09:00-17:00}, or blank for any time
     * @param skipDays {@code sat,sun}, or blank
     * @param missed   {@code skip} or {@code run-once}
     */
    public record Fields(
            String name,
            String runbook,
            String cron,
            String zone,
            String environment,
            String window,
            String skipDays,
            String missed) {}

    /** The next runs in the user's zone, or why there are none (one line). */
    public record Preview(List<String> nextRuns, String problem) {
        public Preview {
            nextRuns = List.copyOf(nextRuns);
        }
    }

    private ScheduleForm() {}

    /** A new schedule's fields: every Monday at 09:00 in the user's zone, a missed time skipped. */
    public static Fields blank(ZoneId zone) {
        return new Fields("", "", "0 9 * * MON", zone.getId(), "", "", "", MissedRun.SKIP.label());
    }

    /** The fields of a schedule being edited. */
    public static Fields of(Schedule s) {
        return new Fields(
                s.name(),
                s.runbook(),
                s.cron().expression(),
                s.zone().getId(),
                s.environment(),
                s.window() == null ? "" : String.valueOf(s.window()),
                Days.format(s.skipDays()),
                s.missed().label());
    }

    /** The next {@value #PREVIEWED} times the fields would start a run after {@code now}, shown in {@code viewer}. */
    public static Preview preview(Fields f, Instant now, ZoneId viewer) {
        Schedule s;
        try {
            s = toSchedule(f, now, false);
        } catch (IllegalArgumentException e) {
            return new Preview(List.of(), String.valueOf(e.getMessage()));
        }
        List<String> out = new ArrayList<>();
        Instant after = now;
        for (int i = 0; i < PREVIEWED; i++) {
            Optional<Instant> next = s.nextRun(after);
            if (next.isEmpty()) {
                break;
            }
            out.add(Days.when(next.get().atZone(viewer)));
            after = next.get();
        }
        return new Preview(out, out.isEmpty() ? "cron: it never runs with these guards" : "");
    }

    /**
     * The schedule the fields describe.
     *
     * @throws IllegalArgumentException naming the field and what is wrong, in one line
     */
    public static Schedule toSchedule(Fields f, Instant now) {
        return toSchedule(f, now, true);
    }

    private static Schedule toSchedule(Fields f, Instant now, boolean whole) {
        String runbook = f.runbook().strip();
        if (whole && runbook.isEmpty()) {
            throw new IllegalArgumentException("runbook: choose the runbook the schedule runs");
        }
        if (whole && !Files.isRegularFile(Path.of(runbook))) {
            throw new IllegalArgumentException("runbook: no file at " + runbook + "; choose an existing runbook");
        }
        CronTimes cron = field("cron", () -> CronTimes.parse(f.cron()));
        ZoneId zone = field("time zone", () -> {
            try {
                return ZoneId.of(f.zone().strip());
            } catch (DateTimeException e) {
                throw new IllegalArgumentException(
                        "'" + f.zone().strip() + "' is not a time zone; write one such as Europe/Berlin or UTC");
            }
        });
        @Nullable
        TimeWindow window = f.window().isBlank()
                ? null
                : field("window", () -> TimeWindow.parse(f.window().strip()));
        Set<DayOfWeek> skip = f.skipDays().isBlank() ? Set.of() : field("skip days", () -> Days.parse(f.skipDays()));
        MissedRun missed = field("missed", () -> MissedRun.parse(f.missed().strip()));
        String name = whole
                ? f.name().strip()
                : (f.name().isBlank() ? "preview" : f.name().strip());
        return field(
                "name",
                () -> new Schedule(
                        name,
                        whole ? Path.of(runbook).toAbsolutePath().toString() : runbook,
                        cron,
                        zone,
                        f.environment().strip(),
                        window,
                        skip,
                        missed,
                        now));
    }

    /**
     * Refuses a schedule the scheduler could never run, as {@code faultline schedule add} does: a
     * runbook the loader refuses, an environment nobody defined, a production one (a scheduled run has
     * nobody to confirm it).
     *
     * @throws IllegalArgumentException naming the field, in one line
     */
    public static void checkRunnable(Schedule s, RunbookLoader loader, Environments environments) {
        LoadedRunbook loaded;
        try {
            loaded = loader.load(Path.of(s.runbook()));
        } catch (RunbookException e) {
            throw new IllegalArgumentException(
                    "runbook: "
                            + e.problems().stream()
                                    .findFirst()
                                    .map(String::valueOf)
                                    .orElse(String.valueOf(e.getMessage()))
                            + "; fix it in the editor first",
                    e);
        }
        String env = s.environment().isEmpty() ? loaded.experiment().environment() : s.environment();
        Environment known = environments
                .find(env)
                .orElseThrow(() -> new IllegalArgumentException("environment: '" + env + "' is unknown (known: "
                        + environments.names() + "); define it in Settings"));
        if (known.production()) {
            throw new IllegalArgumentException("environment: '" + env + "' is a production environment: a scheduled"
                    + " run has nobody to confirm it, so schedules never run there");
        }
    }

    private interface Part<T> {
        T get();
    }

    private static <T> T field(String name, Part<T> part) {
        try {
            return part.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves the fields: a new schedule when {@code editing} is null, else in place of that one (its
     * paused state kept; its decisions start again, as for a schedule removed and added by the CLI).
     *
     * @throws IllegalArgumentException a field is wrong, or the name is taken, in one line
     */
    public static Schedule save(ScheduleStore store, Fields f, @Nullable String editing, Instant now)
            throws StoreException {
        Schedule s = toSchedule(f, now);
        boolean paused = false;
        if (editing != null) {
            Optional<ScheduleEntry> old = store.find(editing);
            if (old.isEmpty()) {
                throw new IllegalArgumentException("name: schedule " + editing + " is gone; add it again");
            }
            if (!editing.equals(s.name()) && store.find(s.name()).isPresent()) {
                throw new IllegalArgumentException("name: a schedule named " + s.name() + " exists; choose another");
            }
            paused = old.get().state().paused();
            store.remove(editing);
        }
        if (!store.add(s)) {
            throw new IllegalArgumentException("name: a schedule named " + s.name() + " exists; choose another");
        }
        if (paused) {
            store.setPaused(s.name(), true, now);
        }
        return s;
    }
}
