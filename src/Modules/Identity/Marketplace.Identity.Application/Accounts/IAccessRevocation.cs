namespace Marketplace.Identity.Application.Accounts;

/// <summary>Ends a user's browser sessions and revokes their OAuth grants and tokens, in the running command's transaction.</summary>
public interface IAccessRevocation
{
    /// <param name="keepCurrentSession">Keeps the session of this request when it is the user's own, so the person acting stays signed in.</param>
    Task RevokeAsync(Guid userId, bool keepCurrentSession, CancellationToken cancellationToken);
}
