package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.blockbench.BadInputException;
import org.blockbench.bench.sweep.ConfigFailure;
import org.blockbench.io.OutputWriteException;
import org.blockbench.text.OneLine;
import org.blockbench.train.interp.GraphExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each exit code, end to end where a command can produce it, and the one-line rule. */
class ExitCodesTest {

    static final Path JMH = Path.of("src/test/resources/regress/base-avgt.json");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return CliRunner.execute(out, err, args);
    }

    private String oneLineOfErr() {
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), "one line, no stack trace: " + message);
        assertTrue(message.startsWith("blockbench: "), message);
        return message;
    }

    @Test
    void aModelFileThatIsADirectoryIsBadInputNotAnOutputError() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("model.onnx"));
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", notAFile.toString()));
        assertTrue(oneLineOfErr().contains(notAFile.toString()), err.toString());
    }

    @Test
    void aDanglingInputPathIsBadInput() throws IOException {
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.onnx"), dir.resolve("nowhere.onnx"));
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", dangling.toString()));
        assertTrue(oneLineOfErr().contains("gone.onnx"), err.toString());
    }

    @Test
    void aManifestThatIsADirectoryIsBadInput() throws IOException {
        Path manifest = Files.createDirectories(dir.resolve("models").resolve("manifest.json"));
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", "--manifest", manifest.toString()));
        assertTrue(oneLineOfErr().contains("manifest.json"), err.toString());
    }

    @Test
    void anOutputUnderARegularFileIsExitCodeThree() throws IOException {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file where a directory should be");
        assertEquals(ExitCodes.IO_ERROR, run("compare", JMH.toString(), JMH.toString(), "--out",
                blocker.resolve("out").toString()));
        assertTrue(oneLineOfErr().startsWith("blockbench: cannot write " + blocker.resolve("out")), err.toString());
    }

    @Test
    void aNameHoldingANewlineStaysOnOneLine() {
        Path odd = dir.resolve("evil\nblockbench: forged second line\r.onnx");
        assertEquals(ExitCodes.BAD_INPUT, run("analyze", odd.toString()));
        String message = oneLineOfErr();
        assertTrue(message.contains("evil\\nblockbench: forged second line\\r.onnx"), message);
    }

    @Test
    void aBadOptionIsOneLineWithoutTheUsageDump() {
        assertEquals(ExitCodes.BAD_INPUT, run("compare", JMH.toString(), JMH.toString(), "--no-such-option\nx"));
        String message = oneLineOfErr();
        assertTrue(message.contains("--no-such-option\\nx"), message);
        assertTrue(message.endsWith("(see 'blockbench compare --help')"), message);
    }

    @Test
    void oneLineEscapesEveryControlCharacter() {
        assertEquals("a\\nb\\rc\\td\\u0000e\\u001bf\\u2028g", OneLine.of("a\nb\rc\td\u0000e\u001bf\u2028g"));
        assertEquals("plain – ünïcode stays", OneLine.of("plain – ünïcode stays"));
    }

    @Test
    void exceptionTypesMapToTheirCodes() {
        ExitCodes codes = new ExitCodes();
        assertEquals(ExitCodes.BAD_INPUT, codes.getExitCode(new BadInputException("x")));
        assertEquals(ExitCodes.BAD_INPUT, codes.getExitCode(new GraphExecutionException("LibTorch refused the model")));
        assertEquals(ExitCodes.BAD_INPUT, codes.getExitCode(new UncheckedIOException("read", new IOException("x"))));
        assertEquals(ExitCodes.IO_ERROR, codes.getExitCode(new OutputWriteException(Path.of("o"), new AccessDeniedException("o"))));
        assertEquals(ExitCodes.FINDINGS, codes.getExitCode(new ConfigFailure("fork died", null)));
        assertEquals(ExitCodes.INTERNAL_ERROR, codes.getExitCode(new NullPointerException()));
        assertEquals(ExitCodes.INTERNAL_ERROR, codes.getExitCode(new IllegalStateException("defect")));
    }

    @Test
    void aDefectPrintsItsStackTraceAndAFindingDoesNot() {
        ExitCodes codes = new ExitCodes();
        CommandLine cmd = BlockBench.commandLine();
        StringWriter trace = new StringWriter();
        cmd.setErr(new PrintWriter(trace, true));
        assertEquals(ExitCodes.INTERNAL_ERROR, codes.handleExecutionException(new IllegalStateException("defect"), cmd, null));
        assertTrue(trace.toString().contains("at org.blockbench.cli.ExitCodesTest"), trace.toString());

        StringWriter finding = new StringWriter();
        cmd.setErr(new PrintWriter(finding, true));
        assertEquals(ExitCodes.FINDINGS, codes.handleExecutionException(
                new ConfigFailure("JMH fork of a.onnx failed:\nOrtException: boom", new RuntimeException()), cmd, null));
        assertEquals("blockbench: JMH fork of a.onnx failed:\\nOrtException: boom", finding.toString().strip());
        assertFalse(finding.toString().contains("\tat "), finding.toString());
    }
}
