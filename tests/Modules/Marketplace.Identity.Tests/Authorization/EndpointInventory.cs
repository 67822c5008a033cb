using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Tests.Authorization;

/// <summary>Every route the running app serves, as "METHOD /pattern" (pages and method-less routes as "ANY").</summary>
public static class EndpointInventory
{
    public static IReadOnlyList<string> Routes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
                var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
                return methods is { Count: > 0 } && !isPage
                    ? methods.Select(m => $"{m} {pattern}")
                    : [$"{(isPage ? "PAGE" : "ANY")} {pattern}"];
            })
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
}
