using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Marketplace.BuildingBlocks.Infrastructure.Persistence;

/// <summary>
/// 503 with Retry-After, never 500, when a request fails because PostgreSQL cannot be reached for longer than the
/// execution strategy retries (a restart takes a few seconds; a unit of work that failed this way stored nothing).
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public static bool IsDatabaseUnavailable(Exception exception) =>
        UnitOfWork.Chain(exception).Any(e => e is DatabaseUnavailableException or RetryLimitExceededException or TransientDatabaseException
            or NpgsqlException { IsTransient: true });

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is briefly unavailable.",
                Detail = $"The database could not be reached; nothing was changed. Try again in {RetryAfterSeconds} seconds.",
                Extensions = { ["code"] = "unavailable" },
            },
        });
    }
}
