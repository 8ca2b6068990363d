/**
 * Test support for the scale-out docs: {@link org.blockbench.cluster.SlurmCluster}, a real
 * one-node Slurm cluster started by {@code tools/slurm-up.sh} in a temporary directory, and
 * {@link org.blockbench.cluster.Checkout}, a directory laid out as the docs expect a BlockBench
 * checkout to be ({@code target/blockbench.jar}, {@code docs/}) before {@code mvn package} has
 * made the real jar (surefire runs before the package phase).
 */
package org.blockbench.cluster;
