package org.blockbench.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.blockbench.BadInputException;
import org.blockbench.text.Progress;

/**
 * Fetches a CIFAR binary archive, verifies its size and the MD5 checksum the dataset's
 * authors publish, and extracts it with {@link SafeTarExtractor}. The archive is first
 * written to a {@code .part} file and renamed only once verified, so an interrupted or
 * corrupted download never passes for the real one.
 *
 * @param variant which dataset the archive holds
 * @param url     where to fetch it (any URL Java can open, so tests can use file: URLs)
 * @param md5     expected MD5, lower-case hex
 * @param bytes   expected size, or -1 to skip the size check
 */
public record CifarDownload(CifarBinary variant, URL url, String md5, long bytes) {

    /** The official archive of {@code variant} and its published MD5 (see {@link CifarBinary#HOME_PAGE}). */
    public static CifarDownload official(CifarBinary variant) {
        try {
            return switch (variant) {
                case CIFAR10 -> new CifarDownload(variant, new URL("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz"),
                        "c32a1d4ab5d03f1284b67883e8d87530", 170_052_171L);
                case CIFAR100 -> new CifarDownload(variant, new URL("https://www.cs.toronto.edu/~kriz/cifar-100-binary.tar.gz"),
                        "03b5dce01913d631647c71ecec9e9cb8", 168_513_733L);
            };
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The archive's file name, from the URL. */
    public String fileName() {
        String path = url.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * Makes {@code dir} hold the dataset: does nothing when it already does, else downloads
     * (unless a verified archive is already there, showing the download's bytes to
     * {@code progress}), verifies and extracts.
     *
     * @return the dataset directory {@link CifarBinary#read} accepts
     */
    public Path ensure(Path dir, Progress.Factory progress) {
        if (variant.locate(dir).isPresent()) {
            return dir;
        }
        Path archive = dir.resolve(fileName());
        try {
            Files.createDirectories(dir);
            if (!Files.isRegularFile(archive) || !md5.equals(md5(archive))) {
                download(archive, progress);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + url + " to " + archive + ": " + e.getMessage(), e);
        }
        SafeTarExtractor.extract(archive, dir);
        if (variant.locate(dir).isEmpty()) {
            throw variant.notFound(dir);
        }
        return dir;
    }

    private void download(Path archive, Progress.Factory progress) throws IOException {
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        MessageDigest digest = newMd5();
        URLConnection connection = url.openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        long length = connection.getContentLengthLong();
        try (InputStream raw = connection.getInputStream();
             DigestInputStream in = new DigestInputStream(raw, digest);
             OutputStream out = Files.newOutputStream(part);
             Progress bar = progress.start("download " + fileName(), Math.max(length, bytes), Progress.Unit.BYTES)) {
            byte[] buffer = new byte[1 << 16];
            long written = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                written += n;
                bar.stepTo(written);
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        long size = Files.size(part);
        String found = HexFormat.of().formatHex(digest.digest());
        if (bytes >= 0 && size != bytes || !found.equals(md5)) {
            Files.deleteIfExists(part);
            throw new BadInputException(url + ": downloaded " + size + " bytes with MD5 " + found + ", expected "
                    + (bytes >= 0 ? bytes + " bytes with " : "") + "MD5 " + md5 + " (corrupted or changed download; nothing kept)");
        }
        Files.move(part, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Hex MD5 of a file. */
    static String md5(Path file) throws IOException {
        MessageDigest digest = newMd5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks MD5", e);
        }
    }
}
