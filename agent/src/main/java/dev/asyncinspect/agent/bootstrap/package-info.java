/**
 * The run-time half of the agent: the facade that woven code calls, the recorder, and the dump
 * writer.
 *
 * <p>This package is appended to the bootstrap class path at start-up so that classes of every
 * class loader can call it. It therefore depends on the JDK only: no Byte Buddy, no other package
 * of the agent. A test of the built jar checks that.
 */
package dev.asyncinspect.agent.bootstrap;
