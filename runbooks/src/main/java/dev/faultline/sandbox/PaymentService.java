package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/** sandbox-payment: {@code POST /pay} answers after a realistic 5-15 ms of work. */
public final class PaymentService {
    private PaymentService() {
    }

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 32);
        Counter payments = Counter.builder().name("sandbox_payments").help("payments handled")
                .labelNames("outcome").register(rt.registry);
        Histogram duration = Histogram.builder().name("sandbox_payment_duration_seconds").help("payment time")
                .classicOnly().classicUpperBounds(Buckets.LATENCY).register(rt.registry);
        rt.route("/pay", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            try {
                Thread.sleep(5 + ThreadLocalRandom.current().nextInt(11));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ServiceRuntime.respond(x, 200, "{\"status\":\"paid\"}");
            payments.labelValues("ok").inc();
            duration.observe((System.nanoTime() - start) / 1e9);
        });
        rt.serve();
    }
}
