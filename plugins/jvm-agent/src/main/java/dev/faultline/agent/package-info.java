/**
 * The Faultline JVM fault agent. Loaded into a running JVM through the attach API, once per
 * command: {@code add}, {@code remove}, {@code status}. Its state lives in the target JVM for as long
 * as the JVM runs; every reply is written to the file the command names.
 */
@NullMarked
package dev.faultline.agent;

import org.jspecify.annotations.NullMarked;
