package dev.faultline.agent;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What the inlined advice calls on every instrumented method: {@code apply(new Object[] {origin,
 * declaringClass})} with origin {@code "a.b.C method returnType"}. Returns null to let the method
 * run, {@code Object[] {value}} to return {@code value} instead, or throws the fault's exception.
 * The advice finds it in the system properties under {@link #PROPERTY}, so target classes of any
 * class loader reach it through JDK types alone.
 */
final class Hook implements Function<Object[], @Nullable Object> {
    static final String PROPERTY = "dev.faultline.agent.hook";

    private final Map<String, List<FaultSpec>> byMethod = new ConcurrentHashMap<>();

    void add(FaultSpec f) {
        byMethod.computeIfAbsent(f.key(), k -> new CopyOnWriteArrayList<>()).add(f);
    }

    void remove(FaultSpec f) {
        List<FaultSpec> l = byMethod.get(f.key());
        if (l != null) {
            l.removeIf(x -> x.id.equals(f.id));
        }
    }

    @Override
    public @Nullable Object apply(Object[] call) {
        String origin = (String) call[0];
        int a = origin.indexOf(' ');
        int b = origin.indexOf(' ', a + 1);
        List<FaultSpec> faults = byMethod.get(origin.substring(0, a) + "#" + origin.substring(a + 1, b));
        if (faults == null || faults.isEmpty()) {
            return null;
        }
        long now = System.currentTimeMillis();
        FaultSpec outcome = null;
        for (FaultSpec f : faults) { // every latency first, then the first exception or return value
            if (f.expired(now) || !f.hits()) {
                continue;
            }
            if (f.action == FaultSpec.Action.LATENCY) {
                sleep(f.latencyMillis);
            } else if (outcome == null) {
                outcome = f;
            }
        }
        if (outcome == null) {
            return null;
        }
        if (outcome.action == FaultSpec.Action.EXCEPTION) {
            throw Hook.<RuntimeException>sneaky(Values.exception(outcome, (Class<?>) call[1]));
        }
        return new Object[] {Values.convert(outcome.value, origin.substring(b + 1))};
    }

    private static void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        boolean interrupted = false;
        for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000L) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
