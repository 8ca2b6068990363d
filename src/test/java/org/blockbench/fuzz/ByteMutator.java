package org.blockbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Byte-level mutations of a serialized input: bit flips, truncation, splices (from the same or
 * another seed), insertions of random or boundary bytes, deletions. Each call appends what it
 * did to {@code log}, so a failure report says how the input was made.
 */
final class ByteMutator {

    private static final byte[] INTERESTING = {0, (byte) 0xFF, 0x7F, (byte) 0x80, 0x01, 0x0A, 0x22, 0x2D};

    private ByteMutator() {
    }

    /** Applies 1–4 random byte mutations to {@code bytes}; {@code donor} is another valid input to splice from. */
    static byte[] mutate(byte[] bytes, byte[] donor, SplittableRandom r, List<String> log) {
        byte[] b = bytes;
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = once(b, donor, r, log);
        }
        return b;
    }

    private static byte[] once(byte[] b, byte[] donor, SplittableRandom r, List<String> log) {
        if (b.length == 0) {
            log.add("bytes: insert 1 byte into empty input");
            return new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
        }
        switch (r.nextInt(7)) {
            case 0 -> {
                byte[] c = b.clone();
                int flips = 1 + r.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    int at = r.nextInt(c.length);
                    c[at] ^= (byte) (1 << r.nextInt(8));
                }
                log.add("bytes: " + flips + " bit flip(s)");
                return c;
            }
            case 1 -> {
                int keep = r.nextInt(b.length);
                log.add("bytes: truncate " + b.length + " -> " + keep);
                return java.util.Arrays.copyOf(b, keep);
            }
            case 2 -> {
                byte[] src = r.nextBoolean() ? b : donor;
                int from = r.nextInt(src.length);
                int len = 1 + r.nextInt(Math.min(256, src.length - from));
                int at = r.nextInt(b.length);
                log.add("bytes: splice " + len + " byte(s) from " + (src == b ? "itself" : "another seed") + " at " + at);
                return splice(b, at, java.util.Arrays.copyOfRange(src, from, from + len), r.nextBoolean() ? len : 0);
            }
            case 3 -> {
                int len = 1 + r.nextInt(16);
                byte[] ins = new byte[len];
                for (int k = 0; k < len; k++) {
                    ins[k] = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) r.nextInt(256);
                }
                int at = r.nextInt(b.length + 1);
                log.add("bytes: insert " + len + " byte(s) at " + at);
                return splice(b, at, ins, 0);
            }
            case 4 -> {
                int at = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(64, b.length - at));
                log.add("bytes: delete " + len + " byte(s) at " + at);
                return splice(b, at, new byte[0], len);
            }
            case 5 -> {
                byte[] c = b.clone();
                int at = r.nextInt(c.length);
                int len = 1 + r.nextInt(Math.min(8, c.length - at));
                byte v = INTERESTING[r.nextInt(INTERESTING.length)];
                java.util.Arrays.fill(c, at, at + len, v);
                log.add("bytes: overwrite " + len + " byte(s) at " + at + " with 0x" + Integer.toHexString(v & 0xFF));
                return c;
            }
            default -> {
                int at = r.nextInt(b.length);
                int len = 1 + r.nextInt(Math.min(512, b.length - at));
                log.add("bytes: duplicate " + len + " byte(s) at " + at);
                return splice(b, at, java.util.Arrays.copyOfRange(b, at, at + len), 0);
            }
        }
    }

    /** {@code b} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
    private static byte[] splice(byte[] b, int at, byte[] inserted, int removed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + inserted.length);
        out.write(b, 0, at);
        out.write(inserted, 0, inserted.length);
        int rest = Math.min(b.length, at + removed);
        out.write(b, rest, b.length - rest);
        return out.toByteArray();
    }
}
