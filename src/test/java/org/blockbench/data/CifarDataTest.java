package org.blockbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.blockbench.BadInputException;
import org.blockbench.text.Progress;
import org.blockbench.text.RecordingProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CIFAR binary reading on hand-made files in the official record layouts, the download path
 * (file: URL, MD5 check, extraction), and extraction that refuses to write outside its target.
 */
class CifarDataTest {

    @TempDir
    Path dir;

    /** A CIFAR-10 record: label byte then 3072 pixel bytes, pixel k of record r = (r*7 + k) mod 256. */
    private static byte[] cifar10Records(int first, int count, int labelOffset) {
        byte[] b = new byte[count * 3073];
        for (int r = 0; r < count; r++) {
            b[r * 3073] = (byte) ((first + r + labelOffset) % 10);
            for (int k = 0; k < 3072; k++) {
                b[r * 3073 + 1 + k] = (byte) ((first + r) * 7 + k);
            }
        }
        return b;
    }

    private Path writeCifar10(Path root) throws IOException {
        Path d = root.resolve("cifar-10-batches-bin");
        Files.createDirectories(d);
        for (int i = 1; i <= 5; i++) {
            Files.write(d.resolve("data_batch_" + i + ".bin"), cifar10Records((i - 1) * 3, 3, 0));
        }
        Files.write(d.resolve("test_batch.bin"), cifar10Records(100, 4, 5));
        return d;
    }

    @Test
    void readsCifar10RecordsFromTheArchiveFolder() throws IOException {
        writeCifar10(dir);
        Dataset d = CifarBinary.CIFAR10.read(dir);
        assertEquals(15, d.train().size());
        assertEquals(4, d.val().size());
        assertEquals(10, d.classes());
        assertEquals(7, d.train().labels()[7]);
        assertEquals((100 + 2 + 5) % 10, d.val().labels()[2]);
        // image 4 of training = record 1 of batch 2 = global record 4: pixel k = 4*7 + k
        assertEquals((byte) (4 * 7 + 1000), d.train().pixels()[4 * 3072 + 1000]);
    }

    @Test
    void readsCifar100FineLabels() throws IOException {
        byte[] train = new byte[2 * 3074];
        train[0] = 3;
        train[1] = 99;
        train[3074] = 19;
        train[3075] = 42;
        train[3074 + 2] = (byte) 200;
        Files.write(dir.resolve("train.bin"), train);
        Files.write(dir.resolve("test.bin"), new byte[3074]);
        Dataset d = CifarBinary.CIFAR100.read(dir);
        assertArrayEquals(new int[] {99, 42}, d.train().labels());
        assertEquals((byte) 200, d.train().pixels()[3072]);
        assertEquals(100, d.classes());
    }

    @Test
    void truncatedFileIsRejectedNamingIt() throws IOException {
        Path d = writeCifar10(dir);
        Files.write(d.resolve("data_batch_3.bin"), new byte[3073 * 2 + 100]);
        BadInputException e = assertThrows(BadInputException.class, () -> CifarBinary.CIFAR10.read(dir));
        assertTrue(e.getMessage().contains("data_batch_3.bin") && e.getMessage().contains("3073-byte"), e.getMessage());
    }

    @Test
    void missingDirectoryExplainsWhereToGetTheData() {
        BadInputException e = assertThrows(BadInputException.class, () -> CifarBinary.CIFAR100.read(dir.resolve("none")));
        assertTrue(e.getMessage().contains("missing [train.bin, test.bin]"), e.getMessage());
        assertTrue(e.getMessage().contains(CifarBinary.HOME_PAGE) && e.getMessage().contains("--data-dir"), e.getMessage());
    }

    @Test
    void downloadVerifiesTheChecksumThenExtracts() throws Exception {
        Path staging = dir.resolve("staging");
        writeCifar10(staging);
        Path archive = dir.resolve("cifar-10-binary.tar.gz");
        tarGz(archive, staging, List.of("cifar-10-batches-bin/"), List.of());
        String md5 = CifarDownload.md5(archive);

        Path wrongTarget = dir.resolve("wrong");
        CifarDownload wrong = new CifarDownload(CifarBinary.CIFAR10, archive.toUri().toURL(), "0".repeat(32), -1);
        BadInputException e = assertThrows(BadInputException.class, () -> wrong.ensure(wrongTarget, Progress.Factory.NONE));
        assertTrue(e.getMessage().contains("expected MD5 " + "0".repeat(32)), e.getMessage());
        assertTrue(Files.notExists(wrongTarget.resolve("cifar-10-binary.tar.gz")), "unverified archive kept");
        assertTrue(Files.notExists(wrongTarget.resolve("cifar-10-binary.tar.gz.part")), "partial download kept");

        Path target = dir.resolve("data");
        RecordingProgress progress = new RecordingProgress();
        new CifarDownload(CifarBinary.CIFAR10, archive.toUri().toURL(), md5, Files.size(archive)).ensure(target, progress);
        List<String> calls = progress.calls();
        assertEquals("start download cifar-10-binary.tar.gz " + Files.size(archive) + " BYTES", calls.get(0));
        assertEquals(List.of("stepTo " + Files.size(archive), "close"), calls.subList(calls.size() - 2, calls.size()));
        assertEquals(15, CifarBinary.CIFAR10.read(target).train().size());
    }

    @Test
    void extractionRefusesEntriesEscapingTheTarget() throws Exception {
        for (String evil : List.of("../escape.bin", "a/../../escape.bin", "/tmp/absolute.bin")) {
            Path archive = dir.resolve("evil.tar.gz");
            tarGz(archive, null, List.of(), List.of(evil));
            Path target = dir.resolve("target");
            BadInputException e = assertThrows(BadInputException.class, () -> SafeTarExtractor.extract(archive, target), evil);
            assertTrue(e.getMessage().contains("refusing entry '" + evil + "'"), e.getMessage());
            assertTrue(Files.notExists(dir.resolve("escape.bin")));
        }
    }

    @Test
    void extractionRefusesLinks() throws Exception {
        Path archive = dir.resolve("link.tar.gz");
        try (OutputStream f = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(f))) {
            TarArchiveEntry link = new TarArchiveEntry("data", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        BadInputException e = assertThrows(BadInputException.class, () -> SafeTarExtractor.extract(archive, dir.resolve("t")));
        assertTrue(e.getMessage().contains("is a link"), e.getMessage());
    }

    /** Archives {@code dirs} (recursively, relative to {@code base}) and empty files named {@code rawNames}. */
    private static void tarGz(Path archive, Path base, List<String> dirs, List<String> rawNames) throws IOException {
        try (OutputStream f = Files.newOutputStream(archive);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(f))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (String d : dirs) {
                try (var files = Files.walk(base.resolve(d))) {
                    for (Path p : files.sorted().toList()) {
                        String name = base.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
                        TarArchiveEntry entry = new TarArchiveEntry(p.toFile(), name);
                        tar.putArchiveEntry(entry);
                        if (Files.isRegularFile(p)) {
                            Files.copy(p, tar);
                        }
                        tar.closeArchiveEntry();
                    }
                }
            }
            for (String name : rawNames) {
                TarArchiveEntry entry = new TarArchiveEntry(name, true);
                entry.setSize(1);
                tar.putArchiveEntry(entry);
                tar.write(1);
                tar.closeArchiveEntry();
            }
        }
    }
}
