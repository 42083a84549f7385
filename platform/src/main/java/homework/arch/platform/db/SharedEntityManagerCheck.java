package homework.arch.platform.db;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.persistence.PersistenceContext;

/**
 * Fails the deployment when a bean other than platform's {@link ServiceDatabase} declares its own
 * {@code @PersistenceContext}: it would get its own session, and its writes would commit on a
 * connection of their own, apart from the rest of the transaction (see {@link ServiceDatabase}).
 * Such a bean injects {@code @ServiceDatabase.Shared EntityManager} instead.
 */
public class SharedEntityManagerCheck implements Extension {

    private final List<String> violations = new ArrayList<>();

    <T> void inspect(@Observes @WithAnnotations(PersistenceContext.class) ProcessAnnotatedType<T> type) {
        violations.addAll(violations(type.getAnnotatedType().getJavaClass()));
    }

    void fail(@Observes AfterBeanDiscovery discovery) {
        violations.forEach(violation -> discovery.addDefinitionError(new DefinitionException(violation)));
    }

    /** One message per {@code @PersistenceContext} that {@code type} declares; only {@link ServiceDatabase} may. */
    static List<String> violations(Class<?> type) {
        if (type == ServiceDatabase.class) {
            return List.of();
        }
        Stream<AnnotatedElement> members = Stream.of(
                Arrays.stream(type.getDeclaredFields()),
                Arrays.stream(type.getDeclaredMethods()),
                Stream.concat(Arrays.stream(type.getDeclaredMethods()), Arrays.stream(type.getDeclaredConstructors()))
                        .flatMap(executable -> Arrays.stream(((Executable) executable).getParameters())))
                .flatMap(s -> s);
        return members.filter(member -> member.isAnnotationPresent(PersistenceContext.class))
                .map(member -> type.getName() + " declares its own @PersistenceContext (" + member
                        + "): inject @ServiceDatabase.Shared EntityManager instead, so that all writes of a"
                        + " transaction commit on one connection")
                .toList();
    }
}
