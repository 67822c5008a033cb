using Marketplace.BuildingBlocks.Infrastructure.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>
/// Handler names found in the inboxes that no composed handler has anymore. Each stands for a handler that was renamed or
/// removed: an event delivered again would run its successor a second time. Logged at start-up as an error.
/// </summary>
public sealed partial class InboxNameCheck(IServiceScopeFactory scopes, ModuleCatalog catalog, MessagingNames names, ILogger<InboxNameCheck> logger)
    : IHostedService
{
    /// <summary>"module: handler name" for every inbox row's handler that no composed handler carries.</summary>
    public async Task<IReadOnlyList<string>> UnknownNamesAsync(CancellationToken cancellationToken)
    {
        var unknown = new List<string>();
        await using var scope = scopes.CreateAsyncScope();
        foreach (var module in catalog.Modules)
        {
            var stored = await catalog.ResolveContext(scope.ServiceProvider, module).InboxMessages
                .Select(m => m.Handler).Distinct().ToListAsync(cancellationToken);
            unknown.AddRange(stored.Where(name => names.FindHandler(name)?.Module != module).Order(StringComparer.Ordinal).Select(name => $"{module.Name}: {name}"));
        }

        return unknown;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var unknown = await UnknownNamesAsync(cancellationToken);
            if (unknown.Count > 0)
            {
                LogUnknown(logger, string.Join("; ", unknown));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotChecked(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox rows name handlers that no longer exist (renamed or removed; give the new class the old name): {Names}")]
    private static partial void LogUnknown(ILogger logger, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the inboxes' handler names")]
    private static partial void LogNotChecked(ILogger logger, Exception exception);
}
