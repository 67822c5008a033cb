using Marketplace.Jobs.Domain.Companies;

namespace Marketplace.Jobs.Application.Companies;

/// <summary>The id and name of a company, as a posting needs them.</summary>
public sealed record CompanyName(Guid Id, string Name);

/// <summary>Where companies are kept, with their members and invitations; implemented by the Jobs infrastructure.</summary>
public interface ICompanyRepository
{
    void Add(Company company);

    Task<Company?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The company the user belongs to (an employer belongs to at most one).</summary>
    Task<Company?> FindByMemberAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>The id and name of the company the user belongs to, read without loading (or tracking) the company, its members and invitations.</summary>
    Task<CompanyName?> FindNameByMemberAsync(Guid userId, CancellationToken cancellationToken);

    Task<Company?> FindByInvitationAsync(Guid invitationId, CancellationToken cancellationToken);

    Task<Company?> FindByInvitationTokenHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Removes a deleted user's memberships and their name from invitations; returns how many rows changed.</summary>
    Task<int> ForgetUserAsync(Guid userId, CancellationToken cancellationToken);
}
