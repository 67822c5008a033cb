using Marketplace.Identity.Web.Api;
using Marketplace.Identity.Web.Connect;
using Marketplace.Identity.Web.Hardening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Identity.Web;

public static class IdentityModuleWeb
{
    /// <summary>
    /// Security headers, HSTS when HTTPS is required (outside development by default), rate limits, authentication and authorization, in that order. The
    /// rate limiter comes before authentication because OpenIddict answers the token endpoint there.
    /// </summary>
    public static WebApplication UseIdentityModule(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        if (app.Configuration.GetValue<bool?>("Identity:RequireHttps") ?? !(app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing")))
        {
            app.UseHsts();
        }

        app.UseRateLimiter();
        app.UseMiddleware<FreshSessionAtSignIn>();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The OAuth endpoints and the identity API (the account pages come with the host's MapRazorPages).</summary>
    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapConnectEndpoints();
        endpoints.MapIdentityApi();
        return endpoints;
    }
}
