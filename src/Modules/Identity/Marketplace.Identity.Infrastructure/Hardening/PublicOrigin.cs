using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Marketplace.Identity.Infrastructure.Hardening;

/// <summary>
/// Where users reach the app: the host-wide "PublicOrigin" setting. Every link in mail is built from it, never from the
/// request, and it is the OpenIddict issuer; outside Development it is also the host the app answers (AllowedHosts), so a
/// forged Host header can neither put another address into a mailed link nor reach the app.
/// </summary>
public sealed class PublicOrigin
{
    public const string Key = "PublicOrigin";
    public const string DevelopmentDefault = "http://127.0.0.1:5080";

    private PublicOrigin(Uri uri) => Uri = uri;

    /// <summary>Scheme, host, port and path base, without a trailing slash.</summary>
    public Uri Uri { get; }

    public string Host => Uri.Host;

    /// <summary>An absolute link to a path of this app ("/Account/SignIn?x=1").</summary>
    public string Link(string pathAndQuery) => Uri.AbsoluteUri.TrimEnd('/') + "/" + pathAndQuery.TrimStart('/');

    /// <summary>
    /// The configured origin. Development and tests may leave it out: then the first address of the "urls" setting
    /// (`--urls`, which build/run.sh passes) that names a host, else <see cref="DevelopmentDefault"/>.
    /// </summary>
    public static PublicOrigin Resolve(IConfiguration configuration, bool local, bool requireHttps)
    {
        var configured = configuration[Key]?.Trim();
        if (string.IsNullOrEmpty(configured))
        {
            if (!local)
            {
                throw new InvalidOperationException(
                    $"{Key} is not set. Outside development set it to the address users reach the app at (e.g. https://marketplace.example.com): " +
                    "links in mail, the token issuer and the allowed hosts come from it.");
            }

            configured = FirstServerUrl(configuration) ?? DevelopmentDefault;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException($"{Key} '{configured}' must be an absolute http or https address without query, fragment or user name.");
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{Key} '{configured}' must use https while Identity:RequireHttps is on.");
        }

        return new PublicOrigin(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/')));
    }

    private static string? FirstServerUrl(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null)
            .FirstOrDefault(uri => uri is not null && uri.Host is not ("*" or "+" or "0.0.0.0" or "[::]"))
            ?.GetLeftPart(UriPartial.Authority);
}
