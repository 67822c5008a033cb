namespace Marketplace.Matching.Contracts;

/// <summary>The OAuth scopes with which an employer's client reads its postings' ranked candidates and asks them to get in touch.</summary>
public static class CandidatesApi
{
    public const string ReadScope = "candidates:read";

    /// <summary>The policy the identity module makes of the scope (see ApiScope.Policy).</summary>
    public const string ReadPolicy = "Api:" + ReadScope;

    public const string WriteScope = "candidates:write";

    public const string WritePolicy = "Api:" + WriteScope;
}
