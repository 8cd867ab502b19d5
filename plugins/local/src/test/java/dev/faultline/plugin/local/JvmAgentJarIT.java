package dev.faultline.plugin.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.faultline.engine.spi.BackendException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM fault agent's jar cannot be swapped: a planted agent ({@link PlantedAgent}, a real agent
 * jar padded to the size of the real one) in the old temp-folder place or in the private folder is
 * never loaded into a real child JVM, a symbolic link or a file of another user is refused, and the
 * private folder is the user's alone.
 */
class JvmAgentJarIT {
    private static final String WORK = JvmTargetMain.Work.class.getName();
    private static JvmChild child;
    private static byte[] real;
    private static String name;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        child = new JvmChild("faultline-agent-jar-test");
        try (InputStream in = JvmAgentClient.class.getResourceAsStream("jvm/faultline-jvm-agent.jar")) {
            real = in.readAllBytes();
        }
        name = "faultline-jvm-agent-"
                + HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(real))
                        .substring(0, 16) + ".jar";
    }

    @AfterAll
    static void stop() {
        child.close();
    }

    private static Map<String, String> status(JvmAgentClient client) throws BackendException {
        return client.send(child.pid(), "cmd", "status", "id", "none", "class", WORK);
    }

    /** The real agent answered (a status), not the planted one. */
    private static void realAgentAnswered(Map<String, String> reply) {
        assertThat(reply)
                .doesNotContainKey("planted")
                .containsEntry("active", "false")
                .containsEntry("instrumented", "false");
    }

    @Test
    void aPlantedJarOfTheRightSizeInThePrivateFolderIsReplacedBeforeTheAttach() throws Exception {
        Path agents = Files.createDirectories(dir.resolve("agent"));
        plant(agents.resolve(name));
        realAgentAnswered(status(new JvmAgentClient(agents)));
        assertThat(Files.readAllBytes(agents.resolve(name))).isEqualTo(real);
    }

    @Test
    void everyAttachChecksTheWholeJarAgain() throws Exception {
        Path agents = dir.resolve("agent");
        JvmAgentClient client = new JvmAgentClient(agents);
        realAgentAnswered(status(client));
        plant(agents.resolve(name)); // swapped between two attaches of one client
        realAgentAnswered(status(client));
    }

    @Test
    void aPlantedJarInTheOldTempFolderPlaceIsNeverAttached() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        plant(tmp.resolve(name));
        String before = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", tmp.toString());
        try {
            realAgentAnswered(status(new JvmAgentClient()));
        } finally {
            System.setProperty("java.io.tmpdir", before);
        }
    }

    @Test
    void aSymbolicLinkInPlaceOfTheJarOrOfItsFolderIsRefused() throws Exception {
        Path agents = dir.resolve("agent");
        status(new JvmAgentClient(agents)); // the folder as Faultline makes it
        Path planted = plant(dir.resolve("planted.jar"));
        Files.delete(agents.resolve(name));
        Files.createSymbolicLink(agents.resolve(name), planted);
        assertThatThrownBy(() -> status(new JvmAgentClient(agents)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(agents.resolve(name) + " is a symbolic link");

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        plant(elsewhere.resolve(name));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), elsewhere);
        assertThatThrownBy(() -> status(new JvmAgentClient(linked)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(linked + " is a symbolic link");
    }

    @Test
    void aJarOrFolderOfAnotherUserIsRefused() throws Exception {
        assumeTrue(
                new ProcessBuilder("id", "-u").start().inputReader().readLine().equals("0"),
                "not root: cannot give a file to another user");
        Path agents = Files.createDirectories(dir.resolve("agent"));
        Files.setPosixFilePermissions(agents, PosixFilePermissions.fromString("rwx------"));
        Path jar = plant(agents.resolve(name));
        Files.setAttribute(jar, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> status(new JvmAgentClient(agents)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(jar + " belongs to uid 65534");

        Path theirs = Files.createDirectories(dir.resolve("theirs"));
        Files.setAttribute(theirs, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> status(new JvmAgentClient(theirs)))
                .isInstanceOf(BackendException.class)
                .hasMessageContaining(theirs + " belongs to uid 65534");
    }

    @Test
    void thePrivateFolderAndTheJarAreTheUsersAlone() throws Exception {
        Path agents = dir.resolve("home").resolve("agent");
        realAgentAnswered(status(new JvmAgentClient(agents)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agents)))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agents.resolve(name))))
                .isEqualTo("rw-------");

        Path loose = Files.createDirectories(dir.resolve("loose"));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rwxrwxrwx"));
        realAgentAnswered(status(new JvmAgentClient(loose)));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(loose)))
                .isEqualTo("rwx------");
        try (var left = Files.list(loose)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no reply or partial file left")
                    .containsExactly(name);
        }
    }

    /** A real agent jar of {@link PlantedAgent}, padded to exactly the size of the real agent's jar. */
    private static Path plant(Path where) throws IOException {
        byte[] cls;
        try (InputStream in = PlantedAgent.class.getResourceAsStream("PlantedAgent.class")) {
            cls = in.readAllBytes();
        }
        int overhead = plantedJar(cls, 0).length;
        byte[] jar = plantedJar(cls, real.length - overhead);
        assertThat(jar.length).isEqualTo(real.length);
        return Files.write(where, jar);
    }

    private static byte[] plantedJar(byte[] cls, int padding) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Agent-Class"), PlantedAgent.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            out.putNextEntry(new JarEntry(PlantedAgent.class.getName().replace('.', '/') + ".class"));
            out.write(cls);
            out.closeEntry();
            byte[] pad = new byte[padding];
            CRC32 crc = new CRC32();
            crc.update(pad);
            JarEntry e = new JarEntry("padding.bin");
            e.setMethod(ZipEntry.STORED);
            e.setSize(padding);
            e.setCompressedSize(padding);
            e.setCrc(crc.getValue());
            out.putNextEntry(e);
            out.write(pad);
            out.closeEntry();
        }
        return bytes.toByteArray();
    }
}
