using Marketplace.ArchitectureTests.Violations.Composition;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Marketplace.Jobs.Infrastructure.Persistence;
using Marketplace.Testing;
using Marketplace.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace Marketplace.ArchitectureTests;

/// <summary>The real host, with no Hangfire server; keeps what the host registered so tests can look at it.</summary>
public sealed class CompositionFixture : MarketplaceFixture
{
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

    public override AppOptions AppOptions => new()
    {
        BackgroundServer = false,
        RelayAfterCommit = false,
        Services = services => Registrations = [.. services],
    };
}

/// <summary>
/// The module descriptors are the one list: each test checks that the composed host agrees with them, and then shows the same
/// check failing on a deliberate mistake, so none passes for want of anything to look at.
/// </summary>
public sealed class CompositionTests(CompositionFixture fixture) : IClassFixture<CompositionFixture>
{
    private static readonly IReadOnlyList<ModuleDescriptor> Modules = HostModules.All;

    private IReadOnlyList<Type> RegisteredHandlers => Composition.RegisteredMediatorHandlers(fixture.Registrations);

    [Fact]
    public void The_generated_mediator_registers_exactly_the_handlers_of_the_modules_descriptors()
    {
        RegisteredHandlers.ShouldNotBeEmpty();
        Composition.MediatorHandlersOutsideTheirModule(RegisteredHandlers, Modules).ShouldBeEmpty();
        Composition.UnregisteredMediatorHandlers(RegisteredHandlers, Modules).ShouldBeEmpty();
    }

    [Fact]
    public void A_module_left_out_of_the_list_or_a_handler_left_out_of_the_mediator_is_caught()
    {
        var withoutCourses = Modules.Where(m => m.Title != "Courses").ToList();
        Composition.MediatorHandlersOutsideTheirModule(RegisteredHandlers, withoutCourses)
            .ShouldContain(p => p.Contains("ListSkillDemandHandler", StringComparison.Ordinal));

        var missingOne = RegisteredHandlers.Where(h => h.Name != "GetPostingHandler");
        Composition.UnregisteredMediatorHandlers(missingOne, Modules).ShouldHaveSingleItem().ShouldContain("GetPostingHandler");
    }

