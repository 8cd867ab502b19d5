package dev.faultline.engine.model;

import java.util.List;

/**
 * Who runs an experiment of a GameDay (its operators, at the keyboard) and who watches it (its
 * observers: dashboards, customers' view), by participant name.
 */
public record ExperimentCrew(List<String> operators, List<String> observers) {
    public static final ExperimentCrew NONE = new ExperimentCrew(List.of(), List.of());

    public ExperimentCrew {
        operators = List.copyOf(operators);
        observers = List.copyOf(observers);
    }

    public boolean isEmpty() {
        return operators.isEmpty() && observers.isEmpty();
    }
}
