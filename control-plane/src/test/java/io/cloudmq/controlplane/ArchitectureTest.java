package io.cloudmq.controlplane;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Feature boundaries (ARCHITECTURE §2): features meet only through services; no data-plane code. */
class ArchitectureTest {
    private static final ArchCondition<JavaClass> BE_USED_ONLY_IN_THEIR_OWN_PACKAGE =
            new ArchCondition<>("be used only inside their own feature package") {
                @Override
                public void check(JavaClass target, ConditionEvents events) {
                    for (Dependency dependency : target.getDirectDependenciesToSelf()) {
                        if (!dependency.getOriginClass().getPackageName().equals(target.getPackageName())) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    }
                }
            };

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cloudmq.controlplane");
    }

    @Test
    void controlPlaneNeverDependsOnTheDataPlane() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.cloudmq.dataplane..").check(classes);
    }

    @Test
    void entitiesRepositoriesAndControllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(classes);
    }

    @Test
    void entitiesAndRepositoriesAreUsedOnlyInsideTheirFeature() {
        classes().that().areAnnotatedWith(Entity.class).or().areAssignableTo(Repository.class)
                .should(BE_USED_ONLY_IN_THEIR_OWN_PACKAGE)
                .check(classes);
    }

    @Test
    void sharedCodeDoesNotDependOnFeatures() {
        noClasses().that().resideInAPackage("io.cloudmq.controlplane.shared..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.cloudmq.controlplane.instance..", "io.cloudmq.controlplane.topic..",
                        "io.cloudmq.controlplane.consumergroup..", "io.cloudmq.controlplane.upgrade..",
                        "io.cloudmq.controlplane.cluster..", "io.cloudmq.controlplane.security..",
                        "io.cloudmq.controlplane.audit..", "io.cloudmq.controlplane.reconcile..",
                        "io.cloudmq.controlplane.credential..")
                .check(classes);
    }
}
