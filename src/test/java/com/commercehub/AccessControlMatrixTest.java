package com.commercehub;

import com.commercehub.base.security.Role;
import com.commercehub.testsupport.KaribuTest;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.server.auth.NavigationContext;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, observed rather than assumed: every staff route in Vaadin's route registry and every public
 * method of every {@code @Service} bean in the product is tried signed out and as each role, and the observed
 * table must equal the checked-in expectation ({@code src/test/resources/access/expected-access.txt}) both ways —
 * a route or method nobody listed fails, and so does a listed expectation that is no longer true. The observed
 * table is written to {@code target/access-table.md} and {@code docs/ACCESS.md}.
 * <p>
 * Routes are judged by the application's own {@link NavigationAccessControl}, the check a browser's navigation
 * passes. Service methods are called through a copy of the bean's proxy that keeps the bean's own Spring Security
 * interceptors and ends in a stop instead of the method: the decision is the one the real proxy makes, and an
 * allowed call touches no data (no Stripe call, no row written), so the shared test database is left as it was.
 */
class AccessControlMatrixTest extends KaribuTest {

    enum Subject {
        ANONYMOUS, ADMIN, SALES, FINANCE
    }

    private static final String EXPECTATION = "/access/expected-access.txt";

    @Test
    void every_route_and_service_method_allows_exactly_the_roles_the_expectation_lists() throws IOException {
        assertThat(Arrays.stream(Role.values()).map(Enum::name).toList())
                .as("a new role needs a column here").containsExactly("ADMIN", "SALES", "FINANCE");
        Map<String, Set<Subject>> observed = new TreeMap<>();
        observed.putAll(routes());
        observed.putAll(serviceMethods());
        writeTable(observed);

        Map<String, Set<Subject>> expected = expectation();
        List<String> problems = new ArrayList<>();
        for (var entry : observed.entrySet()) {
            if (!expected.containsKey(entry.getKey())) {
                problems.add("not in the expectation (decide who may use it, then list it): " + line(entry.getKey(), entry.getValue()));
            } else if (!expected.get(entry.getKey()).equals(entry.getValue())) {
                problems.add("expected " + line(entry.getKey(), expected.get(entry.getKey())) + " but observed " + names(entry.getValue()));
            }
        }
        for (String listed : expected.keySet()) {
            if (!observed.containsKey(listed)) {
                problems.add("listed but no longer exists: " + listed);
            }
        }
        assertThat(problems).as("access table (observed in target/access-table.md)").isEmpty();
    }

    @Test
    void the_table_covers_every_route_and_a_method_of_every_service() {
        Map<String, Set<Subject>> routes = routes();
        assertThat(routes).containsKeys("route /quotes", "route /users", "route /settings/payments", "route /login", "route /");
        assertThat(RouteConfiguration.forApplicationScope().getAvailableRoutes()).hasSize(routes.size());
        Set<String> services = serviceMethods().keySet().stream().map(k -> k.substring(0, k.indexOf('#')))
                .collect(Collectors.toSet());
        assertThat(services).contains("service quote.QuoteService", "service stripe.StripeConnectionService",
                "service dashboard.Exports");
    }

