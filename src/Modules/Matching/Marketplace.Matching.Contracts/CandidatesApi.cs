namespace Marketplace.Matching.Contracts;

/// <summary>The OAuth scope with which an employer's client reads its postings' ranked candidates.</summary>
public static class CandidatesApi
{
    public const string ReadScope = "candidates:read";

    /// <summary>The policy the identity module makes of the scope (see ApiScope.Policy).</summary>
    public const string ReadPolicy = "Api:" + ReadScope;
}
