using Marketplace.Jobs.Contracts;

namespace Marketplace.Jobs.Application.Companies;

public sealed class CompanyInvitations(ICompanyRepository companies, TimeProvider clock) : ICompanyInvitations
{
    public async Task<InvitationCheck> CheckAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return new InvitationCheck(InvitationStatus.Unknown);
        }

        var hash = InvitationTokens.Hash(token.Trim());
        var company = await companies.FindByInvitationTokenHashAsync(hash, cancellationToken);
        var invitation = company?.Invitations.FirstOrDefault(i => i.TokenHash == hash);
        if (company is null || invitation is null)
        {
            return new InvitationCheck(InvitationStatus.Unknown);
        }

        var status = invitation.IsUsed ? InvitationStatus.Used
            : invitation.IsExpired(clock.GetUtcNow()) ? InvitationStatus.Expired
            : InvitationStatus.Valid;
        return new InvitationCheck(status, invitation.Id, company.Name, invitation.Email);
    }
}
