namespace Marketplace.Identity.Contracts;

/// <summary>
/// Where other modules' mail goes: the confirmed email address of each account, read at sending time so mail follows an
/// address change. Accounts that are gone or unconfirmed are left out.
/// </summary>
public interface IUserDirectory
{
    Task<IReadOnlyDictionary<Guid, string>> FindEmailsAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken);
}
