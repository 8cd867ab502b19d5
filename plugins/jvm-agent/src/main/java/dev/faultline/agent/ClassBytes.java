package dev.faultline.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import org.jspecify.annotations.Nullable;

/**
 * A class's current code, as the JVM has it now: retransformed once with a transformer that only
 * looks. The inlined advice names {@link Hook#PROPERTY}, so its bytes show whether advice is in.
 */
final class ClassBytes {
    private static final byte[] MARKER = Hook.PROPERTY.getBytes(StandardCharsets.UTF_8);

    private ClassBytes() {
    }

    static boolean carriesHook(Instrumentation inst, Class<?> type) {
        boolean[] found = {false};
        ClassFileTransformer look = new ClassFileTransformer() {
            @Override
            public byte @Nullable [] transform(@Nullable ClassLoader loader, @Nullable String name, @Nullable Class<?> redefined,
                                               @Nullable ProtectionDomain domain, byte[] bytes) {
                if (redefined == type) {
                    found[0] = contains(bytes, MARKER);
                }
                return null;
            }
        };
        inst.addTransformer(look, true);
        try {
            inst.retransformClasses(type);
        } catch (UnmodifiableClassException e) {
            return false;
        } finally {
            inst.removeTransformer(look);
        }
        return found[0];
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
