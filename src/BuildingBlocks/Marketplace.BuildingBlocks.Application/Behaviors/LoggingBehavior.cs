using System.Diagnostics;
using Marketplace.BuildingBlocks.Domain;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Marketplace.BuildingBlocks.Application.Behaviors;

/// <summary>First in the pipeline: one structured log line per command or query, with its outcome and duration.</summary>
public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var name = typeof(TMessage).Name;
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response is Result { IsFailure: true } failure)
            {
                LogFailed(logger, name, failure.FirstError.Code, elapsed);
            }
            else
            {
                LogHandled(logger, name, elapsed);
            }

            return response;
        }
        catch (Exception exception)
        {
            LogThrew(logger, exception, name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageName} handled in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageName} failed with {ErrorCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string messageName, string errorCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageName} threw after {ElapsedMs:0.0} ms")]
    private static partial void LogThrew(ILogger logger, Exception exception, string messageName, double elapsedMs);
}
