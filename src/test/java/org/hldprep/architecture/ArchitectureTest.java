package org.hldprep.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

/** The shape of the code, checked on every build: any breach of a rule fails it. */
@AnalyzeClasses(packages = "org.hldprep", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** Packages do not depend on each other in a circle: each can be read, and moved, on its own. */
  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.hldprep.(**)").should().beFreeOfCycles()
      .because("a cycle between packages means neither can change without the other");

  /**
   * Camunda's internal classes ({@code org.camunda.bpm.engine.impl}) change without notice between
   * versions: only the engine adapter package reaches into them.
   */
  @ArchTest
  static final ArchRule ENGINE_INTERNALS_IN_ONE_PACKAGE = noClasses().that()
      .resideOutsideOfPackage("org.hldprep.engine..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
      .because("Camunda's internals are not its API; one package adapts them");

  /** Controllers are the way in: no class calls into one. */
  @ArchTest
  static final ArchRule NOTHING_DEPENDS_ON_CONTROLLERS = noClasses()
      .should().dependOnClassesThat().areAnnotatedWith(RestController.class)
      .because("controllers are entry points, not services");

  /**
   * Delegates and listeners stay thin: no process package reaches into the features built on top of the
   * workflows (starting and changing cycles, the board, migrations).
   */
  @ArchTest
  static final ArchRule PROCESSES_DO_NOT_USE_THE_FEATURES_ABOVE_THEM = noClasses()
      .that().resideInAPackage("org.hldprep.process..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("org.hldprep.cycle..", "org.hldprep.board..", "org.hldprep.migration..")
      .because("a workflow step works the same whether a person or a system drove the cycle");

  /** The shared platform (settings, input parsing, REST errors) knows no feature; features use it. */
  @ArchTest
  static final ArchRule PLATFORM_KNOWS_NO_FEATURE = noClasses()
      .that().resideInAnyPackage("org.hldprep.platform.settings..", "org.hldprep.platform.input..",
          "org.hldprep.platform.api..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("org.hldprep.cycle..", "org.hldprep.board..", "org.hldprep.migration..",
          "org.hldprep.process..", "org.hldprep.notification..", "org.hldprep.routing..")
      .because("the platform is shared by every feature and must not pull one in");
}
