package dev.faultline.app.interop;

import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import dev.faultline.engine.spi.interop.RunbookExporter;
import dev.faultline.engine.spi.interop.RunbookImporter;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The importers and exporters found by {@link ServiceLoader}: a file's format is recognised from its
 * content by asking every importer in turn, so a new format needs only its plugin on the class path.
 */
public final class ForeignFormats {
    /** Larger files are refused before they are read: no experiment file is anywhere near. */
    static final long MAX_BYTES = 4L * 1024 * 1024;

    private final List<RunbookImporter> importers;
    private final List<RunbookExporter> exporters;

    public ForeignFormats(List<RunbookImporter> importers, List<RunbookExporter> exporters) {
        this.importers = importers.stream()
                .sorted(Comparator.comparing(RunbookImporter::format))
                .toList();
        this.exporters = exporters.stream()
                .sorted(Comparator.comparing(RunbookExporter::format))
                .toList();
    }

    /** Every importer and exporter on the class path of {@code loader}. */
    public static ForeignFormats installed(ClassLoader loader) {
        return new ForeignFormats(
                ServiceLoader.load(RunbookImporter.class, loader).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList(),
                ServiceLoader.load(RunbookExporter.class, loader).stream()
                        .map(ServiceLoader.Provider::get)
                        .toList());
    }

    public List<String> importFormats() {
        return importers.stream().map(RunbookImporter::format).distinct().toList();
    }

    public List<String> exportFormats() {
        return exporters.stream().map(RunbookExporter::format).distinct().toList();
    }

    public Optional<RunbookExporter> exporter(String format) {
        return exporters.stream().filter(e -> e.format().equals(format)).findFirst();
    }

    /** What reading one file gave. */
    public sealed interface Outcome {
        Path file();
    }

    /** Read: the experiments, environments and notes, and which format it was. */
    public record Read(Path file, String format, String looksLike, Imported imported) implements Outcome {}

    /** No importer recognised it, or it could not be read: one line, located where the source has lines. */
    public record Refused(Path file, String message) implements Outcome {}

    /** Reads {@code file} with the first importer that recognises it. */
    public Outcome read(Path file) {
        return readAll(List.of(file)).getFirst();
    }

    /**
     * Reads each of {@code files} with the first importer that recognises it, in order, each importer
     * given the other files as those of the same import (a LitmusChaos ChaosEngine takes the defaults
     * of a ChaosExperiment defined in another of them).
     */
    public List<Outcome> readAll(List<Path> files) {
        List<Loaded> loaded = files.stream().map(ForeignFormats::load).toList();
        List<ForeignFile> texts = loaded.stream()
                .flatMap(l -> l instanceof Loaded.Text t
                        ? java.util.stream.Stream.of(t.file())
                        : java.util.stream.Stream.empty())
                .toList();
        List<Outcome> out = new ArrayList<>();
        for (Loaded one : loaded) {
            out.add(
                    switch (one) {
                        case Loaded.Text(ForeignFile ff) ->
                            read(ff, texts.stream().filter(t -> t != ff).toList());
                        case Loaded.Unreadable(Refused r) -> r;
                    });
        }
        return out;
    }

    /** A file's text, or why it cannot be imported. */
    private sealed interface Loaded {
        record Text(ForeignFile file) implements Loaded {}

        record Unreadable(Refused refused) implements Loaded {}
    }

    private static Loaded load(Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                return new Loaded.Unreadable(new Refused(
                        file, file + ": is not a regular file; give an experiment file or a folder of them"));
            }
            if (Files.size(file) > MAX_BYTES) {
                return new Loaded.Unreadable(new Refused(
                        file,
                        file + ": is " + Files.size(file) + " bytes; an experiment file is at most " + MAX_BYTES));
            }
            return new Loaded.Text(new ForeignFile(
                    file,
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                            .toString()));
        } catch (CharacterCodingException e) {
            return new Loaded.Unreadable(
                    new Refused(file, file + ": is not UTF-8 text; not a format Faultline imports"));
        } catch (IOException e) {
            return new Loaded.Unreadable(new Refused(file, file + ": cannot be read: " + e.getMessage()));
        }
    }

    private Outcome read(ForeignFile foreign, List<ForeignFile> alongside) {
        Path file = foreign.path();
        for (RunbookImporter i : importers) {
            Optional<String> looks = i.recognise(foreign);
            if (looks.isPresent()) {
                try {
                    return new Read(file, i.format(), looks.get(), i.read(foreign, alongside));
                } catch (ImportException e) {
                    return new Refused(file, String.valueOf(e.getMessage()));
                } catch (RuntimeException e) {
                    return new Refused(
                            file, file + ": looks like " + looks.get() + " but cannot be read: " + e.getMessage());
                }
            }
        }
        return new Refused(
                file,
                file + ": not a format Faultline imports (it reads "
                        + importers.stream()
                                .map(RunbookImporter::format)
                                .distinct()
                                .collect(Collectors.joining(", "))
                        + "; the format is recognised from the content)");
    }
}
