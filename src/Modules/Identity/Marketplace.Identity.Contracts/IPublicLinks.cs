namespace Marketplace.Identity.Contracts;

/// <summary>
/// Absolute links to any page of the app on the configured public origin (never the request's host), for the mail other
/// modules send from requests and from background jobs alike.
/// </summary>
public interface IPublicLinks
{
    /// <summary>The page's route with these values, e.g. <c>Page("/Jobs/Details", new { id })</c>.</summary>
    string Page(string page, object? values = null);
}
