using NetArchTest.Rules;

namespace Marketplace.ArchitectureTests;

/// <summary>
/// Each rule of STYLE.md as a function of a set of types, so the same rule runs over the real assemblies
/// (and must hold) and over deliberate violations in this assembly (and must fail): no rule passes vacuously.
/// </summary>
internal static class Rules
{
    public static readonly string[] Frameworks =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire", "OpenIddict", "Microsoft.AspNetCore", "Mediator"];

    public static readonly string[] InfrastructureOnly =
        ["Microsoft.EntityFrameworkCore", "Npgsql", "Hangfire", "OpenIddict", "Microsoft.AspNetCore"];

    /// <summary>Domain depends on BuildingBlocks.Domain and Skills only: no EF Core, Mediator, ASP.NET, storage or jobs.</summary>
    public static TestResult DomainIsPure(PredicateList types, string module) =>
        types.ShouldNot().HaveDependencyOnAny(
                [.. Frameworks, "FluentValidation", "Mapster",
                 $"Marketplace.{module}.Application", $"Marketplace.{module}.Infrastructure", $"Marketplace.{module}.Web",
                 "Marketplace.BuildingBlocks.Application", "Marketplace.BuildingBlocks.Infrastructure"])
             .GetResult();

    /// <summary>Application asks through interfaces it owns: no EF Core, Npgsql, Hangfire, OpenIddict, ASP.NET or Infrastructure.</summary>
    public static TestResult ApplicationSeesNoInfrastructure(PredicateList types, string module) =>
        types.ShouldNot().HaveDependencyOnAny(
                [.. InfrastructureOnly, $"Marketplace.{module}.Infrastructure", $"Marketplace.{module}.Web",
                 "Marketplace.BuildingBlocks.Infrastructure"])
             .GetResult();

    /// <summary>A module's Web sends commands and queries; it never touches a DbContext or Infrastructure.</summary>
    public static TestResult WebDoesNotTouchPersistence(PredicateList types, string module) =>
        types.ShouldNot().HaveDependencyOnAny(
                ["Microsoft.EntityFrameworkCore", "Npgsql", $"Marketplace.{module}.Infrastructure", $"Marketplace.{module}.Domain",
                 "Marketplace.BuildingBlocks.Infrastructure"])
             .GetResult();

    /// <summary>A module sees another module only through that module's Contracts.</summary>
    public static TestResult SeesOtherModulesOnlyThroughContracts(PredicateList types, string module) =>
        types.ShouldNot().HaveDependencyOnAny(Modules.InternalsOfOtherModules(module)).GetResult();

    /// <summary>Contracts are what every module may see: plain messages and facades, no framework and no internals.</summary>
    public static TestResult ContractsAreLight(PredicateList types, string module) =>
        types.ShouldNot().HaveDependencyOnAny(
                [.. Frameworks, "FluentValidation", $"Marketplace.{module}.Domain", $"Marketplace.{module}.Application",
                 $"Marketplace.{module}.Infrastructure", $"Marketplace.{module}.Web"])
             .GetResult();

    /// <summary>Classes are sealed unless they are meant to be inherited (abstract) or generated.</summary>
    public static TestResult ConcreteClassesAreSealed(PredicateList types) =>
        types.And().AreClasses().And().AreNotAbstract().And().AreNotStatic()
             .And().DoNotResideInNamespaceContaining("Migrations")
             .And().DoNotResideInNamespace("AspNetCoreGeneratedDocument")
             .And().DoNotHaveNameMatching("^<")
             .And().DoNotHaveNameMatching("Program$")
             .Should().BeSealed().GetResult();

    /// <summary>Handlers live in other assemblies than the generated mediator, which can only reach public types.</summary>
    public static TestResult HandlersArePublic(PredicateList types) =>
        types.And().ImplementInterface(typeof(Mediator.ICommandHandler<,>))
             .Or().ImplementInterface(typeof(Mediator.IQueryHandler<,>))
             .Or().ImplementInterface(typeof(Mediator.IRequestHandler<,>))
             .Should().BePublic().GetResult();

    public static string Explain(TestResult result) =>
        result.IsSuccessful ? "ok" : "violations: " + string.Join(", ", result.FailingTypeNames ?? []);
}