    [Fact]
    public async Task Every_handler_and_validator_resolves()
    {
        var services = fixture.Registrations
            .Where(d => Composition.IsMediatorHandler(d.ServiceType) || Composition.MediatorHandlerInterfacesOf(d.ServiceType).Any()
                || (d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IIntegrationEventHandler<>))
                || (d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>)))
            .Select(d => d.ServiceType)
            .ToList();
        services.Count.ShouldBeGreaterThan(10);

        await using var scope = fixture.App.Services.CreateAsyncScope();
        Composition.UnresolvableServices(scope.ServiceProvider, services).ShouldBeEmpty();
    }

    [Fact]
    public void A_handler_whose_dependency_nobody_registered_is_caught()
    {
        var services = new ServiceCollection();
        services.AddScoped<IIntegrationEventHandler<SampleEvent>, NeedsAnUnregisteredService>();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();

        Composition.UnresolvableServices(scope.ServiceProvider, [typeof(IIntegrationEventHandler<SampleEvent>)])
            .ShouldHaveSingleItem().ShouldContain(nameof(IUnregisteredService));
    }

    [Fact]
    public void Every_command_of_every_module_returns_a_result()
    {
        var messages = Composition.TypesOf(Modules).Where(t => typeof(Mediator.IMessage).IsAssignableFrom(t)).ToList();
        messages.ShouldContain(t => typeof(Mediator.IBaseCommand).IsAssignableFrom(t));
        Composition.CommandsNotReturningResult(messages).ShouldBeEmpty();
    }

    [Fact]
    public void A_command_returning_something_else_than_a_result_is_caught() =>
        Composition.CommandsNotReturningResult([typeof(CommandReturningAnInt), typeof(CommandReturningNothing), typeof(PlainRequest), typeof(FineCommand)])
            .Select(p => p.Split(' ')[0])
            .ShouldBe([typeof(CommandReturningAnInt).FullName, typeof(CommandReturningNothing).FullName, typeof(PlainRequest).FullName], ignoreOrder: true);

    [Fact]
    public async Task Every_integration_event_handler_in_src_is_registered_for_its_events()
    {
        // Found by folder, not through the descriptors, so a handler in a module the host does not compose is caught too.
        var assemblies = Composition.ModuleFolders(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "src", "Modules"))
            .SelectMany(f => f.Projects)
            .Select(p => System.Reflection.Assembly.Load(p));
        var handlers = Composition.IntegrationEventHandlerTypes(assemblies.SelectMany(a => a.GetTypes())).ToList();
        handlers.ShouldNotBeEmpty();

        await using var scope = fixture.App.Services.CreateAsyncScope();
        Composition.UnregisteredIntegrationEventHandlers(scope.ServiceProvider, handlers).ShouldBeEmpty();
    }

    [Fact]
    public void Every_integration_event_and_handler_in_src_has_a_stable_name_of_its_own()
    {
        var types = Composition.ModuleFolders(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "src", "Modules"))
            .SelectMany(f => f.Projects).SelectMany(p => System.Reflection.Assembly.Load(p).GetTypes()).ToList();
        var events = types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t)).ToList();
        var handlers = Composition.IntegrationEventHandlerTypes(types).ToList();
        events.ShouldNotBeEmpty();
        handlers.ShouldNotBeEmpty();

        Marketplace.BuildingBlocks.Infrastructure.Messaging.MessagingNames.Problems(events, handlers).ShouldBeEmpty();
        Marketplace.BuildingBlocks.Infrastructure.Messaging.MessagingNames.Problems(events, [.. handlers, typeof(HandlerOutsideEveryModule)])
            .ShouldHaveSingleItem().ShouldContain("HandlerOutsideEveryModule has no [IntegrationEventHandler");
    }

    [Fact]
    public async Task An_integration_event_handler_outside_every_module_is_caught()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        Composition.UnregisteredIntegrationEventHandlers(scope.ServiceProvider, [typeof(HandlerOutsideEveryModule)])
            .ShouldHaveSingleItem().ShouldContain(nameof(HandlerOutsideEveryModule));
    }

    [Fact]
    public void Every_module_folder_has_a_descriptor_with_its_five_projects()
    {
        var folders = Composition.ModuleFolders(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "src", "Modules"));
        folders.Count.ShouldBeGreaterThanOrEqualTo(Modules.Count);
        Composition.UncoveredModuleFolders(folders, Modules).ShouldBeEmpty();
    }

    [Fact]
    public void A_module_folder_without_a_descriptor_or_with_a_stray_project_is_caught()
    {
        var folders = Composition.ModuleFolders(Path.Combine(ProjectReferenceTests.RepositoryRoot(), "src", "Modules")).ToList();
        folders.Add(("Reviews", ["Marketplace.Reviews.Domain"]));
        folders[0] = (folders[0].Folder, [.. folders[0].Projects, $"Marketplace.{folders[0].Folder}.Helpers"]);

        var problems = Composition.UncoveredModuleFolders(folders, Modules);

        problems.ShouldContain(p => p.Contains("src/Modules/Reviews has no descriptor", StringComparison.Ordinal));
        problems.ShouldContain(p => p.Contains(".Helpers is not one of the module's five layers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_descriptor_names_the_schema_its_context_maps_and_a_wrong_one_is_caught()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        Composition.SchemaMismatches(scope.ServiceProvider, Modules).ShouldBeEmpty();

        var wrong = new ModuleDescriptor { Title = "Jobs", Schema = "job", DbContext = typeof(JobsDbContext) };
        Composition.SchemaMismatches(scope.ServiceProvider, [wrong]).ShouldHaveSingleItem().ShouldContain("names the schema job");
    }

    [Fact]
    public async Task Every_declared_api_scope_is_registered_with_a_policy_and_an_undeclared_one_is_caught()
    {
        var declared = fixture.App.Services.GetRequiredService<IApiScopes>().All;
        declared.Select(s => s.Name).ShouldBe(Modules.SelectMany(m => m.ApiScopes).Select(s => s.Name));
        declared.ShouldNotBeEmpty();
        var policies = fixture.App.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var server = fixture.App.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value.Scopes;

        (await Composition.ScopesWithoutPolicyAsync(policies, server, declared)).ShouldBeEmpty();
        (await Composition.ScopesWithoutPolicyAsync(policies, server, [new ApiScope("nothing:read", "Declared by no module.")]))
            .ShouldBe(["the scope nothing:read is not registered with the authorization server", "the scope nothing:read has no policy Api:nothing:read"]);
    }

    [Fact]
    public void Every_module_maps_its_endpoints_through_exactly_one_endpoints_class() =>
        Modules.ShouldAllBe(m => HostModules.EndpointTypes(m).Count == 1);
}
