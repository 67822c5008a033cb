namespace Marketplace.Identity.Contracts;

/// <summary>Absolute links to the identity module's pages, built from the configured public origin, for other modules' mail.</summary>
public interface IAccountPageLinks
{
    /// <summary>The employer sign-up page for someone a company invited; works outside a request too.</summary>
    string SignUpWithInvitation(string invitationToken);

    /// <summary>An absolute link to a path of the app ("/Applications"), on the configured public origin.</summary>
    string ToPath(string pathAndQuery);
}
