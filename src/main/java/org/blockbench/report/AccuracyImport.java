package org.blockbench.report;

import org.blockbench.model.ModelRef;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.blockbench.BadInputException;
import org.blockbench.data.DatasetName;
import org.blockbench.zoo.build.GwoNetwork;
import org.blockbench.zoo.ModelId;
import org.blockbench.zoo.Position;

/**
 * Reads accuracy that BlockZoo or gwo-benchmark measured from their own CSV files
 * ({@code leaderboard --import-accuracy FILE}; docs/report.md §Imported accuracy). The layout
 * is recognised by the header, against the column lists that are the one definition of each
 * format (docs/protocol.md §Interfaces): BlockZoo's {@code results.csv} ({@link BlockZooCsv#COLUMNS}),
 * gwo-benchmark's {@code benchmark_results.csv} ({@link GwoCsv#COLUMNS}) and its public
 * leaderboard CSV ({@link #GWO_LEADERBOARD_COLUMNS}). Names are mapped to BlockBench's: a block
 * by its class name (case, '_' and '-' ignored; BlockZoo's aliases MBConv, FusedMBConv, UIB and
 * RepLK too), a BlockZoo position early/mid/late, a gwo-benchmark model by its network's name
 * (StandardConv, StandardConv/gwo-net, ...). An unknown name fails in one line listing the valid
 * ones. Rows without an accuracy (BlockZoo's profile-only rows) are skipped.
 */
public final class AccuracyImport {

    /** gwo-benchmark's public leaderboard CSV (docs/protocol.md §Interfaces); BlockBench does not write it. */
    static final List<String> GWO_LEADERBOARD_COLUMNS = List.of("model_name", "author", "score", "test_acc", "omega_proxy",
            "c_d", "c_p_m", "latency_ms", "tier", "github_link");

    /** Largest file read (a results CSV of thousands of runs is a few MB). */
    static final long MAX_BYTES = 64L << 20;

    /** gwo-benchmark trains on CIFAR-10 (docs/protocol.md §Training); its files have no dataset column. */
    static final String GWO_DATASET = "cifar10";

    /** BlockZoo's other names for some blocks (docs/protocol.md §Blocks). */
    private static final Map<String, String> ALIASES = Map.of("mbconv", "InvertedResidual", "fusedmbconv", "EdgeResidual",
            "uib", "UniversalInvertedBottleneck", "replk", "ReparamLargeKernelConv");

    private static final Pattern SEED_NOTE = Pattern.compile("(?:^|[;\\s])seed=(-?\\d+)");

    /** The layouts read, each recognised by its header. */
    public enum Layout {
        BLOCKZOO_RESULTS("blockzoo-results", "BlockZoo results.csv", BlockZooCsv.COLUMNS),
        GWO_BENCHMARK_RESULTS("gwo-benchmark-results", "gwo-benchmark benchmark_results.csv", GwoCsv.COLUMNS),
        GWO_LEADERBOARD("gwo-benchmark-leaderboard", "gwo-benchmark leaderboard CSV", GWO_LEADERBOARD_COLUMNS);

        private final String id;
        private final String title;
        private final List<String> columns;

        Layout(String id, String title, List<String> columns) {
            this.id = id;
            this.title = title;
            this.columns = columns;
        }

        /** Short name, recorded with every imported value. */
        public String id() {
            return id;
        }

        /** The layout whose columns are exactly {@code header}'s (in any order), if any. */
        static Optional<Layout> of(List<String> header) {
            List<String> names = header.stream().map(h -> h.strip()).toList();
            for (Layout l : values()) {
                if (names.size() == l.columns.size() && new HashSet<>(names).equals(new HashSet<>(l.columns))) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    private AccuracyImport() {
    }

    /**
     * Every accuracy in {@code file}.
     *
     * @param knownBlocks the blocks BlockBench knows (the zoo's, then packs' in the manifest)
     * @throws BadInputException for an unreadable file, an unknown layout, an unknown name or a bad number, naming the line
     */
    public static List<ImportedRun> read(Path file, Collection<String> knownBlocks) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text;
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException("--import-accuracy " + file + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException("--import-accuracy " + file + ": " + Files.size(file) + " bytes, more than the "
                        + MAX_BYTES + " a results CSV needs");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new BadInputException("--import-accuracy " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new BadInputException("--import-accuracy " + file + ": cannot read: " + e.getMessage(), e);
        }
        List<CsvReader.Row> rows = CsvReader.parse(text, file.toString());
        if (rows.isEmpty()) {
            throw new BadInputException("--import-accuracy " + file + ": empty; expected a CSV with a header row");
        }
        List<String> header = rows.get(0).cells();
        Layout layout = Layout.of(header).orElseThrow(() -> new BadInputException("--import-accuracy " + file
                + ": header " + header + " is none of the layouts read: " + describeLayouts()));
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).strip(), i);
        }
        Names names = new Names(knownBlocks);
        List<ImportedRun> runs = new ArrayList<>();
        for (CsvReader.Row row : rows.subList(1, rows.size())) {
            String where = file + ": line " + row.line();
            if (row.cells().size() != header.size()) {
                throw new BadInputException(where + ": " + row.cells().size() + " cells, the header has " + header.size());
            }
            RowCells c = new RowCells(row.cells(), column, where);
            ImportedRun run = switch (layout) {
                case BLOCKZOO_RESULTS -> blockZoo(c, names, name, row.line());
                case GWO_BENCHMARK_RESULTS -> gwo(c, "test_accuracy", names, name, row.line(), c.longOrNull("seed"));
                case GWO_LEADERBOARD -> gwo(c, "test_acc", names, name, row.line(), null);
            };
            if (run != null) {
                runs.add(run);
            }
        }
        return runs;
    }

