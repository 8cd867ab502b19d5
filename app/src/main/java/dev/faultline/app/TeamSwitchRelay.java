package dev.faultline.app;

import dev.faultline.app.view.shell.KillSwitchButton;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreException;
import dev.faultline.engine.store.StoreSettingsFile;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Team mode: a person's HALT or release on this desktop (the app's button, {@code faultline halt},
 * {@code faultline release}) reaches the team's shared kill switch too, so every runner on the
 * team's store halts (or may start again). It comes after this desktop's own switch and never holds
 * it up: it runs on a thread of its own, and a store that is down or slow only means the other
 * desktops are not told (this desktop's own switch has already worked, as it always did). On a
 * desktop with its own database nothing is sent, and the database is not opened.
 */
public final class TeamSwitchRelay {
    /** How long a press or release may take before it is said to have failed (the store's login alone can take 10 s). */
    public static final Duration WITHIN = Duration.ofSeconds(8);

    private final Composition composition;

    public TeamSwitchRelay(Composition composition) {
        this.composition = composition;
    }

    /** This relay as the kill switch button's team switch: each press and release signed by {@code author}. */
    public KillSwitchButton.TeamSwitch signedBy(Supplier<String> author) {
        return new KillSwitchButton.TeamSwitch() {
            @Override
            public CompletableFuture<String> press(String reason) {
                return TeamSwitchRelay.this.press(author.get(), reason);
            }

            @Override
            public CompletableFuture<String> release(String reason) {
                return TeamSwitchRelay.this.release(author.get(), reason);
            }
        };
    }

    /**
     * Presses the team's switch; completes (within {@link #WITHIN}) with a line for the person: what
     * was done, or why the team was not told; empty on a desktop's own database.
     */
    public CompletableFuture<String> press(String by, String reason) {
        return relay(PRESS_FAILED, store -> {
            SharedKillSwitch.Press p = new SharedKillSwitch(store).press(by, reason, Instant.now());
            return "TEAM KILL SWITCH ENGAGED too (#" + p.id() + " by " + p.by() + "): every runner on "
                    + store.describe() + " halts and reverts its faults, until it is released with a reason";
        });
    }

    /**
     * Releases the team's switch; completes with a line as {@link #press} does. When the store cannot
     * be told, the release is kept in the home and made when the store is back ({@link PendingTeamRelease}):
     * by this process, which tries again every {@link #RETRY} while it lives, or by the next Faultline of
     * this home that opens the store.
     */
    public CompletableFuture<String> release(String by, String reason) {
        Instant at = Instant.now();
        return relay(
                RELEASE_FAILED,
                store -> new SharedKillSwitch(store).release(by, reason, at)
                        ? "team kill switch released too, on " + store.describe()
                        : "",
                () -> {
                    PendingTeamRelease.keep(composition.home, by, reason, at);
                    Thread.ofVirtual().name("faultline-team-release").start(this::releaseWhenBack);
                });
    }

    /** How often a release kept while the store was away is tried again. */
    static final Duration RETRY = Duration.ofSeconds(2);

    /** How long a process tries: a GameDay's length; after that the next start of Faultline does it. */
    static final Duration TRY_FOR = Duration.ofHours(12);

    private void releaseWhenBack() {
        long tries = TRY_FOR.toMillis() / RETRY.toMillis();
        for (long i = 0; i < tries && java.nio.file.Files.exists(PendingTeamRelease.file(composition.home)); i++) {
            try {
                Thread.sleep(RETRY.toMillis());
                PendingTeamRelease.apply(composition.home, composition.store());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (StoreException | RuntimeException e) {
                // still away (or refused: the next start of Faultline says so): the next try
            }
        }
    }

    private interface Act {
        String on(FaultlineStore store) throws StoreException;
    }

    private static final String PRESS_FAILED = "this desktop's kill switch worked, the other desktops did not hear it;"
            + " press it again once the store is back (faultline team halt)";
    private static final String RELEASE_FAILED = "this desktop's kill switch is released; the team's stays engaged"
            + " until the store is back, then it is released with your name and reason (kept in the home meanwhile)";

    private CompletableFuture<String> relay(String failed, Act act) {
        return relay(failed, act, () -> {});
    }

    /** @param unheard what to do when the store could not be told */
    private CompletableFuture<String> relay(String failed, Act act, Runnable unheard) {
        CompletableFuture<String> done = new CompletableFuture<>();
        Thread.ofVirtual().name("faultline-team-switch").start(() -> {
            try {
                if (StoreSettingsFile.of(composition.home).read().isEmpty()) {
                    done.complete("");
                    return;
                }
                FaultlineStore store = composition.store();
                done.complete(store.shared() ? act.on(store) : "");
            } catch (StoreException | RuntimeException e) {
                done.complete(unreachable(e.getMessage(), failed));
            }
        });
        String late = unreachable("no answer within " + WITHIN.toSeconds() + " s", failed);
        return done.completeOnTimeout(late, WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(line -> {
                    if (line.startsWith(UNREACHABLE)) {
                        unheard.run();
                    }
                    return line;
                });
    }

    private static final String UNREACHABLE = "the team's shared store could not be told (";

    private static String unreachable(String why, String failed) {
        return UNREACHABLE + why + "): " + failed;
    }
}
