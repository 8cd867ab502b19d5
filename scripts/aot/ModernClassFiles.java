import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites, in place, the class files of a jar that are older than Java 6 (class file version under
 * 50) as Java 8 class files: the same code, with the stack maps the JDK's class-file API computes
 * (the verifier of Java 6 and later needs them). Why: a JDK 25 AOT cache leaves out every class of
 * version 49 or older that was linked while it was trained ("Skipping ...: Old class has been
 * linked"), so picocli (compiled for Java 5) was loaded and verified from its jar on every start of
 * the command line, about a third of {@code faultline --version}. {@code ./faultline} runs this on
 * its copy of the jar in {@code app/target/lib} before training the caches; the JVM verifies the
 * rewritten classes as it does any other. A jar without old classes is left as it is; a jar that
 * cannot be rewritten is left as it is, with one line on standard error.
 *
 * <p>Usage: {@code java scripts/aot/ModernClassFiles.java JAR...}
 */
public final class ModernClassFiles {
    private static final int JAVA_6 = 50;
    private static final int JAVA_8 = 52;

    private ModernClassFiles() {}

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            Path jar = Path.of(a);
            try {
                int rewritten = rewrite(jar);
                if (rewritten > 0) {
                    System.out.println(jar.getFileName() + ": " + rewritten + " class files from before Java 6 rewritten as Java 8");
                }
            } catch (Exception | LinkageError e) {
                System.err.println("faultline: " + jar + " left as it is (its class files could not be rewritten: " + e + ")");
            }
        }
    }

    /** Rewrites {@code jar} through a temporary file beside it; the number of class files rewritten. */
    private static int rewrite(Path jar) throws Exception {
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".part");
        int rewritten = 0;
        try {
            try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
                    ZipFile in = new ZipFile(jar.toFile());
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
                ClassFile cf = ClassFile.of(
                        ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                                .orElse(ClassHierarchyResolver.ofClassLoading(types))),
                        ClassFile.StackMapsOption.GENERATE_STACK_MAPS);
                for (ZipEntry e : Collections.list(in.entries())) {
                    byte[] bytes = in.getInputStream(e).readAllBytes();
                    if (e.getName().endsWith(".class") && !e.getName().startsWith("META-INF/")) {
                        ClassModel c = cf.parse(bytes);
                        if (c.majorVersion() < JAVA_6) {
                            bytes = cf.transformClass(c, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                                    .andThen((b, element) -> {
                                        if (element instanceof ClassFileVersion) {
                                            b.withVersion(JAVA_8, 0);
                                        } else {
                                            b.with(element);
                                        }
                                    }));
                            rewritten++;
                        }
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            if (rewritten > 0) {
                Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return rewritten;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
