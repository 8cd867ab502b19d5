package dev.faultline.engine.safety;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs backend calls with a time limit, on threads of their own so that a backend that hangs
 * holds up nobody. A call that times out is interrupted and left to die on its thread.
 */
public final class BackendCalls {
    private final ExecutorService calls;

    public BackendCalls(ExecutorService calls) {
        this.calls = calls;
    }

    public <T> T call(Callable<T> call, Duration timeout) throws Exception {
        Future<T> f = calls.submit(call);
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new TimeoutException("no answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
