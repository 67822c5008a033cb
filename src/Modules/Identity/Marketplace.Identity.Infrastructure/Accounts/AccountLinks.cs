using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Infrastructure.Accounts;

internal sealed class AccountLinks(IHttpContextAccessor accessor, LinkGenerator links, IOptions<IdentityModuleOptions> options)
    : IAccountLinks, IAccountPageLinks
{
    public string ConfirmEmail(Guid userId, string token) => Page("/Account/ConfirmEmail", new { userId, token });

    public string ResetPassword(Guid userId, string token) => Page("/Account/ResetPassword", new { userId, token });

    public string ConfirmEmailChange(Guid userId, string newEmail, string token) =>
        Page("/Account/ConfirmEmailChange", new { userId, email = newEmail, token });

    public string SignIn() => Page("/Account/SignIn", null);

    public string SignUpWithInvitation(string invitationToken)
    {
        var path = links.GetPathByPage("/Account/SignUp", handler: null, new { invitation = invitationToken })
            ?? throw new InvalidOperationException("No page /Account/SignUp is mapped.");
        return options.Value.PublicOrigin.TrimEnd('/') + path;
    }

    private string Page(string page, object? values)
    {
        var context = accessor.HttpContext ?? throw new InvalidOperationException("Account links are made while handling a request.");
        return links.GetUriByPage(context, page, handler: null, values)
            ?? throw new InvalidOperationException($"No page {page} is mapped.");
    }
}
