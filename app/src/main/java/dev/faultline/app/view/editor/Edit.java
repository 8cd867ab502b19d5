package dev.faultline.app.view.editor;

import dev.faultline.engine.model.Experiment;

/**
 * One change to the experiment being edited, kept for undo and redo (Scene Builder's Job): the
 * experiment before and after, and what people call it ("move slow-payments").
 */
public record Edit(String description, Experiment before, Experiment after) {}
