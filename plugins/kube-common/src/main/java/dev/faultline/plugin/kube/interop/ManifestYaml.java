package dev.faultline.plugin.kube.interop;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** Manifests written as YAML, several as one multi-document file. */
public final class ManifestYaml {
    private ManifestYaml() {}

    /** One manifest. */
    public static String write(Map<String, Object> manifest) {
        return dump().dumpToString(manifest);
    }

    /** Several manifests, one YAML document each. */
    public static String writeAll(List<Map<String, Object>> manifests) {
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> m : manifests) {
            if (!b.isEmpty()) {
                b.append("---\n");
            }
            b.append(write(m));
        }
        return b.toString();
    }

    private static Dump dump() {
        return new Dump(DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .build());
    }
}
