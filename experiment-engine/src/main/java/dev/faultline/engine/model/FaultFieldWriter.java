package dev.faultline.engine.model;

import java.util.List;
import java.util.Map;

/** Where a fault writes its attributes back in the form its kind reads ({@link FaultFields}). */
public interface FaultFieldWriter {
    FaultFieldWriter put(String key, String value);

    FaultFieldWriter put(String key, long value);

    FaultFieldWriter put(String key, boolean value);

    /** Written sorted by key; nothing when empty. */
    FaultFieldWriter putMap(String key, Map<String, String> values);

    /** Nothing when empty. */
    FaultFieldWriter putList(String key, List<String> values);
}
