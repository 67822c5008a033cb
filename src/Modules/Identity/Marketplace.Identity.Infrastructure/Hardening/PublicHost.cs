using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Marketplace.Identity.Infrastructure.Hardening;

/// <summary>
/// First in the pipeline (after host filtering): every request is handled as addressed to the public origin's host, so no
/// absolute URL the app builds (OpenIddict's discovery document and redirects included) can carry a forged Host header.
/// </summary>
internal sealed class PublicHost(PublicOrigin origin) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var host = HostString.FromUriComponent(origin.Uri);
        app.Use((context, rest) =>
        {
            context.Request.Host = host;
            return rest(context);
        });
        next(app);
    };
}
