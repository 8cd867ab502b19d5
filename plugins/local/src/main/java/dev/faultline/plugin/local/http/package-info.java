/** The HTTP fault proxy: a reverse proxy that aborts, delays, resets or alters matching requests. */
@NullMarked
package dev.faultline.plugin.local.http;

import org.jspecify.annotations.NullMarked;
