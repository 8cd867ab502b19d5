/**
 * The sandbox: a small shop of separate processes on 127.0.0.1 to practise GameDays on (orders,
 * payments, a chaos proxy between them, a load generator), and its supervisor.
 */
@NullMarked
package dev.faultline.sandbox;

import org.jspecify.annotations.NullMarked;
