namespace Marketplace.Identity.Application.Accounts;

/// <summary>The operator's configured first admin (MARKETPLACE_ADMIN_EMAIL): an address that gets the Admin role once it is confirmed.</summary>
public interface IFirstAdmin
{
    bool Is(string email);
}
