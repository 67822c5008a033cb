namespace Marketplace.Identity.Application.Accounts;

/// <summary>What someone signs up as; admins are never self-registered.</summary>
public enum AccountKind
{
    JobSeeker,
    Employer,
}
