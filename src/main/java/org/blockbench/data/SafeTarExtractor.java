package org.blockbench.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.blockbench.BadInputException;
import org.blockbench.io.OutputWriteException;

/**
 * Extracts a {@code .tar.gz} into a directory, refusing anything that could write outside it:
 * absolute names, {@code ..} components, names that resolve outside the target, and links
 * (symbolic or hard) and device entries, which a dataset archive has no need for. The check
 * runs for every entry before anything of it is written; each file is written to a
 * temporary name and renamed, so an interrupted extraction leaves no half file under the
 * final name.
 */
public final class SafeTarExtractor {

    private SafeTarExtractor() {
    }

    /** Extracts {@code archive} (gzip-compressed tar) into {@code target}; returns the files written. */
    public static List<Path> extract(Path archive, Path target) {
        Path root = target.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            Files.createDirectories(root);
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path destination = resolveInside(root, entry.getName(), archive);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new BadInputException(archive + ": entry '" + entry.getName() + "' is a link (to '"
                            + entry.getLinkName() + "'); refusing to extract links from a dataset archive");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    checkReallyInside(root, destination, entry.getName(), archive);
                } else if (entry.isFile() && !destination.equals(root)) {
                    Files.createDirectories(destination.getParent());
                    checkReallyInside(root, destination.getParent(), entry.getName(), archive);
                    Path tmp = Files.createTempFile(destination.getParent(), "." + destination.getFileName(), ".part");
                    try (OutputStream out = Files.newOutputStream(tmp)) {
                        tar.transferTo(out);
                    } catch (IOException e) {
                        Files.deleteIfExists(tmp);
                        throw e;
                    }
                    Files.move(tmp, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    written.add(destination);
                } else {
                    throw new BadInputException(archive + ": entry '" + entry.getName()
                            + "' is neither a file nor a directory; refusing to extract it");
                }
            }
        } catch (IOException e) {
            // the archive was verified by checksum before, so a failure here is almost always the disk
            throw new OutputWriteException("cannot extract " + archive + " into " + root + ": "
                    + OutputWriteException.describe(e), e);
        }
        return written;
    }

    /** The entry's destination, or an error when the name would land outside {@code root}. */
    static Path resolveInside(Path root, String name, Path archive) {
        if (name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.contains("\0")
                || name.matches("^[A-Za-z]:.*")) {
            throw escape(archive, name, "absolute or empty name");
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw escape(archive, name, "'..' component");
            }
        }
        Path destination = root.resolve(name).normalize();
        if (!destination.startsWith(root)) {
            throw escape(archive, name, "resolves outside " + root);
        }
        return destination;
    }

    /** Guards against a directory inside the target that is a symbolic link to elsewhere. */
    private static void checkReallyInside(Path root, Path dir, String name, Path archive) throws IOException {
        if (!dir.toRealPath().startsWith(root.toRealPath())) {
            throw escape(archive, name, "its directory leads outside " + root + " through a symbolic link");
        }
    }

    private static BadInputException escape(Path archive, String name, String why) {
        return new BadInputException(archive + ": refusing entry '" + name + "' (" + why
                + "); an archive may only write inside its target directory");
    }
}
