using System.ComponentModel.DataAnnotations;
using System.Reflection;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Marketplace.BuildingBlocks.Infrastructure.Modules;

/// <summary>Where the database is; validated at start-up.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    [Required(ErrorMessage = "Database:ConnectionString is required (or set MARKETPLACE_DB).")]
    public string ConnectionString { get; set; } = "";
}

public static class ModuleServiceCollectionExtensions
{
    /// <summary>The shared machinery every module relies on: clock, outbox, relay, delivery, module catalog.</summary>
    public static IServiceCollection AddModuleInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        Catalog(services);
        services.TryAddScoped<IntegrationEventOutbox>();
        services.TryAddScoped<IIntegrationEventPublisher>(sp => sp.GetRequiredService<IntegrationEventOutbox>());
        services.TryAddScoped<IOutboxRelayTrigger, HangfireOutboxRelayTrigger>();
        services.TryAddScoped<OutboxRelay>();
        services.TryAddScoped<IntegrationEventDelivery>();
        return services;
    }

    /// <summary>Registers a module: its DbContext on its own schema, its validators, and its place in the catalog.</summary>
    public static IServiceCollection AddModule<TContext>(this IServiceCollection services, string name, string schema, params Assembly[] assemblies)
        where TContext : ModuleDbContext
    {
        services.AddModuleInfrastructure();
        Catalog(services).Add(new ModuleDescriptor(name, schema, typeof(TContext), [typeof(TContext).Assembly, .. assemblies]));
        services.AddDbContext<TContext>((sp, options) =>
            options.UseModuleDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, schema));
        services.AddValidatorsFromAssemblies(assemblies, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }

    private static ModuleCatalog Catalog(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(ModuleCatalog))?.ImplementationInstance is ModuleCatalog existing)
        {
            return existing;
        }

        var catalog = new ModuleCatalog();
        services.AddSingleton(catalog);
        return catalog;
    }
}
