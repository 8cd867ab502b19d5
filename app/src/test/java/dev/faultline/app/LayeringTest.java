package dev.faultline.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md, checked on the main classes of every module (this module's
 * test class path sees them all): the engine knows no UI, backend or vendor SDK; plugins reach the
 * engine only through its {@code spi} and {@code model}, and one another only through the shared
 * libraries; views never see the composition root.
 */
@AnalyzeClasses(packages = "dev.faultline", importOptions = LayeringTest.MainClassesOnly.class)
class LayeringTest {

    /** Vendor SDKs and backends: the plugins' business, never the engine's. */
    private static final String[] VENDOR_SDKS = {
        "io.fabric8..", // Kubernetes client
        "com.slack.api..", // Slack SDK
        "okhttp3..", // OkHttp (Slack, fabric8)
        "eu.rekawek.toxiproxy..", // toxiproxy-java
        "com.openhtmltopdf..", // PDF reports
        "org.apache.pdfbox..",
        "org.jfree..", // charts
        "io.prometheus..", // metrics exporter
        "io.netty..", // chaos proxy
        "net.bytebuddy..", // JVM agent
    };

    /** The shared libraries plugins may use besides the engine's spi and model. */
    private static final String[] SHARED_PLUGIN_LIBRARIES = {
        "dev.faultline.plugin.kube..", "dev.faultline.plugin.toxiproxy.protocol..", "dev.faultline.protocol.."
    };

    @ArchTest
    static final ArchRule engineImportsNoJavaFx = noClasses()
            .that()
            .resideInAPackage("dev.faultline.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp..")
            .because("the engine runs without a screen (the CLI, CI)");

    @ArchTest
    static final ArchRule engineKnowsNoPluginNorApp = noClasses()
            .that()
            .resideInAPackage("dev.faultline.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.faultline.plugin..",
                    "dev.faultline.agent..",
                    "dev.faultline.app..",
                    "dev.faultline.reports..",
                    "dev.faultline.sandbox..")
            .because("plugins and the app build on the engine, never the other way round");

    @ArchTest
    static final ArchRule engineUsesNoVendorSdk = noClasses()
            .that()
            .resideInAPackage("dev.faultline.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(VENDOR_SDKS)
            .because("backends and their SDKs are plugins");

    @ArchTest
    static final ArchRule pluginsUseOnlyTheEnginesSpiAndModel = noClasses()
            .that()
            .resideInAPackage("dev.faultline.plugin..")
            .should()
            .dependOnClassesThat(resideInAPackage("dev.faultline.engine..")
                    .and(not(resideInAnyPackage("dev.faultline.engine.spi..", "dev.faultline.engine.model.."))))
            .because("the engine's spi and model are the plugins' whole contract with it");

    @ArchTest
    static final ArchRule pluginsKnowNoApp = noClasses()
            .that()
            .resideInAPackage("dev.faultline.plugin..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.faultline.app..", "dev.faultline.reports..", "dev.faultline.sandbox..")
            .because("the app composes the plugins");

    @ArchTest
    static final ArchRule pluginsDoNotDependOnEachOther = slices().matching("dev.faultline.plugin.(*)..")
            .should()
            .notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.<JavaClass>alwaysTrue(), resideInAnyPackage(SHARED_PLUGIN_LIBRARIES))
            .because("a plugin is added or removed alone; shared code goes to a declared shared library");

    @ArchTest
    static final ArchRule jvmAgentStandsAlone = noClasses()
            .that()
            .resideInAPackage("dev.faultline.agent..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.faultline.engine..", "dev.faultline.plugin..", "dev.faultline.app..")
            .allowEmptyShould(true) // the agent is not on this class path: the local plugin carries it as a jar
            .because("the agent is loaded alone into other people's JVMs");

    @ArchTest
    static final ArchRule viewsNeverSeeTheComposition = noClasses()
            .that()
            .resideInAPackage("dev.faultline.app.view..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.faultline.app.Composition")
            .because("views get what they show from their view-models, not from the composition root");

    /** Main classes only: neither test classes nor the test jars of the modules. */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/") && !location.contains("-tests.jar");
        }
    }
}
