using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

public sealed class LayerTests
{
    private static PredicateList TypesOf(string module, string layer) =>
        Types.InAssembly(Modules.Load(module, layer)).That().ResideInNamespace($"Marketplace.{module}.{layer}");

    public static TheoryData<string> ModuleNames() => new(Modules.Names);

    [Theory, MemberData(nameof(ModuleNames))]
    public void Domain_depends_on_building_blocks_and_skills_only(string module)
    {
        var result = Rules.DomainIsPure(TypesOf(module, "Domain"), module);
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Application_does_not_see_infrastructure_or_frameworks(string module)
    {
        var result = Rules.ApplicationSeesNoInfrastructure(TypesOf(module, "Application"), module);
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Web_sends_commands_and_never_touches_persistence(string module)
    {
        var result = Rules.WebDoesNotTouchPersistence(TypesOf(module, "Web"), module);
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Contracts_hold_no_framework_and_no_internals(string module)
    {
        var result = Rules.ContractsAreLight(TypesOf(module, "Contracts"), module);
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Every_layer_sees_other_modules_only_through_their_contracts(string module)
    {
        foreach (var layer in Modules.Layers)
        {
            var result = Rules.SeesOtherModulesOnlyThroughContracts(TypesOf(module, layer), module);
            result.IsSuccessful.ShouldBeTrue($"{module}.{layer}: {Rules.Explain(result)}");
        }
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Concrete_classes_are_sealed(string module)
    {
        foreach (var layer in Modules.Layers)
        {
            var result = Rules.ConcreteClassesAreSealed(TypesOf(module, layer));
            result.IsSuccessful.ShouldBeTrue($"{module}.{layer}: {Rules.Explain(result)}");
        }
    }

    [Theory, MemberData(nameof(ModuleNames))]
    public void Handlers_are_public_so_the_generated_mediator_can_reach_them(string module)
    {
        var result = Rules.HandlersArePublic(TypesOf(module, "Application"));
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Fact]
    public void Skills_library_is_pure()
    {
        var result = Types.InAssembly(System.Reflection.Assembly.Load("Marketplace.Skills"))
            .ShouldNot().HaveDependencyOnAny([.. Rules.Frameworks, "Marketplace.BuildingBlocks", "Marketplace.Jobs",
                "Marketplace.Profiles", "Marketplace.Courses", "Marketplace.Identity", "System.Net.Http", "System.Data"])
            .GetResult();
        result.IsSuccessful.ShouldBeTrue(Rules.Explain(result));
    }

    [Fact]
    public void Building_blocks_domain_and_application_stay_framework_free()
    {
        var domain = Types.InAssembly(System.Reflection.Assembly.Load("Marketplace.BuildingBlocks.Domain"))
            .ShouldNot().HaveDependencyOnAny([.. Rules.Frameworks, "FluentValidation", "Marketplace.BuildingBlocks.Application"]).GetResult();
        domain.IsSuccessful.ShouldBeTrue(Rules.Explain(domain));

        var application = Types.InAssembly(System.Reflection.Assembly.Load("Marketplace.BuildingBlocks.Application"))
            .ShouldNot().HaveDependencyOnAny(Rules.InfrastructureOnly).GetResult();
        application.IsSuccessful.ShouldBeTrue(Rules.Explain(application));
    }
}
