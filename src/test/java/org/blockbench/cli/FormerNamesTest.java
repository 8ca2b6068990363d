package org.blockbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A command renamed in this release still runs under its former name, and says so in one line. */
class FormerNamesTest {

    @Test
    void calibrateRunsVerdictCheckWithANotice() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "calibrate", "aa", "--help"));
        assertEquals("blockbench: calibrate is deprecated and goes in the next release; use verdict-check",
                err.toString().strip());
        assertTrue(out.toString().contains("verdict-check aa"), out.toString());
    }

    @Test
    void theNewNameRunsWithoutOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(ExitCodes.OK, CliRunner.execute(out, err, "verdict-check", "aa", "--help"));
        assertEquals("", err.toString());
    }
}
