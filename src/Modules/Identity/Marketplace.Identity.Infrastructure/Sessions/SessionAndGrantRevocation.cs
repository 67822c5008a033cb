using Marketplace.Identity.Application.Accounts;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace Marketplace.Identity.Infrastructure.Sessions;

/// <summary>
/// Deletes the user's server-side sessions (their cookies stop working at once) and revokes their OAuth authorizations and
/// tokens (refresh tokens are refused, and access tokens too, since the API validates each token's entry), all through the
/// module's DbContext, so in the command's transaction.
/// </summary>
internal sealed class SessionAndGrantRevocation(
    IdentityModuleDbContext db,
    IHttpContextAccessor accessor,
    IOpenIddictTokenManager tokens,
    IOpenIddictAuthorizationManager authorizations) : IAccessRevocation
{
    public async Task RevokeAsync(Guid userId, bool keepCurrentSession, CancellationToken cancellationToken)
    {
        var sessions = db.Sessions.Where(s => s.UserId == userId);
        if (keepCurrentSession && DatabaseTicketStore.CurrentSessionOf(accessor.HttpContext) is { } current)
        {
            sessions = sessions.Where(s => s.Id != current);
        }

        await sessions.ExecuteDeleteAsync(cancellationToken);
        var subject = userId.ToString();
        await tokens.RevokeBySubjectAsync(subject, cancellationToken);
        await authorizations.RevokeBySubjectAsync(subject, cancellationToken);
    }
}
