/**
 * Toxiproxy's proxy list ({@code toxiproxy-server -config} file, {@code POST /populate} body) read
 * into an environment's {@code toxiproxy} settings: the {@code toxiproxy} format of
 * {@code faultline import}.
 */
@NullMarked
package dev.faultline.plugin.toxiproxy.interop;

import org.jspecify.annotations.NullMarked;
