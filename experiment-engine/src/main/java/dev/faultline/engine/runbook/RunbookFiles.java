package dev.faultline.engine.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * Reads the text of a runbook, a GameDay or the environments file: a regular file of at most
 * {@link #MAX_BYTES}, in UTF-8. A directory, device, named pipe or socket is refused in one line
 * before it is opened (opening a pipe would wait for a writer; {@code /dev/zero} never ends), and
 * no more than the limit is ever read.
 */
public final class RunbookFiles {
    /** At most this many bytes are read: {@link YamlReader#MAX_CHARS} characters of up to 4 bytes each. */
    public static final int MAX_BYTES = YamlReader.MAX_CHARS * 4;

    private static final int TYPE_BITS = 0170000;

    private RunbookFiles() {}

    /**
     * The file's text.
     *
     * @param kind what the file should be, for the message: "runbook file", "settings file"
     * @throws RunbookException one problem, the file's name and what is wrong with it
     */
    public static String read(Path file, String kind) throws RunbookException {
        String name = file.toString();
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (a.isDirectory()) {
                throw fail(name, "is a directory; give the path of a " + kind);
            }
            if (!a.isRegularFile()) {
                throw fail(name, "is not a regular file (" + typeOf(file) + "); give the path of a " + kind);
            }
            if (a.size() > MAX_BYTES) {
                throw fail(name, tooBig(Long.toString(a.size()), kind));
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw fail(name, tooBig("over " + MAX_BYTES, kind)); // it grew while being read
            }
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(name, "the file is not UTF-8 text");
        } catch (NoSuchFileException e) {
            throw fail(name, "cannot read the file: no such file");
        } catch (IOException e) {
            throw fail(
                    name,
                    "cannot read the file: "
                            + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String tooBig(String size, String kind) {
        return "is " + size + " bytes; a " + kind + " may have at most " + MAX_BYTES + " bytes";
    }

    /** "a named pipe", "a character device"... from the file's mode, as far as the file system says. */
    private static String typeOf(Path file) {
        try {
            int type = (Integer) Files.getAttribute(file, "unix:mode") & TYPE_BITS;
            return switch (type) {
                case 0010000 -> "a named pipe";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "not a plain file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a device, pipe or socket";
        }
    }

    private static RunbookException fail(String file, String message) {
        return new RunbookException(List.of(new RunbookProblem(file, 0, 0, "", message)));
    }
}
