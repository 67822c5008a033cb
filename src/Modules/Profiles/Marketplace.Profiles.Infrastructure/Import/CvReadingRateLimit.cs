using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.Profiles.Application.Import;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Profiles.Infrastructure.Import;

/// <summary>The <see cref="CvReadingLimit"/> policy: a fixed window per signed-in seeker, on posts only (showing the page is free).</summary>
internal static class CvReadingRateLimit
{
    public static IServiceCollection AddCvReadingRateLimit(this IServiceCollection services) =>
        services.Configure<RateLimiterOptions>(options => options.AddPolicy(CvReadingLimit.Policy, context =>
            !HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("reading-pages")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = CvReadingLimit.PerWindow,
                        Window = CvReadingLimit.Window,
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })));
}
