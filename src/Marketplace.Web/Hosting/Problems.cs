using System.Text.Json;
using Marketplace.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace Marketplace.Web.Hosting;

/// <summary>
/// ProblemDetails for every error: unknown routes (status code pages), unreadable bodies (400 naming the field when the
/// JSON says which), and any unhandled exception (500 with a trace id, never the stack trace).
/// </summary>
public static class Problems
{
    public static WebApplicationBuilder AddProblems(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<BadRequestBodyHandler>();
        builder.Services.AddExceptionHandler<ValueRejectedByDatabaseHandler>();
        // Binding failures throw in every environment, so they reach the handler above rather than leaving an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(options => JsonInput.Configure(options.SerializerOptions));
        return builder;
    }
}

internal sealed class BadRequestBodyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        ProblemDetails problem = Field(badRequest) is { Length: > 0 } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [ResultHttpExtensions.JsonFieldName(field)] = [Find<UnreadableJsonValueException>(badRequest)?.Message ?? "This value could not be read; check its type and format."],
            })
            {
                Title = "The request has invalid fields.",
            }
            : new ProblemDetails { Title = badRequest.StatusCode == StatusCodes.Status400BadRequest ? "The request could not be read." : ReasonPhrases.GetReasonPhrase(badRequest.StatusCode), Detail = badRequest.Message };
        problem.Status = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>The field the JSON names ("salary.min", "requiredSkills[0]"), or empty when it names none.</summary>
    private static string Field(Exception exception)
    {
        var path = (Find<JsonException>(exception)?.Path ?? "$").TrimStart('$', '.');
        return Find<UnreadableJsonValueException>(exception) is { } rejected
            ? path.Length == 0 ? rejected.Field : $"{path}.{rejected.Field}"
            : path;
    }

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}

/// <summary>
/// The last line of defence against bad input: PostgreSQL refusing a value (SQLSTATE class 22, data exception: a number
/// out of range, text too long, a character it cannot store) is the client's bad input that no validator caught, so the
/// answer is 400, not 500. It is logged as a warning, because the right place for the rule is the command's validator,
/// which can name the field.
/// </summary>
internal sealed partial class ValueRejectedByDatabaseHandler(IProblemDetailsService problems, ILogger<ValueRejectedByDatabaseHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var rejected = exception as PostgresException ?? exception.InnerException as PostgresException;
        if (rejected is not { SqlState: ['2', '2', _, _, _] } || httpContext.Response.HasStarted)
        {
            return false;
        }

        LogRejected(logger, rejected.SqlState, rejected.MessageText, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "A value is out of the range this server accepts.",
            Detail = "A number is too large, a text too long, or a text has a character that cannot be stored.",
            Extensions = { ["code"] = "value_out_of_range" },
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostgreSQL rejected a value ({SqlState}: {Reason}) in {Method} {Path}: a validator should have caught it")]
    private static partial void LogRejected(ILogger logger, string sqlState, string reason, string method, string path);
}
