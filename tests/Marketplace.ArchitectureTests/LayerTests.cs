using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

public sealed class LayerTests
{
    public static TheoryData<string> ModuleNames() => new(Modules.Names);

    public static TheoryData<string, string> ModuleLayers()
    {
        var data = new TheoryData<string, string>();
        foreach (var module in Modules.Names)
        {
            foreach (var layer in Modules.Layers)
            {
                data.Add(module, layer);
            }
        }

        return data;
    }

    /// <summary>The types a rule runs over; asserted non-empty, so no rule passes for want of types to check.</summary>
    private static PredicateList? TypesOf(string module, string layer)
    {
        if (Modules.IsListedEmpty(module, layer))
        {
            return null;
        }

        var selection = Modules.Select(module, layer);
        Modules.WhyEmpty(selection, $"Marketplace.{module}.{layer}").ShouldBeNull();
        return selection;
    }

    private static void Check(string module, string layer, Func<PredicateList, TestResult> rule)
    {
        if (TypesOf(module, layer) is { } types)
        {
            var result = rule(types);
            result.IsSuccessful.ShouldBeTrue($"{module}.{layer}: {Rules.Explain(result)}");
        }
    }

    [Theory, MemberData(nameof(ModuleLayers))]
    public void Every_layer_selection_holds_types_unless_listed_as_empty(string module, string layer)
    {
        var why = Modules.WhyEmpty(Modules.Select(module, layer), $"Marketplace.{module}.{layer}");
        if (!Modules.IsListedEmpty(module, layer))
        {
            why.ShouldBeNull();
        }
    }

    [Theory, MemberData(nameof(ModuleLayers))]
    public void Layers_listed_as_empty_really_are_empty(string module, string layer)
    {
        if (Modules.IsListedEmpty(module, layer))
        {
            Modules.Select(module, layer).GetTypes().ShouldBeEmpty($"Marketplace.{module}.{layer} has code now: remove it from Modules.EmptyLayers.");
        }
    }

    [Fact]
    public void Every_listed_empty_layer_names_a_module_layer() =>
        Modules.EmptyLayers.ShouldAllBe(l => Modules.Names.Any(m => Modules.Layers.Any(layer => $"{m}.{layer}" == l)));

    [Theory, MemberData(nameof(ModuleNames))]
    public void Domain_depends_on_building_blocks_and_skills_only(string module) =>
        Check(module, "Domain", types => Rules.DomainIsPure(types, module));

    [Theory, MemberData(nameof(ModuleNames))]
    public void Application_does_not_see_infrastructure_or_frameworks(string module) =>
        Check(module, "Application", types => Rules.ApplicationSeesNoInfrastructure(types, module));

    [Theory, MemberData(nameof(ModuleNames))]
    public void Web_sends_commands_and_never_touches_persistence(string module) =>
        Check(module, "Web", types => Rules.WebDoesNotTouchPersistence(types, module));

    [Theory, MemberData(nameof(ModuleNames))]
    public void Contracts_hold_no_framework_and_no_internals(string module) =>
        Check(module, "Contracts", types => Rules.ContractsAreLight(types, module));

    [Theory, MemberData(nameof(ModuleLayers))]
    public void Every_layer_sees_other_modules_only_through_their_contracts(string module, string layer) =>
        Check(module, layer, types => Rules.SeesOtherModulesOnlyThroughContracts(types, module));

    [Theory, MemberData(nameof(ModuleLayers))]
    public void Concrete_classes_are_sealed(string module, string layer) =>
        Check(module, layer, Rules.ConcreteClassesAreSealed);

    [Theory, MemberData(nameof(ModuleNames))]
    public void Handlers_are_public_so_the_generated_mediator_can_reach_them(string module) =>
        Check(module, "Application", Rules.HandlersArePublic);

    [Fact]
    public void Skills_library_is_pure()
    {
        var result = Types.InAssembly(System.Reflection.Assembly.Load("Marketplace.Skills"))
            .ShouldNot().HaveDependencyOnAny([.. Rules.Frameworks, "Marketplace.BuildingBlocks", .. Modules.Names.Select(m => $"Marketplace.{m}"),
                "System.Net.Http", "System.Data"])
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
