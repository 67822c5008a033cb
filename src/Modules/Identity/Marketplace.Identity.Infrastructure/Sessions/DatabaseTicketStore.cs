using System.Security.Claims;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Identity.Infrastructure.Sessions;

/// <summary>
/// Keeps cookie sessions on the server. A sign-in always makes a new row (a new session id, so nothing planted before
/// sign-in survives it) and sign-out deletes it, so a copied cookie stops working at once.
/// </summary>
internal sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock) : ITicketStore
{
    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var session = new UserSession
        {
            Id = Guid.NewGuid(),
            UserId = UserIdOf(ticket.Principal),
            Ticket = TicketSerializer.Default.Serialize(ticket),
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = ticket.Properties.ExpiresUtc,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id.ToString("N");
    }

    /// <summary>Set by a use case that ended all of a user's sessions and then re-signs this request's session in.</summary>
    public const string KeepCurrentSession = "marketplace:keep-current-session";

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, httpContext);

    private async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        var updated = await db.Sessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));

        // A renewal never brings a deleted session back (that is what sign-out and "end other sessions" rely on),
        // except for the one request that deleted them all on purpose and signs itself in again.
        if (updated == 0 && httpContext?.Items.ContainsKey(KeepCurrentSession) == true)
        {
            db.Sessions.Add(new UserSession
            {
                Id = id,
                UserId = UserIdOf(ticket.Principal),
                Ticket = bytes,
                CreatedAt = clock.GetUtcNow(),
                ExpiresAt = expires,
            });
            await db.SaveChangesAsync();
        }
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (session is null || session.ExpiresAt < clock.GetUtcNow())
        {
            return null;
        }

        return TicketSerializer.Default.Deserialize(session.Ticket);
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    private static Guid? UserIdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
