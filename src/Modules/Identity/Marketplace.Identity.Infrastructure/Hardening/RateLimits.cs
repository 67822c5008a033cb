using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Infrastructure.Hardening;

/// <summary>
/// Fixed windows per client address on the endpoints that guess or spam: sign-in, sign-up, password reset, the account
/// pages that check a password, and the token endpoint. A global limiter keyed by path, because the token endpoint is
/// served by OpenIddict before routing.
/// </summary>
internal static class RateLimits
{
    /// <summary>
    /// The account pages whose forms check the account's password: change password, change email and delete account, and
    /// the confirmation pages (which ask for it when the address is the configured first admin's).
    /// </summary>
    private static readonly HashSet<string> AccountPasswordPages = new(
        ["/Account/Manage", "/Account/Manage/Index", "/Account/Manage/PersonalData", "/Account/ConfirmEmail", "/Account/ConfirmEmailChange"],
        StringComparer.OrdinalIgnoreCase);

    public static IServiceCollection AddIdentityRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<IdentityModuleOptions>>((limiter, identity) =>
        {
            var limits = identity.Value.RateLimits;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var (bucket, permits) = Classify(context.Request, limits);
                if (bucket is null)
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter($"{bucket}:{client}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = limits.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    private static (string? Bucket, int Permits) Classify(HttpRequest request, RateLimitOptions limits)
    {
        var path = request.Path;
        if (path.StartsWithSegments("/connect/token", StringComparison.OrdinalIgnoreCase))
        {
            return ("token", limits.TokenPerWindow);
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            return (null, 0);
        }

        if (path.StartsWithSegments("/Account/SignIn", StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-in", limits.SignInPerWindow);
        }

        if (path.StartsWithSegments("/Account/SignUp", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Account/ResendConfirmation", StringComparison.OrdinalIgnoreCase))
        {
            return ("sign-up", limits.SignUpPerWindow);
        }

        if (path.StartsWithSegments("/Account/ForgotPassword", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments("/Account/ResetPassword", StringComparison.OrdinalIgnoreCase))
        {
            return ("password-reset", limits.PasswordResetPerWindow);
        }

        if (AccountPasswordPages.Contains(path.Value?.TrimEnd('/') ?? ""))
        {
            return ("account-password", limits.AccountPasswordPerWindow);
        }

        return (null, 0);
    }
}
