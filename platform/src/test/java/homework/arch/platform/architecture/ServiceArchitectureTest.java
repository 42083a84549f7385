package homework.arch.platform.architecture;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import homework.arch.platform.client.RemoteCalls;
import homework.arch.platform.failure.DomainException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The shape every service has, checked on its compiled classes: {@code api} (and {@code messaging},
 * the other way in) → {@code application} → adapters ({@code persistence}, {@code client},
 * {@code outbox}) → {@code domain}; no cycle between packages; no HTTP type below the way in;
 * constructor injection; expected failures named in the domain; other services reached through
 * ports; no write outside a transaction that the application began. Each service runs it with a subclass naming its root package.
 */
public abstract class ServiceArchitectureTest {

    private static final String[] PACKAGES = {"api", "messaging", "application", "persistence", "client", "outbox",
            "domain"};

    /** The entity manager's writes. */
    private static final Set<String> WRITES = Set.of("persist", "merge", "remove");

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

    @Test
    void expectedFailuresAreNamedInTheDomain() {
        noClasses().that().resideOutsideOfPackage(root + ".domain..")
                .should().callConstructorWhere(DescribedPredicate.describe("one of platform's failure kinds itself",
                        (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(DomainException.class)
                                && !call.getTargetOwner().getPackageName().startsWith(root + ".")))
                .because("a failure the API answers with a 4xx or 5xx is a class in the domain that names it"
                        + " (OrderNotFoundException), so every place that meets it says the same")
                .check(classes);
    }

    @Test
    void theApplicationCallsOtherServicesThroughPorts() {
        noClasses().that().resideInAPackage(root + ".application..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are a client of another service",
                        (JavaClass type) -> type.getPackageName().startsWith(root + ".client")
                                || type.getAllFields().stream().anyMatch(field -> field.getRawType().isEquivalentTo(RemoteCalls.class))))
                .because("a use case names what it needs of another service as an interface in the domain"
                        + " (AccountOpener, Billing) or users' Users, and the client package implements it")
                .check(classes);
    }

    @Test
    void aWriteJoinsTheApplicationsTransactionAndNeverRunsAlone() {
        methods().that().areDeclaredInClassesThat().resideInAnyPackage(packages("persistence", "outbox"))
                .and(DescribedPredicate.describe("write through the entity manager",
                        ServiceArchitectureTest::writes))
                .should(new ArchCondition<>("be @Transactional(MANDATORY), or REQUIRES_NEW for a job's own") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        Transactional.TxType type = method.tryGetAnnotationOfType(Transactional.class)
                                .map(Transactional::value).orElse(null);
                        boolean ok = type == Transactional.TxType.MANDATORY || type == Transactional.TxType.REQUIRES_NEW;
                        events.add(new SimpleConditionEvent(method, ok, method.getFullName() + " writes with "
                                + (type == null ? "no @Transactional" : "@Transactional(" + type + ")")));
                    }
                })
                .because("the application's use case holds the transaction; a write that could run alone would"
                        + " commit apart from the writes it belongs with")
                .check(classes);
    }

    /** Persists, merges, removes or runs an update: a writing query that returns rows is not seen. */
    private static boolean writes(JavaMethod method) {
        for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
            String name = call.getName();
            if (call.getTargetOwner().isAssignableTo(EntityManager.class) && WRITES.contains(name)
                    || call.getTargetOwner().isAssignableTo(Query.class) && name.equals("executeUpdate")) {
                return true;
            }
        }
        return false;
    }

    private String[] packages(String... names) {
        String[] packages = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            packages[i] = root + "." + names[i] + "..";
        }
        return packages;
    }
}
