namespace Marketplace.Profiles.Contracts;

/// <summary>The OAuth scope of the seeker's own profile in the public API (GET and PUT /api/v1/me/profile).</summary>
public static class ProfileApi
{
    /// <summary>For the first-party app on a signed-in job seeker's behalf (authorization code with PKCE).</summary>
    public const string Scope = "profile:me";

    /// <summary>The policy the identity module makes of the scope (see ApiScope.Policy).</summary>
    public const string Policy = "Api:" + Scope;
}