    private Map<String, Set<Subject>> routes() {
        NavigationAccessControl control = context.getBean(NavigationAccessControl.class);
        Map<String, Set<Subject>> table = new TreeMap<>();
        for (Subject subject : Subject.values()) {
            signInAs(subject);
            for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
                String path = route.getTemplate().replaceAll(":[^/]+", "1");
                NavigationContext navigation = control.createNavigationContext(route.getNavigationTarget(), path,
                        VaadinService.getCurrent(), VaadinRequest.getCurrent());
                boolean allowed = control.checkAccess(navigation, true).decision() == AccessCheckDecision.ALLOW;
                Set<Subject> who = table.computeIfAbsent("route /" + route.getTemplate(), k -> EnumSet.noneOf(Subject.class));
                if (allowed) {
                    who.add(subject);
                }
            }
        }
        logout();
        return table;
    }

    private Map<String, Set<Subject>> serviceMethods() {
        Map<String, Set<Subject>> table = new TreeMap<>();
        Map<String, Object> probes = new LinkedHashMap<>();
        Map<String, List<Method>> methods = new LinkedHashMap<>();
        for (Object bean : context.getBeansWithAnnotation(Service.class).values()) {
            Class<?> type = ClassUtils.getUserClass(bean);
            if (!type.getPackageName().startsWith("com.commercehub")) {
                continue;
            }
            String name = type.getName().substring("com.commercehub.".length());
            probes.put(name, probe(bean));
            methods.put(name, Arrays.stream(type.getMethods())
                    .filter(m -> !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge())
                    .filter(m -> m.getDeclaringClass().getPackageName().startsWith("com.commercehub"))
                    .toList());
        }
        for (Subject subject : Subject.values()) {
            signInAs(subject);
            for (var entry : methods.entrySet()) {
                for (Method method : entry.getValue()) {
                    Set<Subject> who = table.computeIfAbsent("service " + entry.getKey() + "#" + signature(method),
                            k -> EnumSet.noneOf(Subject.class));
                    if (allowed(probes.get(entry.getKey()), method)) {
                        who.add(subject);
                    }
                }
            }
        }
        logout();
        return table;
    }

    /** The bean's Spring Security interceptors, in their order, in front of a stop that never reaches the bean. */
    private static Object probe(Object bean) {
        ProxyFactory factory = new ProxyFactory();
        factory.setProxyTargetClass(true);
        if (bean instanceof Advised advised) {
            factory.setTargetSource(advised.getTargetSource());
            for (Advisor advisor : advised.getAdvisors()) {
                if (advisor.getAdvice().getClass().getName().startsWith("org.springframework.security.")
                        || advisor.getClass().getName().startsWith("org.springframework.security.")) {
                    factory.addAdvisor(advisor);
                }
            }
        } else {
            factory.setTarget(bean);
        }
        factory.addAdvisor(new DefaultPointcutAdvisor((MethodInterceptor) invocation -> {
            throw new StoppedBeforeTheMethod();
        }));
        return factory.getProxy(ClassUtils.getUserClass(bean).getClassLoader());
    }

    private static boolean allowed(Object probe, Method method) {
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(AccessControlMatrixTest::dummy).toArray();
        try {
            method.setAccessible(true);
            method.invoke(probe, arguments);
            throw new AssertionError("the probe reached " + method);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StoppedBeforeTheMethod) {
                return true;
            }
            if (cause instanceof AccessDeniedException || cause instanceof AuthenticationCredentialsNotFoundException) {
                return false;
            }
            throw new AssertionError("unexpected outcome of " + method, cause);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Object dummy(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == short.class) {
            return (short) 0;
        }
        if (type == byte.class) {
            return (byte) 0;
        }
        return 0;
    }

    private static String signature(Method method) {
        return method.getName() + "(" + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",")) + ")";
    }

    private void signInAs(Subject subject) {
        logout();
        if (subject != Subject.ANONYMOUS) {
            login(subject.name().toLowerCase() + "@example.com", Role.valueOf(subject.name()));
        }
    }

    private static Map<String, Set<Subject>> expectation() throws IOException {
        Map<String, Set<Subject>> expected = new TreeMap<>();
        try (InputStream in = AccessControlMatrixTest.class.getResourceAsStream(EXPECTATION)) {
            assertThat(in).as(EXPECTATION).isNotNull();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = raw.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+");
                assertThat(parts).as("line '%s': kind, name, then who (or -)", text).hasSizeGreaterThanOrEqualTo(3);
                Set<Subject> who = EnumSet.noneOf(Subject.class);
                for (int i = 2; i < parts.length; i++) {
                    if (!parts[i].equals("-")) {
                        who.add(Subject.valueOf(parts[i]));
                    }
                }
                assertThat(expected.put(parts[0] + " " + parts[1], who)).as("listed twice: %s", text).isNull();
            }
        }
        return expected;
    }

    private static String names(Set<Subject> who) {
        return who.isEmpty() ? "-" : who.stream().map(Enum::name).collect(Collectors.joining(" "));
    }

    private static String line(String key, Set<Subject> who) {
        return key + "  " + names(who);
    }

    private static void writeTable(Map<String, Set<Subject>> observed) throws IOException {
        StringBuilder expectationForm = new StringBuilder();
        StringBuilder markdown = new StringBuilder("""
                # Access control: who may do what

                Generated by `AccessControlMatrixTest` (observed, not declared): every staff route from Vaadin's route \
                registry, judged by the app's navigation access control, and every public method of every `@Service` \
                bean, called through its Spring Security interceptors signed out (anonymous) and as each role. The test \
                fails when this differs from `src/test/resources/access/expected-access.txt`, or when a route or method \
                is not listed there. ✔ = allowed, · = denied.

                | kind | route or method | anonymous | ADMIN | SALES | FINANCE |
                |---|---|---|---|---|---|
                """);
        for (var entry : observed.entrySet()) {
            String kind = entry.getKey().substring(0, entry.getKey().indexOf(' '));
            String name = entry.getKey().substring(kind.length() + 1);
            expectationForm.append(line(entry.getKey(), entry.getValue())).append('\n');
            markdown.append("| ").append(kind).append(" | `").append(name.replace("|", "\\|")).append("` |");
            for (Subject subject : Subject.values()) {
                markdown.append(entry.getValue().contains(subject) ? " ✔ |" : " · |");
            }
            markdown.append('\n');
        }
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("access-table.md"), markdown);
        Files.writeString(target.resolve("access-observed.txt"), expectationForm);
        if (Files.isDirectory(Path.of("docs"))) {
            Files.writeString(Path.of("docs", "ACCESS.md"), markdown);
        }
    }

    private static final class StoppedBeforeTheMethod extends RuntimeException {
        StoppedBeforeTheMethod() {
            super(null, null, false, false);
        }
    }
}
