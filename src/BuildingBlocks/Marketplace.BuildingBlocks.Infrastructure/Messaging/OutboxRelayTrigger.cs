using Hangfire;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Infrastructure.Messaging;

/// <summary>Starts a relay of a module's outbox as soon as a transaction that wrote to it has committed.</summary>
public interface IOutboxRelayTrigger
{
    void RelayAfterCommit(string moduleName);
}

public sealed partial class HangfireOutboxRelayTrigger(IBackgroundJobClient jobs, ILogger<HangfireOutboxRelayTrigger> logger) : IOutboxRelayTrigger
{
    public void RelayAfterCommit(string moduleName)
    {
        try
        {
            jobs.Enqueue<OutboxRelay>(relay => relay.RelayAsync(moduleName, CancellationToken.None));
        }
        catch (Exception exception)
        {
            // The change is committed and its events are safe in the outbox: the recurring sweep relays them.
            LogNotTriggered(logger, exception, moduleName);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the relay of the {Module} outbox; the sweep will relay it")]
    private static partial void LogNotTriggered(ILogger logger, Exception exception, string module);
}
