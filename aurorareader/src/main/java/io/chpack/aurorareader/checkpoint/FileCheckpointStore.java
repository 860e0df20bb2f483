package io.chpack.aurorareader.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files under {@code <path>/<checkpoint id>/}: one file per value ({@code <key>.json}) and one per journal entry
 * ({@code chunks/<chunk id>.json}), each written to a temporary file and renamed into place, so a kill never
 * leaves a half-written entry. Safe for the tasks of one DataX process (the standalone engine).
 */
public final class FileCheckpointStore implements CheckpointStore {
    private final Path dir;
    private final Path chunkDir;

    public FileCheckpointStore(String path, String id) {
        this.dir = Paths.get(path).resolve(id);
        this.chunkDir = dir.resolve("chunks");
        try {
            Files.createDirectories(chunkDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the checkpoint directory " + chunkDir + ": " + e, e);
        }
    }

    @Override
    public String get(String key) {
        try {
            return new String(Files.readAllBytes(dir.resolve(key + ".json")), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void put(String key, String value) {
        write(dir.resolve(key + ".json"), value);
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void recordChunk(String chunkId, String entry) {
        write(chunkDir.resolve(chunkId + ".json"), entry);
    }

    @Override
    public Map<String, String> chunks() {
        Map<String, String> out = new TreeMap<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(chunkDir, "*.json")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                out.put(n.substring(0, n.length() - 5), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public void clearChunks() {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(chunkDir)) {
            for (Path p : ds) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String describe() {
        return "file " + dir;
    }

    @Override
    public void close() {
    }

    private static void write(Path target, String value) {
        try {
            Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp" + Thread.currentThread().getId());
            Files.write(tmp, value.getBytes(StandardCharsets.UTF_8));
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target + ": " + e, e);
        }
    }
}
