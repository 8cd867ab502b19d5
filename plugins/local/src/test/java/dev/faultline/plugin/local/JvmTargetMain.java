package dev.faultline.plugin.local;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A child JVM for the JVM fault tests: {@code call int|text|void} on stdin calls an overload of
 * {@link Work} and prints {@code ok VALUE MS} or {@code ex CLASS MESSAGE MS} on stdout.
 */
public final class JvmTargetMain {
    private JvmTargetMain() {}

    /** The faulted class: three overloads of {@code compute}, and one method that is left alone. */
    public static final class Work {
        private int touched;

        public int compute(int x) {
            return x * 2;
        }

        public String compute(String s) {
            return s + s;
        }

        public void compute() {
            touched++;
        }

        public int untouched() {
            return 7;
        }

        int touched() {
            return touched;
        }
    }

    public static void main(String[] args) throws Exception {
        Work w = new Work();
        w.compute(1);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        System.out.println("ready " + ProcessHandle.current().pid());
        System.out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            long start = System.nanoTime();
            String out;
            try {
                out = switch (line.trim()) {
                    case "call int" -> "ok " + w.compute(21);
                    case "call text" -> "ok " + w.compute("ab");
                    case "call void" -> {
                        int before = w.touched();
                        w.compute();
                        yield "ok " + (w.touched() - before);
                    }
                    case "call untouched" -> "ok " + w.untouched();
                    default -> "unknown " + line;
                };
            } catch (Throwable t) {
                out = "ex " + t.getClass().getName() + " " + t.getMessage();
            }
            System.out.println(out + " " + (System.nanoTime() - start) / 1_000_000);
            System.out.flush();
        }
    }
}
