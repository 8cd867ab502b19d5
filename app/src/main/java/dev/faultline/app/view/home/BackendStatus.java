package dev.faultline.app.view.home;

/** Whether one backend or probe type can be reached in an environment, from its cheap check. */
public record BackendStatus(String backend, String description, String environment, boolean available, String detail) {}
