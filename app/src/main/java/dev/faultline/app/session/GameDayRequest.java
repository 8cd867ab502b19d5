package dev.faultline.app.session;

import dev.faultline.engine.runbook.LoadedGameDay;
import dev.faultline.engine.runbook.LoadedRunbook;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A GameDay to run: its runbook and its experiments' runbooks, in order ({@link RunSession#loadGameDay}).
 *
 * @param reportPattern where the PDF report is written at the end ({@code {id}} is the GameDay run's id);
 *                      empty: none
 * @param metricsPort   serve Faultline's metrics on 127.0.0.1 on this port (0: any) while it runs; null: not served
 */
public record GameDayRequest(
        LoadedGameDay day,
        List<LoadedRunbook> runbooks,
        Origin origin,
        String reportPattern,
        @Nullable Integer metricsPort) {
    public GameDayRequest {
        runbooks = List.copyOf(runbooks);
    }
}
