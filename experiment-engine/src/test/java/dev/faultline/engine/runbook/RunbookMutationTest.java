package dev.faultline.engine.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A bounded mutation test of the loader: thousands of damaged runbooks (bytes flipped, cut short,
 * lines swapped or repeated, odd unicode and YAML syntax spliced in), each of which must either
 * load or be refused with a RunbookException whose problems name a place, never anything else.
 * The seed is fixed so a failure repeats.
 */
class RunbookMutationTest {
    private static final int MUTATIONS = 3_000;
    private static final String[] SPLICES = {
        "\t",
        ": ",
        "- ",
        "{",
        "}",
        "[",
        "]",
        "&a",
        "*a",
        "!!binary",
        "---",
        "...",
        "'",
        "\"",
        "\\u0000",
        "é",
        "日本語",
        "🙂",
        "\u202e",
        "%",
        "±",
        "..",
        "<",
        ">=",
        "-1",
        "1e309",
        "NaN",
        "null",
        "~",
        "? ",
        "|",
        ">",
        "#",
        "\r\n",
        "0x1F",
        "9999999999999999999999"
    };

    private final RunbookLoader loader = new RunbookLoader();

    @Test
    void noDamagedRunbookProducesAnythingButLocatedProblems() {
        Random random = new Random(20261125L);
        int loaded = 0;
        int refused = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String text = mutate(RunbookLoaderTest.GOOD, random);
            try {
                loader.parse(text, "fuzz.yaml");
                loaded++;
            } catch (RunbookException e) {
                refused++;
                assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                    assertThat(p.file()).isEqualTo("fuzz.yaml");
                    assertThat(p.message()).isNotBlank();
                });
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("mutation " + i + " escaped as " + e + " for input:\n" + text, e);
            }
        }
        assertThat(loaded + refused).isEqualTo(MUTATIONS);
        assertThat(refused).as("most mutations break something").isGreaterThan(MUTATIONS / 2);
    }

    static String mutate(String text, Random r) {
        String out = text;
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(6)) {
                case 0 -> {
                    char[] c = out.toCharArray();
                    if (c.length > 0) {
                        c[r.nextInt(c.length)] = (char) (32 + r.nextInt(95));
                    }
                    out = new String(c);
                }
                case 1 -> out = out.substring(0, r.nextInt(out.length() + 1));
                case 2 -> {
                    List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
                    if (lines.size() > 2) {
                        Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
                    }
                    out = String.join("\n", lines);
                }
                case 3 -> {
                    int at = r.nextInt(out.length() + 1);
                    out = out.substring(0, at) + SPLICES[r.nextInt(SPLICES.length)] + out.substring(at);
                }
                case 4 -> {
                    List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
                    int i = r.nextInt(lines.size());
                    lines.add(i, lines.get(i));
                    out = String.join("\n", lines);
                }
                default -> {
                    int at = r.nextInt(out.length() + 1);
                    int end = Math.min(out.length(), at + r.nextInt(40));
                    out = out.substring(0, at) + out.substring(end);
                }
            }
        }
        return out;
    }
}
