/**
 * Fuzzing of BlockBench's inputs (docs/fuzz.md): mutators of ONNX graphs, JMH JSON and bytes
 * ({@link org.blockbench.fuzz.GraphMutator}, {@link org.blockbench.fuzz.JmhJsonMutator},
 * {@link org.blockbench.fuzz.ByteMutator}); cases made from a seed and an index
 * ({@link org.blockbench.fuzz.CaseFactory}); the targets run in-process in a child JVM
 * ({@link org.blockbench.fuzz.FuzzDriver}, {@link org.blockbench.fuzz.TargetRunner}); the rules
 * ({@link org.blockbench.fuzz.Oracle}, {@link org.blockbench.fuzz.Canary}); the campaign that
 * survives crashes and hangs ({@link org.blockbench.fuzz.Campaign},
 * {@link org.blockbench.fuzz.FuzzCampaign}) and the suite's seeded run
 * ({@code FuzzTest}).
 */
package org.blockbench.fuzz;
