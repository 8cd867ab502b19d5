package dev.faultline.sandbox;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import java.io.IOException;

/** sandbox-payment: {@code POST /pay} charges through its {@link PaymentProcessor} (5-15 ms); 500 when that throws. */
public final class PaymentService {
    private PaymentService() {}

    public static void main(String[] argv) throws IOException {
        ServiceRuntime rt = ServiceRuntime.fromArgs(argv, 32);
        Counter payments = Counter.builder()
                .name("sandbox_payments")
                .help("payments handled")
                .labelNames("outcome")
                .register(rt.registry);
        Histogram duration = Histogram.builder()
                .name("sandbox_payment_duration_seconds")
                .help("payment time")
                .classicOnly()
                .classicUpperBounds(Buckets.LATENCY)
                .register(rt.registry);
        PaymentProcessor processor = new PaymentProcessor();
        processor.charge(1); // loaded and warm before the first order
        rt.route("/pay", x -> {
            long start = System.nanoTime();
            x.getRequestBody().readAllBytes();
            try {
                String auth = processor.charge(4200);
                ServiceRuntime.respond(x, 200, "{\"status\":\"paid\",\"auth\":\"" + auth + "\"}");
                payments.labelValues("ok").inc();
            } catch (RuntimeException e) {
                ServiceRuntime.respond(x, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                payments.labelValues("failed").inc();
            }
            duration.observe((System.nanoTime() - start) / 1e9);
        });
        rt.serve();
    }
}