    private static ImportedRun blockZoo(RowCells c, Names names, String source, int line) {
        String acc = c.text("val_acc");
        if (acc.isEmpty()) {
            return null; // a profile-only row: no training
        }
        double fraction = c.number("val_acc");
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new BadInputException(c.where + ": val_acc " + acc + " is not a fraction in [0, 1] (BlockZoo's val_acc is one)");
        }
        String block = names.block(c.text("block"), c.where);
        String position = c.text("position").strip().toLowerCase(Locale.ROOT);
        List<String> positions = new ArrayList<>(Position.ids());
        positions.add(ModelId.GWO_NETWORK);
        if (!positions.contains(position)) {
            throw new BadInputException(c.where + ": " + BadInputException.unknown("position", c.text("position"), positions)
                    .getMessage());
        }
        String dataset = dataset(c.text("dataset"), c.where);
        Matcher seed = SEED_NOTE.matcher(c.text("notes"));
        return new ImportedRun(ModelRef.of(block, position), dataset, seed.find() ? Long.valueOf(seed.group(1)) : null,
                c.intOrNull("epochs"), 100 * fraction, source, Layout.BLOCKZOO_RESULTS.id(), line);
    }

    private static ImportedRun gwo(RowCells c, String accuracyColumn, Names names, String source, int line, Long seed) {
        String acc = c.text(accuracyColumn);
        if (acc.isEmpty()) {
            return null;
        }
        double percent = c.number(accuracyColumn);
        if (!(percent >= 0 && percent <= 100)) {
            throw new BadInputException(c.where + ": " + accuracyColumn + " " + acc
                    + " is not a percentage in [0, 100] (gwo-benchmark's accuracies are percent)");
        }
        String block = names.gwoNetwork(c.text("model_name"), c.where);
        return new ImportedRun(ModelRef.of(block, ModelId.GWO_NETWORK), GWO_DATASET, seed, null, percent, source,
                (accuracyColumn.equals("test_acc") ? Layout.GWO_LEADERBOARD : Layout.GWO_BENCHMARK_RESULTS).id(), line);
    }

    /**
     * "CIFAR-100", "cifar_100", "cifar100" → "cifar100", "Fashion-MNIST" → "fashion-mnist": a name that
     * is one of train's datasets but for case, hyphens, underscores and spaces is spelt as train
     * spells it ({@link DatasetName}), so its imported runs share the board of the measured ones;
     * other names lower-cased, without those separators.
     */
    static String dataset(String given, String where) {
        String d = given.strip().toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
        if (d.isEmpty()) {
            throw new BadInputException(where + ": the dataset cell is empty; expected the dataset the accuracy is on"
                    + " (e.g. cifar100)");
        }
        for (String known : DatasetName.ids()) {
            if (known.replaceAll("[-_ ]", "").equals(d)) {
                return known;
            }
        }
        return d;
    }

    private static String describeLayouts() {
        List<String> parts = new ArrayList<>();
        for (Layout l : Layout.values()) {
            parts.add(l.title + " " + l.columns);
        }
        return String.join("; ", parts);
    }

    /** Maps other tools' names to BlockBench's. */
    private static final class Names {
        private final List<String> blocks;
        private final Map<String, String> byKey = new LinkedHashMap<>();

        Names(Collection<String> known) {
            this.blocks = List.copyOf(known);
            known.forEach(b -> byKey.put(key(b), b));
            ALIASES.forEach((alias, block) -> {
                if (known.contains(block)) {
                    byKey.putIfAbsent(alias, block);
                }
            });
        }

        String block(String given, String where) {
            String b = byKey.get(key(given));
            if (b == null) {
                throw new BadInputException(where + ": " + BadInputException.unknown("block", given, blocks).getMessage());
            }
            return b;
        }

        /** "StandardConv", "standard_conv", "StandardConv/gwo-net" (BlockBench's own label) → StandardConv. */
        String gwoNetwork(String given, String where) {
            String g = given.strip();
            String suffix = "/" + ModelId.GWO_NETWORK;
            if (g.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                g = g.substring(0, g.length() - suffix.length());
            }
            for (String n : GwoNetwork.VARIANTS) {
                if (key(n).equals(key(g))) {
                    return n;
                }
            }
            throw new BadInputException(where + ": " + BadInputException.unknown("gwo-benchmark model", given,
                    GwoNetwork.VARIANTS).getMessage());
        }

        private static String key(String name) {
            return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        }
    }

    /** One row's cells by column name, with typed reads that name the line on failure. */
    private static final class RowCells {
        private final List<String> cells;
        private final Map<String, Integer> column;
        private final String where;

        RowCells(List<String> cells, Map<String, Integer> column, String where) {
            this.cells = cells;
            this.column = column;
            this.where = where;
        }

        String text(String name) {
            return cells.get(column.get(name)).strip();
        }

        double number(String name) {
            try {
                return Double.parseDouble(text(name));
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": " + name + " '" + text(name) + "' is not a number");
            }
        }

        Integer intOrNull(String name) {
            String t = text(name);
            if (t.isEmpty()) {
                return null;
            }
            try {
                return (int) Math.round(Double.parseDouble(t)); // pandas may write 50.0
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": " + name + " '" + t + "' is not a whole number");
            }
        }

        Long longOrNull(String name) {
            String t = text(name);
            if (t.isEmpty()) {
                return null;
            }
            try {
                return Math.round(Double.parseDouble(t));
            } catch (NumberFormatException e) {
                throw new BadInputException(where + ": " + name + " '" + t + "' is not a whole number");
            }
        }
    }
}
