namespace Marketplace.Identity.Domain.Accounts;

/// <summary>What someone signs up as; admins are never self-registered.</summary>
public enum AccountKind
{
    JobSeeker,
    Employer,
}
