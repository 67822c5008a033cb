namespace Marketplace.Identity.Infrastructure.Persistence;

/// <summary>
/// A signed-in browser session. The cookie carries only this row's key, so signing out (deleting the row) ends the
/// session for good, even for a stolen copy of the cookie.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }

    public Guid? UserId { get; set; }

    public byte[] Ticket { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
