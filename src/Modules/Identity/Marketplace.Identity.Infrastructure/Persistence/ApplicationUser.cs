using Marketplace.Identity.Application.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Marketplace.Identity.Infrastructure.Persistence;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public AccountKind Kind { get; set; }

    /// <summary>The company an employer named at sign-up; announced to the Jobs module once the email is confirmed.</summary>
    public string? CompanyName { get; set; }

    /// <summary>The company invitation an employer signed up through, instead of naming a company.</summary>
    public Guid? InvitationId { get; set; }

    public bool CompanyAnnounced { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
