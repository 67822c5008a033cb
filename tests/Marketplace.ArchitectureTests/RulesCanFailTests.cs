using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

/// <summary>Each rule applied to a deliberate violation kept in this assembly must fail, so none passes vacuously.</summary>
public sealed class RulesCanFailTests
{
    private static PredicateList Violations(string name) =>
        Types.InAssembly(typeof(RulesCanFailTests).Assembly).That().ResideInNamespace($"Marketplace.ArchitectureTests.Violations.{name}");

    private static void ShouldFail(TestResult result, string expectedType)
    {
        result.IsSuccessful.ShouldBeFalse();
        result.FailingTypeNames.ShouldContain(n => n.EndsWith(expectedType, StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_rule_catches_a_domain_type_using_EF_Core() =>
        ShouldFail(Rules.DomainIsPure(Violations("DomainUsesEf"), "Jobs"), "PostingWithDbContext");

    [Fact]
    public void Application_rule_catches_an_application_type_using_Hangfire() =>
        ShouldFail(Rules.ApplicationSeesNoInfrastructure(Violations("ApplicationUsesHangfire"), "Jobs"), "HandlerThatEnqueues");

    [Fact]
    public void Web_rule_catches_a_page_touching_a_DbContext() =>
        ShouldFail(Rules.WebDoesNotTouchPersistence(Violations("WebUsesDbContext"), "Jobs"), "PageWithDbContext");

    [Fact]
    public void Contracts_rule_catches_a_contract_exposing_a_framework_type() =>
        ShouldFail(Rules.ContractsAreLight(Violations("ContractUsesEf"), "Jobs"), "ContractWithEntityEntry");

    [Fact]
    public void Module_rule_catches_a_reference_to_another_modules_domain() =>
        ShouldFail(Rules.SeesOtherModulesOnlyThroughContracts(Violations("ReachesIntoOtherModule"), "Profiles"), "ProfileReadingJobsDomain");

    [Fact]
    public void Sealed_rule_catches_an_open_concrete_class() =>
        ShouldFail(Rules.ConcreteClassesAreSealed(Violations("Unsealed")), "OpenForNoReason");

    [Fact]
    public void Handler_rule_catches_an_internal_handler() =>
        ShouldFail(Rules.HandlersArePublic(Violations("InternalHandler")), "HiddenHandler");

    [Fact]
    public void Empty_selection_guard_catches_a_selection_that_matches_nothing()
    {
        var misspelt = Types.InAssembly(typeof(RulesCanFailTests).Assembly).That().ResideInNamespace("Marketplace.ArchitectureTests.Violations.NoSuchNamespace");
        Modules.WhyEmpty(misspelt, "a misspelt namespace").ShouldNotBeNull();
        Modules.WhyEmpty(Violations("Unsealed"), "the unsealed sample").ShouldBeNull();
    }
}
