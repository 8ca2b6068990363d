/**
 * The application layer: a whole job ({@code blockbench run}) as typed calls of the stages'
 * services, export, analysis, the JMH sweep, the overhead breakdown, training and the
 * leaderboard, over one {@link org.blockbench.pipeline.Workspace} that names every directory and
 * file of the job. The command line is one caller ({@code cli.RunCommand}), a library user
 * another (docs/library.md); nothing here parses or writes argv.
 */
package org.blockbench.pipeline;
