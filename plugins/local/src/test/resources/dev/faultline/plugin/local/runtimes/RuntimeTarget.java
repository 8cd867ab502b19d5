package faultline.runtimes;

import java.io.BufferedReader;
import java.io.InputStreamReader;

/**
 * The JVM that JvmAgentRuntimesIT attaches the fault agent to, compiled by the test for an old
 * release so that any runtime from 11 on runs it. Prints "ready SPEC-VERSION", then answers each
 * "call" line with "ok VALUE" or "ex CLASS MESSAGE".
 */
public final class RuntimeTarget {
    private RuntimeTarget() {
    }

    /** The faulted class. */
    public static final class Work {
        public int compute(int x) {
            return x * 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Work w = new Work();
        w.compute(1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, "UTF-8"));
        System.out.println("ready " + System.getProperty("java.specification.version"));
        System.out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String out;
            try {
                out = "ok " + w.compute(21);
            } catch (Throwable t) {
                out = "ex " + t.getClass().getName() + " " + t.getMessage();
            }
            System.out.println(out);
            System.out.flush();
        }
    }
}
