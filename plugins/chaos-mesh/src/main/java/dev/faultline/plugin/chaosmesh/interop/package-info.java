/**
 * Chaos Mesh manifests read into Faultline experiments (each of the eight chaos kinds,
 * {@code Schedule}, {@code Workflow}) and Faultline experiments written as Chaos Mesh resources or
 * one {@code Workflow}: the {@code chaos-mesh} format of {@code faultline import} and
 * {@code faultline export}.
 */
@NullMarked
package dev.faultline.plugin.chaosmesh.interop;

import org.jspecify.annotations.NullMarked;
