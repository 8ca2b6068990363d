/**
 * Energy per inference from real hardware counters, reported as a JMH secondary metric, or
 * absent with the reason. {@link org.blockbench.bench.energy.EnergyCounters} finds the Linux
 * powercap (RAPL) package counters this process can read;
 * {@link org.blockbench.bench.energy.RaplEnergyProfiler} is the JMH profiler that reads them
 * around each iteration. Nothing here estimates energy from time or power models. NVIDIA GPU
 * energy (NVML) is not read: it is reported absent with that reason.
 */
package org.blockbench.bench.energy;
