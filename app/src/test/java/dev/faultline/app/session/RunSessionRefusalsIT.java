package dev.faultline.app.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faultline.app.Composition;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.spi.run.HaltReason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a session refuses before anything starts, the same for the command line and the app: a
 * GameDay whose experiments run elsewhere (the app used to run it anyway), and a production GameDay
 * nobody confirmed (nothing started, nothing recorded).
 */
class RunSessionRefusalsIT {
    @TempDir
    Path home;

    private Composition composition;
    private final List<String> said = new CopyOnWriteArrayList<>();
    private final List<SessionCallbacks.Subject> asked = new CopyOnWriteArrayList<>();

    private final SessionCallbacks refuseProduction = new SessionCallbacks() {
        @Override
        public boolean confirmProduction(String environment, Subject subject) {
            asked.add(subject);
            return false;
        }

        @Override
        public void say(String line) {
            said.add(line);
        }

        @Override
        public void warn(String line) {
            said.add(line);
        }
    };

    @BeforeEach
    void start() throws Exception {
        Files.writeString(home.resolve("environments.yaml"), """
                environments:
                  prod:
                    production: true
                """, StandardCharsets.UTF_8);
        composition = new Composition(new FaultlineHome(home));
    }

    @AfterEach
    void stop() {
        composition.close();
    }

    private Path experiment(String environment) throws Exception {
        Path f = home.resolve("pause-" + environment + ".yaml");
        Files.writeString(f, """
                apiVersion: faultline.dev/v1
                kind: Experiment
                metadata: {name: pause-%s}
                spec:
                  environment: %s
                  hypothesis:
                    probes:
                      - name: health
                        expect: "< 2000ms"
                        http: {url: "http://127.0.0.1:1/health"}
                  method:
                    - name: pause-it
                      duration: 2s
                      target: {process: {pidFile: "%s"}}
                      fault: {type: process-pause}
                  blastRadius: {maxShare: 100%%, maxDuration: 2m, maxTargets: 1}
                """.formatted(environment, environment, home.resolve("none.pid")), StandardCharsets.UTF_8);
        return f;
    }

    private Path gameDay(String environment, Path... experiments) throws Exception {
        Path f = home.resolve("day.yaml");
        Files.writeString(
                f,
                """
                apiVersion: faultline.dev/v1
                kind: GameDay
                metadata: {name: prod-day, title: Production day}
                spec:
                  environment: %s
                  schedule: {start: "2026-12-03T10:00", zone: UTC}
                  objectives: [Nothing runs unconfirmed]
                  participants:
                    - {name: Ada, role: leader}
                  experiments: [%s]
                """.formatted(
                                environment,
                                String.join(
                                        ", ",
                                        java.util.Arrays.stream(experiments)
                                                .map(p -> p.getFileName().toString())
                                                .toList())),
                StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aGameDayWithAnExperimentOfAnotherEnvironmentIsRefusedWithEveryProblem() throws Exception {
        Path day = gameDay("prod", experiment("local"), home.resolve("missing.yaml"));

        assertThatThrownBy(() -> RunSession.loadGameDay(composition, day, Origin.APP, "", null))
                .isInstanceOfSatisfying(
                        RunbookException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p.message())
                                        .contains("runs in environment 'local', the GameDay in 'prod'"))
                                .anySatisfy(p -> assertThat(p.message()).contains("no runbook at missing.yaml")));
    }

    @Test
    void aProductionGameDayNobodyConfirmedStartsNothing() throws Exception {
        GameDayRequest request =
                RunSession.loadGameDay(composition, gameDay("prod", experiment("prod")), Origin.APP, "", null);

        assertThatThrownBy(() -> RunSession.startGameDay(composition, request, refuseProduction))
                .isInstanceOfSatisfying(RunRefused.class, e -> {
                    assertThat(e.why()).isEqualTo(RunRefused.Why.NOT_CONFIRMED);
                    assertThat(e.getMessage())
                            .isEqualTo("not run: 'prod' is a production environment and the GameDay"
                                    + " was not confirmed");
                });
        assertThat(asked).containsExactly(new SessionCallbacks.Subject(true, "prod-day", "Production day"));
        assertThat(composition.store().gameDays().recent(10)).isEmpty();
        assertThat(composition.journal.openFaults()).isEmpty();
    }

    @Test
    void anUnknownEnvironmentIsInvalidInputNamingTheKnownOnes() throws Exception {
        GameDayRequest request = RunSession.loadGameDay(
                composition, gameDay("staging", experiment("staging")), Origin.COMMAND_LINE, "", null);

        assertThatThrownBy(() -> RunSession.startGameDay(composition, request, refuseProduction))
                .isInstanceOfSatisfying(RunRefused.class, e -> {
                    assertThat(e.why()).isEqualTo(RunRefused.Why.INVALID_INPUT);
                    assertThat(e.lines())
                            .singleElement()
                            .satisfies(l -> assertThat(l)
                                    .contains("spec.environment: unknown environment 'staging' (known: ")
                                    .contains("prod"));
                });
        assertThat(asked).isEmpty();
        assertThat(said).isEmpty();
    }

    @Test
    void nothingStartsWhileTheKillSwitchIsEngagedNotEvenTheProductionQuestion() throws Exception {
        composition
                .killSwitch
                .halt(HaltReason.killSwitch("smoke in the server room"))
                .get(30, TimeUnit.SECONDS);
        GameDayRequest request =
                RunSession.loadGameDay(composition, gameDay("prod", experiment("prod")), Origin.APP, "", null);

        assertThatThrownBy(() -> RunSession.startGameDay(composition, request, refuseProduction))
                .isInstanceOfSatisfying(RunRefused.class, e -> {
                    assertThat(e.why()).isEqualTo(RunRefused.Why.COULD_NOT_RUN);
                    assertThat(e.getMessage())
                            .contains("the kill switch is engaged")
                            .contains("smoke in the server room")
                            .contains("release");
                });
        assertThat(asked).isEmpty();
        assertThat(said).isEmpty();
        assertThat(composition.store().gameDays().recent(10)).isEmpty();
    }
}
