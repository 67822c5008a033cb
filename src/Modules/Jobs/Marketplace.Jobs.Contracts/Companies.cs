using Marketplace.BuildingBlocks.Application;

namespace Marketplace.Jobs.Contracts;

public enum InvitationStatus { Valid, Unknown, Used, Expired }

/// <summary>What a sign-up page needs to know about an invitation token.</summary>
public sealed record InvitationCheck(InvitationStatus Status, Guid? InvitationId = null, string? CompanyName = null, string? Email = null)
{
    public string? Problem => Status switch
    {
        InvitationStatus.Valid => null,
        InvitationStatus.Used => "This invitation has already been used. Ask the company's admin for a new one.",
        InvitationStatus.Expired => "This invitation has expired. Ask the company's admin for a new one.",
        _ => "This invitation link is not valid. Check that you copied the whole link.",
    };
}

/// <summary>The Jobs module's answer to "is this invitation token still good?", for the identity module's sign-up.</summary>
public interface ICompanyInvitations
{
    Task<InvitationCheck> CheckAsync(string? token, CancellationToken cancellationToken);
}
