using System.Text.Json;
using Marketplace.BuildingBlocks.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

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
        // Binding failures throw in every environment, so they reach the handler above rather than leaving an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
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
        ProblemDetails problem = FindJsonException(badRequest) is { Path: { Length: > 1 } path }
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [ResultHttpExtensions.JsonFieldName(path.TrimStart('$', '.'))] = ["This value could not be read; check its type and format."],
            })
            {
                Title = "The request has invalid fields.",
            }
            : new ProblemDetails { Title = "The request could not be read.", Detail = badRequest.Message };
        problem.Status = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }
}
