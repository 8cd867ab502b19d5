package dev.faultline.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Whether a class still carries the advice is read from its methods' code, not from its constant
 * pool: a JVM may hand back a constant pool that still names the hook after the advice is gone.
 */
class ClassBytesTest {

    /** Names the hook in its constant pool (a constant field) without any method loading it. */
    static final class NamesTheHookOnly {
        static final String UNUSED = "dev.faultline.agent.hook";
    }

    /** Loads the hook in a method, as the inlined advice does. */
    static final class LoadsTheHook {
        static Object hook() {
            return System.getProperties().get("dev.faultline.agent.hook");
        }
    }

    private static byte[] bytesOf(Class<?> type) throws IOException {
        String resource = type.getName().substring(type.getPackage().getName().length() + 1) + ".class";
        try (InputStream in = type.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    @Test
    void aConstantLeftInThePoolIsNotAdvice() throws IOException {
        byte[] bytes = bytesOf(NamesTheHookOnly.class);
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains(Hook.PROPERTY);
        assertThat(ClassBytes.codeLoads(bytes, Hook.PROPERTY)).isFalse();
    }

    @Test
    void aMethodLoadingTheHookIsAdvice() throws IOException {
        assertThat(ClassBytes.codeLoads(bytesOf(LoadsTheHook.class), Hook.PROPERTY))
                .isTrue();
    }
}
