package dev.faultline.agent;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;
import org.jspecify.annotations.Nullable;

/**
 * A class's current code, as the JVM has it now: retransformed once with a transformer that only
 * looks. The inlined advice loads the constant {@link Hook#PROPERTY}, so the advice is in when a
 * method's code loads it. Only method code counts: a JVM may hand over a constant pool that still
 * holds the constants of an earlier version of the class (HotSpot on Java 25 reconstitutes the
 * bytes from the current class, whose constant pool was merged with the advised one), so a plain
 * search of the bytes would find the constant after the advice is gone.
 */
final class ClassBytes {
    private ClassBytes() {}

    static boolean carriesHook(Instrumentation inst, Class<?> type) {
        boolean[] found = {false};
        ClassFileTransformer look = new ClassFileTransformer() {
            @Override
            public byte @Nullable [] transform(
                    @Nullable ClassLoader loader,
                    @Nullable String name,
                    @Nullable Class<?> redefined,
                    @Nullable ProtectionDomain domain,
                    byte[] bytes) {
                if (redefined == type) {
                    found[0] = codeLoads(bytes, Hook.PROPERTY);
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

    /** Whether any method of the class file loads {@code constant} with an {@code ldc}. */
    static boolean codeLoads(byte[] classFile, String constant) {
        boolean[] found = {false};
        ClassReader reader = OpenedClassReader.of(classFile);
        reader.accept(
                new ClassVisitor(OpenedClassReader.ASM_API) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access,
                            String name,
                            String descriptor,
                            @Nullable String signature,
                            String @Nullable [] exceptions) {
                        return new MethodVisitor(OpenedClassReader.ASM_API) {
                            @Override
                            public void visitLdcInsn(Object value) {
                                if (constant.equals(value)) {
                                    found[0] = true;
                                }
                            }
                        };
                    }
                },
                ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0];
    }
}
