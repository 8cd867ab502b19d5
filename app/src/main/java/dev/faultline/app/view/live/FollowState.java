package dev.faultline.app.view.live;

import dev.faultline.engine.store.JournalMirror;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Team mode: what the live view says about a run another desktop runs: whose it is, how far behind
 * its news is, and, when its runner stopped answering (no heartbeat), since when and which faults its
 * journal still holds: those of backends anyone can reach can be reverted from here, local ones only
 * by the runner's machine. No nodes: the view binds to it, {@link FollowFeed} feeds it.
 */
public final class FollowState {
    /**
     * A fault a silent runner's journal still holds.
     *
     * @param what      "latency 300ms on payments (step slow-payments, backend toxiproxy, injected)"
     * @param reachable its backend can be reached from any desktop (Chaos Mesh, Litmus, Toxiproxy)
     * @param todo      what to do about it, in one line
     */
    public record Held(String what, boolean reachable, String todo) {}

    private final DateTimeFormatter time;
    private final ReadOnlyStringWrapper following = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper behind = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper silence = new ReadOnlyStringWrapper("");
    private final ObservableList<Held> held = FXCollections.observableArrayList();
    private final ObservableList<Held> heldView = FXCollections.unmodifiableObservableList(held);
    private final ReadOnlyStringWrapper refusal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper reverting = new ReadOnlyBooleanWrapper(false);
    private final BooleanBinding revertable;
    private boolean active;

    FollowState(DateTimeFormatter time) {
        this.time = time;
        this.revertable = Bindings.createBooleanBinding(
                () -> held.stream().anyMatch(Held::reachable) && refusal.get().isEmpty() && !reverting.get(),
                held,
                refusal,
                reverting);
    }

    /** Following {@code runner}'s run from now on. */
    void start(String runner) {
        clear();
        active = true;
        following.set("Following " + runner + ": read-only here; notes and the kill switch work");
    }

    /** Nothing followed: the run shown is this desktop's (or none). */
    void clear() {
        active = false;
        following.set("");
        behind.set("");
        answering();
    }

    boolean active() {
        return active;
    }

    void behind(String text) {
        behind.set(text);
    }

    /**
     * The runner stopped answering.
     *
     * @param host     its machine
     * @param lastBeat its last heartbeat, by the store's clock
     * @param silent   how long ago that was
     * @param faults   the faults its journal still holds
     * @param refusal  why this desktop may not revert them (its login's role), or empty
     */
    void silent(
            String host,
            long pid,
            Instant lastBeat,
            Duration silent,
            List<JournalMirror.HeldFault> faults,
            String refusal) {
        silence.set("The runner stopped answering: " + host + " (pid " + pid + "), no heartbeat since "
                + time.format(lastBeat) + " (" + silent.toSeconds() + " s)."
                + (faults.isEmpty()
                        ? " Its journal holds no fault."
                        : " Its journal still holds " + faults.size() + (faults.size() == 1 ? " fault:" : " faults:")));
        held.setAll(faults.stream().map(FollowState::held).toList());
        this.refusal.set(refusal);
    }

    private static Held held(JournalMirror.HeldFault f) {
        String what = f.description() + " (step " + f.step() + ", backend " + f.backend() + ", " + f.state() + ")";
        return new Held(
                what,
                f.reachable(),
                f.reachable()
                        ? "reachable from any desktop: Revert reverts it from here"
                        : "local to " + f.host() + ": reverted there when it comes back (or faultline recover on "
                                + f.host() + ")");
    }

    /** The runner answers (again), or none is known: no banner. */
    void answering() {
        silence.set("");
        held.clear();
        refusal.set("");
        outcome.set("");
    }

    void reverting(boolean now) {
        reverting.set(now);
    }

    /** What the last Revert from here did (or why it was refused), in a line or two. */
    void reverted(String text) {
        outcome.set(text);
    }

    /** "Following ops-laptop-3 (pid 4242): read-only here; notes and the kill switch work"; empty for this desktop's runs. */
    public ReadOnlyStringProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    /** "Behind the runner by 4 s: ..." while a followed run's news is late; empty otherwise. */
    public ReadOnlyStringProperty behindProperty() {
        return behind.getReadOnlyProperty();
    }

    /** "The runner stopped answering: laptop-ana (pid 4811), no heartbeat since 04:12:07 (9 s). ..."; empty otherwise. */
    public ReadOnlyStringProperty silenceProperty() {
        return silence.getReadOnlyProperty();
    }

    /** The faults the silent runner's journal still holds. */
    public ObservableList<Held> held() {
        return heldView;
    }

    /** Why this desktop's login may not revert them; empty when it may. */
    public ReadOnlyStringProperty refusalProperty() {
        return refusal.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty revertingProperty() {
        return reverting.getReadOnlyProperty();
    }

    /** True when a held fault can be reverted from here, by this login, and no revert is under way. */
    public BooleanBinding revertable() {
        return revertable;
    }
}
