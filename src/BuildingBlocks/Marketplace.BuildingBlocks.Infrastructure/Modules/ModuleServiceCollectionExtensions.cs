using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Application.Modules;
using Marketplace.BuildingBlocks.Infrastructure.Mail;
using Marketplace.BuildingBlocks.Infrastructure.Messaging;
using Marketplace.BuildingBlocks.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        var catalog = Catalog(services);
        services.TryAddSingleton<IApiScopes>(catalog);
        services.TryAddSingleton<MessagingNames>();
        services.TryAddScoped<IntegrationEventOutbox>();
        services.TryAddScoped<IIntegrationEventPublisher>(sp => sp.GetRequiredService<IntegrationEventOutbox>());
        services.TryAddSingleton<OutboxRelaySignal>();
        services.TryAddScoped<IOutboxRelayTrigger, HangfireOutboxRelayTrigger>();
        services.TryAddScoped<OutboxRelay>();
        services.TryAddScoped<IntegrationEventDelivery>();
        if (!services.Any(d => d.ServiceType == typeof(InboxNameCheck)))
        {
            services.AddSingleton<InboxNameCheck>();
            services.AddHostedService(sp => sp.GetRequiredService<InboxNameCheck>());
            services.AddExceptionHandler<DatabaseUnavailableHandler>();
        }

        return services;
    }

    /// <summary>
    /// Composes the modules, in this order: each gets its place in the catalog, its DbContext on its own schema, the
    /// validators and integration-event handlers found in its assemblies, and then its own registrations.
    /// </summary>
    public static IHostApplicationBuilder AddModules(this IHostApplicationBuilder builder, IEnumerable<ModuleDescriptor> modules)
    {
        var services = builder.Services;
        services.AddModuleInfrastructure();
        builder.AddDurableMail();
        var catalog = Catalog(services);
        foreach (var module in modules)
        {
            catalog.Add(module);
            typeof(ModuleServiceCollectionExtensions).GetMethod(nameof(AddModuleDbContext), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(module.DbContext)
                .Invoke(null, [services, module.Schema]);
            services.AddValidatorsFromAssemblies(module.Assemblies, ServiceLifetime.Scoped, r => module.Owns(r.ValidatorType), includeInternalTypes: true);
            foreach (var handler in module.IntegrationEventHandlers)
            {
                // One instance per scope, whether asked for by its class (a delivery, by name) or by the events it handles.
                services.AddScoped(handler);
                foreach (var handled in ModuleDescriptor.HandledEvents(handler))
                {
                    services.AddScoped(typeof(IIntegrationEventHandler<>).MakeGenericType(handled), sp => sp.GetRequiredService(handler));
                }
            }

            module.Services?.Invoke(builder);
        }

        return builder;
    }

    private static void AddModuleDbContext<TContext>(IServiceCollection services, string schema)
        where TContext : ModuleDbContext =>
        services.AddDbContext<TContext>((sp, options) =>
            options.UseModuleDatabase(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString, schema));

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
