package homework.arch.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service has, checked on its compiled classes: {@code api} (and {@code messaging},
 * the other way in) → {@code application} → adapters ({@code persistence}, {@code client},
 * {@code outbox}) → {@code domain}; no cycle between packages; no HTTP type below the way in;
 * constructor injection. Each service runs it with a subclass naming its root package.
 */
public abstract class ServiceArchitectureTest {

    private static final String[] PACKAGES = {"api", "messaging", "application", "persistence", "client", "outbox",
            "domain"};

    private final String root;
    private final JavaClasses classes;

    protected ServiceArchitectureTest(String root) {
        this.root = root;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    @Test
    void everyClassIsInOneOfTheNamedPackages() {
        classes().should().resideInAnyPackage(packages(PACKAGES)).check(classes);
    }

    @Test
    void dependenciesPointFromTheApiThroughTheApplicationToTheDomain() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("way in").definedBy(packages("api", "messaging"))
                .layer("application").definedBy(packages("application"))
                .layer("adapters").definedBy(packages("persistence", "client", "outbox"))
                .layer("domain").definedBy(packages("domain"))
                .whereLayer("way in").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("way in")
                .whereLayer("adapters").mayOnlyBeAccessedByLayers("application")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("way in", "application", "adapters")
                .check(classes);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void nothingBelowTheApiKnowsHttp() {
        noClasses().that().resideInAnyPackage(packages("application", "domain", "persistence", "outbox", "messaging"))
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "homework.arch.platform.problem..")
                .because("HTTP status and problem bodies are the API's business: domain exceptions carry a kind,"
                        + " which platform's mapper turns into a status")
                .check(classes);
    }

    @Test
    void dependenciesComeThroughConstructors() {
        noFields().should().beAnnotatedWith(Inject.class)
                .because("constructor injection keeps dependencies visible and fields final")
                .check(classes);
    }

    private String[] packages(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = root + "." + names[i] + "..";
        }
        return packages;
    }
}
