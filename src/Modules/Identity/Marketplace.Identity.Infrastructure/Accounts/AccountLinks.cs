using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Contracts;
using Marketplace.Identity.Infrastructure.Hardening;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Identity.Infrastructure.Accounts;

/// <summary>Links for account mail: paths from the app's routes on the configured <see cref="PublicOrigin"/>, never on the request's host.</summary>
internal sealed class AccountLinks(LinkGenerator links, PublicOrigin origin) : IAccountLinks, IAccountPageLinks, IPublicLinks
{
    public string ConfirmEmail(Guid userId, string token) => Page("/Account/ConfirmEmail", new { userId, token });

    public string ResetPassword(Guid userId, string token) => Page("/Account/ResetPassword", new { userId, token });

    public string ConfirmEmailChange(Guid userId, string newEmail, string token) =>
        Page("/Account/ConfirmEmailChange", new { userId, email = newEmail, token });

    public string SignIn() => Page("/Account/SignIn", null);

    public string SignUpWithInvitation(string invitationToken) => Page("/Account/SignUp", new { invitation = invitationToken });

    public string ToPath(string pathAndQuery) => origin.Link(pathAndQuery);

    public string Page(string page, object? values = null) =>
        origin.Link(links.GetPathByPage(page, handler: null, values) ?? throw new InvalidOperationException($"No page {page} is mapped."));
}
