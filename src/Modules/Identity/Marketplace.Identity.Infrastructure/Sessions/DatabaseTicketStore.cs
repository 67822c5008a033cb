using System.Security.Claims;
using Marketplace.Identity.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Marketplace.Identity.Infrastructure.Sessions;

/// <summary>
/// Keeps cookie sessions on the server. A sign-in always makes a new row (a new session id, so nothing planted before
/// sign-in survives it) and sign-out deletes it, so a copied cookie stops working at once. A session ends after
/// <see cref="IdentityModuleOptions.AbsoluteSessionLifetime"/> from its sign-in, however often the sliding cookie renewed it.
/// </summary>
internal sealed class DatabaseTicketStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<IdentityModuleOptions> options) : ITicketStore
{
    private const string CurrentSessionItem = "marketplace:session-id";

    /// <summary>The session the request's cookie opened, if any (the cookie handler keeps the key to itself).</summary>
    public static Guid? CurrentSessionOf(HttpContext? context) =>
        context?.Items.TryGetValue(CurrentSessionItem, out var id) == true ? id as Guid? : null;

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

    /// <summary>A renewal never brings a deleted session back: that is what sign-out and "end other sessions" rely on.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var expires = ticket.Properties.ExpiresUtc;
        await db.Sessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Ticket, bytes).SetProperty(x => x.ExpiresAt, expires));
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) =>
        RetrieveAsync(key, (HttpContext?)httpContext);

    private async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext)
    {
        if (!Guid.TryParseExact(key, "N", out var id))
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityModuleDbContext>();
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (session.ExpiresAt < now || session.CreatedAt + options.Value.AbsoluteSessionLifetime <= now)
        {
            await db.Sessions.Where(s => s.Id == id).ExecuteDeleteAsync();
            return null;
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentSessionItem] = id;
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
