package org.blockbench.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.blockbench.BadInputException;
import org.junit.jupiter.api.Test;

/** Parsing and printing Linux CPU lists, and pinning a real child process with taskset. */
class CpuSetTest {

    private static CpuSet of(Integer... cpus) {
        return new CpuSet(new TreeSet<>(List.of(cpus)));
    }

    @Test
    void printsRangesCollapsedAsLinuxDoes() {
        assertEquals("0-2,5", of(5, 0, 2, 1).toString());
        assertEquals("3", of(3).toString());
        assertEquals("1,3,5-6", of(1, 3, 5, 6).toString());
        assertEquals("-Dblockbench.cpus=0-1", of(0, 1).forkArgument());
        assertEquals(4, of(0, 1, 2, 7).size());
    }

    @Test
    void parsesWhatThisProcessMayUse() {
        CpuSet allowed = CpuSet.allowed();
        assertEquals(allowed, CpuSet.parse(allowed.toString()), "the allowed set round-trips");
        int last = allowed.cpus().last();
        assertEquals(of(last), CpuSet.parse(" " + last + " "));
    }

    @Test
    void choosesNoneAutoOrAListForTheThreads() {
        CpuSet allowed = CpuSet.allowed();
        assertEquals(Optional.empty(), CpuSet.choose("none", 1));
        assertEquals(Optional.of(of(allowed.cpus().last())), CpuSet.choose("auto", 1), "one thread: the last CPU");
        assertEquals(Optional.of(allowed), CpuSet.choose("auto", 0), "ORT's default threads: every CPU");
        assertEquals(Optional.of(allowed), CpuSet.choose(allowed.toString(), allowed.size()));
        int tooMany = allowed.size() + 1;
        BadInputException e = assertThrows(BadInputException.class, () -> CpuSet.choose("auto", tooMany));
        assertEquals(tooMany + " threads need " + tooMany + " CPUs, but this process may use only " + allowed
                + "; give --cpus none or fewer threads", e.getMessage());
        CpuSet first = of(allowed.cpus().first());
        e = assertThrows(BadInputException.class, () -> CpuSet.choose(first.toString(), 2));
        assertEquals("2 threads need at least 2 CPUs, but CPU list " + first + " has 1; give --cpus more CPUs, auto or none",
                e.getMessage());
    }

    @Test
    void malformedOrForeignListsAreRefusedWithTheValidOnes() {
        for (String bad : List.of("", "a", "1-", "-1", "0,,1", "0 1")) {
            BadInputException e = assertThrows(BadInputException.class, () -> CpuSet.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("CPU list '" + bad + "' is malformed; write it as Linux does"), e.getMessage());
            assertTrue(e.getMessage().endsWith("(this process may use " + CpuSet.allowed() + ")"), e.getMessage());
        }
        BadInputException backwards = assertThrows(BadInputException.class, () -> CpuSet.parse("3-1"));
        assertEquals("CPU range '3-1' in '3-1' runs backwards", backwards.getMessage());
        BadInputException foreign = assertThrows(BadInputException.class, () -> CpuSet.parse("0,100000"));
        assertEquals("CPU list '0,100000' names CPUs this process may not use; it may use " + CpuSet.allowed(),
                foreign.getMessage());
    }

    @Test
    void pinsEveryThreadOfAChildProcessAndChecksIt() throws Exception {
        CpuSet allowed = CpuSet.allowed();
        CpuSet last = of(allowed.cpus().last());
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertEquals(allowed, CpuSet.ofProcess(child.pid()), "a child inherits its parent's set");
            last.pin(child.pid());
            assertEquals(last, CpuSet.ofProcess(child.pid()));
            allowed.pin(child.pid());
            assertEquals(allowed, CpuSet.ofProcess(child.pid()));
        } finally {
            child.destroy();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        IllegalStateException gone = assertThrows(IllegalStateException.class, () -> last.pin(child.pid()));
        assertTrue(gone.getMessage().contains("process " + child.pid()), gone.getMessage());
    }
}
