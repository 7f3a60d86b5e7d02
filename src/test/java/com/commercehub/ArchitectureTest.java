package com.commercehub;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The package rules of STYLE.md, checked on the compiled main code. */
class ArchitectureTest {

    private static final String ROOT = "com.commercehub";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void vaadin_is_used_only_in_ui_packages() {
        noClasses().that().resideOutsideOfPackages("..ui..", ROOT + ".buyer..")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void repositories_are_internal_to_their_feature() {
        classes().that().areAssignableTo(Repository.class).should().notBePublic().check(CLASSES);
    }

    @Test
    void services_do_not_depend_on_ui() {
        noClasses().that().areAnnotatedWith(Service.class)
                .should().dependOnClassesThat().resideInAPackage("..ui..")
                .check(CLASSES);
    }

    @Test
    void services_are_secured_with_spring_and_views_with_vaadin() {
        // JSR-250 method security is off: @RolesAllowed on a service would silently not be enforced.
        noClasses().that().resideOutsideOfPackage("..ui..")
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .check(CLASSES);
        noMethods().that().areDeclaredInClassesThat().resideOutsideOfPackage("..ui..")
                .should().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .check(CLASSES);
        noClasses().that().resideInAPackage("..ui..")
                .should().beAnnotatedWith(org.springframework.security.access.annotation.Secured.class)
                .check(CLASSES);
    }

    @Test
    void every_date_field_is_the_one_that_reports_unreadable_dates() {
        // A bare DatePicker turns "31.02." into an empty value without a word; DateField says so and is not saved.
        noClasses().that().resideOutsideOfPackage(ROOT + ".base.ui")
                .should().callConstructorWhere(DescribedPredicate.describe("new DatePicker(..)",
                        call -> call.getTargetOwner().isEquivalentTo(com.vaadin.flow.component.datepicker.DatePicker.class)))
                .check(CLASSES);
    }

    @Test
    void base_depends_on_no_feature() {
        noClasses().that().resideInAPackage(ROOT + ".base..")
                .should().dependOnClassesThat(ourClassOutside(ROOT + ".base"))
                .check(CLASSES);
    }

    @Test
    void stripe_depends_only_on_base() {
        noClasses().that().resideInAPackage(ROOT + ".stripe..")
                .should().dependOnClassesThat(ourClassOutside(ROOT + ".base", ROOT + ".stripe"))
                .check(CLASSES);
    }

    @Test
    void payment_records_depend_only_on_base() {
        // Payments are written by checkout (and later links and invoices) and read by dashboards: they know none of them.
        noClasses().that().resideInAPackage(ROOT + ".payment")
                .should().dependOnClassesThat(ourClassOutside(ROOT + ".base", ROOT + ".payment"))
                .check(CLASSES);
    }

    @Test
    void mail_depends_only_on_base() {
        // Every feature may send e-mail, so the outbox must not depend on any of them.
        noClasses().that().resideInAPackage(ROOT + ".mail..")
                .should().dependOnClassesThat(ourClassOutside(ROOT + ".base", ROOT + ".mail"))
                .check(CLASSES);
    }

    @Test
    void sandbox_depends_only_on_base() {
        // The sandbox stands in for Stripe: the app reaches it over HTTP only, never through our code.
        noClasses().that().resideInAPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat(ourClassOutside(ROOT + ".base", ROOT + ".sandbox"))
                .check(CLASSES);
        noClasses().that().resideOutsideOfPackage(ROOT + ".sandbox..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".sandbox..")
                .check(CLASSES);
    }

    @Test
    void every_feature_root_explains_itself_in_package_info() throws IOException {
        Path root = Path.of("src/main/java/com/commercehub");
        try (Stream<Path> features = Files.list(root)) {
            features.filter(Files::isDirectory).forEach(feature ->
                    assertThat(feature.resolve("package-info.java")).as("package-info of %s", feature).exists());
        }
    }

    private static DescribedPredicate<JavaClass> ourClassOutside(String... allowedPackages) {
        return DescribedPredicate.describe("classes of ours outside " + String.join(", ", allowedPackages),
                javaClass -> {
                    String name = javaClass.getPackageName();
                    if (!name.startsWith(ROOT + ".")) {
                        return false;
                    }
                    for (String allowed : allowedPackages) {
                        if (name.equals(allowed) || name.startsWith(allowed + ".")) {
                            return false;
                        }
                    }
                    return true;
                });
    }
}
