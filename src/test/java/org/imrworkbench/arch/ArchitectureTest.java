package org.imrworkbench.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of DEVELOPERS.md: model ← parse ← library ← ingest / export / search ← analytics (over search) ← cli
 * and ui. As JabRef does, the
 * layering is a test, so a shortcut through it fails the build.
 */
@AnalyzeClasses(packages = "org.imrworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Model").definedBy("org.imrworkbench.model..")
            .layer("Parse").definedBy("org.imrworkbench.parse..")
            .layer("Library").definedBy("org.imrworkbench.library..")
            .layer("Ingest").definedBy("org.imrworkbench.ingest..")
            .layer("Search").definedBy("org.imrworkbench.search..")
            .layer("Export").definedBy("org.imrworkbench.export..")
            .layer("Analytics").definedBy("org.imrworkbench.analytics..")
            .layer("Cli").definedBy("org.imrworkbench.cli..")
            .layer("Ui").definedBy("org.imrworkbench.ui..")
            .layer("Launcher").definedBy("org.imrworkbench")
            .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ui").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
            .whereLayer("Export").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Ingest").mayOnlyBeAccessedByLayers("Cli", "Ui")
            .whereLayer("Analytics").mayOnlyBeAccessedByLayers("Export", "Cli", "Ui") // the binder's statistics
            .whereLayer("Search").mayOnlyBeAccessedByLayers("Export", "Analytics", "Cli", "Ui")
            .whereLayer("Library").mayOnlyBeAccessedByLayers("Ingest", "Search", "Export", "Analytics", "Cli", "Ui")
            .whereLayer("Parse").mayOnlyBeAccessedByLayers("Library", "Ingest", "Search", "Export", "Analytics", "Cli",
                    "Ui")
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule onlyTheUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.imrworkbench.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule theModelIsPlainJava = noClasses().that().resideInAPackage("org.imrworkbench.model..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "com.fasterxml..", "org.apache..",
                    "picocli..");

    @ArchTest
    static final ArchRule noCycles = slices().matching("org.imrworkbench.(*)..").should().beFreeOfCycles();
}
