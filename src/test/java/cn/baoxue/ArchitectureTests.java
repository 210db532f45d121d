package cn.baoxue;

import cn.baoxue.testing.QuickTier;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The floors of docs/architecture.md, checked on the compiled classes: the ground floor
 * ({@code cn.baoxue.kernel}) owns the shared vocabulary and imports no feature; features may use
 * each other, but never in a circle.
 */
@QuickTier
class ArchitectureTests {

  static JavaClasses baoxue;

  @BeforeAll
  static void importClasses() {
    baoxue = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.baoxue");
  }

  @Test
  void theGroundFloorImportsNoFeature() {
    noClasses().that().resideInAPackage("cn.baoxue.kernel..")
        .should().dependOnClassesThat(resideInAPackage("cn.baoxue..").and(resideOutsideOfPackage("cn.baoxue.kernel..")))
        .check(baoxue);
  }

  @Test
  void noTwoFeaturesDependOnEachOtherInACircle() {
    slices().matching("cn.baoxue.(*)..").should().beFreeOfCycles().check(baoxue);
  }
}
