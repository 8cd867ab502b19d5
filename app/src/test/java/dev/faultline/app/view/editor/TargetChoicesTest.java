package dev.faultline.app.view.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.spi.DiscoveredTarget;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The target picker's model, without a window: listed off the UI thread, picked through the edit path. */
class TargetChoicesTest {
    private static final DiscoveredTarget PAYMENTS = DiscoveredTarget.single(
            new Target("proxy", Params.of("name", "payments")), "127.0.0.1:19090 -> 127.0.0.1:8082");
    private static final DiscoveredTarget ORDERS = DiscoveredTarget.single(
            new Target("proxy", Params.of("name", "orders")), "127.0.0.1:19091 -> 127.0.0.1:8080");
    private final RunbookLoader loader = new RunbookLoader();
    private final ArrayDeque<Runnable> background = new ArrayDeque<>();
    private final ArrayDeque<Runnable> ui = new ArrayDeque<>();
    private final List<String> asked = new ArrayList<>();
    private EditorViewModel model;

    /** The environment's answer, as the app's Composition would give it; each call answers the next list. */
    private final ArrayDeque<Object> answers = new ArrayDeque<>();

    private final AuthoringActions environment = new AuthoringActions() {
        @Override
        public ProbeVerdict testProbe(Probe probe, String env) {
            throw new UnsupportedOperationException("not asked of the target picker");
        }

        @Override
        public boolean sandboxDown(String env) {
            return false;
        }

        @Override
        public String startSandbox() {
            throw new UnsupportedOperationException("not asked of the target picker");
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<DiscoveredTarget> listTargets(String env, String backend, String kind) throws Exception {
            asked.add(env + " " + backend + " " + kind);
            Object next = answers.remove();
            if (next instanceof Exception e) {
                throw e;
            }
            return (List<DiscoveredTarget>) next;
        }
    };

    private TargetChoices choices;

    @BeforeEach
    void open() throws Exception {
        model = new EditorViewModel(loader);
        model.open(loader.load(EditorViewModelTest.RUNBOOK));
        choices = new TargetChoices(model, environment, background::add, ui::add);
    }

    private static void drain(ArrayDeque<Runnable> queue) {
        for (int i = 0; i < 10 && !queue.isEmpty(); i++) {
            queue.remove().run();
        }
    }

    @Test
    void theStepsBackendListsItsKindInTheRunbooksEnvironmentOffTheUiThread() {
        answers.add(List.of(PAYMENTS, ORDERS));

        choices.refresh(0);

        assertThat(choices.candidates())
                .as("nothing is listed on the calling thread")
                .isEmpty();
        assertThat(choices.statusProperty().get()).startsWith("looking for proxy targets with local in sandbox");
        drain(background);
        assertThat(choices.candidates())
                .as("the answer waits for the UI thread")
                .isEmpty();
        drain(ui);
        assertThat(asked).containsExactly("sandbox local proxy");
        assertThat(choices.candidates()).containsExactly(PAYMENTS, ORDERS);
        assertThat(choices.statusProperty().get()).isEqualTo("2 proxy targets found by local in sandbox");
    }

    @Test
    void anOlderAnswerArrivingLastIsDropped() {
        answers.add(List.of(PAYMENTS));
        answers.add(List.of(PAYMENTS, ORDERS));
        choices.refresh(0);
        choices.refresh(0);

        drain(background);
        Runnable first = ui.remove();
        drain(ui);
        first.run();

        assertThat(choices.candidates()).containsExactly(PAYMENTS, ORDERS);
    }

    @Test
    void aBackendThatCannotListIsSaidInOneLineAndTypingStaysOpen() {
        answers.add(new IllegalStateException("cannot reach the chaos proxy at http://127.0.0.1:8474"));

        choices.refresh(0);
        drain(background);
        drain(ui);

        assertThat(choices.candidates()).isEmpty();
        assertThat(choices.statusProperty().get())
                .isEqualTo("listing proxy targets with local: cannot reach the chaos proxy at http://127.0.0.1:8474;"
                        + " type the target");
    }

    @Test
    void choosingATargetOutsideTheBlastRadiusWidensItInTheSameEdit() {
        assertThat(model.experiment().blastRadius().targets()).doesNotContain("proxy/orders");

        assertThat(choices.choose(0, ORDERS)).isEmpty();

        MethodStep.FaultStep step =
                (MethodStep.FaultStep) model.experiment().method().get(0);
        assertThat(step.target()).isEqualTo(ORDERS.target());
        assertThat(model.experiment().blastRadius().targets()).contains("proxy/orders");
        assertThat(model.undo()).hasValueSatisfying(d -> assertThat(d).contains("widening the blast radius"));
        assertThat(((MethodStep.FaultStep) model.experiment().method().get(0)).target())
                .isEqualTo(PAYMENTS.target());
        assertThat(model.experiment().blastRadius().targets()).doesNotContain("proxy/orders");
    }

    @Test
    void aTargetIsWrittenAsTheRunbookWritesIt() {
        assertThat(TargetChoices.text(PAYMENTS.target())).isEqualTo("{proxy: payments}");
        assertThat(TargetChoices.text(new Target("process", Params.of("pid", "4242", "user", "shop"))))
                .isEqualTo("{process: {pid: 4242, user: shop}}");
        assertThat(TargetChoices.text(
                        new Target("pods", Params.of("namespace", "shop", "labels", "app=payment,tier=web"))))
                .isEqualTo("{pods: {labels: {app: payment, tier: web}, namespace: shop}}");
        assertThat(TargetChoices.text(new Target("nodes", Params.of("name", "worker-1"))))
                .as("a Litmus node, as the loader reads it")
                .isEqualTo("{nodes: {name: worker-1}}");
        assertThat(TargetChoices.text(new Target("jvm", Params.of("name", "JvmTargetMain"))))
                .isEqualTo("{jvm: JvmTargetMain}");
        assertThat(new DiscoveredTarget(
                                new Target("pod", Params.of("app", "payment")), "pods app=payment", OptionalInt.of(3))
                        .summary())
                .isEqualTo("pod/{app=payment} - pods app=payment (3 now)");
    }
}
