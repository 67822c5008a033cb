using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Authorization;

/// <summary>
/// Every route the running app serves, as "METHOD /pattern" (pages as "PAGE /pattern", method-less routes as "ANY"), and
/// every POST handler of every page, as "PAGE POST /page" or "PAGE POST /page?handler=Name".
/// </summary>
public static class EndpointInventory
{
    public static async Task<IReadOnlyList<string>> RoutesAsync(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var routes = endpoints.SelectMany(endpoint =>
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            return methods is { Count: > 0 } && !isPage
                ? methods.Select(m => $"{m} {pattern}")
                : [$"{(isPage ? "PAGE" : "ANY")} {pattern}"];
        }).ToHashSet(StringComparer.Ordinal);

        // A page's handlers are known once it is loaded (compiled); a page with two routes (/Account/Manage and its
        // Index) is one page, named by its path.
        var loader = services.GetRequiredService<PageLoader>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                routes.Add($"PAGE POST {page.ViewEnginePath}{(handler.Name is null ? "" : "?handler=" + handler.Name)}");
            }
        }

        return [.. routes.Order(StringComparer.Ordinal)];
    }
}
